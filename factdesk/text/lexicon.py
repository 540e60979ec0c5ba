"""Lexicons are data files under resources/lexicons, so a linguist extends them without code.

Format, for every file: UTF-8, one entry per line, `#` starts a comment, `[section]` opens a
section, and `Canonical | variant | variant` lists spellings of one thing. Entries are folded
for matching (alef forms, ya, harakat) when loaded, so a file may be written with or without
hamza and diacritics.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from pathlib import Path

from factdesk.text.normalize import fold_for_matching


class LexiconError(Exception):
    """A lexicon file is missing or malformed."""


def resources_dir() -> Path:
    """resources/ beside the package (source tree, PyInstaller bundle) or installed data."""
    env = os.environ.get("FACTDESK_RESOURCES")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [
        here.parents[2] / "resources",
        Path(getattr(sys, "_MEIPASS", here.parents[2])) / "resources",
        Path(sys.prefix) / "share" / "factdesk" / "resources",
    ]
    for c in candidates:
        if (c / "lexicons").is_dir():
            return c
    raise LexiconError("FactDesk's resources folder (lexicons) was not found; reinstall FactDesk.")


def match_form(word: str) -> str:
    """How a lexicon entry is compared with folded text."""
    return fold_for_matching(word.strip()).text


@cache
def load_rows(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Rows of `resources/lexicons/<name>` by section ('' before any header); fields as written."""
    path = resources_dir() / "lexicons" / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexiconError(f"Lexicon {name} could not be read: {exc.strerror}.") from None
    sections: dict[str, list[tuple[str, ...]]] = {"": []}
    current = ""
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        fields = tuple(f.strip() for f in line.split("|") if f.strip())
        if fields:
            sections[current].append(fields)
    return {k: tuple(v) for k, v in sections.items()}


def words(name: str, section: str | None = None) -> frozenset[str]:
    """Every field of every row (one section or all), folded for matching."""
    rows = load_rows(name)
    picked = [rows.get(section, ())] if section is not None else list(rows.values())
    return frozenset(match_form(f) for rs in picked for r in rs for f in r)


def mapping(name: str, section: str | None = None) -> dict[str, str]:
    """Folded variant -> canonical (first field) for every row; the canonical maps to itself."""
    rows = load_rows(name)
    picked = [rows.get(section, ())] if section is not None else list(rows.values())
    out: dict[str, str] = {}
    for rs in picked:
        for r in rs:
            for f in r:
                out.setdefault(match_form(f), r[0])
    return out


def alternation(forms: frozenset[str] | list[str] | set[str]) -> str:
    """A regex alternation of literal forms, written as a prefix trie.

    The trie shares prefixes (قال، قالت، قالوا share «قال») so the regex engine tests each
    character once instead of once per form, and prefers the longest form at every branch.
    """
    trie: dict = {}
    for form in set(forms):
        if not form:
            continue
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
