"""The import service with the real engine (the other service tests use a fixed stand-in so
their assertions do not move when the rules improve): what is stored is what the engine found."""

from pathlib import Path

from factdesk.extract import extract
from factdesk.services import import_text, list_claims
from factdesk.store import Database

SEED = Path(__file__).resolve().parents[2] / "seeds" / "white-house-summit.ar.txt"


def test_seed_article_is_stored_as_the_engine_reads_it(db: Database) -> None:
    text = SEED.read_text(encoding="utf-8")
    found = extract(text)
    import_text(db, text)
    rows = list_claims(db, limit=500).rows
    assert sorted((r.kind, r.text) for r in rows) == sorted(
        (c.kind, c.text) for c in found.claims
    )
    by_text = {r.text: r for r in rows}
    money = by_text["100 مليار دولار"]
    assert (money.value, money.unit) == (1e11, "USD")
    assert by_text["حوالي 40 دقيقة"].speaker == "يوري أوشاكوف"
    assert {r.speaker for r in rows if r.kind == "quote"} == {"دونالد ترامب"}
