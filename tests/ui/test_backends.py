"""The window's reads and the claims model on both back ends (SQLite; PostgreSQL under .ci/run)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from factdesk.services import ArticleMeta, ClaimFilter, count_claims, import_texts, set_status
from factdesk.services import ui_support as support
from factdesk.store import Database, open_database
from factdesk.ui.claims_model import ClaimsModel, Query

# db_target (SQLite, and PostgreSQL under .ci/run) comes from tests/conftest.py


@pytest.fixture
def backend(db_target: str, sample_articles, extractor) -> Iterator[Database]:
    database = open_database(db_target, create=True)
    first, second = sample_articles
    import_texts(
        database,
        [
            (first, ArticleMeta(title="القمة", outlet="وكالة")),
            (second, ArticleMeta(title="ضمانات", outlet="صحيفة")),
        ],
        extractor=extractor,
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
