"""Timings inside one fresh process, for bench/ui_bench.py (the parent passes its start time)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

T_IMPORT = time.time()


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run(db_path: str, query: str, t0: float, common: str = "ترامب") -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    from factdesk.store import open_database
    from factdesk.ui import app as appmod
    from factdesk.ui.main_window import MainWindow

    imports_ms = (time.time() - t0) * 1000

    class Paints(QObject):
        n = 0

        def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
            if ev.type() == QEvent.Type.Paint:
                self.n += 1
            return False

    app = appmod.make_app()
    appmod.register_fonts()
    db = open_database(db_path)
    w = MainWindow(db, appmod.settings())
    paints = Paints()
    w.table.viewport().installEventFilter(paints)
    w.resize(1440, 880)
    w.show()

    def until(cond: Callable[[], bool], timeout: float = 30.0) -> None:
        end = time.perf_counter() + timeout
        while not cond():
            app.processEvents()
            if time.perf_counter() > end:
                raise TimeoutError("the table did not show rows")
            time.sleep(0.001)  # let the loader thread have the GIL

    def shown_rows() -> bool:
        return w.model.rowCount() > 0 and w.model._pages != {}

    until(shown_rows)
    seen = paints.n
    until(lambda: paints.n > seen or paints.n > 0)
    first_rows_ms = (time.time() - t0) * 1000
    until(lambda: not w.model.pool.activeThreadCount())
    app.processEvents()
    rows = w.model.rowCount()
    until(lambda: w.articles.rowCount() > 0)

    def timed(action: Callable[[], None], ready: Callable[[], bool]) -> float:
        app.processEvents()
        before = paints.n
        start = time.perf_counter()
        action()
        until(lambda: ready() and paints.n > before)
        return (time.perf_counter() - start) * 1000

    last = rows - 1

    def jump() -> None:
        w._select_row(last)

    def at_bottom() -> bool:
        return w.table.rowAt(w.table.viewport().height() - 2) in (last, -1) and (
            w.table.indexAt(w.table.viewport().rect().bottomLeft()).row() in (last, -1)
        )

    jump_ms = timed(jump, lambda: w.model.claim_row(last) is not None and at_bottom())
    w._select_row(0)
    app.processEvents()

    gen = w.model._gen

    def search() -> None:
        w.filter_bar.search.blockSignals(True)
        w.filter_bar.search.setText(query)
        w.filter_bar.search.blockSignals(False)
        w.apply_filters()  # what the 150 ms typing pause then does

    search_ms = timed(search, lambda: w.model._gen > gen and w.model.rowCount() < rows)
    search_rows = w.model.rowCount()
    until(lambda: not w.model.pool.activeThreadCount())

    gen = w.model._gen

    def clear() -> None:
        w.filter_bar.search.blockSignals(True)
        w.filter_bar.search.clear()
        w.filter_bar.search.blockSignals(False)
        w.apply_filters()

    clear_ms = timed(clear, lambda: w.model._gen > gen and w.model.rowCount() == rows)
    until(lambda: not w.model.pool.activeThreadCount())

    # a common word: many matches, the first 2,000 shown before the rest are read
    marks2: dict[str, float] = {}
    w.model.first_rows.connect(lambda n, ms: marks2.setdefault("first", time.perf_counter()))
    w.model.loaded.connect(lambda n, ms: marks2.setdefault("all", time.perf_counter()))
    start = time.perf_counter()
    w.filter_bar.search.blockSignals(True)
    w.filter_bar.search.setText(common)
    w.filter_bar.search.blockSignals(False)
    w.apply_filters()
    until(lambda: "first" in marks2, timeout=60)
    before = paints.n
    until(lambda: paints.n > before)
    common_first_ms = (time.perf_counter() - start) * 1000
    until(lambda: "all" in marks2, timeout=60)
    common_all_ms = (marks2["all"] - start) * 1000
    common_rows = w.model.rowCount()
    clear()
    until(lambda: w.model.rowCount() == rows)
    # sort the whole desk by status: SQL ORDER BY, every id read (the worst case)
    marks: dict[str, float] = {}
    w.model.first_rows.connect(lambda n, ms: marks.setdefault("first", time.perf_counter()))
    w.model.loaded.connect(lambda n, ms: marks.setdefault("all", time.perf_counter()))
    start = time.perf_counter()
    w.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    until(lambda: "first" in marks, timeout=60)
    before = paints.n
    until(lambda: paints.n > before)
    sort_first_ms = (time.perf_counter() - start) * 1000
    until(lambda: "all" in marks, timeout=60)
    sort_all_ms = (marks["all"] - start) * 1000
    w._select_row(w.model.rowCount() - 1)
    app.processEvents()
    for _ in range(3):  # a few random jumps, like scrolling around
        w._select_row(rows // 3)
        app.processEvents()
    rss = _rss_mb()
    w.close()
    db.close()
    QApplication.processEvents()
    return {
        "imports_ms": imports_ms,
        "first_rows_ms": first_rows_ms,
        "rows": rows,
        "jump_last_ms": jump_ms,
        "search_ms": search_ms,
        "search_rows": search_rows,
        "clear_ms": clear_ms,
        "common_first_ms": common_first_ms,
        "common_all_ms": common_all_ms,
        "common_rows": common_rows,
        "sort_first_ms": sort_first_ms,
        "sort_all_ms": sort_all_ms,
        "rss_mb": rss,
    }
