"""Answer widgets, one per question kind (one file each), and the question screen's parts.

Each answer widget takes ``(question, value, lang)`` with the value in answers-file form,
checks input with :func:`maturity.normalise.normalise` where the user types, and posts
:class:`AnswerChanged` when the answer changes and :class:`Advance` when the user is done.
"""

from __future__ import annotations

from typing import Any

from ...model.questionnaire import QuestionT
from .checklist import ChecklistAnswer
from .level import LevelAnswer
from .messages import Advance, AnswerChanged
from .multi import MultiAnswer
from .number import NumberAnswer
from .options import OptionAnswer
from .yesno import YesNoAnswer

KINDS: dict[str, Any] = {"level": LevelAnswer, "yesno": YesNoAnswer, "multi": MultiAnswer,
                         "number": NumberAnswer, "checklist": ChecklistAnswer, "choice": OptionAnswer}


def answer_widget(question: QuestionT, value: Any, lang: str) -> Any:
    """The widget for ``question``'s kind, showing ``value``."""
    return KINDS[question.kind](question, value, lang, classes="answer")


__all__ = ["KINDS", "Advance", "AnswerChanged", "ChecklistAnswer", "LevelAnswer", "MultiAnswer",
           "NumberAnswer", "OptionAnswer", "YesNoAnswer", "answer_widget"]
