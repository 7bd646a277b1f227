"""Why the grade is not one higher, in numbers a reader cannot misread (``maturity.explain``)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import maturity
from maturity.explain import apart, explain_next_level

CAL = Path(__file__).resolve().parents[1] / "docs" / "calibration" / "answers" / "after"

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
    answers = maturity.load_answers(CAL / "p67-b.yaml")
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    assert a.level == 3 and 3.795 < a.score < 3.8
    first = explain_next_level(q, a, "en")[0]
    assert first == "L4 needs a total score of 3.800; the total is 3.798.", first
    assert "3.800" in explain_next_level(q, a, "zh")[0]
