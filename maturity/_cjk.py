"""Where Chinese text may break, and how wide it is on a terminal: for the report's Rich
wrapping (``report.wrap``: :data:`WORD`, a pattern Rich's own wrapper uses), and for the
TUI's folded text and the template's comments (:func:`fold`).

Chinese has no spaces: a line may break between any two CJK characters, keeping closing
punctuation (，。：）) with the character before it and opening brackets (（「) with the one
after, so that no line starts with a comma or ends with a bracket.  A CJK character takes
two terminal cells.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = ("\u2e80-\u2eff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
        "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef")
_NO_LINE_START = frozenset("，。、；：？！）》」』】〉〕”’…％,.;:?!)]}%")
"""Closing marks: they stay with the character before them."""
_NO_LINE_END = frozenset("（《「『【〈〔“‘([{")
"""Opening marks: they stay with the character after them."""
_CLOSE = re.escape("".join(sorted(_NO_LINE_START)))
_OPEN = re.escape("".join(sorted(_NO_LINE_END)))

WORD = re.compile(rf"\s*(?:[{_OPEN}]*[{_CJK}][{_CLOSE}]*|[^\s{_CJK}]+[{_CLOSE}]*)\s*")
"""A word: one CJK character with its punctuation, or a run of anything else that is not a
space; and the spaces around it (as Rich's own pattern keeps them)."""


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: two for a wide (CJK) character, else one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_TOKEN = re.compile(rf"\s+|[^\s{_CJK}]+|.")


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


def fold(text: str, width: int, cut: bool = True) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells: a Chinese (wide) character is
    a word of its own, a Latin run stays whole (cut only where it is longer than a line;
    with ``cut`` false it stands alone on a longer line instead, as a chart label may),
    closing punctuation never starts a line nor opening punctuation ends one; each ``\n``
    starts a new line.  The TUI's folded text, the template's comments and the HTML
    report's chart labels use it."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0  # the line so far and its cells, counted once per token
        for tok in _tokens(paragraph):
            if tok.isspace():
                if line:
                    line, used = line + " ", used + 1
                continue
            size = cells(tok)
            if used + size <= width:
                line, used = line + tok, used + size
                continue
            if line.strip():
                lines.append(line.rstrip())
            while cut and size > width:  # a word longer than the line: cut it
                at, taken = 1, cells(tok[0])
                while at < len(tok) and taken + cells(tok[at]) <= width:
                    taken += cells(tok[at])
                    at += 1
                lines.append(tok[:at])
                tok, size = tok[at:], size - taken
            line, used = tok, size
        lines.append(line.rstrip())
    return lines
