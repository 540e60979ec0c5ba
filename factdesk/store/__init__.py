"""Persistence for the desk: SQLAlchemy models, opening and migrating databases. No Qt here."""

from factdesk.store.database import Database, default_db_path, open_database
from factdesk.store.errors import (
    DatabaseLockedError,
    DiskFullError,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
)

__all__ = [
    "Database",
    "DatabaseLockedError",
    "DiskFullError",
    "NotADatabaseError",
    "SchemaTooNewError",
    "StoreError",
    "default_db_path",
    "open_database",
]
