"""The engine: a pure function from (questionnaire, answers) to an :class:`Assessment`.

No I/O, no printing.  The rules are written down with a worked example in
``docs/methodology.md``; in short:

* every question gives a *rating* in [0, 1] to each level it has a requirement at
  (level choice / number / multi-select answer k: 1 for levels ≤ k, 0 above;
  yes/no: its one level; checklist: the weighted mean rating of its items of that
  level), and a *fraction* of its points (points method);
* unanswered questions and follow-ups that were not opened rate 0 ("not yet");
  not-applicable questions are left out, as if absent;
* CMMM: ratings roll up by weight to one score per level for each indicator,
  dimension and the whole; a level with no requirement under a node is skipped at
  that node (vacuously met when below the node's first requirement, the end of the
  sum when above its last); the total S adds level scores from level 1 and stops
  after the first below the threshold; the grade is the highest band S reaches;
* points: each question earns ``fraction × points``; the grade is the highest
  band reached whose requirements (and those of lower grades) hold.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model.answers import ANSWERS_FORMAT, NA, RATING_VALUES, AnswersFile, Enterprise
from .model.assessment import (
    Assessment,
    DimensionResult,
    IndicatorResult,
    NextLevel,
    QuestionResult,
    Shortfall,
)
from .model.base import ReadOnlyDict
from .model.questionnaire import (
    ChecklistQuestion,
    CmmmScoring,
    Condition,
    GradeBand,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    PointsScoring,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .requirements import question_levels
from .validation import Normalised, PartLevel, check_answers, under

EPS = 1e-9
"""Tolerance for comparing sums of floats against thresholds and bands."""
SHORTFALLS = 10
"""How many shortfalls an explanation lists at most."""


def assess(questionnaire: Questionnaire, answers: AnswersFile | Mapping[str, Any]) -> Assessment:
    """Score ``answers`` against ``questionnaire``.

    ``answers`` is an :class:`AnswersFile` (from :func:`maturity.load_answers`), a
    mapping in the answers-file format, or a plain mapping of question id → answer.
    Raises :class:`~maturity.errors.AnswersError` listing every invalid answer.
    """
    if not isinstance(answers, AnswersFile):
        from .loading import answers_from_raw

        raw = answers if "format" in answers else {
            "format": ANSWERS_FORMAT, "questionnaire": questionnaire.ref, "answers": dict(answers)}
        answers = answers_from_raw(raw, "<answers>")
    values = check_answers(questionnaire, answers)
    result = score(questionnaire, values, answers.enterprise, answers.assessed_on)
    if answers.assessor:
        result = result.model_copy(update={"assessor": answers.assessor})
    return result


# --------------------------------------------------------------------------- one question


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
    levels = question_levels(question, n)
    if value is None:
        return dict.fromkeys(levels, 0.0), 0.0, 0
    if isinstance(question, YesNoQuestion):
        met = 1.0 if value else 0.0
        return {question.level: met}, met, question.level if value else 0
    if isinstance(question, ChecklistQuestion):
        assert isinstance(value, dict)
        num: dict[int, float] = dict.fromkeys(levels, 0.0)
        den: dict[int, float] = dict.fromkeys(levels, 0.0)
        for item in question.items:
            rating = value.get(item.id, 0.0)
            if rating == NA:
                continue  # the item does not apply: left out of its level
            num[item.level] += item.weight * rating
            den[item.level] += item.weight
        # a level whose every item is n/a has no requirement from this question
        ratings = {lv: num[lv] / den[lv] for lv in levels if den[lv]}
        total_w = sum(den.values())
        fraction = sum(num.values()) / total_w if total_w else 0.0
        # the highest level with items that meets the threshold, every level with items
        # below it meeting it too (levels without items never count on their own)
        reached = 0
        for lv in sorted(ratings):
            if ratings[lv] + EPS < threshold:
                break
            reached = lv
        return ratings, fraction, reached
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


# --------------------------------------------------------------------------- roll-up helpers


def cmmm_total(scores: list[float | None], threshold: float) -> tuple[float, int | None]:
    """``(S, first failing level)`` from per-level scores (index 0 = level 1).

    Levels without requirements count as met below the first level that has any,
    and end the sum above the last one.
    """
    defined = [i for i, s in enumerate(scores) if s is not None]
    if not defined:
        return 0.0, None
    last = defined[-1]
    total = 0.0
    for i, s in enumerate(scores):
        if i > last:
            break
        value = 1.0 if s is None else s
        total += value
        if value + EPS < threshold:
            return total, i + 1
    return total, None


def grade(bands: list[GradeBand], value: float) -> int:
    reached = 0
    for b in bands:
        if value + EPS >= b.min:
            reached = max(reached, b.level)
    return reached


def _weighted(parts: list[tuple[float, list[float | None]]], n: int) -> list[float | None]:
    """Per-level weighted mean over parts that have a score at that level."""
    out: list[float | None] = []
    for lv in range(n):
        num = den = 0.0
        for w, scores in parts:
            s = scores[lv]
            if s is not None and w > 0:
                num += w * s
                den += w
        out.append(num / den if den > 0 else None)
    return out


def _level_weights(parts: list[tuple[float, list[float | None]]], lv: int) -> list[float]:
    """Normalised weight of each part at level ``lv`` (0 where it has no score)."""
    ws = [w if scores[lv] is not None and w > 0 else 0.0 for w, scores in parts]
    total = sum(ws)
    return [w / total if total else 0.0 for w in ws]


def _norm(ws: list[float]) -> list[float]:
    total = sum(ws)
    return [w / total if total > 0 else 0.0 for w in ws]


# --------------------------------------------------------------------------- the engine


def resolve_production_type(q: Questionnaire, enterprise: Enterprise) -> str | None:
    """Production type used: the enterprise's, else its industry's, else the questionnaire's."""
    if enterprise.production_type:
        return enterprise.production_type
    for ind in q.industries:
        if ind.id == enterprise.industry and ind.production_type:
            return ind.production_type
    return q.production_type


def score(q: Questionnaire, values: Mapping[str, Normalised], enterprise: Enterprise | None = None,
          assessed_on: Any = None, detail: bool = True) -> Assessment:
    """Score already-checked answers (see :func:`maturity.validation.check_answers`).

    ``detail=False`` skips the per-question results and the explanations: the grades
    and scores are the same, for callers that re-score many variants (the diagnosis).
    """
    enterprise = enterprise or Enterprise()
    n = len(q.levels)
    scoring = q.scoring
    cmmm = isinstance(scoring, CmmmScoring)
    threshold = scoring.threshold if isinstance(scoring, CmmmScoring) else 0.8
    ptype = resolve_production_type(q, enterprise)
    overrides: dict[str, float] = {}
    for pt in q.production_types:
        if pt.id == ptype:
            overrides = pt.weights
    profile = ptype if overrides else None

    effective: dict[str, Normalised | None] = {}  # what each question scores with
    status: dict[str, str] = {}
    warnings: list[str] = []
    q_levels: dict[str, int] = {}
    dims: list[tuple[Any, float, list[tuple[Any, float, list[tuple[str, float, dict, float, int]]]]]] = []

    for dim in q.dimensions:
        ind_rows = []
        for ind in dim.indicators:
            prefix = f"{dim.id}.{ind.id}."
            rows = []
            for question in ind.questions:
                qid = prefix + question.id
                st = _status(question, qid, values, status, enterprise, ptype)
                status[qid] = st
                if st == "not_applicable":
                    effective[qid] = NA
                    if qid in values and values[qid] != NA:
                        warnings.append(f"{qid}: answer ignored, the question does not apply")
                    continue
                if st == "closed" and qid in values:
                    warnings.append(f"{qid}: answer ignored, {question.follow_up.question} "  # type: ignore[union-attr]
                                    f"does not open this follow-up")
                value = values.get(qid) if st == "answered" else None
                effective[qid] = value
                ratings, fraction, reached = rate(question, value, n, threshold)
                q_levels[qid] = reached
                rows.append((qid, overrides.get(qid, question.weight), ratings, fraction, reached))
            ind_rows.append((ind, overrides.get(prefix[:-1], ind.weight), rows))
        dims.append((dim, overrides.get(dim.id, dim.weight), ind_rows))

    counts = {k: 0 for k in ("answered", "unanswered", "not_applicable", "closed")}
    for st in status.values():
        counts[st] += 1
    askable = counts["answered"] + counts["unanswered"]
    completeness = counts["answered"] / askable if askable else 1.0

    if cmmm:
        dim_results, level_scores, total, level, next_level = _roll_cmmm(q, dims, status, n, threshold,
                                                                         detail)
        score_max = float(n)
    else:
        assert isinstance(scoring, PointsScoring)
        dim_results, total, level, next_level = _roll_points(q, scoring, dims, status, q_levels, detail)
        level_scores, score_max = [], scoring.total

    return Assessment.model_construct(
        questionnaire=q.ref, method=scoring.method, levels=n, enterprise=enterprise,
        assessed_on=assessed_on, production_type=ptype, profile=profile,
        level=level, score=total, score_max=score_max, level_scores=tuple(level_scores),
        completeness=completeness, **counts, dimensions=tuple(dim_results),
        next_level=next_level, warnings=tuple(warnings),
        answers=ReadOnlyDict(answers_form(values) if detail else {}),
    )


def answers_form(values: Mapping[str, Normalised]) -> dict[str, Any]:
    """Checked answers back in answers-file (and JSON) form: option sets as sorted lists."""
    return {qid: sorted(v) if isinstance(v, frozenset) else str(v) if isinstance(v, PartLevel) else v
            for qid, v in values.items()}


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


def _status(question: QuestionT, qid: str, values: Mapping[str, Normalised],
            status: Mapping[str, str], enterprise: Enterprise, ptype: str | None) -> str:
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


def _qresults(rows: list, status: Mapping[str, str], ind: Any, prefix: str,
              overrides_weight: dict[str, float], detail: bool = True) -> list[QuestionResult]:
    if not detail:
        return []
    by_id = {r[0]: r for r in rows}
    out = []
    for question in ind.questions:
        qid = prefix + question.id
        r = by_id.get(qid)
        out.append(QuestionResult.model_construct(
            id=qid, status=status[qid],
            level=r[4] if r else None, fraction=r[3] if r else None,
            weight=r[1] if r else overrides_weight.get(qid, question.weight)))
    return out


def rated(scoring: CmmmScoring, shares: list[float | None]) -> list[float | None]:
    """Level scores from per-level shares of requirements met (``CmmmScoring.rating``)."""
    return [scoring.rating(x) for x in shares]


def level_gaps(scoring: CmmmScoring, parts: list[tuple[float, list[float | None]]], ids: list[str],
               shares: list[float | None], lv: int) -> list[tuple[float, str, float]]:
    """``(impact, id, share)`` of each part short of level ``lv`` (1-based).

    The impact is how much the level score of the whole would rise if that part met
    the level fully, on the level-score scale.
    """
    base = shares[lv - 1]
    if base is None:
        return []
    before = scoring.rating(base)
    out = []
    for (_, sc), pid, w in zip(parts, ids, _level_weights(parts, lv - 1), strict=True):
        x = sc[lv - 1]
        if w and x is not None and x < 1 - EPS:
            out.append((scoring.rating(min(1.0, base + w * (1 - x))) - before, pid, x))
    out.sort(key=lambda g: (-g[0], g[1]))
    return out


def _roll_cmmm(q: Questionnaire, dims: list, status: Mapping[str, str], n: int, threshold: float,
               detail: bool = True):
    scoring = q.scoring
    assert isinstance(scoring, CmmmScoring)
    bands = scoring.bands
    dim_parts: list[tuple[float, list[float | None]]] = []
    dim_ids: list[str] = []
    dim_results: list[DimensionResult] = []
    # keep indicator parts per dimension for the explanations
    all_ind: list[tuple[list[tuple[float, list[float | None]]], list[str]]] = []
    for dim, dw, ind_rows in dims:
        ind_parts: list[tuple[float, list[float | None]]] = []
        ind_ids: list[str] = []
        ind_results: list[IndicatorResult] = []
        for ind, iw, rows in ind_rows:
            q_parts = [(w, [ratings.get(lv) for lv in range(1, n + 1)]) for _, w, ratings, _, _ in rows]
            shares = _weighted(q_parts, n)
            scores = rated(scoring, shares)
            s, _ = cmmm_total(scores, threshold)
            iid = f"{dim.id}.{ind.id}"
            ind_parts.append((iw, shares))
            ind_ids.append(iid)
            ind_results.append(IndicatorResult.model_construct(
                id=iid, weight=iw, level=grade(bands, s), score=s, score_max=float(n),
                level_scores=tuple(scores), applicable=bool(rows),
                questions=tuple(_qresults(rows, status, ind, iid + ".", {}, detail))))
        shares = _weighted(ind_parts, n)
        scores = rated(scoring, shares)
        s, failing = cmmm_total(scores, threshold)
        lvl = grade(bands, s)
        holding: list[Shortfall] = []
        if lvl < n and detail:
            target = _cmmm_target_level(scores, failing)
            if target is not None:
                holding = _shortfalls(scoring, ind_parts, ind_ids, shares, target)
        dim_results.append(DimensionResult.model_construct(
            id=dim.id, weight=dw, level=lvl, score=s, score_max=float(n), level_scores=tuple(scores),
            applicable=any(i.applicable for i in ind_results),
            indicators=tuple(ind_results), holding_back=tuple(holding)))
        dim_parts.append((dw, shares))
        dim_ids.append(dim.id)
        all_ind.append((ind_parts, ind_ids))
    shares = _weighted(dim_parts, n)
    scores = rated(scoring, shares)
    total, failing = cmmm_total(scores, threshold)
    level = grade(bands, total)
    next_level = None
    if level < n and detail:
        target = _cmmm_target_level(scores, failing)
        shortfalls: list[Shortfall] = []
        if target is not None:
            # every indicator, as a part of the whole: its dimension's weight x its own
            flat_parts, flat_ids = [], []
            for (dw, _), (ind_parts, ind_ids) in zip(dim_parts, all_ind, strict=True):
                iws = _level_weights(ind_parts, target - 1)
                for (_, sc), iid, iwn in zip(ind_parts, ind_ids, iws, strict=True):
                    if iwn and sc[target - 1] is not None:
                        flat_parts.append((dw * iwn, sc))
                        flat_ids.append(iid)
            if flat_parts:
                shortfalls = _shortfalls(scoring, flat_parts, flat_ids, shares, target)
        needed = next(b.min for b in bands if b.level == level + 1)
        next_level = NextLevel.model_construct(
            level=level + 1, needed=needed, score=total, failing_level=failing,
            failing_score=scores[failing - 1] if failing else None,
            shortfalls=tuple(shortfalls[:SHORTFALLS]), unmet_requirements=())
    return dim_results, scores, total, level, next_level


def _cmmm_target_level(scores: list[float | None], failing: int | None) -> int | None:
    """Level whose gaps explain the grade: the first failing one, else the first below 1."""
    if failing is not None:
        return failing
    for i, s in enumerate(scores):
        if s is not None and s < 1 - EPS:
            return i + 1
    return None


def _shortfalls(scoring: CmmmScoring, parts: list[tuple[float, list[float | None]]], ids: list[str],
                shares: list[float | None], target: int) -> list[Shortfall]:
    return [Shortfall.model_construct(indicator=pid, level=target, score=scoring.rating(x), impact=impact)
            for impact, pid, x in level_gaps(scoring, parts, ids, shares, target)]


def _roll_points(q: Questionnaire, scoring: PointsScoring, dims: list, status: Mapping[str, str],
                 q_levels: Mapping[str, int], detail: bool = True):
    total_pts = scoring.total
    bands = scoring.bands
    dim_fracs: list[tuple[float, float, bool]] = []  # weight, internal fraction, has questions
    dim_results_raw = []
    for dim, dw, ind_rows in dims:
        ind_fracs: list[tuple[float, float, bool]] = []
        ind_raw = []
        for ind, iw, rows in ind_rows:
            qws = _norm([w for _, w, _, _, _ in rows])
            frac = sum(w * f for w, (_, _, _, f, _) in zip(qws, rows, strict=True))
            ind_fracs.append((iw, frac, bool(rows)))
            ind_raw.append((ind, iw, rows, frac))
        iws = _norm([w if has else 0.0 for w, _, has in ind_fracs])
        dfrac = sum(w * f for w, (_, f, _) in zip(iws, ind_fracs, strict=True))
        has_any = any(has for _, _, has in ind_fracs)
        dim_fracs.append((dw, dfrac, has_any))
        dim_results_raw.append((dim, dw, ind_raw, iws, dfrac))
    dws = _norm([w if has else 0.0 for w, _, has in dim_fracs])
    total = total_pts * sum(w * f for w, (_, f, _) in zip(dws, dim_fracs, strict=True))

    dim_results = []
    all_short: list[Shortfall] = []
    for (dim, dw, ind_raw, iws, dfrac), dwn in zip(dim_results_raw, dws, strict=True):
        ind_results = []
        d_short = []
        dlevel = grade(bands, total_pts * dfrac)
        for (ind, iw, rows, frac), iwn in zip(ind_raw, iws, strict=True):
            iid = f"{dim.id}.{ind.id}"
            ilevel = grade(bands, total_pts * frac)
            pts_max = total_pts * dwn * iwn
            ind_results.append(IndicatorResult.model_construct(
                id=iid, weight=iw, level=ilevel, score=pts_max * frac, score_max=pts_max,
                level_scores=(), applicable=bool(rows),
                questions=tuple(_qresults(rows, status, ind, iid + ".", {}, detail))))
            if rows and frac < 1 - EPS:
                if ilevel <= dlevel:
                    d_short.append(Shortfall.model_construct(
                        indicator=iid, level=ilevel, score=frac,
                        impact=total_pts * iwn * (1 - frac)))
                if pts_max > 0:
                    all_short.append(Shortfall.model_construct(
                        indicator=iid, level=ilevel, score=frac, impact=pts_max * (1 - frac)))
        d_short.sort(key=lambda s: (-s.impact, s.indicator))
        dim_results.append(DimensionResult.model_construct(
            id=dim.id, weight=dw, level=dlevel, score=total_pts * dwn * dfrac,
            score_max=total_pts * dwn, level_scores=(), indicators=tuple(ind_results),
            applicable=any(i.applicable for i in ind_results),
            holding_back=tuple(d_short) if dlevel < len(q.levels) else ()))

    band_level = grade(bands, total)
    earned = points_earned(dim_results)
    failed = [i for i, req in enumerate(scoring.requirements)
              if not requirement_met(q, req, status, q_levels, earned)]
    level = band_level
    for i in failed:
        level = min(level, scoring.requirements[i].level - 1)
    next_level = None
    n = len(q.levels)
    if level < n:
        nxt = level + 1
        all_short.sort(key=lambda s: (-s.impact, s.indicator))
        next_level = NextLevel.model_construct(
            level=nxt, needed=next(b.min for b in bands if b.level == nxt), score=total,
            failing_level=None, failing_score=None, shortfalls=tuple(all_short[:SHORTFALLS]),
            unmet_requirements=tuple(i for i in failed if scoring.requirements[i].level <= nxt))
    return dim_results, total, level, next_level


def requirement_counts(q: Questionnaire, req: Any, status: Mapping[str, str],
                       q_levels: Mapping[str, int]) -> tuple[int, int]:
    """``(questions under among at level >= at_least, mandatory ones there)`` of a
    points-method grade requirement; questions that do not apply are not counted."""
    met = sum(1 for qid in q.questions if status.get(qid) != "not_applicable"
              and under(qid, req.among) and q_levels.get(qid, 0) >= req.at_least)
    mandatory = sum(1 for m in req.mandatory if q_levels.get(m, 0) >= req.at_least)
    return met, mandatory


def points_earned(dimensions: Any) -> dict[str, float]:
    """Points earned per dimension and ``dimension.indicator`` id (points method)."""
    return {d.id: d.score for d in dimensions} | {i.id: i.score for d in dimensions for i in d.indicators}


def requirement_met(q: Questionnaire, req: Any, status: Mapping[str, str],
                    q_levels: Mapping[str, int], points: Mapping[str, float] | None = None) -> bool:
    """Whether a points-method grade requirement holds (``points``: earned per dimension
    and indicator id, for requirements on points)."""
    if req.points is not None and sum((points or {}).get(p, 0.0) for p in req.among) + EPS < req.points:
        return False
    met, mandatory = requirement_counts(q, req, status, q_levels)
    return mandatory == len(req.mandatory) and met >= req.count
