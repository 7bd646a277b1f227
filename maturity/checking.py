"""Consistency checks: answer combinations that the questionnaire's level descriptions
make implausible (its ``checks``), found in an assessment.  Warnings for the respondent
to re-check; a score never depends on them (``docs/diagnosis.md``, "Please check").
"""

from __future__ import annotations

from collections.abc import Iterable

from .delivery import question_state
from .errors import expect
from .model.assessment import Assessment
from .model.checks import Check
from .model.diagnosis import CheckFinding
from .model.questionnaire import Questionnaire
from .scoring import scored_against


def fired(checks: Iterable[Check], states: dict[str, tuple[str, int]]) -> list[CheckFinding]:
    """The checks whose ``if`` holds while their ``then`` does not, both answered."""
    out = []
    for c in checks:
        status_if, level_if = states.get(c.when.question, ("unanswered", 0))
        status_then, level_then = states.get(c.expect.question, ("unanswered", 0))
        if status_if == status_then == "answered" and level_if >= c.when.level \
                and level_then < c.expect.level:
            out.append(CheckFinding(check=c.id, question=c.when.question, level=level_if,
                                    other=c.expect.question, other_level=level_then,
                                    expected=c.expect.level, message=c.message))
    return out


def consistency(assessment: Assessment, questionnaire: Questionnaire | None = None
                ) -> tuple[CheckFinding, ...]:
    """The questionnaire's consistency checks that the assessment's answers set off, in
    the questionnaire's order (``maturity.consistency``)."""
    expect(assessment, Assessment, "consistency(assessment): an Assessment is needed (maturity.assess)")
    if questionnaire is not None:
        expect(questionnaire, Questionnaire,
               "consistency(assessment, questionnaire): a Questionnaire or None")
    q = questionnaire or scored_against(assessment)
    if q is None:
        from .loading import shared_questionnaire

        q = shared_questionnaire(assessment.questionnaire)
    return tuple(fired(q.checks, question_state(assessment)))


def involving(q: Questionnaire, qid: str, states: dict[str, tuple[str, int]]) -> list[CheckFinding]:
    """The checks that fire and name question ``qid`` (the TUI, as an answer is given)."""
    return fired([c for c in q.checks if qid in (c.when.question, c.expect.question)], states)


__all__ = ["consistency", "fired", "involving"]
