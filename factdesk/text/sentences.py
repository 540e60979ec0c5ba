"""Paragraphs and sentences that know Arabic punctuation, initials and quotations.

A period inside a quotation, after initials («جيه. دي. فانس») or after an abbreviation
(Mr., U.S.) does not end a sentence; ؟ and ! do, and so does a line break. Runs on folded text
(see normalize.fold_for_matching), whose indices are those the caller works in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from factdesk.text import lexicon

_PARAGRAPH = re.compile(r"[^\n\r]*\S[^\n\r]*")
_END = re.compile(r"(?:[.!?؟…]+|\.{3})(?P<close>[\"'»”’)\]]*)(?=\s|$)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LATIN_INITIAL = re.compile(r"^[A-Z]$|^(?:[A-Za-z]\.)+[A-Za-z]$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Each non-blank line is a paragraph (news text puts one per line), trimmed of spaces."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while text[s].isspace():
            s += 1
        while text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    return spans


def _abbreviations() -> frozenset[str]:
    global _ABBR
    if _ABBR is None:
        _ABBR = lexicon.words("abbreviations.txt") | frozenset(
            w.casefold() for w in lexicon.words("abbreviations.txt", "en")
        )
    return _ABBR


_ABBR: frozenset[str] | None = None


def _is_abbreviation(text: str, dot: int, para_start: int) -> bool:
    """True when the period at `dot` closes an initial or an abbreviation, not a sentence."""
    m = _TOKEN_BEFORE.search(text, max(para_start, dot - 24), dot)
    if not m:
        return False
    token = m.group(1).lstrip("(\"'«“")
    if not token or token[-1].isdigit():
        return False
    abbr = _abbreviations()
    return bool(_LATIN_INITIAL.match(token)) or token in abbr or token.casefold() in abbr


def sentence_spans(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    protected: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Sentence spans inside each paragraph; no split inside a `protected` (quoted) span.

    A sentence-final mark right at the end of a quotation (`"... win." He`) ends the sentence
    after the closing mark.
    """
    starts = [p[0] for p in protected]
    out: list[tuple[int, int]] = []

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and protected[k][0] <= i < protected[k][1]

    for ps, pe in paragraphs:
        s = ps
        for m in _END.finditer(text, ps, pe):
            # a period inside a quotation ends a sentence only where the quotation ends
            if inside(m.start()) and not (m.group("close") and not inside(m.end() - 1)):
                continue
            single_dot = m.end() - m.start() == 1 + len(m.group("close"))
            if text[m.start()] == "." and single_dot and _is_abbreviation(text, m.start(), ps):
                continue
            e = m.end()
            if e > s:
                out.append((s, e))
            s = e
            while s < pe and text[s].isspace():
                s += 1
        if s < pe:
            out.append((s, pe))
    return out
