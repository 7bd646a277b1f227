"""The state of an assessment in the TUI: one object that screens and widgets share.

It wraps a :class:`~maturity.session.Session` (what is saved) with the questionnaire and
computes what the screens show: which questions are asked (closed follow-ups and
questions that do not apply are skipped), progress, the provisional grade.
"""

from __future__ import annotations

from typing import Any

from ..loading import estimated_minutes
from ..model.answers import NA, AnswersFile, Enterprise
from ..model.assessment import Assessment
from ..model.questionnaire import Questionnaire, QuestionT
from ..scoring import _status, answers_form, assess, resolve_production_type
from ..session import Session
from ..validation import Normalised, normalise


class AssessmentState:
    def __init__(self, questionnaire: Questionnaire, session: Session) -> None:
        self.q = questionnaire
        self.session = session

    # ------------------------------------------------------------------ answers

    @property
    def lang(self) -> str:
        return self.session.language

    def question(self, qid: str) -> QuestionT:
        return self.q.questions[qid][2]

    def values(self) -> dict[str, Normalised]:
        """The session's answers, checked (an answer that no longer fits is ignored)."""
        n = len(self.q.levels)
        out: dict[str, Normalised] = {}
        for qid, value in self.session.answers.items():
            if qid in self.q.questions and value is not None:
                try:
                    out[qid] = normalise(self.question(qid), value, n)
                except ValueError:
                    continue
        return out

    def set_answer(self, qid: str, value: Any) -> None:
        if value is None or value == {} or value == []:
            if value == [] and self.question(qid).kind == "multi":
                self.session.answers[qid] = []
            else:
                self.session.answers.pop(qid, None)
        else:
            self.session.answers[qid] = value
        self.session.save()

    def set_note(self, qid: str, note: str) -> None:
        if note.strip():
            self.session.notes[qid] = note
        else:
            self.session.notes.pop(qid, None)
        self.session.save()

    def go_to(self, qid: str) -> None:
        self.session.position = qid
        self.session.save()

    # ------------------------------------------------------------------ what is asked

    def enterprise(self) -> Enterprise:
        return Enterprise.model_validate({k: v for k, v in self.session.enterprise.items() if v})

    def asked(self) -> list[str]:
        """Question ids to ask, in order: closed follow-ups and non-applicable ones skipped."""
        values = self.values()
        ent = self.enterprise()
        ptype = resolve_production_type(self.q, ent)
        status: dict[str, str] = {}
        out = []
        for qid, (_, _, question) in self.q.questions.items():
            st = _status(question, qid, values, status, ent, ptype)
            status[qid] = st
            if st == "closed" or (st == "not_applicable" and values.get(qid) != NA):
                continue
            out.append(qid)
        return out

    def answered(self, qid: str) -> bool:
        value = self.session.answers.get(qid)
        return value is not None and value != {}

    def assessment(self) -> Assessment:
        doc = self.session.document()
        doc["answers"] = answers_form(self.values())  # only the answers that fit
        return assess(self.q, AnswersFile.model_validate(doc))

    def minutes_left(self) -> int:
        asked = self.asked()
        if not asked:
            return 0
        remaining = sum(1 for qid in asked if not self.answered(qid))
        return round(estimated_minutes(self.q) * remaining / len(self.q.questions))
