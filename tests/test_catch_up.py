"""A catch-up step is the part of its scenario that brings what lags up to the grade the
plant has, not the whole scenario (``catchup``, docs/diagnosis.md).

Round 57: the EMS plant p07 (L3) was offered manufacturing-engineering optimisation in
phase 1 "to bring factory planning up to the grade it already has" while the step raised
it L2 → L4 and listed a 3D plant model, simulation and virtual commissioning; reviewers
rated it "does not fit" 25 times of 29.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import maturity
import maturity.catchup as catchup
from maturity.candidates import FOUNDATION_BELOW, Candidate
from maturity.diagnosis import diagnose
from maturity.improve import restore_values
from maturity.model.diagnosis import Improvement, QuestionChange
from maturity.model.questionnaire import CmmmScoring
from maturity.picking import earns_place, last_resort

from . import corpus
from .corpus import CAL

P07 = Path(__file__).resolve().parent / "data" / "p07-b-round118.yaml"
"""The EMS plant as its assessors answered it up to round 118, when its control-system
protection stood at 2 (round 119's fresh sessions answered 1): the catch-up case, frozen."""
P97 = Path(__file__).resolve().parent / "data" / "p97-a-round204.yaml"
"""A cement plant's ``a`` file as round 204 left it, whose phase 1 the catch-up fills (frozen)."""


def _diagnosed(name: str | Path):
    """A corpus file by its name (diagnosed once a run), or any answers file by its path."""
    if isinstance(name, str):
        p = corpus.plant(name)
        return p.q, p.a, p.d
    answers = maturity.load_answers(name)
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    return q, a, diagnose(a, q)


def _item_levels(q, qid: str) -> dict[str, int]:
    return {i.id: i.level for i in getattr(q.questions[qid][2], "items", [])}


def test_a_catch_up_step_stops_at_the_grade():
    _q, a, d = _diagnosed(P07)
    assert a.level == 3
    (r,) = [r for r in d.recommendations if r.scenario == "theme_ics_data_security"]
    assert r.phase == 1 and "catch_up" in r.reasons and "up_to_grade" in r.reasons
    assert [(i.indicator, i.from_level, i.to_level) for i in r.raises] == [("factory.security", 2, 3)]
    assert all(c.to_level <= a.level for c in r.delivers), r.delivers
    assert r.effort == "M"  # the scenario's: the part up to the grade may be its bulk


def test_the_report_names_the_step_as_the_part_up_to_the_grade(tmp_path):
    from maturity.cli import main

    out = tmp_path / "r.md"
    assert main(["report", str(P07), "-f", "markdown", "--lang", "en", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    found = re.search(r"^### \d+\. Industrial control system and data security \(up to the present grade\)$",
                      text, re.M)
    assert found, "the catch-up is titled as the part up to the grade"
    head = found.group(0)
    step = text.split(head, 1)[1].split("\n### ", 1)[0]
    assert "Information security (Factory build): L2 → L3" in step
    assert step.strip().startswith("Only the part of this scenario listed below as not yet in place")
    assert "the rest of the scenario waits until a grade needs it" in step
    # the 等保 evaluation is the compliance answer's level 3; its level 4 waits
    assert "every year" not in step.split("- Not yet in place here:", 1)[1].splitlines()[0]


@pytest.mark.parametrize(("name", "scenario"), [
    ("p07-b.yaml", "manufacturing_engineering_optimisation"),  # only the layout calculation
    ("p33-b.yaml", "data_driven_lean_management"),  # only the register of projects
    ("p57-b.yaml", "data_driven_lean_management"),
    # simulation as a step of the procedure (verification 3), not yet the comparison with
    # the physical tests in every project that replaces prototypes (4; round 108)
    ("p23-b.yaml", "virtual_product_verification"),
    # p39-b as read before round 168: since round 181's traceability its live file's R&D holds
    # the grade back, and the whole scenario is a step of phase 1
    (P07.parent / "p39-b-round167.yaml", "virtual_product_verification"),
])
def test_a_part_up_to_the_grade_that_keeps_none_of_the_scenario_is_no_step_of_it(name, scenario):
    """Round 107: the catch-up part of data-driven lean management at a plant at L3 with
    lean at L2 was one register of improvement projects with owners and savings, and the
    catch-up part of manufacturing-engineering optimisation one capacity calculation on the
    CAD layouts: none of what shows either scenario done (its ``done_when``).  Reviewers
    rated the register "already has" or "housekeeping, not a roadmap step" (16 of 27 votes
    over p25, p29, p33, p39, p40, p57) and the calculation "does not fit" or "already has"
    at p45, p47, p62.  Round 108: the part of virtual product verification up to L3 was
    making simulation a step of the procedure; reviewers rated it "already has" or "does
    not fit" in phase 1 at p23 and p39 (17 of 19 votes).  Such a part is not offered as
    the scenario in phase 1."""
    from maturity.delivery import keeps_core, up_to
    from maturity.improve import restore_values
    from maturity.recommend import candidates

    q, a, d = _diagnosed(name)
    values = restore_values(q, a.answers)
    (c,) = [c for c in candidates(q, values, a, d.path, list(d.blocking)) if c.scenario.id == scenario]
    part = up_to(q, c.delivers, values, max(a.level, FOUNDATION_BELOW))
    assert part and part != c.delivers, "the case needs a scenario the catch-up would cut"
    assert not keeps_core(q, c.scenario, part)
    assert all(r.phase != 1 and "up_to_grade" not in r.reasons
               for r in d.recommendations if r.scenario == scenario)


@pytest.mark.parametrize("name", corpus.names("p*.yaml"))
def test_every_step_up_to_the_grade_keeps_part_of_its_scenario(name):
    """Over the whole corpus: what a step offered as the part up to the grade puts in place
    includes some of what shows its scenario done."""
    from maturity.delivery import keeps_core

    q, a, d = _diagnosed(name)
    scen = {sc.id: sc for sc in q.scenarios_for(a.enterprise)}
    for r in d.recommendations:
        if "up_to_grade" in r.reasons:
            assert keeps_core(q, scen[r.scenario], list(r.delivers)), (r.scenario, r.delivers)


@pytest.mark.parametrize("name", corpus.names("p*.yaml"))
def test_no_catch_up_reaches_past_the_grade_unless_the_next_grade_needs_it(name):
    """Over the whole corpus: a catch-up step that lifts nothing holding the next grade back
    works only up to the grade (up to L2 below it: foundations); one that does lift such an
    indicator stays whole."""
    q, a, d = _diagnosed(name)
    if not isinstance(q.scoring, CmmmScoring):
        pytest.skip("points method: a scenario stays whole")
    bound = max(a.level, FOUNDATION_BELOW)
    for r in d.recommendations:
        if "catch_up" not in r.reasons:
            continue
        if r.blocking:
            assert "up_to_grade" not in r.reasons
            continue
        for c in r.delivers:
            if c.items:
                levels = _item_levels(q, c.question)
                assert all(levels[i] <= bound for i in c.items), (r.scenario, c)
            else:
                assert c.to_level <= bound, (r.scenario, c)


def test_the_core_is_what_the_part_puts_in_place_not_the_question_it_touches():
    """Review of round 107: a level change on a checklist question kept the core whatever
    items it reached, and a ``done_when`` outside the questions a scenario works on (an
    indirect sign, e.g. OEE in place for condition monitoring) made every part fail for a
    reason unrelated to the part."""
    from maturity.delivery import keeps_core, targets
    from maturity.model.diagnosis import QuestionChange

    q = maturity.load_questionnaire("general")
    scen = {sc.id: sc for sc in q.scenarios}
    mes = scen["mes_rollout"]  # done when MES-use items of level 3 are in place
    (core,) = [t for t in mes.done_when if t.items]
    question = q.questions[core.question][2]
    level = max(i.level for i in question.items if i.id in core.items)
    below = QuestionChange(question=core.question, from_level=level - 2, to_level=level - 1)
    at = below.model_copy(update={"to_level": level})
    assert not keeps_core(q, mes, [below]) and keeps_core(q, mes, [at])
    # condition monitoring: its done_when lies outside what it works on, so its own targets
    # are its core; the whole of it keeps it, a part below them does not
    ecm = scen["equipment_condition_monitoring"]
    worked = {t.question for t in targets(q, ecm)}
    assert not any(t.question in worked for t in ecm.done_when), "the case: an indirect done_when"
    whole = [QuestionChange(question=t.question, from_level=0, to_level=t.level or 5, items=tuple(t.items))
             for t in targets(q, ecm)]
    assert keeps_core(q, ecm, whole)
    part = [c.model_copy(update={"to_level": 1, "items": ()}) for c in whole if not c.items]
    assert part and not keeps_core(q, ecm, part)


@pytest.mark.parametrize("name", ["general", "sme", "steel", "petrochemical", "machinery", "electronics"])
def test_every_scenario_keeps_its_core_when_done_whole(name):
    """The catalogue's side of the rule: what a scenario delivers, done whole from nothing,
    always puts some of its core in place. A done_when written on a question the scenario
    delivers, at a level or with items it never delivers, would strike every part of it and
    hide it from every catch-up."""
    from maturity.delivery import keeps_core, targets
    from maturity.model.diagnosis import QuestionChange

    q = maturity.load_questionnaire(name)
    n = len(q.levels)
    bad = []
    for sc in q.scenarios:
        whole = [QuestionChange(question=t.question, from_level=0, to_level=t.level or n,
                                items=tuple(t.items)) for t in targets(q, sc)]
        if not keeps_core(q, sc, whole):
            bad.append(sc.id)
    assert not bad, bad


def test_a_yes_no_change_cut_below_the_level_it_meets_is_dropped():
    """A yes meets its one level: the part of a scenario up to a grade below that level
    keeps nothing of it.  Round 119's partner states are yes/no at level 5; cut to a grade
    of 4, a service-oriented-manufacturing card claimed a plan gain from a change that set
    no answer (the reviewer of the session's diff found it at p09-a)."""
    from maturity.delivery import up_to
    from maturity.model.diagnosis import QuestionChange

    q = maturity.load_questionnaire("general")
    yes_no = [(qid, x) for qid, (_, _, x) in q.questions.items() if x.kind == "yesno"]
    assert yes_no
    for qid, x in yes_no:
        change = QuestionChange(question=qid, from_level=0, to_level=x.level)
        assert up_to(q, [change], {}, x.level) == [change]
        assert up_to(q, [change], {}, x.level - 1) == []


def test_no_recommendation_carries_a_yes_no_change_short_of_its_level():
    q = maturity.load_questionnaire("general")
    for p in corpus.plants(corpus.GENERAL):
        if p.q.ref != q.ref:
            continue
        for r in p.d.recommendations:
            for c in r.delivers:
                x = q.questions[c.question][2]
                assert x.kind != "yesno" or c.to_level >= x.level, (p.name, r.scenario, c)


SAFETY, NETWORK = "operations.safety", "factory.network"
HAZARDS = QuestionChange(question="operations.safety.hazardous_work", from_level=1, to_level=3)
PERMITS = QuestionChange(question="operations.safety.safety_mgmt", from_level=1, to_level=2,
                         items=["e_permits"])
NET = QuestionChange(question="factory.network.infrastructure", from_level=1, to_level=2)


def _plant(general):
    """The copper plant p52: L2, Safety at L1 (behind its grade), the network at L2 (its
    answers as read before round 166, whose re-reading of hazardous work lifted Safety)."""
    a = maturity.assess(general, maturity.load_answers(P07.parent / "p52-b-round165.yaml"))
    return a, restore_values(general, a.answers)


def _candidate(general, sid, effort, lifts, delivers):
    scenario = next(s for s in general.scenarios if s.id == sid)
    return Candidate(scenario=scenario, delivers=delivers, gain=0.1, level_gain=0, priority=1.0,
                     effort=effort, tier=1,
                     raises=[Improvement(indicator=i, from_level=1, to_level=to) for i, to in lifts.items()])


def test_the_smaller_step_catches_up_when_it_lifts_as_far_as_the_grade(general):
    """The automation of hazardous work (M) would lift Safety to L3 as a whole, but the
    catch-up keeps only its part up to the grade (L2), which is as far as putting the
    permits on a system (S) lifts it: the smaller step joins, the bigger does not."""
    a, values = _plant(general)
    assert a.level == 2
    big = _candidate(general, "hazardous_work_automation", "M", {SAFETY: 3}, [HAZARDS])
    small = _candidate(general, "safety_on_system", "S", {SAFETY: 2}, [PERMITS])
    chosen: list[Candidate] = []
    catchup.catch_up(general, [big, small], chosen, a, values)
    assert chosen == [small] and small.catch_up == [SAFETY] and "catch_up" in small.reasons


def test_a_bigger_step_catches_up_where_no_smaller_one_lifts_as_far(general):
    a, values = _plant(general)
    big = _candidate(general, "hazardous_work_automation", "M", {SAFETY: 3}, [HAZARDS])
    chosen: list[Candidate] = []
    catchup.catch_up(general, [big], chosen, a, values)
    assert chosen == [big] and big.catch_up == [SAFETY]


def test_the_smaller_step_joins_at_once_so_that_no_step_between_takes_a_part(general, monkeypatch):
    """c (M) would catch up Safety and the network, d (S, further down) both as far, and e
    (S, between them) Safety alone: d joins in c's place before e is looked at, so phase 1
    gets d alone rather than e and d (review of round 138)."""
    monkeypatch.setattr(catchup, "_to_grade", lambda *args: None)  # the steps stay whole
    a, values = _plant(general)
    monkeypatch.setattr(catchup, "indicator_levels", lambda _: {SAFETY: 1, NETWORK: 1})
    low = QuestionChange(question="operations.safety.hazardous_work", from_level=1, to_level=2)
    c = _candidate(general, "hazardous_work_automation", "M", {SAFETY: 2, NETWORK: 2}, [low, NET])
    e = _candidate(general, "hazard_monitoring_online", "S", {SAFETY: 2}, [low])
    d = _candidate(general, "safety_on_system", "S", {SAFETY: 2, NETWORK: 2}, [low, NET])
    chosen: list[Candidate] = []
    catchup.catch_up(general, [c, e, d], chosen, a, values)
    assert chosen == [d] and sorted(d.catch_up) == sorted([SAFETY, NETWORK])


@pytest.mark.parametrize("plant, grade, safety, picked", [
    # second review of round 138: at the L2 plant d, taking over c's Safety, lifts the
    # network to L1, short of the grade; the network is left to e, ranked before d (p52-b
    # as read before round 166, whose Safety was then at L1 as the case assumes)
    ("p52-b-round165.yaml", 2, 1, "e d"),
    # at an L1 plant the catch-up part reaches L2 (foundations), but the network lifted to
    # L1 is at the grade: d keeps it, and e is not needed
    ("p02-b.yaml", 1, 0, "d"),
])
def test_the_step_that_takes_over_keeps_what_it_brings_to_the_grade(general, monkeypatch, plant, grade,
                                                                    safety, picked):
    monkeypatch.setattr(catchup, "_to_grade", lambda *args: None)
    a = maturity.assess(general, maturity.load_answers((P07.parent if "round" in plant else CAL) / plant))
    assert a.level == grade
    values = restore_values(general, a.answers)
    monkeypatch.setattr(catchup, "indicator_levels", lambda _: {SAFETY: safety, NETWORK: 0})
    low = QuestionChange(question="operations.safety.hazardous_work", from_level=safety, to_level=2)
    net = QuestionChange(question="factory.network.infrastructure", from_level=0, to_level=2)
    steps = {"c": _candidate(general, "hazardous_work_automation", "M", {SAFETY: 2}, [low]),
             "e": _candidate(general, "shopfloor_network", "S", {NETWORK: 2}, [net]),
             "d": _candidate(general, "safety_on_system", "S", {SAFETY: 2, NETWORK: 1}, [low, net])}
    chosen: list[Candidate] = []
    catchup.catch_up(general, list(steps.values()), chosen, a, values)
    assert chosen == [steps[k] for k in picked.split()]
    assert set(steps["d"].catch_up) == ({SAFETY} if "e" in picked else {SAFETY, NETWORK})


def test_cheaper_names_the_smallest_step_that_lifts_as_far_first_in_rank_order():
    """``candidates.cheaper`` returns the step the path and the catch-up take instead (the
    code review: both use it): the smallest of the smaller ones that lift every indicator at
    least as far, the first in rank order among equals; None where none does."""
    from types import SimpleNamespace

    from maturity.candidates import cheaper

    big = SimpleNamespace(effort="L")
    m1, s1, s2, s3 = (SimpleNamespace(effort=e) for e in ("M", "S", "S", "S"))
    wanted = {"ops.safety": 2, "ops.quality": 3}
    rest = [(m1, {"ops.safety": 2, "ops.quality": 3}),
            (s1, {"ops.safety": 2}),  # not as far: it leaves quality where it is
            (s2, {"ops.safety": 3, "ops.quality": 3}),
            (s3, {"ops.safety": 2, "ops.quality": 4})]
    assert cheaper(big, rest, wanted) is s2
    assert cheaper(m1, rest, wanted) is s2
    assert cheaper(s2, rest, wanted) is None  # nothing smaller than S
    assert cheaper(big, rest[:2], wanted) is m1
    assert cheaper(big, [(s1, {"ops.safety": 2})], wanted) is None


def test_a_step_says_whether_it_lifts_a_held_indicator_past_the_grade_or_only_up_to_it():
    """Round 167's review of p07: a safety step that took Safety and environment from L2 to
    L3 at an L3 plant read "lifts Safety and environment, where the grade is held back", and
    its reviewer found "the tool's own path to L4 does not include Safety and environment".
    An indicator the step lifts only up to the grade the plant already has is named as still
    below that grade; one it lifts past the grade, as holding the grade back."""
    from maturity.i18n import t
    from maturity.report.content import build

    lagging = 0
    held = t("why_blocking", "en", names="").split(",")[-1].strip()  # "where the grade is held back"
    for p in corpus.plants(corpus.GENERAL_B):
        views = {v.rank: v for v in build(p.q, p.d, "en").recommendations}
        for r in p.d.recommendations:
            if "blocking" not in r.reasons:
                continue
            why = " ".join(views[r.rank].why)
            upto = {i.indicator: i.to_level for i in r.raises}
            below = [i for i in r.blocking[:3] if upto.get(i, p.a.level + 1) <= p.a.level]
            assert (held in why) is (len(below) < len(r.blocking[:3])), (p.name, r.scenario, why)
            assert (", still below the grade" in why) is bool(below), (p.name, r.scenario, why)
            lagging += bool(below)
    assert lagging > 20


def test_an_empty_phase_takes_one_step_the_smallest_for_the_first_indicator_it_can():
    step = SimpleNamespace
    small, medium, large = (step(blocking=["b"], effort="M"), step(blocking=["b"], effort="S"),
                            step(blocking=["c"], effort="L"))
    chosen: list = []
    last_resort([large, small, medium], ["a", "b", "c"], chosen)  # nothing works on "a"
    assert chosen == [medium]  # the smallest working on "b"; one step, not one per indicator
    taken = [large]
    last_resort([small, medium], ["b"], taken)
    assert taken == [large]  # a phase with a step takes none


def test_a_phase_one_the_catch_up_fills_takes_no_step_that_earns_no_place(general):
    """Round 204: p97-a's phase 1 (answers frozen as the round left them) took a product
    footprint that moved no level, chosen while the phase was still empty, beside the three
    steps the catch-up then added."""
    d = maturity.diagnose(maturity.assess(general, maturity.load_answers(P97)), general)
    first = [r for r in d.recommendations if r.phase == 1]
    assert sum(bool(r.catch_up) for r in first) >= 2
    assert all(earns_place(general, d.assessment.level, r) or r.foundation or r.catch_up for r in first)
    assert "theme_product_carbon_footprint" not in {r.scenario for r in first}
