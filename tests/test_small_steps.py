"""A small firm takes a step as the step's small text says: what that text leaves for
later (``small_omits``) is neither asked of it nor needed to call the step done or begun.

Round 134: reviewers rated the transformation plan "already has" at 22 of 110 small firms'
"complete what is in place" cards (medium firms: 3 of 135). The card listed a digital team
with written duties and key users, which the step's own small text says "come later, when
there are systems to run"."""

from __future__ import annotations

import pytest

from maturity.delivery import scenarios
from maturity.improve import restore_values
from maturity.model.answers import Enterprise
from maturity.recommend import candidates

from .strategies import assess_answers, bottom_answer

TEAM = {"strategy.organisation.leadership", "strategy.organisation.mechanisms"}


def _plant(q, **override):
    """Every level answer at 1, every other answer at its lowest, then ``override``."""
    answers = {qid: min(1, max(x.anchors)) if x.kind == "level" else bottom_answer(x)
               for qid, (_, _, x) in q.questions.items()}
    answers.update(override)
    return answers


def _offered(q, answers, size):
    a = assess_answers(q, answers, industry="machinery", production_type="discrete", size=size)
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


def test_the_small_view_leaves_out_only_what_each_step_names(general):
    small = scenarios(general, Enterprise(size="small"))
    medium = scenarios(general, Enterprise(size="medium"))
    assert medium is general.scenarios
    for s, m in zip(small, medium, strict=True):
        if not m.small_omits and not m.small_done_when:
            assert s is m
            continue
        for field in ("delivers", "done_when", "begun_when"):
            kept = [t for t in getattr(m, field) if t.question not in m.small_omits]
            if field == "done_when" and m.small_done_when:
                kept = m.small_done_when
            assert getattr(s, field) == kept, (m.id, field)
        assert s.delivers  # validation: something is left to deliver


def test_the_report_lists_what_a_small_firm_is_asked(general):
    """The card's "not yet in place" is read from the same view: a small firm's plan card
    does not list the digital department the step leaves for later."""
    import maturity
    from maturity.report.content import build

    answers = _plant(general, **{"strategy.planning.roadmap": 2, "strategy.planning.investment": 1})
    team = "A department or team with written duties for IT and digital work"  # leadership, level 2
    for size, listed in (("small", False), ("medium", True)):
        a = assess_answers(general, answers, industry="machinery", production_type="discrete", size=size)
        report = build(general, maturity.diagnose(a, general), "en")
        name = next(x.name["en"] for x in general.scenarios if x.id == "digital_transformation_plan")
        (card,) = [s for s in report.recommendations if s.name.startswith(name)]
        assert (team in " ".join(card.missing)) is listed, size
