"""Phase 1's catch-up: what lags behind the grade the plant already has is that grade's
foundation, and phase 1 brings it up with the part of a scenario that works on it
(``docs/diagnosis.md``, "Roadmap").  Pure functions over candidates (``maturity.candidates``)
for ``maturity.recommend``.
"""

from __future__ import annotations

from collections.abc import Mapping

from .candidates import FOUNDATION_BELOW, Candidate, cheaper, lifts
from .delivery import keeps_core, up_to
from .engine import resolve_production_type
from .improve import indicator_levels, raised
from .model.assessment import Assessment
from .model.diagnosis import QuestionChange
from .model.questionnaire import CmmmScoring, Questionnaire
from .normalise import Normalised
from .reaching import apply_targets
from .scoring import score


def catch_up(q: Questionnaire, pool: list[Candidate], chosen: list[Candidate], a: Assessment,
             values: Mapping[str, Normalised]) -> None:
    """Phase 1 also brings the indicators below the grade the plant already has up to it:
    they are the foundations of that grade.  The first candidate (in order) that lifts
    each of them by working on one of its answers below the grade joins, with the reason
    (pushing another answer past the grade to make up for the lagging one catches nothing
    up), unless a smaller one further down that could join lifts them at least as far, up to
    the grade (``candidates.cheaper``; round 138: the copper plant's Safety was caught up with
    the automation of hazardous work while putting permits on a system, begun, lifted it as
    far): then the smallest of those joins in its place, at once.
    Not those that matter little to the plant (``Questionnaire.minor``): they wait until a
    grade needs them."""
    ptype = a.production_type or resolve_production_type(q, a.enterprise)
    behind = {i for i, lv in indicator_levels(a).items() if lv < a.level} - q.minor(a.enterprise, ptype)
    for c in chosen:
        behind -= {r.indicator for r in c.raises}
    joins: dict[int, tuple[list[str], list[QuestionChange] | None]] = {}

    def join(c: Candidate) -> tuple[list[str], list[QuestionChange] | None]:
        """The indicators behind the grade that ``c`` catches up (none: it cannot join),
        and the part of its scenario that does (None: the whole)."""
        if id(c) not in joins:
            lagging = {d.question.rsplit(".", 1)[0] for d in c.delivers if below(q, d, a.level)}
            fixes = [r.indicator for r in c.raises if r.indicator in behind & lagging]
            part = _to_grade(q, c, values, a) if fixes else None
            joins[id(c)] = (fixes, part) if part is None or keeps_core(q, c.scenario, part) else ([], None)
        fixes, part = joins[id(c)]
        return [i for i in fixes if i in behind], part

    top = max(a.level, FOUNDATION_BELOW)  # how far a catch-up lifts: to the grade (below it, L2)
    for k, c in enumerate(pool):
        fixes, part = join(c) if c not in chosen else ([], None)
        if not fixes:
            continue
        # a smaller one further down that could join and lifts them as far joins instead, now,
        # before a step between the two takes a part of what it would catch up
        rest = [(d, lifts(d, top)) for d in pool[k + 1:] if d not in chosen and set(fixes) <= set(join(d)[0])]
        mine = {i: to for i, to in lifts(c, top).items() if i in fixes}
        smaller = cheaper(c, rest, mine)
        if smaller is not None:
            c = smaller
            # it catches up what it takes over, and of the rest only what it brings to the
            # grade: the others wait for the steps ranked before it
            fixes, part = join(c)
            fixes = [i for i in fixes if i in mine or lifts(c, top).get(i, 0) >= a.level]
        chosen.append(c)
        c.catch_up = fixes
        if "catch_up" not in c.reasons:
            c.reasons.append("catch_up")
        if part is not None:
            _cut(q, c, part, values, a)
        behind -= set(fixes)
    chosen.sort(key=pool.index)


def _to_grade(q: Questionnaire, c: Candidate, values: Mapping[str, Normalised],
              a: Assessment) -> list[QuestionChange] | None:
    """A catch-up step is the part of its scenario that brings what lags up to the grade the
    plant has: its work past that grade waits until a grade needs it (reason ``up_to_grade``;
    round 57: a factory-planning catch-up at an EMS plant was offered as the whole scenario,
    3D model, simulation and virtual commissioning, "L2 → L4", under "brings it up to the
    grade the plant already has").  A step that also lifts what holds the next grade back
    (``blocking``) stays whole: its work past the grade counts for that grade.  Under the
    points method the scenario stays whole.  Returns that part, or None where the step
    stays whole.  The caller drops a part that keeps none of the scenario's core
    (``keeps_core``; round 107)."""
    if c.blocking or not isinstance(q.scoring, CmmmScoring):
        return None
    cut = up_to(q, c.delivers, values, max(a.level, FOUNDATION_BELOW))  # below it: up to L2
    return None if cut == c.delivers else cut


def _cut(q: Questionnaire, c: Candidate, cut: list[QuestionChange], values: Mapping[str, Normalised],
         a: Assessment) -> None:
    """Make the step the part of its scenario up to the grade (``_to_grade``)."""
    after = score(q, apply_targets(q, values, cut, a.enterprise), a.enterprise, detail=False, memo=True)
    c.delivers, c.raises = cut, raised(indicator_levels(a), after)
    c.gain, c.level_gain = after.score - a.score, after.level - a.level
    # the effort stays the scenario's: the part up to the grade is its foundation, often
    # the bulk of it (round 57: "effort S is optimistic for rezoning a full-process works")
    c.reasons.append("up_to_grade")


def below(q: Questionnaire, d: QuestionChange, grade: int) -> bool:
    """Whether a change works on what lags behind ``grade``: an answer below it, or a
    checklist item of a level at or below it.  Under the points method an indicator's level
    comes from its points, not from the levels its answers reach: any change counts."""
    if not isinstance(q.scoring, CmmmScoring):
        return True
    if d.items:
        levels = {i.id: i.level for i in getattr(q.questions[d.question][2], "items", [])}
        return any(levels.get(i, grade + 1) <= grade for i in d.items)
    return d.from_level < grade
