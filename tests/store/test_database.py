"""Opening desks: pragmas, default path, migrations with a backup, and every bad-file case."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from factdesk.store import (
    DatabaseLockedError,
    NotADatabaseError,
    SchemaTooNewError,
    StoreError,
    default_db_path,
    open_database,
)
from factdesk.store import database as dbmod


def test_schema_head_constant_matches_alembic() -> None:
    assert dbmod.alembic_head() == dbmod.SCHEMA_HEAD


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d.db", create=True)
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 100
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"claims", "claims_fts", "statuses", "history", "alembic_version"} <= names
    db.close()


def test_migration_0001_to_0002_keeps_data_and_search(tmp_path: Path, extractor) -> None:
    """A desk made by the first schema (FTS written by a trigger) upgrades with a backup and
    its claims stay searchable; new imports are indexed by the service instead."""
    from alembic import command

    from factdesk.services import ClaimFilter, count_claims, import_text

    path = tmp_path / "old.db"
    eng = dbmod._sqlite_engine(dbmod.resolve_target(path)[0])
    with eng.begin() as conn:
        command.upgrade(dbmod._alembic_config(conn), "0001")
        conn.exec_driver_sql(
            "INSERT INTO articles (id, title, language, text, content_hash, imported_at) "
            "VALUES (1, 't', 'ar', 'x', 'h', '2026-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO claims (article_id, kind, text, search_text, start_pos, end_pos, "
            "sentence_start, sentence_end, approx, speaker_by, source_by, status_id, "
            "updated_at) VALUES (1, 'quote', 'والاجتماع', 'والاجتماع | الاجتماع اجتماع', "
            "0, 9, 0, 9, 0, 'engine', 'engine', 1, '2026-01-01 00:00:00')"
        )
    eng.dispose()
    db = open_database(path)
    assert db.migrated_from == "0001" and db.backup_path is not None
    import_text(db, "س: اجتماع آخر", extractor=extractor)
    assert count_claims(db, ClaimFilter(search="اجتماع")) == 2
    with db.read() as conn:
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'claims_fts_ai'"
            ).scalar()
            == 0
        )
        conn.exec_driver_sql("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    db.close()


def test_postgres_schema(db_target: str) -> None:
    db = open_database(db_target, create=True)
    with db.read() as conn:
        keys = list(conn.execute(text("SELECT key FROM statuses ORDER BY position")).scalars())
    assert keys[:2] == ["unverified", "in_progress"] and "false" in keys
    db.close()
    db = open_database(db_target)  # second open: already at head, nothing to do
    assert db.migrated_from is None and db.backup_path is None
    db.close()


def test_default_path_is_in_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FACTDESK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "FactDesk" / "factdesk.db"
    monkeypatch.setenv("FACTDESK_DB", str(tmp_path / "elsewhere.db"))
    assert default_db_path() == tmp_path / "elsewhere.db"


def test_url_and_path_forms(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'u.db'}", create=True)
    assert db.path == tmp_path / "u.db"
    db.close()
    with pytest.raises(StoreError, match="in-memory"):
        open_database("sqlite://")
    for url in ("postgres://u@h/d", "postgresql://u@h/d", "postgresql+psycopg2://u@h/d"):
        assert dbmod.resolve_target(url)[0].drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="no desk database"):
        open_database(tmp_path / "missing.db")
    with pytest.raises(StoreError, match="folder"):
        open_database(tmp_path)


def test_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    with pytest.raises(NotADatabaseError, match="not a FactDesk database"):
        open_database(junk)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(NotADatabaseError, match="not a FactDesk one"):
        open_database(other)


def test_truncated_database_gives_a_clear_error(tmp_path: Path, extractor) -> None:
    from factdesk.services import ArticleMeta, count_claims, import_texts, list_claims

    path = tmp_path / "t.db"
    db = open_database(path, create=True)
    texts = [(f"متحدث{i}: " + "كلام طويل عن القمة " * 40, ArticleMeta()) for i in range(60)]
    import_texts(db, texts, extractor=extractor)
    db.close()  # last connection closed: the WAL is checkpointed into the file
    assert not Path(f"{path}-wal").exists()
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.truncate(size // 2)
    with pytest.raises(StoreError) as info:
        db = open_database(path)
        count_claims(db)
        list_claims(db, limit=1000)
    msg = str(info.value)
    assert "damaged" in msg and "\n" not in msg


def test_locked_database_is_reported_not_waited_on_forever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor
) -> None:
    from factdesk.services import ArticleMeta, import_texts

    path = tmp_path / "l.db"
    open_database(path, create=True).close()
    monkeypatch.setenv("FACTDESK_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        db = open_database(path)
        with pytest.raises(DatabaseLockedError, match="locked by another program"):
            import_texts(db, [("س: نص", ArticleMeta())], extractor=extractor)
        db.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    open_database(path, create=True).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match=r"newer FactDesk \(schema 9999\)") as info:
        open_database(path)
    assert "Update FactDesk" in str(info.value)


_EXTRA = {
    "0002_add_claim_priority.py": """
        from alembic import op
        import sqlalchemy as sa

        revision = "next"
        down_revision = "{head}"
        branch_labels = None
        depends_on = None

        def upgrade():
            with op.batch_alter_table("claims") as b:
                b.add_column(sa.Column("priority", sa.Integer(), nullable=True))
            op.execute("UPDATE claims SET priority = 1")
    """,
}


def _migrations_with(tmp_path: Path, body: str) -> Path:
    """A copy of the shipped migrations plus a 0002 revision, as the next release would ship."""
    mig = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, mig, ignore=shutil.ignore_patterns("__pycache__"))
    body = textwrap.dedent(body).replace("{head}", dbmod.SCHEMA_HEAD)
    (mig / "versions" / "next_release.py").write_text(body, encoding="utf-8")
    return mig


def test_upgrade_keeps_a_backup_beside_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor
) -> None:
    from factdesk.services import import_text

    path = tmp_path / "desk.db"
    db = open_database(path, create=True)
    import_text(db, "بوتين: قبل الترقية", extractor=extractor)
    db.close()
    monkeypatch.setattr(
        dbmod, "MIGRATIONS_DIR", _migrations_with(tmp_path, _EXTRA["0002_add_claim_priority.py"])
    )
    head = dbmod.SCHEMA_HEAD
    monkeypatch.setattr(dbmod, "SCHEMA_HEAD", "next")
    db = open_database(path)
    assert db.migrated_from == head
    assert db.backup_path == tmp_path / f"desk.db.schema-{head}.bak"
    with db.read() as conn:
        assert conn.execute(text("SELECT priority FROM claims")).scalar() == 1
    db.close()
    old = sqlite3.connect(db.backup_path)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    assert old.execute("SELECT text FROM claims").fetchone() == ("قبل الترقية",)
    old.close()


def test_failed_upgrade_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor
) -> None:
    from factdesk.services import import_text

    path = tmp_path / "desk.db"
    db = open_database(path, create=True)
    import_text(db, "بوتين: قبل الترقية", extractor=extractor)
    db.close()
    broken = _EXTRA["0002_add_claim_priority.py"].replace(
        'op.execute("UPDATE claims SET priority = 1")',
        'op.execute("UPDATE no_such_table SET x = 1")',
    )
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", _migrations_with(tmp_path, broken))
    head = dbmod.SCHEMA_HEAD
    monkeypatch.setattr(dbmod, "SCHEMA_HEAD", "next")
    with pytest.raises(StoreError, match=rf"kept at .*schema-{head}\.bak"):
        open_database(path)
    con = sqlite3.connect(path)  # the original is still at `head`, without the half-made column
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    cols = {r[1] for r in con.execute("PRAGMA table_info(claims)")}
    assert "priority" not in cols
    con.close()


def test_unreachable_postgres_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_database("postgresql://nobody:pw@127.0.0.1:1/none")
    assert "\n" not in str(info.value) and "PostgreSQL" in str(info.value)


def test_models_and_migrations_agree(db_target: str) -> None:
    """Autogenerate against a freshly migrated desk finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from factdesk.store.models import Base

    db = open_database(db_target, create=True)
    with db.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()

    # the search indexes (SQLite FTS5 tables, PostgreSQL's GIN index) live outside the models
    # on purpose: they are dialect-specific DDL in the migrations
    def ours(d: tuple) -> bool:
        kind, name = d[0], d[1].name
        fts = kind == "remove_table" and name.split("_")[:2] == ["claims", "fts"]
        return not (fts or (kind == "remove_index" and name == "ix_claims_search_fts"))

    diff = [d for d in diff if ours(d)]
    assert diff == []
