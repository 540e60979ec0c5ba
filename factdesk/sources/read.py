"""One entry point for every kind of source: path or URL in, article texts (or reasons) out.

The import service calls ``read_source`` for anything that is not a plain text file, so every
format reaches the same storing, duplicate check and extraction.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from factdesk.sources import SourceError
from factdesk.sources.fetch import FEED_TYPES, HTML_TYPES, Fetched, fetch, is_url

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SOURCE_SUFFIXES = HTML_SUFFIXES | DOCX_SUFFIXES | FEED_SUFFIXES
MAX_FILE_BYTES = 20_000_000


@dataclass
class SourceText:
    source: str  # what the analyst gave: a path, a URL, or "feed.xml, item 3"
    text: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None  # canonical: duplicates are matched by it
    published: date | None = None
    encoding: str | None = None
    failure: str | None = None
    # kept beside the article (desk_meta "source:<id>"): author, fetch facts, the page bytes
    saved: dict[str, Any] = field(default_factory=dict)


def is_source(source: str | Path) -> bool:
    """True for what read_source handles (URLs and non-text formats), not plain text files."""
    s = str(source)
    return is_url(s) or Path(s).suffix.lower() in SOURCE_SUFFIXES


def _page_item(source: str, data: bytes, url: str | None, fetched: Fetched | None) -> SourceText:
    from factdesk.sources.html import extract_page

    name = url or Path(source).name
    page = extract_page(data, name, url)
    saved: dict[str, Any] = {
        "kind": "page",
        "author": page.author,
        "page_b64": base64.b64encode(data).decode("ascii"),
    }
    if fetched is not None:
        saved.update(
            fetched_url=fetched.url,
            fetched_at=fetched.fetched_at.isoformat(timespec="seconds"),
            content_type=fetched.content_type,
        )
    return SourceText(
        source,
        page.text,
        page.title,
        page.outlet,
        page.author,
        page.url or url,
        page.published,
        page.encoding,
        saved=saved,
    )


def feed_items(
    source: str, data: bytes, numbers: set[int] | None, *, fetch_pages: bool = False
) -> list[SourceText]:
    """The chosen items of a feed as texts; with fetch_pages, each item's own web page (its
    full article, kept like any URL import) instead of the feed's summary."""
    from factdesk.sources.feed import parse_feed

    name = source if is_url(source) else Path(source).name
    feed = parse_feed(data, name)
    out: list[SourceText] = []
    for item in feed.items:
        if numbers is not None and item.number not in numbers:
            continue
        label = f"{name}, item {item.number}"
        if fetch_pages and item.link:
            page = read_source(item.link)[0]
            page.title = page.title or item.title
            page.published = page.published or item.published
            page.author = page.author or item.author
            if page.failure:
                page.failure = f"{label}: {page.failure}"
            out.append(page)
            continue
        if item.problem or not item.text:
            out.append(SourceText(label, failure=item.problem or f"{label}: no text in the feed."))
            continue
        out.append(
            SourceText(
                label,
                item.text,
                item.title,
                feed.title,
                item.author,
                item.link,
                item.published,
                saved={"kind": "feed item", "feed": source, "author": item.author},
            )
        )
    return out


def read_feed(source: str) -> tuple[bytes, str]:
    """The bytes of a feed given as a file or a URL."""
    if is_url(source):
        return fetch(source, accept=FEED_TYPES + HTML_TYPES).data, source
    return _read_bytes(Path(source)), source


def _read_bytes(p: Path) -> bytes:
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise SourceError(f"{p.name} is larger than {MAX_FILE_BYTES // 1_000_000} MB.")
        return p.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{p}: no such file.") from None
    except IsADirectoryError:
        raise SourceError(f"{p} is a folder.") from None
    except OSError as exc:
        raise SourceError(f"{p.name} could not be read: {exc.strerror or exc}.") from None


def read_source(source: str | Path, *, chosen: set[int] | None = None) -> list[SourceText]:
    """The article(s) in one source; a failure is returned as an item, never raised."""
    s = str(source)
    try:
        if is_url(s):
            fetched = fetch(s, accept=HTML_TYPES + FEED_TYPES)
            if fetched.content_type in FEED_TYPES:
                return feed_items(s, fetched.data, chosen)
            return [_page_item(s, fetched.data, s, fetched)]
        p = Path(s)
        suffix = p.suffix.lower()
        if suffix in DOCX_SUFFIXES:
            from factdesk.sources.docx import read_docx

            if not p.exists():
                raise SourceError(f"{p}: no such file.")
            w = read_docx(p)
            return [
                SourceText(
                    s, w.text, w.title, author=w.author, saved={"kind": "docx", "author": w.author}
                )
            ]
        data = _read_bytes(p)
        if suffix in FEED_SUFFIXES:
            return feed_items(s, data, chosen)
        return [_page_item(s, data, None, None)]
    except SourceError as exc:
        return [SourceText(s, failure=str(exc))]
