"""Starting the window: fonts, language and direction, settings, one copy per database, --smoke."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

RTL_LANGUAGES = {"ar", "fa", "he", "ur"}
UI_LANGUAGES = ("en", "ar")


def resources_dir() -> Path:
    from factdesk.text.lexicon import resources_dir as lexicon_resources

    return lexicon_resources()


def settings() -> QSettings:
    """INI in the user's config folder (FACTDESK_SETTINGS overrides: tests, screenshots)."""
    path = os.environ.get("FACTDESK_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "FactDesk", "FactDesk")


def register_fonts() -> list[str]:
    """Add the bundled OFL Arabic fonts; returns the families Qt registered."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for ttf in sorted(folder.glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0:
            families += QFontDatabase.applicationFontFamilies(fid)
    return list(dict.fromkeys(families))


def choose_language(s: QSettings) -> str:
    """The saved UI language, else the system's if we have it, else English."""
    saved = str(s.value("ui/language", "") or "")
    if saved in UI_LANGUAGES:
        return saved
    env = os.environ.get("FACTDESK_LANG", "")
    if env in UI_LANGUAGES:
        return env
    sys_lang = QLocale.system().name().split("_")[0]
    return sys_lang if sys_lang in UI_LANGUAGES else "en"


def install_language(app: QApplication, lang: str) -> list[str]:
    """Load our .qm and Qt's own qtbase_<lang>.qm; set the direction explicitly."""
    loaded: list[str] = []
    app._translators = []  # type: ignore[attr-defined]  # keep them alive
    if lang != "en":
        folder = resources_dir() / "translations"
        for name, where in (
            (f"factdesk_{lang}", folder),
            (f"qtbase_{lang}", folder),
            (f"qtbase_{lang}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
        ):
            if any(n.startswith("qtbase") for n in loaded) and name.startswith("qtbase"):
                continue
            tr = QTranslator(app)
            if tr.load(name, str(where)):
                app.installTranslator(tr)
                app._translators.append(tr)  # type: ignore[attr-defined]
                loaded.append(name)
        QLocale.setDefault(QLocale(lang))
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if lang in RTL_LANGUAGES else Qt.LayoutDirection.LeftToRight
    )
    return loaded


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("FactDesk")
        QCoreApplication.setApplicationName("FactDesk")
        app = QApplication(argv if argv is not None else sys.argv[:1])
        # ties the window to the installed factdesk.desktop (its icon and name on Wayland and in
        # GNOME's dock); harmless where there is none
        app.setDesktopFileName("factdesk")
    assert isinstance(app, QApplication)
    return app


def ui_font(families: list[str]) -> QFont:
    """The platform's UI font with Noto Sans Arabic first for Arabic script."""
    font = QApplication.font()
    if "Noto Sans Arabic" in families:
        base = font.families() or [font.family()]
        font.setFamilies(["Noto Sans Arabic", *[f for f in base if f != "Noto Sans Arabic"]])
    return font


# --- one copy per database ---------------------------------------------------------------------
def _server_name(db_path: Path) -> str:
    return "factdesk-" + hashlib.sha1(str(db_path).encode()).hexdigest()[:16]


class SingleInstance:
    """A QLockFile beside the database, and a local server the second copy can ask to show."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.lock = QLockFile(str(db_path) + ".lock")
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None
        self.window: QWidget | None = None

    def acquire(self) -> bool:
        return self.lock.tryLock(100)

    def owner(self) -> str:
        info = self.lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        if isinstance(info, tuple) and len(info) >= 3:
            pid, app = info[-3], info[-1]
            return f"{app or 'FactDesk'} (pid {pid})"
        return "FactDesk"

    def listen(self, window: QWidget) -> None:
        self.window = window
        name = _server_name(self.db_path)
        QLocalServer.removeServer(name)
        self.server = QLocalServer(window)
        self.server.newConnection.connect(self._raise)
        self.server.listen(name)

    def _raise(self) -> None:
        assert self.server is not None
        conn = self.server.nextPendingConnection()
        if conn is not None:
            conn.disconnectFromServer()
        if self.window is not None:
            w = self.window
            w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
            w.show()
            w.raise_()
            w.activateWindow()

    def ask_running_copy_to_show(self) -> bool:
        sock = QLocalSocket()
        sock.connectToServer(_server_name(self.db_path))
        ok = sock.waitForConnected(1000)
        if ok:
            sock.write(b"show\n")
            sock.waitForBytesWritten(500)
            sock.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def ask_second_copy(instance: SingleInstance) -> str:
    """'switch', 'readonly' or 'quit' when the database is already open in FactDesk."""
    box = QMessageBox()
    box.setObjectName("secondCopyBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("FactDesk")
    box.setText(
        QCoreApplication.translate("App", "%1 is already open in FactDesk.").replace(
            "%1", instance.db_path.name
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("App", "Switch to that window, or open a read-only copy here?")
    )
    switch = box.addButton(
        QCoreApplication.translate("App", "Switch to the open window"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    ro = box.addButton(
        QCoreApplication.translate("App", "Open read-only"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(switch)
    box.exec()
    clicked = box.clickedButton()
    if clicked is switch:
        return "switch"
    if clicked is ro:
        return "readonly"
    return "quit"


# --- entry points ------------------------------------------------------------------------------
def _open_db(target: str | None, *, create: bool, notices: list[str] | None = None) -> object:
    """Open through the services (schema upgrade with a backup, search keys rebuilt if needed);
    what the analyst should know is collected in `notices` for the status bar."""
    from factdesk.services.maintenance import open_desk

    return open_desk(target, create=create, notice=notices.append if notices is not None else None)


def ensure_demo(db_path: Path) -> None:
    """A desk holding the seed article (the `factdesk demo` content), created if missing."""
    from factdesk.desk_cli import DEMO_SEED, DEMO_TITLE, demo_seed_path
    from factdesk.services import ArticleMeta, count_claims, import_texts
    from factdesk.store import open_database
    from factdesk.text.decoding import read_text_file

    db = open_database(db_path, create=True)
    try:
        if count_claims(db) == 0:
            decoded = read_text_file(demo_seed_path())
            import_texts(
                db,
                [(decoded.text, ArticleMeta(title=DEMO_TITLE, language="ar"))],
                source=DEMO_SEED,
            )
    finally:
        db.close()


def run(db_target: str | None = None, *, demo: bool = False, lang: str | None = None) -> int:
    """Open the window on a database (default: the user's desk) and run until it closes."""
    from factdesk.store import StoreError, default_db_path
    from factdesk.ui.errors import describe

    app = make_app()
    s = settings()
    families = register_fonts()
    language = lang or choose_language(s)
    install_language(app, language)
    app.setFont(ui_font(families))
    icon = resources_dir() / "icons" / "factdesk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    target = db_target or str(default_db_path())
    create = db_target is None
    if not create and not demo and "://" not in target and not Path(target).exists():
        answer = QMessageBox.question(
            None,
            "FactDesk",
            QCoreApplication.translate(
                "App", "There is no desk at %1. Create a new, empty one?"
            ).replace("%1", str(Path(target).expanduser())),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        create = True
    notices: list[str] = []
    try:
        if demo:
            ensure_demo(Path(target))
        db = _open_db(target, create=create, notices=notices)
    except StoreError as exc:
        QMessageBox.critical(None, "FactDesk", describe(exc)[0])
        return 2
    except Exception as exc:  # anything else: one line, and the log file
        msg, logged = describe(exc)
        if logged:
            from factdesk.ui.errors import log_path

            msg += "\n" + QCoreApplication.translate(
                "App", "The details were written to %1"
            ).replace("%1", str(log_path()))
        QMessageBox.critical(None, "FactDesk", msg)
        return 2

    from factdesk.store import Database
    from factdesk.ui.main_window import MainWindow

    assert isinstance(db, Database)
    read_only = False
    instance = SingleInstance(db.path) if db.path is not None else None
    if instance is not None and not instance.acquire():
        choice = ask_second_copy(instance)
        if choice == "switch":
            instance.ask_running_copy_to_show()
            db.close()
            return 0
        if choice == "quit":
            db.close()
            return 0
        read_only = True
        instance = None
    window = MainWindow(db, s, read_only=read_only, arabic=language == "ar")
    if instance is not None:
        instance.listen(window)
    window.show()
    if notices:
        window.statusBar().showMessage("FactDesk " + "; ".join(notices), 20000)
    _install_excepthook(window)
    _quit_on_signals(app, window)
    try:
        return app.exec()
    finally:
        if instance is not None:
            instance.release()
        db.close()
        if window.restart_requested:
            _restart()


def _restart() -> None:
    """The same command again (minus a one-run --lang), after this copy let go of the desk."""
    import subprocess

    argv = [sys.executable, *list(getattr(sys, "orig_argv", ["", *sys.argv]))[1:]]
    if "--lang" in argv:
        i = argv.index("--lang")
        del argv[i : i + 2]
    subprocess.Popen(argv, start_new_session=True)


def cli(args: object) -> int:
    """`factdesk app [--db PATH] [--demo] [--lang ar|en]`."""
    db = getattr(args, "db", None)
    demo = bool(getattr(args, "demo", False))
    if demo and db is None:
        from factdesk.store import default_db_path

        db = str(default_db_path().with_name("demo.db"))
    return run(db, demo=demo, lang=getattr(args, "lang", None))


def _quit_on_signals(app: QApplication, window: QWidget) -> None:
    """Ctrl+C in the terminal (or SIGTERM) closes the window properly: settings saved, lock
    released. Qt's loop runs in C++, so a timer lets Python look at signals twice a second."""
    import signal

    from PySide6.QtCore import QTimer

    def close(*_args: object) -> None:
        window.close()
        app.quit()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, close)
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(500)


def _install_excepthook(window: QWidget) -> None:
    """An exception escaping a slot becomes a logged error and a one-line dialog."""
    from factdesk.ui.dialogs import show_error
    from factdesk.ui.errors import describe

    def hook(etype: type[BaseException], exc: BaseException, tb: object) -> None:
        if issubclass(etype, KeyboardInterrupt):
            QApplication.quit()
            return
        message, logged = describe(exc.with_traceback(tb))  # type: ignore[arg-type]
        show_error(window, "FactDesk", message, logged)

    sys.excepthook = hook


def smoke(db_target: str | None = None) -> int:
    """Start offscreen on the demo desk, show the window, print what was loaded, exit 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    t0 = time.perf_counter()
    import tempfile

    from factdesk.store import open_database
    from factdesk.ui.main_window import MainWindow

    app = make_app()
    families = register_fonts()
    tmp = None
    if db_target is None:
        tmp = tempfile.TemporaryDirectory(prefix="factdesk-smoke-")
        db_target = str(Path(tmp.name) / "demo.db")
    settings_dir = tempfile.TemporaryDirectory(prefix="factdesk-smoke-settings-")
    os.environ.setdefault("FACTDESK_SETTINGS", str(Path(settings_dir.name) / "smoke.ini"))
    ensure_demo(Path(db_target))
    loaded = install_language(app, "ar")
    install_language(app, "en")
    db = open_database(db_target)
    try:
        window = MainWindow(db, settings())
        window.show()
        deadline = time.perf_counter() + 20
        while window.model.rowCount() == 0 and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)
        while not window.articles.rowCount() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()
        rows = window.model.rowCount()
        first = window.model.index(0, 2).data() if rows else None
        print(f"platform={app.platformName()}")
        print(f"database={db_target}")
        print(f"articles={window.articles.rowCount()} claims={rows}")
        print(f"first_claim={first!r}")
        print(f"fonts={','.join(families) or 'none'}")
        print(f"arabic_translations={','.join(loaded) or 'none'}")
        print(f"elapsed_ms={(time.perf_counter() - t0) * 1000:.0f}")
        window.close()
        ok = rows > 0 and window.articles.rowCount() > 0
    finally:
        db.close()
        if tmp is not None:
            tmp.cleanup()
        settings_dir.cleanup()
    return 0 if ok else 1
