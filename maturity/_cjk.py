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
_CLOSE = "，。、：；！？）」』》〉】〕％,.:;!?)\\]}%"
_OPEN = "（「『《〈【〔(\\[{"

CJK = re.compile(f"[{_CJK}]")
"""Any CJK character."""

WORD = re.compile(rf"\s*(?:[{_OPEN}]*[{_CJK}][{_CLOSE}]*|[^\s{_CJK}]+[{_CLOSE}]*)\s*")
"""A word: one CJK character with its punctuation, or a run of anything else that is not a
space; and the spaces around it (as Rich's own pattern keeps them)."""


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: two for a wide (CJK) character, else one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


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
    """``text`` broken into lines of at most ``width`` cells: a Chinese (wide) character is
    a word of its own, a Latin run stays whole (cut only where it is longer than a line),
    closing punctuation never starts a line nor opening punctuation ends one; each ``\n``
    starts a new line.  The TUI's folded text and the template's comments use it."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for tok in _tokens(paragraph):
            if tok.isspace():
                if line:
                    line += " "
                continue
            if cells(line) + cells(tok) <= width:
                line += tok
                continue
            if line.strip():
                lines.append(line.rstrip())
            while cells(tok) > width:  # a word longer than the line: cut it
                cut = 1
                while cut < len(tok) and cells(tok[:cut + 1]) <= width:
                    cut += 1
                lines.append(tok[:cut])
                tok = tok[cut:]
            line = tok
        lines.append(line.rstrip())
    return lines
