"""Multi-select question: tick every option that applies (Space or click).

Enter means "done": the ticks are the answer, even none ("none of these"), and the
assessment moves on. Page Down moves on without answering.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import SelectionList

from ...model.base import tr
from ...model.questionnaire import MultiQuestion
from .messages import advance, changed
from .ticks import TickList


class MultiAnswer(TickList[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "Done", show=False, id="multi-done"),
    ]

    def __init__(self, question: MultiQuestion, value: Any, lang: str, **kw: Any) -> None:
        chosen = set(value or [])
        self.option_ids = [o.id for o in question.options]
        super().__init__(*[(tr(o.text, lang), o.id, o.id in chosen) for o in question.options], **kw)

    def on_mount(self) -> None:
        self.highlighted = 0

    def answer(self) -> list[str]:
        """The ticked option ids, in the questionnaire's order."""
        return [o for o in self.option_ids if o in self.selected]

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.post_message(changed(self, self.answer()))

    async def action_done(self) -> None:
        self.post_message(changed(self, self.answer()))
        await advance(self)
