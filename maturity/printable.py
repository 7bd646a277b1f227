"""Text from data is shown, never obeyed: control characters become visible escapes.

An enterprise name, a region, an assessor, a note or a file name may carry terminal
control sequences (``ESC ] 0 ; title BEL`` sets the window title, ``ESC [ 2 J`` clears
the screen) or Unicode direction overrides that reorder what is shown. Every view meant
for people (terminal panels, tables, Markdown, HTML, the TUI, messages on stderr) passes
user text through :func:`printable` first; the data itself (answers files, JSON, CSV) is
kept exactly as given.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control character (but tab and newline) as a visible escape."""
    return _CONTROL.sub(_escape, str(text))


def markdown_text(text: str) -> str:
    """``text`` for Markdown (a table cell included), rendered as typed: its Markdown and
    HTML characters escaped, a line break as a space."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")
