"""Turning what analysts hold (saved pages, URLs, Word files, feeds) into article text + metadata.

Pure Python, no Qt and no store: each reader returns text and metadata, and
factdesk.services.articles.import_sources sends them through the one import service.
"""

from __future__ import annotations


class SourceError(Exception):
    """One item could not be read; ``str(error)`` is one human line naming it."""
