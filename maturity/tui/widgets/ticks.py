"""Tick boxes that say ticked or not in the glyph itself, not only in colour.

Textual draws every box as ``▐X▌`` and tells ticked from unticked by colour alone, which
is lost on a monochrome terminal or with NO_COLOR (issue #12). Here a ticked box shows a
✓ and an unticked one is empty.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICK = "✓"
V = TypeVar("V")


def inner(ticked: bool) -> str:
    """What a box shows inside: a tick, or nothing."""
    return TICK if ticked else " "


class TickList(SelectionList[V], Generic[V]):
    """A selection list whose boxes show ✓ when selected, with its cursor on the first
    box as soon as it has the focus (a first-time user could not tell which box Space
    would tick until pressing Down)."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset[1] + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != Checkbox.BUTTON_INNER:
            return strip
        segments[1] = Segment(inner(selection.value in self.selected), segments[1].style)
        return Strip(segments, strip.cell_length)
