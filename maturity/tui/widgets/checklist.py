"""Checklist question: each requirement rated on the 4-point scale.

One row per item: the requirement (with the level it belongs to) and the four ratings.
↑/↓ move between items, ←/→ or 1–4 rate (a click too), Delete clears, Enter goes to the
next item and, after the last one, to the next question.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ...i18n import t
from ...model.answers import NA, RATING_VALUES
from ...model.base import tr
from ...model.questionnaire import ChecklistQuestion, RatingItem
from .messages import advance, changed

RATINGS = ("fully", "mostly", "partly", "not")


def _rating_word(value: Any) -> str | None:
    if value in RATINGS or value == NA:
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return next((k for k, v in RATING_VALUES.items() if v == value), None)
    return None


class RatingRow(Widget, can_focus=True):
    """One checklist item and its rating."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "move(1)", "Better", show=False, id="rating-right"),
        Binding("left", "move(-1)", "Worse", show=False, id="rating-left"),
        Binding("1", "rate(0)", show=False, id="rating-1"),
        Binding("2", "rate(1)", show=False, id="rating-2"),
        Binding("3", "rate(2)", show=False, id="rating-3"),
        Binding("4", "rate(3)", show=False, id="rating-4"),
        Binding("5", "rate(4)", show=False, id="rating-5"),
        Binding("delete,backspace", "clear", show=False, id="rating-clear"),
        Binding("down", "down", show=False, id="rating-down"),
        Binding("up", "app.focus_previous", show=False, id="rating-up"),
        Binding("enter", "done", show=False, id="rating-done"),
    ]

    class Rated(Message):
        def __init__(self, item: str, rating: str | None) -> None:
            super().__init__()
            self.item = item
            self.rating = rating

    def __init__(self, item: RatingItem, rating: str | None, lang: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.item = item
        self.rating = rating
        self.lang = lang

    @property
    def choices(self) -> tuple[str, ...]:
        """The four ratings, and n/a where the item allows it."""
        return (*RATINGS, NA) if self.item.allow_na else RATINGS

    def render(self) -> Content:
        """The requirement (wrapping freely), then its level and the ratings."""
        words = [*t("tui_ratings", self.lang).split("|"), t("tui_na", self.lang)]
        choices = []
        for n, (key, word) in enumerate(zip(self.choices, words, strict=False)):
            mark, style = ("●", "bold $accent ") if key == self.rating else ("○", "")
            choices.append(Content.from_markup(f"[{style}@click=rate({n})]$mark $word[/]",
                                               mark=mark, word=word))
        level = Content.from_markup("[dim]L$level[/]", level=str(self.item.level))
        return Content.assemble(Content(tr(self.item.text, self.lang)), "\n", level, "  ",
                                Content("   ").join(choices))

    def _set(self, rating: str | None) -> None:
        self.rating = rating
        self.refresh(layout=True)
        self.post_message(self.Rated(self.item.id, rating))

    def action_rate(self, n: int) -> None:
        if n >= len(self.choices):  # n/a is offered only where the item allows it: said, not
            self.app.notify(t("tui_no_na_item", self.lang), timeout=4)  # silently ignored
            return
        if self.screen.focused is not self:  # a click: at once, not deferred, so that a
            self.screen.set_focus(self)      # Down typed next is not undone by a late focus
        self._set(self.choices[n])

    def action_down(self) -> None:
        """The next item; on the last one Down stays (it used to move the focus, unseen,
        into the notes field, where Up did not bring it back)."""
        rows = list(self.parent.query(RatingRow)) if self.parent else [self]
        n = rows.index(self)
        if n + 1 < len(rows):
            self.screen.set_focus(rows[n + 1])
        else:
            self.app.bell()

    def action_move(self, step: int) -> None:
        choices = self.choices
        if self.rating is None:
            self._set(choices[0] if step > 0 else choices[-1])
        else:
            n = min(max(choices.index(self.rating) + step, 0), len(choices) - 1)
            self._set(choices[n])

    def action_clear(self) -> None:
        self._set(None)

    async def action_done(self) -> None:
        rows = list(self.parent.query(RatingRow)) if self.parent else [self]
        n = rows.index(self)
        if n + 1 < len(rows):  # at once, not deferred: the next key rates the next item
            self.screen.set_focus(rows[n + 1])
        else:
            await advance(self)


class ChecklistAnswer(VerticalScroll, can_focus=False):
    def __init__(self, question: ChecklistQuestion, value: Any, lang: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.question = question
        self.lang = lang
        given = dict(value) if isinstance(value, dict) else {}
        self.ratings: dict[str, str] = {}
        for item in question.items:
            word = _rating_word(given.get(item.id))
            if word is not None:
                self.ratings[item.id] = word

    def compose(self):
        for item in self.question.items:
            yield RatingRow(item, self.ratings.get(item.id), self.lang, id=f"item-{item.id}",
                            classes="rating-row")

    def on_rating_row_rated(self, event: RatingRow.Rated) -> None:
        event.stop()
        if event.rating is None:
            self.ratings.pop(event.item, None)
        else:
            self.ratings[event.item] = event.rating
        order = [i.id for i in self.question.items]
        self.post_message(changed(self, {k: self.ratings[k] for k in order if k in self.ratings} or None))
