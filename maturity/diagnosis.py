"""Diagnosis: strengths, blocking indicators, the path to the next grade, benchmarks,
recommended scenarios and a roadmap.  Pure functions over an :class:`Assessment`.

Everything is computed by re-scoring modified answers with the engine, so what the
diagnosis promises ("these improvements lift you to L3") is exactly what scoring the
improved answers gives.  See ``docs/diagnosis.md``.
"""

from __future__ import annotations

import gc
import itertools
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from .checking import consistency
from .improve import apply, indicator_levels, path_to, restore_values
from .model.assessment import Assessment
from .model.diagnosis import Benchmark, BenchmarkFigure, CompletenessCheck, Diagnosis, Path
from .model.questionnaire import NumberQuestion, PointsScoring, Questionnaire
from .normalise import Normalised
from .rating import EPS, unrated
from .reaching import top_answer
from .recommend import plan
from .scoring import carried, questionnaire_of, remember, score
from .targets import plan_targets, read_targets
from .validation import scope_questions
from .written import number_of

MARGIN = 0.25
"""A dimension this far above (below) the total's score, in levels, is a strength (weakness)."""


def diagnose(assessment: Assessment, questionnaire: Questionnaire | None = None,
             target: int | str | None = None, targets: Mapping[str, Any] | None = None) -> Diagnosis:
    """Diagnose an assessment.  ``target``: a grade to plan for beyond the next one (its
    number, or its id such as ``"L4"``; one at or below the next grade adds nothing);
    ``targets``: levels per dimension or indicator to plan for (default: the answers
    file's own ``targets``); ``UsageError`` for an unknown id or level."""
    q = questionnaire_of(assessment, questionnaire)
    if target is not None:  # a grade the index does not have was planned for silently as none
        from .errors import Issue, UsageError
        from .target_levels import target_level

        try:
            target = target_level(q, target.strip() if isinstance(target, str) else target)
        except (ValueError, TypeError):
            message = f"target {target!r}: give a level of {q.ref}: " + \
                ", ".join(f"{k} ({lv.id})" for k, lv in enumerate(q.levels, 1))
            raise UsageError(message, [Issue(message, field="target", code="bad_target")]) from None
    if targets is not None:
        from .errors import expect

        expect(targets, Mapping, "targets is a mapping of dimension or indicator ids to levels")
    with _no_cycle_collection():
        return _diagnose(assessment, q, target, targets)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The path search re-scores thousands of variants, each a burst of short-lived
    dicts, lists and tuples that reference counting frees; the cyclic collector, run
    every few hundred allocations, then walks every live object again.  In a process that
    holds several indices (the TUI, ``maturity serve``, a benchmark loop) that doubled the
    worst case (``docs/performance.md``).  It is switched off for the diagnosis and back on
    after, as it was; the few cycles made meanwhile are collected then.

    The collector is the process's: diagnoses in several threads share one count, under a
    lock, so that the first to start records whether it was on and the last to finish puts
    it back (an embedder's 8 threads left it off for good: each read "off" from another)."""
    global _running, _was_enabled
    with _gc_lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _gc_lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()


_gc_lock = threading.Lock()
_running = 0
"""Diagnoses in progress (the collector is off while any runs)."""
_was_enabled = True
"""Whether the collector was on when the first of them started."""


def _diagnose(assessment: Assessment, questionnaire: Questionnaire | None, target: int | None,
              targets: Mapping[str, Any] | None) -> Diagnosis:
    q = questionnaire_of(assessment, questionnaire)
    n = len(q.levels)
    values = restore_values(q, assessment.answers)
    ent = assessment.enterprise

    path = None if assessment.level >= n else path_to(q, values, ent, assessment, assessment.level + 1)
    target_path = None
    if target is not None and assessment.level + 1 < target <= n:
        target_path = path_to(q, values, ent, assessment, target)

    asked = targets if targets is not None else assessment.targets
    target_plan = plan_targets(q, assessment, read_targets(q, asked)) if asked else None
    blocking = list(assessment.next_level.shortfalls) if assessment.next_level else []
    recs, roadmap, to_check = plan(q, values, assessment, path, blocking, targets=target_plan)
    return Diagnosis(
        assessment=assessment,
        strengths=[d.id for d in assessment.dimensions if _relative(q, assessment, d) > 0],
        weaknesses=[d.id for d in assessment.dimensions if _relative(q, assessment, d) < 0],
        blocking=blocking, path=path, target_path=target_path, target_plan=target_plan,
        benchmarks=benchmarks(q, assessment),
        recommendations=recs,
        roadmap=roadmap,
        completeness=completeness(q, values, assessment, to_check),
        checks=consistency(assessment, q),
    )


def apply_path(assessment: Assessment, path: Path, questionnaire: Questionnaire | None = None
               ) -> Assessment:
    """The assessment as it would be with ``path``'s improvements made (a diagnosis's
    ``path`` or ``target_path``): its answers improved as the path search improves them,
    re-scored.  Its ``answers`` are the improved answers, ready for an answers file."""
    from .errors import UsageError, expect
    from .model.diagnosis import Path as PathModel

    q = questionnaire_of(assessment, questionnaire)
    expect(path, PathModel, "apply_path(assessment, path): the path is a diagnosis's path or target_path")
    # a path of another assessment or index: its indicators or their levels are not these
    # (one of the SME index left the plant as it was, one of an overlay lifted it to L4)
    now = indicator_levels(assessment)
    foreign = [i.indicator for i in path.improvements
               if i.indicator not in q.indicators or now.get(i.indicator) != i.from_level]
    if foreign:
        raise UsageError(f"apply_path: the path is not of this assessment ({foreign[0]} is not an indicator "
                         f"of {q.ref} at the level the path starts from): diagnose this assessment")
    values = apply(q, restore_values(q, assessment.answers),
                   {i.indicator: i.to_level for i in path.improvements}, assessment.enterprise)
    return remember(carried(score(q, values, assessment.enterprise, assessment.assessed_on), assessment), q)



def _relative(q: Questionnaire, a: Assessment, d: Any) -> int:
    """+1 strength, -1 weakness, 0 neither."""
    scale = 1.0 if not isinstance(q.scoring, PointsScoring) else len(q.levels) / q.scoring.total
    if d.score_max == 0:
        return 0
    if isinstance(q.scoring, PointsScoring):
        mine = d.score / d.score_max * q.scoring.total * scale
        overall = a.score / a.score_max * q.scoring.total * scale
    else:
        mine, overall = d.score, a.score
    if d.level >= 1 and (d.level > a.level or mine >= overall + MARGIN):
        return 1  # above the rest, and a level of its own: "not yet L1" is never a strength
    if d.level < a.level or mine <= overall - MARGIN:
        return -1
    return 0


# --------------------------------------------------------------------------- benchmarks


def benchmarks(q: Questionnaire, a: Assessment) -> list[Benchmark]:
    from . import seeds

    out = []
    for qid, (_, _, question) in q.questions.items():
        if not isinstance(question, NumberQuestion) or not question.benchmark:
            continue
        national, target = seeds.for_hint(question.benchmark)
        value = number_of(a.answers.get(qid))
        versus = "unknown"
        if value is not None and national is not None:
            versus = "above" if value > national.value + EPS else (
                "below" if value < national.value - EPS else "at")
        meets = None
        if value is not None and target is not None:
            meets = _compare(value, target.comparison or ">=", target.value)
        unit = question.unit if isinstance(question.unit, str) else (question.unit or {}).get("en", "")
        out.append(Benchmark(question=qid, benchmark=question.benchmark, value=value, unit=unit or "",
                             national=_figure(national), target=_figure(target),
                             versus_national=versus, meets_target=meets))
    return out


def _compare(value: float, op: str, ref: float) -> bool:
    return {">": value > ref, ">=": value >= ref, "<": value < ref, "<=": value <= ref,
            "=": abs(value - ref) < EPS}.get(op, value >= ref)


def _figure(f: Any) -> BenchmarkFigure | None:
    if f is None:
        return None
    return BenchmarkFigure(figure=f.id, value=f.value, comparison=f.comparison, as_of=f.as_of,
                           source=f.source_id, source_title_en=f.source_title.get("en", ""),
                           source_title_zh=f.source_title.get("zh", ""), publisher=f.publisher)


# --------------------------------------------------------------------------- completeness


def completeness(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment,
                 to_check: tuple[str, ...] = ()) -> CompletenessCheck:
    """What the unanswered questions could still change: the best grade and score any
    answers to them could give (an upper bound, property-tested), the checklist items left
    unrated, and ``to_check``, the scenarios whose being in place turns only on those items
    and on unanswered questions.

    Every unanswered question is put at its top answer, and so is every question that
    this opens (follow-ups of an unanswered gate), until nothing more opens. An
    unanswered scope question (one an ``applies.when`` tests) may bring questions into
    scope or keep them out: both are tried (up to 2^6 combinations; beyond that, into
    scope), and the better result is the best case.
    """
    unanswered = [r.id for d in a.dimensions for i in d.indicators for r in i.questions
                  if r.status == "unanswered"]
    best = a
    if unanswered:
        scope = sorted(scope_questions(q) & set(unanswered))
        combos = itertools.product((False, True), repeat=len(scope)) if len(scope) <= 6 \
            else [(True,) * len(scope)]
        for combo in combos:
            kept_out = {qid for qid, opened in zip(scope, combo, strict=True) if not opened}
            candidate = _filled(q, values, a, kept_out)
            if (candidate.level, candidate.score) > (best.level, best.score):
                best = candidate
    return CompletenessCheck(unanswered=unanswered, level_now=a.level, score_now=a.score,
                             best_level=best.level, best_score=best.score,
                             unrated=unrated(q, values, a), to_check=to_check)


def _filled(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment,
            kept_out: set[str]) -> Assessment:
    """The assessment with every open unanswered question (but ``kept_out``) at its top."""
    improved = dict(values)
    current = a
    for _ in range(len(q.questions) + 1):
        todo = [r.id for d in current.dimensions for i in d.indicators for r in i.questions
                if r.status == "unanswered" and r.id not in kept_out and r.id not in improved]
        if not todo:
            break
        for qid in todo:
            improved[qid] = top_answer(q.questions[qid][2], len(q.levels))
        current = score(q, improved, a.enterprise, a.assessed_on)
    return current
