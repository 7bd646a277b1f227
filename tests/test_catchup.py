"""Phase 1's catch-up (``maturity.catchup``): what lags behind the grade the plant has is
brought up to it, and, as on the path, by the smaller of two steps that lift it as far
(round 138; the code review of that session)."""

from __future__ import annotations

import maturity
import maturity.catchup as catchup
from maturity.candidates import Candidate
from maturity.improve import restore_values
from maturity.model.diagnosis import Improvement, QuestionChange

from .corpus import CAL

SAFETY, NETWORK = "operations.safety", "factory.network"
HAZARDS = QuestionChange(question="operations.safety.hazardous_work", from_level=1, to_level=3)
PERMITS = QuestionChange(question="operations.safety.safety_mgmt", from_level=1, to_level=2,
                         items=["e_permits"])
NET = QuestionChange(question="factory.network.infrastructure", from_level=1, to_level=2)


def _plant(general):
    """The copper plant p52: L2, Safety at L1 (behind its grade), the network at L2."""
    a = maturity.assess(general, maturity.load_answers(CAL / "p52-b.yaml"))
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
