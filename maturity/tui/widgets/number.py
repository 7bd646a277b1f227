"""Number question: an input with its unit and range, checked as you type.

The check is :func:`maturity.normalise.normalise`, the same one scoring uses; only an
answer it accepts is saved. Enter moves on (an empty field moves on unanswered).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from ...i18n import t
from ...model.base import tr
from ...model.questionnaire import NumberQuestion
from ...normalise import normalise
from ...written import FractionError, LowPercent, percent_sign
from .messages import advance, changed

_DECIMAL_COMMA = re.compile(r"[-+]?\d+[,，]\d+%?")
"""A decimal comma, as a European or a Chinese keyboard's number pad may write it."""


def _fmt(x: float | str) -> str:
    return x if isinstance(x, str) else f"{x:g}"


class KeysHandedOver(Message):
    """Behind the keys this field was given before its Enter was handled: all handed over."""


class NumberInput(Input):
    """The number field.  Enter moves on within its own action (``advance``); the keys
    typed after Enter, which Textual has already handed to this field, are handed back to
    the app, which sends them on in the order they were typed to wherever the focus goes
    (the next question), instead of being typed into this answer
    (:mod:`maturity.tui.typeahead`)."""

    submitted = False

    EDITING: ClassVar[dict[str, str]] = {
        key.strip(): str(binding.action) for binding in Input.BINDINGS if isinstance(binding, Binding)
        for key in binding.key.split(",") if key.strip() != "enter"}
    """The field's own editing keys (Backspace, Delete, arrows, Home, End…) and their actions:
    run as the key arrives, not when its binding is resolved after the key has bubbled up to
    the app.  In a burst ("⌫⌫65⏎") the digits were typed at once and the Backspaces after
    them, so a user's correction of 30 to 65 was saved as nothing."""

    async def _on_key(self, event: events.Key) -> None:
        app: Any = self.app
        if self.submitted:
            event.stop()
            event.prevent_default()
            if hasattr(app, "hand_over"):
                app.hand_over(event)
            else:  # pragma: no cover - an app without the type-ahead order
                app.post_message(events.Key(event.key, event.character))
            return
        action = self.EDITING.get(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            self._restart_blink()
            await self.run_action(action)
            return
        if event.key == "enter" and hasattr(app, "hold_keys"):
            app.hold_keys()  # keys arriving from now wait for those already given to us
            self.post_message(KeysHandedOver())
        if event.key == "enter":
            self.submitted = True
        await super()._on_key(event)

    @on(KeysHandedOver)
    def _let_go(self, message: KeysHandedOver) -> None:
        message.stop()
        app: Any = self.app
        app.let_go()

    async def action_submit(self) -> None:
        answer = self.query_ancestor(NumberAnswer)
        try:
            value = answer.check(self.value)
        except ValueError:  # not an answer: stay (the error is shown as it is typed)
            self.submitted = False
            return
        answer.keep(value)
        await advance(self)


class NumberAnswer(Vertical):
    def __init__(self, question: NumberQuestion, value: Any, lang: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.question = question
        self.lang = lang
        self.value: float | int | str | None = None
        """The answer in answers-file form: a number, or a share below 1 % with its sign ("0.5%")."""
        self.stale: tuple[str, str] | None = None
        """A saved answer this question does not take (0.62 for a share, saved by an earlier
        version): shown as it was, with the reason, until the user corrects it."""
        if isinstance(value, int | float | str) and not isinstance(value, bool):
            try:
                self.value = self.check(str(value))
            except ValueError as exc:
                self.stale = (_fmt(value) if isinstance(value, int | float) else value, str(exc))
        self.shown = self.value
        """The answer when the question was shown: kept while the field holds no number."""
        self.valid = True

    def range_text(self) -> str:
        q, lang = self.question, self.lang
        kind = t("tui_whole_number" if q.integer else "tui_a_number", lang)
        if q.min is not None and q.max is not None:
            return t("tui_range_between", lang, kind=kind, lo=_fmt(q.min), hi=_fmt(q.max))
        if q.min is not None:
            return t("tui_range_from", lang, kind=kind, lo=_fmt(q.min))
        if q.max is not None:
            return t("tui_range_to", lang, kind=kind, hi=_fmt(q.max))
        return kind

    def unit_beside(self, text: str) -> str:
        """The unit shown after the field: for a question in percent, none while the text
        carries its own sign ("0.62%" read "0.62% %"); any other unit stays."""
        if not self.question.unit or (self.question.in_percent() and percent_sign(text)):
            return ""
        return tr(self.question.unit, self.lang)

    def compose(self) -> ComposeResult:
        with Horizontal(id="number-row"):
            shown = self.stale[0] if self.stale else "" if self.value is None else _fmt(self.value)
            yield NumberInput(value=shown,
                        placeholder=t("tui_number_placeholder", self.lang), id="number-input",
                        compact=True)
            yield Label(self.unit_beside(shown), id="number-unit")
        yield Static(self.range_text(), id="number-hint")
        yield Static(self.stale[1] if self.stale else "", id="number-error")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = getattr(self.app, "cursor_blink", True)

    def check(self, text: str) -> float | int | str | None:
        """The answer in ``text`` if the question accepts it, in answers-file form;
        ``ValueError`` (localised) if not."""
        text = text.strip()
        if not text:
            return None
        try:
            value = normalise(self.question, text, 99)
        except FractionError as exc:  # 0.62 for a share: 62 %, or 0.62 %?  1.0: 100 % or 1 %?
            raise ValueError(t("tui_number_one", self.lang) if exc.value == 1 else
                             t("tui_number_fraction", self.lang, value=_fmt(exc.value),
                               percent=_fmt(exc.value * 100))) from None
        except ValueError:
            # "2,5": the comma as the decimal mark it is; "1,200" may be a thousand and more,
            # and is not turned into 1.2 (a review found 1.200 then taken as 1.2 %)
            if _DECIMAL_COMMA.fullmatch(text) and not re.fullmatch(r"[-+]?\d{1,3}[,，]\d{3}%?", text):
                raise ValueError(t("tui_number_comma", self.lang, value=text,
                                   point=text.replace(",", ".").replace("，", "."))) from None
            raise ValueError(t("tui_number_invalid", self.lang, expected=self.range_text())) from None
        assert isinstance(value, float | int)
        return str(value) if isinstance(value, LowPercent) else value

    def keep(self, value: float | int | None) -> None:
        """Save what the field holds as Enter moves on.  Keys typed in one burst ("⌫⌫65⏎")
        are all the field's before it handles its first: their ``Input.Changed`` messages
        queue behind the Enter, and the field is gone, with them, once the next question is
        on screen (a user's correction of 30 to 65 was lost so).  The change goes to the
        screen, which outlives the field, and names its question."""
        if value != self.value:
            self.value = value
            self.screen.post_message(changed(self, value))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if getattr(event.input, "submitted", False):
            return  # a change queued behind the Enter: what the field held then is kept
        self.query_one("#number-unit", Label).update(self.unit_beside(event.value))
        error = self.query_one("#number-error", Static)
        try:
            value = self.check(event.value)
        except ValueError as exc:  # what is on screen is not an answer: the answer stays what
            # it was when the question was shown (a slip after a saved 60 deleted it, and
            # quitting kept it deleted); what was typed on the way to the slip is not kept
            self.valid = False
            value = self.shown
            kept = "" if value is None else t("tui_number_kept", self.lang, value=_fmt(value))
            error.update(str(exc) + kept)
        else:
            self.valid = True
            error.update("")
        if value != self.value:
            self.value = value
            self.post_message(changed(self, value))

