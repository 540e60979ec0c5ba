"""Reuse the database fixtures of tests/store (both back ends)."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_desk_db_fixtures", Path(__file__).parents[1] / "store" / "conftest.py"
)
assert _spec and _spec.loader
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

PG_URL = _mod.PG_URL
db_target = _mod.db_target
pg_session_url = _mod.pg_session_url
db = _mod.db
fake_extract = _mod.fake_extract
reset_pg = _mod.reset_pg
extractor = _mod.extractor
seeded = _mod.seeded
ARTICLE_1 = _mod.ARTICLE_1
ARTICLE_2 = _mod.ARTICLE_2
