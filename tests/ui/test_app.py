"""Start-up: one copy per database, languages and direction, fonts, the --smoke entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from factdesk.ui import app as appmod

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_copy_is_detected_and_can_ask_the_first_to_show(qtbot, db_path):
    first = appmod.SingleInstance(db_path)
    assert first.acquire()
    win = QWidget()
    qtbot.addWidget(win)
    first.listen(win)
    second = appmod.SingleInstance(db_path)
    assert not second.acquire()
    assert "pid" in second.owner()
    assert second.ask_running_copy_to_show()
    qtbot.waitUntil(win.isVisible)
    first.release()
    third = appmod.SingleInstance(db_path)
    assert third.acquire()
    third.release()


def test_arabic_ui_is_right_to_left_and_translated(qapp):
    try:
        loaded = appmod.install_language(qapp, "ar")
        assert "factdesk_ar" in loaded and "qtbase_ar" in loaded
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        assert QCoreApplication.translate("ClaimsModel", "Claim") == "الادعاء"
    finally:
        for t in getattr(qapp, "_translators", []):
            qapp.removeTranslator(t)
        appmod.install_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_translation_is_finished():
    ts = (ROOT / "resources" / "translations" / "factdesk_ar.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert (ROOT / "resources" / "translations" / "factdesk_ar.qm").stat().st_size > 1000


def test_language_defaults_to_the_system_and_follows_preferences(monkeypatch):
    s = appmod.settings()
    monkeypatch.setenv("FACTDESK_LANG", "ar")
    assert appmod.choose_language(s) == "ar"
    s.setValue("ui/language", "en")
    assert appmod.choose_language(s) == "en"


def test_bundled_arabic_font_is_registered(qapp):
    families = appmod.register_fonts()
    assert "Noto Sans Arabic" in families
    assert (ROOT / "resources" / "fonts" / "OFL.txt").exists()
    assert "Noto Sans Arabic" in appmod.ui_font(families).families()
    assert isinstance(QApplication.font().family(), str)


def test_smoke_entry_point(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACTDESK_SETTINGS=str(tmp_path / "s.ini"))
    res = subprocess.run(
        [sys.executable, "-m", "factdesk", "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        encoding="utf-8",
    )
    assert res.returncode == 0, res.stderr
    assert "claims=15" in res.stdout and "articles=1" in res.stdout
    assert "Traceback" not in res.stderr


def test_an_escaping_exception_becomes_one_line_and_a_log_entry(qtbot, monkeypatch, tmp_path):
    import factdesk.ui.dialogs as dialogs
    from factdesk.ui.errors import log_path

    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _w, _t, msg, logged=False: shown.append((msg, logged))
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    win = QWidget()
    qtbot.addWidget(win)
    appmod._install_excepthook(win)
    try:
        {}["missing"]
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert shown == [("KeyError: 'missing'", True)]
    assert "KeyError" in log_path().read_text(encoding="utf-8")


def test_a_crashed_copys_lock_is_taken_over(db_path):
    import socket

    from PySide6.QtCore import QLockFile

    # a lock file as a copy that died would leave it: its pid no longer runs on this host
    lock = Path(str(db_path) + ".lock")
    holder = QLockFile(str(lock))
    assert holder.tryLock(0)
    content = lock.read_bytes().split(b"\n")
    holder.unlock()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    content[0] = gone.stdout.strip().encode()  # a process that has exited
    content[2] = socket.gethostname().encode()
    lock.write_bytes(b"\n".join(content))
    fresh = appmod.SingleInstance(db_path)
    assert fresh.acquire()
    fresh.release()
