"""The import dialog takes web addresses beside files (issue 7); served from 127.0.0.1 only."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from factdesk.ui.dialogs import ImportDialog

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(PAGES)))
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
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


def test_feed_items_are_listed_and_the_ticked_ones_imported(qtbot, window, db):
    dlg = ImportDialog(db, window.settings, window)
    qtbot.addWidget(dlg)
    dlg.tabs.setCurrentIndex(2)
    dlg.start()
    assert "List the feed" in dlg.status.text()
    dlg.feed_source.setText(str(PAGES / "sahil.rss"))
    dlg.list_feed_items()
    qtbot.waitUntil(lambda: dlg.feed_items.count() == 3, timeout=10000)
    broken = dlg.feed_items.item(1)
    assert broken.text() == "sahil.rss, item 2: no text and no link; skipped."
    assert not broken.flags() & Qt.ItemFlag.ItemIsEnabled
    dlg.feed_items.item(2).setCheckState(Qt.CheckState.Checked)
    assert dlg.chosen_feed_items() == [3]
    with qtbot.waitSignal(dlg.done, timeout=20000):
        dlg.start()
    assert [a.title for a in dlg.report.imported] == ["تراجع التضخم إلى 2.8% في فبراير"]


def test_a_file_that_is_not_a_feed_is_one_line(qtbot, window, db, tmp_path):
    bad = tmp_path / "page.xml"
    bad.write_text("<html><body>no feed here", encoding="utf-8")
    dlg = ImportDialog(db, window.settings, window)
    qtbot.addWidget(dlg)
    dlg.feed_source.setText(str(bad))
    dlg.list_feed_items()
    qtbot.waitUntil(lambda: "feed" in dlg.status.text() and "Reading" not in dlg.status.text())
    # the dialog capitalises the first letter of every message (factdesk.ui.errors.describe)
    assert dlg.status.text() == "Page.xml is not a readable RSS or Atom feed."
    assert dlg.feed_items.count() == 0


def test_dropping_a_browser_link_puts_it_in_the_import_list(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl("https://news.example/a/1"), QUrl.fromLocalFile(str(tmp_path))])
    ev = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(ev)
    dlg = window.import_dialog
    assert [dlg.paths.item(i).text() for i in range(dlg.paths.count())] == [
        str(tmp_path),
        "https://news.example/a/1",
    ]
    dlg.close()
