"""Pairing quotation marks into quotes and quoted titles.

Marks are paired with a stack per paragraph, so unbalanced or nested marks can never produce a
span that crosses a paragraph or leaves the text. Only the outermost pairs are quotes; a quoted
name after a title noun (صحيفة «…», the programme "…"), a known outlet, or one or two quoted
words are not statements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factdesk.text import lexicon

_MARKS = re.compile("[\"“”„‘’«»‹›']")
_CLOSER_FOR = {"«": "»", "‹": "›", "“": "”", "„": "“", "‘": "’", '"': '"', "'": "'", "”": "”"}
_STRIP_END = ".,،؛ \t"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True, slots=True)
class QuotePair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (exclusive end of content)
    start: int  # content start (trimmed)
    end: int  # content end (trimmed)
    kind: str  # "quote", "title" (a quoted name) or "term" (one or two quoted words)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _pairs_in_paragraph(text: str, ps: int, pe: int, next_para_opener: str | None) -> list[tuple]:
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int, int]] = []  # (open, close, depth)
    for m in _MARKS.finditer(text, ps, pe):
        ch, i = m.group(), m.start()
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        open_types = [t for t, _ in stack]
        if ch in "»›":
            closer_of = "«" if ch == "»" else "‹"
            if closer_of in open_types:
                _close(stack, pairs, closer_of, i)
            continue
        if ch in "«‹„":
            stack.append((ch, i))
            continue
        if ch == "“":
            if "„" in open_types and open_types[-1] == "„":
                _close(stack, pairs, "„", i)
            elif "“" in open_types and not _is_letter(nxt) and _is_letter(prev):
                _close(stack, pairs, "“", i)  # “…“ typed with one key
            else:
                stack.append((ch, i))
            continue
        if ch == "”":
            for t in ("“", "„", "”"):
                if t in open_types:
                    _close(stack, pairs, t, i)
                    break
            else:
                if not _is_letter(prev) and _is_letter(nxt):
                    stack.append((ch, i))  # reversed marks in some right-to-left typing
            continue
        if ch == "‘":
            if not _is_letter(prev):
                stack.append((ch, i))
            continue
        if ch == "’":
            if "‘" in open_types and not _is_letter(nxt):
                _close(stack, pairs, "‘", i)
            continue
        if ch == '"':
            if '"' in open_types:
                _close(stack, pairs, '"', i)
            else:
                stack.append((ch, i))
            continue
        if ch == "'":
            if "'" in open_types and not _is_letter(nxt) and not prev.isspace():
                _close(stack, pairs, "'", i)
            elif (prev.isspace() or prev in "([—-" or i == ps) and _is_letter(nxt):
                stack.append((ch, i))
    # A quote running on into the next paragraph (English convention: no closing mark, and
    # the next paragraph opens with the same mark) ends with this paragraph.
    if stack and next_para_opener and stack[0][0] == next_para_opener:
        pairs.append((stack[0][1], pe, 0))
    return pairs


def _close(stack: list[tuple[str, int]], pairs: list, opener: str, i: int) -> None:
    while stack:
        t, j = stack.pop()
        if t == opener:
            pairs.append((j, i, len(stack)))
            return


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in _STRIP_END:
        e -= 1
    return s, e


_TITLE_NOUNS: frozenset[str] | None = None
_NAMED: frozenset[str] | None = None


def _title_nouns() -> tuple[frozenset[str], frozenset[str]]:
    global _TITLE_NOUNS, _NAMED
    if _TITLE_NOUNS is None or _NAMED is None:
        _TITLE_NOUNS = lexicon.words("quoted_title_nouns.txt")
        _NAMED = frozenset(
            w.casefold() for w in lexicon.words("outlets.txt") | lexicon.words("platforms.txt")
        )
    return _TITLE_NOUNS, _NAMED


_LAST_WORDS = re.compile(r"(\S+)(?:\s+(\S+))?\s*$")
_PREFIXES = ("وب", "وال", "بال", "لل", "و", "ب", "ل", "ف", "ك")


def _preceded_by_title_noun(text: str, open_idx: int, para_start: int) -> bool:
    nouns, _ = _title_nouns()
    m = _LAST_WORDS.search(text, max(para_start, open_idx - 40), open_idx)
    if not m:
        return False
    for w in (m.group(2) or m.group(1),):
        w = w.strip("(،,:ـ").rstrip("ـ")
        cands = {w, w.casefold()}
        for p in _PREFIXES:
            if w.startswith(p) and len(w) > len(p) + 2:
                cands.add(w[len(p) :])
        if cands & nouns:
            return True
    return False


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuotePair]:
    """Outermost quotation pairs of every paragraph, each marked quote or title."""
    _, named = _title_nouns()
    out: list[QuotePair] = []
    for k, (ps, pe) in enumerate(paragraphs):
        nxt = None
        if k + 1 < len(paragraphs):
            c = text[paragraphs[k + 1][0]]
            nxt = c if c in '“"«' else None
        outer_end = -1
        for o, c, _depth in sorted(_pairs_in_paragraph(text, ps, pe, nxt)):
            if o < outer_end:
                continue  # nested inside a quote already taken
            outer_end = c
            s, e = _trim(text, o + 1, c)
            if e <= s:
                continue
            content = text[s:e]
            n_words = len(_WORD.findall(content))
            if content.casefold() in named or (
                n_words <= 6 and _preceded_by_title_noun(text, o, ps)
            ):
                kind = "title"
            elif n_words < 3:
                kind = "term"
            else:
                kind = "quote"
            out.append(QuotePair(o, c, s, e, kind))
    return out
