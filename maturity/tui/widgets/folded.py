"""Text that wraps the way Chinese is set: between any two characters, not only at spaces.

Rich and Textual wrap at spaces, so in mixed text ("由一名 IT 人员维护……") a long run of
Chinese after a Latin word jumps to the next line and leaves a ragged short one. Here a
Chinese (wide) character is a word of its own, a Latin run stays whole, and closing
punctuation (，。、）…) never starts a line, nor opening punctuation (（《“) ends one
(``maturity._cjk.fold``, which the template's comments use too).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ..._cjk import fold


class Folded:
    """A Rich renderable of ``text`` folded to the width it is given."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(fold(self.text, options.max_width)), style=self.style, no_wrap=True,
                   overflow="crop")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(4, options.max_width), max(cell_len(self.text), 1))
