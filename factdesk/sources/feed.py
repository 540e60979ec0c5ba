"""RSS/Atom feeds with feedparser: list the items, import the chosen ones.

feedparser is given bytes (never a URL: fetching is fetch.py's job, with its deadline and cap).
A broken entry is reported on its own; the other items stay importable.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from factdesk.sources import SourceError


@dataclass(frozen=True, slots=True)
class FeedItem:
    number: int  # 1-based, as listed to the analyst
    title: str | None
    link: str | None
    author: str | None
    published: date | None
    text: str  # the item's own content or summary, as plain paragraphs
    problem: str | None = None  # set for a broken entry: one line


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: list[FeedItem] = field(default_factory=list)


def html_to_text(fragment: str) -> str:
    """A feed summary's HTML as paragraphs separated by a blank line."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return fragment.strip()
    blocks = [
        " ".join(el.text_content().split())
        for el in root.iter("p", "li", "h1", "h2", "h3", "blockquote")
    ]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _published(entry: dict) -> date | None:
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    if not t:
        return None
    return datetime.fromtimestamp(calendar.timegm(t), UTC).date()


def parse_feed(data: bytes, name: str) -> Feed:
    """Every item of the feed; SourceError only when nothing in it is a feed."""
    import feedparser

    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not parsed.entries and (parsed.bozo or not version):
        raise SourceError(f"{name} is not a readable RSS or Atom feed.")
    items: list[FeedItem] = []
    for n, e in enumerate(parsed.entries, 1):
        body = ""
        if e.get("content"):
            body = e["content"][0].get("value", "")
        body = html_to_text(body or e.get("summary", "") or "")
        title = " ".join((e.get("title") or "").split()) or None
        link = (e.get("link") or "").strip() or None
        if link and not link.lower().startswith(("http://", "https://")):
            link = None  # Atom falls back to the entry id, e.g. "tag:…": not a page
        problem = None
        if not body and not link:
            problem = f"{name}, item {n}: no text and no link; skipped."
        elif not title and not body:
            problem = f"{name}, item {n}: no title and no text."
        items.append(
            FeedItem(n, title, link, e.get("author") or None, _published(e), body, problem)
        )
    feed_title = " ".join((parsed.feed.get("title") or "").split()) or None
    return Feed(feed_title, items)
