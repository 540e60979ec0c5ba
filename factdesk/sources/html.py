"""Main text and metadata of a news page with trafilatura (made for news, Arabic included).

Text comes from ``bare_extraction`` (not ``extract``): it is not NFC-normalised, so what is
stored is what the page said (docs/store.md). Bytes are decoded by the text layer first,
because trafilatura ignores ``<meta charset>`` (ecosystem-probe §2).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from factdesk.sources import SourceError
from factdesk.text.decoding import DecodingError, decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None  # the canonical URL when the page names one
    encoding: str | None = None


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """Page bytes as text: a declared charset is trusted first, then the text layer's guess."""
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        decoded = decode_bytes(data, name)
    except DecodingError as exc:
        raise SourceError(str(exc)) from None
    return decoded.text, decoded.encoding


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_page(data: bytes | str, name: str, url: str | None = None) -> Page:
    """The article in a page, or SourceError when the page holds no article text."""
    import trafilatura

    encoding = None
    if isinstance(data, bytes):
        html, encoding = decode_page(data, name)
    else:
        html = data
    if not html.strip():
        raise SourceError(f"{name} is empty.")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # no guessing from "© 2026" in a footer: a wrong published date is worse than none
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser bug on one page must not stop a batch
        raise SourceError(f"{name}: the page could not be parsed ({type(exc).__name__}).") from None
    doc = doc.as_dict() if doc is not None and not isinstance(doc, dict) else doc
    text = (doc or {}).get("text") or ""
    text = "\n\n".join(p.strip() for p in text.splitlines() if p.strip())
    # a home or section page yields only menu items and headlines: no sentence-long paragraph
    if not isinstance(doc, dict) or not any(len(p.split()) >= 10 for p in text.split("\n\n")):
        raise SourceError(f"{name}: no article text found in the page.")
    return Page(
        text=text,
        title=doc.get("title") or None,
        outlet=doc.get("sitename") or None,
        author=doc.get("author") or None,
        published=_date(doc.get("date")),
        url=_canonical(html) or doc.get("url") or url,
        encoding=encoding,
    )


_CANON = re.compile(r"""<link[^>]+rel=["']canonical["'][^>]*>""", re.I)
_HREF = re.compile(r"""href=["']([^"']+)["']""", re.I)
_OG_URL = re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*>""", re.I)
_CONTENT = re.compile(r"""content=["']([^"']+)["']""", re.I)


def _canonical(html: str) -> str | None:
    """rel=canonical, then og:url, then JSON-LD url: the address duplicates are matched by."""
    head = html[:200_000]
    m = _CANON.search(head)
    if m and (h := _HREF.search(m.group(0))):
        return h.group(1).strip()
    m = _OG_URL.search(head)
    if m and (c := _CONTENT.search(m.group(0))):
        return c.group(1).strip()
    for block in re.findall(r"<script[^>]+ld\+json[^>]*>(.*?)</script>", head, re.S | re.I):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            return data["url"]
    return None
