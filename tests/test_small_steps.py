"""A small firm takes a step as the step's small text says: what that text leaves for
later (``small_omits``) is neither asked of it nor needed to call the step done or begun,
and ``small_done_when`` says when the step at that scale is done.

Round 134: reviewers rated the transformation plan "already has" at 22 of 110 small firms'
"complete what is in place" cards (medium firms: 3 of 135). The card listed a digital team
with written duties and key users, which the step's own small text says "come later, when
there are systems to run"."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import maturity
from maturity.delivery import done, lacking, question_state, started
from maturity.improve import restore_values
from maturity.model.answers import Enterprise
from maturity.recommend import candidates

from .strategies import assess_answers, bottom_answer

TEAM = {"strategy.organisation.leadership", "strategy.organisation.mechanisms"}
KINDS = Path(__file__).resolve().parent / "data" / "five_kinds.yaml"


def _plant(q, **override):
    """Every level answer at 1, every other answer at its lowest, then ``override``."""
    answers = {qid: min(1, max(x.anchors)) if x.kind == "level" else bottom_answer(x)
               for qid, (_, _, x) in q.questions.items()}
    answers.update(override)
    return answers


def _assess(q, answers, size):
    return assess_answers(q, answers, industry="machinery", production_type="discrete", size=size)


def _offered(q, answers, size):
    a = _assess(q, answers, size)
    return {c.scenario.id: c for c in candidates(q, restore_values(q, a.answers), a, None, [])}


@pytest.mark.parametrize("size, offered", [("micro", False), ("small", False), ("medium", True),
                                           ("large", True)])
def test_a_plan_broken_into_projects_with_a_budget_is_the_whole_step_at_a_small_firm(general, size, offered):
    plan = _plant(general, **{"strategy.planning.roadmap": 2, "strategy.planning.investment": 2})
    assert ("digital_transformation_plan" in _offered(general, plan, size)) is offered


@pytest.mark.parametrize("size", ["small", "medium"])
def test_a_written_plan_with_goals_is_not_yet_the_step_at_a_small_firm(general, size):
    """Amended in round 135: done at a written plan and a budget, the step vanished at p11,
    whose one-page plan 'has no projects with owners' (its round-134 reviewer); the small
    text's whole step is the plan broken into projects (``small_done_when``)."""
    plan = _plant(general, **{"strategy.planning.roadmap": 1, "strategy.planning.investment": 2})
    card = _offered(general, plan, size)["digital_transformation_plan"]
    asked = {c.question for c in card.delivers}
    assert "strategy.planning.roadmap" in asked
    assert (asked & TEAM == set()) is (size == "small")


@pytest.mark.parametrize("size", ["small", "medium"])
def test_what_is_left_of_the_plan_leaves_the_team_for_later_at_a_small_firm(general, size):
    plan = _plant(general, **{"strategy.planning.roadmap": 2, "strategy.planning.investment": 1})
    card = _offered(general, plan, size)["digital_transformation_plan"]
    asked = {c.question for c in card.delivers}
    assert "strategy.planning.investment" in asked
    if size == "small":
        assert not asked & TEAM
        assert "finish" in card.reasons  # one step left: the budget, a small step
    else:
        assert asked >= TEAM


@pytest.mark.parametrize("size", ["small", "medium"])
def test_a_small_firms_order_to_cash_system_waits_for_mrp_and_cost_centres(general, size):
    card = _offered(general, _plant(general), size)["erp_core_systems"]
    asked = {c.question for c in card.delivers}
    later = {"operations.scheduling.planning", "business.planning.budgeting"}
    assert "business.procurement.purchasing" in asked
    assert (asked & later == set()) is (size == "small")


def test_the_shipped_steps_at_a_small_firms_scale(general):
    """What the two shipped steps are at a small firm, stated here apart from the code that
    makes them: the plan raises the plan only and is done at projects and a budget; the ERP
    no longer raises planning and scheduling, whose one question it left for later, but
    still business planning, where it still delivers the managers' figures."""
    small = {s.id: s for s in general.scenarios_for(Enterprise(size="micro"))}
    assert general.scenarios_for(Enterprise(size="medium")) is general.scenarios
    assert general.scenarios_for(Enterprise()) is general.scenarios  # size not given
    plan = small["digital_transformation_plan"]
    assert [(t.question, t.level) for t in plan.delivers] == [
        ("strategy.planning.roadmap", 2), ("strategy.planning.investment", 2)]
    assert [(t.question, t.level) for t in plan.done_when] == [
        ("strategy.planning.roadmap", 2), ("strategy.planning.investment", 2)]
    assert [r.indicator for r in plan.raises] == ["strategy.planning"]
    erp = small["erp_core_systems"]
    raised = {r.indicator for r in erp.raises}
    assert "operations.scheduling" not in raised and "business.planning" in raised
    whole = {s.id: s for s in general.scenarios}
    assert small["mes_rollout"] is whole["mes_rollout"]  # a step without small rules: as written


@pytest.fixture
def kinds_small():
    """five_kinds with a step whose small text leaves the yes/no question for later in what
    it delivers, what shows it done and what shows it begun."""
    raw = yaml.safe_load(KINDS.read_text(encoding="utf-8"))
    raw["scenarios"][0].update({
        "small": "One line first.",
        "delivers": [{"question": "ops.main.lvl", "level": 2}, {"question": "ops.main.yn", "level": 2}],
        "done_when": [{"question": "ops.main.lvl", "level": 3}, {"question": "ops.main.yn", "level": 2}],
        "begun_when": [{"question": "ops.main.yn", "level": 2}],
        "small_omits": ["ops.main.yn"],
        "small_done_when": [{"question": "ops.main.lvl", "level": 2}],
    })
    return maturity.Questionnaire.model_validate(raw)


@pytest.mark.parametrize("size", ["small", "medium"])
def test_what_shows_a_step_done_or_begun_follows_the_firms_scale(kinds_small, size):
    q = kinds_small
    def assess(level):
        return maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref,
                                   "enterprise": {"size": size},
                                   "answers": {"ops.main.lvl": level, "ops.main.yn": True}})

    a = assess(2)
    (sc,) = q.scenarios_for(a.enterprise)
    state, values = question_state(a), restore_values(q, a.answers)
    # done: at a small firm at lvl 2 (small_done_when); elsewhere lvl 3 is still to come
    assert done(sc, state, values) is (size == "small")
    a = assess(1)
    state, values = question_state(a), restore_values(q, a.answers)
    gap = lacking(q, sc, state, values)
    assert [c.question for c in gap] == ["ops.main.lvl"]
    # begun: the yes answered is the sign of it begun only where it is asked
    assert started(sc, gap, state, values, len(q.levels)) is (size == "medium")


def test_the_view_follows_a_copy_with_other_scenarios(kinds_small):
    """The view is built once per catalogue: a copy of the questionnaire with other
    scenarios gets its own, never the one built for the original."""
    small = Enterprise(size="small")
    first = kinds_small.scenarios_for(small)
    assert first[0].small_omits and [t.question for t in first[0].delivers] == ["ops.main.lvl"]
    plain = kinds_small.model_copy(update={"scenarios": [kinds_small.scenarios[0].model_copy(
        update={"small_omits": [], "small_done_when": []})]})
    assert [t.question for t in plain.scenarios_for(small)[0].delivers] == ["ops.main.lvl", "ops.main.yn"]
    assert kinds_small.scenarios_for(small) is first  # built once


@pytest.mark.parametrize("size, lists_team", [("small", False), ("medium", True)])
def test_the_report_says_what_a_small_firm_has_and_lacks_of_the_step(general, size, lists_team):
    """The card's "not yet in place" comes from what the step delivers, its "already in
    place" from the catalogue the report reads: both at the firm's scale."""
    from maturity.report.content import build

    answers = _plant(general, **{"strategy.planning.roadmap": 1, "strategy.planning.investment": 1,
                                 "strategy.organisation.leadership": 2})
    team = "A department or team with written duties for IT and digital work"  # leadership, level 2
    a = _assess(general, answers, size)
    report = build(general, maturity.diagnose(a, general), "en")
    name = next(x.name["en"] for x in general.scenarios if x.id == "digital_transformation_plan")
    (card,) = [s for s in report.recommendations if s.name.startswith(name)]
    assert any(team in h for h in card.have) is lists_team
    assert not any(team in m for m in card.missing)  # in place at both sizes: never missing
    assert any("yearly digital budget" in m for m in card.missing)


@pytest.mark.parametrize("size, completed", [("small", True), ("medium", False)])
def test_compare_says_a_small_firm_completed_the_step_it_was_asked(general, size, completed):
    """``maturity compare``: a small firm that broke its plan into projects and set a budget
    has completed the plan; a medium one still lacks the team."""
    before = _assess(general, _plant(general, **{"strategy.planning.roadmap": 1,
                                                 "strategy.planning.investment": 1}), size)
    after = _assess(general, _plant(general, **{"strategy.planning.roadmap": 2,
                                                "strategy.planning.investment": 2}), size)
    done_now = maturity.compare(before, after, general).completed_scenarios
    assert ("digital_transformation_plan" in done_now) is completed


def test_a_firm_that_grew_is_judged_at_each_snapshots_size(general):
    """Before: a small firm with a plan broken into projects and a budget (the whole step
    at its size). After: grown to medium, with the team in place too. The plan did not go
    from lacking to done: at the small size it lacked nothing already."""
    answers = _plant(general, **{"strategy.planning.roadmap": 2, "strategy.planning.investment": 2})
    before = _assess(general, answers, "small")
    team = {"strategy.organisation.leadership": 2,
            "strategy.organisation.mechanisms": dict.fromkeys(("processes", "duties", "key_users"), "fully")}
    after = _assess(general, {**answers, **team}, "medium")
    assert "digital_transformation_plan" not in {c.scenario.id for c in candidates(
        general, restore_values(general, after.answers), after, None, [])}  # done at medium too
    assert "digital_transformation_plan" not in maturity.compare(before, after, general).completed_scenarios


@pytest.mark.parametrize("size, offered", [("small", False), ("medium", True)])
def test_the_portfolio_reads_the_step_at_each_firms_scale(general, size, offered):
    """A portfolio's likely first steps come from what each step raises: at a small firm the
    plan no longer lifts organisation, which its small text leaves for later."""
    from maturity.batch import Row
    from maturity.portfolio import Portfolio

    levels = tuple((i, 1) for i in general.indicators)
    row = Row(source="x.yaml", ok=True, questionnaire=general.ref, enterprise=(("size", size),),
              level=1, indicators=levels, blocking=("strategy.organisation",))
    assert ("digital_transformation_plan" in Portfolio._recommended(general, row)) is offered


def test_a_step_with_a_process_text_and_small_rules_is_warned_of(kinds_small):
    """The report shows a small process plant the process text, written for the full step,
    while it asks only the small one: said to the author, as a warning."""
    from maturity.errors import Severity
    from maturity.references import rule_references

    def found(q):
        return [(loc, sev) for loc, _, sev in rule_references(q) if "process" in loc]

    assert found(kinds_small) == []
    both = kinds_small.model_copy(update={"scenarios": [kinds_small.scenarios[0].model_copy(
        update={"process": {"en": "Recipes first."}})]})
    assert found(both) == [(("scenarios", 0, "process"), Severity.WARNING)]


def test_omits_that_leave_a_step_nothing_it_raises_are_refused(general):
    """Second code review: a plan that raised only organisation, whose every delivered
    question the small text leaves for later, raised it still at a small firm (the view put
    every indicator back when none remained). Now validation refuses it."""
    from maturity.model.scenario import IndicatorTarget
    from maturity.references import rule_references

    plan = next(s for s in general.scenarios if s.id == "digital_transformation_plan")
    index = general.scenarios.index(plan)
    odd = general.model_copy(update={"scenarios": [
        *general.scenarios[:index],
        plan.model_copy(update={"raises": [IndicatorTarget(indicator="strategy.organisation", level=2)]}),
        *general.scenarios[index + 1:]]})
    found = [(loc, message) for loc, message, _ in rule_references(odd) if loc[:2] == ("scenarios", index)]
    assert found == [(("scenarios", index, "small_omits"),
                      "leaves the step nothing it raises at a small firm: every indicator it raises "
                      "loses all it delivers there")]
    assert not [f for f in rule_references(general) if f[0][:2] == ("scenarios", index)]


def test_omits_that_leave_nothing_to_show_it_done_make_a_step_done_when_all_it_delivers_is(kinds_small):
    """Second code review: where the omits empty done_when, the small step is done like any
    step without one, once all it delivers is in place (documented, not refused)."""
    from maturity.references import rule_references

    raw = {**kinds_small.scenarios[0].model_dump(exclude_defaults=True),
           "done_when": [{"question": "ops.main.yn", "level": 2}], "small_done_when": []}
    q = kinds_small.model_copy(update={"scenarios": [type(kinds_small.scenarios[0]).model_validate(raw)]})
    assert not [f for f in rule_references(q) if f[0][:2] == ("scenarios", 0)]
    small = Enterprise(size="small")
    (view,) = q.scenarios_for(small)
    assert view.done_when == []
    for level, done_now in ((1, False), (2, True)):
        a = maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref,
                                "enterprise": {"size": "small"}, "answers": {"ops.main.lvl": level}})
        assert (lacking(q, view, question_state(a), restore_values(q, a.answers)) == []) is done_now


def test_compare_credits_nothing_to_a_firm_that_shrank(general):
    """Second code review: judged medium before and small after, the same answers made the
    plan 'completed' although nothing changed."""
    answers = _plant(general, **{"strategy.planning.roadmap": 2, "strategy.planning.investment": 2})
    before, after = _assess(general, answers, "medium"), _assess(general, answers, "small")
    assert "digital_transformation_plan" not in maturity.compare(before, after, general).completed_scenarios


def test_equal_questionnaires_stay_equal_whatever_view_was_read(general):
    """Second code review: pydantic compares private attributes, and a view built on first
    use made a questionnaire unequal to its equal twin."""
    dump = general.model_dump()
    one, twin = maturity.Questionnaire.model_validate(dump), maturity.Questionnaire.model_validate(dump)
    assert one.scenarios_for(Enterprise(size="small"))
    assert twin == one


def test_every_module_that_judges_a_step_reads_the_firms_view(monkeypatch):
    """On the shipped data some consumers' reading of the view changes no output (the
    roadmap's record of steps done, the list after the roadmap), so a revert to the raw
    catalogue there would go unseen (second code review): each module that judges a step
    against a plant is checked to read it through ``scenarios_for``, on a small plant whose
    diagnosis runs all of them."""
    import sys

    from maturity.model.questionnaire import Questionnaire
    from maturity.report.content import build

    readers: set[str] = set()
    read = Questionnaire.scenarios_for

    def spy(self, enterprise):
        readers.add(sys._getframe(1).f_globals["__name__"])
        return read(self, enterprise)

    monkeypatch.setattr(Questionnaire, "scenarios_for", spy)
    answers = maturity.load_answers(Path(__file__).resolve().parent.parent / "docs" / "calibration"
                                    / "answers" / "after" / "p31-b.yaml")
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    assert a.enterprise.size in ("micro", "small")
    build(q, maturity.diagnose(a, q), "en")
    assert readers >= {"maturity.candidates", "maturity.recommend", "maturity.shortlist",
                       "maturity.report.content"}
