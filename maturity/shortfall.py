"""What holds a grade back, from the engine's numbers: the level whose gaps explain a
grade, and the parts short of it, largest impact first (the "why not one higher" of every
assessment and batch row)."""

from __future__ import annotations

from .model.questionnaire import CmmmScoring, PointsScoring, Questionnaire
from .numbers import Numbers, Part
from .rating import EPS, grade, level_weights


def target_level(scores: list[float | None], failing: int | None) -> int | None:
    """CMMM: the level whose gaps explain the grade: the first failing one, else the first below 1."""
    if failing is not None:
        return failing
    for i, s in enumerate(scores):
        if s is not None and s < 1 - EPS:
            return i + 1
    return None


def level_gaps(scoring: CmmmScoring, parts: list[tuple[float, list[float | None]]], ids: list[str],
               shares: list[float | None], lv: int) -> list[tuple[float, str, float]]:
    """``(impact, id, share)`` of each part short of level ``lv`` (1-based), largest first.

    The impact is how much the level score of the whole would rise if that part met
    the level fully, on the level-score scale.
    """
    base = shares[lv - 1]
    if base is None:
        return []
    short, met = [], [base]  # the parts short of the level, and the level share were each met
    for (_, sc), pid, w in zip(parts, ids, level_weights(parts, lv - 1), strict=True):
        x = sc[lv - 1]
        if w and x is not None and x < 1 - EPS:
            short.append((pid, x))
            met.append(min(1.0, base + w * (1 - x)))
    before, *after = scoring.ratings(met)
    out = [(score - before, pid, x) for (pid, x), score in zip(short, after, strict=True)]  # type: ignore[operator]
    out.sort(key=lambda g: (-g[0], g[1]))
    return out


def gaps(q: Questionnaire, num: Numbers) -> list[tuple[float, str, float, int]]:
    """``(impact, indicator, score, level)`` of what keeps the whole below the next grade,
    largest first; empty at the top grade."""
    scoring = q.scoring
    if num.level >= len(q.levels):
        return []
    if isinstance(scoring, PointsScoring):
        within = _held_by_points(scoring, num)
        # what the total would gain: the indicator's share of it (its points; in a mean,
        # its weight in its dimension's times its dimension's in the total) times what is missing
        out = [(scoring.total * d.norm * c.norm * (1 - c.frac), c.id, c.frac, c.level)
               for d in num.dims for c in d.children
               if c.applicable and c.frac < 1 - EPS and c.score_max > 0
               and (within is None or any(p in (d.id, c.id) for p in within))]
        out.sort(key=lambda g: (-g[0], g[1]))
        return out
    assert isinstance(scoring, CmmmScoring)
    lv = target_level(num.whole.scores, num.whole.failing)
    if lv is None:
        return []
    parts, ids = [], []  # every indicator as a part of the whole: dimension weight x its own
    for d in num.dims:
        if d.shares[lv - 1] is None:
            continue
        ind_parts = [(c.weight, c.shares) for c in d.children]
        dw = d.weight * (d.scope[lv - 1] if d.scope else 1.0)
        for c, w in zip(d.children, level_weights(ind_parts, lv - 1), strict=True):
            if w and c.shares[lv - 1] is not None:
                parts.append((dw * w, c.shares))
                ids.append(c.id)
    return _scored(scoring, level_gaps(scoring, parts, ids, num.whole.shares, lv), lv)


def _held_by_points(scoring: PointsScoring, num: Numbers) -> tuple[str, ...] | None:
    """Where the total's points reach the next grade already, the parts whose points its
    unmet rules still ask for (none where only counts of scenarios at a level are short);
    ``None`` where the points themselves fall short.  Listing every indicator's point share
    as what blocks the grade misled where a rule alone held it (91.88 points "short of" 40)."""
    if grade(scoring.bands, num.score) <= num.level:
        return None
    earned = num.earned()
    held = [scoring.requirements[i] for i in num.failed]
    return tuple(p for r in held if r.level == num.level + 1 and r.points is not None
                 and sum(earned.get(p, 0.0) for p in r.among) + EPS < r.points for p in r.among)


def holding_back(q: Questionnaire, dim: Part) -> list[tuple[float, str, float, int]]:
    """``(impact, indicator, score, level)`` of what keeps one dimension below its next grade."""
    scoring = q.scoring
    if dim.level >= len(q.levels):
        return []
    if isinstance(scoring, PointsScoring):
        out = [(scoring.total * c.norm * (1 - c.frac), c.id, c.frac, c.level)
               for c in dim.children if c.applicable and c.frac < 1 - EPS and c.level <= dim.level]
        out.sort(key=lambda g: (-g[0], g[1]))
        return out
    assert isinstance(scoring, CmmmScoring)
    lv = target_level(dim.scores, dim.failing)
    if lv is None:
        return []
    parts = [(c.weight, c.shares) for c in dim.children]
    return _scored(scoring, level_gaps(scoring, parts, [c.id for c in dim.children], dim.shares, lv), lv)


def _scored(scoring: CmmmScoring, found: list[tuple[float, str, float]], lv: int
            ) -> list[tuple[float, str, float, int]]:
    """``level_gaps``' ``(impact, id, share)`` as ``(impact, id, level score, level)``."""
    scores = scoring.ratings([x for _, _, x in found])  # none is None: every share is a number
    return [(impact, pid, score, lv)  # type: ignore[misc]
            for (impact, pid, _), score in zip(found, scores, strict=True)]


__all__ = ["gaps", "holding_back", "level_gaps", "target_level"]
