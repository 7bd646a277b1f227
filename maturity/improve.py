"""Improving answers: the least change that lifts an indicator to a level (each question
by :mod:`maturity.reaching`), and the search for the smallest set of indicator
improvements that reaches a grade.

Shared by the diagnosis (path, completeness) and the recommendations (scenario effects).
Pure functions; every promise is checked by re-scoring with the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from .engine import plan_for, resolve_production_type
from .errors import UsageError
from .model.answers import NA, Enterprise
from .model.assessment import Assessment
from .model.diagnosis import Improvement, Path
from .model.questionnaire import (
    CmmmScoring,
    PointsScoring,
    Questionnaire,
)
from .normalise import Normalised, normalise
from .numbers import Numbers
from .rating import EPS, holds, rate, requirement_counts
from .reaching import answer_reaching, applies
from .scoring import points_earned


def restore_values(q: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Normalised]:
    """An assessment's answers (answers-file form) as the engine reads them.  Answers that
    do not fit ``q``, an unknown question or a value its question refuses (an assessment
    stored as JSON and edited, or scored against another version), are a ``UsageError``,
    not a ValueError or KeyError from inside the diagnosis (an embedder's audit)."""
    n = len(q.levels)
    unknown = [qid for qid in answers if qid not in q.questions]
    if unknown:
        raise UsageError(f"the assessment answers questions that {q.ref} does not have, {len(unknown)} of "
                         f"them ({', '.join(unknown[:3])}{' …' if len(unknown) > 3 else ''}): it was "
                         "scored against another questionnaire or version")
    out = {}
    for qid, v in answers.items():
        try:
            out[qid] = normalise(q.questions[qid][2], v, n)
        except ValueError as exc:  # ItemError too
            raise UsageError(f"the assessment's answer to {qid} does not fit {q.ref}: {exc}") from None
    return out


def indicator_levels(a: Assessment) -> dict[str, int]:
    return {i.id: i.level for d in a.dimensions for i in d.indicators}


def raised(levels: Mapping[str, int], after: Assessment) -> list[Improvement]:
    """The indicators ``after`` puts above ``levels`` (the levels before), from and to."""
    now = indicator_levels(after)
    return [Improvement(indicator=i, from_level=lv, to_level=now[i])
            for i, lv in levels.items() if now.get(i, 0) > lv]


# --------------------------------------------------------------------------- improving answers


def apply(q: Questionnaire, values: Mapping[str, Normalised], plan: Mapping[str, int],
          enterprise: Enterprise, reuse: dict[tuple[str, int, int], tuple[Any, Any]] | None = None
          ) -> dict[str, Normalised]:
    """Answers improved so that each indicator of ``plan`` meets its levels up to the planned one.

    Questions are visited in order, so a gate answered "yes" opens its follow-ups, which
    are then improved too.  Questions that do not apply are left alone.  ``reuse`` (one
    per path search) hands back the same improved answer object for the same answer and
    level, so that the engine's memo, which knows answers by identity, recognises them.
    """
    if not plan:
        return dict(values)
    n = len(q.levels)
    out = dict(values)
    for qid, (dim, ind, question) in q.questions.items():
        k = plan.get(f"{dim.id}.{ind.id}")
        if k is None or out.get(qid) == NA or not applies(question, out, enterprise, q):
            continue
        if question.follow_up is not None and not holds(question.follow_up, out):
            continue
        cur = out.get(qid)
        if reuse is None:
            new = answer_reaching(question, cur, k, n)
        else:
            hit = reuse.get((qid, k, id(cur)))
            if hit is None or hit[0] is not cur:
                hit = reuse[(qid, k, id(cur))] = (cur, answer_reaching(question, cur, k, n))
            new = hit[1]  # the entry keeps ``cur`` alive, so its id is not reused meanwhile
        if new is not None:
            out[qid] = new
    return out


MINOR_GAIN = 0.5
"""The share of its progress that the path search counts for an indicator that matters
little to the plant (``minor``)."""


def opens(q: Questionnaire, qid: str) -> bool:
    """Whether a question's applying depends on other answers (a condition or a follow-up):
    an improvement elsewhere can make it apply, so a path may have to lift it too."""
    question = q.questions[qid][2]
    when = question.applies.when if question.applies is not None else None
    return question.follow_up is not None or when is not None


# --------------------------------------------------------------------------- path to a grade


def progress(q: Questionnaire, a: Any, target: int,
             values: Mapping[str, Normalised] | None = None) -> float:
    """A number that rises as an assessment gets closer to ``target`` (guides the greedy
    search; whether a plan reaches the target is always decided by the engine's grade)."""
    value = a.level * 1000.0 + a.score / (a.score_max or 1) * 100
    if isinstance(q.scoring, PointsScoring):
        if isinstance(a, Numbers):  # the engine's numbers carry what each question reaches
            reached = a.reached
            earned = a.earned()
        else:
            n = len(q.levels)
            reached = {qid: rate(x, v, n, 0.8)[2] for qid, (_, _, x) in q.questions.items()
                       if (v := (values or {}).get(qid)) is not None and v != NA}
            earned = points_earned(a.dimensions)
        for req in q.scoring.requirements:
            if req.level > target:
                continue
            met, mand = requirement_counts(q, req, {}, reached)
            value += 10 * (min(met, req.count) / (req.count or 1) + mand / (len(req.mandatory) or 1))
            if req.points:
                value += 10 * min(1.0, sum(earned.get(p, 0.0) for p in req.among) / req.points)
    return value


class Grade(NamedTuple):
    """What the path search needs of a CMMM re-score rolled up without a full run."""

    level: int
    score: float
    score_max: float


def path_to(q: Questionnaire, values: Mapping[str, Normalised], ent: Enterprise,
            base: Assessment, target: int) -> Path:
    """Indicator improvements that lift the grade to ``target``: sufficient and irreducible.

    Greedy: add the indicator improvement with the most progress per level step until
    the target is reached; then drop every improvement that is not needed and lower
    every remaining one as far as it can go.  A minor indicator's steps count twice; a
    path that lifts one is compared with the search run again without them, started from
    the rest of that path (see below).
    """
    n = len(q.levels)
    start = indicator_levels(base)
    candidates = [i.id for d in base.dimensions for i in d.indicators
                  if any(r.status != "not_applicable" or opens(q, r.id) for r in i.questions)]
    # the plant's own indicators first: what its group (or partner) runs for it is lifted
    # only when the grade cannot be reached without it; what matters little to the plant
    # (``minor``) counts for half its progress, so it is lifted where it is clearly the
    # cheaper way to the grade, not in place of a like step elsewhere
    elsewhere = q.run_elsewhere(ent)
    soft = q.minor(ent, resolve_production_type(q, ent))
    pool = [i for i in candidates if i not in elsewhere] or candidates

    memo: dict[frozenset[tuple[str, int]], tuple[Any, dict[str, Normalised] | None]] = {}
    # the search needs only grade, score and (points method) what each question reaches, so
    # it re-scores with the compiled plan (the engine's numbers), not by building models;
    # under CMMM it rolls up only what each improvement moves (below)
    engine = plan_for(q, resolve_production_type(q, ent))
    fast = engine if isinstance(q.scoring, CmmmScoring) else None

    reuse: dict[tuple[str, int, int], tuple[Any, Any]] = {}
    # an improvement of indicators that nothing else depends on changes only their shares:
    # the whole is rolled up from the base shares with theirs replaced (Plan.total)
    parts: dict[tuple[str, int], list[float | None]] = {}
    base_shares = {}
    cut = fast.out_of_scope(ent) if fast is not None else frozenset()
    if fast is not None:
        base_shares = {c.id: c.shares for d in fast.run(values, ent, memo=True).dims for c in d.children}

    def shares(ind: str, k: int) -> list[float | None]:
        if (ind, k) not in parts:
            assert fast is not None
            parts[(ind, k)] = fast.indicator_shares(ind, apply(q, values, {ind: k}, ent, reuse), ent)
        return parts[(ind, k)]

    def evaluate(plan: Mapping[str, int]) -> tuple[Any, dict[str, Normalised] | None]:
        key = frozenset(plan.items())
        if key not in memo and fast is not None:
            if all(i in fast.isolated for i in plan):
                improved = None  # progress needs no answers under CMMM
                level, total = fast.total({**base_shares, **{i: shares(i, k) for i, k in plan.items()}}, cut)
            else:  # the answers change only in the plan's indicators: re-rate what they move
                improved = apply(q, values, plan, ent, reuse)
                moved = set().union(*(fast.affected[i] for i in plan))
                level, total = fast.total({**base_shares, **{i: fast.indicator_shares(i, improved, ent)
                                                             for i in moved}}, cut)
            memo[key] = (Grade(level, total, float(n)), improved)
        if key not in memo:
            improved = apply(q, values, plan, ent, reuse)
            memo[key] = (engine.run(improved, ent, memo=True), improved)
        return memo[key]

    def run(plan: Mapping[str, int]) -> Any:
        return evaluate(plan)[0]

    # a target more than one grade away: each step tries one level up or straight to the
    # target (not every level between), which keeps a far search to a few seconds
    far = target > base.level + 1
    # under CMMM an indicator's level is a level of the grade: lifting one above the grade
    # aimed for counts as a longer way (the points method's rules ask levels of their own)
    lean = fast is not None

    def search(pool: list[str], wider: list[str], seed: Mapping[str, int] | None = None,
               beyond: bool = True) -> tuple[dict[str, int], bool]:
        """Greedy over ``pool`` (``wider`` where it does not get there) from ``seed`` (the
        base where none), then made irreducible; and whether it reaches the target."""
        plan: dict[str, int] = dict(seed or {})
        current = run(plan)  # as the search's own numbers (progress compares like with like)
        while current.level < target:
            best: tuple[float, int, str, int, Assessment] | None = None
            here = progress(q, current, target, evaluate(plan)[1])
            for ind in pool:
                lo = plan.get(ind, start[ind])
                # beyond one level above the target an improvement only adds a partial score
                top = min(n, max(target + 1, lo + 1)) if beyond else min(n, target)
                for k in (sorted({lo + 1, min(target, top), top} - {lo}) if far else range(lo + 1, top + 1)):
                    # an indicator at the top has no level above it; the search that stays at the
                    # target never goes beyond it (a far target's candidates held lo + 1: review)
                    if k <= lo or k > n or (not beyond and k > target):
                        continue
                    trial, improved = evaluate({**plan, ind: k})
                    steps = float(k - lo)
                    if ind in soft:  # counts as a longer way: half the progress, twice the steps
                        steps /= MINOR_GAIN
                    if k > target and lean:  # so does a level above the grade aimed for
                        steps += (k - max(lo, target)) * (1 / MINOR_GAIN - 1)
                    gain = (progress(q, trial, target, improved) - here) / steps
                    done = trial.level >= target
                    key = (1.0 if done else 0.0, gain if not done else -steps, ind, k)
                    if gain > EPS and (best is None or key[:2] > best[:2]):
                        best = (*key[:2], ind, k, trial)  # type: ignore[assignment]
            if best is None and len(pool) < len(wider):
                pool = wider  # the plant's own indicators do not get there: all of them
                continue
            if best is None:
                return plan, False
            plan[best[2]] = best[3]
            current = best[4]

        # make it irreducible: drop what is not needed, then lower what can be lowered
        changed = True
        while changed:
            changed = False
            # what others run, then what matters little, goes first (a seeded search may
            # carry one in), then the smaller steps
            for ind in sorted(plan, key=lambda i: (i not in elsewhere, i not in soft, plan[i] - start[i])):
                trial_plan = {k: v for k, v in plan.items() if k != ind}
                if run(trial_plan).level >= target:
                    plan, changed = trial_plan, True
            for ind in list(plan):
                for k in range(start[ind] + 1, plan[ind]):
                    trial_plan = {**plan, ind: k}
                    if run(trial_plan).level >= target:
                        plan, changed = trial_plan, True
                        break
        return plan, True

    def cost(plan: Mapping[str, int]) -> tuple[int, float, int]:
        """What a path asks, to compare two: level steps in functions others run for the
        plant (those come last, as above), then level steps with a minor indicator's counted
        twice (as the greedy step counts them), then plain level steps."""
        steps = {i: k - start[i] for i, k in plan.items()}
        above = sum(k - max(start[i], target) for i, k in plan.items() if k > target) if lean else 0
        return (sum(x for i, x in steps.items() if i in elsewhere),
                sum(x / (MINOR_GAIN if i in soft else 1) for i, x in steps.items())
                + above * (1 / MINOR_GAIN - 1), sum(steps.values()))

    plan, reached = search(pool, candidates)
    # the greedy step takes any move that completes the grade, however long: where the path
    # it finds lifts a minor indicator, the search runs again without them, from the rest
    # of that path, and the path that asks less is kept (the first on a tie).  Round 128: a
    # pharmaceutical plant, energy a minor cost to it, was told to lift energy by two levels
    # where five one-level steps of its own indicators reach the grade
    if reached and soft & plan.keys():
        other, ok = search([i for i in pool if i not in soft], [i for i in candidates if i not in soft],
                           seed={i: k for i, k in plan.items() if i not in soft})
        if ok and cost(other) < cost(plan):
            plan = other
    # likewise a path that lifts an indicator above the grade it aims for (progress at the
    # level above counts in S) against the search that stays at that grade, from the rest
    # of the path; the one that stays is kept on a tie.  A consultant's audit found a path to
    # L4 that asked an indicator to L5 where as few L4 steps elsewhere reach it
    if reached and lean and any(k > target for k in plan.values()):
        other, ok = search(pool, candidates, seed={i: min(k, target) for i, k in plan.items()
                                                    if min(k, target) > start[i]}, beyond=False)
        if ok and cost(other) <= cost(plan):
            plan = other
    final = run(plan)
    return Path(target=target, reachable=reached, improvements=_improvements(plan, start),
                level_after=final.level, score_after=final.score)


def _improvements(plan: Mapping[str, int], start: Mapping[str, int]) -> list[Improvement]:
    order = sorted(plan, key=lambda i: (-(plan[i] - start[i]), i))
    return [Improvement(indicator=i, from_level=start[i], to_level=plan[i]) for i in order]
