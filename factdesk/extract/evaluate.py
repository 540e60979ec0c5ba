"""Scoring the engine against gold files, the way citron and PARC score quotes.

Spans match exactly (same start and end) or by overlap (one-to-one, largest overlap first).
On overlap-matched pairs the speaker, source, value and unit are checked: a gold speaker is a
list of accepted spellings, and a predicted name matches one when it holds every word of it
(after Arabic folding), so «دونالد ترامب» matches «ترامب».
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factdesk.extract import extract
from factdesk.extract.model import Claim
from factdesk.text.decoding import DecodingError, read_text_file
from factdesk.text.normalize import fold

KINDS = {"quotes": "quote", "statements": "statement", "numeric_claims": "numeric"}
ATTRS = ("speaker", "source", "value", "unit")


class GoldError(Exception):
    """A gold file that cannot be read or does not follow the schema."""


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = hits / self.gold if self.gold else (1.0 if not self.pred else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    attr_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRS, 0))
    attr_n: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRS, 0))
    per_file: dict[str, Report] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Report) -> None:
        for k in KINDS:
            mine, theirs = self.counts[k], other.counts[k]
            mine.gold += theirs.gold
            mine.pred += theirs.pred
            mine.exact += theirs.exact
            mine.overlap += theirs.overlap
        for a in ATTRS:
            self.attr_ok[a] += other.attr_ok[a]
            self.attr_n[a] += other.attr_n[a]
        self.misses += other.misses

    def accuracy(self, a: str) -> float:
        return self.attr_ok[a] / self.attr_n[a] if self.attr_n[a] else 1.0

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"files": self.files, "kinds": {}, "attributes": {}}
        for k, c in self.counts.items():
            ep, er, ef = c.prf(c.exact)
            op, orr, of = c.prf(c.overlap)
            out["kinds"][k] = {
                "gold": c.gold,
                "predicted": c.pred,
                "exact": {"precision": ep, "recall": er, "f1": ef},
                "overlap": {"precision": op, "recall": orr, "f1": of},
            }
        for a in ATTRS:
            out["attributes"][a] = {"accuracy": self.accuracy(a), "pairs": self.attr_n[a]}
        return out


def names_match(predicted: str | None, accepted: Any) -> bool:
    if not accepted:
        return predicted is None
    if predicted is None:
        return False
    words = set(fold(predicted).replace("-", " ").split())
    return any(set(fold(a).replace("-", " ").split()) <= words for a in accepted)


def _pairs(gold: list[dict], pred: list[Claim]) -> tuple[int, list[tuple[dict, Claim]]]:
    exact = sum(1 for g in gold if any(p.start == g["start"] and p.end == g["end"] for p in pred))
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0:
                candidates.append((ov, gi, pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _ov, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return exact, pairs


def evaluate_file(gold_path: Path) -> Report:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{gold_path.name} is not a readable gold file ({exc}).") from None
    if not isinstance(gold, dict) or "file" not in gold:
        raise GoldError(f"{gold_path.name} has no 'file' naming its text.")
    text_path = gold_path.parent / gold["file"]
    try:
        text = read_text_file(text_path).text
    except DecodingError as exc:
        raise GoldError(f"{gold_path.name}: {exc}") from None
    result = extract(text, gold.get("language"))
    report = Report(files=[gold_path.name])
    for key, kind in KINDS.items():
        if key not in gold:
            continue
        items = gold[key]
        pred = result.of_kind(kind)  # type: ignore[arg-type]
        for g in items:
            if text[g["start"] : g["end"]] != g["text"]:
                raise GoldError(f"{gold_path.name}: offsets of {g['text'][:30]!r} are wrong.")
        exact, pairs = _pairs(items, pred)
        c = report.counts[key]
        c.gold, c.pred, c.exact, c.overlap = len(items), len(pred), exact, len(pairs)
        matched = {id(p) for _g, p in pairs}
        for p in pred:
            if id(p) not in matched:
                report.misses.append(f"{gold_path.name}: extra {kind} {p.text[:50]!r}")
        matched_g = {id(g) for g, _p in pairs}
        for g in items:
            if id(g) not in matched_g:
                report.misses.append(f"{gold_path.name}: missed {kind} {g['text'][:50]!r}")
        for g, p in pairs:
            checks = {
                "speaker": names_match(p.speaker, g.get("speaker")),
                "source": names_match(p.source, g.get("source")),
            }
            if kind == "numeric":
                gv = float(g["value"])
                checks["value"] = p.value is not None and abs(p.value - gv) <= 1e-6 * max(
                    1.0, abs(gv)
                )
                checks["unit"] = p.unit == g.get("unit")
            for a, ok in checks.items():
                report.attr_n[a] += 1
                report.attr_ok[a] += ok
                if not ok:
                    got = {
                        "speaker": p.speaker,
                        "source": p.source,
                        "value": p.value,
                        "unit": p.unit,
                    }[a]
                    report.misses.append(
                        f"{gold_path.name}: {kind} {g['text'][:40]!r} {a}: got {got!r}, "
                        f"gold {g.get(a)!r}"
                    )
    return report


def gold_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(p.glob("*.gold.json"))
        elif p.is_file():
            out.append(p)
        else:
            raise GoldError(f"{p} does not exist.")
    if not out:
        raise GoldError("no gold files (*.gold.json) were given.")
    return out


def evaluate_paths(paths: list[Path]) -> Report:
    total = Report(files=[])
    for path in gold_files(paths):
        r = evaluate_file(path)
        total.files.append(path.name)
        total.per_file[path.name] = r
        total.add(r)
    return total


def format_report(report: Report, per_file: bool = False, misses: bool = False) -> str:
    lines = []
    if per_file:
        for name, r in report.per_file.items():
            fs = []
            for k, c in r.counts.items():
                if c.gold or c.pred:
                    fs.append(f"{k} F1 {c.prf(c.exact)[2]:.2f}/{c.prf(c.overlap)[2]:.2f}")
            lines.append(f"{name}: " + ", ".join(fs))
        lines.append("")
    lines.append(f"{len(report.files)} gold files")
    lines.append(f"{'kind':<16}{'gold':>6}{'pred':>6}   exact P/R/F1          overlap P/R/F1")
    for k, c in report.counts.items():
        e = c.prf(c.exact)
        o = c.prf(c.overlap)
        lines.append(
            f"{k:<16}{c.gold:>6}{c.pred:>6}   {e[0]:.3f} {e[1]:.3f} {e[2]:.3f}     "
            f"{o[0]:.3f} {o[1]:.3f} {o[2]:.3f}"
        )
    lines.append(
        "on matched pairs: "
        + ", ".join(f"{a} {report.accuracy(a):.3f} (n={report.attr_n[a]})" for a in ATTRS)
    )
    if misses and report.misses:
        lines.append("")
        lines += report.misses
    return "\n".join(lines) + "\n"
