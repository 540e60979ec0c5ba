"""Tests for factdesk.text.decoding, with real Arabic and English text encoded for real."""

from __future__ import annotations

import codecs
import gzip
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.text.decoding import (
    DecodedText,
    DecodingError,
    FileReadError,
    FileTooLargeError,
    NotTextError,
    decode_bytes,
    read_text_file,
)

SEED_PATH = Path(__file__).resolve().parents[2] / "seeds" / "white-house-summit.ar.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
HEADLINE = "مقتل 12 شخصا في انفجار ببغداد"
QUOTED = "“مقتل 12 شخصا” في بغداد، وقال المتحدث: «لن نتراجع»."
ENGLISH = "The minister said “we will not retreat” — the deal’s value – about 12% – was ‘final’."
SPANISH = "El señor pidió un café en la Plaza Mayor."

KNOWN_ENCODINGS = {
    "utf-8",
    "utf-8-sig",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "utf-32-be",
    "cp1256",
    "iso8859-6",
    "cp1252",
}

# (how to make the bytes, expected DecodedText.encoding)
UNICODE_FORMS: dict[str, tuple[str, str]] = {
    "utf-8": ("utf-8", "utf-8"),
    "utf-8+bom": ("utf-8-sig", "utf-8-sig"),
    "utf-16-le+bom": ("utf-16-le", "utf-16-le"),
    "utf-16-be+bom": ("utf-16-be", "utf-16-be"),
}
# The utf-16-le/-be codecs write no BOM (utf-8-sig does); add it as a real file would have it.
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def _encode(text: str, codec: str) -> bytes:
    return BOMS.get(codec, b"") + text.encode(codec)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _assert_one_line(error: DecodingError, name: str) -> None:
    message = str(error)
    assert name in message
    assert "\n" not in message and "\r" not in message
    assert "Traceback" not in message
    assert message.endswith(".")


def _png_bytes() -> bytes:
    """A real 1×1 RGB PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# --- Unicode with and without BOM --------------------------------------------------------


@pytest.mark.parametrize("form", sorted(UNICODE_FORMS))
@pytest.mark.parametrize("text", [SEED, HEADLINE, QUOTED], ids=["seed", "headline", "quoted"])
def test_unicode_forms_round_trip_from_file(tmp_path: Path, form: str, text: str) -> None:
    codec, expected = UNICODE_FORMS[form]
    data = _encode(text, codec)
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert has_bom == (form != "utf-8")
    result = read_text_file(_write(tmp_path, "article.txt", data))
    assert result == DecodedText(text, expected, 0)
    assert "\ufeff" not in result.text


def test_seed_is_the_real_article() -> None:
    assert len(SEED) == 2065
    assert "دونالد ترامب" in SEED


def test_utf32_bom_is_checked_before_utf16() -> None:
    data = codecs.BOM_UTF32_LE + HEADLINE.encode("utf-32-le")
    assert decode_bytes(data) == DecodedText(HEADLINE, "utf-32-le", 0)
    data = codecs.BOM_UTF32_BE + SEED.encode("utf-32-be")
    assert decode_bytes(data) == DecodedText(SEED, "utf-32-be", 0)


def test_utf16_le_text_starting_with_nul_char_is_not_taken_for_utf32() -> None:
    # FF FE 00 00 followed by an odd number of UTF-16 code units is not valid UTF-32.
    text = "\x00" + SEED + "."
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert data.startswith(codecs.BOM_UTF32_LE)
    assert decode_bytes(data) == DecodedText(text, "utf-16-le", 0)


def test_bom_with_invalid_utf16_body_is_refused() -> None:
    data = codecs.BOM_UTF16_LE + HEADLINE.encode("utf-16-le") + b"\x41"  # odd length
    with pytest.raises(NotTextError, match="UTF-16 byte-order mark") as info:
        decode_bytes(data, "broken.txt")
    _assert_one_line(info.value, "broken.txt")


def test_empty_bytes_and_empty_file(tmp_path: Path) -> None:
    assert decode_bytes(b"") == DecodedText("", "utf-8", 0)
    assert read_text_file(_write(tmp_path, "empty.txt", b"")) == DecodedText("", "utf-8", 0)


def test_bom_only_gives_empty_text() -> None:
    assert decode_bytes(codecs.BOM_UTF8) == DecodedText("", "utf-8-sig", 0)


# --- Arabic and Latin code pages ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (SEED, "cp1256"),
        (SEED, "iso8859-6"),
        (HEADLINE, "cp1256"),
        (HEADLINE, "iso8859-6"),
        (QUOTED, "cp1256"),
    ],
    ids=["seed-cp1256", "seed-iso8859-6", "headline-cp1256", "headline-iso8859-6", "quoted-cp1256"],
)
def test_arabic_code_pages(tmp_path: Path, text: str, codec: str) -> None:
    data = text.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test really exercises the legacy path
    result = read_text_file(_write(tmp_path, f"article.{codec}.txt", data))
    assert result == DecodedText(text, codec, 0)


@pytest.mark.parametrize(
    ("text", "codec"),
    [(ENGLISH, "cp1252"), (SPANISH, "latin-1"), ("señor", "latin-1"), ("café", "cp1252")],
)
def test_latin_code_pages(tmp_path: Path, text: str, codec: str) -> None:
    # Latin-1 text is reported as cp1252: identical for every printable Latin-1 character.
    result = read_text_file(_write(tmp_path, "english.txt", text.encode(codec)))
    assert result == DecodedText(text, "cp1252", 0)


def test_cp1256_text_is_not_read_as_cp1252() -> None:
    assert decode_bytes(HEADLINE.encode("cp1256")).encoding == "cp1256"
    assert "Ã" not in decode_bytes(QUOTED.encode("cp1256")).text


# --- line endings ------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16-le", "cp1256", "iso8859-6"])
def test_crlf_and_cr_line_endings_are_kept(tmp_path: Path, codec: str) -> None:
    text = SEED.replace("\n", "\r\n") + "\r" + HEADLINE + "\n"
    assert "\r\n" in text
    result = read_text_file(_write(tmp_path, "crlf.txt", _encode(text, codec)))
    assert result.text == text
    assert result.text.count("\r\n") == SEED.count("\n")


# --- nearly UTF-8 ------------------------------------------------------------------------


def test_utf8_with_one_invalid_byte_is_reported_replaced(tmp_path: Path) -> None:
    raw = SEED.encode("utf-8")
    cut = raw.index(b" ", 1000)  # a character boundary
    data = raw[:cut] + b"\xff" + raw[cut:]
    result = read_text_file(_write(tmp_path, "damaged.txt", data))
    assert result.encoding == "utf-8"
    assert result.replaced == 1
    assert result.text == raw[:cut].decode() + "\ufffd" + raw[cut:].decode()


def test_genuine_replacement_character_is_not_counted() -> None:
    text = SEED + " \ufffd"
    data = text.encode("utf-8") + b"\xc3"  # one truncated sequence at the end
    result = decode_bytes(data)
    assert (result.text, result.encoding, result.replaced) == (text + "\ufffd", "utf-8", 1)


def test_many_invalid_bytes_are_not_nearly_utf8() -> None:
    # A short cp1252 word is "UTF-8 with one bad byte" in absolute terms, but 100 % damaged.
    assert decode_bytes("café au lait".encode("cp1252")).encoding == "cp1252"


# --- refusal of binary files -------------------------------------------------------------


def _zip_bytes(tmp_path: Path, docx: bool) -> bytes:
    path = tmp_path / ("w.docx" if docx else "a.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if docx:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/document.xml", f"<w:document>{HEADLINE}</w:document>")
        else:
            z.writestr("notes.txt", SEED)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "kind", "what"),
    [
        ("picture.png", "png", "PNG image"),
        ("report.pdf", "pdf", "PDF document"),
        ("archive.zip", "zip", "ZIP archive"),
        ("article.docx", "docx", "Word document"),
        ("renamed.txt", "docx", "Word document"),
        ("photo.jpg", "jpeg", "JPEG image"),
        ("anim.gif", "gif", "GIF image"),
        ("article.txt.gz", "gzip", "gzip-compressed file"),
    ],
)
def test_known_binary_formats_are_refused(tmp_path: Path, name: str, kind: str, what: str) -> None:
    data = {
        "png": _png_bytes,
        "pdf": lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "zip": lambda: _zip_bytes(tmp_path, docx=False),
        "docx": lambda: _zip_bytes(tmp_path, docx=True),
        "jpeg": lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
        "gif": lambda: b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04",
        "gzip": lambda: gzip.compress(SEED.encode("utf-8")),
    }[kind]()
    with pytest.raises(NotTextError) as info:
        read_text_file(_write(tmp_path, name, data))
    assert str(info.value) == f"{name} is not a text file (it looks like a {what})."


def test_pdf_message_is_exactly_one_human_line(tmp_path: Path) -> None:
    with pytest.raises(NotTextError) as info:
        read_text_file(_write(tmp_path, "report.pdf", b"%PDF-1.4\n"))
    assert str(info.value) == "report.pdf is not a text file (it looks like a PDF document)."


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    rng = random.Random(20250819)
    for i in range(20):
        data = rng.randbytes(4096)
        with pytest.raises(NotTextError) as info:
            read_text_file(_write(tmp_path, f"random{i}.bin", data))
        _assert_one_line(info.value, f"random{i}.bin")


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    rng = random.Random(7)
    for i in range(20):
        data = bytes(rng.randrange(1, 256) for _ in range(4096))
        with pytest.raises(NotTextError) as info:
            read_text_file(_write(tmp_path, f"noise{i}.dat", data))
        assert str(info.value) == (
            f"noise{i}.dat could not be read as text in any known encoding "
            "(UTF-8, UTF-16, Windows-1256, ISO-8859-6, Windows-1252)."
        )


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    data = SEED.encode("utf-8")[:500] + b"\x00\x00\x01\x02" + SEED.encode("utf-8")[500:]
    with pytest.raises(NotTextError) as info:
        read_text_file(_write(tmp_path, "notes.txt", data))
    assert str(info.value) == "notes.txt is not a text file (it contains NUL bytes)."


def test_all_nul_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotTextError) as info:
        read_text_file(_write(tmp_path, "zeros.txt", bytes(1024)))
    _assert_one_line(info.value, "zeros.txt")


def test_utf16_without_bom_is_refused_with_a_hint(tmp_path: Path) -> None:
    data = SEED.encode("utf-16-le")
    with pytest.raises(NotTextError, match="save it again as UTF-8") as info:
        read_text_file(_write(tmp_path, "word-unicode.txt", data))
    _assert_one_line(info.value, "word-unicode.txt")


def test_control_characters_are_refused() -> None:
    data = bytes(range(1, 9)) * 50 + b"abc"  # valid UTF-8, no NUL, but not text
    with pytest.raises(NotTextError, match="control characters") as info:
        decode_bytes(data, "term.log")
    _assert_one_line(info.value, "term.log")


def test_name_with_newline_still_gives_one_line() -> None:
    with pytest.raises(NotTextError) as info:
        decode_bytes(b"%PDF-1.4", "evil\nname.pdf")
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("evil\ufffdname.pdf is not a text file")


# --- reading files -----------------------------------------------------------------------


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    data = SEED.encode("utf-8")
    path = _write(tmp_path, "long.txt", data)
    with pytest.raises(FileTooLargeError) as info:
        read_text_file(path, max_bytes=len(data) - 1)
    message = str(info.value)
    _assert_one_line(info.value, "long.txt")
    assert "the limit is" in message
    # Exactly at the limit is fine.
    assert read_text_file(path, max_bytes=len(data)).text == SEED


def test_limit_is_named_in_mb(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"a" * (3 * 1024 * 1024))
    with pytest.raises(FileTooLargeError) as info:
        read_text_file(path, max_bytes=2 * 1024 * 1024)
    assert str(info.value) == "big.txt is too large to import (3 MB; the limit is 2 MB)."


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileReadError) as info:
        read_text_file(tmp_path / "missing.txt")
    assert str(info.value) == "missing.txt could not be found."


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    with pytest.raises(FileReadError) as info:
        read_text_file(folder)
    assert str(info.value) == "articles is a folder, not a file."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(FileReadError) as info:
        read_text_file(fifo)
    assert str(info.value) == "pipe.txt is not a regular file."


def test_str_path_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "عنوان.txt", HEADLINE.encode("cp1256"))
    assert read_text_file(str(path)) == DecodedText(HEADLINE, "cp1256", 0)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    try:
        with pytest.raises(FileReadError) as info:
            read_text_file(path)
        assert str(info.value) == "secret.txt could not be opened (permission denied)."
    finally:
        path.chmod(0o600)


def test_error_hierarchy() -> None:
    for cls in (NotTextError, FileTooLargeError, FileReadError):
        assert issubclass(cls, DecodingError)


# --- properties --------------------------------------------------------------------------


def _check_outcome(data: bytes) -> None:
    try:
        result = decode_bytes(data, "fuzz.bin")
    except DecodingError as e:
        _assert_one_line(e, "fuzz.bin")
    else:
        assert isinstance(result, DecodedText)
        assert isinstance(result.text, str)
        assert result.encoding in KNOWN_ENCODINGS
        assert result.replaced >= 0
        assert "\ufeff" not in result.text[:1]


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_decode_or_raise_decoding_error(data: bytes) -> None:
    _check_outcome(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0x20, max_value=0xFF), max_size=200).map(bytes))
def test_high_bytes_exercise_the_code_page_path(data: bytes) -> None:
    _check_outcome(data)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300).filter(
        lambda t: not t.startswith("\ufeff")
    )
)
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == DecodedText(text, "utf-8", 0)
