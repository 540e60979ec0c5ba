"""The CSV verification report: content, Excel safety, and atomic writing under real failures."""

from __future__ import annotations

import csv
import io
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.reports import HEADER, ReportCancelled, ReportError, neutralise, write_claims_csv
from factdesk.services import (
    ArticleMeta,
    ClaimFilter,
    add_evidence,
    add_note,
    import_text,
    set_status,
    tag_claim,
)
from factdesk.store import Database


def _read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    body = raw[3:].decode("utf-8")
    assert "\r\n" in body  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(body, newline="")))


def test_one_row_per_claim_with_everything_an_editor_needs(
    seeded: Database, tmp_path: Path
) -> None:
    set_status(seeded, [1], "false", analyst="mona")
    add_note(seeded, 1, "أول ملاحظة", analyst="mona")
    add_note(seeded, 1, 'آخر ملاحظة, مع "اقتباس"\nوسطر', analyst="omar")
    add_evidence(seeded, 1, url="https://e.example/1", analyst="omar")
    add_evidence(seeded, 1, url="https://e.example/2", analyst="omar")
    tag_claim(seeded, 1, source="وكالة تاس", analyst="omar")
    out = tmp_path / "report.csv"
    assert write_claims_csv(seeded, out) == 8
    rows = _read(out)
    assert list(rows[0]) == HEADER
    assert len(rows) == 8
    r = {row["id"]: row for row in rows}["1"]
    assert r["article"] == "القمة" and r["outlet"] == "وكالة" and r["url"] == "https://a.example/1"
    assert r["kind"] == "quote" and r["status"] == "False"
    assert r["claim"] == "نحن مستعدون للاجتماع مع زيلينسكي في أوكرانيا"
    assert r["context"].startswith("بوتين: نحن")  # the sentence around the claim
    assert r["speaker"] == "بوتين" and r["source"] == "وكالة تاس"
    assert r["latest_note"] == 'آخر ملاحظة, مع "اقتباس"\nوسطر'  # quoting round-trips
    assert r["evidence_urls"] == "https://e.example/1 ; https://e.example/2"
    assert r["changed_by"] == "omar" and r["changed_at"].endswith("Z")
    num = next(row for row in rows if row["kind"] == "numeric")
    assert num["value"] == "40" and num["unit"] == "percent"


def test_filters_apply_to_the_report(seeded: Database, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert write_claims_csv(seeded, out, ClaimFilter(search="اجتماع")) == 3
    assert write_claims_csv(seeded, out, ClaimFilter(speaker="nobody")) == 0
    assert _read(out) == []


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("بوتين =1") == "بوتين =1"


def test_injection_from_article_text_is_neutralised(
    db: Database, tmp_path: Path, extractor
) -> None:
    import_text(
        db,
        '=HYPERLINK("evil.example";"x"): @SUM(1)',
        ArticleMeta(title="=cmd|' /C calc'!A0"),
        extractor=extractor,
    )
    out = tmp_path / "r.csv"
    write_claims_csv(db, out)
    row = next(r for r in _read(out) if r["kind"] == "quote")
    assert row["article"].startswith("'=")
    assert row["claim"].startswith("'@")
    assert row["speaker"].startswith("'=")


def test_cancel_leaves_old_report_and_no_temp_file(seeded: Database, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    out.write_text("previous report", encoding="utf-8")
    with pytest.raises(ReportCancelled):
        write_claims_csv(seeded, out, cancelled=lambda: True)
    assert out.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_missing_folder_is_one_line(seeded: Database, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        write_claims_csv(seeded, tmp_path / "nope" / "r.csv")


_CHILD = """
import sys
from factdesk.store import open_database
from factdesk.reports import ReportError, write_claims_csv
db = open_database(sys.argv[1])
try:
    write_claims_csv(db, sys.argv[2])
except ReportError as exc:
    print(exc)
    sys.exit(3)
"""


def test_full_disk_never_leaves_a_half_report(db_target: str, tmp_path: Path, extractor) -> None:
    """RLIMIT_FSIZE makes every write past 64 KiB fail with EFBIG, as a full disk would."""
    from factdesk.services import import_texts
    from factdesk.store import open_database

    db = open_database(db_target, create=True)
    texts = [
        (f"متحدث{i}: " + "تصريح طويل عن القمة والاجتماع " * 20, ArticleMeta()) for i in range(80)
    ]
    import_texts(db, texts, extractor=extractor)
    db.close()
    out = tmp_path / "out" / "report.csv"
    out.parent.mkdir()
    out.write_text("previous report", encoding="utf-8")

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, db_target, str(out)],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert proc.returncode == 3, proc.stderr
    msg = proc.stdout.strip()
    assert "size limit" in msg or "disk is full" in msg
    assert "\n" not in msg
    assert out.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in out.parent.iterdir()] == ["report.csv"]  # no .part left
