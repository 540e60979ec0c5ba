"""Folding with an offset map, and sentence splitting on real Arabic."""

from pathlib import Path

from factdesk.text.normalize import fold, fold_for_matching
from factdesk.text.sentences import paragraph_spans, sentence_spans

SEED = Path(__file__).resolve().parents[2] / "seeds" / "white-house-summit.ar.txt"


def test_folding_keeps_a_map_back_to_the_original():
    text = "قال: \u200fجدًا. ستُقدَّم «نعم» ٤٠ أنّ"
    f = fold_for_matching(text)
    assert f.text == "قال: جدا. ستقدم «نعم» 40 ان"
    for word in ("جدا", "ستقدم", "40", "ان"):
        i = f.text.index(word)
        s, e = f.span(i, i + len(word))
        assert fold_for_matching(text[s:e]).text == word
    i = f.text.index("ستقدم")
    assert text[slice(*f.span(i, i + 5))] == "ستُقدَّم"


def test_folding_of_the_seed_maps_every_index():
    text = SEED.read_text(encoding="utf-8")
    f = fold_for_matching(text)
    assert len(f.text) < len(text)  # harakat were removed
    for i in range(0, len(f.text), 7):
        assert fold_for_matching(text[f.orig(i)]).text == f.text[i]


def test_search_key_folds_hamza_ta_marbuta_and_case():
    assert fold("الإجتماعُ") == fold("الاجتماع")
    assert fold("مدرسة") == fold("مدرسه")
    assert fold("Trump") == "trump"


def _sentences(text: str, protected=()) -> list[str]:
    f = fold_for_matching(text).text
    return [f[s:e] for s, e in sentence_spans(f, paragraph_spans(f), protected)]


def test_initials_do_not_end_a_sentence():
    got = _sentences("قال نائب الرئيس جيه. دي. فانس إن الاتفاق قريب. ثم غادر.")
    assert len(got) == 2
    assert got[0].endswith("قريب.")


def test_english_abbreviations_and_arabic_question_mark():
    assert len(_sentences("Mr. Smith met Dr. Jones in the U.S. on Monday. They left.")) == 2
    assert len(_sentences("هل انتهت الحرب؟ لا أحد يعرف.")) == 2


def test_period_inside_a_quotation_does_not_split():
    text = 'وقال: "الأمر صعب. لكننا سننجح". ثم غادر.'
    f = fold_for_matching(text).text
    s, e = f.index("الامر"), f.index("سننجح") + len("سننجح")
    got = [f[a:b] for a, b in sentence_spans(f, paragraph_spans(f), [(s, e)])]
    assert len(got) == 2
    assert got[0].endswith('".')


def test_paragraphs_are_lines():
    text = "أول سطر.\r\n\r\nثاني سطر.\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["أول سطر.", "ثاني سطر."]
