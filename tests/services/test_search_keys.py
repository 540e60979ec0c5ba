"""The search key: every word is findable as typed and without its proclitics."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factdesk.services.search import clitic_variants, fts5_query, pg_tsquery, search_text

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىة"
word = st.text(alphabet=LETTERS, min_size=3, max_size=9)
PREFIXES = ["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "وب", "ول", "فب", "وبال"]


@given(word.filter(lambda w: not w.startswith(("ال", "لل"))), st.sampled_from(PREFIXES))
def test_a_word_with_proclitics_is_indexed_bare(w: str, prefix: str) -> None:
    """The query «w» finds و/ف + ب/ل/ك + ال + w in any combination (بالرئيس، وللبنان...)."""
    from factdesk.text.normalize import fold

    assert fold(w) in search_text(f"قال {prefix}{w} أمس").split()


@given(word)
def test_the_word_as_written_is_always_indexed(w: str) -> None:
    from factdesk.text.normalize import fold

    assert fold(w) in search_text(w).split()


def test_lam_alif_lam_contraction() -> None:
    assert {"الاجتماع", "اجتماع"} <= clitic_variants("للاجتماع")
    assert "بوتين" in clitic_variants("وبوتين") and "بوتين" in clitic_variants("لبوتين")
    assert "لبنان" in clitic_variants("للبنان") and "لبنان" in clitic_variants("وللبنان")
    assert clitic_variants("بين") == frozenset()  # too short to strip: بين is a word


def test_queries_quote_words_and_keep_prefix_stars() -> None:
    assert fts5_query('بوتين "OR" اجتما*') == '"بوتين" "or" "اجتما"*'
    assert pg_tsquery("بوتين اجتما*") == "'بوتين' & 'اجتما':*"
    assert fts5_query("  ...  ") is None
