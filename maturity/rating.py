"""The rules for one answer and the arithmetic every roll-up shares: what an answer
rates at each level (``rate``), whether a condition holds and a question takes part
(``status_of``), the production type that applies, the CMMM total and grade, and weighted
means.  Pure functions; ``maturity.engine`` is their only roll-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model.answers import NA, RATING_VALUES, Enterprise
from .model.assessment import Assessment
from .model.questionnaire import (
    ChecklistQuestion,
    ChoiceQuestion,
    Condition,
    GradeBand,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .normalise import Normalised
from .requirements import checklist_by_level, option_level, question_levels
from .validation import under

EPS = 1e-9
"""Tolerance for comparing sums of floats against thresholds and bands."""


def band_for(bands: Any, value: float) -> Any:
    """The band a value falls in (bands are checked to tile their range)."""
    last = len(bands) - 1
    for k, b in enumerate(bands):
        if value >= b.min and (b.max is None or value < b.max or (k == last and value <= b.max)):
            return b
    return bands[0] if value < bands[0].min else bands[-1]


def rate(question: QuestionT, value: Normalised | None, n: int, threshold: float
         ) -> tuple[dict[int, float], float, int]:
    """``(rating per level, fraction of points, level reached)`` of one answer.

    ``value`` is ``None`` for an unanswered or closed question (all zero).
    """
    if value is None:
        return dict.fromkeys(question_levels(question, n), 0.0), 0.0, 0
    if isinstance(question, YesNoQuestion):
        met = 1.0 if value else 0.0
        return {question.level: met}, met, question.level if value else 0
    if isinstance(question, ChecklistQuestion):
        assert isinstance(value, dict)
        get = value.get
        ratings: dict[int, float] = {}
        met = weights = 0.0
        # the highest level with items that meets the threshold, every level with items
        # below it meeting it too (levels without items never count on their own)
        reached, climbing = 0, True
        for lv, items in checklist_by_level(question):
            num = den = 0.0
            for item_id, weight in items:
                rating = get(item_id, 0.0)
                if rating.__class__ is str:  # NA, the only text a checked rating can be
                    continue  # the item does not apply: left out of its level
                num += weight * rating
                den += weight
            met += num
            weights += den
            if den:  # a level whose every item is n/a has no requirement from this question
                ratings[lv] = share = num / den
                if climbing and share + EPS >= threshold:
                    reached = lv
                else:
                    climbing = False
        return ratings, met / weights if weights else 0.0, reached
    levels = question_levels(question, n)
    if isinstance(question, LevelQuestion):
        full = int(value)  # type: ignore[arg-type]
        ratings = {lv: 1.0 if lv <= full else 0.0 for lv in levels}
        if value != full and full + 1 in ratings:  # "k+": the next level is met in part
            ratings[full + 1] = PARTLY
        return ratings, float(value) / n, full  # type: ignore[arg-type]
    elif isinstance(question, NumberQuestion):
        band = band_for(question.bands, float(value))  # type: ignore[arg-type]
        k = band.level
        fraction = band.fraction if band.fraction is not None else k / n
    elif isinstance(question, ChoiceQuestion):
        option = next(o for o in question.choices if o.id == value)
        k, fraction = option_level(option, n), option.value
    elif isinstance(question, MultiQuestion):
        assert isinstance(value, frozenset)
        total_w = sum(o.weight for o in question.options)
        share = 100.0 * sum(o.weight for o in question.options if o.id in value) / total_w
        band = band_for(question.bands, share)
        k = band.level
        fraction = band.fraction if band.fraction is not None else k / n
    else:  # pragma: no cover
        raise AssertionError(question.kind)
    return {lv: (1.0 if lv <= k else 0.0) for lv in levels}, fraction, k


PARTLY = RATING_VALUES["partly"]
"""Rating of the level after a ``k+`` answer (GB/T 39117's "partly met")."""


def holds(c: Condition, values: Mapping[str, Normalised]) -> bool:
    """Whether a condition on an earlier answer holds (unanswered / n/a: it does not)."""
    v = values.get(c.question)
    if v is None or v == NA:
        return False
    if c.at_least is not None:
        return not isinstance(v, bool) and isinstance(v, int | float) and v + EPS >= c.at_least
    if c.equals is not None:
        return v is c.equals
    return isinstance(v, frozenset) and any(o in v for o in c.includes or ())


def applicable(question: QuestionT, values: Mapping[str, Normalised], enterprise: Enterprise,
               ptype: str | None, status: Mapping[str, str] | None = None) -> bool:
    """Whether the question's ``applies`` holds (industry, production type, earlier answer).

    With ``status``, an earlier answer counts only when that question was itself asked.
    """
    a = question.applies
    if a is None:
        return True
    if a.industries is not None and enterprise.industry not in a.industries:
        return False
    if a.production_types is not None and ptype not in a.production_types:
        return False
    if a.when is None:
        return True
    asked = status is None or status.get(a.when.question) == "answered"
    return asked and holds(a.when, values)


def cmmm_total(scores: list[float | None], threshold: float) -> tuple[float, int | None]:
    """``(S, first failing level)`` from per-level scores (index 0 = level 1).

    Levels without requirements count as met below the first level that has any,
    and end the sum above the last one.
    """
    last = len(scores) - 1
    while last >= 0 and scores[last] is None:
        last -= 1
    total = 0.0
    for i in range(last + 1):
        s = scores[i]
        value = 1.0 if s is None else s
        total += value
        if value + EPS < threshold:
            return total, i + 1
    return total, None


def grade(bands: list[GradeBand], value: float) -> int:
    reached = 0
    value += EPS
    for b in bands:
        if value >= b.min and b.level > reached:
            reached = b.level
    return reached


def weighted(parts: list[tuple[float, list[float | None]]], n: int) -> list[float | None]:
    """Per-level weighted mean over parts that have a score at that level."""
    num = [0.0] * n
    den = [0.0] * n
    for w, scores in parts:
        if w > 0:
            for lv, s in enumerate(scores):
                if s is not None:
                    num[lv] += w * s
                    den[lv] += w
    return [num[lv] / den[lv] if den[lv] > 0 else None for lv in range(n)]


def weighted_by_level(weights: list[list[float]], shares: list[list[float | None]], n: int
                      ) -> list[float | None]:
    """:func:`weighted`, each part with a weight per level."""
    num = [0.0] * n
    den = [0.0] * n
    for ws, scores in zip(weights, shares, strict=True):
        for lv, s in enumerate(scores):
            w = ws[lv]
            if s is not None and w > 0:
                num[lv] += w * s
                den[lv] += w
    return [num[lv] / den[lv] if den[lv] > 0 else None for lv in range(n)]


def level_weights(parts: list[tuple[float, list[float | None]]], lv: int) -> list[float]:
    """Normalised weight of each part at level ``lv`` (0 where it has no score)."""
    ws = [w if scores[lv] is not None and w > 0 else 0.0 for w, scores in parts]
    total = sum(ws)
    return [w / total if total else 0.0 for w in ws]


def norm(ws: list[float]) -> list[float]:
    total = sum(ws)
    return [w / total if total > 0 else 0.0 for w in ws]


_AMONG: dict[tuple[int, int], tuple[Any, Any, tuple[str, ...]]] = {}


def _among(q: Questionnaire, req: Any) -> tuple[str, ...]:
    """The questions under a requirement's ``among`` (cached: the path search asks
    thousands of times; each entry keeps its questionnaire and requirement alive, so
    their ids are not reused while it lives)."""
    hit = _AMONG.get((id(q), id(req)))
    if hit is None or hit[0] is not q or hit[1] is not req:
        if len(_AMONG) > 1024:
            _AMONG.clear()
        hit = _AMONG[(id(q), id(req))] = (q, req, tuple(qid for qid in q.questions if under(qid, req.among)))
    return hit[2]


def requirement_counts(q: Questionnaire, req: Any, status: Mapping[str, str],
                       q_levels: Mapping[str, int]) -> tuple[int, int]:
    """``(questions under among at level >= at_least, mandatory ones there)`` of a
    points-method grade requirement; questions that do not apply are not counted."""
    # a plain loop, the level tested first: the path search asks this tens of thousands
    # of times per diagnosis, mostly of questions below the requirement's level
    at, reached = req.at_least, q_levels.get
    met = mandatory = 0
    for qid in _among(q, req):
        if reached(qid, 0) >= at and status.get(qid) != "not_applicable":
            met += 1
    for m in req.mandatory:
        if reached(m, 0) >= at:
            mandatory += 1
    return met, mandatory


def requirement_met(q: Questionnaire, req: Any, status: Mapping[str, str],
                    q_levels: Mapping[str, int], points: Mapping[str, float] | None = None) -> bool:
    """Whether a points-method grade requirement holds (``points``: earned per dimension
    and indicator id, for requirements on points)."""
    if req.points is not None and sum((points or {}).get(p, 0.0) for p in req.among) + EPS < req.points:
        return False
    met, mandatory = requirement_counts(q, req, status, q_levels)
    return mandatory == len(req.mandatory) and met >= req.count


def resolve_production_type(q: Questionnaire, enterprise: Enterprise) -> str | None:
    """Production type used: the enterprise's, else its industry's, else the questionnaire's."""
    if enterprise.production_type:
        return enterprise.production_type
    for ind in q.industries:
        if ind.id == enterprise.industry and ind.production_type:
            return ind.production_type
    return q.production_type


def answered_na(status: Mapping[str, str], values: Mapping[str, Any]) -> int:
    """Of the questions not applicable, those the user answered ``n/a`` (the others are left
    out by the enterprise's production type or industry, or by an earlier answer)."""
    return sum(1 for qid, st in status.items() if st == "not_applicable" and values.get(qid) == NA)


def status_of(question: QuestionT, qid: str, values: Mapping[str, Normalised],
              status: Mapping[str, str], enterprise: Enterprise, ptype: str | None) -> str:
    """answered / unanswered / not_applicable / closed (a follow-up not opened)."""
    if not applicable(question, values, enterprise, ptype, status):
        return "not_applicable"
    f = question.follow_up
    if f is not None:
        parent = status.get(f.question)
        if parent == "not_applicable":
            return "not_applicable"
        if parent != "answered" or not holds(f, values):
            return "closed"
    v = values.get(qid)
    if v is None:
        return "unanswered"
    return "not_applicable" if v == NA else "answered"


def unrated(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment) -> list[str]:
    """The checklist items of answered questions that the answers leave without a rating
    (left blank or not listed), as ``question.item``: scoring counts them as not met.  The
    statuses are the assessment's; the reports, the completeness check and the ``score``
    panel count through this (here, not in ``diagnosis``, so that the panel does not load
    the whole diagnosis to count them)."""
    status = {r.id: r.status for d in a.dimensions for i in d.indicators for r in i.questions}
    return unrated_item_ids(q, values, status)


def unrated_item_ids(q: Questionnaire, values: Mapping[str, Normalised],
                     status: Mapping[str, str]) -> list[str]:
    """The checklist items of answered questions that the answers leave without a rating
    (left blank or not listed), as ``question.item``: scoring counts them as not met.
    ``status``: each question's status (:func:`status_of`), as the engine leaves it."""
    out = []
    for qid, items in q.checklist_items.items():
        rated = values.get(qid)
        # a checklist's answer names only its own items (checked), so all are rated when
        # it names as many as there are: the common case costs a length test
        if isinstance(rated, dict) and len(rated) < len(items) and status.get(qid) == "answered":
            out += [f"{qid}.{i}" for i in items if i not in rated]
    return out
