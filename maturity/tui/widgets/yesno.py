"""Yes/no question: two choices; Y and N answer directly."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from ...i18n import t
from ...model.questionnaire import YesNoQuestion
from .choice import ChoiceList


class YesNoAnswer(ChoiceList):
    BINDINGS: ClassVar[list[BindingType]] = [  # bindings: see LevelAnswer
        Binding("y,Y", "answer(True)", show=False),
        Binding("n,N", "answer(False)", show=False),
    ]

    def __init__(self, question: YesNoQuestion, value: Any, lang: str, **kw: Any) -> None:
        choices = [(True, "", t("tui_yes", lang)), (False, "", t("tui_no", lang))]
        super().__init__(choices, value if isinstance(value, bool) else None, **kw)

    def action_answer(self, yes: bool) -> None:
        self.choose(0 if yes else 1)
