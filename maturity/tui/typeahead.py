"""Keys typed ahead keep their order across a number field's Enter.

A number field's Enter moves on to the next question within its own key handler, while
keys typed after it are already on their way: some were handed to the field before the
Enter was handled (the field passes them on), others reach the app only now and go
straight to the next question.  Pasted or typed at terminal speed, "50⏎2⏎" could answer
the next question with its default: the "⏎" went straight on and overtook the "2" the
field passed on (seen in tmux with ``send-keys``; issue #12).

While a number field handles its Enter, the app *holds* the keys that arrive; the field
hands over, in order, the keys it was given after the Enter, then lets go; the app then
sends everything on in the order the keys were typed (each key is numbered when it first
reaches the app).  Nothing waits on anything inside the app's own event handler; a
hold is let go after :data:`LIMIT` seconds in any case, so that no key is ever stuck.
"""

from __future__ import annotations

import heapq
import itertools
from typing import Any

from textual import events

LIMIT = 0.5
"""Seconds after which held keys are sent on even if the field never let go."""

_SEQ = "_maturity_seq"
_SENT = "_maturity_sent"


class TypeAhead:
    """Mixin for the :class:`~textual.app.App`: numbers keys and holds them on request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._typed = itertools.count()
        self._held: list[tuple[int, int, events.Key]] = []  # (typed order, arrival, key)
        self._arrival = itertools.count()
        self._holding = 0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if getattr(event, _SEQ, None) is None:
                setattr(event, _SEQ, next(self._typed))
            if (self._holding or self._held) and not getattr(event, _SENT, False):
                heapq.heappush(self._held, (getattr(event, _SEQ), next(self._arrival), event))
                return
        await super().on_event(event)  # type: ignore[misc]

    def hold_keys(self) -> None:
        """Hold the keys that reach the app from now until :meth:`let_go` (and, after it,
        until the focus has left the field and every held key is sent on)."""
        self._holding += 1
        self.set_timer(LIMIT, self._let_go_all)  # type: ignore[attr-defined]

    def hand_over(self, key: events.Key) -> None:
        """A key given to a field that no longer wants it: sent on in its typed order."""
        copy = events.Key(key.key, key.character)
        setattr(copy, _SEQ, getattr(key, _SEQ, next(self._typed)))
        heapq.heappush(self._held, (getattr(copy, _SEQ), next(self._arrival), copy))
        if not self._holding:
            self._send_held()

    def let_go(self) -> None:
        if self._holding:
            self._holding -= 1
        if not self._holding:
            self._send_held()

    def _let_go_all(self) -> None:
        self._holding = 0
        self._send_held(force=True)

    def _send_held(self, force: bool = False) -> None:
        focused = getattr(self, "focused", None)
        if not force and getattr(focused, "submitted", False):
            # the focus has not left the field yet: sent now, the keys would come back to it
            self.set_timer(0.01, self._send_held)  # type: ignore[attr-defined]
            return
        while self._held:
            _, _, key = heapq.heappop(self._held)
            sent = events.Key(key.key, key.character)
            setattr(sent, _SEQ, getattr(key, _SEQ))
            setattr(sent, _SENT, True)
            self.post_message(sent)  # type: ignore[attr-defined]
