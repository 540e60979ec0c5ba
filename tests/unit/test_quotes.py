"""Quotation marks of every kind, titles that are not quotes, and broken input."""

import pytest

from factdesk.extract import extract


def quotes(text: str) -> list[str]:
    return [c.text for c in extract(text).of_kind("quote")]


@pytest.mark.parametrize(
    "text, inside",
    [
        ('وقال: "الاقتصاد يتعافى ببطء شديد".', "الاقتصاد يتعافى ببطء شديد"),
        ("وقال: «الاقتصاد يتعافى ببطء شديد».", "الاقتصاد يتعافى ببطء شديد"),
        ("He said: “the economy is recovering slowly.”", "the economy is recovering slowly"),
        ("Er sagte: „die Wirtschaft erholt sich langsam“.", "die Wirtschaft erholt sich langsam"),
        ("She called it ‘a very bad deal indeed’ on Monday.", "a very bad deal indeed"),
    ],
)
def test_every_common_mark(text, inside):
    assert quotes(text) == [inside]


def test_apostrophes_are_not_quote_marks():
    text = "The minister didn’t say it; Reuters’ report and the workers' union don't agree."
    assert quotes(text) == []


def test_quote_over_several_sentences_is_one_quote():
    text = 'قال الوزير: "لن نتراجع. سنواصل العمل. هذا وعدنا للناس".'
    assert quotes(text) == ["لن نتراجع. سنواصل العمل. هذا وعدنا للناس"]


def test_quoted_names_are_titles_not_quotes():
    r = extract('أفادت صحيفة "فاينانشال تايمز" أن الاتفاق قريب. وبث برنامج «هنا العاصمة» تقريرا.')
    assert r.of_kind("quote") == []
    assert [t.text for t in r.titles] == ["فاينانشال تايمز", "هنا العاصمة"]


def test_scare_quotes_of_one_or_two_words_are_not_statements():
    assert quotes('ووصف الهجوم بـ"الإرهابي" في بيانه.') == []


@pytest.mark.parametrize(
    "text",
    ['قال: "بلا نهاية', "«« »» ‹‹ ›", '"""', "“a „b ‘c’ d” e“", "'", "x » y « z", '"\n"'],
)
def test_unbalanced_or_nested_marks_never_break(text):
    r = extract(text)
    for c in r.claims:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text


def test_nested_quote_inside_a_quote_stays_one_quote():
    text = 'قال: «نحن نرفض ما سماه "السلام الاقتصادي" الذي يروج له».'
    assert quotes(text) == ['نحن نرفض ما سماه "السلام الاقتصادي" الذي يروج له']
