"""Extraction engine: quotes, reported statements, numeric claims, speakers and sources.

Pure Python: no Qt, no database. `extract(text)` is the one entry point.
"""

from factdesk.extract.model import Claim, Entity, Extraction, Title

__all__ = ["Claim", "Entity", "Extraction", "Title", "extract"]


def extract(text: str, language: str | None = None) -> Extraction:
    from factdesk.extract.pipeline import extract as _extract

    return _extract(text, language)
