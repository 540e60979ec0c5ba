"""Extraction throughput on Arabic news text, beside a plain compiled-regex pass.

Run by hand: `python bench/extract_bench.py [--mb 20]`. Builds the corpus from the Arabic texts
in seeds/ and tests/fixtures/gold/ (repeated, with numbers varied so nothing is cached), then
times the whole engine at 1x, 4x and 16x of a base size and prints MB/s (per core: CPU time of
this process) and the ratio to one pass of three compiled regexes (cue words, number+scale,
quote pairs) over the same text.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factdesk.extract import extract  # noqa: E402


def corpus(target_bytes: int, seed: int = 7) -> list[str]:
    """Articles (one string each) adding up to about `target_bytes` of UTF-8."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))]
    gold = ROOT / "tests" / "fixtures" / "gold"
    texts += [p.read_text(encoding="utf-8") for p in sorted(gold.glob("*.ar.txt"))]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < target_bytes:
        base = rng.choice(texts)
        art = re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), base)
        out.append(art)
        size += len(art.encode("utf-8"))
    return out


PLAIN = [
    re.compile(r"(?:و|ف)?(?:قال|أضاف|أكد|أوضح|أفاد|أعلن|ذكر|كتب)(?:ت)?\b"),
    re.compile(r"\d+(?:[.,]\d+)?\s*(?:ألف|مليون|مليار)?"),
    re.compile(r"[\"«“][^\"»”]{1,2000}[\"»”]"),
]


def plain_pass(arts: list[str]) -> int:
    n = 0
    for a in arts:
        for rx in PLAIN:
            n += sum(1 for _ in rx.finditer(a))
    return n


def engine_pass(arts: list[str]) -> int:
    return sum(len(extract(a).claims) for a in arts)


def timed(fn, arts: list[str], repeat: int) -> tuple[float, int]:
    """Median CPU seconds of this process (other work on the machine does not count)."""
    times = []
    result = 0
    for _ in range(repeat):
        t0 = time.process_time()
        result = fn(arts)
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="largest corpus in MB (16x)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    extract("قال: \"تمهيد\" 5 دقائق")  # load lexicons before timing
    largest = int(args.mb * 1024 * 1024)
    print(f"{'size':>8} {'articles':>9} {'claims':>8} {'engine MB/s':>12} "
          f"{'plain MB/s':>11} {'ratio':>7} {'cpu s':>7}")
    for factor in (1, 4, 16):
        arts = corpus(largest * factor // 16)
        mb = sum(len(a.encode("utf-8")) for a in arts) / 1024 / 1024
        repeat = args.repeat if factor < 16 else max(1, args.repeat - 2)
        t_engine, claims = timed(engine_pass, arts, repeat)
        t_plain, _ = timed(plain_pass, arts, repeat)
        print(f"{mb:7.1f}M {len(arts):9d} {claims:8d} {mb / t_engine:12.2f} "
              f"{mb / t_plain:11.1f} {t_engine / t_plain:7.1f} {t_engine:7.2f}")
    # one long file (an analyst importing a whole archive as one text) must stay linear too
    print("\none text of all the articles joined:")
    for factor in (1, 4):
        text = "\n\n".join(corpus(largest * factor // 16))
        mb = len(text.encode("utf-8")) / 1024 / 1024
        t_engine, claims = timed(lambda arts: len(extract(arts[0]).claims), [text], 1)
        t_plain, _ = timed(plain_pass, [text], 1)
        print(f"{mb:7.1f}M {1:9d} {claims:8d} {mb / t_engine:12.2f} "
              f"{mb / t_plain:11.1f} {t_engine / t_plain:7.1f} {t_engine:7.2f}")


if __name__ == "__main__":
    main()
