"""Level question: the description of each level, plus 0 "not yet / none of these"."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.binding import BindingType

from ...i18n import t
from ...model.base import tr
from ...model.questionnaire import LevelQuestion
from .choice import ChoiceList


class LevelAnswer(ChoiceList):
    """Pick the description that fits; a digit key picks that level directly."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, question: LevelQuestion, value: Any, lang: str, **kw: Any) -> None:
        self.lang = lang
        super().__init__(self.level_choices(question), self.level_value(value), **kw)

    def level_choices(self, question: LevelQuestion) -> list[tuple[Any, str, str]]:
        anchors = dict(question.anchors)
        return [(level, str(level), tr(anchors[level], self.lang) if level in anchors
                 else t("tui_not_yet", self.lang)) for level in range(0, max(anchors) + 1)]

    @staticmethod
    def level_value(value: Any) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def show_question(self, question: LevelQuestion, value: Any) -> None:
        """Another level question in this widget (the question screen reuses it)."""
        self.show_choices(self.level_choices(question), self.level_value(value))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            n = int(event.character)
            if n < len(self.choices):
                event.stop()
                self.choose(n)
