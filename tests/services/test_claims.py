"""Listing, filtering, keyset paging and Arabic-aware search, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from factdesk.services import (
    ClaimFilter,
    ServiceError,
    add_note,
    change_tags,
    count_claims,
    list_claims,
    set_status,
)
from factdesk.store import Database


def _all_ids(db: Database, f: ClaimFilter | None = None, sort: str = "id", limit: int = 2) -> list:
    ids, after = [], None
    while True:
        page = list_claims(db, f, sort=sort, limit=limit, after=after)
        ids += [r.id for r in page.rows]
        if page.next_cursor is None:
            return ids
        after = page.next_cursor


@pytest.mark.parametrize("sort", ["id", "-id", "updated", "-updated", "article"])
def test_keyset_pages_cover_every_claim_once_in_order(seeded: Database, sort: str) -> None:
    set_status(seeded, [2, 5], "false", analyst="a")  # makes `updated` differ between rows
    whole = [r.id for r in list_claims(seeded, sort=sort, limit=1000).rows]
    assert len(whole) == count_claims(seeded) == 8
    assert _all_ids(seeded, sort=sort, limit=2) == whole
    if sort == "id":
        assert whole == sorted(whole)
    if sort == "-id":
        assert whole == sorted(whole, reverse=True)
    if sort == "-updated":
        assert set(whole[:2]) == {2, 5}


def test_filters(seeded: Database) -> None:
    set_status(seeded, [1, 3], "misleading", analyst="a")
    add_note(seeded, 3, "call the ministry", analyst="a")
    change_tags(seeded, [1, 4], add=["أمن"], analyst="a")
    assert count_claims(seeded, ClaimFilter(kind="numeric")) == 2
    assert _all_ids(seeded, ClaimFilter(status="misleading")) == [1, 3]
    assert _all_ids(seeded, ClaimFilter(status="مضلل")) == [1, 3]  # Arabic label works too
    assert count_claims(seeded, ClaimFilter(speaker="بوتين")) == 1
    assert count_claims(seeded, ClaimFilter(speaker="أوشاكوف")) == 2  # quote + its number
    assert count_claims(seeded, ClaimFilter(speaker="nobody")) == 0
    assert count_claims(seeded, ClaimFilter(speaker="")) == 1  # the line with no speaker
    assert count_claims(seeded, ClaimFilter(article=2)) == 4
    assert _all_ids(seeded, ClaimFilter(tag="امن")) == [1, 4]  # folded: أمن == امن
    assert _all_ids(seeded, ClaimFilter(has_notes=True)) == [3]
    assert count_claims(seeded, ClaimFilter(has_notes=False)) == 7
    combined = ClaimFilter(kind="quote", status="misleading", has_notes=True)
    assert _all_ids(seeded, combined) == [3]
    with pytest.raises(ServiceError, match="unknown status"):
        count_claims(seeded, ClaimFilter(status="fals"))
    with pytest.raises(ServiceError, match="unknown sort"):
        list_claims(seeded, sort="speaker")


def _search(db: Database, q: str) -> list[str]:
    return [r.text for r in list_claims(db, ClaimFilter(search=q), limit=100).rows]


def test_search_folds_arabic_and_strips_clitics(seeded: Database) -> None:
    # «اجتماع» finds الاجتماع، للاجتماع، والاجتماع and اجتماعا? (no: a suffix is another word)
    hits = _search(seeded, "اجتماع")
    assert any("للاجتماع" in h for h in hits)
    assert any("والاجتماع" in h for h in hits)
    assert any("الاجتماعُ" in h for h in hits)  # with a damma on it
    # «بوتين» finds وبوتين and لبوتين as well as بوتين
    assert any("وبوتين" in h and "لبوتين" in h for h in _search(seeded, "بوتين"))
    assert len(_search(seeded, "بوتين")) == 2
    # hamza/alef forms, ta marbuta, alef maqsura folded on both sides
    assert _search(seeded, "اوكرانيا") == _search(seeded, "أوكرانيا")
    assert len(_search(seeded, "أوكرانيا")) == 2
    assert _search(seeded, "القمه") == _search(seeded, "القمة") != []
    assert _search(seeded, "المستشفي") == _search(seeded, "المستشفى") != []
    assert _search(seeded, "بُوتِين") == _search(seeded, "بوتين")
    # every word must match; prefix with *
    assert len(_search(seeded, "بوتين ثلاثيا")) == 1
    assert len(_search(seeded, "ضمان*")) == 1
    assert _search(seeded, "غرينلاند") == []


def test_search_combines_with_filters_and_paging(seeded: Database) -> None:
    f = ClaimFilter(search="اجتماع", kind="quote")
    assert _all_ids(seeded, f, limit=1) == [r.id for r in list_claims(seeded, f).rows]
    assert count_claims(seeded, f) == 3


def test_bad_cursor_is_a_clear_error(seeded: Database) -> None:
    with pytest.raises(ServiceError, match="cursor"):
        list_claims(seeded, sort="updated", after="bm9uc2Vuc2U")


@pytest.mark.parametrize("sort", ["id", "-id", "updated", "-updated", "article"])
def test_search_pages_in_every_sort(seeded: Database, sort: str) -> None:
    f = ClaimFilter(search="اجتماع")
    whole = [r.id for r in list_claims(seeded, f, sort=sort, limit=1000).rows]
    assert sorted(whole) == [1, 3, 8]
    assert _all_ids(seeded, f, sort=sort, limit=1) == whole
