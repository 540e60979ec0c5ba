"""Database fixtures shared by the store, service, report and window tests.

`db` runs each test twice: on a fresh SQLite file in tmp_path and on a real PostgreSQL server
(FACTDESK_TEST_PG_URL, which .ci/run sets up). Without that URL the PostgreSQL leg is skipped
with the reason shown by `pytest -ra`.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from factdesk.extract.model import Claim, Entity, Extraction
from factdesk.store import Database, open_database

PG_URL = os.environ.get("FACTDESK_TEST_PG_URL")
PG_SKIP = "PostgreSQL leg: set FACTDESK_TEST_PG_URL (.ci/run starts a server and sets it)"


def reset_pg(url: str) -> None:
    """Empty the test database: every test starts from no schema at all."""
    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str | None]:
    """A database of this test session's own on the server, so two test runs sharing one
    server (CI and a developer, or two sessions on one machine) never empty each other's
    tables. Falls back to the given database when the role may not create databases."""
    if not PG_URL:
        yield None
        return
    from sqlalchemy.engine import make_url

    name = f"factdesk_t_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:  # no CREATEDB privilege: share the given database
        admin.dispose()
        yield PG_URL
        return
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database location: an SQLite path, or this session's PostgreSQL database (emptied)."""
    if request.param == "sqlite":
        return str(tmp_path / "desk.db")
    url = request.getfixturevalue("pg_session_url")
    if not url:
        pytest.skip(PG_SKIP)
    reset_pg(url)
    return url


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    database = open_database(db_target, create=True)
    yield database
    database.close()


_LINE = re.compile(r"^(?:(?P<speaker>[^:\n]+):\s*)?(?P<body>.+)$", re.M)
_NUM = re.compile(r"\d+")


def fake_extract(text: str, language: str | None = None) -> Extraction:
    """A deterministic stand-in for the engine: each line `SPEAKER: words` is a quote by
    SPEAKER, each number a numeric claim. Offsets index `text` exactly, as the engine's do."""
    claims: list[Claim] = []
    names: dict[str, None] = {}
    for m in _LINE.finditer(text):
        speaker = m.group("speaker").strip() if m.group("speaker") else None
        s, e = m.start("body"), m.end("body")
        if not text[s:e].strip():
            continue
        if speaker:
            names[speaker] = None
        claims.append(
            Claim(
                "quote",
                text[s:e],
                s,
                e,
                speaker=speaker,
                sentence_start=m.start(),
                sentence_end=m.end(),
            )
        )
        for n in _NUM.finditer(text, s, e):
            claims.append(
                Claim(
                    "numeric",
                    n.group(),
                    n.start(),
                    n.end(),
                    speaker=speaker,
                    value=float(n.group()),
                    unit="percent",
                    sentence_start=m.start(),
                    sentence_end=m.end(),
                )
            )
    entities = tuple(Entity(n, "person") for n in names)
    return Extraction(text, language or "ar", tuple(claims), (), entities)


ARTICLE_1 = """بوتين: نحن مستعدون للاجتماع مع زيلينسكي في أوكرانيا
ترامب: اتصلت بالرئيس بوتين وسنعقد اجتماعا ثلاثيا
أوشاكوف: استمر الحديث حوالي 40 دقيقة والاجتماع كان مفيدا
"""
ARTICLE_2 = """زيلينسكي: ناقشنا القمة مع وبوتين ولبوتين رسالة واضحة
ماكرون: نريد ضمانات أمنية لأوكرانيا بقيمة 100 مليار
الاجتماعُ القادم سيكون في المستشفى
"""


@pytest.fixture
def extractor():
    return fake_extract


@pytest.fixture
def seeded(db: Database) -> Database:
    """A desk with two small Arabic articles (fake engine) for query and edit tests."""
    from factdesk.services import ArticleMeta, import_texts

    report = import_texts(
        db,
        [
            (ARTICLE_1, ArticleMeta(title="القمة", outlet="وكالة", url="https://a.example/1")),
            (ARTICLE_2, ArticleMeta(title="ضمانات", outlet="صحيفة", url="https://a.example/2")),
        ],
        analyst="importer",
        extractor=fake_extract,
    )
    assert len(report.imported) == 2
    return db


@pytest.fixture
def sample_articles() -> tuple[str, str]:
    """The two small Arabic articles of `seeded`, for tests that import them elsewhere."""
    return ARTICLE_1, ARTICLE_2
