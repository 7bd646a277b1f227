"""Targets per dimension or indicator (a target posture, as OWASP SAMM plans it): the
smallest set of indicator improvements that meets every target, sufficient and
irreducible like the path to the next grade, and the targets no improvement can reach,
with the reason (``docs/diagnosis.md``, "Targets").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import Issue, UsageError
from .improve import apply, indicator_levels, restore_values
from .model.assessment import Assessment
from .model.diagnosis import Improvement, TargetPlan, TargetResult
from .model.questionnaire import Questionnaire
from .scoring import score
from .target_levels import target_level, target_problems


def read_targets(q: Questionnaire, raw: Mapping[str, Any]) -> dict[str, int]:
    """``{dimension or indicator id: level}`` checked: known ids, levels 1..n or ``L3``
    (:func:`maturity.normalise.target_problems`, the check ``validate`` makes)."""
    issues = [Issue(message, field=f"targets.{ident}", code="bad_target")
              for ident, message in target_problems(q, raw)]
    if issues:
        raise UsageError("; ".join(f"{i.field}: {i.message}" for i in issues), issues)
    return {ident: target_level(q, value) for ident, value in raw.items()}


def _levels(a: Assessment) -> dict[str, int]:
    return {**indicator_levels(a), **{d.id: d.level for d in a.dimensions}}


def _applicable(a: Assessment) -> set[str]:
    return {i.id for d in a.dimensions for i in d.indicators if i.applicable}


def _score(a: Assessment, dim_id: str) -> float:
    return next(d.score for d in a.dimensions if d.id == dim_id)


def _indicators(q: Questionnaire, targets: Mapping[str, int], plan: dict[str, int],
                run: Any, applicable: set[str], start: Mapping[str, int]) -> dict[str, int]:
    """``plan`` with every indicator target below its level lifted to it."""
    n = len(q.levels)
    plan = dict(plan)
    for ind, k in targets.items():
        if ind not in q.indicators or _levels(run(plan))[ind] >= k or ind not in applicable:
            continue
        # the least improvement that gets it there: lifting its answers to level k usually
        # does; where a question counts only from a higher level, a higher lift
        # below its level today only because another lift opened questions in it: the
        # least lift that answers them, from k (never a "lift" to where it already was)
        lo = max(k, plan[ind]) if ind in plan else k
        plan[ind] = next((j for j in range(lo, n + 1) if _levels(run({**plan, ind: j}))[ind] >= k), n)
    return plan


def _dimensions(q: Questionnaire, targets: Mapping[str, int], plan: dict[str, int],
                run: Any, start: Mapping[str, int]) -> dict[str, int]:
    """``plan`` with each dimension target below its level lifted greedily: the
    improvement of one of its indicators that raises the dimension's score most per level
    step, until it is met or nothing raises it."""
    n = len(q.levels)
    plan = dict(plan)
    for dim_id, k in targets.items():
        if dim_id in q.indicators:
            continue
        every = [f"{dim_id}.{i.id}" for i in next(d for d in q.dimensions if d.id == dim_id).indicators]
        while _levels(run(plan))[dim_id] < k:
            # what applies is judged on the plan so far: an improvement can open an
            # indicator whose questions follow from the ones it lifts
            members = [i for i in every if i in _applicable(run(plan))]
            now = _score(run(plan), dim_id)
            best = None
            for ind in members:  # the most score per level step, over any step size
                lo = plan.get(ind, start[ind])
                for step in range(lo + 1, n + 1):
                    gain = (_score(run({**plan, ind: step}), dim_id) - now) / (step - lo)
                    if gain > 1e-9 and (best is None or gain > best[0]):
                        best = (gain, ind, step)
            if best is None:
                # no one improvement moves the score (e.g. a grade rule needs several at
                # once): all of them at the top, if that reaches it; the pruning below
                # takes back what is not needed
                top = {**plan, **{i: n for i in every}}
                if _levels(run(top))[dim_id] >= k:
                    plan = top
                break
            plan[best[1]] = best[2]
    return plan


def plan_targets(q: Questionnaire, a: Assessment, targets: Mapping[str, int]) -> TargetPlan:
    """The least indicator improvements that meet every target that can be met.

    Indicator targets ask for themselves; a dimension target takes, greedily, the
    improvement of one of its indicators by one level that raises the dimension's score
    most, until it is met or nothing raises it. Then every improvement is dropped or
    lowered as far as every met target stays met (irreducible)."""
    values = restore_values(q, a.answers)
    ent = a.enterprise
    start = indicator_levels(a)
    applicable = _applicable(a)
    memo: dict[frozenset[tuple[str, int]], Assessment] = {}

    def run(plan: Mapping[str, int]) -> Assessment:
        key = frozenset(plan.items())
        if key not in memo:
            memo[key] = score(q, apply(q, values, plan, ent), ent, detail=False)
        return memo[key]

    plan: dict[str, int] = {}
    # a lift can lower a target met before it: a scope question answered yes to open what
    # it asks makes questions elsewhere apply, which count as not yet until they are
    # answered; so the targets are taken again, on the plan so far, until none asks for
    # more (each pass only raises the plan, so it ends)
    while True:
        before = dict(plan)
        plan = _indicators(q, targets, plan, run, applicable, start)
        plan = _dimensions(q, targets, plan, run, start)
        if plan == before:
            break
    met = {t for t, k in targets.items() if _levels(run(plan)).get(t, 0) >= k}

    def holds(trial: Mapping[str, int]) -> bool:
        levels = _levels(run(trial))
        return all(levels.get(t, 0) >= targets[t] for t in met)

    changed = True
    while changed:  # irreducible: drop what is not needed, then lower what can be lowered
        changed = False
        for ind in sorted(plan, key=lambda i: plan[i] - start[i]):
            trial = {i: v for i, v in plan.items() if i != ind}
            if holds(trial):
                plan, changed = trial, True
        for ind in list(plan):
            for lower in range(start[ind] + 1, plan[ind]):
                if holds({**plan, ind: lower}):
                    plan, changed = {**plan, ind: lower}, True
                    break
    after = _levels(run(plan))
    now = _levels(a)
    results = []
    for t, k in targets.items():
        reason = None
        if t not in met:
            reason = "not_applicable" if t in q.indicators and t not in applicable else "unreachable"
        results.append(TargetResult(id=t, level=k, now=now.get(t, 0), after=after.get(t, 0), reason=reason))
    final = run(plan)
    # from where the other lifts leave it: below today's level where they open questions in it
    before = {i: min(start[i], _levels(run({j: v for j, v in plan.items() if j != i}))[i]) for i in plan}
    improvements = [Improvement(indicator=i, from_level=before[i], to_level=plan[i])
                    for i in sorted(plan, key=lambda i: (-(plan[i] - before[i]), i))]
    return TargetPlan(targets=results, improvements=improvements, level_after=final.level,
                      score_after=final.score)


__all__ = ["plan_targets", "read_targets"]
