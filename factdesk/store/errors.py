"""Storage failures as one-line human messages, so no front end ever shows a traceback."""

from __future__ import annotations

import errno


class StoreError(Exception):
    """A database problem, phrased for an analyst (str(exc) is one line)."""


class DatabaseLockedError(StoreError):
    """Another program holds the write lock longer than our busy timeout."""


class NotADatabaseError(StoreError):
    """The file exists but is not an SQLite database (or is damaged beyond opening)."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer FactDesk; we refuse rather than guess."""


class DiskFullError(StoreError):
    """The disk (or the process's file-size limit) ran out during a write."""


def describe_db_error(exc: BaseException, where: str) -> StoreError:
    """Map a DBAPI/SQLAlchemy error to the StoreError an analyst can act on."""
    orig = getattr(exc, "orig", None) or exc
    msg = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    low = msg.lower()
    if "database is locked" in low or "database table is locked" in low:
        return DatabaseLockedError(
            f"{where} is locked by another program that is writing to it; try again in a moment"
        )
    if "file is not a database" in low or "file is encrypted" in low:
        return NotADatabaseError(f"{where} is not a FactDesk database (not an SQLite file)")
    if "malformed" in low or "disk image" in low:
        return NotADatabaseError(f"{where} is damaged (truncated or corrupt); restore a backup")
    if "disk is full" in low or "disk i/o error" in low or "no space left" in low:
        return DiskFullError(f"could not write to {where}: the disk is full")
    if isinstance(orig, OSError) and orig.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return DiskFullError(f"could not write to {where}: the disk is full")
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{where} is read-only; FactDesk cannot save changes there")
    if "unable to open database" in low:
        return StoreError(f"cannot open {where}: the folder is missing or not writable")
    if "connection refused" in low or "could not connect" in low or "connection failed" in low:
        return StoreError(f"cannot reach the PostgreSQL server for {where}: {msg}")
    if "password authentication failed" in low:
        return StoreError(f"PostgreSQL refused the login for {where}: wrong user or password")
    return StoreError(f"database error on {where}: {msg}")
