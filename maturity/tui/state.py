"""The state of an assessment in the TUI: one object that screens and widgets share.

It wraps a :class:`~maturity.session.Session` (what is saved) with the questionnaire and
answers what the screens show: which questions are asked (closed follow-ups and
questions that do not apply are skipped, as in scoring), progress, time left and the
provisional grade. Every change is saved at once. No Textual here: the screens watch
:attr:`revision` (mirrored into a reactive) to redraw.
"""

from __future__ import annotations

from typing import Any

from ..catalogue import estimated_minutes
from ..checking import involving
from ..delivery import question_state
from ..model.answers import AnswersFile
from ..model.assessment import Assessment
from ..model.diagnosis import CheckFinding
from ..model.questionnaire import Questionnaire, QuestionT
from ..normalise import Normalised
from ..rating import unrated_item_ids
from ..scoring import answers_form, assess
from ..session import Session


class AssessmentState:
    def __init__(self, questionnaire: Questionnaire, session: Session) -> None:
        self.q = questionnaire
        self.session = session
        self.revision = 0
        """Bumped on every change of an answer (screens redraw on it)."""
        self._values: dict[str, Normalised] | None = None
        self._asked: list[str] | None = None
        self._assessed: tuple[tuple[int, str, str], Assessment] | None = None

    @property
    def lang(self) -> str:
        return self.session.language

    def question(self, qid: str) -> QuestionT:
        return self.q.questions[qid][2]

    # ------------------------------------------------------------------ changes (each saved)

    def _changed(self) -> None:
        self._values = None
        self._asked = None
        self.revision += 1
        self.session.save()

    def set_answer(self, qid: str, value: Any) -> None:
        """Store an answer (``None`` clears it) and save. :class:`OSError` if saving failed."""
        if value is None or value == {}:
            self.session.answers.pop(qid, None)
        else:
            self.session.answers[qid] = value
        self._changed()

    def set_note(self, qid: str, note: str) -> None:
        if note.strip():
            self.session.notes[qid] = note
        else:
            self.session.notes.pop(qid, None)
        self.session.save()

    def go_to(self, qid: str) -> None:
        if self.session.position != qid:
            self.session.position = qid
            self.session.save()

    def set_language(self, lang: str) -> None:
        self.session.language = lang
        self.session.save()

    def set_profile(self, profile: dict[str, Any]) -> None:
        """The enterprise profile replaced (F3) and saved; the grade is scored with it
        (production type weights, the scenarios that fit). :class:`OSError` if saving failed."""
        self.session.enterprise = dict(profile)
        self._changed()

    # ------------------------------------------------------------------ what is asked

    def values(self) -> dict[str, Normalised]:
        if self._values is None:
            self._values = self.session.values(self.q)
        return self._values

    def asked(self) -> list[str]:
        """Question ids to ask, in order."""
        if self._asked is None:
            self._asked = self.session.asked(self.q, self.values())
        return self._asked

    def answered(self, qid: str) -> bool:
        """Answered with a value its question takes: one saved by an earlier version that
        this one refuses (a share of 0.62, now ambiguous) is not, so that it is listed
        among the unanswered and its field says why, while the grade leaves it out."""
        return self.session.answered(qid) and qid in self.values()

    def unanswered(self) -> list[str]:
        return [qid for qid in self.asked() if not self.answered(qid)]

    def unrated(self) -> list[str]:
        """The items (``question.item``) of rated checklists left without a rating: the
        question counts as answered and they as not met (a first-time user rated one item
        of seven, read "Every question is answered" and 100 %, and never saw the six).
        Counted as every report counts them (``rating.unrated_item_ids``), on the answers as
        scored: a file opened here keeps its blank items, which count as unrated too (the
        second code review: p34-a's status line said none where its result card said 44)."""
        values = self.values()
        status = {qid: "answered" for qid in self.asked() if values.get(qid) and self.answered(qid)}
        return unrated_item_ids(self.q, values, status)

    def progress(self, prefix: str = "") -> tuple[int, int]:
        """(answered, asked) overall or under a dimension / indicator id prefix."""
        ids = [q for q in self.asked() if q.startswith(prefix)] if prefix else self.asked()
        return sum(1 for q in ids if self.answered(q)), len(ids)

    def minutes_left(self) -> int:
        remaining = len(self.unanswered())
        if not remaining:
            return 0
        return max(1, round(estimated_minutes(self.q) * remaining / len(self.q.questions)))

    def assessment(self) -> Assessment:
        """The grade of the answers so far (unanswered questions count as "not yet");
        scored once per change, however many views ask."""
        # the profile can change without a new answer (the welcome form): it is in the key
        # and so can the notes (the report lists them)
        key = (self.revision, self.session.language, repr(sorted(self.session.enterprise.items())),
               repr(sorted(self.session.notes.items())))
        if self._assessed is None or self._assessed[0] != key:
            doc = self.session.document()
            doc["answers"] = answers_form(self.values())  # only the answers that fit
            self._assessed = key, assess(self.q, AnswersFile.model_validate(doc))
        return self._assessed[1]

    def implausible(self, qid: str) -> list[CheckFinding]:
        """The consistency checks that name ``qid`` and that the answers set off now."""
        if not any(qid in (c.when.question, c.expect.question) for c in self.q.checks):
            return []
        return involving(self.q, qid, question_state(self.assessment()))
