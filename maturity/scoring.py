"""From (questionnaire, answers) to an :class:`Assessment`: a pure function.

No I/O, no printing.  The numbers come from the compiled engine (``maturity.engine``);
this module builds the result models and the explanations from them.  The rules are
written down with a worked example in ``docs/methodology.md``; in short:

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

import os
import weakref
from collections.abc import Mapping
from typing import Any, overload

from .engine import Plan, plan_for, resolve_production_type
from .model.answers import ANSWERS_FORMAT, AnswersFile, Enterprise
from .model.assessment import (
    Assessment,
    DimensionResult,
    GroupResult,
    IndicatorResult,
    NextLevel,
    QuestionResult,
    Shortfall,
)
from .model.base import ReadOnlyDict, sorted_answers
from .model.questionnaire import CmmmScoring, Questionnaire, band_min
from .normalise import Normalised, PartLevel, check_answers
from .numbers import Numbers, Part
from .shortfall import gaps, holding_back
from .written import LowPercent

SHORTFALLS = 10
"""How many shortfalls an explanation lists at most."""


@overload
def assess(answers: AnswersFile | Mapping[str, Any] | str | os.PathLike[str], /) -> Assessment: ...


@overload
def assess(questionnaire: Questionnaire,
           answers: AnswersFile | Mapping[str, Any] | str | os.PathLike[str]) -> Assessment: ...


def assess(questionnaire: Any, answers: Any = None) -> Assessment:
    """Score answers against a questionnaire.

    ``assess(answers)``: the questionnaire is the one the answers name (an answers-file
    path, an :class:`AnswersFile` or a mapping in the answers-file format), as
    ``maturity validate`` resolves it.  ``assess(questionnaire, answers)``: against the
    given one; ``answers`` may also be a plain mapping of question id → answer.

    The assessment remembers the questionnaire object it was scored against, so that
    :func:`maturity.diagnose` and :func:`maturity.compare` need it only for a copy.
    Raises :class:`~maturity.errors.AnswersError` listing every invalid answer.
    """
    from .errors import ArgumentError, expect

    if isinstance(questionnaire, Questionnaire):
        if answers is None:
            raise ArgumentError("assess(questionnaire, answers): the answers are missing")
        if isinstance(answers, str | os.PathLike):
            from .loading import load_answers

            answers = load_answers(answers, questionnaire.ref)  # a table row naming no index: this one
        expect(answers, AnswersFile | Mapping, "assess(questionnaire, answers): the answers are an "
               "AnswersFile, a mapping or the path of an answers file")
    else:
        from .loading import load_answers, questionnaire_for

        if answers is not None:
            expect(questionnaire, Questionnaire, "assess(questionnaire, answers): the questionnaire "
                   "is a Questionnaire (maturity.load_questionnaire)")
        given = questionnaire  # assess(answers): the one argument is the answers
        answers = given if isinstance(given, AnswersFile | Mapping) else load_answers(given)
        if not isinstance(answers, AnswersFile):
            if "format" not in answers:
                raise ArgumentError("a mapping of answers alone names no questionnaire: "
                                    "use assess(questionnaire, answers)")
            answers = _answers_file(answers)
        questionnaire = questionnaire_for(answers, shared=True)
    if not isinstance(answers, AnswersFile):
        raw = answers if "format" in answers else {
            "format": ANSWERS_FORMAT, "questionnaire": questionnaire.ref, "answers": dict(answers)}
        answers = _answers_file(raw)
    values = check_answers(questionnaire, answers)
    result = score(questionnaire, values, answers.enterprise, answers.assessed_on)
    return remember(with_file(result, answers), questionnaire)


def with_file(result: Assessment, answers: AnswersFile) -> Assessment:
    """``result`` with what its answers file says besides the answers: its assessor, merge
    record, targets and notes (``assess`` and ``score --detail`` alike)."""
    if answers.assessor or answers.merged or answers.targets or answers.notes:
        result = result.model_copy(update={"assessor": answers.assessor, "merged": answers.merged,
                                           "targets": ReadOnlyDict(answers.targets),
                                           "notes": ReadOnlyDict(answers.notes)})
    return result


def _answers_file(raw: Mapping[str, Any]) -> AnswersFile:
    from .loading import answers_from_raw

    return answers_from_raw(dict(raw), "<answers>")


_SCORED_AGAINST: dict[int, Questionnaire] = {}
"""The questionnaire each live assessment from :func:`assess` was scored against (by
object id, dropped when the assessment is): not a field, so that it is neither
serialised nor compared."""


def carried(after: Assessment, before: Assessment) -> Assessment:
    """``after``, a re-score of ``before``'s answers with some changed, with what the file
    said besides its answers: its targets, assessor, notes and merge record (``what_if``
    dropped them, and a diagnosis of the what-if lost the plan towards the file's targets)."""
    return after.model_copy(update={"targets": before.targets, "assessor": before.assessor,
                                    "merged": before.merged, "notes": before.notes})


def remember(a: Assessment, q: Questionnaire) -> Assessment:
    """Record that ``a`` was scored against ``q`` (see :func:`scored_against`)."""
    _SCORED_AGAINST[id(a)] = q
    weakref.finalize(a, _SCORED_AGAINST.pop, id(a), None)
    return a


def scored_against(a: Assessment) -> Questionnaire | None:
    """The questionnaire ``a`` was scored against by :func:`assess` in this process, if
    ``a`` is that very object (a copy or a deserialised assessment does not carry it)."""
    return _SCORED_AGAINST.get(id(a))


def questionnaire_of(a: Assessment, questionnaire: Questionnaire | None = None) -> Questionnaire:
    """The questionnaire to work on ``a`` with: the one given, else the one ``a`` was scored
    against in this process, else the installed one it names.  ``UsageError`` where the one
    given is another index or version: a developer who passed the machinery overlay for an
    assessment of the general index got the general index's plan of another index, labelled
    general@2 (``compare`` and the CLI already refused it)."""
    from .errors import expect

    expect(a, Assessment, "an Assessment is needed (maturity.assess)")
    if questionnaire is None:
        from .loading import shared_questionnaire

        return scored_against(a) or shared_questionnaire(a.questionnaire)
    expect(questionnaire, Questionnaire,
           "the questionnaire is a Questionnaire (maturity.load_questionnaire) or None")
    if questionnaire.ref != a.questionnaire:
        from .errors import UsageError

        raise UsageError(f"the assessment was scored on {a.questionnaire}, not on {questionnaire.ref}: "
                         "give the questionnaire it was scored on, or none")
    return questionnaire


def score(q: Questionnaire, values: Mapping[str, Normalised], enterprise: Enterprise | None = None,
          assessed_on: Any = None, detail: bool = True, memo: bool = False) -> Assessment:
    """Score already-checked answers (see :func:`maturity.normalise.check_answers`).

    ``detail=False`` skips the per-question results and the explanations: the grades
    and scores are the same, for callers that re-score many variants (the diagnosis).
    ``memo``: reuse the plan's memo (:meth:`~maturity.engine.Plan.run`); only for answers
    that are never changed in place afterwards, as in the diagnosis's own variants.
    """
    enterprise = enterprise or Enterprise()
    plan = plan_for(q, resolve_production_type(q, enterprise))
    num = plan.run(values, enterprise, rows=detail, memo=memo)
    return build(plan, num, values, enterprise, assessed_on, detail)


def build(plan: Plan, num: Numbers, values: Mapping[str, Normalised], enterprise: Enterprise,
          assessed_on: Any = None, detail: bool = True) -> Assessment:
    """The :class:`Assessment` of the engine's numbers (``num`` from ``plan.run``, with
    ``rows`` when ``detail``)."""
    q = plan.q
    cmmm = isinstance(q.scoring, CmmmScoring)
    dims = tuple(_dimension(plan, d, num, detail) for d in num.dims)
    next_level = None
    if detail and num.level < len(q.levels):
        nxt = num.level + 1
        shortfalls = [Shortfall.model_construct(indicator=i, level=lv, score=s, impact=imp)
                      for imp, i, s, lv in gaps(q, num)[:SHORTFALLS]]
        failing = num.whole.failing if cmmm else None
        next_level = NextLevel.model_construct(
            level=nxt, needed=band_min(q.scoring, nxt), score=num.score,
            failing_level=failing,
            failing_score=num.whole.scores[failing - 1] if failing else None,
            shortfalls=tuple(shortfalls),
            unmet_requirements=() if cmmm else tuple(
                i for i in num.failed if q.scoring.requirements[i].level <= nxt))  # type: ignore[union-attr]
    return Assessment.model_construct(
        questionnaire=q.ref, method=q.scoring.method, levels=len(q.levels), enterprise=enterprise,
        assessed_on=assessed_on, production_type=plan.ptype, profile=plan.profile,
        level=num.level, score=num.score, score_max=num.score_max,
        level_scores=tuple(num.whole.scores) if cmmm else (),
        completeness=num.completeness, **num.counts, dimensions=dims,
        next_level=next_level, warnings=tuple(num.warnings),
        answers=sorted_answers(answers_form(values)) if detail else ReadOnlyDict(),
    )


_SHOWN: dict[int, tuple[Any, Any]] = {}
"""id(a name or question text of a questionnaire) → (it, a read-only copy): what results carry."""


def _shown(text: Any) -> Any:
    """A read-only copy of a questionnaire's text for a result, made once per text: results
    carried the questionnaire's own dicts, so that changing a result's name changed the
    shared index for every later assessment in the process (an embedder's audit).  The
    entry keeps the text alive, so that its id is not reused while it lives."""
    if not isinstance(text, dict):
        return text
    hit = _SHOWN.get(id(text))
    if hit is None or hit[0] is not text:
        if len(_SHOWN) > 50_000:
            _SHOWN.clear()
        hit = _SHOWN[id(text)] = (text, ReadOnlyDict(text))
    return hit[1]


def _dimension(plan: Plan, d: Part, num: Numbers, detail: bool) -> DimensionResult:
    q = plan.q
    inds = tuple(_indicator(plan, c, num, detail) for c in d.children)
    holding = tuple(Shortfall.model_construct(indicator=i, level=lv, score=s, impact=imp)
                    for imp, i, s, lv in holding_back(q, d)) if detail else ()
    return DimensionResult.model_construct(
        id=d.id, name=_shown(plan.dimension[d.id].name), weight=d.weight, level=d.level, score=d.score,
        score_max=d.score_max,
        level_scores=tuple(d.scores), applicable=d.applicable, indicators=inds, holding_back=holding)


def _indicator(plan: Plan, c: Part, num: Numbers, detail: bool) -> IndicatorResult:
    q = plan.q
    questions: tuple[QuestionResult, ...] = ()
    if detail:
        by_id = {r.id: r for r in c.rows}
        ind = q.indicators[c.id][1]
        out = []
        for question in ind.questions:
            qid = f"{c.id}.{question.id}"
            r = by_id.get(qid)
            out.append(QuestionResult.model_construct(
                id=qid, text=_shown(question.text), status=num.status[qid], level=r.reached if r else None,
                fraction=r.fraction if r else None, weight=r.weight if r else question.weight))
        questions = tuple(out)
    groups = _groups(q, plan.group_numbers(c), c.id) if detail and c.rows and c.id in plan.trees else ()
    return IndicatorResult.model_construct(
        id=c.id, name=_shown(q.indicators[c.id][1].name), weight=c.weight, level=c.level, score=c.score,
        groups=groups,
        score_max=c.score_max,
        level_scores=tuple(c.scores), applicable=c.applicable, questions=questions)


def _groups(q: Questionnaire, parts: list[Part], iid: str) -> tuple[GroupResult, ...]:
    """The engine's group numbers as results, named from the questionnaire."""
    names = {}
    stack = [(g, g.id) for g in q.indicators[iid][1].groups]
    while stack:
        g, path = stack.pop()
        names[path] = g.name
        stack += [(sub, f"{path}.{sub.id}") for sub in g.groups]
    return _group_results(parts, names)


def _group_results(parts: list[Part], names: Mapping[str, Any]) -> tuple[GroupResult, ...]:
    return tuple(GroupResult.model_construct(
        id=p.id, name=_shown(names.get(p.id)), weight=p.weight, applicable=p.applicable, level=p.level,
        score=p.score, score_max=p.score_max, level_scores=tuple(p.scores),
        groups=_group_results(p.children, names)) for p in parts)


def answers_form(values: Mapping[str, Normalised]) -> dict[str, Any]:
    """Checked answers back in answers-file (and JSON) form: option sets as sorted lists, a
    ``k+`` level and a share below 1 % as written (``2+``, ``0.5%``)."""
    return {qid: sorted(v) if isinstance(v, frozenset) else str(v) if isinstance(v, PartLevel | LowPercent)
            else v for qid, v in values.items()}


def points_earned(dimensions: Any) -> dict[str, float]:
    """Points earned per dimension and ``dimension.indicator`` id (points method)."""
    return {d.id: d.score for d in dimensions} | {i.id: i.score for d in dimensions for i in d.indicators}
