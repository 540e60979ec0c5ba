"""Arabic folding for matching, with a map back to the untouched original.

The engine never edits the text an analyst sees. It matches on a folded copy in which every
character either stays in place one-for-one (alef forms, ya, digits) or is deleted (harakat,
tatweel, bidi and zero-width controls); deletions are recorded as runs so any index in the folded
copy maps back to the original with one bisect, without a per-character table.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Deleted for matching: harakat and Quranic marks, superscript alef, tatweel, bidi and
# zero-width controls, soft hyphen, BOM.
_DELETED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad\ufeff"
)
_DELETED_RUN = re.compile(f"[{_DELETED}]+")

# One-for-one replacements, so lengths never change.
_REPLACE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي",
    "٫": ".", "٬": ",", "٪": "%", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    "\u2009": " ", "\u200a": " ", "‐": "-", "‑": "-", "–": "-", "—": "-",
}
_REPLACE.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_REPLACE.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Extended (Persian) digits
_MATCH_TABLE = str.maketrans(_REPLACE)

# For search keys, fold further: ta marbuta, hamza seats, case.
_SEARCH_TABLE = str.maketrans({"ة": "ه", "ؤ": "و", "ئ": "ي"})


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of `original` with the runs deleted from it, to map spans back."""

    original: str
    text: str
    _run_at: tuple[int, ...] = ()  # folded index where each deleted run sat
    _shift: tuple[int, ...] = ()  # characters deleted up to and including that run

    def orig(self, i: int) -> int:
        """Original index of folded index `i` (a start, or an exclusive end)."""
        if not self._run_at:
            return i
        if i >= len(self.text):
            return len(self.original) if i == len(self.text) else i + self._shift[-1]
        k = bisect_right(self._run_at, i)
        return i + (self._shift[k - 1] if k else 0)

    def orig_end(self, j: int) -> int:
        """Original exclusive end for folded end `j`: marks on the last letter stay inside."""
        if j <= 0:
            return 0
        if j >= len(self.text):
            return len(self.original)
        # the next kept character's original index: everything deleted before it belongs to
        # the letter before (harakat follow their letter).
        end = self.orig(j)
        # but not bidi/zero-width controls sitting right before the next character
        while end > 0 and self.original[end - 1] in _CONTROLS:
            end -= 1
        return max(end, self.orig(j - 1) + 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.orig(start), self.orig_end(end)


_CONTROLS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u00ad\ufeff"
)


def fold_for_matching(text: str) -> Folded:
    """Fold alef forms, ya, digits and dashes; delete harakat, tatweel and controls."""
    runs: list[int] = []
    shifts: list[int] = []
    if _DELETED_RUN.search(text):
        deleted = 0
        for m in _DELETED_RUN.finditer(text):
            runs.append(m.start() - deleted)
            deleted += m.end() - m.start()
            shifts.append(deleted)
        stripped = _DELETED_RUN.sub("", text)
    else:
        stripped = text
    return Folded(text, stripped.translate(_MATCH_TABLE), tuple(runs), tuple(shifts))


def fold(text: str) -> str:
    """Search key: matching folds plus ta marbuta, hamza seats and case folded."""
    return _DELETED_RUN.sub("", text).translate(_MATCH_TABLE).translate(_SEARCH_TABLE).casefold()
