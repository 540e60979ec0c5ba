"""Speakers and sources: find by any spelling, create on demand, list, merge."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from factdesk.services.common import ServiceError, aliases, claims, entities, utcnow
from factdesk.store.database import Database
from factdesk.text.normalize import fold

ENTITY_KINDS = ("person", "outlet", "platform", "organisation", "document")


@dataclass(frozen=True, slots=True)
class EntityInfo:
    id: int
    name: str
    kind: str
    aliases: tuple[str, ...]
    speaker_claims: int
    source_claims: int


def find_entity_id(conn: Connection, name: str) -> int | None:
    """The entity whose name or any alias folds to the same key as `name`."""
    key = fold(name.strip())
    if not key:
        return None
    hit = conn.scalar(select(entities.c.id).where(entities.c.name_folded == key))
    if hit is not None:
        return hit
    return conn.scalar(select(func.min(aliases.c.entity_id)).where(aliases.c.alias_folded == key))


def ensure_entity(
    conn: Connection, name: str, kind: str = "person", extra_aliases: tuple[str, ...] = ()
) -> tuple[int, bool]:
    """(id, created) for `name`, creating it (with aliases) when no spelling matches.

    The unique folded name makes a concurrent create by another analyst collide instead of
    duplicating; a savepoint lets us pick up their row and carry on.
    """
    name = " ".join(name.split())
    if not name:
        raise ServiceError("an entity needs a name")
    found = find_entity_id(conn, name)
    if found is None:
        for alias in extra_aliases:
            found = find_entity_id(conn, alias)
            if found is not None:
                break
    if found is not None:
        return found, False
    try:
        with conn.begin_nested():
            new_id = conn.scalar(
                insert(entities)
                .values(name=name, name_folded=fold(name), kind=kind, created_at=utcnow())
                .returning(entities.c.id)
            )
    except IntegrityError:
        again = find_entity_id(conn, name)
        if again is None:
            raise
        return again, False
    assert new_id is not None
    seen = {fold(name)}
    for alias in extra_aliases:
        key = fold(alias)
        if key and key not in seen:
            seen.add(key)
            conn.execute(insert(aliases).values(entity_id=new_id, alias=alias, alias_folded=key))
    return new_id, True


def entity_name(conn: Connection, entity_id: int | None) -> str | None:
    if entity_id is None:
        return None
    return conn.scalar(select(entities.c.name).where(entities.c.id == entity_id))


def resolve_entity(conn: Connection, ref: str | int) -> int:
    """An entity id from an id or any spelling; a clear error when there is none."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        eid = conn.scalar(select(entities.c.id).where(entities.c.id == int(ref)))
        if eid is not None:
            return eid
        if isinstance(ref, int):
            raise ServiceError(f"no speaker or source with id {ref}")
    eid = find_entity_id(conn, str(ref))
    if eid is None:
        raise ServiceError(f"no speaker or source called {ref!r}")
    return eid


def list_entities(db: Database, query: str | None = None) -> list[EntityInfo]:
    """Entities with their aliases and how many claims name them, by name."""
    with db.read() as conn:
        stmt = select(entities.c.id, entities.c.name, entities.c.kind).order_by(
            entities.c.name_folded
        )
        if query:
            key = f"%{fold(query)}%"
            stmt = stmt.where(
                or_(
                    entities.c.name_folded.like(key),
                    entities.c.id.in_(
                        select(aliases.c.entity_id).where(aliases.c.alias_folded.like(key))
                    ),
                )
            )
        rows = conn.execute(stmt).all()
        al: dict[int, list[str]] = {}
        for eid, alias in conn.execute(select(aliases.c.entity_id, aliases.c.alias)):
            al.setdefault(eid, []).append(alias)
        sp = dict(
            conn.execute(
                select(claims.c.speaker_id, func.count())
                .where(claims.c.speaker_id.is_not(None))
                .group_by(claims.c.speaker_id)
            ).all()
        )
        so = dict(
            conn.execute(
                select(claims.c.source_id, func.count())
                .where(claims.c.source_id.is_not(None))
                .group_by(claims.c.source_id)
            ).all()
        )
    return [
        EntityInfo(r.id, r.name, r.kind, tuple(al.get(r.id, ())), sp.get(r.id, 0), so.get(r.id, 0))
        for r in rows
    ]


def delete_if_unused(conn: Connection, entity_id: int) -> bool:
    """Drop an entity nothing points at (used when undoing the command that created it)."""
    used = conn.scalar(
        select(func.count())
        .select_from(claims)
        .where(or_(claims.c.speaker_id == entity_id, claims.c.source_id == entity_id))
    )
    if used:
        return False
    conn.execute(delete(entities).where(entities.c.id == entity_id))
    return True


def rename_entity(conn: Connection, entity_id: int, name: str) -> None:
    conn.execute(
        update(entities).where(entities.c.id == entity_id).values(name=name, name_folded=fold(name))
    )
