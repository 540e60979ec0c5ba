"""The gold set: offsets are right, the seed scores 1.0, and the dev set holds its level."""

import json
from pathlib import Path

import pytest

from factdesk.extract.evaluate import evaluate_file, evaluate_paths

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
FILES = sorted(GOLD.glob("*.gold.json"))


def test_there_is_a_development_set():
    assert len(FILES) >= 13
    langs = {json.loads(p.read_text(encoding="utf-8"))["language"] for p in FILES}
    assert langs == {"ar", "en"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_gold_offsets_index_the_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["file"]).read_text(encoding="utf-8")
    for key in ("quotes", "statements", "numeric_claims"):
        for item in gold.get(key, []):
            assert text[item["start"]:item["end"]] == item["text"], (key, item["text"])


def test_seed_scores_one_everywhere():
    report = evaluate_file(GOLD / "white-house-summit.ar.gold.json")
    for key, c in report.counts.items():
        if c.gold:
            assert c.prf(c.exact) == (1.0, 1.0, 1.0), key
    for attr in ("speaker", "source", "value", "unit"):
        assert report.accuracy(attr) == 1.0, attr


def test_development_set_does_not_regress():
    """Floors a little under the scores measured when this test was written (see README)."""
    report = evaluate_paths([GOLD])
    f1 = {k: c.prf(c.overlap)[2] for k, c in report.counts.items()}
    assert f1["quotes"] >= 0.95
    assert f1["numeric_claims"] >= 0.97
    assert f1["statements"] >= 0.94
    assert report.accuracy("value") >= 0.98
    assert report.accuracy("speaker") >= 0.88
    assert report.accuracy("source") >= 0.90
