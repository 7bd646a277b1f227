"""Engine behaviour on small hand-made questionnaires: conditions, profiles, points method."""

from __future__ import annotations

from typing import Any

import pytest

from maturity import assess
from maturity.model import Questionnaire

T = {"en": "t", "zh": "t"}


def _q(dimensions: list[dict[str, Any]], **extra: Any) -> Questionnaire:
    raw = {
        "format": "maturity-questionnaire/1", "id": "t", "version": 1, "title": "t",
        "levels": [{"id": f"L{k}", "name": f"level {k}"} for k in range(1, 6)],
        "scoring": {"method": "cmmm",
                    "bands": [{"level": k, "min": k - 0.2} for k in range(1, 6)]},
        "dimensions": dimensions,
    }
    raw.update(extra)
    return Questionnaire.model_validate(raw)


def _level(qid: str, **extra: Any) -> dict[str, Any]:
    return {"id": qid, "kind": "level", "text": qid,
            "anchors": {k: f"{qid} {k}" for k in range(6)}, **extra}


MES = [{"id": "ops", "name": "ops", "indicators": [{"id": "exec", "name": "exec", "questions": [
    {"id": "mes", "kind": "yesno", "level": 2, "text": "Do you run an MES?"},
    _level("coverage", follow_up={"question": "ops.exec.mes", "equals": True}),
    _level("base"),
]}]}]


def test_a_closed_follow_up_scores_as_not_yet_so_no_mes_never_beats_a_weak_mes():
    q = _q(MES)
    no_mes = assess(q, {"ops.exec.mes": False, "ops.exec.coverage": 5, "ops.exec.base": 3})
    weak_mes = assess(q, {"ops.exec.mes": True, "ops.exec.coverage": 0, "ops.exec.base": 3})
    rows = {r.id: r for r in no_mes.indicator("ops.exec").questions}
    assert rows["ops.exec.coverage"].status == "closed"
    assert rows["ops.exec.coverage"].level == 0
    assert any("ops.exec.coverage" in w for w in no_mes.warnings)  # the ignored answer is reported
    assert no_mes.score <= weak_mes.score
    assert no_mes.closed == 1 and no_mes.completeness == 1  # a closed question is not askable


def test_an_open_follow_up_counts_and_unanswered_lowers_completeness():
    q = _q(MES)
    a = assess(q, {"ops.exec.mes": True, "ops.exec.base": 3})
    rows = {r.id: r for r in a.indicator("ops.exec").questions}
    assert rows["ops.exec.coverage"].status == "unanswered"
    assert a.completeness == pytest.approx(2 / 3)


def test_applicability_by_industry_and_production_type_leaves_questions_out():
    dims = [{"id": "d", "name": "d", "indicators": [{"id": "i", "name": "i", "questions": [
        _level("general"),
        _level("steel_only", applies={"industries": ["steel"]}),
        _level("process_only", applies={"production_types": ["process"]}),
    ]}]}]
    q = _q(dims, industries=[{"id": "steel", "name": "Steel", "production_type": "process"},
                             {"id": "machinery", "name": "Machinery"}],
           production_types=[{"id": "process", "name": "Process"},
                             {"id": "discrete", "name": "Discrete"}])
    answers = {"d.i.general": 4, "d.i.steel_only": 0, "d.i.process_only": 0}
    machinery = assess(q, {"format": "maturity-answers/1", "questionnaire": "t@1",
                           "enterprise": {"industry": "machinery"}, "answers": answers})
    steel = assess(q, {"format": "maturity-answers/1", "questionnaire": "t@1",
                       "enterprise": {"industry": "steel"}, "answers": answers})
    assert machinery.not_applicable == 2 and machinery.level == 4
    assert steel.production_type == "process"  # implied by the industry
    assert steel.not_applicable == 0 and steel.level < machinery.level


def test_production_type_selects_its_weight_profile():
    dims = [{"id": "a", "name": "a", "indicators": [{"id": "i", "name": "i",
                                                     "questions": [_level("q")]}]},
            {"id": "b", "name": "b", "indicators": [{"id": "i", "name": "i",
                                                     "questions": [_level("q")]}]}]
    q = _q(dims, production_types=[{"id": "process", "name": "P", "weights": {"a": 9, "b": 1}},
                                   {"id": "discrete", "name": "D", "weights": {"a": 1, "b": 9}}])

    def run(ptype: str | None):
        return assess(q, {"format": "maturity-answers/1", "questionnaire": "t@1",
                          "enterprise": {"production_type": ptype} if ptype else {},
                          "answers": {"a.i.q": 5, "b.i.q": 1}})

    process, discrete, plain = run("process"), run("discrete"), run(None)
    assert (process.profile, discrete.profile, plain.profile) == ("process", "discrete", None)
    assert process.dimension("a").weight == 9 and discrete.dimension("a").weight == 1
    assert process.level_scores[2] == pytest.approx(0.9)   # L3: a meets it, b does not
    assert discrete.level_scores[2] == pytest.approx(0.1)
    assert plain.level_scores[2] == pytest.approx(0.5)
    assert process.level > discrete.level


def _points_q(requirements: list[dict[str, Any]]) -> Questionnaire:
    return Questionnaire.model_validate({
        "format": "maturity-questionnaire/1", "id": "p", "version": 1, "title": "p",
        "levels": [{"id": f"L{k}", "name": f"{k}"} for k in range(1, 5)],
        "scoring": {"method": "points", "total": 100, "requirements": requirements,
                    "bands": [{"level": 1, "min": 20}, {"level": 2, "min": 40},
                              {"level": 3, "min": 60}, {"level": 4, "min": 80}]},
        "dimensions": [
            {"id": "found", "name": "f", "weight": 60, "indicators": [
                {"id": "net", "name": "n", "questions": [
                    {"id": "rate", "kind": "number", "text": "rate", "min": 0, "max": 100, "bands": [
                        {"min": 0, "max": 10, "level": 0, "fraction": 0},
                        {"min": 10, "max": 40, "level": 1, "fraction": 0.25},
                        {"min": 40, "max": 70, "level": 2, "fraction": 0.5},
                        {"min": 70, "max": 90, "level": 3, "fraction": 0.75},
                        {"min": 90, "max": 100, "level": 4, "fraction": 1}]}]}]},
            {"id": "res", "name": "r", "weight": 40, "indicators": [
                {"id": "q", "name": "q", "questions": [
                    {"id": "trend", "kind": "yesno", "text": "better?"}]}]},
            {"id": "ops", "name": "o", "weight": 0, "indicators": [
                {"id": "s", "name": "s", "questions": [
                    {"id": f"s{k}", "kind": "level", "text": f"s{k}",
                     "anchors": {n: f"{n}" for n in range(5)}} for k in range(3)]}]},
        ],
    })


def test_points_method_adds_weighted_points():
    q = _points_q([])
    a = assess(q, {"found.net.rate": 75, "res.q.trend": True})
    assert a.score == pytest.approx(60 * 0.75 + 40)
    assert a.level == 4
    assert a.dimension("found").score == pytest.approx(45)
    assert a.dimension("found").score_max == pytest.approx(60)
    assert a.dimension("ops").score_max == 0  # weight 0: counts only through requirements


def test_points_requirements_cap_the_grade():
    req = [{"level": 3, "at_least": 2, "count": 2, "among": ["ops"], "mandatory": ["ops.s.s0"],
            "description": "grade 3 needs two scenarios at level 2, including s0"}]
    q = _points_q(req)
    base = {"found.net.rate": 100, "res.q.trend": True}
    capped = assess(q, {**base, "ops.s.s1": 4, "ops.s.s2": 4})  # s0 (mandatory) missing
    assert capped.score == pytest.approx(100)
    assert capped.level == 2
    assert capped.next_level is not None and capped.next_level.unmet_requirements == (0,)
    freed = assess(q, {**base, "ops.s.s0": 2, "ops.s.s1": 2})
    assert freed.level == 4 and freed.next_level is None


def test_assess_accepts_a_plain_mapping_and_reports_bad_values():
    from maturity import AnswersError

    q = _q(MES)
    with pytest.raises(AnswersError) as err:
        assess(q, {"ops.exec.mes": "maybe", "ops.exec.base": 9, "ops.exec.nope": 1})
    text = str(err.value)
    assert "ops.exec.mes" in text and "yes or no" in text
    assert "ops.exec.base" in text and "0 (not yet) to 5" in text
    assert "unknown question id 'ops.exec.nope'" in text
    assert len(err.value.issues) == 3


def test_a_checklist_rated_not_throughout_reaches_no_level():
    """Found by the property test: levels without items used to count on their own, so a
    checklist whose items all belong to level 2, rated "not", 'reached' level 1."""
    from maturity.model.questionnaire import ChecklistQuestion
    from maturity.rating import rate

    question = ChecklistQuestion.model_validate({
        "id": "c", "kind": "checklist", "text": {"en": "c"},
        "items": [{"id": "a", "text": {"en": "a"}, "level": 2},
                  {"id": "b", "text": {"en": "b"}, "level": 4}]})
    assert rate(question, {"a": 0.0, "b": 0.0}, 5, 0.8)[2] == 0
    assert rate(question, {"a": 1.0, "b": 0.0}, 5, 0.8)[2] == 2  # not 3: level 3 has no items
    assert rate(question, {"a": 1.0, "b": 1.0}, 5, 0.8)[2] == 4


def test_answers_rated_before_rate_the_same_after_others():
    """The plan keeps what each (question, answer) rates; a run after other enterprises
    gives exactly what a fresh plan gives (nothing kept is changed by a later run)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from maturity.engine import Plan
    from maturity.model.answers import Enterprise
    from maturity.normalise import check_answers
    from maturity.scoring import _answers_file

    from .strategies import answer_sets, build, questionnaires

    @settings(max_examples=40, deadline=None)
    @given(data=st.data())
    def check(data):
        q = build(data.draw(questionnaires()))
        sets = [check_answers(q, _answers_file({"format": "maturity-answers/1", "questionnaire": q.ref,
                                                "answers": data.draw(answer_sets(q))})) for _ in range(3)]
        ent = Enterprise()
        kept = Plan(q, None)
        first = [kept.run(v, ent) for v in sets] + [kept.run(sets[0], ent)]
        for v, got in zip([*sets, sets[0]], first, strict=True):
            fresh = Plan(q, None).run(v, ent)
            assert (got.level, got.score, got.status, got.reached) == \
                (fresh.level, fresh.score, fresh.status, fresh.reached)
            assert [[(c.level, c.score, c.shares) for c in d.children] for d in got.dims] == \
                [[(c.level, c.score, c.shares) for c in d.children] for d in fresh.dims]

    check()


def test_answers_checked_before_check_the_same_after_others():
    """``check_answers`` keeps what each repeating answer checks to, per questionnaire; on
    answer set after answer set it gives what checking each answer afresh gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from maturity.normalise import check_answers, normalise
    from maturity.scoring import _answers_file

    from .strategies import answer_sets, build, questionnaires

    @settings(max_examples=40, deadline=None)
    @given(data=st.data())
    def check(data):
        q = build(data.draw(questionnaires()))
        for _ in range(4):
            raw = data.draw(answer_sets(q))
            got = check_answers(q, _answers_file({"format": "maturity-answers/1", "questionnaire": q.ref,
                                                  "answers": raw}))
            fresh = {qid: normalise(q.questions[qid][2], v, len(q.levels)) for qid, v in raw.items()
                     if v is not None}
            assert got == {k: v for k, v in fresh.items() if v != {}}
            assert {k: type(v) for k, v in got.items()} == {k: type(fresh[k]) for k in got}

    check()
