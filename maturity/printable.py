"""Text from data is shown, never obeyed: control characters become visible escapes.

An enterprise name, a region, an assessor, a note or a file name may carry terminal
control sequences (``ESC ] 0 ; title BEL`` sets the window title, ``ESC [ 2 J`` clears
the screen) or Unicode direction overrides that reorder what is shown. Every view meant
for people (terminal panels, tables, Markdown, HTML, the TUI, messages on stderr) passes
user text through :func:`printable` first; the data itself (answers files, JSON, CSV) is
kept exactly as given in a file or a pipe, and shown escaped on a terminal
(:func:`terminal_or`), where a raw escape sequence would be obeyed.
"""

from __future__ import annotations

import re
from typing import TextIO

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control character (but tab and newline) as a visible escape."""
    return _CONTROL.sub(_escape, str(text))


def one_line(text: object) -> str:
    """:func:`printable`, newlines too: a name, a file name or a value inside a line (a
    table row, a ``file:line: message``), where a newline in the data made a second, fake
    row ("L5 4.99 / 5 … Model Factory Co" from one enterprise's name)."""
    return printable(text).replace("\n", "\\x0a")


def for_terminal(text: str) -> str:
    """Data (CSV, JSON, YAML) on its way to a terminal: :func:`printable`, with a CSV's
    ``\\r\\n`` line ends as plain ones.  Written to a file or a pipe, data stays exact."""
    return printable(text.replace("\r\n", "\n"))


class TerminalOut:
    """A text stream that shows data on a terminal (:func:`for_terminal` on every write)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(for_terminal(text))

    def flush(self) -> None:
        self.stream.flush()


def terminal_or(stream: TextIO) -> TextIO:
    """``stream`` as it is, or wrapped in :class:`TerminalOut` when it is a terminal."""
    isatty = getattr(stream, "isatty", None)
    return TerminalOut(stream) if isatty is not None and isatty() else stream  # type: ignore[return-value]


_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def markdown_text(text: str) -> str:
    """``text`` for Markdown (a table cell included), rendered as typed: its Markdown and
    HTML characters escaped, a line break as a space."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    out = _ENTITY.sub(r"\\&", out)  # "&amp;" in a name rendered as "&"; "R&D" stays as it is
    return out.replace("\n", " ")
