"""The read services the window adds (factdesk/services/ui_support.py)."""

from __future__ import annotations

from factdesk.services import ClaimFilter, count_claims, set_status
from factdesk.services import ui_support as support


def test_claim_ids_follow_filter_and_sort(db):
    everything = support.claim_ids(db)
    assert list(everything) == sorted(everything) and len(everything) == count_claims(db)
    assert list(support.claim_ids(db, descending=True)) == sorted(everything, reverse=True)
    set_status(db, [3], "false")
    by_status = list(support.claim_ids(db, sort="status", descending=True))
    assert by_status[0] == 3
    numeric = support.claim_ids(db, ClaimFilter(kind="numeric"), sort="value")
    assert 0 < len(numeric) < len(everything)
    chunks = list(support.iter_claim_ids(db, first=2, chunk=5))
    assert [len(c) for c in chunks[:2]] == [2, 5]
    assert sum(len(c) for c in chunks) == len(everything)
    n, lo, hi = support.id_span(db)
    assert (n, lo, hi) == (len(everything), 1, len(everything))


def test_rows_articles_and_lookups(db):
    rows = support.rows_for_ids(db, [2, 1])
    assert set(rows) == {1, 2}
    arts = support.list_articles(db)
    assert len(arts) == 2
    assert sum(a.claims for a in arts) == count_claims(db)
    assert arts[-1].by_status == {"unverified": arts[-1].claims}
    art = support.get_article(db, arts[-1].id)
    assert art.spans and all(art.text[s.start : s.end] for s in art.spans)
    assert "دونالد ترامب" in support.entity_names(db)
    assert support.list_tags(db) == [] and support.tags_in_use(db) == []
