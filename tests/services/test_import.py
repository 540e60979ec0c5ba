"""Import: one transaction per article, duplicates recognised, cancel and failure leave no half."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from factdesk.extract.model import Claim, Extraction
from factdesk.services import (
    ArticleMeta,
    ServiceError,
    count_claims,
    get_claim,
    import_paths,
    import_text,
    import_texts,
    list_claims,
    list_entities,
)
from factdesk.services.common import articles, claims
from factdesk.store import Database


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as conn:
        return (
            conn.scalar(select(func.count()).select_from(articles)) or 0,
            conn.scalar(select(func.count()).select_from(claims)) or 0,
        )


def test_import_stores_article_claims_and_entities(db: Database, extractor) -> None:
    text = "بوتين: سنلتقي خلال 2 أسبوع\nترامب: الاجتماع مهم\n"
    art = import_text(
        db,
        text,
        ArticleMeta(title="قمة", outlet="وكالة", url="https://x.example"),
        analyst="mona",
        extractor=extractor,
    )
    assert not art.duplicate and art.claims == 3
    page = list_claims(db, sort="article")
    assert [r.kind for r in page.rows] == ["quote", "numeric", "quote"]
    for r in page.rows:
        d = get_claim(db, r.id)
        with db.read() as conn:
            original = conn.scalar(select(articles.c.text))
        assert original == text  # stored exactly as decoded
        assert original[d.start : d.end] == r.text  # offsets index the original
        assert r.status == "unverified" and r.speaker_by == "engine"
    names = {e.name: e for e in list_entities(db)}
    assert names["بوتين"].speaker_claims == 2 and names["ترامب"].speaker_claims == 1


def test_reimport_of_same_text_is_recognised(db: Database, extractor) -> None:
    text = "بوتين: كلام\r\nترامب: كلام آخر"
    first = import_text(db, text, extractor=extractor)
    again = import_texts(
        db, [(text.replace("\r\n", "\n") + "\n\n", ArticleMeta())], extractor=extractor
    )
    assert again.duplicates[0].article_id == first.article_id
    assert not again.imported
    assert _counts(db) == (1, 2)


def test_failure_inside_an_article_leaves_nothing_of_it(db: Database, extractor) -> None:
    def broken(text: str, language: str | None) -> Extraction:
        good = extractor(text, language)
        if "انكسر" not in text:
            return good
        # a claim the database refuses (NOT NULL end) after the article row and other claims
        bad = Claim("quote", "x", 0, None)  # type: ignore[arg-type]
        return Extraction(text, "ar", (*good.claims, bad), (), good.entities)

    import_text(db, "بوتين: قبل", extractor=broken)
    report = import_texts(
        db,
        [("ترامب: انكسر هنا\nماكرون: ثم هذا", ArticleMeta()), ("ب: بعد", ArticleMeta())],
        extractor=broken,
    )
    # the refused article left nothing (no article row, no claims); the next one went in
    assert [a.title for a in report.imported] == ["ب: بعد"]
    assert report.failed and report.failed[0][1].startswith("could not store")
    assert _counts(db) == (2, 2)
    with pytest.raises(ServiceError, match="could not store"):
        import_text(db, "ترامب: انكسر مرة أخرى", extractor=broken)


def test_cancel_between_articles_and_progress(db: Database, extractor) -> None:
    texts = [(f"متحدث{i}: خبر رقم {i}", ArticleMeta()) for i in range(5)]
    seen: list[tuple[int, int]] = []
    asked = iter(range(100))  # the analyst presses Cancel while the third article is due
    report = import_texts(
        db,
        texts,
        extractor=extractor,
        progress=lambda d, t: seen.append((d, t)),
        cancelled=lambda: next(asked) >= 2,
    )
    assert report.cancelled and len(report.imported) == 2
    assert seen == [(1, 5), (2, 5)]
    assert _counts(db)[0] == 2


def test_import_paths_reports_bad_files_and_keeps_going(
    db: Database, extractor, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("بوتين: نص أول", encoding="utf-8")
    (folder / "b.txt").write_bytes("ترامب: نص ثان".encode("cp1256"))
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / ".hidden.txt").write_text("x: y", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    report = import_paths(db, [folder, tmp_path / "missing.txt"], extractor=extractor)
    assert [Path(a.source).name for a in report.imported] == ["a.txt", "b.txt"]
    failed = {Path(src).name: why for src, why in report.failed}
    assert set(failed) == {"c.txt", "missing.txt"}
    assert all("\n" not in why for why in failed.values())
    assert count_claims(db) == 2
    assert "2 could not be imported" in report.summary()


def test_empty_pasted_text_is_refused(db: Database, extractor) -> None:
    with pytest.raises(ServiceError, match="empty"):
        import_text(db, "  \n ", extractor=extractor)


def test_engine_failure_on_one_article_is_reported_and_the_rest_imported(
    db: Database, extractor
) -> None:
    def flaky(text: str, language: str | None) -> Extraction:
        if "عطل" in text:
            raise RuntimeError("lexicon missing\nsecond line")
        return extractor(text, language)

    report = import_texts(
        db, [("أ: عطل", ArticleMeta()), ("ب: سليم", ArticleMeta())], extractor=flaky
    )
    assert len(report.imported) == 1
    assert report.failed == [
        ("pasted text", "the extraction engine failed on pasted text: lexicon missing")
    ]
    assert _counts(db) == (1, 1)


def test_search_index_matches_the_claims_table(db: Database, extractor) -> None:
    """The import writes the FTS rows itself (no trigger): FTS5's own check must agree."""
    if not db.is_sqlite:
        pytest.skip("FTS5 is the SQLite search index; PostgreSQL indexes search_text itself")
    import_texts(
        db,
        [(f"م{i}: نص رقم {i} عن الاجتماع", ArticleMeta()) for i in range(70)],
        extractor=extractor,
    )
    import_texts(db, [("م1: نص رقم 1 عن الاجتماع", ArticleMeta())], extractor=extractor)
    with db.read() as conn:
        conn.exec_driver_sql("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
        n = conn.exec_driver_sql(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '\"اجتماع\"'"
        ).scalar()
    assert n == 70


def _engine_texts(n: int) -> list[tuple[str, ArticleMeta]]:
    return [
        (f"قال الرئيس رقم {i} إن «الاجتماع سيعقد خلال {i + 2} أيام» في العاصمة.", ArticleMeta())
        for i in range(n)
    ]


def test_engine_processes_give_the_same_desk(db: Database) -> None:
    """The real engine in a worker process, pipelined with storing, stores what in-process does."""
    pytest.importorskip("factdesk.extract.pipeline")
    texts = _engine_texts(40)
    pooled = import_texts(db, texts, workers=1)
    assert len(pooled.imported) == 40 and not pooled.failed
    claims_pooled = [(r.kind, r.text) for r in list_claims(db, sort="article", limit=1000).rows]
    inproc = import_texts(db, [(t + " ", m) for t, m in texts], workers=0)
    assert len(inproc.duplicates) == 40  # same texts: recognised, not stored twice
    assert claims_pooled and all(t for _, t in claims_pooled)


def _die(text: str, language: str | None) -> None:
    """Stands in for the engine process's work: the process is killed mid-import."""
    import os

    os._exit(1)


def test_a_dying_engine_process_falls_back_to_this_one(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("factdesk.extract.pipeline")
    from factdesk.services import articles as mod

    monkeypatch.setattr(mod, "_extract_in_worker", _die)
    report = import_texts(db, _engine_texts(20), workers=1)
    assert (len(report.imported), report.failed, report.cancelled) == (20, [], False)


def test_mixed_encoding_is_imported_with_a_warning(db: Database, extractor, tmp_path: Path) -> None:
    """Mostly UTF-8 with one word pasted in from a Windows-1256 document: kept, but flagged."""
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(
        ("بوتين: نص عربي عن القمة والاجتماع " * 20).encode()
        + "كلمة".encode("cp1256")
        + " نهاية".encode()
    )
    report = import_paths(db, [mixed], extractor=extractor)
    assert len(report.imported) == 1
    ((src, warning),) = report.warnings
    assert src == str(mixed) and "4 byte(s) in another encoding" in warning
