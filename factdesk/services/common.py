"""What every service shares: the error type, the analyst's name, table handles."""

from __future__ import annotations

import getpass
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from sqlalchemy import Connection, insert, select

from factdesk.store import models as m

T = TypeVar("T")

articles = m.Article.__table__
claims = m.Claim.__table__
entities = m.Entity.__table__
aliases = m.EntityAlias.__table__
statuses = m.Status.__table__
notes = m.Note.__table__
evidence = m.Evidence.__table__
tags = m.Tag.__table__
claim_tags = m.ClaimTag.__table__
history = m.History.__table__

utcnow = m.utcnow


class ServiceError(Exception):
    """A refused user action, as one line an analyst can act on (unknown claim, status...)."""


def default_analyst() -> str:
    """FACTDESK_ANALYST, else the login name: history always says who decided."""
    name = os.environ.get("FACTDESK_ANALYST", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def new_change_id() -> str:
    return uuid.uuid4().hex


def chunked(items: Sequence[T] | Iterable[T], size: int = 500) -> Iterator[list[T]]:
    """Bound IN-lists: SQLite allows 32k parameters, PostgreSQL 65k; 500 keeps plans simple."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def record(
    conn: Connection,
    change_id: str,
    analyst: str,
    rows: Iterable[dict[str, object]],
) -> None:
    """Append history rows (claim_id/entity_id, action, field, old_value, new_value)."""
    at = utcnow()
    batch = [
        {
            "change_id": change_id,
            "analyst": analyst,
            "at": at,
            "claim_id": r.get("claim_id"),
            "entity_id": r.get("entity_id"),
            "action": r["action"],
            "field": r.get("field"),
            "old_value": None if r.get("old_value") is None else str(r["old_value"]),
            "new_value": None if r.get("new_value") is None else str(r["new_value"]),
        }
        for r in rows
    ]
    if batch:
        conn.execute(insert(history).execution_options(render_nulls=True), batch)


def require_claims(conn: Connection, claim_ids: Sequence[int]) -> None:
    """Refuse the whole action if any claim id is unknown, before anything is written."""
    wanted = set(claim_ids)
    found: set[int] = set()
    for batch in chunked(sorted(wanted)):
        found.update(conn.scalars(select(claims.c.id).where(claims.c.id.in_(batch))))
    missing = sorted(wanted - found)
    if missing:
        shown = ", ".join(str(i) for i in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise ServiceError(f"no claim with id {shown}")
