"""Screenshots of the main views for docs/screenshots (run under Xvfb on the xcb platform).

xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python -m factdesk.ui.shots OUT_DIR [DB]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def _wait(app: QApplication, cond: object, timeout: float = 10.0) -> None:
    end = time.perf_counter() + timeout
    while not cond() and time.perf_counter() < end:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def _grab(app: QApplication, widget: QWidget, path: Path) -> None:
    _wait(app, lambda: True)
    screen = app.primaryScreen()
    pm = screen.grabWindow(0) if app.platformName() == "xcb" else widget.grab()
    if app.platformName() == "xcb":
        g = widget.frameGeometry()
        pm = pm.copy(g)
    pm.save(str(path))
    print(path)


def _grab_screen(app: QApplication, widget: QWidget, path: Path) -> None:
    """The window with whatever popup is open over it (xcb only; offscreen grabs the widget)."""
    _wait(app, lambda: True)
    if app.platformName() != "xcb":
        widget.grab().save(str(path))
        return
    pm = app.primaryScreen().grabWindow(0)
    pm.copy(widget.frameGeometry()).save(str(path))
    print(path)


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    big = Path(argv[1]) if len(argv) > 1 else None
    from factdesk.store import open_database
    from factdesk.ui import app as appmod
    from factdesk.ui.main_window import MainWindow

    app = appmod.make_app()
    families = appmod.register_fonts()
    appmod.ensure_demo(db_path)
    english = Path(__file__).resolve().parents[2] / "tests/fixtures/gold/b01-uk-budget.en.txt"
    if english.exists():  # an English article beside the Arabic seed: per-cell direction
        from factdesk.services import ArticleMeta, import_texts

        d = open_database(db_path)
        import_texts(
            d,
            [
                (
                    english.read_text(encoding="utf-8"),
                    ArticleMeta(title="UK budget: Reeves raises taxes by £26bn", outlet="BBC"),
                )
            ],
        )
        d.close()
    for lang in ("en", "ar"):
        os.environ["FACTDESK_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "s.ini")
        appmod.install_language(app, lang)
        app.setFont(appmod.ui_font(families))
        db = open_database(db_path)
        w = MainWindow(db, appmod.settings(), arabic=lang == "ar")
        w.resize(1560, 940)
        w.move(20, 20)
        w.show()
        _wait(app, lambda w=w: w.model.rowCount() > 0 and w.articles.rowCount() > 0)
        w.select_claim(2)
        _wait(app, lambda w=w: w.panel.detail is not None)
        w.set_status("false")
        w.panel.note_edit.setPlainText(
            "The summit date is not confirmed by the Kremlin."
            if lang == "en"
            else "لم يؤكد الكرملين موعد القمة."
        )
        w.panel._add_note()
        w.select_claim(5)
        w.set_status("mostly_true")
        w.select_claim(2)
        _wait(app, lambda w=w: w.panel.detail is not None)
        _grab(app, w, out / f"main-{lang}.png")
        # the Claim menu with its shortcuts, and the claim's history
        w.panel.tabs.setCurrentIndex(2)
        w.menuBar().setActiveAction(w.m_claim.menuAction())
        _wait(app, lambda w=w: w.m_claim.isVisible())
        _grab_screen(app, w, out / f"menu-{lang}.png")
        w.m_claim.hide()
        w.menuBar().setActiveAction(None)  # type: ignore[arg-type]
        w.panel.tabs.setCurrentIndex(0)
        w.filter_bar.search.setText("بوتين")
        _wait(app, lambda w=w: w.model.rowCount() < 15)
        w.select_claim(w.model.claim_id(0) or 1)
        _grab(app, w, out / f"search-{lang}.png")
        w.filter_bar.search.clear()
        w.import_paste()
        d = w.import_dialog
        d.paste_title.setText("Example" if lang == "en" else "مثال")
        d.paste_text.setPlainText(
            "قال وزير المالية إن التضخم بلغ 12 في المئة في أكتوبر."
            if lang == "ar"
            else "The minister said inflation reached 12% in October."
        )
        _wait(app, lambda d=d: d.isVisible())
        _grab(app, d, out / f"import-{lang}.png")
        d.tabs.setCurrentIndex(0)
        d.add_paths([str(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "gold")])
        d.start()
        _wait(app, lambda d=d: d.report is not None, timeout=60)
        _grab(app, d, out / f"import-summary-{lang}.png")
        d.close()
        from factdesk.services import list_entities
        from factdesk.ui.dialogs import MergeDialog

        names = [(e.id, e.name) for e in list_entities(db)]
        m = MergeDialog(names, w)
        latin = next((i for i, (_e, n) in enumerate(names) if n.isascii()), 0)
        m.source.setCurrentIndex(latin)
        m.target.setCurrentIndex(max(0, m.target.findText("دونالد ترامب")))
        m.show()
        _wait(app, lambda m=m: m.isVisible())
        _grab(app, m, out / f"merge-{lang}.png")
        m.close()
        w.export()
        e = w.export_dialog
        _wait(app, lambda e=e: e.isVisible())
        _grab(app, e, out / f"export-{lang}.png")
        e.close()
        w.close()
        db.close()
        if big is not None:
            db = open_database(big)
            w = MainWindow(db, appmod.settings(), arabic=lang == "ar")
            w.resize(1560, 940)
            w.move(20, 20)
            w.show()
            _wait(app, lambda w=w: w.model.rowCount() > 100_000 and w.articles.rowCount() > 0)
            w._select_row(w.model.rowCount() - 1)
            _wait(app, lambda w=w: w.panel.detail is not None)
            _grab(app, w, out / f"million-{lang}.png")
            w.filter_bar.search.setText("غرينلاند")
            _wait(app, lambda w=w: 0 < w.model.rowCount() < 100_000)
            w._select_row(0)
            _wait(app, lambda w=w: w.panel.detail is not None)
            _grab(app, w, out / f"million-search-{lang}.png")
            w.close()
            db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
