"""Import and export through the dialogs (worker thread, progress, summary), errors as one line."""

from __future__ import annotations

import csv
import shutil
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from factdesk.services import ClaimFilter, count_claims
from factdesk.ui.dialogs import ExportDialog, ImportDialog

GOLD = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "gold"


def test_import_a_folder_with_the_dialog(qtbot, window, db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(GOLD / "a01-turkey-inflation.ar.txt", folder)
    shutil.copy(GOLD / "b03-nvidia-earnings.en.txt", folder)
    shutil.copy(GOLD / "b01-uk-budget.en.txt", folder)  # already in the desk
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe\x00" * 50)
    before = count_claims(db)
    w = window
    w.act_import.setEnabled(True)
    dlg = ImportDialog(db, w.settings, w)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.add_paths([str(folder)])
    assert w.settings.value("folders/import") == str(folder)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(dlg.done, timeout=20000):
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
        assert not dlg.start_button.isEnabled()
        assert dlg.progress.isVisible()
    timer.stop()
    assert ticks  # the event loop kept running while the worker imported
    rep = dlg.report
    assert rep is not None
    assert len(rep.imported) == 2 and len(rep.duplicates) == 1 and len(rep.failed) == 1
    text = dlg.summary.toPlainText()
    assert "Imported 2 article(s)" in text
    assert "b01-uk-budget.en.txt" in text and "broken.txt" in text
    assert "Traceback" not in text
    assert count_claims(db) == before + rep.claims
    assert dlg.close_button.isVisible()


def test_cancel_keeps_what_was_imported(qtbot, window, db, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02}.txt").write_text(f"وقال الوزير إن العجز بلغ {i + 3} مليار دولار.\n")
    dlg = ImportDialog(db, window.settings, window)
    qtbot.addWidget(dlg)
    dlg.add_paths([str(folder)])

    started = threading.Event()

    def slow(text, language):
        from factdesk.extract import extract

        started.set()
        time.sleep(0.05)
        return extract(text, language)

    dlg.extractor = slow
    with qtbot.waitSignal(dlg.done, timeout=20000):
        dlg.start()
        qtbot.waitUntil(started.is_set, timeout=10000)  # progress comes per group of articles
        qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    rep = dlg.report
    assert rep is not None and rep.cancelled and len(rep.imported) < 40
    assert "Cancelled" in dlg.summary.toPlainText()


def test_pasted_text_is_imported(qtbot, window, db):
    dlg = ImportDialog(db, window.settings, window)
    qtbot.addWidget(dlg)
    dlg.tabs.setCurrentIndex(1)
    dlg.paste_title.setText("بيان")
    dlg.paste_text.setPlainText("وقال وزير المالية إن التضخم بلغ 12 في المئة في أكتوبر الماضي.")
    with qtbot.waitSignal(dlg.done, timeout=10000):
        dlg.start()
    assert dlg.report is not None and len(dlg.report.imported) == 1


def test_export_the_current_filter_and_read_the_csv_back(qtbot, window, db, tmp_path):
    out = tmp_path / "report.csv"
    flt = ClaimFilter(kind="quote")
    n = count_claims(db, flt)
    dlg = ExportDialog(db, window.settings, flt, n, window)
    qtbot.addWidget(dlg)
    assert dlg.only_filtered.isChecked()
    dlg.path.setText(str(out))
    with qtbot.waitSignal(dlg.done, timeout=10000):
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.written == n
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n
    assert {r["kind"] for r in rows} == {"quote"}
    assert any("ترامب" in r["claim"] or "بوتين" in r["claim"] for r in rows)
    assert window.settings.value("folders/export") == str(tmp_path)


def test_export_everything_and_a_failure_is_one_line(qtbot, window, db, tmp_path):
    dlg = ExportDialog(db, window.settings, ClaimFilter(), count_claims(db), window)
    qtbot.addWidget(dlg)
    dlg.everything.setChecked(True)
    dlg.path.setText(str(tmp_path / "missing-folder" / "r.csv"))
    with qtbot.waitSignal(dlg.done, timeout=10000):
        dlg.start()
    assert dlg.written is None
    msg = dlg.status.text()
    assert "does not exist" in msg and "\n" not in msg


def test_unexpected_errors_are_logged_and_the_dialog_says_where(tmp_path):
    from factdesk.services import ServiceError
    from factdesk.ui.errors import describe, log_path

    line, logged = describe(ServiceError("no claim with id 7"))
    assert (line, logged) == ("No claim with id 7", False)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        line, logged = describe(exc)
    assert logged and line == "ZeroDivisionError: division by zero"
    assert log_path().parent == tmp_path / "logs"
    assert "Traceback" in log_path().read_text(encoding="utf-8")


def test_dropping_a_folder_opens_the_import_dialog_with_it(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    ev = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(ev)
    dlg = window.import_dialog
    assert dlg.isVisible()
    assert dlg.paths.item(0).text() == str(tmp_path)
    dlg.close()


def test_closing_the_window_stops_a_running_import(qtbot, window, db, tmp_path):
    from factdesk.ui.workers import Task

    folder = tmp_path / "slow"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"وقال الوزير إن العجز بلغ {i + 3} مليار دولار.\n")
    dlg = ImportDialog(db, window.settings, window)
    qtbot.addWidget(dlg)
    dlg.add_paths([str(folder)])

    started = threading.Event()

    def slow(text, language):
        from factdesk.extract import extract

        started.set()
        time.sleep(0.05)
        return extract(text, language)

    dlg.extractor = slow
    dlg.start()
    qtbot.waitUntil(started.is_set, timeout=10000)
    window.close()
    assert not Task.running_tasks
    assert dlg.report is None or dlg.report.cancelled
