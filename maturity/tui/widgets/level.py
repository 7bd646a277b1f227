"""Level question: the description of each level, plus 0 "not yet / none of these"."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from ...i18n import t
from ...model.base import tr
from ...model.questionnaire import LevelQuestion
from ...normalise import PARTLY_MARK
from .choice import ChoiceList
from .messages import changed


class LevelAnswer(ChoiceList):
    """Pick the description that fits; a digit key picks that level directly."""

    # bindings, not a key handler: a binding is resolved against the focus when the key
    # is handled, so a digit typed ahead picks a level of the question it was typed for
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"level({n})", show=False) for n in range(10)),
        Binding("plus", "partly", show=False),
    ]

    def __init__(self, question: LevelQuestion, value: Any, lang: str, **kw: Any) -> None:
        self.lang = lang
        super().__init__(self.level_choices(question), self.level_value(value), **kw)

    def level_choices(self, question: LevelQuestion) -> list[tuple[Any, str, str]]:
        anchors = dict(question.anchors)
        return [(level, str(level), tr(anchors[level], self.lang) if level in anchors
                 else t("tui_not_yet", self.lang)) for level in range(0, max(anchors) + 1)]

    @staticmethod
    def level_value(value: Any) -> int | str | None:
        """``k``, or ``"k+"`` (level k, and the next level in part of the plant)."""
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value
        text = str(value).strip()  # "2+" as written, or a normalised PartLevel
        if text.endswith(PARTLY_MARK) and text[:-1].strip().isdigit():
            return f"{int(text[:-1])}{PARTLY_MARK}"
        return None

    @property
    def base(self) -> int | None:
        return None if self.value is None else int(str(self.value).rstrip(PARTLY_MARK))

    def chosen(self, v: Any) -> bool:
        return self.base is not None and v == self.base

    def tag(self, v: Any, tag: str) -> str:
        partly = isinstance(self.value, str) and self.chosen(v)
        return f"{tag}{PARTLY_MARK}" if partly else tag

    def toggle_partly(self) -> None:
        """``+``: the next level holds in a part of the plant (again: it does not)."""
        base = self.base
        if base is None or base >= len(self.choices) - 1:
            self.app.bell()
            return
        self.value = base if isinstance(self.value, str) else f"{base}{PARTLY_MARK}"
        self._refresh_prompts()
        self.post_message(changed(self, self.value))

    def show_question(self, question: LevelQuestion, value: Any) -> None:
        """Another level question in this widget (the question screen reuses it)."""
        self.show_choices(self.level_choices(question), self.level_value(value))

    def action_level(self, n: int) -> None:
        if n < len(self.choices):
            self.choose(n)

    def action_partly(self) -> None:
        self.toggle_partly()
