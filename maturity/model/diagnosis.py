"""The diagnosis of an assessment: from a score to a plan (plain data, no language)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from .assessment import Assessment, Shortfall
from .base import Frozen, ReadOnlyDict, Text


class Improvement(Frozen):
    """Raise one indicator from one level to another."""

    indicator: str
    from_level: int
    to_level: int


class Path(Frozen):
    """Indicator improvements that lift the total grade to ``target``.

    Sufficient (re-scoring the improved answers reaches ``target``) and irreducible
    (dropping any one improvement no longer does).
    """

    target: int
    reachable: bool
    """False when no set of indicator improvements reaches the target (e.g. a
    requirement that only questions outside any indicator could meet)."""
    improvements: tuple[Improvement, ...] = ()
    level_after: int
    score_after: float


class TargetResult(Frozen):
    """One target: a dimension or indicator, the level asked, where it is now and after
    the plan; ``reason`` when the plan cannot meet it."""

    id: str
    level: int
    now: int
    after: int
    reason: Literal["unreachable", "not_applicable"] | None = None
    """``unreachable``: no improvement of its indicators lifts it that far;
    ``not_applicable``: the indicator's questions are all n/a."""


class TargetPlan(Frozen):
    """Indicator improvements that meet every reachable target: sufficient (the improved
    answers meet each) and irreducible (dropping or lowering any one misses one)."""

    targets: tuple[TargetResult, ...]
    improvements: tuple[Improvement, ...] = ()
    level_after: int
    score_after: float


class BenchmarkFigure(Frozen):
    figure: str
    """Id in ``seeds/figures.yaml``."""
    value: float
    comparison: str | None = None
    """For targets: ``>``, ``>=`` …"""
    as_of: dt.date
    source: str
    """Source id in ``seeds/figures.yaml`` (s000 …)."""
    source_title_en: str
    source_title_zh: str
    publisher: str


class Benchmark(Frozen):
    """The enterprise's own figure against the national one and the target."""

    question: str
    benchmark: str
    value: float | None
    """``None`` when the question was not answered."""
    unit: str
    national: BenchmarkFigure | None = None
    target: BenchmarkFigure | None = None
    versus_national: Literal["above", "at", "below", "unknown"]
    meets_target: bool | None = None


class QuestionChange(Frozen):
    """One question a scenario would move, from the level its answer reaches now."""

    question: str
    from_level: int
    to_level: int
    items: tuple[str, ...] = ()
    """For a checklist target given by items: the items still to put in place."""


class Recommendation(Frozen):
    """A scenario worth doing now, and why."""

    scenario: str
    rank: int
    """1 = first; the order of the roadmap (phase 1 first), then of priority."""
    phase: int = 0
    """Roadmap phase it is scheduled in (1, 2, …); 0 = not in the roadmap."""
    raises: tuple[Improvement, ...]
    """The indicators it lifts that the enterprise lacks (from its level to the scenario's)."""
    delivers: tuple[QuestionChange, ...] = ()
    """The questions it would move that are not yet at its level (the rest it already has)."""
    foundation: bool = False
    """A foundation scenario, scheduled first while the enterprise is below level 2."""
    reasons: tuple[Literal["foundation", "blocking", "on_path", "typical", "focus", "grade", "in_part",
                           "started", "finish", "catch_up", "up_to_grade", "target", "after",
                           "when_used", "before", "first"], ...] = ()
    """Why it is picked, in plain terms (rendered as words by the reports):
    ``foundation`` later steps build on it; ``blocking`` it lifts an indicator that holds
    the grade back; ``on_path`` it lifts an indicator on the path to the next grade;
    ``typical`` / ``focus`` typical of, or a focus of, the enterprise's industry;
    ``grade`` on its own it raises the grade; ``in_part`` the plant has it in a part of
    the plant and this rolls it out; ``started`` the plant has begun it and what is left
    is the last step of each question it works on (it completes what is in place);
    ``finish`` with ``in_part`` or ``started``: what is left is a single step (one
    question up one level, or one checklist item), offered as that step, one effort
    class smaller than the whole scenario;
    ``catch_up`` it lifts an indicator below the grade the plant already has (phase 1);
    ``up_to_grade`` with ``catch_up``: only the part of the scenario up to that grade is
    proposed (``delivers`` and ``raises`` stop there);
    ``target`` it lifts an indicator of the plan to the plant's own targets;
    ``after`` it builds on a scenario of the last phase, so it comes after the roadmap;
    ``when_used`` built for the steps that use it (``enabler``), none of which is in the
    roadmap yet: it comes with the first of them; ``before`` a step of the roadmap builds on
    it, so it comes first; ``first`` a step of the roadmap runs on it (``needs_first``), so it
    comes first in the same phase.  (A scenario whose whole gap is answers not given,
    checklist items left unrated or questions left unanswered, is no recommendation:
    ``CompletenessCheck.to_check`` names it.)"""
    blocking: tuple[str, ...] = ()
    """The blocking or on-path indicators it lifts."""
    catch_up: tuple[str, ...] = ()
    """The indicators below the enterprise's grade that it lifts (``catch_up``)."""
    planned_after: int = 0
    """0: ``raises`` and ``delivers`` start from the plant's levels now; n: the scenario
    becomes eligible only after roadmap phase n, and they start from the levels as they
    would be then (the report says so beside them)."""
    gain: float
    """Rise of the total score if those improvements were made."""
    level_gain: int
    """Rise of the grade if those improvements were made."""
    effort: Literal["S", "M", "L"]
    """The scenario's effort class; one class smaller for a ``finish`` (one step is left)."""
    priority: float
    """gain ÷ effort weight × industry and relevance factors (docs/diagnosis.md)."""
    on_path: bool
    """It raises an indicator on the path to the next grade or a blocking one."""
    typical: bool
    """Typical for the enterprise's industry (or for all industries)."""
    focus: bool
    """Named as a focus scenario by the industry questionnaire."""

    @property
    def nearly_done(self) -> bool:
        """In place but for one step (``finish``) that no phase of the roadmap takes and
        that waits for nothing (not ``after`` or ``when_used``): that step is a small thing
        to finish, not a project.  Ranked after every other scenario; the reports list it
        apart, under "Nearly in place" (``docs/diagnosis.md``)."""
        return not self.phase and "finish" in self.reasons and not {"after", "when_used"} & set(
            self.reasons)


class Phase(Frozen):
    """One step of the roadmap: reach ``target_level``."""

    target_level: int
    path: Path
    """The path the phase plans on: to its grade from where the phase before leaves the
    plant (phase 1: the report's own path).  Where a step of the phase brings questions into
    scope, widened with what the grade then needs (``recommend._widened``): sufficient
    together with the phase's steps, and no longer irreducible on its own."""
    scenarios: tuple[str, ...]
    """Scenario ids, in order."""
    uncovered: tuple[str, ...] = ()
    """Indicators on the path that no eligible scenario raises enough (act on them directly)."""
    needs: Annotated[dict[str, tuple[str, ...]], AfterValidator(ReadOnlyDict)] = Field(
        default_factory=ReadOnlyDict)
    """Scenario id → the prerequisite indicators an earlier phase brings (why it waits)."""
    spared: tuple[str, ...] = ()
    """Phase 1: indicators on the path that the phase reaches its grade without raising (none
    of the answers they read changes with its steps and direct improvements)."""


class CompletenessCheck(Frozen):
    unanswered: tuple[str, ...]
    level_now: int
    score_now: float
    best_level: int
    """Grade if every unanswered question were answered at the top."""
    best_score: float
    unrated: tuple[str, ...] = ()
    """Checklist items of answered questions left without a rating (``question.item``):
    they count as not met, and the report says so (the best case does not count them)."""
    to_check: tuple[str, ...] = ()
    """Scenarios all of whose gap is such items or unanswered questions: answered, they show
    whether the scenario is already in place.  They are a check of the answers, not advice,
    so they are not among the recommendations."""


class CheckFinding(Frozen):
    """A consistency check the answers set off: ``question`` reaches ``level``, which
    makes ``other`` at ``other_level`` implausible (``expected`` or more was expected)."""

    check: str
    question: str
    level: int
    other: str
    other_level: int
    expected: int
    message: Text


class Diagnosis(Frozen):
    assessment: Assessment
    strengths: tuple[str, ...]
    """Dimension ids clearly above the overall result."""
    weaknesses: tuple[str, ...]
    """Dimension ids clearly below the overall result."""
    blocking: tuple[Shortfall, ...]
    """Indicators that keep the total below the next grade, largest gap first."""
    path: Path | None
    """To the next grade; ``None`` at the top grade."""
    target_path: Path | None = None
    """To the grade asked for with ``target``, when it is above the next one."""
    target_plan: TargetPlan | None = None
    """To the targets per dimension or indicator, when some were set."""
    benchmarks: tuple[Benchmark, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    roadmap: tuple[Phase, ...] = ()
    completeness: CompletenessCheck
    checks: tuple[CheckFinding, ...] = ()
    """Consistency checks the answers set off ("please check"): warnings, not errors."""


class Change(Frozen):
    """How one part moved between two assessments."""

    id: str
    level_before: int
    level_after: int
    score_before: float
    score_after: float


class Comparison(Frozen):
    """Two assessments of the same enterprise against the same index, over time."""

    questionnaire: str
    before: dt.date | None
    after: dt.date | None
    total: Change
    dimensions: tuple[Change, ...]
    indicators: tuple[Change, ...]
    """Only the indicators whose level changed, largest rise first."""
    completed_scenarios: tuple[str, ...]
    """Scenarios whose target levels were not all met before and are all met now."""


class AnswerChange(Frozen):
    """One answer as a what-if changed it, in the assessment's normalised form (``None``:
    unanswered), with the level the question reaches before and after."""

    question: str
    before: Any = None
    after: Any = None
    level_before: int = 0
    level_after: int = 0


class WhatIf(Frozen):
    """An assessment as it would be after some changes, and what they change
    (:func:`maturity.what_if`).  The saved answers are never touched."""

    assessment: Assessment
    """The new assessment, re-scored by the engine."""
    comparison: Comparison
    """Grade and score, per dimension and per indicator, before and after."""
    answers: tuple[AnswerChange, ...] = ()
    """Every answer that changed, in the questionnaire's order (an indicator target
    changes the answers its least improvement needs)."""
    cleared: tuple[str, ...] = ()
    """Indicators that held the next grade back and no longer do (all of them when the
    grade rises)."""
    still_blocking: tuple[str, ...] = ()
    """Indicators that held the next grade back and still do."""


class PartScore(Frozen):
    """A dimension's grade and score at one point of a history."""

    id: str
    level: int
    score: float
    score_max: float


class HistoryPoint(Frozen):
    """One assessment in a history."""

    source: str
    """The answers file (or the caller's label)."""
    assessed_on: dt.date
    level: int
    score: float
    score_max: float
    dimensions: tuple[PartScore, ...] = ()


class History(Frozen):
    """Assessments of one enterprise on one index version, oldest first
    (:func:`maturity.history`)."""

    enterprise: str
    questionnaire: str
    dimensions: tuple[str, ...] = ()
    """Dimension ids, in the index's order."""
    points: tuple[HistoryPoint, ...]
