"""Messages the answer widgets post; the question screen saves and moves on."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class AnswerChanged(Message):
    """The answer in the widget changed (``None``: cleared). The screen saves it at once."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class Advance(Message):
    """The user is done with this question (Enter after choosing): go to the next one."""
