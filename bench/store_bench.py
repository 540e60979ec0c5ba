"""Store benchmark: a desk of N claims (default 1,000,000) built from varied Arabic articles.

Prints, as median (min-max) of --runs runs:
  * import rate, end to end (decode-free: extract + store) over --e2e-articles articles;
  * import rate of the store path alone (the engine's output for a pool of articles reused,
    each article made unique by an appended line), used to fill the desk to N claims;
  * a first page, a deep keyset page, a filtered+sorted page, a filtered count;
  * Arabic search (FTS5 over the folded, clitic-expanded column): page and count, with how
    many of the clitic forms (وبوتين، لبوتين، والاجتماع) the search finds;
  * a full CSV export through factdesk.reports against the raw sqlite3 cursor + csv module
    on the same SELECT and rows (the ratio), with the peak RSS growth of each.

Usage: .venv/bin/python bench/store_bench.py [--claims 1000000] [--db bench/out/store.db]
A benchmark, not a test: it takes minutes at 1M claims.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factdesk.extract import extract  # noqa: E402
from factdesk.extract.model import Extraction  # noqa: E402
from factdesk.reports import write_claims_csv  # noqa: E402
from factdesk.reports.csv_report import HEADER, report_query  # noqa: E402
from factdesk.services import (  # noqa: E402
    ArticleMeta,
    ClaimFilter,
    count_claims,
    import_texts,
    list_claims,
    set_status,
)
from factdesk.services.articles import default_workers  # noqa: E402
from factdesk.services.claims import _encode_cursor  # noqa: E402
from factdesk.store import open_database  # noqa: E402

SEED = ROOT / "seeds" / "white-house-summit.ar.txt"
NAMES = ["بوتين", "ماكرون", "زيلينسكي", "أردوغان", "شولتس", "ستارمر", "ميلوني", "ترامب"]
CLITIC_LINES = [
    "وقال مسؤول إن الاتصال بين ترامب وبوتين كان «مثمرا وبناء».",
    "وأضاف: «لقد نقلنا لبوتين رسالة واضحة قبل الاجتماع».",
    "وأكدت المصادر أن 3 وفود ستحضر والاجتماع سيعقد خلال 10 أيام.",
    "وقال المتحدث: «نحن مستعدون للاجتماع في أي مكان».",
]
RARE = "وأشار مسؤول إلى أن ملف غرينلاند لم يطرح خلال 5 دقائق من النقاش."


def rss_kb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class PeakRSS:
    """Samples RSS every 20 ms in a thread: the growth over the start is what we report."""

    def __enter__(self) -> PeakRSS:
        gc.collect()
        self.start = self.peak = rss_kb()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss_kb())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, rss_kb())

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.start) / 1024

    @property
    def peak_mb(self) -> float:
        return self.peak / 1024


def variant(rng: random.Random, i: int, paragraphs: list[str]) -> str:
    """A plausible different article: paragraphs shuffled, names and numbers changed."""
    paras = paragraphs[:]
    rng.shuffle(paras)
    paras = paras[: rng.randint(max(3, len(paras) - 3), len(paras))]
    out = []
    for p in paras:
        a, b = rng.sample(NAMES, 2)
        p = p.replace("بوتين", a).replace("زيلينسكي", b)
        p = re.sub(r"\d+", lambda m: str(rng.randint(2, 9999)), p)
        out.append(p)
    out.insert(rng.randint(0, len(out)), rng.choice(CLITIC_LINES))
    if i % 700 == 0:
        out.append(RARE)
    return f"تقرير رقم {i}\n\n" + "\n\n".join(out) + "\n"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times), max(times), result


def fmt(med: float, lo: float, hi: float) -> str:
    return f"{med:8.2f} ms ({lo:.2f}-{hi:.2f})"


def raw_export(db_path: Path, sql: str, out: Path) -> int:
    """Baseline: stdlib sqlite3 cursor + csv.writer, same SELECT, same atomic write."""
    con = sqlite3.connect(db_path)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".part")
    n = 0
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(HEADER)
        cur = con.execute(sql)
        while True:
            rows = cur.fetchmany(5000)
            if not rows:
                break
            w.writerows(rows)
            n += len(rows)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, out)
    con.close()
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--e2e-articles", type=int, default=10_000)
    ap.add_argument("--pool", type=int, default=1000, help="engine outputs reused for the fill")
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "store_bench.db")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--reuse", action="store_true", help="keep an existing database")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    print(f"# FactDesk store bench: {args.claims:,} claims -> {args.db}")
    print(
        f"# python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, "
        f"cpus {os.cpu_count()}, load average at start {os.getloadavg()[0]:.2f}"
    )
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(7)
    db = open_database(args.db, create=True)
    have = count_claims(db)
    quiet = {"analyst": "bench"}

    if have == 0:
        # 1. end to end: the real engine + the store, one transaction per article
        texts = [(variant(rng, i, paragraphs), ArticleMeta()) for i in range(args.e2e_articles)]
        t0 = time.perf_counter()
        rep = import_texts(db, texts, workers=default_workers(), **quiet)
        dt = time.perf_counter() - t0
        print(f"# engine processes for the end-to-end import: {default_workers()}")
        print(
            f"import end-to-end (extract+store): {len(rep.imported):,} articles, "
            f"{rep.claims:,} claims in {dt:.1f} s = {len(rep.imported) / dt:,.0f} articles/s, "
            f"{rep.claims / dt:,.0f} claims/s"
        )
        # engine alone on the same texts, to split the time
        t0 = time.perf_counter()
        for text, _ in texts[:2000]:
            extract(text)
        eng = (time.perf_counter() - t0) / min(2000, len(texts))
        print(
            f"  of which the engine alone: {eng * 1000:.2f} ms/article ({1 / eng:,.0f} articles/s)"
        )
        # 2. the store path alone, filling up to N claims
        pool: list[tuple[str, Extraction]] = []
        for i in range(args.pool):
            t = variant(rng, 10_000_000 + i, paragraphs)
            pool.append((t, extract(t)))
        cache = {t: x for t, x in pool}

        def cached(text: str, language: str | None) -> Extraction:
            return cache[text.split("\n#", 1)[0]]

        total = rep.claims
        n = 0
        t0 = time.perf_counter()
        stored_articles = stored_claims = 0
        while total < args.claims:
            batch = []
            for _ in range(2000):
                base, _x = pool[n % len(pool)]
                batch.append((f"{base}\n#{n}", ArticleMeta()))
                n += 1
            r = import_texts(db, batch, extractor=cached, **quiet)
            total += r.claims
            stored_articles += len(r.imported)
            stored_claims += r.claims
        dt = time.perf_counter() - t0
        print(
            f"import store path only: {stored_articles:,} articles, {stored_claims:,} claims "
            f"in {dt:.1f} s = {stored_articles / dt:,.0f} articles/s, "
            f"{stored_claims / dt:,.0f} claims/s"
        )
        # verdicts: 3% false, 10% in progress, through the bulk service (history included)
        ids = list(range(1, total + 1))
        random.Random(3).shuffle(ids)
        t0 = time.perf_counter()
        set_status(db, ids[: total * 3 // 100], "false", analyst="bench")
        dt = time.perf_counter() - t0
        print(f"bulk status on {total * 3 // 100:,} claims: {dt:.2f} s")
        set_status(db, ids[total * 3 // 100 : total * 13 // 100], "in_progress", analyst="bench")
        db.close()  # PRAGMA optimize
        db = open_database(args.db)
    total = count_claims(db)
    print(f"claims in the desk: {total:,}; file {args.db.stat().st_size / 1e6:,.0f} MB")

    # warm the page cache the way a working desk is warm
    with db.read() as conn:
        conn.exec_driver_sql("SELECT count(*), max(length(text)) FROM claims").all()

    r = args.runs
    print(f"\n## queries (median (min-max) of {r} runs, ms)")
    print(
        "first page (100, by id)           ", fmt(*timed(lambda: list_claims(db, limit=100), r)[:3])
    )
    # walk to the middle by cursors of 1,000-row pages would take long; jump with a cursor
    # holding id N/2, exactly what the window keeps after scrolling there
    cursor_mid = _encode_cursor([total // 2])
    print(
        "deep keyset page (after id N/2)   ",
        fmt(*timed(lambda: list_claims(db, limit=100, after=cursor_mid), r)[:3]),
    )
    f_false = ClaimFilter(status="false")
    m = timed(lambda: list_claims(db, f_false, sort="-updated", limit=100), r)
    print("filtered+sorted page (false, -updated)", fmt(*m[:3]))
    nxt = m[3].next_cursor  # type: ignore[attr-defined]
    print(
        "  its next page                   ",
        fmt(*timed(lambda: list_claims(db, f_false, sort="-updated", limit=100, after=nxt), r)[:3]),
    )
    m = timed(lambda: count_claims(db, f_false), r)
    print(f"filtered count (status=false)      {fmt(*m[:3])} -> {m[3]:,}")
    m = timed(lambda: count_claims(db, ClaimFilter(kind="numeric")), r)
    print(f"filtered count (kind=numeric)      {fmt(*m[:3])} -> {m[3]:,}")
    m = timed(
        lambda: list_claims(
            db, ClaimFilter(kind="quote", status="false"), sort="article", limit=100
        ),
        r,
    )
    print("filtered page (quote+false, by article)", fmt(*m[:3]))

    print("\n## Arabic search (FTS5, folded + clitic-expanded column)")
    for q in ("بوتين", "اجتماع", "الاجتماع", "غرينلاند", "بوتين اجتماع"):
        fq = ClaimFilter(search=q)
        p = timed(lambda fq=fq: list_claims(db, fq, limit=100), r)
        c = timed(lambda fq=fq: count_claims(db, fq), r)
        print(f"search {q!r:>16}: first page {fmt(*p[:3])}; count {fmt(*c[:3])} -> {c[3]:,}")
    fq = ClaimFilter(search="بوتين", status="false")
    p = timed(lambda: list_claims(db, fq, limit=100), r)
    print(f"search 'بوتين' + status=false page  {fmt(*p[:3])}")
    with db.read() as conn:
        forms = {}
        for form in ("وبوتين", "لبوتين", "والاجتماع", "للاجتماع"):
            forms[form] = conn.exec_driver_sql(
                "SELECT count(*) FROM claims WHERE text LIKE ?", (f"%{form}%",)
            ).scalar()
    for form, n in forms.items():
        stem = "بوتين" if "بوتين" in form else "اجتماع"
        with db.read() as conn:
            found = conn.exec_driver_sql(
                "SELECT count(*) FROM claims WHERE text LIKE ? AND id IN "
                "(SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
                (f"%{form}%", f'"{stem}"'),
            ).scalar()
        print(f"  claims containing {form}: {n:,}; found by searching {stem}: {found:,}")

    print("\n## CSV export of every claim")
    out = args.db.parent / "report.csv"
    with db.read() as conn:
        stmt = report_query(db, conn, None)
        sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
    ours, raw = [], []
    for _ in range(max(1, min(3, r))):
        with PeakRSS() as mem_raw:
            t0 = time.perf_counter()
            n_raw = raw_export(args.db, sql, out)
            raw.append(time.perf_counter() - t0)
        with PeakRSS() as mem_ours:
            t0 = time.perf_counter()
            n_ours = write_claims_csv(db, out)
            ours.append(time.perf_counter() - t0)
    assert n_raw == n_ours
    size = out.stat().st_size / 1e6
    mo, mr = statistics.median(ours), statistics.median(raw)
    print(
        f"factdesk.reports: {mo:.2f} s ({min(ours):.2f}-{max(ours):.2f}) = "
        f"{n_ours / mo:,.0f} rows/s, {size / mo:.1f} MB/s; RSS {mem_ours.start / 1024:.0f} MB"
        f" at start, peak {mem_ours.peak_mb:.0f} MB (+{mem_ours.growth_mb:.1f})"
    )
    print(
        f"raw sqlite3 + csv: {mr:.2f} s ({min(raw):.2f}-{max(raw):.2f}) = "
        f"{n_raw / mr:,.0f} rows/s; RSS {mem_raw.start / 1024:.0f} MB at start, peak "
        f"{mem_raw.peak_mb:.0f} MB (+{mem_raw.growth_mb:.1f})"
    )
    print(f"ratio factdesk/raw: {mo / mr:.2f}x  ({n_ours:,} rows, {size:,.0f} MB)")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
