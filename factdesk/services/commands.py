"""Every analyst change as an undoable command: one transaction to do, one to undo.

A command is run once by its service function and can then be handed to an undo stack (the
window's QUndoStack wraps these). Undo only reverts rows still holding the value this command
wrote: if another analyst changed a claim since, their decision stands and the claim is
reported in `skipped`, so two people working at once never silently lose each other's work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update

from factdesk.services.common import (
    ServiceError,
    aliases,
    chunked,
    claim_tags,
    claims,
    entities,
    evidence,
    new_change_id,
    notes,
    record,
    require_claims,
    statuses,
    tags,
    utcnow,
)
from factdesk.services.entities import delete_if_unused, ensure_entity, entity_name
from factdesk.store.database import Database
from factdesk.text.normalize import fold


@dataclass
class Command:
    """Base: `text` names the change for an undo menu; `skipped` lists claims left alone."""

    analyst: str
    text: str = ""
    skipped: list[int] = field(default_factory=list)
    done: bool = False

    def do(self, db: Database) -> None:
        with db.write() as conn:
            self._do(conn, new_change_id())
        self.done = True

    def undo(self, db: Database) -> None:
        if not self.done:
            raise ServiceError("nothing to undo: that change was not made")
        self.skipped = []
        with db.write() as conn:
            self._undo(conn, new_change_id())
        self.done = False

    redo = do

    def _do(self, conn: Connection, change_id: str) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _undo(self, conn: Connection, change_id: str) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def _touch(conn: Connection, ids: list[int], analyst: str) -> None:
    for batch in chunked(ids):
        conn.execute(
            update(claims)
            .where(claims.c.id.in_(batch))
            .values(updated_at=utcnow(), updated_by=analyst)
        )


def _status_keys(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(statuses.c.id, statuses.c.key)).all())


@dataclass
class SetStatus(Command):
    """Set one verdict on one or many claims (the bulk action is the same command)."""

    claim_ids: list[int] = field(default_factory=list)
    status_id: int = 0
    previous: dict[int, int] = field(default_factory=dict)

    def _do(self, conn: Connection, change_id: str) -> None:
        require_claims(conn, self.claim_ids)
        keys = _status_keys(conn)
        if self.status_id not in keys:
            raise ServiceError(f"no status with id {self.status_id}")
        self.previous = {}
        for batch in chunked(self.claim_ids):
            self.previous.update(
                conn.execute(
                    select(claims.c.id, claims.c.status_id).where(claims.c.id.in_(batch))
                ).all()
            )
        changed = [i for i, s in self.previous.items() if s != self.status_id]
        now = utcnow()
        for batch in chunked(changed):
            conn.execute(
                update(claims)
                .where(claims.c.id.in_(batch))
                .values(status_id=self.status_id, updated_at=now, updated_by=self.analyst)
            )
        record(
            conn,
            change_id,
            self.analyst,
            (
                {
                    "claim_id": i,
                    "action": "set",
                    "field": "status",
                    "old_value": keys.get(self.previous[i]),
                    "new_value": keys[self.status_id],
                }
                for i in changed
            ),
        )
        self.text = f"set status {keys[self.status_id]} on {len(self.claim_ids)} claim(s)"

    def _undo(self, conn: Connection, change_id: str) -> None:
        keys = _status_keys(conn)
        now = utcnow()
        touched = [cid for cid, old in self.previous.items() if old != self.status_id]
        # Only claims still holding our verdict go back; they stay locked until we commit
        # (SQLite: the write lock; PostgreSQL: FOR UPDATE). Set-based, so undoing a bulk
        # change over 100k claims is a few hundred statements, not 100k.
        still: set[int] = set()
        for batch in chunked(touched):
            still.update(
                conn.scalars(
                    select(claims.c.id)
                    .where(and_(claims.c.id.in_(batch), claims.c.status_id == self.status_id))
                    .with_for_update()  # PostgreSQL: hold them until we commit
                )
            )
        self.skipped = [cid for cid in touched if cid not in still]
        by_old: dict[int, list[int]] = {}
        for cid in touched:
            if cid in still:
                by_old.setdefault(self.previous[cid], []).append(cid)
        for old, ids in by_old.items():
            for batch in chunked(ids):
                conn.execute(
                    update(claims)
                    .where(and_(claims.c.id.in_(batch), claims.c.status_id == self.status_id))
                    .values(status_id=old, updated_at=now, updated_by=self.analyst)
                )
        record(
            conn,
            change_id,
            self.analyst,
            (
                {
                    "claim_id": cid,
                    "action": "undo",
                    "field": "status",
                    "old_value": keys.get(self.status_id),
                    "new_value": keys.get(old),
                }
                for old, ids in by_old.items()
                for cid in ids
            ),
        )


_UNSET: Any = object()


@dataclass
class TagClaim(Command):
    """Set (or confirm, or clear with "") a claim's speaker and/or source."""

    claim_id: int = 0
    speaker: Any = _UNSET  # str name, "" to clear, or _UNSET to leave alone
    source: Any = _UNSET
    before: dict[str, tuple[int | None, str]] = field(default_factory=dict)
    after: dict[str, int | None] = field(default_factory=dict)
    created: list[int] = field(default_factory=list)

    def _do(self, conn: Connection, change_id: str) -> None:
        require_claims(conn, [self.claim_id])
        row = conn.execute(
            select(
                claims.c.speaker_id, claims.c.speaker_by, claims.c.source_id, claims.c.source_by
            ).where(claims.c.id == self.claim_id)
        ).one()
        values: dict[str, Any] = {}
        hist = []
        self.before, self.after, self.created = {}, {}, []
        for role, ref in (("speaker", self.speaker), ("source", self.source)):
            if ref is _UNSET:
                continue
            old_id, old_by = getattr(row, f"{role}_id"), getattr(row, f"{role}_by")
            new_id: int | None = None
            if ref:
                kind = "person" if role == "speaker" else "outlet"
                new_id, made = ensure_entity(conn, str(ref), kind)
                if made:
                    self.created.append(new_id)
            self.before[role] = (old_id, old_by)
            self.after[role] = new_id
            values[f"{role}_id"] = new_id
            values[f"{role}_by"] = "analyst"
            hist.append(
                {
                    "claim_id": self.claim_id,
                    "action": "set",
                    "field": role,
                    "old_value": entity_name(conn, old_id),
                    "new_value": entity_name(conn, new_id),
                }
            )
        if not values:
            raise ServiceError("give a speaker or a source to tag")
        values.update(updated_at=utcnow(), updated_by=self.analyst)
        conn.execute(update(claims).where(claims.c.id == self.claim_id).values(**values))
        record(conn, change_id, self.analyst, hist)
        self.text = f"tag claim {self.claim_id}"

    def _undo(self, conn: Connection, change_id: str) -> None:
        hist = []
        for role, (old_id, old_by) in self.before.items():
            col = claims.c[f"{role}_id"]
            res = conn.execute(
                update(claims)
                .where(
                    and_(
                        claims.c.id == self.claim_id,
                        col.is_(None) if self.after[role] is None else col == self.after[role],
                    )
                )
                .values(
                    {
                        f"{role}_id": old_id,
                        f"{role}_by": old_by,
                        "updated_at": utcnow(),
                        "updated_by": self.analyst,
                    }
                )
            )
            if not res.rowcount:
                self.skipped.append(self.claim_id)
                continue
            hist.append(
                {
                    "claim_id": self.claim_id,
                    "action": "undo",
                    "field": role,
                    "old_value": entity_name(conn, self.after[role]),
                    "new_value": entity_name(conn, old_id),
                }
            )
        for eid in self.created:
            delete_if_unused(conn, eid)
        record(conn, change_id, self.analyst, hist)


@dataclass
class AddNote(Command):
    claim_id: int = 0
    note: str = ""
    note_id: int | None = None

    def _do(self, conn: Connection, change_id: str) -> None:
        body = self.note.strip()
        if not body:
            raise ServiceError("a note cannot be empty")
        require_claims(conn, [self.claim_id])
        self.note_id = conn.scalar(
            insert(notes)
            .values(claim_id=self.claim_id, text=body, author=self.analyst, created_at=utcnow())
            .returning(notes.c.id)
        )
        _touch(conn, [self.claim_id], self.analyst)
        record(
            conn,
            change_id,
            self.analyst,
            [{"claim_id": self.claim_id, "action": "add", "field": "note", "new_value": body}],
        )
        self.text = f"note on claim {self.claim_id}"

    def _undo(self, conn: Connection, change_id: str) -> None:
        conn.execute(delete(notes).where(notes.c.id == self.note_id))
        record(
            conn,
            change_id,
            self.analyst,
            [
                {
                    "claim_id": self.claim_id,
                    "action": "undo",
                    "field": "note",
                    "old_value": self.note.strip(),
                }
            ],
        )


@dataclass
class AddEvidence(Command):
    claim_id: int = 0
    url: str | None = None
    file_ref: str | None = None
    description: str = ""
    evidence_id: int | None = None

    def _do(self, conn: Connection, change_id: str) -> None:
        if not (self.url or self.file_ref):
            raise ServiceError("evidence needs a URL or a file")
        require_claims(conn, [self.claim_id])
        self.evidence_id = conn.scalar(
            insert(evidence)
            .values(
                claim_id=self.claim_id,
                url=self.url,
                file_ref=self.file_ref,
                description=self.description,
                added_at=utcnow(),
                added_by=self.analyst,
            )
            .returning(evidence.c.id)
        )
        _touch(conn, [self.claim_id], self.analyst)
        record(
            conn,
            change_id,
            self.analyst,
            [
                {
                    "claim_id": self.claim_id,
                    "action": "add",
                    "field": "evidence",
                    "new_value": self.url or self.file_ref,
                }
            ],
        )
        self.text = f"evidence on claim {self.claim_id}"

    def _undo(self, conn: Connection, change_id: str) -> None:
        conn.execute(delete(evidence).where(evidence.c.id == self.evidence_id))
        record(
            conn,
            change_id,
            self.analyst,
            [
                {
                    "claim_id": self.claim_id,
                    "action": "undo",
                    "field": "evidence",
                    "old_value": self.url or self.file_ref,
                }
            ],
        )


def _ensure_tag(conn: Connection, name: str) -> int:
    name = " ".join(name.split())
    key = fold(name)
    if not key:
        raise ServiceError("a tag needs a name")
    tid = conn.scalar(select(tags.c.id).where(tags.c.name_folded == key))
    if tid is None:
        tid = conn.scalar(insert(tags).values(name=name, name_folded=key).returning(tags.c.id))
    assert tid is not None
    return tid


@dataclass
class ChangeTags(Command):
    """Add and/or remove free tags on claims; undo reverses only what actually changed."""

    claim_ids: list[int] = field(default_factory=list)
    add: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    added: list[tuple[int, int]] = field(default_factory=list)
    removed: list[tuple[int, int]] = field(default_factory=list)

    def _do(self, conn: Connection, change_id: str) -> None:
        require_claims(conn, self.claim_ids)
        self.added, self.removed = [], []
        hist = []
        for name in self.add:
            tid = _ensure_tag(conn, name)
            have = set(
                conn.scalars(select(claim_tags.c.claim_id).where(claim_tags.c.tag_id == tid))
            )
            new = [(c, tid) for c in self.claim_ids if c not in have]
            if new:
                conn.execute(insert(claim_tags), [{"claim_id": c, "tag_id": t} for c, t in new])
            self.added += new
            hist += [
                {"claim_id": c, "action": "add", "field": "tag", "new_value": name} for c, _ in new
            ]
        for name in self.remove:
            tid = conn.scalar(select(tags.c.id).where(tags.c.name_folded == fold(name)))
            if tid is None:
                continue
            for c in self.claim_ids:
                res = conn.execute(
                    delete(claim_tags).where(
                        and_(claim_tags.c.claim_id == c, claim_tags.c.tag_id == tid)
                    )
                )
                if res.rowcount:
                    self.removed.append((c, tid))
                    hist.append(
                        {"claim_id": c, "action": "remove", "field": "tag", "old_value": name}
                    )
        _touch(conn, sorted({c for c, _ in self.added + self.removed}), self.analyst)
        record(conn, change_id, self.analyst, hist)
        self.text = f"tags on {len(self.claim_ids)} claim(s)"

    def _undo(self, conn: Connection, change_id: str) -> None:
        for c, t in self.added:
            conn.execute(
                delete(claim_tags).where(and_(claim_tags.c.claim_id == c, claim_tags.c.tag_id == t))
            )
        for c, t in self.removed:
            exists_ = conn.scalar(
                select(claim_tags.c.claim_id).where(
                    and_(claim_tags.c.claim_id == c, claim_tags.c.tag_id == t)
                )
            )
            if exists_ is None:
                conn.execute(insert(claim_tags).values(claim_id=c, tag_id=t))
        record(
            conn,
            change_id,
            self.analyst,
            [
                {"claim_id": c, "action": "undo", "field": "tag"}
                for c, _ in self.added + self.removed
            ],
        )


@dataclass
class MergeEntities(Command):
    """Fold entity `source_id` into `target_id`: its claims move, its spellings become aliases."""

    source_id: int = 0
    target_id: int = 0
    snapshot: dict[str, Any] = field(default_factory=dict)

    def _do(self, conn: Connection, change_id: str) -> None:
        if self.source_id == self.target_id:
            raise ServiceError("cannot merge an entity into itself")
        src = conn.execute(select(entities).where(entities.c.id == self.source_id)).first()
        dst = conn.execute(select(entities).where(entities.c.id == self.target_id)).first()
        if src is None or dst is None:
            missing = self.source_id if src is None else self.target_id
            raise ServiceError(f"no speaker or source with id {missing}")
        src_aliases = conn.execute(
            select(aliases.c.alias, aliases.c.alias_folded).where(
                aliases.c.entity_id == self.source_id
            )
        ).all()
        have = set(
            conn.scalars(
                select(aliases.c.alias_folded).where(aliases.c.entity_id == self.target_id)
            )
        ) | {dst.name_folded}
        moved_speaker = list(
            conn.scalars(select(claims.c.id).where(claims.c.speaker_id == self.source_id))
        )
        moved_source = list(
            conn.scalars(select(claims.c.id).where(claims.c.source_id == self.source_id))
        )
        new_aliases = []
        for alias, key in [(src.name, src.name_folded), *src_aliases]:
            if key not in have:
                have.add(key)
                new_aliases.append(
                    {"entity_id": self.target_id, "alias": alias, "alias_folded": key}
                )
        if new_aliases:
            conn.execute(insert(aliases), new_aliases)
        conn.execute(
            update(claims)
            .where(claims.c.speaker_id == self.source_id)
            .values(speaker_id=self.target_id)
        )
        conn.execute(
            update(claims)
            .where(claims.c.source_id == self.source_id)
            .values(source_id=self.target_id)
        )
        _touch(conn, sorted(set(moved_speaker) | set(moved_source)), self.analyst)
        conn.execute(delete(entities).where(entities.c.id == self.source_id))
        self.snapshot = {
            "entity": dict(src._mapping),
            "aliases": [tuple(a) for a in src_aliases],
            "added_aliases": [a["alias_folded"] for a in new_aliases],
            "speaker": moved_speaker,
            "source": moved_source,
        }
        hist: list[dict[str, object]] = [
            {
                "entity_id": self.target_id,
                "action": "merge",
                "field": "entity",
                "old_value": src.name,
                "new_value": dst.name,
            }
        ]
        hist += [
            {
                "claim_id": c,
                "action": "merge",
                "field": "speaker",
                "old_value": src.name,
                "new_value": dst.name,
            }
            for c in moved_speaker
        ]
        hist += [
            {
                "claim_id": c,
                "action": "merge",
                "field": "source",
                "old_value": src.name,
                "new_value": dst.name,
            }
            for c in moved_source
        ]
        record(conn, change_id, self.analyst, hist)
        self.text = f"merge {src.name} into {dst.name}"

    def _undo(self, conn: Connection, change_id: str) -> None:
        snap = self.snapshot
        conn.execute(insert(entities).values(**snap["entity"]))
        if snap["aliases"]:
            conn.execute(
                insert(aliases),
                [
                    {"entity_id": self.source_id, "alias": a, "alias_folded": k}
                    for a, k in snap["aliases"]
                ],
            )
        for key in snap["added_aliases"]:
            conn.execute(
                delete(aliases).where(
                    and_(aliases.c.entity_id == self.target_id, aliases.c.alias_folded == key)
                )
            )
        for role in ("speaker", "source"):
            col = claims.c[f"{role}_id"]
            for batch in chunked(snap[role]):
                conn.execute(
                    update(claims)
                    .where(and_(claims.c.id.in_(batch), col == self.target_id))
                    .values({f"{role}_id": self.source_id})
                )
        record(
            conn,
            change_id,
            self.analyst,
            [
                {
                    "entity_id": self.source_id,
                    "action": "undo",
                    "field": "entity",
                    "new_value": snap["entity"]["name"],
                }
            ],
        )
