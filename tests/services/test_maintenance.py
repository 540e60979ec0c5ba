"""Search keys follow the folding: a desk made by another version is re-keyed once on open."""

from __future__ import annotations

import pytest

from factdesk.services import (
    ClaimFilter,
    count_claims,
    ensure_search_keys,
    maintenance,
    open_desk,
    search,
)
from factdesk.store import Database


def test_fresh_desk_records_the_signature_and_then_does_nothing(seeded: Database) -> None:
    assert ensure_search_keys(seeded) == 0  # the seeded keys were made by this folding
    with seeded.read() as conn:
        stored = conn.execute(maintenance.meta.select()).all()
    assert [(r.key, r.value) for r in stored] == [("search_keys", maintenance.signature())]
    assert ensure_search_keys(seeded) == 0


def test_a_changed_folding_rebuilds_the_keys(
    seeded: Database, db_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ensure_search_keys(seeded)
    assert count_claims(seeded, ClaimFilter(search="فلاديمير")) == 0
    # a new version indexes بوتين with his first name too (the probe text has بوتين in it,
    # as it has every rule the real key function applies)
    old = search.search_text

    def newer(text: str) -> str:
        return old(text) + (" فلاديمير" if "بوتين" in text else "")

    monkeypatch.setattr(maintenance, "search_text", newer)
    notes: list[str] = []
    db = open_desk(db_target, notice=notes.append)
    assert count_claims(db, ClaimFilter(search="فلاديمير")) == 2
    assert notes == ["rebuilt the search keys of 2 claim(s) for this version's folding"]
    assert ensure_search_keys(db) == 0
    db.close()
