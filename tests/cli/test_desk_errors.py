"""Bad input through the real CLI: one human line on stderr, a non-zero exit, nothing lost.

Every condition is produced for real: a missing and a binary file, an oversized file, a file
that is not a database, a database held by another writer, a newer schema, a full disk
(RLIMIT_FSIZE, which makes writes fail with EFBIG exactly where a full disk gives ENOSPC).
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def run(*args: str, env: dict[str, str] | None = None, limit_bytes: int | None = None):
    def preexec() -> None:
        if limit_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run(
        [sys.executable, "-m", "factdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=os.environ | (env or {}),
        preexec_fn=preexec,
    )


def one_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in proc.stderr
    return "\n".join(lines)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    from factdesk.extract.model import Claim, Extraction
    from factdesk.services import ArticleMeta, import_texts
    from factdesk.store import open_database

    def fake(text: str, language: str | None) -> Extraction:
        words = [(i, w) for i, w in enumerate(text.split(" "))]
        claims, pos = [], 0
        for _, w in words:
            claims.append(Claim("statement", w, pos, pos + len(w)))
            pos += len(w) + 1
        return Extraction(text, "ar", tuple(claims))

    path = tmp_path / "desk.db"
    db = open_database(path, create=True)
    texts = [(" ".join(f"كلمة{i}_{j}" for j in range(40)), ArticleMeta()) for i in range(30)]
    import_texts(db, texts, extractor=fake)
    db.close()
    return path


def test_missing_database_file(tmp_path: Path) -> None:
    msg = one_line(run("claims", "--db", str(tmp_path / "nope.db")))
    assert msg.count("\n") == 0 and "no desk database" in msg


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(4000))
    msg = one_line(run("claims", "--db", str(junk)))
    assert msg.count("\n") == 0 and "not a FactDesk database" in msg


def test_newer_schema(desk: Path) -> None:
    con = sqlite3.connect(desk)
    con.execute("UPDATE alembic_version SET version_num = 'a1b2c3'")
    con.commit()
    con.close()
    msg = one_line(run("claims", "--db", str(desk)))
    assert msg.count("\n") == 0 and "newer FactDesk" in msg


def test_locked_database(desk: Path) -> None:
    holder = sqlite3.connect(desk, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = run("status", "--db", str(desk), "1", "false", env={"FACTDESK_BUSY_TIMEOUT": "0.3"})
        msg = one_line(proc)
        assert msg.count("\n") == 0 and "locked by another program" in msg
        # readers are not blocked by the writer (WAL)
        assert run("claims", "--db", str(desk), "--count").stdout.strip() == "1200"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run("status", "--db", str(desk), "1", "false").returncode == 0


def test_full_disk_during_a_write_loses_nothing(desk: Path) -> None:
    limit = 40 * 1024  # the -shm (32 KiB) fits; a bulk change's WAL pages do not
    ids = [str(i) for i in range(1, 1201)]
    proc = run("status", "--db", str(desk), *ids, "false", limit_bytes=limit)
    msg = one_line(proc)
    assert msg.count("\n") == 0 and "disk is full" in msg
    ok = run("claims", "--db", str(desk), "--status", "unverified", "--count")
    assert ok.stdout.strip() == "1200"  # the failed transaction left every claim as it was


def test_full_disk_during_export_keeps_old_report(desk: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    out.write_text("yesterday's report", encoding="utf-8")
    msg = one_line(run("export", "csv", str(out), "--db", str(desk), limit_bytes=48 * 1024))
    assert msg.count("\n") == 0 and ("size limit" in msg or "disk is full" in msg)
    assert out.read_text(encoding="utf-8") == "yesterday's report"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_import_of_bad_files(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\n" + os.urandom(3000))
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: 21 MiB, past the 20 MiB limit
    proc = run("import", "--db", str(db), str(tmp_path / "missing.txt"), str(binary), str(big))
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr
    assert any("missing.txt" in ln and "could not be found" in ln for ln in lines)
    assert any("scan.txt" in ln for ln in lines)
    assert any("huge.txt" in ln and "too large" in ln for ln in lines)
    assert "imported 0 article(s)" in lines[-1] and "3 could not be imported" in lines[-1]


def test_unknown_claim_and_status(desk: Path) -> None:
    msg = one_line(run("status", "--db", str(desk), "99999", "false"))
    assert "no claim with id 99999" in msg
    msg = one_line(run("status", "--db", str(desk), "1", "maybe"))
    assert "unknown status 'maybe'" in msg and msg.count("\n") == 0


def test_unreachable_postgres() -> None:
    msg = one_line(run("claims", "--db", "postgresql://u:p@127.0.0.1:1/x"))
    assert msg.count("\n") == 0 and "PostgreSQL" in msg


def test_old_desk_is_upgraded_with_a_backup_and_a_notice(tmp_path: Path) -> None:
    """A desk left at the first schema: the CLI upgrades it, says so once, keeps a copy."""
    from alembic import command

    from factdesk.store import database as dbmod

    path = tmp_path / "old.db"
    eng = dbmod._sqlite_engine(dbmod.resolve_target(path)[0])
    with eng.begin() as conn:
        command.upgrade(dbmod._alembic_config(conn), "0001")
    eng.dispose()
    proc = run("claims", "--db", str(path), "--count")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0"
    assert f"the previous file is kept at {path}.schema-0001.bak" in proc.stderr
    assert (tmp_path / "old.db.schema-0001.bak").exists()
    again = run("claims", "--db", str(path), "--count")
    assert again.stderr == ""  # nothing more to say the second time
