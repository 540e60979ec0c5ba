"""Any string in: no exception, and every span indexes the text it came from."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.extract import extract

# Arabic letters, harakat, digits of both kinds, every quote mark, controls and punctuation:
# the characters that move offsets or pair marks.
ALPHABET = st.sampled_from(
    list("قالترمبوأإآىةيدنسع") + list("ًٌٍَُِّْـ") + list("0123456789٠١٢٣٤٥٦٧٨٩٫٬%$€")
    + list("\"'«»“”„‘’‹›") + list(" \n\r\t.,،؛:؟!()-") + ["\u200f", "\u200e", "\ufeff"]
    + ["مليار", "دولار", "ساعتين", "وقال", "إن", "أن", "حوالي", "أكثر من", "said", "that"]
)


def _check(text: str) -> None:
    r = extract(text)
    for item in r.claims:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start:item.end] == item.text
    for t in r.titles:
        assert text[t.start:t.end] == t.text


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_news_shaped_strings(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_string(text):
    _check(text)
