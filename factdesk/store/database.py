"""Opening a desk database: path or URL, pragmas, the migrate-on-open with a backup first.

Callers get a `Database` whose `read()`/`write()` contexts are the only way services touch
SQL, so every write is one transaction and every driver error becomes a one-line StoreError.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError

from factdesk.store.errors import (
    DatabaseLockedError,
    DiskFullError,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
    describe_db_error,
)

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration this code knows; tests check it matches the Alembic head, so opening
# an up-to-date database never has to import Alembic (it costs ~100 ms of start-up).
SCHEMA_HEAD = "0004"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
APP_NAME = "FactDesk"


def default_db_path() -> Path:
    """`FACTDESK_DB` if set, else factdesk.db in the platform's user data folder."""
    env = os.environ.get("FACTDESK_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_NAME)) / "factdesk.db"


def _busy_timeout() -> float:
    """Seconds a writer waits for another writer; FACTDESK_BUSY_TIMEOUT overrides (tests)."""
    try:
        return max(0.0, float(os.environ.get("FACTDESK_BUSY_TIMEOUT", "5")))
    except ValueError:
        return 5.0


def resolve_target(target: str | os.PathLike[str] | None) -> tuple[URL, Path | None]:
    """A path or URL -> (SQLAlchemy URL, SQLite file path or None)."""
    if target is None:
        target = default_db_path()
    raw = os.fspath(target)
    if "://" in raw:
        try:
            url = make_url(raw)
        except ArgumentError:
            raise StoreError(f"not a database path or URL: {raw}") from None
        if url.drivername in ("postgres", "postgresql", "postgresql+psycopg2"):
            url = url.set(drivername="postgresql+psycopg")  # the driver FactDesk ships with
        if url.get_backend_name() == "sqlite":
            db = url.database
            if not db or db == ":memory:":
                raise StoreError("an in-memory SQLite database cannot hold a desk; give a file")
            return url, Path(db).expanduser().resolve()
        return url, None
    path = Path(raw).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path)), path


@dataclass
class Database:
    """An open desk: the engine plus a human label for messages."""

    engine: Engine
    label: str
    path: Path | None = None
    backup_path: Path | None = None
    migrated_from: str | None = field(default=None)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries; SQLite readers never block writers in WAL mode."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            raise describe_db_error(exc, self.label) from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction; SQLite takes the write lock up front (BEGIN IMMEDIATE).

        Starting deferred and upgrading later would fail at once with SQLITE_BUSY when
        another analyst wrote in between, instead of waiting for the busy timeout.
        """
        try:
            with self.engine.connect() as conn:
                conn.execution_options(factdesk_write=True)
                with conn.begin():
                    yield conn
        except IntegrityError:
            raise  # a constraint the service layer handles (duplicate import, race on a name)
        except DBAPIError as exc:
            raise describe_db_error(exc, self.label) from exc
        except OSError as exc:
            raise describe_db_error(exc, self.label) from exc

    def close(self) -> None:
        """Let SQLite refresh its planner statistics (cheap; recommended on close), then close."""
        if self.is_sqlite:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA busy_timeout = 0")  # never stall a close
                    conn.exec_driver_sql("PRAGMA optimize")
            except DBAPIError:
                pass  # a busy or read-only file: statistics can wait for next time
        self.engine.dispose()


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, connect_args={"timeout": _busy_timeout()})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # We emit BEGIN ourselves (see _on_begin); pysqlite's implicit BEGIN would be deferred.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(_busy_timeout() * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("factdesk_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StoreError(
                f"no desk database at {path}; run `factdesk import` or `factdesk demo` first"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder {path.parent}: {exc.strerror}") from None
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None
    if head and head != SQLITE_MAGIC:
        raise NotADatabaseError(f"{path} is not a FactDesk database (not an SQLite file)")


def open_database(
    target: str | os.PathLike[str] | None = None, *, create: bool = False, migrate: bool = True
) -> Database:
    """Open (and migrate) a desk. `create` allows a new SQLite file; PostgreSQL must exist."""
    url, path = resolve_target(target)
    if path is not None:
        _check_sqlite_file(path, create=create)
        engine = _sqlite_engine(url)
        label = str(path)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except (NoSuchModuleError, ModuleNotFoundError):
            raise StoreError(
                f"no driver for {url.drivername}; install FactDesk with the 'postgres' extra"
            ) from None
        label = url.render_as_string(hide_password=True)
    db = Database(engine=engine, label=label, path=path)
    if migrate:
        try:
            _migrate(db)
        except BaseException:
            engine.dispose()
            raise
    return db


def _current_revision(conn: Connection) -> tuple[str | None, bool]:
    """(alembic revision or None, whether the database holds any tables at all)."""
    names = inspect(conn).get_table_names()
    if "alembic_version" not in names:
        return None, bool(names)
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return (row[0] if row else None), True


def _alembic_config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _migrate(db: Database) -> None:
    with db.read() as conn:
        current, has_tables = _current_revision(conn)
    if current == SCHEMA_HEAD:
        return
    if current is None and has_tables:
        raise NotADatabaseError(f"{db.label} is a database, but not a FactDesk one")
    if current is not None and current not in known_revisions():
        raise SchemaTooNewError(
            f"{db.label} was written by a newer FactDesk (schema {current}); "
            f"this version knows up to {SCHEMA_HEAD}. Update FactDesk to open it"
        )
    if db.path is not None and current is not None:
        db.backup_path = _backup_sqlite(db, current)
    from alembic import command

    try:
        with db.write() as conn:
            if db.dialect == "postgresql":
                # two first-time openers on a team server: one migrates, the other waits
                conn.execute(text("SELECT pg_advisory_xact_lock(4711)"))
            command.upgrade(_alembic_config(conn), "head")
    except (DatabaseLockedError, DiskFullError):
        raise
    except Exception as exc:
        reason = str(exc).split(": ", 1)[-1] if isinstance(exc, StoreError) else str(exc)
        reason = (reason.strip().splitlines() or [type(exc).__name__])[0]
        kept = f"; a copy from before is kept at {db.backup_path}" if db.backup_path else ""
        raise StoreError(
            f"could not upgrade {db.label} to schema {SCHEMA_HEAD} ({reason}); "
            f"the database was left as it was{kept}"
        ) from exc
    db.migrated_from = current


def _backup_sqlite(db: Database, revision: str) -> Path:
    """Copy the file beside itself (via SQLite's backup API, which is WAL-safe)."""
    assert db.path is not None
    dest = db.path.with_name(f"{db.path.name}.schema-{revision}.bak")
    n = 1
    while dest.exists():
        n += 1
        dest = db.path.with_name(f"{db.path.name}.schema-{revision}.{n}.bak")
    try:
        src = sqlite3.connect(db.path, timeout=_busy_timeout())
        try:
            dst = sqlite3.connect(dest)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        dest.unlink(missing_ok=True)
        raise describe_db_error(exc, str(db.path)) from None
    return dest
