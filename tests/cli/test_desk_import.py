"""`factdesk import` and `factdesk demo` with the real extraction engine, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "white-house-summit.ar.txt"


@pytest.fixture(scope="module", autouse=True)
def _engine_works() -> None:
    from factdesk.extract import extract

    try:
        extract(SEED.read_text(encoding="utf-8"))
    except Exception as exc:  # the engine is developed in parallel; say why we cannot run
        pytest.skip(f"the extraction engine fails on the seed article: {exc}")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=os.environ | {"FACTDESK_ANALYST": "t"},
    )


def test_import_seed_then_reimport_is_recognised(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    first = run("import", "--db", db, str(SEED), "--outlet", "وكالة", "--url", "https://x.example")
    assert first.returncode == 0, first.stderr
    assert "imported 1 article(s)" in first.stderr
    n = int(run("claims", "--db", db, "--count").stdout)
    assert n > 0
    again = run("import", "--db", db, str(SEED))
    assert again.returncode == 0 and "1 already in the desk" in again.stderr
    assert int(run("claims", "--db", db, "--count").stdout) == n
    # every stored claim's offsets index the original article exactly
    from factdesk.services import get_claim, list_claims
    from factdesk.store import open_database

    desk = open_database(db)
    original = SEED.read_text(encoding="utf-8")
    for row in list_claims(desk, limit=1000).rows:
        d = get_claim(desk, row.id)
        assert original[d.start : d.end] == row.text
    desk.close()


def test_import_pasted_text_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    proc = subprocess.run(
        [sys.executable, "-m", "factdesk", "import", "--db", db, "-", "--title", "لصق"],
        input=SEED.read_bytes(),
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert "لصق" in proc.stdout.decode()


def test_demo_creates_a_desk_with_the_seed(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    proc = run("demo", "--db", db)
    assert proc.returncode == 0, proc.stderr
    assert "demo desk at" in proc.stdout
    assert int(run("claims", "--db", db, "--count").stdout) > 0
    again = run("demo", "--db", db)
    assert again.returncode == 0 and "already there" in again.stdout
