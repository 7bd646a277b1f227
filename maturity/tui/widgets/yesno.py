"""Yes/no question: two choices; Y and N answer directly."""

from __future__ import annotations

from typing import Any

from textual import events

from ...i18n import t
from ...model.questionnaire import YesNoQuestion
from .choice import ChoiceList


class YesNoAnswer(ChoiceList):
    def __init__(self, question: YesNoQuestion, value: Any, lang: str, **kw: Any) -> None:
        choices = [(True, "", t("tui_yes", lang)), (False, "", t("tui_no", lang))]
        super().__init__(choices, value if isinstance(value, bool) else None, **kw)

    def on_key(self, event: events.Key) -> None:
        key = (event.character or "").lower()
        if key in ("y", "n"):
            event.stop()
            self.choose(0 if key == "y" else 1)
