"""A desk per test, and a local HTTP server on 127.0.0.1 (never the internet) for URL imports."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from sources_support import Handler

from factdesk.store import Database, open_database


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "desk.db"), create=True)
    yield db
    db.close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that stops reading (size cap, deadline) is what these tests do


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
