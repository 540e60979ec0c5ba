"""Arabic for terminals, which neither join letters nor order right-to-left runs.

Only the CLI's human output uses this; files, pipes and the Qt window get logical Unicode
(Qt shapes Arabic itself, so shaping it here too would shape it twice).
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")

_reshaper = None


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def is_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def visual(text: str) -> str:
    """Shaped, visually ordered copy of `text` for a terminal line (one line at a time)."""
    if not has_arabic(text):
        return text
    global _reshaper
    if _reshaper is None:
        import arabic_reshaper

        _reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})
    from bidi import get_display

    return get_display(_reshaper.reshape(text))


def for_output(text: str, stream: TextIO | None = None) -> str:
    """`visual(text)` on a terminal, the logical text untouched anywhere else."""
    return visual(text) if is_terminal(stream) else text
