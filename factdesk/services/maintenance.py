"""Keeping derived data honest: the claims' search keys follow the current Arabic folding.

`search_text` is derived from the claim text by `fold()` and the clitic rules. When either
changes in a new version, keys stored by the old one no longer match queries folded the new
way, and search silently misses claims. The desk records a signature of the key function
(its output on a probe that exercises every rule); on open, a different signature means the
keys are rebuilt once, in batches, each batch one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import bindparam, func, insert, select, update

from factdesk.services.common import claims
from factdesk.services.search import search_text
from factdesk.store import models as m
from factdesk.store.database import Database
from factdesk.store.errors import StoreError

meta = m.DeskMeta.__table__
KEY = "search_keys"
BATCH = 5000

# Every folding and clitic rule appears here at least once: alef forms, hamza seats, ya/alef
# maqsura, ta marbuta, harakat, tatweel, bidi and zero-width controls, Arabic-Indic digits,
# case, و ف ب ل ك ال لل proclitics, and punctuation.
PROBE = (
    "قالَ الرئيسُ وبوتين لبوتين بالرئيس كالبحر فالاجتماع للاجتماع للبنان ـمـدة "
    "أإآٱ ى ة ؤ ئ \u200f\u202bنص\u202c\u200b ٤٠ ۴۰ ٫٬٪ Putin PUTIN «اقتباس» مستشفى"
)


def signature() -> str:
    return hashlib.sha256(search_text(PROBE).encode("utf-8")).hexdigest()[:16]


def ensure_search_keys(db: Database, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the claims' search keys if they were made by another folding; returns how many
    keys actually changed (0 almost always, after one indexed read)."""
    want = signature()
    with db.read() as conn:
        have = conn.scalar(select(meta.c.value).where(meta.c.key == KEY))
        if have == want:
            return 0
        total = conn.scalar(select(func.count()).select_from(claims)) or 0
    done, last, rebuilt = 0, 0, 0
    stmt = (
        update(claims).where(claims.c.id == bindparam("cid")).values(search_text=bindparam("key"))
    )
    while True:
        with db.write() as conn:
            rows = conn.execute(
                select(claims.c.id, claims.c.text, claims.c.search_text)
                .where(claims.c.id > last)
                .order_by(claims.c.id)
                .limit(BATCH)
            ).all()
            if not rows:
                break
            changed = [
                {"cid": r.id, "key": key}
                for r in rows
                if (key := search_text(r.text)) != r.search_text
            ]
            if changed:
                conn.execute(stmt, changed)
                rebuilt += len(changed)
            last = rows[-1].id
        done += len(rows)
        if progress is not None:
            progress(done, total)
    with db.write() as conn:
        conn.execute(meta.delete().where(meta.c.key == KEY))
        conn.execute(insert(meta).values(key=KEY, value=want))
    return rebuilt


def open_desk(
    target: str | None = None,
    *,
    create: bool = False,
    notice: Callable[[str], None] | None = None,
) -> Database:
    """Open (and migrate) a desk, then make sure its search keys match this version.

    `notice` receives one human line for anything the analyst should know happened (a schema
    upgrade and where the backup is, search keys rebuilt).
    """
    from factdesk.store import open_database

    db = open_database(target, create=create)
    try:
        if notice is not None and db.backup_path is not None:
            notice(f"upgraded the database schema; the previous file is kept at {db.backup_path}")
        try:
            rebuilt = ensure_search_keys(db)
        except StoreError:
            # another writer holds the desk, or it is read-only: reading must still work, and
            # the command's own write (if any) reports the problem; a later open rebuilds
            rebuilt = 0
        if notice is not None and rebuilt:
            notice(f"rebuilt the search keys of {rebuilt} claim(s) for this version's folding")
    except BaseException:
        db.close()
        raise
    return db
