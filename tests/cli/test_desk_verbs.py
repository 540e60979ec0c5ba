"""The desk verbs through the real `factdesk` command in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
ARTICLE = """بوتين: نحن مستعدون للاجتماع مع زيلينسكي
ترامب: اتصلت بالرئيس بوتين والاجتماع سيكون خلال 2 أسبوع
"""


def run(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=os.environ | {"FACTDESK_ANALYST": "cli-analyst"} | (env or {}),
        **kw,
    )


def _fake(text: str, language: str | None):
    from factdesk.extract.model import Claim, Entity, Extraction

    claims, names = [], []
    pos = 0
    for line in text.splitlines(keepends=True):
        who, _, body = line.partition(": ")
        s = pos + len(who) + 2
        claims.append(
            Claim(
                "quote",
                body.rstrip("\n"),
                s,
                s + len(body.rstrip("\n")),
                speaker=who,
                sentence_start=pos,
                sentence_end=pos + len(line),
            )
        )
        names.append(who)
        pos += len(line)
    return Extraction(text, "ar", tuple(claims), (), tuple(Entity(n, "person") for n in names))


@pytest.fixture
def desk(tmp_path: Path) -> str:
    """A desk database holding one article, imported through the service with a fake engine."""
    from factdesk.services import ArticleMeta, import_text
    from factdesk.store import open_database

    path = tmp_path / "desk.db"
    db = open_database(path, create=True)
    import_text(db, ARTICLE, ArticleMeta(title="قمة", url="https://a.example"), extractor=_fake)
    db.close()
    return str(path)


def test_list_search_and_count(desk: str) -> None:
    out = run("claims", "--db", desk)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "kind", "status"]
    assert "نحن مستعدون للاجتماع مع زيلينسكي" in out.stdout  # logical Unicode in a pipe
    assert run("claims", "--db", desk, "--search", "اجتماع", "--count").stdout.strip() == "2"
    assert run("claims", "--db", desk, "--speaker", "ترامب", "--count").stdout.strip() == "1"
    page = json.loads(run("claims", "--db", desk, "--format", "json", "--limit", "1").stdout)
    assert len(page["claims"]) == 1 and page["next"]
    nxt = json.loads(
        run("claims", "--db", desk, "--format", "json", "--after", page["next"]).stdout
    )
    assert [c["id"] for c in nxt["claims"]] == [2] and nxt["next"] is None


def test_edit_verbs_and_history(desk: str, tmp_path: Path) -> None:
    assert run("status", "--db", desk, "1", "2", "خاطئ").returncode == 0
    r = run(
        "tag",
        "--db",
        desk,
        "1",
        "--speaker",
        "فلاديمير بوتين",
        "--source",
        "تاس",
        "--add-tag",
        "قمة",
    )
    assert r.returncode == 0, r.stderr
    assert run("note", "--db", desk, "1", "راجعنا", "النص").returncode == 0
    assert run("evidence", "--db", desk, "1", "https://e.example/x", "-m", "video").returncode == 0
    assert run("status", "--db", desk, "--analyst", "mona", "2", "mostly true").returncode == 0
    shown = json.loads(run("show", "--db", desk, "1", "--json").stdout)
    assert shown["status"] == "false" and shown["speaker"] == "فلاديمير بوتين"
    assert shown["speaker_by"] == "analyst" and shown["tags"] == ["قمة"]
    assert shown["notes"][0]["text"] == "راجعنا النص"
    assert shown["notes"][0]["author"] == "cli-analyst"
    assert {h["field"] for h in shown["history"]} >= {"status", "speaker", "source", "note"}
    hist = run("history", "--db", desk, "2").stdout
    assert "mona" in hist and "mostly_true" in hist
    out = tmp_path / "r.csv"
    r = run("export", "csv", str(out), "--db", desk, "--status", "false")
    assert r.returncode == 0, r.stderr
    assert "wrote 1 claim" in r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw[3:].decode(), newline="")))
    assert rows[0]["evidence_urls"] == "https://e.example/x"
    assert rows[0]["changed_by"] == "cli-analyst"


def test_entities_merge_and_statuses(desk: str) -> None:
    run("tag", "--db", desk, "2", "--speaker", "الرئيس الروسي")
    r = run("merge", "--db", desk, "الرئيس الروسي", "بوتين")
    assert r.returncode == 0, r.stderr
    ents = run("entities", "--db", desk).stdout
    assert "aka الرئيس الروسي" in ents
    r = run("statuses", "--db", desk, "--add", "satire", "Satire", "--label-ar", "ساخر")
    assert "satire" in r.stdout
    assert run("status", "--db", desk, "1", "ساخر").returncode == 0


def test_terminal_output_is_shaped_but_pipes_are_not(desk: str) -> None:
    """On a real pseudo-terminal Arabic comes out shaped (presentation forms)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "factdesk", "claims", "--db", desk],
        stdout=slave,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert any("\ufe70" <= ch <= "\ufeff" for ch in shown)  # shaped letters
    piped = run("claims", "--db", desk).stdout
    assert not any("\ufe70" <= ch <= "\ufeff" for ch in piped)


def test_demo_without_engine_dependency_on_repo_layout(tmp_path: Path) -> None:
    from factdesk.desk_cli import demo_seed_path

    # the packaged seed is byte-identical to the repository's seed article
    assert (
        demo_seed_path().read_bytes() == (ROOT / "seeds" / "white-house-summit.ar.txt").read_bytes()
    )
