"""Arabic-aware search keys: folded text plus clitic-stripped variants of every word.

SQLite FTS5 (and PostgreSQL's `simple` text search) match whole tokens, so «بوتين» would miss
«وبوتين» and «لبوتين». Rather than guess a stem at query time, each claim's `search_text`
indexes every word as written *and* with its proclitics (و ف, then ب ل ك, then ال) removed;
a query word then matches any of those forms. The original word is always kept, so a name
that merely starts with one of those letters (بوتين, لبنان) is still found as typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factdesk.text.normalize import fold

_WORD = re.compile(r"\w+")
_QUERY_WORD = re.compile(r"(\w+)(\*?)")
_MIN_STEM = 3  # shorter remainders are mostly particles, not words worth indexing


@lru_cache(maxsize=200_000)
def clitic_variants(word: str) -> frozenset[str]:
    """Forms of a folded word with leading proclitics removed (not including `word`).

    Cached: news vocabulary repeats, and this runs for every word of every imported claim.
    """
    forms = {word}
    if word[0] in "وف" and len(word) - 1 >= _MIN_STEM:
        forms.add(word[1:])
    for w in list(forms):
        if w.startswith("لل") and len(w) - 2 >= _MIN_STEM:
            # ل + ال loses its alef (للاجتماع), and ل + a word in ل doubles it (للبنان)
            forms.update(("ال" + w[2:], w[2:], w[1:]))
        elif w[0] in "بلك" and len(w) - 1 >= _MIN_STEM:
            forms.add(w[1:])
    for w in list(forms):
        if w.startswith("ال") and len(w) - 2 >= _MIN_STEM:
            forms.add(w[2:])
    forms.discard(word)
    return frozenset(forms)


def search_text(text: str) -> str:
    """What a claim stores for the index: folded words, then the extra clitic-free forms."""
    folded = fold(text)
    words = _WORD.findall(folded)
    seen = set(words)
    extra: list[str] = []
    for w in words:
        for v in sorted(clitic_variants(w)):
            if v not in seen:
                seen.add(v)
                extra.append(v)
    return " ".join(words) + (" | " + " ".join(extra) if extra else "")


def query_terms(query: str) -> list[tuple[str, bool]]:
    """Folded query words, each with whether it ends in `*` (prefix search)."""
    return [(m.group(1), bool(m.group(2))) for m in _QUERY_WORD.finditer(fold(query))]


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH string: every word required, quoted so no word is read as syntax."""
    terms = query_terms(query)
    if not terms:
        return None
    return " ".join(f'"{w}"' + ("*" if prefix else "") for w, prefix in terms)


def pg_tsquery(query: str) -> str | None:
    """A to_tsquery('simple', ...) string with the same semantics as fts5_query."""
    terms = query_terms(query)
    if not terms:
        return None
    return " & ".join(f"'{w}'" + (":*" if prefix else "") for w, prefix in terms)
