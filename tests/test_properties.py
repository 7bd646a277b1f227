"""Scoring invariants, property-tested on generated questionnaires and answers."""

from __future__ import annotations

import copy
import random
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from maturity import assess
from maturity.loading import answers_from_raw
from maturity.model import Assessment, Questionnaire
from maturity.rating import EPS
from maturity.validation import scope_questions

from .strategies import answer_for, answer_sets, bottom_answer, build, questionnaires, raised, top_answer

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _file(q: Questionnaire, answers: dict[str, Any], **enterprise: Any) -> dict[str, Any]:
    return {"format": "maturity-answers/1", "questionnaire": q.ref,
            "enterprise": enterprise, "answers": answers}


def _score(q: Questionnaire, answers: dict[str, Any], **enterprise: Any) -> Assessment:
    return assess(q, _file(q, answers, **enterprise))


def _parts(a: Assessment) -> list[tuple[str, int, float, list[float | None]]]:
    """(id, level, score, level scores) of the total, every dimension and every indicator."""
    out = [("total", a.level, a.score, a.level_scores)]
    for d in a.dimensions:
        out.append((d.id, d.level, d.score, d.level_scores))
        for i in d.indicators:
            out.append((i.id, i.level, i.score, i.level_scores))
    return out


@st.composite
def scored(draw: st.DrawFn, method: str | None = None, na: bool = True):
    q = build(draw(questionnaires(method)))
    answers = draw(answer_sets(q, na=na))
    ptype = draw(st.sampled_from([None, "process", "discrete"]))
    enterprise = {"production_type": ptype} if ptype else {}
    return q, answers, enterprise


@SETTINGS
@given(scored())
def test_levels_and_scores_stay_in_range(case):
    q, answers, enterprise = case
    a = _score(q, answers, **enterprise)
    n = len(q.levels)
    assert 0 <= a.level <= n
    assert -EPS <= a.score <= a.score_max + EPS
    assert 0 <= a.completeness <= 1
    assert a.answered + a.unanswered + a.not_applicable + a.closed == len(q.questions)
    for d in a.dimensions:
        assert 0 <= d.level <= n
        assert -EPS <= d.score <= d.score_max + EPS
        for i in d.indicators:
            assert 0 <= i.level <= n
            assert -EPS <= i.score <= i.score_max + EPS
            for r in i.questions:
                assert r.level is None or 0 <= r.level <= n
                assert r.fraction is None or -EPS <= r.fraction <= 1 + EPS
    for _, _, _, scores in _parts(a):
        assert all(s is None or -EPS <= s <= 1 + EPS for s in scores)
    if a.next_level is not None:
        assert a.next_level.level == a.level + 1
    else:
        assert a.level == n


@SETTINGS
@given(scored(na=False), st.data())
def test_raising_one_answer_never_lowers_any_score_or_level(case, data):
    """Over every rated answer; a scope question (weight 0, tested by applies.when) decides
    what is assessed, not how well, and is the only exception (docs/authoring.md)."""
    q, answers, enterprise = case
    qid = data.draw(st.sampled_from(sorted(set(q.questions) - scope_questions(q))))
    question = q.questions[qid][2]
    better = dict(answers)
    better[qid] = data.draw(raised(question, answers.get(qid)))
    before = _score(q, answers, **enterprise)
    after = _score(q, better, **enterprise)
    for (pid, lvl0, s0, ls0), (_, lvl1, s1, ls1) in zip(_parts(before), _parts(after), strict=True):
        assert lvl1 >= lvl0, f"{pid}: level fell from {lvl0} to {lvl1} when {qid} was raised"
        assert s1 >= s0 - 1e-9, f"{pid}: score fell from {s0} to {s1} when {qid} was raised"
        for k, (x, y) in enumerate(zip(ls0, ls1, strict=True)):
            if x is not None and y is not None:
                assert y >= x - 1e-9, f"{pid}: level-{k + 1} score fell when {qid} was raised"


@SETTINGS
@given(scored(), st.randoms(use_true_random=False))
def test_answer_order_and_yaml_key_order_do_not_matter(case, rnd: random.Random):
    q, answers, enterprise = case
    doc = _file(q, answers, **enterprise)
    items = list(answers.items())
    rnd.shuffle(items)
    shuffled = {"answers": dict(items), "enterprise": enterprise, "questionnaire": q.ref,
                "format": "maturity-answers/1"}
    text = yaml.safe_dump(shuffled, allow_unicode=True, sort_keys=False)
    from maturity._yaml import parse_yaml

    reparsed = answers_from_raw(parse_yaml(text, "shuffled.yaml"), "shuffled.yaml")
    assert assess(q, doc) == assess(q, reparsed)


def _referenced(q: Questionnaire) -> set[str]:
    refs: set[str] = set()
    for _, _, question in q.questions.values():
        if question.follow_up:
            refs.add(question.follow_up.question)
    for req in getattr(q.scoring, "requirements", []):
        refs.update(req.mandatory)
    return refs


def _without(raw: dict[str, Any], qid: str) -> dict[str, Any]:
    """The raw questionnaire without one question (and without emptied indicators / dimensions)."""
    out = copy.deepcopy(raw)
    d_id, i_id, q_id = qid.split(".")
    for dim in out["dimensions"]:
        if dim["id"] != d_id:
            continue
        for ind in dim["indicators"]:
            if ind["id"] == i_id:
                ind["questions"] = [x for x in ind["questions"] if x["id"] != q_id]
        dim["indicators"] = [i for i in dim["indicators"] if i["questions"]]
    out["dimensions"] = [d for d in out["dimensions"] if d["indicators"]]
    return out


@SETTINGS
@given(questionnaires(), st.data())
def test_not_applicable_equals_removing_the_question(raw, data):
    q = build(raw)
    # a follow-up that is not opened scores as "not yet" whatever it is answered
    # (so that "no MES" + "n/a" can never beat "no MES"): n/a = removal holds for the rest
    candidates = [qid for qid, (_, _, x) in q.questions.items()
                  if x.allow_na and x.follow_up is None and qid not in _referenced(q)]
    assume(candidates and len(q.questions) > 1)
    qid = data.draw(st.sampled_from(candidates))
    reduced_raw = _without(raw, qid)
    # removing the question must leave some positive weight in every group it touched
    try:
        reduced = build(reduced_raw)
    except AssertionError:
        assume(False)
    answers = data.draw(answer_sets(reduced))
    with_na = _score(q, {**answers, qid: "n/a"})
    removed = _score(reduced, answers)
    assert with_na.level == removed.level
    assert abs(with_na.score - removed.score) < 1e-9
    assert len(with_na.level_scores) == len(removed.level_scores)
    for x, y in zip(with_na.level_scores, removed.level_scores, strict=True):
        assert (x is None) == (y is None) and (x is None or abs(x - y) < 1e-9)
    kept = {p[0]: p for p in _parts(removed)}
    for pid, level, score, _ in _parts(with_na):
        if pid in kept:
            assert level == kept[pid][1], pid
            assert abs(score - kept[pid][2]) < 1e-9, pid


def _without_item(raw: dict, qid: str, item: str) -> dict:
    out = copy.deepcopy(raw)
    d_id, i_id, q_id = qid.split(".")
    for dim in out["dimensions"]:
        for ind in dim["indicators"]:
            for x in ind["questions"]:
                if dim["id"] == d_id and ind["id"] == i_id and x["id"] == q_id:
                    x["items"] = [it for it in x["items"] if it["id"] != item]
    return out


@st.composite
def with_na_item(draw: st.DrawFn) -> tuple[dict, str, str]:
    """A questionnaire with a checklist (not a follow-up) one of whose items allows n/a."""
    raw = draw(questionnaires(method="cmmm"))
    n = len(raw["levels"])
    size = draw(st.integers(2, 4))
    items = [{"id": f"k{k}", "text": {"en": f"item {k}", "zh": f"item {k}"},
              "level": draw(st.integers(1, n)), "weight": draw(st.sampled_from([0.5, 1.0, 2.0]))}
             for k in range(size)]
    items[0]["allow_na"] = True
    first = raw["dimensions"][0]["indicators"][0]
    first["questions"].append(
        {"id": "nacheck", "kind": "checklist", "text": {"en": "checklist", "zh": "checklist"},
         "weight": draw(st.sampled_from([0.5, 1.0, 2.0])), "items": items,
         **({"group": "g0.h"} if "groups" in first else {})})
    qid = f"{raw['dimensions'][0]['id']}.{raw['dimensions'][0]['indicators'][0]['id']}.nacheck"
    return raw, qid, "k0"


@SETTINGS
@given(with_na_item(), st.data())
def test_a_checklist_item_rated_na_equals_removing_the_item(case, data):
    raw, qid, item = case
    q = build(raw)
    reduced = build(_without_item(raw, qid, item))
    answers = data.draw(answer_sets(reduced))
    ratings = st.sampled_from(["fully", "mostly", "partly", "not"])
    own = {it.id: data.draw(ratings) for it in reduced.questions[qid][2].items}
    answers[qid] = own  # a rated checklist (an empty one is unanswered, not n/a)
    with_na = _score(q, {**answers, qid: {**own, item: "n/a"}})
    removed = _score(reduced, answers)
    assert with_na.level == removed.level
    assert abs(with_na.score - removed.score) < 1e-9
    for x, y in zip(with_na.level_scores, removed.level_scores, strict=True):
        assert (x is None) == (y is None) and (x is None or abs(x - y) < 1e-9)


@SETTINGS
@given(questionnaires())
def test_all_answers_at_the_top_give_the_top_level(raw):
    q = build(raw)
    a = _score(q, {qid: top_answer(x) for qid, (_, _, x) in q.questions.items()})
    assert a.level == len(q.levels)
    assert a.next_level is None
    assert abs(a.score - a.score_max) < 1e-9
    assert a.completeness == 1


@SETTINGS
@given(questionnaires())
def test_all_answers_at_not_yet_give_below_level_one(raw):
    """Below L1, unless the lowest levels ask nothing of this plant (every question that
    asks something there is n/a or switched off by a bottom answer): a level with no
    requirement is met by everyone (hypothesis found one, with L1's only question behind
    a "no"), and the bottom answers reach exactly those levels and no further."""
    q = build(raw)
    a = _score(q, {qid: bottom_answer(x) for qid, (_, _, x) in q.questions.items()})
    vacuous = next((k for k, s in enumerate(a.level_scores) if s is not None), len(q.levels)) \
        if a.method == "cmmm" else 0
    assert a.level == vacuous
    assert abs(a.score - vacuous) < 1e-9
    if vacuous < len(q.levels):
        assert a.next_level is not None and a.next_level.level == vacuous + 1


@SETTINGS
@given(scored())
def test_assessment_json_round_trip_is_lossless(case):
    q, answers, enterprise = case
    a = _score(q, answers, **enterprise)
    again = Assessment.model_validate_json(a.model_dump_json())
    assert again == a
    assert again.model_dump(mode="json") == a.model_dump(mode="json")


@SETTINGS
@given(scored())
def test_unanswered_scores_like_not_yet_and_lowers_completeness(case):
    q, answers, enterprise = case
    blanks = [qid for qid in q.questions if qid not in answers]
    assume(blanks)
    filled = dict(answers)
    for qid in blanks:
        filled[qid] = bottom_answer(q.questions[qid][2])
    a, b = _score(q, answers, **enterprise), _score(q, filled, **enterprise)
    assert a.level == b.level and abs(a.score - b.score) < 1e-9
    assert a.completeness <= b.completeness


@SETTINGS
@given(scored(na=False), st.data())
def test_the_best_case_of_the_unanswered_questions_is_an_upper_bound(case, data):
    """No answers to the unanswered questions (nor to the questions they open) give a
    higher grade or score than the completeness check's best case."""
    from maturity.diagnosis import completeness
    from maturity.improve import restore_values

    q, answers, enterprise = case
    a = _score(q, answers, **enterprise)
    check = completeness(q, restore_values(q, a.answers), a)
    filled = dict(answers)
    for _ in range(len(q.questions)):  # answer what is open and blank, again as gates open
        probe = _score(q, filled, **enterprise)
        blank = [r.id for d in probe.dimensions for i in d.indicators for r in i.questions
                 if r.status == "unanswered" and r.id not in filled]
        if not blank:
            break
        for qid in blank:
            filled[qid] = data.draw(answer_for(q.questions[qid][2]))
    after = _score(q, filled, **enterprise)
    assert after.level <= check.best_level
    assert after.score <= check.best_score + 1e-9
