"""Messages the answer widgets post; the question screen saves and moves on.

Keys typed ahead must land where the user meant them.  Textual resolves a key's binding
when the key has bubbled back to the app, against the focus at that moment, while a
posted message is handled later by the screen's own task.  So moving on is done inside
the key's own action (:func:`advance`), and an answer change names its question
(``qid``): a change is saved to the question it was made on, never to whichever one is
on screen when the message arrives.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.widget import Widget


class AnswerChanged(Message):
    """The answer in the widget changed (``None``: cleared). The screen saves it at once."""

    def __init__(self, value: Any, qid: str | None = None) -> None:
        super().__init__()
        self.value = value
        self.qid = qid
        """The question the change was made on (``None``: the one on screen)."""


class Advance(Message):
    """The user is done with this question (Enter after choosing): go to the next one."""


def question_of(widget: Widget) -> str | None:
    """The question an answer widget (or a widget inside one) shows, as set by the screen."""
    node: Any = widget
    while node is not None:
        qid = getattr(node, "qid", None)
        if qid is not None:
            return qid
        node = node.parent
    return None


def changed(widget: Widget, value: Any) -> AnswerChanged:
    """The change message for ``widget``'s question."""
    return AnswerChanged(value, question_of(widget))


async def advance(widget: Widget) -> None:
    """Move on to the next question now, within the key's action, so that keys typed
    after Enter resolve against the next question (a screen without ``advance``: post
    :class:`Advance`)."""
    go_on = getattr(widget.screen, "advance", None)
    if go_on is None:
        widget.post_message(Advance())
    else:
        await go_on()
