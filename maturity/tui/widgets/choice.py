"""A list of choices, one of which is the answer: the base of the level and yes/no widgets.

Enter chooses the highlighted choice and moves on (keyboard users answer with one key);
Space or a click chooses without moving on. The chosen one is marked ``●``. Long
descriptions wrap with a hanging indent, and Chinese text folds between any two characters.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .folded import Folded
from .messages import advance, changed


def choice_prompt(chosen: bool, tag: str, text: str) -> Table:
    """``● 2  text`` with the text wrapping under itself."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    style = "bold" if chosen else ""
    grid.add_row(Text(f"{'●' if chosen else '○'} {tag}".rstrip(), style=style), Folded(text, style))
    return grid


class ChoiceList(OptionList):
    """Subclasses give ``choices``: (value, tag, text) triples."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose_and_next", "Choose", show=False, id="choose-and-next"),
        Binding("space", "select", "Choose", show=False, id="choose"),
    ]

    def __init__(self, choices: list[tuple[Any, str, str]], value: Any, **kw: Any) -> None:
        self.choices = choices
        self.value = value
        super().__init__(*self._make_options(), **kw)

    def chosen(self, v: Any) -> bool:
        """Whether choice value ``v`` is the answer (subclasses may widen this)."""
        return self.value is not None and v == self.value

    def tag(self, v: Any, tag: str) -> str:
        return tag

    def _make_options(self) -> list[Option]:
        return [Option(choice_prompt(self.chosen(v), self.tag(v, tag), text), id=f"choice-{n}")
                for n, (v, tag, text) in enumerate(self.choices)]

    def _refresh_prompts(self) -> None:
        for n, (v, tag, text) in enumerate(self.choices):
            self.replace_option_prompt_at_index(n, choice_prompt(self.chosen(v), self.tag(v, tag), text))

    def _highlight_value(self) -> None:
        chosen = [n for n, (v, _, _) in enumerate(self.choices) if self.chosen(v)]
        self.highlighted = chosen[0] if chosen else 0

    def on_mount(self) -> None:
        self._highlight_value()

    def show_choices(self, choices: list[tuple[Any, str, str]], value: Any) -> None:
        """Show another question's choices in place (quicker than a new widget, focus stays)."""
        self.choices = choices
        self.value = value
        self.clear_options()
        self.add_options(self._make_options())
        self._highlight_value()
        self.scroll_home(animate=False)

    def choose(self, index: int) -> None:
        """Make choice ``index`` the answer (marks it and posts :class:`AnswerChanged`)."""
        self.highlighted = index
        self.value = self.choices[index][0]
        self._refresh_prompts()
        self.post_message(changed(self, self.value))

    def action_select(self) -> None:  # Space, click
        if self.highlighted is not None:
            self.choose(self.highlighted)

    async def action_choose_and_next(self) -> None:
        if self.highlighted is not None:
            if not self.chosen(self.choices[self.highlighted][0]):
                self.choose(self.highlighted)  # already the answer (e.g. "2+"): keep it as it is
            await advance(self)
