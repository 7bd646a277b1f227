"""Diagnosis: strengths, blocking indicators, the path to the next grade, benchmarks,
recommended scenarios and a roadmap.  Pure functions over an :class:`Assessment`.

Everything is computed by re-scoring modified answers with the engine, so what the
diagnosis promises ("these improvements lift you to L3") is exactly what scoring the
improved answers gives.  See ``docs/diagnosis.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model.answers import NA, Enterprise
from .model.assessment import Assessment, Shortfall
from .model.diagnosis import (
    Benchmark,
    BenchmarkFigure,
    CompletenessCheck,
    Diagnosis,
    Improvement,
    Path,
    Phase,
    Recommendation,
)
from .model.questionnaire import (
    ChecklistQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    PointsScoring,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .scoring import EPS, holds, score
from .validation import Normalised, normalise

EFFORT_WEIGHT = {"S": 1.0, "M": 2.0, "L": 3.0}
"""How much a scenario of each effort class costs, relative to a small one."""
TYPICAL_FACTOR, ATYPICAL_FACTOR, FOCUS_FACTOR, ON_PATH_FACTOR = 1.25, 0.5, 1.25, 1.5
MARGIN = 0.25
"""A dimension this far above (below) the total's score, in levels, is a strength (weakness)."""
RECOMMENDATIONS = 12


def diagnose(assessment: Assessment, questionnaire: Questionnaire | None = None,
             target: int | None = None) -> Diagnosis:
    """Diagnose an assessment.  ``target``: a grade to plan for beyond the next one."""
    q = questionnaire or _load(assessment.questionnaire)
    n = len(q.levels)
    values = restore_values(q, assessment.answers)
    ent = assessment.enterprise
    levels = indicator_levels(assessment)

    path = None if assessment.level >= n else path_to(q, values, ent, assessment, assessment.level + 1)
    target_path = None
    if target is not None and assessment.level + 1 < target <= n:
        target_path = path_to(q, values, ent, assessment, target)

    blocking = list(assessment.next_level.shortfalls) if assessment.next_level else []
    recs = recommend(q, values, assessment, path, blocking)
    return Diagnosis(
        assessment=assessment,
        strengths=[d.id for d in assessment.dimensions if _relative(q, assessment, d) > 0],
        weaknesses=[d.id for d in assessment.dimensions if _relative(q, assessment, d) < 0],
        blocking=blocking, path=path, target_path=target_path,
        benchmarks=benchmarks(q, assessment),
        recommendations=recs,
        roadmap=roadmap(q, values, assessment, levels, path, blocking),
        completeness=completeness(q, values, assessment),
    )


def _load(ref: str) -> Questionnaire:
    from .loading import load_questionnaire

    return load_questionnaire(ref)


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
    if d.level > a.level or mine >= overall + MARGIN:
        return 1
    if d.level < a.level or mine <= overall - MARGIN:
        return -1
    return 0


def restore_values(q: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Normalised]:
    n = len(q.levels)
    return {qid: normalise(q.questions[qid][2], v, n) for qid, v in answers.items()
            if qid in q.questions}


def indicator_levels(a: Assessment) -> dict[str, int]:
    return {i.id: i.level for d in a.dimensions for i in d.indicators}


# --------------------------------------------------------------------------- improving answers


def answer_reaching(question: QuestionT, current: Normalised | None, k: int, n: int) -> Normalised | None:
    """The least change to ``current`` that makes ``question`` meet every level up to ``k``."""
    if current == NA:
        return current
    if isinstance(question, LevelQuestion):
        top = max(question.anchors)
        return max(int(current or 0), min(k, top))  # type: ignore[arg-type]
    if isinstance(question, YesNoQuestion):
        return True if question.level <= k else current
    if isinstance(question, ChecklistQuestion):
        ratings = dict(current) if isinstance(current, dict) else {}
        for item in question.items:
            if item.level <= k:
                ratings[item.id] = 1.0
        return ratings
    if isinstance(question, NumberQuestion):
        if k < question.min_level:
            return current
        bands = question.bands
        if current is not None:
            from .scoring import band_for

            if band_for(bands, float(current)).level >= k:  # type: ignore[arg-type]
                return current
        good = [b for b in bands if b.level >= k] or [max(bands, key=lambda b: b.level)]
        band = good[0] if question.better == "higher" else good[-1]
        return float(band.min)
    if isinstance(question, MultiQuestion):
        if k < question.min_level:
            return current
        from .scoring import band_for

        chosen = set(current) if isinstance(current, frozenset) else set()
        total = sum(o.weight for o in question.options)
        for option in [None, *question.options]:
            if option is not None:
                chosen.add(option.id)
            share = 100.0 * sum(o.weight for o in question.options if o.id in chosen) / total
            if band_for(question.bands, share).level >= k:
                break
        return frozenset(chosen)
    return current  # pragma: no cover


def apply(q: Questionnaire, values: Mapping[str, Normalised], plan: Mapping[str, int],
          enterprise: Enterprise) -> dict[str, Normalised]:
    """Answers improved so that each indicator of ``plan`` meets its levels up to the planned one.

    Questions are visited in order, so a gate answered "yes" opens its follow-ups, which
    are then improved too.  Questions that do not apply are left alone.
    """
    if not plan:
        return dict(values)
    n = len(q.levels)
    out = dict(values)
    for qid, (dim, ind, question) in q.questions.items():
        k = plan.get(f"{dim.id}.{ind.id}")
        if k is None or out.get(qid) == NA or not _applies(question, out, enterprise, q):
            continue
        if question.follow_up is not None and not holds(question.follow_up, out):
            continue
        new = answer_reaching(question, out.get(qid), k, n)
        if new is not None:
            out[qid] = new
    return out


def _applies(question: QuestionT, values: Mapping[str, Normalised], ent: Enterprise,
             q: Questionnaire) -> bool:
    a = question.applies
    if a is None:
        return True
    from .scoring import resolve_production_type

    if a.industries is not None and ent.industry not in a.industries:
        return False
    if a.production_types is not None and resolve_production_type(q, ent) not in a.production_types:
        return False
    return a.when is None or holds(a.when, values)


# --------------------------------------------------------------------------- path to a grade


def _progress(q: Questionnaire, a: Assessment, target: int,
              values: Mapping[str, Normalised] | None = None) -> float:
    """A number that rises as an assessment gets closer to ``target`` (guides the greedy
    search; whether a plan reaches the target is always decided by the engine's grade)."""
    value = a.level * 1000.0 + a.score / (a.score_max or 1) * 100
    if isinstance(q.scoring, PointsScoring):
        from .scoring import rate

        n = len(q.levels)
        reached = {qid: rate(x, v, n, 0.8)[2] for qid, (_, _, x) in q.questions.items()
                   if (v := (values or {}).get(qid)) is not None and v != NA}
        for req in q.scoring.requirements:
            if req.level > target:
                continue
            pool = [qid for qid in q.questions if any(qid == p or qid.startswith(p + ".")
                                                      for p in req.among)]
            met = sum(1 for qid in pool if reached.get(qid, 0) >= req.at_least)
            mand = sum(1 for m in req.mandatory if reached.get(m, 0) >= req.at_least)
            value += 10 * (min(met, req.count) / (req.count or 1) + mand / (len(req.mandatory) or 1))
    return value


def path_to(q: Questionnaire, values: Mapping[str, Normalised], ent: Enterprise,
            base: Assessment, target: int) -> Path:
    """Indicator improvements that lift the grade to ``target``: sufficient and irreducible.

    Greedy: add the indicator improvement with the most progress per level step until
    the target is reached; then drop every improvement that is not needed and lower
    every remaining one as far as it can go.
    """
    n = len(q.levels)
    start = indicator_levels(base)
    candidates = [i.id for d in base.dimensions for i in d.indicators
                  if any(r.status != "not_applicable" for r in i.questions)]

    memo: dict[frozenset[tuple[str, int]], tuple[Assessment, dict[str, Normalised]]] = {}

    def evaluate(plan: Mapping[str, int]) -> tuple[Assessment, dict[str, Normalised]]:
        key = frozenset(plan.items())
        if key not in memo:
            improved = apply(q, values, plan, ent)
            memo[key] = (score(q, improved, ent, base.assessed_on, detail=False), improved)
        return memo[key]

    def run(plan: Mapping[str, int]) -> Assessment:
        return evaluate(plan)[0]

    plan: dict[str, int] = {}
    current = base
    while current.level < target:
        best: tuple[float, int, str, int, Assessment] | None = None
        here = _progress(q, current, target, evaluate(plan)[1])
        for ind in candidates:
            lo = plan.get(ind, start[ind])
            # beyond one level above the target an improvement only adds a partial score
            for k in range(lo + 1, min(n, max(target + 1, lo + 1)) + 1):
                trial, improved = evaluate({**plan, ind: k})
                gain = (_progress(q, trial, target, improved) - here) / (k - lo)
                done = trial.level >= target
                key = (1.0 if done else 0.0, gain if not done else -(k - lo), ind, k)
                if gain > EPS and (best is None or key[:2] > best[:2]):
                    best = (*key[:2], ind, k, trial)  # type: ignore[assignment]
        if best is None:
            return Path(target=target, reachable=False,
                        improvements=_improvements(plan, start), level_after=current.level,
                        score_after=current.score)
        plan[best[2]] = best[3]
        current = best[4]

    # make it irreducible: drop what is not needed, then lower what can be lowered
    changed = True
    while changed:
        changed = False
        for ind in sorted(plan, key=lambda i: plan[i] - start[i]):
            trial_plan = {k: v for k, v in plan.items() if k != ind}
            if run(trial_plan).level >= target:
                plan, changed = trial_plan, True
        for ind in list(plan):
            for k in range(start[ind] + 1, plan[ind]):
                trial_plan = {**plan, ind: k}
                if run(trial_plan).level >= target:
                    plan, changed = trial_plan, True
                    break
    final = run(plan)
    return Path(target=target, reachable=True, improvements=_improvements(plan, start),
                level_after=final.level, score_after=final.score)


def _improvements(plan: Mapping[str, int], start: Mapping[str, int]) -> list[Improvement]:
    order = sorted(plan, key=lambda i: (-(plan[i] - start[i]), i))
    return [Improvement(indicator=i, from_level=start[i], to_level=plan[i]) for i in order]


# --------------------------------------------------------------------------- benchmarks


def benchmarks(q: Questionnaire, a: Assessment) -> list[Benchmark]:
    from . import seeds

    out = []
    for qid, (_, _, question) in q.questions.items():
        if not isinstance(question, NumberQuestion) or not question.benchmark:
            continue
        national, target = seeds.for_hint(question.benchmark)
        value = a.answers.get(qid)
        value = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
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


# --------------------------------------------------------------------------- scenarios


def eligible(q: Questionnaire, levels: Mapping[str, int]) -> list[Any]:
    """Scenarios whose prerequisites are met and that raise something the enterprise lacks."""
    out = []
    for sc in q.scenarios:
        if any(levels.get(p.indicator, 0) < p.level for p in sc.prerequisites):
            continue
        if any(levels.get(t.indicator, 0) < t.level for t in sc.raises):
            out.append(sc)
    return out


def recommend(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment,
              path: Path | None, blocking: list[Shortfall], limit: int = RECOMMENDATIONS
              ) -> list[Recommendation]:
    """Eligible scenarios ranked by grade-gap impact per unit of effort (docs/diagnosis.md).

    Only scenarios that would raise the total score (or the grade) are listed.
    """
    levels = indicator_levels(a)
    ent = a.enterprise
    wanted = {s.indicator for s in blocking}
    if path is not None:
        wanted |= {i.indicator for i in path.improvements}
    rows = []
    for sc in eligible(q, levels):
        lacks = [Improvement(indicator=t.indicator, from_level=levels.get(t.indicator, 0),
                             to_level=t.level)
                 for t in sc.raises if levels.get(t.indicator, 0) < t.level]
        improved = apply(q, values, {i.indicator: i.to_level for i in lacks}, ent)
        after = score(q, improved, ent, detail=False)
        gain = after.score - a.score
        # progress towards the next grade: the grade, the score and, under the points
        # method, the grade rules (scenario questions that earn no points count there)
        progress = (_progress(q, after, a.level + 1, improved)
                    - _progress(q, a, a.level + 1, values)) / 100
        if progress <= EPS:
            continue  # it would not move anything: nothing it raises is lacking where it counts
        typical = not sc.industries or (ent.industry in sc.industries)
        on_path = any(i.indicator in wanted for i in lacks)
        focus = sc.id in q.focus_scenarios
        factor = (TYPICAL_FACTOR if sc.industries and typical else 1.0) * \
                 (ATYPICAL_FACTOR if not typical else 1.0) * (FOCUS_FACTOR if focus else 1.0) * \
                 (ON_PATH_FACTOR if on_path else 1.0)
        priority = progress / EFFORT_WEIGHT[sc.effort] * factor
        rows.append((priority, sc, lacks, gain, after.level - a.level, typical, on_path, focus))
    rows.sort(key=lambda r: (-r[0], r[1].id))
    return [Recommendation(scenario=sc.id, rank=n, raises=lacks, gain=gain, level_gain=lg,
                           effort=sc.effort, priority=prio, on_path=on_path, typical=typical,
                           focus=focus)
            for n, (prio, sc, lacks, gain, lg, typical, on_path, focus) in enumerate(rows[:limit], 1)]


def roadmap(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment,
            levels: Mapping[str, int], path: Path | None, blocking: list[Shortfall] | None = None,
            phases: int = 2) -> list[Phase]:
    """Phases of scenarios: the next grade first, then the one after, prerequisites respected.

    For each improvement on a phase's path, the eligible scenario that lifts the indicator
    far enough is chosen, preferring the recommendation ranking (the same priorities as
    :func:`recommend`), then smaller effort. A scenario is scheduled once.
    """
    out: list[Phase] = []
    ent = a.enterprise
    current_values = dict(values)
    current, current_levels = a, dict(levels)
    n = len(q.levels)
    rank = {r.scenario: r.priority
            for r in recommend(q, values, a, path, blocking or [], limit=len(q.scenarios))}
    scheduled: set[str] = set()
    for step in range(phases):
        if current.level >= n:
            break
        p = path if step == 0 and path is not None else path_to(
            q, current_values, ent, current, current.level + 1)
        if not p.reachable and not p.improvements:
            break
        pool = [sc for sc in eligible(q, current_levels) if sc.id not in scheduled]
        pool.sort(key=lambda sc: (-rank.get(sc.id, 0.0), sc.id))
        chosen: list[str] = []
        uncovered: list[str] = []
        for imp in p.improvements:
            best = None
            for sc in pool:
                lift = max((t.level for t in sc.raises if t.indicator == imp.indicator), default=0)
                if lift > imp.from_level:
                    score_key = (lift >= imp.to_level, rank.get(sc.id, 0.0), -EFFORT_WEIGHT[sc.effort])
                    if best is None or score_key > best[0]:
                        best = (score_key, sc)
            if best is None:
                uncovered.append(imp.indicator)
            elif best[1].id not in chosen:
                chosen.append(best[1].id)
        scheduled.update(chosen)
        chosen.sort(key=lambda s: -rank.get(s, 0.0))
        out.append(Phase(target_level=p.target, path=p, scenarios=chosen, uncovered=uncovered))
        plan = {i.indicator: i.to_level for i in p.improvements}
        current_values = apply(q, current_values, plan, ent)
        current = score(q, current_values, ent, a.assessed_on)
        current_levels = indicator_levels(current)
        if not p.reachable:
            break
    return out


# --------------------------------------------------------------------------- completeness


def completeness(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment) -> CompletenessCheck:
    """What the unanswered questions could still change: the grade if all were at the top."""
    unanswered = [r.id for d in a.dimensions for i in d.indicators for r in i.questions
                  if r.status == "unanswered"]
    best = a
    if unanswered:
        plan = {i.id: len(q.levels) for d in a.dimensions for i in d.indicators
                if any(r.status == "unanswered" for r in i.questions)}
        improved = dict(values)
        n = len(q.levels)
        filled = apply(q, {k: v for k, v in values.items()}, plan, a.enterprise)
        for qid in unanswered:
            if qid in filled:
                improved[qid] = filled[qid]
            else:
                improved[qid] = answer_reaching(q.questions[qid][2], None, n, n)  # type: ignore[assignment]
        best = score(q, improved, a.enterprise, a.assessed_on)
    return CompletenessCheck(unanswered=unanswered, level_now=a.level, score_now=a.score,
                             best_level=best.level, best_score=best.score)
