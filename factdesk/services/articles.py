"""Importing articles: decode, extract, store the article and its claims in one transaction.

Each article is its own transaction, so a cancelled or failed import keeps every article that
finished and no half of the one that did not. Re-importing the same text is recognised by a
content hash (line endings and outer blanks ignored) and reported, never duplicated.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from multiprocessing import get_context
from multiprocessing.context import BaseContext
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
from factdesk.sources import SourceError
from factdesk.sources.feed import Feed
from factdesk.sources.read import SourceText
from factdesk.store.database import Database
from factdesk.store.models import DeskMeta

desk_meta = DeskMeta.__table__

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
    author: str | None = None  # kept with the source record (desk_meta "source:<id>")


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
    # imported, but worth a look: e.g. a mostly-UTF-8 file with a few bytes in another encoding
    warnings: list[tuple[str, str]] = field(default_factory=list)
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


def default_workers() -> int:
    """Extraction processes worth starting: one per CPU but one (this process stores)."""
    return max(0, (os.cpu_count() or 1) - 1)


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


def _mp_context() -> BaseContext:
    """fork on Linux (fast, and the CLI is single-threaded); spawn elsewhere, where fork is
    missing (Windows) or unsafe with system frameworks (macOS). spawn re-imports the main
    module, so entry points must sit behind `if __name__ == "__main__":`."""
    if sys.platform.startswith("linux"):
        return get_context("fork")
    return get_context("spawn")


def _extract_in_worker(text: str, language: str | None) -> tuple[Extraction, list[str]]:
    """Runs in an engine process: the extraction plus each claim's search key, both CPU work
    the storing process then does not have to do."""
    ex = _default_extractor(text, language)
    return ex, [search_text(c.text) for c in ex.claims]


# Articles written per transaction. Each sits in its own savepoint, so a bad one is rolled back
# alone; grouping saves a commit and a duplicate check per article (about 0.5 ms each), and the
# write lock is held only for the inserts, never while the engine runs.
GROUP = 32
_PARALLEL_MIN = 16  # below this many articles a process pool costs more than it saves
_SHARE_PER_WORKER = 2  # this process extracts 1 article in 2 * (workers + 1) itself


@dataclass
class _Item:
    source: str
    meta: ArticleMeta
    text: str | None = None
    encoding: str | None = None
    failure: str | None = None
    digest: str = ""
    extraction: Extraction | None = None
    keys: list[str] | None = None  # search keys computed beside the extraction
    future: Future[tuple[Extraction, list[str]]] | None = None
    result: ImportedArticle | None = None
    # from factdesk.sources: the canonical URL (a duplicate key) and what to keep beside it
    canonical: str | None = None
    saved: dict[str, object] | None = None


_INSERT_ARTICLE = insert(articles).returning(articles.c.id)
_INSERT_CLAIMS = insert(claims).execution_options(render_nulls=True)


class _Importer:
    """Runs an import: per-run caches (default status, entity ids) and the extraction pool."""

    def __init__(
        self, db: Database, analyst: str, extractor: Extractor | None, workers: int | None
    ) -> None:
        self.db = db
        self.analyst = analyst
        self.extractor = extractor or _default_extractor
        # The engine is pure Python: extraction processes are the only way to use more cores;
        # this process stores meanwhile (a pipeline). Opt-in (see default_workers): a process
        # pool inside an application with threads is the caller's decision.
        self.workers = workers if workers is not None else 0
        if extractor is not None:
            self.workers = 0  # test doubles and caches are not picklable, and not slow
        self._pool: ProcessPoolExecutor | None = None
        self._default_status: int | None = None
        self._next_id = 0
        # name -> entity id for this run: saves two lookups per claim on big imports
        self._entities: dict[str, int] = {}

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _abandon_pool(self) -> None:
        """A worker died: stop using the pool without cancelling anything (see _prepare)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def run(
        self,
        items: Iterator[_Item],
        total: int,
        report: ImportReport,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        if self.workers >= 1 and total >= _PARALLEL_MIN:
            self._pool = ProcessPoolExecutor(
                max_workers=min(self.workers, 8), mp_context=_mp_context()
            )
        done = 0
        pending: list[_Item] = []
        try:
            while True:
                # the next group is checked and handed to the engine processes before this
                # one is written, so extraction and storing overlap
                group = list(islice(items, GROUP))
                self._prepare(group)
                if pending:
                    report.cancelled = self._finish(pending, cancelled)
                    for item in pending:
                        if item.failure is not None:
                            report.failed.append((item.source, item.failure))
                        elif item.result is not None:
                            dup = item.result.duplicate
                            (report.duplicates if dup else report.imported).append(item.result)
                        else:
                            continue  # not reached before the cancel
                        done += 1
                        if progress is not None:
                            progress(done, max(done, total))  # a feed counts as one source
                if report.cancelled or not group:
                    break
                pending = group
        finally:
            self.close()

    def _prepare(self, group: list[_Item]) -> None:
        """Hash, drop texts already in the desk (one query per group), start extraction."""
        live = [it for it in group if it.failure is None]
        for it in live:
            assert it.text is not None
            it.digest = content_hash(it.text)
        known: dict[str, tuple[int, str]] = {}
        if live:
            with self.db.read() as conn:
                for row in conn.execute(
                    select(articles.c.content_hash, articles.c.id, articles.c.title).where(
                        articles.c.content_hash.in_([it.digest for it in live])
                    )
                ):
                    known[row.content_hash] = (row.id, row.title)
                urls = {it.canonical for it in live if it.canonical}
                by_url = {}
                if urls:
                    by_url = {
                        row.url: (row.id, row.title)
                        for row in conn.execute(
                            select(articles.c.url, articles.c.id, articles.c.title).where(
                                articles.c.url.in_(urls)
                            )
                        )
                    }
                for it in live:
                    if it.canonical in by_url and it.digest not in known:
                        known[it.digest] = by_url[it.canonical]  # same page, edited since
        # This process extracts one article in `share` itself (it stores everything too), so
        # neither side idles. A static split: cancelling queued futures to steal work races
        # with ProcessPoolExecutor's own clean-up when a worker dies (CPython 3.11).
        share = _SHARE_PER_WORKER * (self.workers + 1)
        for n, it in enumerate(live):
            if it.digest in known:
                aid, title = known[it.digest]
                it.result = ImportedArticle(aid, title, 0, True, it.source)
            elif self._pool is not None and n % share != share - 1:
                try:
                    it.future = self._pool.submit(_extract_in_worker, it.text, it.meta.language)
                except (BrokenProcessPool, RuntimeError):
                    self._abandon_pool()  # engine processes unavailable: extract here
                    it.future = None

    def _finish(self, group: list[_Item], cancelled: Cancelled | None) -> bool:
        """Extract (or collect) and write a group; True if the analyst cancelled part-way."""
        todo = [it for it in group if it.failure is None and it.result is None]
        stopped = self._extract(todo, cancelled)
        ready = [it for it in todo if it.failure is None and it.extraction is not None]
        if ready:
            self._write(ready)
        return stopped

    def _extract(self, items: list[_Item], cancelled: Cancelled | None) -> bool:
        """Run (or collect) the engine on each item, checking for a cancel between articles.

        Articles this process keeps for itself are extracted while the engine processes work
        on theirs; results are collected in order.
        """
        for n, it in enumerate(items):
            if cancelled is not None and cancelled():
                for rest in items[n:]:
                    if rest.future is not None:
                        rest.future.cancel()
                return True
            if it.future is not None and self._pool is None and not it.future.done():
                it.future = None  # its pool broke: never wait on a future it may not settle
            if it.future is None:
                self._extract_here(it)
                continue
            try:
                it.extraction, it.keys = it.future.result()
            except (BrokenProcessPool, CancelledError):
                self._abandon_pool()  # a killed engine process: carry on in this one
                it.future = None
                self._extract_here(it)
            except Exception as exc:  # an engine bug must not cost the rest of a folder
                self._failed(it, exc)
        return False

    def _extract_here(self, it: _Item) -> None:
        try:
            it.extraction = self.extractor(it.text or "", it.meta.language)
        except Exception as exc:  # an engine bug must not cost the rest of a folder
            self._failed(it, exc)

    @staticmethod
    def _failed(it: _Item, exc: BaseException) -> None:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        it.failure = f"the extraction engine failed on {Path(it.source).name}: {first}"

    def _write(self, items: list[_Item]) -> None:
        with self.db.write() as conn:
            status = self.default_status(conn)
            if self.db.is_sqlite:
                # we hold the write lock (BEGIN IMMEDIATE): ids can be assigned here, which
                # lets the claims and their FTS rows go in as two plain executemany calls
                self._next_id = (conn.scalar(select(func.max(claims.c.id))) or 0) + 1
            for it in items:
                if it.canonical:  # same page twice in this run (texts differ), or meanwhile
                    dup = conn.execute(
                        select(articles.c.id, articles.c.title)
                        .where(articles.c.url == it.canonical)
                        .limit(1)
                    ).first()
                    if dup is not None:
                        it.result = ImportedArticle(dup.id, dup.title, 0, True, it.source)
                        continue
                for attempt in (1, 2):
                    try:
                        with conn.begin_nested():  # a refused article rolls back alone
                            it.result = self._insert(conn, it, status)
                        break
                    except IntegrityError as exc:
                        dup = conn.execute(
                            select(articles.c.id, articles.c.title).where(
                                articles.c.content_hash == it.digest
                            )
                        ).first()
                        if dup is not None:  # imported meanwhile, by us or another analyst
                            it.result = ImportedArticle(dup.id, dup.title, 0, True, it.source)
                            break
                        if attempt == 1 and self._entities:
                            self._entities.clear()  # a cached entity merged away meanwhile
                            continue
                        why = (str(exc.orig).strip().splitlines() or ["constraint failed"])[0]
                        it.failure = f"could not store {Path(it.source).name}: {why}"
                        break

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

    def _insert(self, conn: Connection, it: _Item, status: int) -> ImportedArticle:
        ex, meta, text, keys = it.extraction, it.meta, it.text, it.keys
        assert ex is not None and text is not None
        title = meta.title or default_title(text, it.source)
        now = utcnow()
        article_id = conn.scalar(
            _INSERT_ARTICLE,
            {
                "title": title[:500],
                "outlet": meta.outlet,
                "url": meta.url,
                "published": meta.published,
                "language": ex.language or meta.language or "ar",
                "text": text,
                "content_hash": it.digest,
                "source_name": it.source,
                "encoding": it.encoding,
                "imported_at": now,
                "imported_by": self.analyst,
            },
        )
        ids = self._entities
        for ent in ex.entities:
            if ent.name in ids:
                continue
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

        first_id = self._next_id if self.db.is_sqlite else None
        rows = [
            {
                "id": None if first_id is None else first_id + n,
                "article_id": article_id,
                "kind": c.kind,
                "text": c.text,
                "search_text": keys[n] if keys is not None else search_text(c.text),
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
            for n, c in enumerate(ex.claims)
        ]
        if rows:
            if first_id is None:
                for r in rows:
                    del r["id"]  # PostgreSQL: the sequence assigns them
            # render_nulls: one executemany instead of one INSERT per NULL pattern
            conn.execute(_INSERT_CLAIMS, rows)
            if first_id is not None:
                conn.exec_driver_sql(
                    "INSERT INTO claims_fts(rowid, search_text) VALUES (?, ?)",
                    [(r["id"], r["search_text"]) for r in rows],
                )
                self._next_id = first_id + len(rows)
        assert article_id is not None
        if it.saved:
            conn.execute(
                insert(desk_meta),
                {"key": f"source:{article_id}", "value": json.dumps(it.saved, default=str)},
            )
        return ImportedArticle(article_id, title, len(rows), False, it.source)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders as their importable files (recursively, sorted, hidden ones
    skipped). URLs are passed through as they are (see import_paths)."""
    from factdesk.sources.read import SOURCE_SUFFIXES, is_url

    out: list[Path] = []
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            out.append(raw)  # type: ignore[arg-type]  # a Path would fold the "//"
            continue
        p = Path(raw)
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in TEXT_SUFFIXES | SOURCE_SUFFIXES
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
    workers: int | None = None,
) -> ImportReport:
    """Import files, folders and URLs. One that cannot be read is reported and skipped.

    Saved pages (.html/.htm), Word files (.docx), feeds (.xml/.rss/.atom, every item) and
    http(s) URLs are read by factdesk.sources; their metadata fills what `meta` leaves unset.

    `workers` extraction processes run the engine for big imports while this process stores
    (`default_workers()` is one per CPU but one); the default 0 keeps everything in-process.
    """
    from factdesk.sources.read import is_source, read_source
    from factdesk.text.decoding import DecodingError, read_text_file

    files = expand_paths(paths)
    meta = meta or ArticleMeta()
    report = ImportReport()

    def items() -> Iterator[_Item]:
        for path in files:
            if is_source(path):
                yield from _source_items(read_source(path), meta)
                continue
            it = _Item(source=str(path), meta=meta)
            try:
                decoded = read_text_file(path)
            except DecodingError as exc:
                it.failure = str(exc)
            else:
                if decoded.text.strip():
                    it.text, it.encoding = decoded.text, decoded.encoding
                    if decoded.replaced:
                        report.warnings.append(
                            (
                                str(path),
                                f"{path.name}: {decoded.replaced} byte(s) in another encoding "
                                "were replaced by \ufffd; check the text around them",
                            )
                        )
                else:
                    it.failure = f"{path.name} is empty."
            yield it

    importer = _Importer(db, analyst or default_analyst(), extractor, workers)
    importer.run(items(), len(files), report, progress, cancelled)
    return report


def _source_items(found: Iterable[SourceText], meta: ArticleMeta) -> Iterator[_Item]:
    """factdesk.sources results as import items; the analyst's `meta` wins where it is set."""
    for st in found:
        m = ArticleMeta(
            title=meta.title or st.title,
            outlet=meta.outlet or st.outlet,
            url=meta.url or st.url,
            published=meta.published or st.published,
            language=meta.language,
            author=meta.author or st.author,
        )
        saved = dict(st.saved)
        if meta.author:
            saved["author"] = meta.author
        yield _Item(
            source=st.source,
            meta=m,
            text=st.text,
            encoding=st.encoding,
            failure=st.failure,
            canonical=st.url,
            saved=saved or None,
        )


def import_feed(
    db: Database,
    feed: str,
    numbers: Iterable[int] | None = None,
    *,
    meta: ArticleMeta | None = None,
    analyst: str | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    fetch_pages: bool = False,
) -> ImportReport:
    """Import the chosen items (1-based, as list_feed numbers them; None: all) of a feed:
    the feed's own text, or with `fetch_pages` each item's web page (the full article)."""
    from factdesk.sources.read import feed_items, read_feed

    report = ImportReport()
    try:
        data, source = read_feed(feed)
        chosen = set(numbers) if numbers is not None else None
        found = feed_items(source, data, chosen, fetch_pages=fetch_pages)
    except SourceError as exc:
        report.failed.append((feed, str(exc)))
        return report
    importer = _Importer(db, analyst or default_analyst(), extractor, 0)
    importer.run(_source_items(found, meta or ArticleMeta()), len(found), report, progress, None)
    return report


def list_feed(feed: str) -> Feed:
    """The items of a feed (file or URL), to choose from; ServiceError (one line) if unreadable."""
    from factdesk.sources.feed import parse_feed
    from factdesk.sources.fetch import is_url
    from factdesk.sources.read import read_feed

    try:
        data, source = read_feed(feed)
        return parse_feed(data, source if is_url(source) else Path(source).name)
    except SourceError as exc:
        raise ServiceError(str(exc)) from None


def saved_source(db: Database, article_id: int) -> dict[str, object] | None:
    """What was kept about an article's source: author, fetch facts, the page bytes (base64)."""
    with db.read() as conn:
        value = conn.scalar(
            select(desk_meta.c.value).where(desk_meta.c.key == f"source:{article_id}")
        )
    return json.loads(value) if value else None


def import_texts(
    db: Database,
    texts: Sequence[tuple[str, ArticleMeta]],
    *,
    analyst: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    extractor: Extractor | None = None,
    source: str = "pasted text",
    workers: int | None = None,
) -> ImportReport:
    """Import pasted (already decoded) texts, each with its own title/outlet/URL."""

    def items() -> Iterator[_Item]:
        for text, meta in texts:
            it = _Item(source=source, meta=meta, text=text)
            if not text.strip():
                it.failure = "the pasted text is empty."
            yield it

    report = ImportReport()
    importer = _Importer(db, analyst or default_analyst(), extractor, workers)
    importer.run(items(), len(texts), report, progress, cancelled)
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
