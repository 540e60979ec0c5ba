"""The window's reads and the claims model on both back ends (SQLite; PostgreSQL under .ci/run)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from factdesk.services import ArticleMeta, ClaimFilter, count_claims, import_texts, set_status
from factdesk.services import ui_support as support
from factdesk.store import Database, open_database
from factdesk.ui.claims_model import ClaimsModel, Query

_spec = importlib.util.spec_from_file_location(
    "_ui_backend_fixtures", Path(__file__).parents[1] / "store" / "conftest.py"
)
assert _spec and _spec.loader
_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store)
# every fixture of tests/store except its `db` (tests/ui has its own): db_target and what it
# needs (the PostgreSQL session database...), whatever the store tests add later
for _name in dir(_store):
    _obj = getattr(_store, _name)
    if _name != "db" and (
        hasattr(_obj, "_fixture_function_marker") or hasattr(_obj, "_pytestfixturefunction")
    ):
        globals()[_name] = _obj


@pytest.fixture
def backend(db_target: str) -> Iterator[Database]:
    database = open_database(db_target, create=True)
    import_texts(
        database,
        [
            (_store.ARTICLE_1, ArticleMeta(title="القمة", outlet="وكالة")),
            (_store.ARTICLE_2, ArticleMeta(title="ضمانات", outlet="صحيفة")),
        ],
        extractor=_store.fake_extract,
    )
    yield database
    database.close()


def test_reads_the_window_needs(backend):
    db = backend
    n = count_claims(db)
    assert n > 4
    assert list(support.claim_ids(db)) == list(range(1, n + 1))
    assert support.id_span(db) == (n, 1, n)
    chunks = list(support.iter_claim_ids(db, first=2, chunk=3))
    assert [len(c) for c in chunks[:2]] == [2, 3]
    set_status(db, [n], "false")
    assert support.claim_ids(db, sort="status", descending=True)[0] == n
    hits = support.claim_ids(db, ClaimFilter(search="بوتين"))
    assert 0 < len(hits) < n
    rows = support.rows_for_ids(db, list(hits))
    assert set(rows) == set(hits)
    arts = support.list_articles(db)
    assert [a.title for a in arts] == ["ضمانات", "القمة"]
    assert sum(a.claims for a in arts) == n
    art = support.get_article(db, arts[0].id)
    assert all(art.text[s.start : s.end] for s in art.spans)
    assert "بوتين" in support.entity_names(db)


def test_claims_model_on_each_back_end(qtbot, qtmodeltester, backend):
    model = ClaimsModel(backend)
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_query(Query(ClaimFilter(), "speaker", False))
    assert model.rowCount() == count_claims(backend)
    qtmodeltester.check(model)
