"""Where Chinese text may break, and how wide it is on a terminal: one definition for the
report's Rich wrapping (``report.wrap``) and the template's comments (``template``).

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


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between :data:`WORD` s (a word
    wider than a line stands alone on its own line); spaces at a break are dropped."""
    lines: list[str] = []
    line = ""
    for m in WORD.finditer(text):
        word = m.group()
        if line and cells((line + word).rstrip()) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line = (line + word) if line else word.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines
