"""The import dialog takes web addresses beside files (issue 7); served from 127.0.0.1 only."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factdesk.ui.dialogs import ImportDialog

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(PAGES)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_and_saved_pages_are_imported_from_the_dialog(qtbot, window, db, site):
    dlg = ImportDialog(db, window.settings, window)
    qtbot.addWidget(dlg)
    dlg.url.setText("not an address")
    dlg.add_url()
    assert "http://" in dlg.status.text() and dlg.paths.count() == 0
    dlg.url.setText(f"{site}/en-news.html")
    dlg.add_url()
    dlg.url.setText(f"{site}/gone.html")
    dlg.add_url()
    dlg.add_paths([str(PAGES / "ar-news.html")])
    assert dlg.paths.count() == 3 and dlg.url.text() == ""
    with qtbot.waitSignal(dlg.done, timeout=20000):
        dlg.start()
    rep = dlg.report
    assert rep is not None
    assert [a.title for a in rep.imported] == [
        "City council approves new bus network",
        "محطة تحلية جديدة تدخل الخدمة في المدينة الساحلية",
    ]
    assert rep.failed == [(f"{site}/gone.html", f"{site}/gone.html: page not found (HTTP 404).")]
    assert "page not found (HTTP 404)" in dlg.summary.toPlainText()
