"""Listing, counting, searching and reading claims: filters and sorting done in SQL, keyset paged.

OFFSET paging costs 40-80 ms at depth in a 1M-claim desk; a keyset cursor (the last row's
sort key) keeps every page a B-tree seek, so the window can scroll a million rows.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    and_,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.sql.elements import ColumnElement

from factdesk.services.common import (
    ServiceError,
    articles,
    claim_tags,
    claims,
    entities,
    evidence,
    history,
    notes,
    statuses,
    tags,
)
from factdesk.services.entities import find_entity_id
from factdesk.services.search import fts5_query, pg_tsquery
from factdesk.store.database import Database
from factdesk.text.normalize import fold

KINDS = ("quote", "statement", "numeric")
SORTS = ("id", "-id", "updated", "-updated", "article")
MAX_PAGE = 1000

speaker_t = entities.alias("speaker")
_FTS = table("claims_fts", column("rowid", Integer))
source_t = entities.alias("source")


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What the analyst narrowed the list to. Unset fields do not filter."""

    kind: str | None = None
    status: str | None = None  # a status key, e.g. "false"
    speaker: str | int | None = None  # entity id, or any spelling of its name
    source: str | int | None = None
    article: int | None = None
    tag: str | None = None
    has_notes: bool | None = None
    search: str | None = None  # Arabic-aware word search over the claim text
    ids: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    id: int
    article_id: int
    article_title: str
    kind: str
    text: str
    status: str
    status_label: str
    speaker: str | None
    source: str | None
    speaker_by: str
    source_by: str
    value: float | None
    value_to: float | None
    unit: str | None
    approx: bool
    updated_at: datetime
    updated_by: str | None


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[ClaimRow]
    next_cursor: str | None  # pass back as `after` for the next page; None at the end


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime
    analyst: str | None
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    change_id: str


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: int
    text: str
    author: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    id: int
    url: str | None
    file_ref: str | None
    description: str
    added_at: datetime
    added_by: str | None


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    row: ClaimRow
    start: int
    end: int
    context: str
    article_url: str | None
    outlet: str | None
    tags: tuple[str, ...]
    notes: list[NoteRow] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)


_ROW_COLUMNS = (
    claims.c.id,
    claims.c.article_id,
    articles.c.title.label("article_title"),
    claims.c.kind,
    claims.c.text,
    statuses.c.key.label("status"),
    statuses.c.label.label("status_label"),
    speaker_t.c.name.label("speaker"),
    source_t.c.name.label("source"),
    claims.c.speaker_by,
    claims.c.source_by,
    claims.c.value,
    claims.c.value_to,
    claims.c.unit,
    claims.c.approx,
    claims.c.updated_at,
    claims.c.updated_by,
)


def _row_select() -> Select[Any]:
    return select(*_ROW_COLUMNS).select_from(
        claims.join(articles, articles.c.id == claims.c.article_id)
        .join(statuses, statuses.c.id == claims.c.status_id)
        .outerjoin(speaker_t, speaker_t.c.id == claims.c.speaker_id)
        .outerjoin(source_t, source_t.c.id == claims.c.source_id)
    )


def status_id(conn: Connection, key: str) -> int:
    """The id of a status given its key or either label (case and Arabic folded)."""
    sid = conn.scalar(select(statuses.c.id).where(statuses.c.key == key))
    if sid is not None:
        return sid
    want = fold(key.strip().replace("_", " "))
    known = conn.execute(
        select(statuses.c.id, statuses.c.key, statuses.c.label, statuses.c.label_ar)
    )
    rows = known.all()
    for row in rows:
        names = (row.key.replace("_", " "), row.label, row.label_ar or "")
        if want in {fold(n) for n in names}:
            return row.id
    raise ServiceError(f"unknown status {key!r} (known: {', '.join(r.key for r in rows)})")


def _conditions(conn: Connection, f: ClaimFilter, dialect: str) -> list[ColumnElement[bool]] | None:
    """SQL conditions for a filter; None when it can match nothing (unknown speaker...)."""
    cond: list[ColumnElement[bool]] = []
    if f.kind:
        if f.kind not in KINDS:
            raise ServiceError(f"unknown kind {f.kind!r} (known: {', '.join(KINDS)})")
        cond.append(claims.c.kind == f.kind)
    if f.status:
        cond.append(claims.c.status_id == status_id(conn, f.status))
    for ref, col in ((f.speaker, claims.c.speaker_id), (f.source, claims.c.source_id)):
        if ref is None:
            continue
        if isinstance(ref, int):
            cond.append(col == ref)
        elif ref == "":
            cond.append(col.is_(None))
        else:
            eid = find_entity_id(conn, ref)
            if eid is None:
                return None
            cond.append(col == eid)
    if f.article is not None:
        cond.append(claims.c.article_id == f.article)
    if f.tag:
        tid = conn.scalar(select(tags.c.id).where(tags.c.name_folded == fold(f.tag)))
        if tid is None:
            return None
        cond.append(
            exists().where(and_(claim_tags.c.claim_id == claims.c.id, claim_tags.c.tag_id == tid))
        )
    if f.has_notes is not None:
        has = exists().where(notes.c.claim_id == claims.c.id)
        cond.append(has if f.has_notes else ~has)
    if f.ids is not None:
        cond.append(claims.c.id.in_(list(f.ids)))
    if f.search and f.search.strip():
        cond.append(_search_condition(f.search, dialect))
    return cond


def _search_condition(query: str, dialect: str) -> ColumnElement[bool]:
    if dialect == "sqlite":
        q = fts5_query(query)
        if q is None:
            raise ServiceError("the search has no words in it")
        return claims.c.id.in_(
            select(literal_column("rowid"))
            .select_from(text("claims_fts"))
            .where(literal_column("claims_fts").op("MATCH")(q))
        )
    if dialect == "postgresql":
        q = pg_tsquery(query)
        if q is None:
            raise ServiceError("the search has no words in it")
        vec = func.to_tsvector(literal_column("'simple'::regconfig"), claims.c.search_text)
        return vec.op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"), q))
    words = [w for w in fold(query).split() if w]
    return and_(*(claims.c.search_text.like(f"%{w}%") for w in words))


def _sort_columns(sort: str) -> tuple[list[ColumnElement[Any]], bool]:
    """(key columns ending with claims.id, descending?) for a sort name."""
    if sort not in SORTS:
        raise ServiceError(f"unknown sort {sort!r} (known: {', '.join(SORTS)})")
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    if name == "id":
        return [claims.c.id], desc
    if name == "updated":
        return [claims.c.updated_at, claims.c.id], desc
    return [claims.c.article_id, claims.c.start_pos, claims.c.id], desc


def _encode_cursor(values: list[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, cols: list[ColumnElement[Any]]) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(cols):
            raise ValueError
        return [
            datetime.fromisoformat(v) if c.key == "updated_at" else v
            for v, c in zip(values, cols, strict=True)
        ]
    except (ValueError, TypeError):
        raise ServiceError("that page cursor does not belong to this sort order") from None


def list_claims(
    db: Database,
    filters: ClaimFilter | None = None,
    *,
    sort: str = "id",
    limit: int = 100,
    after: str | None = None,
) -> Page:
    """One page of claims. Pass `next_cursor` back as `after` for the next page."""
    filters = filters or ClaimFilter()
    limit = max(1, min(limit, MAX_PAGE))
    cols, desc = _sort_columns(sort)
    # SQLite, search, id order: walk the FTS index in rowid order and join the rows, so a
    # page stops after `limit` hits (0.1 ms) instead of collecting every hit first (6+ ms).
    fts_driven = (
        db.is_sqlite and bool(filters.search and filters.search.strip()) and (sort in ("id", "-id"))
    )
    with db.read() as conn:
        base = replace(filters, search=None) if fts_driven else filters
        cond = _conditions(conn, base, db.dialect)
        if cond is None:
            return Page([], None)
        stmt = _row_select().where(*cond)
        if fts_driven:
            q = fts5_query(filters.search or "")
            if q is None:
                raise ServiceError("the search has no words in it")
            stmt = stmt.join(_FTS, _FTS.c.rowid == claims.c.id).where(
                literal_column("claims_fts").op("MATCH")(q)
            )
            cols = [_FTS.c.rowid]
        if after:
            key = _decode_cursor(after, cols)
            lhs = tuple_(*cols) if len(cols) > 1 else cols[0]
            rhs = tuple_(*key) if len(cols) > 1 else key[0]
            stmt = stmt.where(lhs < rhs if desc else lhs > rhs)
        stmt = stmt.order_by(*(c.desc() if desc else c.asc() for c in cols)).limit(limit + 1)
        # extra sort-key columns (start_pos) are not part of ClaimRow; fetch them alongside
        extra = [c for c in cols if c.key not in {x.key for x in _ROW_COLUMNS}]
        if extra:
            stmt = stmt.add_columns(*extra)
        result = conn.execute(stmt).all()
    more = len(result) > limit
    result = result[:limit]
    rows = [ClaimRow(*r[: len(_ROW_COLUMNS)]) for r in result]
    next_cursor = None
    if more and result:
        last = result[-1]._mapping
        next_cursor = _encode_cursor([last["id" if fts_driven else c.key] for c in cols])
    return Page(rows, next_cursor)


def count_claims(db: Database, filters: ClaimFilter | None = None) -> int:
    filters = filters or ClaimFilter()
    if db.is_sqlite and filters.search and filters == ClaimFilter(search=filters.search):
        # a search alone counts inside the FTS index: no row of the (wide) claims table is read
        q = fts5_query(filters.search)
        if q is None:
            raise ServiceError("the search has no words in it")
        with db.read() as conn:
            return conn.execute(
                text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH :q"), {"q": q}
            ).scalar_one()
    with db.read() as conn:
        cond = _conditions(conn, filters, db.dialect)
        if cond is None:
            return 0
        return conn.scalar(select(func.count()).select_from(claims).where(*cond)) or 0


def get_claim(db: Database, claim_id: int) -> ClaimDetail:
    """Everything about one claim: the row, its sentence, tags, notes, evidence, history."""
    with db.read() as conn:
        r = conn.execute(_row_select().where(claims.c.id == claim_id)).first()
        if r is None:
            raise ServiceError(f"no claim with id {claim_id}")
        pos = conn.execute(
            select(
                claims.c.start_pos,
                claims.c.end_pos,
                claims.c.sentence_start,
                claims.c.sentence_end,
                articles.c.text,
                articles.c.url,
                articles.c.outlet,
            )
            .select_from(claims.join(articles, articles.c.id == claims.c.article_id))
            .where(claims.c.id == claim_id)
        ).one()
        tag_names = tuple(
            conn.scalars(
                select(tags.c.name)
                .join(claim_tags, claim_tags.c.tag_id == tags.c.id)
                .where(claim_tags.c.claim_id == claim_id)
                .order_by(tags.c.name_folded)
            )
        )
        note_rows = [
            NoteRow(*n)
            for n in conn.execute(
                select(notes.c.id, notes.c.text, notes.c.author, notes.c.created_at)
                .where(notes.c.claim_id == claim_id)
                .order_by(notes.c.id)
            )
        ]
        ev_rows = [
            EvidenceRow(*e)
            for e in conn.execute(
                select(
                    evidence.c.id,
                    evidence.c.url,
                    evidence.c.file_ref,
                    evidence.c.description,
                    evidence.c.added_at,
                    evidence.c.added_by,
                )
                .where(evidence.c.claim_id == claim_id)
                .order_by(evidence.c.id)
            )
        ]
    hist = claim_history(db, claim_id)
    s, e = pos.sentence_start, pos.sentence_end
    context = pos.text[s:e] if e > s else pos.text[pos.start_pos : pos.end_pos]
    return ClaimDetail(
        row=ClaimRow(*r),
        start=pos.start_pos,
        end=pos.end_pos,
        context=context,
        article_url=pos.url,
        outlet=pos.outlet,
        tags=tag_names,
        notes=note_rows,
        evidence=ev_rows,
        history=hist,
    )


def claim_history(db: Database, claim_id: int) -> list[HistoryEntry]:
    """Who changed what on a claim, oldest first: the audit trail behind a verdict."""
    with db.read() as conn:
        return [
            HistoryEntry(*h)
            for h in conn.execute(
                select(
                    history.c.at,
                    history.c.analyst,
                    history.c.action,
                    history.c.field,
                    history.c.old_value,
                    history.c.new_value,
                    history.c.change_id,
                )
                .where(history.c.claim_id == claim_id)
                .order_by(history.c.id)
            )
        ]


def filter_conditions(
    conn: Connection, f: ClaimFilter, dialect: str
) -> list[ColumnElement[bool]] | None:
    """The SQL conditions for a filter, for other services (report, bulk status)."""
    return _conditions(conn, f, dialect)


def matching_ids(db: Database, f: ClaimFilter) -> list[int]:
    with db.read() as conn:
        cond = _conditions(conn, f, db.dialect)
        if cond is None:
            return []
        return list(conn.scalars(select(claims.c.id).where(*cond).order_by(claims.c.id)))


__all__ = [
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRow",
    "Page",
    "claim_history",
    "count_claims",
    "get_claim",
    "list_claims",
    "matching_ids",
]
