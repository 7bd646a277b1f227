"""The order of keys typed ahead across a number field's Enter (``maturity.tui.typeahead``).

In tmux, ``send-keys -l $'50\\r70\\r2\\r'`` (keys at terminal speed) answered the level
question after two number fields with 0 in 3 of 6 runs: the Enter typed after the "2"
reached the next question straight from the app and overtook the "2" that the number
field passed on.  With the app holding keys while the field hands its own over, 14 of 14
runs answered 2 (and 3, yes, for a four-answer burst).  These tests pin the ordering
contract on a stand-in app, where the timing is in the test's hands."""

from __future__ import annotations

from textual import events

from maturity.tui.typeahead import TypeAhead


class _Base:
    def __init__(self) -> None:
        self.handled: list[str] = []  # keys the app dispatched (to the focused widget)
        self.posted: list[events.Key] = []
        self.focused = None

    async def on_event(self, event) -> None:
        self.handled.append(event.key)

    def post_message(self, message) -> None:
        self.posted.append(message)

    def set_timer(self, delay, callback) -> None:
        self.timer = callback


class App(TypeAhead, _Base):
    async def pump(self) -> None:
        """Dispatch what was posted, as the app's queue would."""
        while self.posted:
            await self.on_event(self.posted.pop(0))


def _key(k: str) -> events.Key:
    return events.Key(k, k if len(k) == 1 else None)


async def test_keys_handed_back_by_the_field_go_before_keys_typed_after_them():
    app = App()
    typed = [_key(k) for k in ["2", "enter", "3"]]
    first = typed[0]
    await app.on_event(first)  # numbered and dispatched to the field (still focused)
    app.hold_keys()  # the field handles its Enter
    for key in typed[1:]:  # typed later: they reach the app now
        await app.on_event(key)
    assert app.handled == ["2"]  # the later keys wait
    app.hand_over(first)  # the field gives back what it got after its Enter
    app.let_go()
    await app.pump()
    assert app.handled == ["2", "2", "enter", "3"]


async def test_nothing_is_sent_while_the_focus_is_still_on_the_submitted_field():
    class Field:
        submitted = True

    app = App()
    app.focused = Field()
    key = _key("2")
    await app.on_event(key)
    app.hold_keys()
    app.hand_over(key)
    app.let_go()
    assert not app.posted  # it would only come back to the field
    app.focused = None  # the next question has the focus
    app._send_held()
    await app.pump()
    assert app.handled == ["2", "2"]


async def test_a_hold_never_outlives_its_limit():
    app = App()
    app.hold_keys()
    await app.on_event(_key("x"))
    assert app.handled == []
    app.timer()  # the limit: sent on even though nobody let go
    await app.pump()
    assert app.handled == ["x"]
