"""Importing articles: decode, extract, store the article and its claims in one transaction.

Each article is its own transaction, so a cancelled or failed import keeps every article that
finished and no half of the one that did not. Re-importing the same text is recognised by a
content hash (line endings and outer blanks ignored) and reported, never duplicated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from factdesk.extract.model import Extraction
from factdesk.services.common import (
    ServiceError,
    articles,
    claims,
    default_analyst,
    statuses,
    utcnow,
)
from factdesk.services.entities import ensure_entity
from factdesk.services.search import search_text
from factdesk.store.database import Database

TEXT_SUFFIXES = {".txt", ".text", ".md"}
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Extractor = Callable[[str, str | None], Extraction]


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None  # None: detected by the engine


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    article_id: int
    title: str
    claims: int
    duplicate: bool  # True: the same text was already in the desk (article_id is that one)
    source: str


@dataclass
class ImportReport:
    imported: list[ImportedArticle] = field(default_factory=list)
    duplicates: list[ImportedArticle] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line reason)
    cancelled: bool = False

    @property
    def claims(self) -> int:
        return sum(a.claims for a in self.imported)

    def summary(self) -> str:
        parts = [f"imported {len(self.imported)} article(s) with {self.claims} claim(s)"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the desk")
        if self.failed:
            parts.append(f"{len(self.failed)} could not be imported")
        if self.cancelled:
            parts.append("cancelled before the rest")
        return ", ".join(parts)


class EngineError(ServiceError):
    """Extraction failed on one article; the import reports it and carries on."""


def content_hash(text: str) -> str:
    canon = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def default_title(text: str, source: str | None) -> str:
    """The first line when it reads like a headline, else the file name, else a text prefix."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if first and len(first) <= 150:
        return first
    if source and source != "-":
        return Path(source).stem
    if len(first) > 80:
        cut = first[:80].rsplit(" ", 1)[0]
        return cut + "…"
    return first or "(empty)"


def _default_extractor(text: str, language: str | None) -> Extraction:
    from factdesk.extract import extract

    return extract(text, language)


class _Importer:
    """Holds the per-run caches (default status id, entity ids) across articles."""

    def __init__(self, db: Database, analyst: str, extractor: Extractor) -> None:
        self.db = db
        self.analyst = analyst
        self.extractor = extractor
        self._default_status: int | None = None

    def default_status(self, conn: Connection) -> int:
        if self._default_status is None:
            sid = conn.scalar(
                select(statuses.c.id)
                .where(statuses.c.is_default.is_(True))
                .order_by(statuses.c.position)
            )
            if sid is None:
                sid = conn.scalar(select(func.min(statuses.c.id)))
            if sid is None:
                raise ServiceError("the desk has no statuses; add one first")
            self._default_status = sid
        return self._default_status

    def store(
        self, text: str, meta: ArticleMeta, source: str, encoding: str | None
    ) -> ImportedArticle:
        digest = content_hash(text)
        with self.db.read() as conn:
            dup = conn.execute(
                select(articles.c.id, articles.c.title).where(articles.c.content_hash == digest)
            ).first()
        if dup is not None:
            return ImportedArticle(dup.id, dup.title, 0, True, source)
        try:
            extraction = self.extractor(text, meta.language)
        except Exception as exc:  # an engine bug must not cost the rest of a folder import
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise EngineError(
                f"the extraction engine failed on {Path(source).name}: {first}"
            ) from exc
        title = meta.title or default_title(text, source)
        try:
            with self.db.write() as conn:
                return self._insert(conn, text, extraction, meta, title, digest, source, encoding)
        except IntegrityError:
            # another analyst imported the same text between our check and our insert
            with self.db.read() as conn:
                dup = conn.execute(
                    select(articles.c.id, articles.c.title).where(articles.c.content_hash == digest)
                ).first()
            if dup is None:
                raise
            return ImportedArticle(dup.id, dup.title, 0, True, source)

    def _insert(
        self,
        conn: Connection,
        text: str,
        ex: Extraction,
        meta: ArticleMeta,
        title: str,
        digest: str,
        source: str,
        encoding: str | None,
    ) -> ImportedArticle:
        now = utcnow()
        article_id = conn.scalar(
            insert(articles)
            .values(
                title=title[:500],
                outlet=meta.outlet,
                url=meta.url,
                published=meta.published,
                language=ex.language or meta.language or "ar",
                text=text,
                content_hash=digest,
                source_name=source,
                encoding=encoding,
                imported_at=now,
                imported_by=self.analyst,
            )
            .returning(articles.c.id)
        )
        ids: dict[str, int] = {}
        for ent in ex.entities:
            eid, _ = ensure_entity(conn, ent.name, ent.kind, tuple(ent.aliases))
            ids[ent.name] = eid
            for alias in ent.aliases:
                ids.setdefault(alias, eid)

        def entity(name: str | None, kind: str) -> int | None:
            if not name:
                return None
            if name not in ids:
                ids[name] = ensure_entity(conn, name, kind)[0]
            return ids[name]

        status = self.default_status(conn)
        rows = [
            {
                "article_id": article_id,
                "kind": c.kind,
                "text": c.text,
                "search_text": search_text(c.text),
                "start_pos": c.start,
                "end_pos": c.end,
                "sentence_start": c.sentence_start,
                "sentence_end": c.sentence_end,
                "value": c.value,
                "value_to": c.value_to,
                "unit": c.unit,
                "thing": c.thing,
                "approx": bool(c.approx),
                "bound": c.bound,
                "speaker_id": entity(c.speaker, "person"),
                "source_id": entity(c.source, "outlet"),
                "speaker_by": "engine",
                "source_by": "engine",
                "status_id": status,
                "updated_at": now,
                "updated_by": None,
            }
            for c in ex.claims
        ]
        if rows:
            # render_nulls: one executemany instead of one INSERT per NULL pattern
            conn.execute(insert(claims).execution_options(render_nulls=True), rows)
        assert article_id is not None
        return ImportedArticle(article_id, title, len(rows), False, source)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders as their text files (recursively, sorted, hidden ones skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            out.append(p)
    return out


def import_paths(
    db: Database,
    paths: Sequence[str | Path],
    *,
    meta: ArticleMeta | None = None,
    analyst: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    extractor: Extractor | None = None,
) -> ImportReport:
    """Import files and folders. A file that cannot be read is reported and skipped."""
    from factdesk.text.decoding import DecodingError, read_text_file

    files = expand_paths(paths)
    importer = _Importer(db, analyst or default_analyst(), extractor or _default_extractor)
    report = ImportReport()
    meta = meta or ArticleMeta()
    for n, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        try:
            decoded = read_text_file(path)
        except DecodingError as exc:
            report.failed.append((str(path), str(exc)))
        else:
            if not decoded.text.strip():
                report.failed.append((str(path), f"{path.name} is empty."))
            else:
                try:
                    done = importer.store(decoded.text, meta, str(path), decoded.encoding)
                except EngineError as exc:
                    report.failed.append((str(path), str(exc)))
                else:
                    (report.duplicates if done.duplicate else report.imported).append(done)
        if progress is not None:
            progress(n + 1, len(files))
    return report


def import_texts(
    db: Database,
    texts: Sequence[tuple[str, ArticleMeta]],
    *,
    analyst: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    extractor: Extractor | None = None,
    source: str = "pasted text",
) -> ImportReport:
    """Import pasted (already decoded) texts, each with its own title/outlet/URL."""
    importer = _Importer(db, analyst or default_analyst(), extractor or _default_extractor)
    report = ImportReport()
    for n, (text, meta) in enumerate(texts):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if not text.strip():
            report.failed.append((source, "the pasted text is empty."))
        else:
            try:
                done = importer.store(text, meta, source, None)
            except EngineError as exc:
                report.failed.append((source, str(exc)))
            else:
                (report.duplicates if done.duplicate else report.imported).append(done)
        if progress is not None:
            progress(n + 1, len(texts))
    return report


def import_text(
    db: Database,
    text: str,
    meta: ArticleMeta | None = None,
    *,
    analyst: str | None = None,
    extractor: Extractor | None = None,
) -> ImportedArticle:
    """Import one pasted text; raises ServiceError if it is empty."""
    report = import_texts(db, [(text, meta or ArticleMeta())], analyst=analyst, extractor=extractor)
    if report.failed:
        raise ServiceError(report.failed[0][1])
    return (report.imported or report.duplicates)[0]
