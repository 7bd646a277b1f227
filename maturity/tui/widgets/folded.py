"""Text that wraps the way Chinese is set: between any two characters, not only at spaces.

Rich and Textual wrap at spaces, so in mixed text ("由一名 IT 人员维护……") a long run of
Chinese after a Latin word jumps to the next line and leaves a ragged short one. Here a
Chinese (wide) character is a word of its own, a Latin run stays whole, and closing
punctuation (，。、）…) never starts a line, nor opening punctuation (（《“) ends one.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

_TOKEN = re.compile(r"\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|.")
_NO_LINE_START = set("，。、；：？！）》」』】〉”’…,.;:?!)]}%")
_NO_LINE_END = set("（《「『【〈“‘([{")


def _tokens(paragraph: str) -> list[str]:
    out: list[str] = []
    opening = ""
    for tok in _TOKEN.findall(paragraph):
        if tok in _NO_LINE_END:
            opening += tok
            continue
        tok, opening = opening + tok, ""
        if out and tok[0] in _NO_LINE_START and not out[-1].isspace():
            out[-1] += tok
        else:
            out.append(tok)
    if opening:
        out.append(opening)
    return out


def fold(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for tok in _tokens(paragraph):
            if tok.isspace():
                if line:
                    line += " "
                continue
            if cell_len(line) + cell_len(tok) <= width:
                line += tok
                continue
            if line.strip():
                lines.append(line.rstrip())
            while cell_len(tok) > width:  # a word longer than the line: cut it
                cut = 1
                while cut < len(tok) and cell_len(tok[:cut + 1]) <= width:
                    cut += 1
                lines.append(tok[:cut])
                tok = tok[cut:]
            line = tok
        lines.append(line.rstrip())
    return lines


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
