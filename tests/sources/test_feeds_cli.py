"""Feeds (RSS and Atom, one broken entry each) and the CLI: files, folders, URLs, --feed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sources_support import FIXTURES, stored

from factdesk.services import ServiceError, import_feed, list_feed, saved_source
from factdesk.store import Database, open_database

ROOT = Path(__file__).parents[2]


def test_rss_items_are_listed_with_the_broken_one_marked() -> None:
    feed = list_feed(str(FIXTURES / "sahil.rss"))
    assert feed.title == "صحيفة الساحل - اقتصاد"
    assert [i.title for i in feed.items] == [
        "البلدية: 30% من الحافلات ستعمل بالكهرباء",
        None,
        "تراجع التضخم إلى 2.8% في فبراير",
    ]
    assert feed.items[0].published == date(2026, 3, 16)
    assert feed.items[0].author == "ليلى منصور"
    assert feed.items[0].text == (
        "أعلنت البلدية أن 30% من الحافلات العامة ستعمل بالكهرباء بحلول نهاية العام المقبل."
        "\n\nوقال رئيس البلدية: «خصصنا 18 مليون دولار لهذا المشروع»."
    )
    assert feed.items[1].problem == "sahil.rss, item 2: no text and no link; skipped."


def test_chosen_items_are_imported_with_their_metadata(desk: Database, tmp_path: Path) -> None:
    rep = import_feed(desk, str(FIXTURES / "sahil.rss"), [1])
    assert not rep.failed and len(rep.imported) == 1
    row, found = stored(desk, rep.imported[0].article_id)
    assert row["title"] == "البلدية: 30% من الحافلات ستعمل بالكهرباء"
    assert row["outlet"] == "صحيفة الساحل - اقتصاد"
    assert row["url"] == "https://sahil-news.example/ar/2026/03/electric-buses"
    assert row["published"] == date(2026, 3, 16)
    assert saved_source(desk, row["id"])["author"] == "ليلى منصور"  # type: ignore[index]
    # the same text as a .txt file gives the same claims
    txt = tmp_path / "item.txt"
    txt.write_text(row["text"], encoding="utf-8")
    other = open_database(str(tmp_path / "other.db"), create=True)
    try:
        from factdesk.services import import_paths

        r2 = import_paths(other, [txt])
        assert found and stored(other, r2.imported[0].article_id)[1] == found
    finally:
        other.close()


def test_atom_broken_entry_reported_good_one_imported(desk: Database) -> None:
    rep = import_feed(desk, str(FIXTURES / "harbour.atom"))
    assert [a.title for a in rep.imported] == ["Library opening hours extended"]
    assert [r for _s, r in rep.failed] == ["harbour.atom, item 2: no text and no link; skipped."]


def test_not_a_feed_is_one_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<html><body>hello", encoding="utf-8")
    with pytest.raises(ServiceError, match=r"^bad\.xml is not a readable RSS or Atom feed\.$"):
        list_feed(str(bad))


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=os.environ | {"FACTDESK_ANALYST": "t"},
    )


def test_cli_imports_files_urls_and_feed_items(tmp_path: Path, server: str) -> None:
    db = str(tmp_path / "d.db")
    listed = _run("import", "--db", db, "--feed", str(FIXTURES / "sahil.rss"))
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "صحيفة الساحل - اقتصاد"
    assert lines[1].split()[:2] == ["1", "2026-03-16"]
    assert "[broken]" in lines[2]
    chosen = _run("import", "--db", db, "--feed", str(FIXTURES / "sahil.rss"), "--item", "3")
    assert chosen.returncode == 0, chosen.stderr
    assert "تراجع التضخم إلى 2.8% في فبراير" in chosen.stdout
    assert "imported 1 article(s)" in chosen.stderr
    mixed = _run(
        "import", "--db", db, str(FIXTURES / "en-news.html"), f"{server}/ar", f"{server}/missing"
    )
    assert mixed.returncode == 1
    assert "imported 2 article(s)" in mixed.stderr
    assert f"factdesk: {server}/missing: page not found (HTTP 404).\n" in mixed.stderr
    assert "Traceback" not in mixed.stderr


def test_cli_source_writes_the_kept_page_back(tmp_path: Path, server: str) -> None:
    db = str(tmp_path / "d.db")
    first = _run("import", "--db", db, f"{server}/cp1256")
    assert first.returncode == 0, first.stderr
    art = first.stdout.split()[0].lstrip("#")
    out = tmp_path / "kept.htm"
    shown = _run("source", "--db", db, art, "--page", str(out))
    assert shown.returncode == 0, shown.stderr
    assert f"fetched_url: {server}/cp1256" in shown.stdout
    assert "author: كريم العلي" in shown.stdout
    assert out.read_bytes() == (FIXTURES / "ar-cp1256.htm").read_bytes()
    missing = _run("source", "--db", db, "999")
    assert missing.returncode == 1
    assert missing.stderr == "factdesk: article #999 has no kept source\n"
