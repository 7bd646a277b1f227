"""The points and mean methods' roll-up, part of the compiled engine (:mod:`maturity.engine`):
:meth:`Plan.run <maturity.engine.Plan.run>` rates the questions once for every method and
hands its numbers here when the questionnaire is scored by points (the SME index) or by a
mean, instead of by CMMM levels.  The rules are in ``docs/methodology.md`` §2–3."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import groups
from .model.questionnaire import MeanScoring, PointsScoring
from .numbers import Numbers
from .rating import grade, norm, requirement_met

if TYPE_CHECKING:
    from .engine import Plan


def roll_up(plan: Plan, out: Numbers) -> None:
    """The points and mean methods' numbers of every part, from the rows :meth:`Plan.run`
    made: each indicator's fraction (through its groups where it has them), normalised
    weights, scores, bands, and the grade requirements that hold it back."""
    scoring = plan.q.scoring
    assert isinstance(scoring, PointsScoring)
    total_pts, bands = scoring.total, scoring.bands
    for d in out.dims:
        for c in d.children:
            if c.id in plan.trees:
                rows = {r.id: r for r in c.rows}
                c.frac = groups.mean_of([(w, f) for w, f, part in
                                         (groups.fraction(node, rows) for node in plan.trees[c.id])
                                         if part])
                continue
            qw = norm([r.weight for r in c.rows])
            c.frac = sum(w * r.fraction for w, r in zip(qw, c.rows, strict=True))
        for c, w in zip(d.children, norm([c.weight if c.applicable else 0.0 for c in d.children]),
                        strict=True):
            c.norm = w
        d.frac = sum(c.norm * c.frac for c in d.children)
    for d, w in zip(out.dims, norm([d.weight if d.applicable else 0.0 for d in out.dims]), strict=True):
        d.norm = w
    out.score = total_pts * sum(d.norm * d.frac for d in out.dims)
    out.score_max = total_pts
    mean = isinstance(scoring, MeanScoring)  # every score on the one scale, not a share
    for d in out.dims:
        d.level, d.score_max = grade(bands, total_pts * d.frac), total_pts * (1.0 if mean else d.norm)
        d.score = d.score_max * d.frac
        for c in d.children:
            c.level = grade(bands, total_pts * c.frac)
            c.score_max = total_pts if mean else d.score_max * c.norm
            c.score = c.score_max * c.frac
    earned = out.earned()
    out.level = grade(bands, out.score)
    # a requirement more than one level above the score's grade can neither lower the
    # grade nor be one of the next grade's rules: it is not checked (nor listed)
    upto = out.level + 1
    out.failed = [i for i, req in enumerate(scoring.requirements) if req.level <= upto
                  and not requirement_met(plan.q, req, out.status, out.reached, earned)]
    for i in out.failed:
        out.level = min(out.level, scoring.requirements[i].level - 1)
    out.whole.level, out.whole.score, out.whole.frac = out.level, out.score, out.score / total_pts
