"""Real widgets offscreen over a real SQLite desk in tmp_path (seed article + an English one)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ROOT / "tests" / "fixtures" / "gold" / "b01-uk-budget.en.txt"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("FACTDESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("FACTDESK_ANALYST", "tester")


@pytest.fixture(scope="session")
def _template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the desk once per session (extraction is the slow part), copy it per test."""
    from factdesk.services import ArticleMeta, import_texts
    from factdesk.store import open_database
    from factdesk.ui.app import ensure_demo

    path = tmp_path_factory.mktemp("template") / "desk.db"
    ensure_demo(path)
    db = open_database(path)
    import_texts(db, [(ENGLISH.read_text(encoding="utf-8"), ArticleMeta(outlet="BBC"))])
    db.close()
    return path


@pytest.fixture
def db_path(_template: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "desk.db"
    shutil.copy(_template, dest)
    return dest


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    from factdesk.store import open_database

    d = open_database(db_path)
    yield d
    d.close()


@pytest.fixture
def window(qtbot: object, db: object) -> Iterator[object]:
    from factdesk.ui.app import settings
    from factdesk.ui.main_window import MainWindow

    w = MainWindow(db, settings())  # type: ignore[arg-type]
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0 and w.articles.rowCount() > 0)  # type: ignore[attr-defined]
    yield w
    w.close()
