"""The analyst's edit verbs. Each runs one command (one transaction) and returns it for undo."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, insert, select, update

from factdesk.services.claims import ClaimFilter, matching_ids, status_id
from factdesk.services.commands import (
    _UNSET,
    AddEvidence,
    AddNote,
    ChangeTags,
    MergeEntities,
    SetStatus,
    TagClaim,
)
from factdesk.services.common import ServiceError, default_analyst, statuses
from factdesk.services.entities import resolve_entity
from factdesk.store.database import Database


def set_status(
    db: Database, claim_ids: list[int] | int, status: str, *, analyst: str | None = None
) -> SetStatus:
    """Set a verdict (key or label, English or Arabic) on one claim or a selection."""
    ids = [claim_ids] if isinstance(claim_ids, int) else list(dict.fromkeys(claim_ids))
    if not ids:
        raise ServiceError("no claims selected")
    with db.read() as conn:
        sid = status_id(conn, status)
    cmd = SetStatus(analyst=analyst or default_analyst(), claim_ids=ids, status_id=sid)
    cmd.do(db)
    return cmd


def bulk_set_status(
    db: Database, filters: ClaimFilter, status: str, *, analyst: str | None = None
) -> SetStatus:
    """Set a verdict on every claim a filter matches (the list's "select all")."""
    ids = matching_ids(db, filters)
    if not ids:
        raise ServiceError("no claims match that filter")
    return set_status(db, ids, status, analyst=analyst)


def tag_claim(
    db: Database,
    claim_id: int,
    *,
    speaker: str | None = None,
    source: str | None = None,
    analyst: str | None = None,
) -> TagClaim:
    """Pick or create the speaker/source by name ("" clears it); marks it analyst-set."""
    cmd = TagClaim(
        analyst=analyst or default_analyst(),
        claim_id=claim_id,
        speaker=_UNSET if speaker is None else speaker,
        source=_UNSET if source is None else source,
    )
    cmd.do(db)
    return cmd


def add_note(db: Database, claim_id: int, text: str, *, analyst: str | None = None) -> AddNote:
    cmd = AddNote(analyst=analyst or default_analyst(), claim_id=claim_id, note=text)
    cmd.do(db)
    return cmd


def add_evidence(
    db: Database,
    claim_id: int,
    *,
    url: str | None = None,
    file_ref: str | None = None,
    description: str = "",
    analyst: str | None = None,
) -> AddEvidence:
    cmd = AddEvidence(
        analyst=analyst or default_analyst(),
        claim_id=claim_id,
        url=url,
        file_ref=file_ref,
        description=description,
    )
    cmd.do(db)
    return cmd


def change_tags(
    db: Database,
    claim_ids: list[int],
    *,
    add: list[str] | None = None,
    remove: list[str] | None = None,
    analyst: str | None = None,
) -> ChangeTags:
    cmd = ChangeTags(
        analyst=analyst or default_analyst(),
        claim_ids=list(dict.fromkeys(claim_ids)),
        add=list(add or []),
        remove=list(remove or []),
    )
    cmd.do(db)
    return cmd


def merge_entities(
    db: Database, source: str | int, into: str | int, *, analyst: str | None = None
) -> MergeEntities:
    """Merge `source` into `into` (ids or any spelling): claims move, aliases are kept."""
    with db.read() as conn:
        sid, tid = resolve_entity(conn, source), resolve_entity(conn, into)
    cmd = MergeEntities(analyst=analyst or default_analyst(), source_id=sid, target_id=tid)
    cmd.do(db)
    return cmd


@dataclass(frozen=True, slots=True)
class StatusInfo:
    id: int
    key: str
    label: str
    label_ar: str | None
    position: int
    is_default: bool
    rating: int | None


def list_statuses(db: Database) -> list[StatusInfo]:
    with db.read() as conn:
        rows = conn.execute(
            select(
                statuses.c.id,
                statuses.c.key,
                statuses.c.label,
                statuses.c.label_ar,
                statuses.c.position,
                statuses.c.is_default,
                statuses.c.rating,
            ).order_by(statuses.c.position, statuses.c.id)
        ).all()
    return [StatusInfo(*r) for r in rows]


def add_status(
    db: Database,
    key: str,
    label: str,
    *,
    label_ar: str | None = None,
    rating: int | None = None,
) -> StatusInfo:
    """A newsroom's own verdict, appended after the existing ones."""
    key = key.strip().lower().replace(" ", "_")
    if not key or not label.strip():
        raise ServiceError("a status needs a key and a label")
    with db.write() as conn:
        if conn.scalar(select(statuses.c.id).where(statuses.c.key == key)) is not None:
            raise ServiceError(f"a status {key!r} already exists")
        pos = (conn.scalar(select(func.max(statuses.c.position))) or 0) + 10
        conn.execute(
            insert(statuses).values(
                key=key,
                label=label.strip(),
                label_ar=label_ar,
                position=pos,
                is_default=False,
                rating=rating,
            )
        )
    return next(s for s in list_statuses(db) if s.key == key)


def rename_status(
    db: Database, key: str, *, label: str | None = None, label_ar: str | None = None
) -> None:
    """Relabel a verdict; claims keep it, since they point at its id."""
    values = {k: v for k, v in (("label", label), ("label_ar", label_ar)) if v}
    if not values:
        raise ServiceError("give a new label")
    with db.write() as conn:
        res = conn.execute(update(statuses).where(statuses.c.key == key).values(**values))
        if not res.rowcount:
            raise ServiceError(f"unknown status {key!r}")
