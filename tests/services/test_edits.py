"""Status, speaker/source, notes, evidence, tags, merges: history, undo, and concurrent analysts."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from factdesk.services import (
    ClaimFilter,
    ServiceError,
    add_evidence,
    add_note,
    add_status,
    bulk_set_status,
    change_tags,
    claim_history,
    count_claims,
    get_claim,
    list_entities,
    list_statuses,
    merge_entities,
    rename_status,
    set_status,
    tag_claim,
)
from factdesk.services.common import notes
from factdesk.store import Database, open_database


def test_set_status_records_who_and_undo_restores(seeded: Database) -> None:
    cmd = set_status(seeded, [1, 2], "false", analyst="mona")
    assert get_claim(seeded, 1).row.status == "false"
    assert get_claim(seeded, 1).row.updated_by == "mona"
    h = claim_history(seeded, 1)[-1]
    assert (h.analyst, h.field, h.old_value, h.new_value) == (
        "mona",
        "status",
        "unverified",
        "false",
    )
    cmd.undo(seeded)
    assert get_claim(seeded, 1).row.status == "unverified"
    assert claim_history(seeded, 1)[-1].action == "undo"
    cmd.redo(seeded)
    assert get_claim(seeded, 2).row.status == "false"


def test_undo_keeps_another_analysts_later_decision(seeded: Database) -> None:
    mine = set_status(seeded, [1, 2], "false", analyst="mona")
    set_status(seeded, [2], "true", analyst="omar")  # omar decided after mona
    mine.undo(seeded)
    assert get_claim(seeded, 1).row.status == "unverified"
    assert get_claim(seeded, 2).row.status == "true"  # omar's verdict stands
    assert mine.skipped == [2]


def test_bulk_status_on_a_filter(seeded: Database) -> None:
    cmd = bulk_set_status(seeded, ClaimFilter(kind="numeric"), "in progress", analyst="a")
    assert count_claims(seeded, ClaimFilter(status="in_progress")) == 2
    assert len(cmd.claim_ids) == 2
    with pytest.raises(ServiceError, match="no claims match"):
        bulk_set_status(seeded, ClaimFilter(search="غرينلاند"), "true")


def test_unknown_claim_refuses_the_whole_action(seeded: Database) -> None:
    with pytest.raises(ServiceError, match="no claim with id 999"):
        set_status(seeded, [1, 999], "false")
    assert get_claim(seeded, 1).row.status == "unverified"


def test_tag_speaker_creates_or_picks_entity_and_undo(seeded: Database) -> None:
    cmd = tag_claim(seeded, 8, speaker="فلاديمير بوتين", source="وكالة تاس", analyst="mona")
    row = get_claim(seeded, 8).row
    assert (row.speaker, row.speaker_by, row.source) == ("فلاديمير بوتين", "analyst", "وكالة تاس")
    cmd.undo(seeded)
    row = get_claim(seeded, 8).row
    assert (row.speaker, row.speaker_by, row.source) == (None, "engine", None)
    assert "وكالة تاس" not in {e.name for e in list_entities(seeded)}  # created, then undone
    # an existing entity is picked by any folded spelling, not duplicated
    before = len(list_entities(seeded))
    tag_claim(seeded, 8, speaker="اوشاكوف")
    assert get_claim(seeded, 8).row.speaker == "أوشاكوف"
    assert len(list_entities(seeded)) == before
    tag_claim(seeded, 8, speaker="")
    assert get_claim(seeded, 8).row.speaker is None


def test_notes_evidence_tags_and_their_undo(seeded: Database) -> None:
    n = add_note(seeded, 3, "اتصلنا بالمكتب", analyst="mona")
    e = add_evidence(seeded, 3, url="https://evidence.example/1", description="transcript")
    t = change_tags(seeded, [3, 4], add=["أمن", "قمة"], analyst="mona")
    d = get_claim(seeded, 3)
    assert [x.text for x in d.notes] == ["اتصلنا بالمكتب"]
    assert [x.url for x in d.evidence] == ["https://evidence.example/1"]
    assert set(d.tags) == {"أمن", "قمة"}
    r = change_tags(seeded, [3], remove=["قمة"])
    assert get_claim(seeded, 3).tags == ("أمن",)
    r.undo(seeded)
    assert set(get_claim(seeded, 3).tags) == {"أمن", "قمة"}
    for cmd in (t, e, n):
        cmd.undo(seeded)
    d = get_claim(seeded, 3)
    assert (d.notes, d.evidence, d.tags) == ([], [], ())
    with pytest.raises(ServiceError):
        add_note(seeded, 3, "   ")
    with pytest.raises(ServiceError):
        add_evidence(seeded, 3)


def test_merge_moves_claims_keeps_aliases_and_undoes(seeded: Database) -> None:
    tag_claim(seeded, 8, source="بوتين")  # بوتين is now a speaker (claim 1) and a source (8)
    tag_claim(seeded, 6, speaker="الرئيس الروسي")
    cmd = merge_entities(seeded, "الرئيس الروسي", "بوتين", analyst="mona")
    ents = {e.name: e for e in list_entities(seeded)}
    assert "الرئيس الروسي" not in ents
    assert "الرئيس الروسي" in ents["بوتين"].aliases
    assert (ents["بوتين"].speaker_claims, ents["بوتين"].source_claims) == (2, 1)
    assert get_claim(seeded, 6).row.speaker == "بوتين"
    # the alias now finds the merged entity
    assert count_claims(seeded, ClaimFilter(speaker="الرئيس الروسي")) == 2
    cmd.undo(seeded)
    ents = {e.name: e for e in list_entities(seeded)}
    assert ents["الرئيس الروسي"].speaker_claims == 1
    assert ents["بوتين"].aliases == ()
    assert get_claim(seeded, 6).row.speaker == "الرئيس الروسي"
    with pytest.raises(ServiceError, match="itself"):
        merge_entities(seeded, "بوتين", "بوتين")


def test_statuses_are_data(seeded: Database) -> None:
    add_status(seeded, "satire", "Satire", label_ar="ساخر")
    rename_status(seeded, "false", label="Wrong", label_ar="غير صحيح")
    keys = [s.key for s in list_statuses(seeded)]
    assert keys[-1] == "satire" and keys[0] == "unverified"
    set_status(seeded, [1], "ساخر")
    set_status(seeded, [2], "غير صحيح")
    assert get_claim(seeded, 1).row.status_label == "Satire"
    assert get_claim(seeded, 2).row.status_label == "Wrong"
    with pytest.raises(ServiceError, match="already exists"):
        add_status(seeded, "satire", "x")


def test_two_analysts_writing_at_once_lose_nothing(seeded: Database, db_target: str) -> None:
    """Two processes' worth of connections hammer the same claims; every change survives."""
    other = open_database(db_target)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(database: Database, who: str, status: str) -> None:
        try:
            start.wait()
            for i in range(15):
                claim = 1 + i % 8
                add_note(database, claim, f"{who} {i}", analyst=who)
                set_status(database, [claim], status, analyst=who)
                tag_claim(database, claim, source=f"مصدر {who}", analyst=who)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(seeded, "mona", "false")),
        threading.Thread(target=work, args=(other, "omar", "true")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert not errors, errors
    with seeded.read() as conn:
        assert conn.scalar(select(func.count()).select_from(notes)) == 30
    writers = set()
    for claim in range(1, 9):
        hist = claim_history(seeded, claim)
        writers |= {h.analyst for h in hist if h.field == "note"}
        # the claim's state is exactly what its last recorded change says
        last_status = [h for h in hist if h.field == "status"][-1]
        assert get_claim(seeded, claim).row.status == last_status.new_value
        last_source = [h for h in hist if h.field == "source"][-1]
        assert get_claim(seeded, claim).row.source == last_source.new_value
    assert writers == {"mona", "omar"}
