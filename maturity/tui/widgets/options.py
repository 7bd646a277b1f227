"""Choice question: labelled answers, each with its own value; a digit picks by position."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from ...model.base import tr
from ...model.questionnaire import ChoiceQuestion
from .choice import ChoiceList


class OptionAnswer(ChoiceList):
    """Pick one answer; the number beside it picks it directly (1 is the first)."""

    BINDINGS: ClassVar[list[BindingType]] = [  # bindings: see LevelAnswer
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, question: ChoiceQuestion, value: Any, lang: str, **kw: Any) -> None:
        choices = [(o.id, str(n), tr(o.text, lang)) for n, o in enumerate(question.choices, 1)]
        known = {o.id for o in question.choices}
        super().__init__(choices, value if isinstance(value, str) and value in known else None, **kw)

    def action_pick(self, n: int) -> None:
        if n <= len(self.choices):
            self.choose(n - 1)
