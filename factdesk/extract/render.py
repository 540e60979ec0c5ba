"""The `factdesk extract` output: the JSON contract, and a table for people at a terminal."""

from __future__ import annotations

import shutil
from typing import Any, TextIO

from factdesk.extract.model import Claim, Extraction
from factdesk.text.terminal import for_output

_KEYS = {"quote": "quotes", "statement": "statements", "numeric": "numeric_claims"}


def claim_to_json(c: Claim) -> dict[str, Any]:
    item: dict[str, Any] = {
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "speaker": c.speaker,
        "source": c.source,
    }
    if c.kind == "numeric":
        value = int(c.value) if c.value is not None and c.value.is_integer() else c.value
        item.update(value=value, unit=c.unit, approx=c.approx, bound=c.bound)
        if c.value_to is not None:
            item["value_to"] = c.value_to
        if c.thing:
            item["thing"] = c.thing
    return item


def extraction_to_json(result: Extraction, file_name: str) -> dict[str, Any]:
    out: dict[str, Any] = {"file": file_name, "language": result.language}
    for key in _KEYS.values():
        out[key] = []
    for c in result.claims:
        out[_KEYS[c.kind]].append(claim_to_json(c))
    out["titles"] = [{"text": t.text, "start": t.start, "end": t.end} for t in result.titles]
    out["entities"] = [
        {"name": e.name, "kind": e.kind, "aliases": list(e.aliases)} for e in result.entities
    ]
    return out


_BOUND_MARK = {"gt": ">", "lt": "<", "gte": "≥", "lte": "≤"}


def compact_number(value: float) -> str:
    """100000000000.0 -> '100 bn', 1500000.0 -> '1.5 m', 3.0 -> '3', 13.6 -> '13.6'."""
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def extraction_to_table(result: Extraction, file_name: str, stream: TextIO) -> str:
    """A readable table; Arabic cells are shaped for the terminal only when `stream` is one."""
    width = max(60, shutil.get_terminal_size((100, 20)).columns)
    text_w = max(20, width - 60)
    counts = {k: len(result.of_kind(k)) for k in _KEYS}  # type: ignore[arg-type]
    lines = [
        f"{file_name}  ({result.language}): {counts['quote']} quotes, "
        f"{counts['statement']} statements, {counts['numeric']} numeric claims",
        f"{'kind':<10}{'span':<12}{'claim':<{text_w}}  {'value':<16}{'speaker / source'}",
    ]
    for c in result.claims:
        value = ""
        if c.kind == "numeric" and c.value is not None:
            v = compact_number(c.value)
            if c.value_to is not None:
                v += f"–{compact_number(c.value_to)}"
            mark = ("~" if c.approx else "") + _BOUND_MARK.get(c.bound or "", "")
            value = f"{mark}{v} {c.unit or ''}".strip()
        # each name shaped on its own, so a terminal keeps "speaker / source" in that order
        who = " / ".join(for_output(p or "—", stream) for p in (c.speaker, c.source))
        claim = _fit(c.text, text_w)
        lines.append(
            f"{c.kind:<10}{f'{c.start}-{c.end}':<12}{for_output(claim, stream)}"
            f"{' ' * max(0, text_w - len(claim))}  {_fit(value, 16):<16}{who}"
        )
    return "\n".join(lines) + "\n"
