"""What-if: an assessment as it would be after some changes, and what they change.

A change is an answer (``{"factory.equipment.cnc_rate": 85}``) or a target on an
indicator or a dimension (``{"operations.execution": 3}``: the least change of answers
that brings it to L3, planned as the report plans targets).  The saved answers are never
touched: the result is a new assessment, re-scored by the engine, and its differences
from the old one (``maturity whatif``, the library's :func:`what_if`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .comparison import compare
from .delivery import question_state
from .errors import Issue, UsageError, expect
from .improve import apply, restore_values
from .model.assessment import Assessment
from .model.diagnosis import AnswerChange, WhatIf
from .model.questionnaire import Questionnaire
from .normalise import Normalised, normalise
from .scoring import carried, questionnaire_of, remember, score
from .target_levels import is_target, target_level
from .targets import plan_targets


def _changed_values(q: Questionnaire, a: Assessment, changes: Mapping[str, Any]
                    ) -> dict[str, Normalised]:
    """The assessment's answers with ``changes`` made; every bad change is reported at once."""
    n = len(q.levels)
    values = restore_values(q, a.answers)
    targets: dict[str, int] = {}
    issues = []
    for ident, value in changes.items():
        try:
            if ident in q.questions:
                values[ident] = normalise(q.questions[ident][2], value, n)
            elif is_target(q, ident):
                targets[ident] = target_level(q, value)
            else:
                issues.append(Issue(message="no such question, indicator or dimension in " + q.ref,
                                    field=ident, code="not_found"))
        except ValueError as exc:
            issues.append(Issue(message=str(exc), field=ident, code="bad_value"))
    if issues:
        raise UsageError("; ".join(f"{i.field}: {i.message}" for i in issues), issues)
    if not targets:
        return values
    # targets are planned on the changed answers, as the report plans them (targets.py):
    # the least improvements; a target already met changes nothing
    plan = plan_targets(q, score(q, values, a.enterprise, a.assessed_on), targets)
    for r in plan.targets:
        if r.reason == "not_applicable":
            issues.append(Issue(message="does not apply to this enterprise (its questions are n/a or "
                                        "do not apply): answer one of them to set a target", field=r.id,
                                code="not_applicable"))
    if issues:
        raise UsageError("; ".join(f"{i.field}: {i.message}" for i in issues), issues)
    return apply(q, values, {i.indicator: i.to_level for i in plan.improvements}, a.enterprise)


def what_if(assessment: Assessment, changes: Mapping[str, Any],
            questionnaire: Questionnaire | None = None) -> WhatIf:
    """The assessment as it would be with ``changes`` made, and the differences: grade,
    score, dimensions, indicators, the blocking indicators cleared and those that still
    block, the scenarios completed and the answers changed.  ``UsageError`` (with one
    issue per bad change) for an unknown id or an answer the question does not accept."""
    q = questionnaire_of(assessment, questionnaire)
    expect(changes, Mapping, "what_if(assessment, changes): the changes are a mapping of question, "
           "indicator or dimension ids to answers or levels")
    values = _changed_values(q, assessment, changes)
    after = remember(carried(score(q, values, assessment.enterprise, assessment.assessed_on), assessment), q)
    before_block = [s.indicator for s in assessment.next_level.shortfalls] if assessment.next_level else []
    if after.level > assessment.level:
        still: list[str] = []  # the grade they held back is reached
    else:
        now = {s.indicator for s in after.next_level.shortfalls} if after.next_level else set()
        still = [i for i in before_block if i in now]
    was, now = question_state(assessment), question_state(after)
    moved = [AnswerChange(question=qid, before=assessment.answers.get(qid), after=after.answers.get(qid),
                          level_before=was.get(qid, ("", 0))[1], level_after=now.get(qid, ("", 0))[1])
             for qid in q.questions
             if assessment.answers.get(qid) != after.answers.get(qid)]
    return WhatIf(assessment=after, comparison=compare(assessment, after, q), answers=moved,
                  cleared=[i for i in before_block if i not in still], still_blocking=still)


__all__ = ["what_if"]
