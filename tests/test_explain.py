"""Why the grade is not one higher, in numbers a reader cannot misread (``maturity.explain``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import maturity
from maturity.explain import apart, explain_next_level

P67_R109 = Path(__file__).resolve().parent / "data" / "p67-b-round109.yaml"
"""The seating plant p67-b as its assessor answered it before round 111 (3.7976: just under
the L4 band); round 111's leadership answer lifts the committed file to L4."""

scores = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)


@given(scores, scores, st.integers(min_value=0, max_value=3))
def test_a_value_short_of_its_bound_never_reads_as_reaching_it(value, bound, digits):
    shown, needed = apart(value, bound, digits)
    if value < bound and bound - value >= 2 * 10 ** -(digits + 4):
        assert float(shown) < float(needed), (value, bound, shown, needed)
    if value >= bound:  # nothing to tell apart: the usual precision
        assert shown == f"{value:.{digits}f}" and needed == f"{bound:.{digits}f}"


def test_the_bound_keeps_its_short_form_where_the_two_read_apart():
    assert apart(0.42, 0.8, 2, strip=True) == ("0.42", "0.8")
    assert apart(22.0, 40, 1, strip=True) == ("22.0", "40")
    assert apart(0.7996, 0.8, 2, strip=True) == ("0.7996", "0.8000")


def test_a_total_just_under_the_band_is_not_shown_as_reaching_it():
    """Round 109: a seating plant at S = 3.7976 was told "L4 needs a total score of 3.80;
    the total is 3.80" under a grade of L3."""
    answers = maturity.load_answers(P67_R109)
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    assert a.level == 3 and 3.795 < a.score < 3.8
    first = explain_next_level(q, a, "en")[0]
    assert first == "L4 needs a total score of 3.800; the total is 3.798.", first
    assert "3.800" in explain_next_level(q, a, "zh")[0]


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_every_headline_writes_that_total_the_same_way(tmp_path, fmt):
    """The headline's score beside the grade: "L3 ... Score 3.80" read as the L4 band."""
    from maturity.cli import main

    out = tmp_path / f"r.{fmt}"
    assert main(["report", str(P67_R109), "-f", fmt, "--lang", "en", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "3.798 / 5" in text
    assert "3.80 / 5" not in text


def test_another_total_of_the_plant_is_written_against_its_own_band():
    """The completeness line's best case ("would not change the grade (best case: score
    3.80)", or "could be L4 (score 4.80)" for 4.7996, which reads as L5) follows the
    headline's rule, against the band above the grade that total reaches."""
    from maturity.explain import score_text

    answers = maturity.load_answers(P67_R109)
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    assert score_text(q, a.score, a.level) == "3.798"
    assert score_text(q, 3.7996, 3) == "3.7996"
    assert score_text(q, 4.7996, 4) == "4.7996"
    assert score_text(q, 3.9, 4) == "3.90"
    assert score_text(q, 4.9, 5) == "4.90"  # the top grade: no band above
    assert score_text(q, 3.7976, 3, 1) == "3.798"  # the TUI status bar's one decimal


def test_a_gap_of_unanswered_questions_says_so():
    """A first-time user halfway through read "Marketing and sales: level-1 score 0.00" as a
    finding about the plant, when its questions were not yet answered."""
    from pathlib import Path

    import yaml

    import maturity
    from maturity.explain import explain_next_level

    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    doc = yaml.safe_load(example.read_text("utf-8"))
    q = maturity.load_questionnaire("general")
    marketing = [k for k in doc["answers"] if k.startswith("business.marketing.")]
    for k in marketing:
        doc["answers"].pop(k)
    a = maturity.assess(q, doc)
    lines = explain_next_level(q, a, "en", top=40)
    mine = [x for x in lines if x.startswith("- Marketing and sales")]
    assert mine and f"({len(marketing)} unanswered)" in mine[0], lines
    assert all("unanswered" not in x for x in lines if x.startswith("- ") and x not in mine)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_points_total_reads_alike_in_the_headline_and_the_why_not(tmp_path, lang):
    """The SME workshop's report said "27.62 / 100" and, two lines on, "L2 needs 40 points;
    the total is 27.6": one total, written two ways."""
    from maturity.explain import score_text

    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "sme-workshop.yaml"
    a = maturity.assess(example)
    q = maturity.questionnaire_for(maturity.load_answers(example))
    headline = score_text(q, a.score, a.level)
    assert headline == "27.62"
    first = explain_next_level(q, a, lang)[0]
    assert f" {headline} " in first or f" {headline}." in first, first


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_grade_rules_over_different_questions_read_as_two_rules(lang):
    """The SME scenario questions' line read "L1 needs 5 at level 1 or above, you have 0; L1
    needs 3 at level 1 or above, you have 0": one rule said twice, to the reader; the two
    count over the 16 scenarios and over the 9 mandatory ones."""
    from maturity.explain import gate_progress

    q = maturity.load_questionnaire("sme")
    a = maturity.assess(q, {})
    line = gate_progress(q, a, "operations", lang)
    rules = line.split("：" if lang == "zh" else ": ", 1)[1].split("；" if lang == "zh" else "; ")
    assert len(rules) == 2 and rules[0] != rules[1]
    assert ("16" in rules[0] and "9" in rules[1]), rules
    assert all(("现有0个" if lang == "zh" else "you have 0") in r for r in rules)
