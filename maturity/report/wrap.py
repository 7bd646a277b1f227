"""Line breaks for Chinese in the terminal and the TUI.

Rich and Textual break lines only at spaces (``rich._wrap.re_word``, which Textual's
``Content`` uses too).  Chinese has no spaces: a run of it after a Latin word ("MES",
"DCS") or a list number ("1. ") was one unbreakable word, so it went whole to the next
line and left the line before it short, or stood alone after "1." (issue #12, item 10).
:func:`install` gives the word pattern a break opportunity between Chinese characters,
keeping closing punctuation (，。：）) with the character before it and opening brackets
(（「) with the one after, so that no line starts with a comma or ends with a bracket.
Text without CJK characters is split exactly as before (``tests/test_wrap.py``).
"""

from __future__ import annotations

import re
from typing import Any

from .._cjk import WORD

__all__ = ["WORD", "install"]


def install() -> None:
    """Use :data:`WORD` for Rich's (and so Textual's) line breaking, in this process."""
    try:
        import rich._wrap as rich_wrap
    except ImportError:  # pragma: no cover - a Rich without the module: keep its breaking
        return
    if isinstance(getattr(rich_wrap, "re_word", None), re.Pattern):
        rich_wrap.re_word = WORD
    from rich.text import Text

    Text.rstrip_end = _rstrip_end  # type: ignore[method-assign]


_TRAILING = re.compile(r"\s+$")


def _rstrip_end(self: Any, size: int) -> None:
    """Rich's ``Text.rstrip_end``, counting cells instead of characters.  Rich's counts
    characters, so a wrapped line of Chinese one cell too wide because of its trailing space
    kept the space, and the cut to the width that follows dropped the line's last character
    for an ellipsis ("（按 …" for "（按第" in a table cell).  For text without wide characters
    cells and characters are one, and nothing changes."""
    excess = self.cell_len - size
    if excess > 0:
        found = _TRAILING.search(self.plain)
        if found is not None:
            self.right_crop(min(len(found.group(0)), excess))
