"""The engine reproduces the hand-computed worked example of docs/methodology.md."""

from __future__ import annotations

from pathlib import Path

import pytest

import maturity

DATA = Path(__file__).parent / "data"
approx = lambda x: pytest.approx(x, abs=1e-12)  # noqa: E731


@pytest.fixture(scope="module")
def result() -> maturity.Assessment:
    q = maturity.load_questionnaire(DATA / "tiny.yaml")
    return maturity.assess(q, maturity.load_answers(DATA / "tiny-answers.yaml"))


def test_indicators(result):
    ax, ay, bz = result.indicator("a.x"), result.indicator("a.y"), result.indicator("b.z")
    assert ax.level_scores == (approx(1), approx(1), approx(0.5))
    assert (ax.score, ax.level) == (approx(2.5), 2)
    assert ay.level_scores == (approx(1), approx(0.65), approx(0))
    assert (ay.score, ay.level) == (approx(1.65), 1)
    assert bz.level_scores == (approx(1), approx(1), approx(2 / 3))
    assert (bz.score, bz.level) == (approx(1 + 1 + 2 / 3), 2)


def test_question_statuses_and_levels(result):
    rows = {r.id: r for r in result.indicator("a.x").questions + result.indicator("b.z").questions}
    assert rows["a.x.q6"].status == "not_applicable" and rows["a.x.q6"].level is None
    assert rows["a.x.q1"].level == 2 and rows["a.x.q2"].level == 3
    assert rows["b.z.q4"].level == 2 and rows["b.z.q5"].level == 3
    assert result.indicator("a.y").questions[0].level == 1


def test_dimensions(result):
    a, b = result.dimension("a"), result.dimension("b")
    assert a.level_scores == (approx(1), approx(0.7375), approx(0.125))
    assert (a.score, a.level) == (approx(1.7375), 1)
    assert (b.score, b.level) == (approx(1 + 1 + 2 / 3), 2)


def test_total(result):
    assert result.level_scores == (approx(1), approx(0.825), approx((0.25 + 2 / 3) / 3))
    assert result.score == approx(1 + 0.825 + (0.25 + 2 / 3) / 3)
    assert result.level == 2
    assert result.completeness == 1
    assert (result.answered, result.not_applicable, result.unanswered) == (5, 1, 0)


def test_why_not_one_higher(result):
    nl = result.next_level
    assert nl is not None
    assert (nl.level, nl.needed, nl.failing_level) == (3, 2.8, 3)
    assert nl.failing_score == approx((0.25 + 2 / 3) / 3)
    assert [(s.indicator, s.level) for s in nl.shortfalls] == [("a.y", 3), ("b.z", 3), ("a.x", 3)]
    assert [s.impact for s in nl.shortfalls] == [approx(0.5), approx(1 / 9), approx(1 / 12)]
    assert [s.indicator for s in result.dimension("a").holding_back] == ["a.y"]


def test_the_document_states_the_same_numbers():
    text = (Path(__file__).parents[1] / "docs" / "methodology.md").read_text(encoding="utf-8")
    for figure in ("0.7375", "0.825", "0.30556", "2.13056", "1.65", "0.6667", "0.1111", "0.0833"):
        assert figure in text, f"docs/methodology.md no longer states {figure}"


def test_a_level_answer_with_plus_rates_the_next_level_partly_met():
    """``2+``: levels 1-2 met, level 3 "partly met" (GB/T 39117's 0.5); written back as ``2+``."""
    q = maturity.load_questionnaire(DATA / "tiny.yaml")
    doc = maturity.load_answers(DATA / "tiny-answers.yaml").model_dump(mode="json", exclude_none=True)
    level_q = next(qid for qid, (_, _, x) in q.questions.items() if x.kind == "level")
    rows = {}
    for value in (1, "1+", 2):
        doc["answers"][level_q] = value
        a = maturity.assess(q, doc)
        row = next(r for d in a.dimensions for i in d.indicators for r in i.questions if r.id == level_q)
        rows[value] = (row.level, a.answers[level_q], a.indicator(level_q.rsplit(".", 1)[0]).level_scores)
    assert rows["1+"][:2] == (1, "1+") and rows[1][:2] == (1, 1)
    base, plus, two = rows[1][2], rows["1+"][2], rows[2][2]
    assert plus[0] == approx(base[0])
    assert base[1] < plus[1] < two[1]
    assert plus[1] - base[1] == approx((two[1] - base[1]) / 2)


# ------------------------------------------------------- §2: shares on the rating scale


def test_the_rating_map_goes_through_its_three_points_as_documented():
    from maturity.model.questionnaire import CmmmScoring

    s = CmmmScoring(method="cmmm", threshold=0.8, met_share=0.5,
                    bands=[{"level": 1, "min": 0.8}])
    assert [s.rating(x) for x in (0.0, 0.3, 0.5, 0.6, 0.9, 1.0)] == \
        [approx(0), approx(0.48), approx(0.8), approx(0.84), approx(0.96), approx(1)]
    assert s.rating(None) is None
    unset = s.model_copy(update={"met_share": None})
    assert [unset.rating(x) for x in (0.0, 0.3, 0.9)] == [0.0, 0.3, 0.9]
    text = (Path(__file__).parents[1] / "docs" / "methodology.md").read_text(encoding="utf-8")
    for figure in ("0.48", "0.84", "0.96"):
        assert figure in text, f"docs/methodology.md no longer states {figure}"


def test_level_scores_are_the_mapped_shares_and_the_grade_follows_them(result):
    """With ``met_share`` every level score is the rating of the same share, S their sum."""
    q = maturity.load_questionnaire(DATA / "tiny.yaml")
    mapped = q.model_copy(update={"scoring": q.scoring.model_copy(update={"met_share": 0.5})})
    a = maturity.assess(mapped, maturity.load_answers(DATA / "tiny-answers.yaml"))
    rating = mapped.scoring.rating
    assert a.level_scores == tuple(approx(rating(x)) if x is not None else None
                                   for x in result.level_scores)
    for d_plain, d in zip(result.dimensions, a.dimensions, strict=True):
        assert d.level_scores == tuple(approx(rating(x)) if x is not None else None
                                       for x in d_plain.level_scores)
    # shares are at least as high on the rating scale when met_share < threshold
    assert a.score >= result.score and a.level >= result.level
