"""Word documents with python-docx: paragraphs kept, one per block, in logical order."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from factdesk.sources import SourceError

_BROKEN = "{} is not a readable Word document (damaged or truncated)."


@dataclass(frozen=True, slots=True)
class WordText:
    text: str
    title: str | None = None
    author: str | None = None


def read_docx(path: str | Path) -> WordText:
    """Paragraphs joined by a blank line (as a .txt of the same article would be)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    p = Path(path)
    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        if isinstance(exc, FileNotFoundError) or not p.exists():
            raise SourceError(f"{p.name}: no such file.") from None
        raise SourceError(_BROKEN.format(p.name)) from None
    except Exception:  # lxml errors on a mangled document.xml
        raise SourceError(_BROKEN.format(p.name)) from None
    paras = [para.text.strip() for para in document.paragraphs]
    text = "\n\n".join(t for t in paras if t)
    if not text:
        raise SourceError(f"{p.name} has no text.")
    # core_properties.created is not used: templates carry their own creation date
    props = document.core_properties
    return WordText(
        text=text,
        title=(props.title or "").strip() or None,
        author=(props.author or "").strip() or None,
    )
