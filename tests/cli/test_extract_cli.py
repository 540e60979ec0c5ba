"""`factdesk extract` and `factdesk eval` as a user runs them: a real subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "white-house-summit.ar.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "factdesk", *args], capture_output=True, text=True, env=env,
        encoding="utf-8",
    )


def test_extract_json_contract():
    done = run("extract", str(SEED), "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["file"] == SEED.name and out["language"] == "ar"
    text = SEED.read_text(encoding="utf-8")
    for key in ("quotes", "statements", "numeric_claims"):
        for item in out[key]:
            assert {"text", "start", "end", "speaker", "source"} <= set(item)
            assert text[item["start"]:item["end"]] == item["text"]
    money = [n for n in out["numeric_claims"] if n["unit"] == "USD"]
    assert [n["value"] for n in money] == [100000000000, 50000000000]
    assert all({"value", "unit", "approx", "bound"} <= set(n) for n in out["numeric_claims"])


def test_extract_reads_windows_1256(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes('وقال الوزير: "ارتفعت الأسعار 15 في المئة".'.encode("cp1256"))
    out = json.loads(run("extract", str(path), "--format", "json").stdout)
    assert out["quotes"][0]["text"] == "ارتفعت الأسعار 15 في المئة"
    assert out["numeric_claims"][0]["unit"] == "percent"


def test_table_in_a_pipe_keeps_logical_arabic():
    done = run("extract", str(SEED), "--format", "table")
    assert done.returncode == 0
    assert "حوالي 40 دقيقة" in done.stdout  # logical order, unshaped: not a terminal


def test_missing_and_binary_files_get_one_line(tmp_path):
    done = run("extract", str(tmp_path / "nope.txt"))
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "nope.txt" in done.stderr
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    done = run("extract", str(png))
    assert done.returncode != 0 and "photo.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_eval_prints_scores_for_the_gold_folder():
    done = run("eval", str(ROOT / "tests" / "fixtures" / "gold"), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report["kinds"]) == {"quotes", "statements", "numeric_claims"}
    assert len(report["files"]) >= 13


def test_table_on_a_terminal_is_shaped_for_it(tmp_path):
    """Under a real pseudo-terminal the Arabic is shaped (presentation forms), in a pipe not."""
    import pty

    out = b""
    pid, fd = pty.fork()
    if pid == 0:  # child: the real CLI on a pty
        os.execv(sys.executable, [sys.executable, "-m", "factdesk", "extract", str(SEED)])
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    text = out.decode("utf-8", errors="replace")
    assert "numeric" in text and "USD" in text
    assert any("\ufe70" <= ch <= "\ufeff" for ch in text)  # shaped glyphs for the terminal
    assert "حوالي 40 دقيقة" not in text  # not the logical string
