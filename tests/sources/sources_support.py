"""Helpers of tests/sources: fixture paths, stored claims, the local test server's pages."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from sqlalchemy import select

from factdesk.services.common import articles, claims
from factdesk.store import Database

FIXTURES = Path(__file__).parents[1] / "fixtures" / "sources"


def stored(db: Database, article_id: int) -> tuple[dict, list[tuple[str, str, int, int]]]:
    """An article's row and its claims (kind, text, start, end) in text order."""
    with db.read() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().one()
        found = conn.execute(
            select(claims.c.kind, claims.c.text, claims.c.start_pos, claims.c.end_pos)
            .where(claims.c.article_id == article_id)
            .order_by(claims.c.start_pos, claims.c.id)
        ).all()
    return dict(row), [tuple(c) for c in found]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def _send(self, code: int, body: bytes, ctype: str, length: int | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path in ("/ar", "/ar-again"):
            self._send(200, (FIXTURES / "ar-news.html").read_bytes(), "text/html")
        elif path == "/en":
            self._send(200, (FIXTURES / "en-news.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/cp1256":
            self._send(200, (FIXTURES / "ar-cp1256.htm").read_bytes(), "text/html")
        elif path == "/home":
            self._send(200, (FIXTURES / "no-article.html").read_bytes(), "text/html")
        elif path == "/feed":
            self._send(200, (FIXTURES / "sahil.rss").read_bytes(), "application/rss+xml")
        elif path == "/feed-local":  # items linking to this server's pages
            base = f"http://{self.headers['Host']}"
            items = "".join(
                f"<item><title>{t}</title><link>{base}{p}</link>"
                f"<description>{t} (summary)</description></item>"
                for t, p in (("Desalination", "/ar"), ("Gone", "/missing"), ("Buses", "/en"))
            )
            rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>{items}'
            self._send(200, (rss + "</channel></rss>").encode(), "application/rss+xml")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n" + b"0" * 100, "application/pdf")
        elif path == "/big":
            self._send(200, b"<html>" + b"x" * 300_000, "text/html")
        elif path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop2")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop2":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/en")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):  # one byte every 0.1 s: each read is quick, the whole is not
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/truncated":
            body = (FIXTURES / "en-news.html").read_bytes()
            self._send(200, body[:500], "text/html", length=len(body))
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")
