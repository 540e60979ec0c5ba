"""URL import against a local server on 127.0.0.1: every failure is one line, the rest imported."""

from __future__ import annotations

import base64
import socket
import time
from datetime import date

import pytest
from sources_support import FIXTURES, stored

from factdesk.services import import_paths, saved_source
from factdesk.sources import fetch as fetch_mod
from factdesk.sources.fetch import FetchError, fetch
from factdesk.store import Database


@pytest.fixture(autouse=True)
def _short_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_mod, "DEADLINE_S", 1.0)
    monkeypatch.setattr(fetch_mod, "MAX_BYTES", 200_000)


def test_page_from_url_is_imported_with_metadata_and_kept(desk: Database, server: str) -> None:
    rep = import_paths(desk, [f"{server}/ar"])
    assert not rep.failed
    row, found = stored(desk, rep.imported[0].article_id)
    assert row["source_name"] == f"{server}/ar"
    assert row["url"] == "https://sahil-news.example/ar/2026/03/desalination-plant"
    assert row["outlet"] == "صحيفة الساحل" and row["published"] == date(2026, 3, 14)
    assert "«المحطة ستغطي حاجة 400 ألف نسمة من مياه الشرب»" in row["text"]
    assert found and all(row["text"][s:e] == t for _k, t, s, e in found)
    kept = saved_source(desk, row["id"])
    assert kept is not None
    assert base64.b64decode(str(kept["page_b64"])) == (FIXTURES / "ar-news.html").read_bytes()
    assert kept["fetched_url"] == f"{server}/ar" and kept["content_type"] == "text/html"
    # the same page under another address: same text (and canonical URL), a duplicate
    again = import_paths(desk, [f"{server}/ar-again"])
    assert again.duplicates[0].article_id == row["id"]


def test_redirect_is_followed(server: str) -> None:
    got = fetch(f"{server}/moved")
    assert got.url == f"{server}/en"
    assert got.data == (FIXTURES / "en-news.html").read_bytes()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "{u}: page not found (HTTP 404)."),
        ("/report.pdf", "{u} is not a web page (it is application/pdf)."),
        ("/big", "{u} is larger than 0.2 MB; not downloaded."),
        ("/big-streamed", "{u} is larger than 0.2 MB; download stopped."),
        ("/loop", "{u}: too many redirects (a redirect loop)."),
        ("/slow", "{u}: no complete answer within 1 s."),
        ("/truncated", "{u}: the download was cut off (truncated)."),
    ],
)
def test_each_failure_is_one_clear_line(server: str, path: str, message: str) -> None:
    url = server + path
    t0 = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(url)
    assert str(err.value) == message.format(u=url)
    assert time.monotonic() - t0 < 2.0


def test_no_network() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=r"^could not reach 127\.0\.0\.1: no network"):
        fetch(f"http://127.0.0.1:{port}/x")


def test_batch_of_urls_keeps_going(desk: Database, server: str) -> None:
    urls = [f"{server}{p}" for p in ("/en", "/missing", "/home", "/slow", "/cp1256", "/loop")]
    rep = import_paths(desk, urls)
    assert [a.source for a in rep.imported] == [urls[0], urls[4]]
    assert [r for _s, r in rep.failed] == [
        f"{urls[1]}: page not found (HTTP 404).",
        f"{urls[2]}: no article text found in the page.",
        f"{urls[3]}: no complete answer within 1 s.",
        f"{urls[5]}: too many redirects (a redirect loop).",
    ]


def test_feed_url_imports_its_good_items(desk: Database, server: str) -> None:
    rep = import_paths(desk, [f"{server}/feed"])
    assert len(rep.imported) == 2
    assert rep.failed == [
        (f"{server}/feed, item 2", f"{server}/feed, item 2: no text and no link; skipped.")
    ]


def test_feed_items_pages_are_fetched_on_request(desk: Database, server: str) -> None:
    from factdesk.services import import_feed

    rep = import_feed(desk, f"{server}/feed-local", [1, 2], fetch_pages=True)
    assert [r for _s, r in rep.failed] == [
        f"{server}/feed-local, item 2: {server}/missing: page not found (HTTP 404)."
    ]
    row, found = stored(desk, rep.imported[0].article_id)
    assert row["title"] == "محطة تحلية جديدة تدخل الخدمة في المدينة الساحلية"  # the page's
    assert "«المحطة ستغطي حاجة 400 ألف نسمة من مياه الشرب»" in row["text"]
    assert found
    kept = saved_source(desk, row["id"])
    assert kept is not None and kept["fetched_url"] == f"{server}/ar"
    # without fetch_pages the feed's own summary is the text
    plain = import_feed(desk, f"{server}/feed-local", [3])
    assert stored(desk, plain.imported[0].article_id)[0]["text"] == "Buses (summary)"
