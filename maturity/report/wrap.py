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
