"""The "not applicable" box under an answer: Space ticks or unticks it, Enter confirms and
goes on, like Enter everywhere else on the question screen.

Textual's Checkbox toggles on Enter too; on this box that silently unticked a chosen n/a
(issue #12: the next Space then ticked an option the user never meant).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Checkbox

from .messages import advance
from .ticks import inner


class NotApplicable(Checkbox, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle", show=False),
        Binding("enter", "confirm", "Go on", show=False),
    ]

    @property  # type: ignore[override]
    def BUTTON_INNER(self) -> str:  # Textual's name for what the box shows inside
        return inner(self.value)

    async def action_confirm(self) -> None:
        await advance(self)
