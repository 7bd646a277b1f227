"""Which typical scenarios may be proposed to a plant now, and with what: fit, what it
lacks, what it has begun, prerequisites, the progress it would bring, its tier and
priority.  The roadmap (``maturity.recommend``) orders and phases them; see
``docs/diagnosis.md``.

A scenario is proposed only when

* it **fits** the enterprise (its ``fits`` production types, industries, product kinds);
* it **applies**: at least one question it delivers is not ``n/a`` and applies;
* the enterprise **lacks** it: some question it delivers is below the scenario's level,
  or some checklist item it puts in place is missing (judged per question and item, so
  a plant never gets what it already has);
* its **prerequisites** are met, and doing it would move the score or the grade.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from .delivery import (
    holds,
    in_part,
    lacking,
    last_step,
    only_unrated,
    question_state,
    started,
    targets,
)
from .engine import resolve_production_type
from .improve import indicator_levels, progress, raised
from .model.assessment import Assessment, Shortfall
from .model.diagnosis import Improvement, Path, QuestionChange
from .model.questionnaire import Questionnaire
from .model.scenario import Scenario
from .normalise import Normalised
from .rating import EPS
from .reaching import apply_targets
from .scoring import score

EFFORT_WEIGHT = {"S": 1.0, "M": 2.0, "L": 3.0}
"""How much a scenario of each effort class costs, relative to a small one."""
SMALLER = {"S": "S", "M": "S", "L": "M"}
"""The effort of a scenario's last step: one class below the whole scenario's."""
TYPICAL_FACTOR, ATYPICAL_FACTOR, FOCUS_FACTOR, MINOR_FACTOR = 1.25, 0.5, 1.25, 0.5
RECOMMENDATIONS = 12
FOUNDATION_BELOW = 2
"""Below this grade the plant is offered steps up to it (``AHEAD``)."""
AHEAD = 1
"""How many grades above the plant a scenario may build: a plant at L2 is offered L3
steps, not L4 models or L5 chain innovation (GB/T 39116's levels build on each other);
below L2 the bound is L2."""


@dataclass
class Candidate:
    """A scenario that may be proposed now, with what it would change."""

    scenario: Scenario
    raises: list[Improvement]
    delivers: list[QuestionChange]
    gain: float
    level_gain: int
    priority: float
    effort: str
    """The scenario's effort class, one class smaller when all that is left of it is one step."""
    tier: int
    """0 a foundation; 1 lifts a blocking or on-path indicator; 2 the rest."""
    reasons: list[str] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)
    catch_up: list[str] = field(default_factory=list)
    """Indicators below the grade the plant already has that it lifts (phase 1)."""
    planned_after: int = 0
    """0: planned on the plant's answers; n: on the answers as they would be after phase n."""
    minor: bool = False
    """Every indicator it raises or works on matters little to the plant (``Questionnaire.minor``): ranked
    lower, and in a phase only where that phase's path needs it."""


def fits(q: Questionnaire, sc: Scenario, a: Assessment) -> bool:
    """Whether the scenario fits the enterprise (an unstated property excludes nothing),
    and does not lie wholly in functions the enterprise says are run elsewhere."""
    ent = a.enterprise
    if ent.run_elsewhere:
        elsewhere = q.run_elsewhere(ent)
        if set(sc.functions) & set(ent.run_elsewhere) \
                or all(t.question.rsplit(".", 1)[0] in elsewhere for t in targets(q, sc)):
            return False
    return sc.fits is None or sc.fits.admits(ent, a.production_type or resolve_production_type(q, ent))


def scenario_level(q: Questionnaire, sc: Scenario) -> int:
    """The highest level the scenario builds (its targets' levels, or its items' levels):
    it is proposed only to a plant at most ``AHEAD`` grade below it."""
    top = 0
    for t in targets(q, sc):
        if t.items:
            question = q.questions[t.question][2]
            top = max([top] + [i.level for i in getattr(question, "items", []) if i.id in t.items])
        else:
            top = max(top, t.level or 0)
    return top


def candidates(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment,
               path: Path | None, blocking: list[Shortfall], had: Collection[str] | None = None,
               aims: Mapping[str, Improvement] | None = None,
               real: tuple[Mapping[str, tuple[str, int]], Mapping[str, Normalised]] | None = None,
               grounded: tuple[Mapping[str, tuple[str, int]], Mapping[str, Normalised]] | None = None
               ) -> list[Candidate]:
    """Every scenario that may be proposed now, best first (tier, then priority).

    ``had``: for a later phase, planned on simulated answers, the scenarios the plant had
    done at the start.  A simulated answer lifted to the path's level is not the work a
    scenario names, so ``done_when`` is judged on the real answers only.  ``aims``: the
    indicators the plan to the plant's own targets lifts, to their levels; a scenario
    that lifts one is proposed with the path's (reason ``target``) even when the next
    grade does not need it, and may build as far as the target.  ``real``: for a later
    phase, the plant's own (state, answers), on which what it has begun is judged.
    ``grounded``: for a later phase, the plant's own (state, answers) with what the steps
    of the earlier phases deliver, on which ``requires`` is judged: what a step needs in
    place is work a step names, not a level the path only says to "improve directly"."""
    aims = aims or {}
    levels = indicator_levels(a)
    state = question_state(a)
    ent = a.enterprise
    blocked = {s.indicator for s in blocking}
    on_path = {i.indicator for i in path.improvements} if path is not None else set()
    here = progress(q, a, a.level + 1, values)
    # what matters little to the plant: its steps rank after like ones
    soft = q.minor(ent, a.production_type or resolve_production_type(q, ent))
    # at most one grade ahead, or as far as the plant's own targets reach
    reach = max([max(a.level, FOUNDATION_BELOW - 1) + AHEAD, *(i.to_level for i in aims.values())])
    req_state, req_values = grounded or (state, values)
    out = []
    for sc in q.scenarios_for(ent):
        if not fits(q, sc, a) or any(levels.get(p.indicator, 0) < p.level for p in sc.prerequisites) \
                or not all(holds(req_state, t, req_values) for t in sc.requires) \
                or scenario_level(q, sc) > reach:
            continue
        changes = lacking(q, sc, state, values, None if had is None else sc.id in had)
        if not changes:
            continue  # nothing applies, or the enterprise already has all of it
        improved = apply_targets(q, values, changes, ent)
        after = score(q, improved, ent, detail=False, memo=True)  # our variants: never changed
        gained = (progress(q, after, a.level + 1, improved) - here) / 100
        raises = raised(levels, after)  # detail=False still carries indicator levels
        aimed = [r.indicator for r in raises if r.indicator in aims]
        if gained <= EPS and not aimed:
            continue  # it would move nothing that counts
        gained = max(gained, EPS)  # towards a target only: ranked last within its tier
        # what the plant has begun is judged on its own answers: in a later phase (``had``
        # given) on the real ones, never on the simulation of the phases before
        own_state, own_values = (state, values) if had is None else real or ({}, {})
        mine = (changes if had is None else lacking(q, sc, own_state, own_values) if real else None) or []
        part = in_part(mine, own_values)
        begun = part or started(sc, mine, own_state, own_values, len(q.levels))
        # one step left: that step, not the project (unless every step is the project's kind
        # of capital work)
        finish = begun and mine == changes and last_step(changes) and not sc.per_post
        effort = SMALLER[sc.effort] if finish else sc.effort
        typical = not sc.industries or ent.industry in sc.industries
        focus = sc.id in q.focus_scenarios
        factor = (TYPICAL_FACTOR if sc.industries and typical else 1.0) * \
                 (ATYPICAL_FACTOR if not typical else 1.0) * (FOCUS_FACTOR if focus else 1.0)
        touched = {c.question.rsplit(".", 1)[0] for c in changes}
        small = ({r.indicator for r in raises} | touched) <= soft  # ``changes`` is never empty here
        if small:
            factor *= MINOR_FACTOR
        lifted = [r.indicator for r in raises if r.indicator in blocked | on_path | set(aimed)]
        lifted += sorted(touched & blocked - set(lifted))
        foundation = sc.foundation  # what the rest builds on comes first, at any grade
        reasons = ["foundation"] if foundation else []
        if touched & blocked:
            reasons.append("blocking")
        elif lifted:
            reasons.append("on_path")
        if aimed:
            reasons.append("target")
        if sc.industries and typical:
            reasons.append("typical")
        if focus:
            reasons.append("focus")
        if after.level > a.level:
            reasons.append("grade")
        if begun:
            reasons[:0] = ["in_part" if part else "started"] + ["finish"] * finish
        if only_unrated(q, changes, values, state):  # what it lacks, nobody said: a check, not advice
            reasons[:0] = ["unrated"]
        out.append(Candidate(
            scenario=sc, raises=raises, delivers=changes, gain=after.score - a.score,
            level_gain=after.level - a.level, priority=gained / EFFORT_WEIGHT[effort] * factor,
            effort=effort,
            tier=0 if foundation else 1 if lifted else 2, reasons=reasons, blocking=lifted, minor=small))
    order = {sc.id: k for k, sc in enumerate(q.scenarios)}
    out.sort(key=lambda c: rank_key(c, order))
    return out


def lifts(c: Candidate, top: int | None = None) -> dict[str, int]:
    """Indicator → the level ``c`` lifts it to (no higher than ``top``, where given)."""
    return {r.indicator: r.to_level if top is None else min(r.to_level, top) for r in c.raises}


def cheaper(c: Candidate, rest: list[tuple[Candidate, dict[str, int]]],
            lifted: Mapping[str, int]) -> Candidate | None:
    """The smallest step that is smaller than ``c`` and lifts every indicator that ``c``
    would lift at least as far (``lifted``: indicator → the level ``c`` is taken to lift it
    to; ``rest``: each other candidate with the level it lifts each indicator to, in rank
    order; the first of equal size), or None: where there is one, the phase takes it and
    leaves ``c``, which ranked higher for the score it adds, which the grade does not need.
    Round 102: the automation of hazardous work, a capital project, headed phase 1 of a
    copper plant and a pump maker to lift Safety a level that putting permits on a system,
    a small step, also lifted ("a medium-sized capital project is the wrong way to lift
    Safety in phase 1"); the path (``recommend``) and phase 1's catch-up (``catchup``) both
    ask it."""
    size = EFFORT_WEIGHT[c.effort]
    smaller = [d for d, theirs in rest
               if EFFORT_WEIGHT[d.effort] < size and all(theirs.get(i, 0) >= to for i, to in lifted.items())]
    return min(smaller, key=lambda d: EFFORT_WEIGHT[d.effort], default=None)


def rank_key(c: Candidate, order: Mapping[str, int]) -> tuple[int, float, str]:
    """Foundations in the catalogue's order (each builds on the ones before it), the
    other tiers by priority.  (A step whose whole gap nobody rated, ``unrated``, joins no
    phase and is no advice: the plan names it apart, ``to_check``.)"""
    return c.tier, order[c.scenario.id] if c.tier == 0 else -c.priority, c.scenario.id


__all__ = ["Candidate", "candidates", "fits", "rank_key", "scenario_level"]
