"""Desktop bench: the real window over a generated desk of N claims (default 1,000,000), offscreen.

Measures, each in a fresh process (median (min-max) of --runs runs):
  * process start -> the claims table's first rows painted (imports, database, ids, first page);
  * jump to the last row (End key: scrollToBottom + paint);
  * typing a search -> the filtered table painted (debounce excluded, worker included);
  * the process's RSS after all of that, and with the desk at N/10 claims for comparison.

Usage:
  .venv/bin/python bench/ui_bench.py                    # build bench/out/ui_bench.db, measure
  .venv/bin/python bench/ui_bench.py --claims 100000    # a smaller desk
A benchmark, not a test: building the 1M-claim desk takes a few minutes, once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "white-house-summit.ar.txt"
ENGLISH = sorted((ROOT / "tests" / "fixtures" / "gold").glob("b0*.en.txt"))
NAMES = ["بوتين", "ماكرون", "زيلينسكي", "أردوغان", "شولتس", "ستارمر", "ميلوني", "ترامب"]
RARE = "وأشار مسؤول إلى أن ملف غرينلاند لم يطرح خلال 5 دقائق من النقاش."


def _variant(rng: random.Random, i: int, paragraphs: list[str]) -> str:
    paras = paragraphs[:]
    rng.shuffle(paras)
    out = []
    for p in paras:
        a, b = rng.sample(NAMES, 2)
        p = p.replace("بوتين", a).replace("زيلينسكي", b)
        p = re.sub(r"\d+", lambda _m: str(rng.randint(2, 9999)), p)
        out.append(p)
    if i % 50 == 0:
        out.append(RARE)
    return f"تقرير رقم {i}\n\n" + "\n\n".join(out) + "\n"


def build(db_path: Path, claims: int) -> None:
    """Fill a desk through the import service with a pool of real extractions, reused."""
    sys.path.insert(0, str(ROOT))
    from factdesk.extract import extract
    from factdesk.extract.model import Extraction
    from factdesk.services import ArticleMeta, count_claims, import_texts, set_status
    from factdesk.store import open_database

    db_path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(11)
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    pool: list[str] = [_variant(rng, i, paragraphs) for i in range(150)]
    pool += [p.read_text(encoding="utf-8") for p in ENGLISH]
    cache: dict[str, Extraction] = {t: extract(t) for t in pool}

    def cached(text: str, language: str | None) -> Extraction:
        return cache[text.split("\n#", 1)[0]]

    db = open_database(db_path, create=True)
    total, n, t0 = 0, 0, time.perf_counter()
    while total < claims:
        batch = []
        for _ in range(1000):
            batch.append((f"{pool[n % len(pool)]}\n#{n}", ArticleMeta()))
            n += 1
        total += import_texts(db, batch, extractor=cached, analyst="bench").claims
        print(f"\r  {total:,} claims", end="", file=sys.stderr, flush=True)
    print(f"\nbuilt {total:,} claims in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    ids = list(range(1, total + 1))
    random.Random(3).shuffle(ids)
    set_status(db, ids[: total // 30], "false", analyst="bench")
    set_status(db, ids[total // 30 : total // 8], "in_progress", analyst="bench")
    print(f"{count_claims(db):,} claims in {db_path}", file=sys.stderr)
    db.close()


CHILD = r"""
import os, sys, time, json
T0 = float(sys.argv[1])
db_path, query, common = sys.argv[2], sys.argv[3], sys.argv[4]
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from factdesk.ui import bench_probe
print(json.dumps(bench_probe.run(db_path, query, T0, common)))
"""


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(db_path: Path, query: str, common: str, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for _ in range(runs + 1):  # the first run warms the page cache and is discarded
        # fresh settings each run: a saved sort order would change what is measured
        env["FACTDESK_SETTINGS"] = tempfile.mktemp(suffix=".ini")
        t0 = time.time()
        res = subprocess.run(
            [sys.executable, "-c", CHILD, repr(t0), str(db_path), query, common],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if res.returncode != 0:
            raise SystemExit(f"child failed:\n{res.stderr}")
        got = json.loads(res.stdout.strip().splitlines()[-1])
        if _ == 0:
            continue
        for k, v in got.items():
            out.setdefault(k, []).append(v)
    return out


def fmt(values: list[float], unit: str) -> str:
    med = statistics.median(values)
    return f"{med:8.1f} {unit} ({min(values):.1f}-{max(values):.1f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--query", default="غرينلاند", help="a rare word")
    ap.add_argument("--common", default="الرئيس", help="a common word (many matches)")
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    db_path = args.db or ROOT / "bench" / "out" / f"ui_bench_{args.claims}.db"
    if args.rebuild or not db_path.exists():
        build(db_path, args.claims)
    res = measure(db_path, args.query, args.common, args.runs)
    print(f"# FactDesk UI bench: {db_path.name}, {res['rows'][0]:,.0f} claims, offscreen")
    print(f"# python {sys.version.split()[0]}, cpus {os.cpu_count()}, runs {args.runs}")
    print("process start -> imports done       ", fmt(res["imports_ms"], "ms"))
    print("process start -> first rows painted ", fmt(res["first_rows_ms"], "ms"))
    print("jump to the last row (Ctrl+End)     ", fmt(res["jump_last_ms"], "ms"))
    print(f"search {args.query!r} -> table painted ", fmt(res["search_ms"], "ms"))
    print(f"  rows matching: {res['search_rows'][0]:,.0f}")
    print("clear search -> full table again    ", fmt(res["clear_ms"], "ms"))
    print(f"common word {args.common!r} -> first rows ", fmt(res["common_first_ms"], "ms"))
    print(f"common word {args.common!r} -> all ids    ", fmt(res["common_all_ms"], "ms"))
    print(f"  rows matching: {res['common_rows'][0]:,.0f}")
    print("sort by status -> first rows painted", fmt(res["sort_first_ms"], "ms"))
    print("sort by status -> all ids read      ", fmt(res["sort_all_ms"], "ms"))
    print("RSS after all of that               ", fmt(res["rss_mb"], "MB"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
