"""Saved pages, Word files and plain text reach the same import service, with their metadata."""

from __future__ import annotations

import base64
import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from sources_support import FIXTURES, stored

from factdesk.services import import_paths, saved_source
from factdesk.sources import SourceError
from factdesk.sources.docx import read_docx
from factdesk.sources.html import extract_page
from factdesk.store import Database, open_database

BOILERPLATE_AR = [
    "سياسة",
    "عاجل",
    "مقتل 12",
    "250 ألف",
    "2.5%",
    "©",
    "الخصوصية",
    "أبو خالد",
    "50%",
    "شارك",
    "بقلم",
    "أرشيف",
]
BOILERPLATE_EN = [
    "Subscribe",
    "cookies",
    "Storm",
    "3,000",
    "7%",
    "dave77",
    "double",
    "©",
    "Privacy",
    "newsletter",
    "By Tom",
]

AR_PARAGRAPHS = [
    "أعلنت وزارة الصحة أن عدد المستشفيات الحكومية ارتفع إلى 48 مستشفى هذا العام.",
    "وقال الوزير في مؤتمر صحفي: «سنفتتح 6 مستشفيات جديدة قبل نهاية 2027».",
    "وأوضح التقرير أن نسبة الأسرّة المشغولة بلغت 82% خلال الشتاء الماضي.",
]


def _as_txt_claims(tmp_path: Path, text: str) -> list[tuple[str, str, int, int]]:
    """What the same text gives when imported as a .txt file into a fresh desk."""
    folder = tmp_path / "as-txt"
    folder.mkdir(exist_ok=True)
    (folder / "same.txt").write_text(text, encoding="utf-8")
    other = open_database(str(folder / "other.db"), create=True)
    try:
        rep = import_paths(other, [folder / "same.txt"])
        return stored(other, rep.imported[0].article_id)[1]
    finally:
        other.close()


def _check_claims(desk: Database, article_id: int, tmp_path: Path) -> dict:
    row, found = stored(desk, article_id)
    assert found, "the article's claims were extracted"
    for _kind, text, start, end in found:
        assert row["text"][start:end] == text  # offsets index the stored main text
    assert found == _as_txt_claims(tmp_path, row["text"])
    return row


def test_arabic_page_main_text_and_metadata(desk: Database, tmp_path: Path) -> None:
    rep = import_paths(desk, [FIXTURES / "ar-news.html"])
    assert not rep.failed and len(rep.imported) == 1
    row = _check_claims(desk, rep.imported[0].article_id, tmp_path)
    text = row["text"]
    assert text.startswith("محطة تحلية جديدة تدخل الخدمة في المدينة الساحلية\n\nدخلت محطة")
    assert "«المحطة ستغطي حاجة 400 ألف نسمة من مياه الشرب»" in text
    assert text.endswith("بنحو 3% سنويا حتى عام 2035.")
    assert text.count("\n\n") == 6  # headline + 6 paragraphs, kept apart
    for junk in BOILERPLATE_AR:
        assert junk not in text, junk
    assert row["title"] == "محطة تحلية جديدة تدخل الخدمة في المدينة الساحلية"
    assert row["outlet"] == "صحيفة الساحل"
    assert row["published"] == date(2026, 3, 14)
    assert row["url"] == "https://sahil-news.example/ar/2026/03/desalination-plant"
    assert row["encoding"] == "utf-8"
    kept = saved_source(desk, rep.imported[0].article_id)
    assert kept is not None and kept["author"] == "ليلى منصور"
    page = (FIXTURES / "ar-news.html").read_bytes()
    assert base64.b64decode(str(kept["page_b64"])) == page


def test_english_page_main_text_and_metadata(desk: Database, tmp_path: Path) -> None:
    rep = import_paths(desk, [FIXTURES / "en-news.html"])
    row = _check_claims(desk, rep.imported[0].article_id, tmp_path)
    text = row["text"]
    assert text.startswith("The city council voted 9 to 4 on Tuesday")
    assert "“Fares will stay at $2.50 for at least two years.”" in text
    assert text.count("\n\n") == 4
    for junk in BOILERPLATE_EN:
        assert junk not in text, junk
    assert (row["title"], row["outlet"]) == (
        "City council approves new bus network",
        "Harbour Daily",
    )
    assert row["published"] == date(2026, 2, 3)
    assert row["url"] == "https://harbourdaily.example/local/2026/02/03/bus-network"
    assert saved_source(desk, row["id"])["author"] == "Tom Reyes"  # type: ignore[index]


def test_windows_1256_page_is_decoded_by_its_declared_charset(
    desk: Database, tmp_path: Path
) -> None:
    rep = import_paths(desk, [FIXTURES / "ar-cp1256.htm"])
    row = _check_claims(desk, rep.imported[0].article_id, tmp_path)
    assert row["encoding"] == "windows-1256"
    assert row["text"].startswith("ارتفعت صادرات التمور خلال العام الماضي إلى 310 آلاف طن")
    assert "«نستهدف الوصول إلى نصف مليون طن بحلول 2030»" in row["text"]
    assert "“الأسعار المحلية ستبقى مستقرة”" in row["text"]
    assert "7 جرحى" not in row["text"] and "3%" not in row["text"]
    assert (row["outlet"], row["url"]) == (
        "وكالة الواحة",
        "https://alwaha.example/economy/dates-exports",
    )


def test_no_published_date_is_guessed_from_the_copyright_line() -> None:
    html = (FIXTURES / "en-news.html").read_text(encoding="utf-8")
    html = re.sub(r'<meta property="article:published_time"[^>]*>', "", html)
    html = html.replace(" · February 3, 2026", "").replace("2026/02/03/", "")
    page = extract_page(html, "undated.html")
    assert "© 2026" in html and page.published is None
    assert page.title == "City council approves new bus network"


def test_page_without_article_text_is_one_message() -> None:
    with pytest.raises(
        SourceError, match=r"^no-article.html: no article text found in the page\.$"
    ):
        extract_page((FIXTURES / "no-article.html").read_bytes(), "no-article.html")


def _word_file(path: Path, paragraphs: list[str], title: str | None = None) -> Path:
    d = docx.Document()
    if title:
        d.core_properties.title = title
    d.core_properties.author = "سلمى يوسف"
    for text in paragraphs:
        para = d.add_paragraph()
        para._p.get_or_add_pPr().append(OxmlElement("w:bidi"))  # right-to-left, as Word writes
        run = para.add_run(text)
        run.font.rtl = True
    d.add_paragraph("")  # empty paragraphs are not kept
    d.save(str(path))
    return path


def test_docx_arabic_paragraphs_kept(desk: Database, tmp_path: Path) -> None:
    path = _word_file(tmp_path / "مستشفيات.docx", AR_PARAGRAPHS, title="المستشفيات الحكومية")
    w = read_docx(path)
    assert w.text == "\n\n".join(AR_PARAGRAPHS)
    rep = import_paths(desk, [path])
    row = _check_claims(desk, rep.imported[0].article_id, tmp_path)
    assert row["text"] == "\n\n".join(AR_PARAGRAPHS)
    assert row["title"] == "المستشفيات الحكومية"
    assert saved_source(desk, row["id"])["author"] == "سلمى يوسف"  # type: ignore[index]


def test_bad_items_are_reported_one_line_each_and_the_rest_imported(
    desk: Database, tmp_path: Path
) -> None:
    good = _word_file(tmp_path / "good.docx", AR_PARAGRAPHS)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:1500])  # a truncated download
    not_zip = tmp_path / "letter.docx"
    not_zip.write_text("not a Word file", encoding="utf-8")
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("en-news.html", "no-article.html", "sahil.rss"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "notes.txt").write_text("الوزير: ارتفع العدد إلى 5 آلاف", encoding="utf-8")
    rep = import_paths(desk, [good, broken, not_zip, folder, tmp_path / "missing.docx"])
    reasons = [r for _s, r in rep.failed]
    assert reasons == [
        "broken.docx is not a readable Word document (damaged or truncated).",
        "letter.docx is not a readable Word document (damaged or truncated).",
        "no-article.html: no article text found in the page.",
        "sahil.rss, item 2: no text and no link; skipped.",
        f"{tmp_path / 'missing.docx'}: no such file.",
    ]
    assert all("\n" not in r and "Traceback" not in r for r in reasons)
    # good.docx, en-news.html, notes.txt and the two good feed items
    assert len(rep.imported) == 5


def test_same_text_or_same_canonical_url_is_a_duplicate(desk: Database, tmp_path: Path) -> None:
    first = import_paths(desk, [FIXTURES / "en-news.html"])
    again = import_paths(desk, [FIXTURES / "en-news.html"])
    assert again.duplicates[0].article_id == first.imported[0].article_id
    # the same page saved later, one sentence edited: same canonical URL
    edited = tmp_path / "en-news-updated.html"
    edited.write_text(
        (FIXTURES / "en-news.html")
        .read_text(encoding="utf-8")
        .replace("by 18% once", "by 20% once"),
        encoding="utf-8",
    )
    rep = import_paths(desk, [edited])
    assert not rep.imported
    assert rep.duplicates[0].article_id == first.imported[0].article_id


def test_same_canonical_url_twice_in_one_batch(desk: Database, tmp_path: Path) -> None:
    page = (FIXTURES / "ar-news.html").read_text(encoding="utf-8")
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(page, encoding="utf-8")
    b.write_text(page.replace("120 ألف", "125 ألف"), encoding="utf-8")  # corrected later
    rep = import_paths(desk, [a, b])
    assert [x.source for x in rep.imported] == [str(a)]
    assert [(x.source, x.article_id) for x in rep.duplicates] == [
        (str(b), rep.imported[0].article_id)
    ]
