"""Fetching a page with httpx under a total deadline and a size cap.

httpx timeouts are per read, so a server that drips one byte at a time never trips them
(ecosystem-probe §5): the loop below checks a wall-clock deadline too. The bytes are kept as
received, so the page the analyst checked can be shown later even if the site changes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from factdesk.sources import SourceError

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)
MAX_BYTES = 5_000_000  # a news page is rarely above 1 MB; a cap stops a video or an endless stream
DEADLINE_S = 20.0  # wall clock for the whole download (httpx's own timeouts are per read)
USER_AGENT = "FactDesk/0.1 (newsroom fact-checking desk)"


class FetchError(SourceError):
    """A URL could not be fetched; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # where the page was finally read, after redirects
    data: bytes
    content_type: str
    fetched_at: datetime


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES,
    max_bytes: int | None = None,
    deadline_s: float | None = None,
    connect_s: float = 5.0,
    max_redirects: int = 5,
) -> Fetched:
    """GET ``url``; raise FetchError (no network, 404, not HTML, too big, loop, too slow)."""
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    deadline_s = DEADLINE_S if deadline_s is None else deadline_s
    host = urlsplit(url).hostname or url
    t_end = time.monotonic() + deadline_s
    timeout = httpx.Timeout(min(10.0, deadline_s), connect=min(connect_s, deadline_s))
    mb = f"{max_bytes / 1_000_000:g} MB"
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=max_redirects,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as r,
        ):
            if r.status_code == 404:
                raise FetchError(f"{url}: page not found (HTTP 404).")
            if r.status_code >= 400:
                raise FetchError(f"{url}: the site answered HTTP {r.status_code}.")
            ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in accept:
                kind = "a web page" if accept == HTML_TYPES else "a feed"
                raise FetchError(f"{url} is not {kind} (it is {ctype}).")
            if int(r.headers.get("content-length") or 0) > max_bytes:
                raise FetchError(f"{url} is larger than {mb}; not downloaded.")
            buf = bytearray()
            for chunk in r.iter_bytes():  # decompressed: the cap also stops gzip bombs
                buf += chunk
                if len(buf) > max_bytes:
                    raise FetchError(f"{url} is larger than {mb}; download stopped.")
                if time.monotonic() > t_end:
                    raise FetchError(f"{url}: no complete answer within {deadline_s:g} s.")
            return Fetched(str(r.url), bytes(buf), ctype, datetime.now(UTC).replace(tzinfo=None))
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects (a redirect loop).") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {deadline_s:g} s.") from None
    except httpx.ConnectError:
        raise FetchError(f"could not reach {host}: no network, or the site is down.") from None
    except httpx.RemoteProtocolError:
        raise FetchError(f"{url}: the download was cut off (truncated).") from None
    except httpx.InvalidURL:
        raise FetchError(f"{url} is not a valid address.") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}.") from None
