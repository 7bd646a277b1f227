"""Chinese in the terminal and the TUI breaks between characters, not only at spaces;
text without CJK breaks exactly as Rich breaks it (``maturity.report.wrap``)."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import example, given
from hypothesis import strategies as st
from rich._wrap import divide_line

import maturity.report.wrap as wrap
from maturity.report.wrap import WORD

RICH = re.compile(r"\s*\S+\s*")  # Rich's own word pattern
MIXED = ("1. 车间网络建设：生产网络（工业以太网、现场总线或DCS网络）连接主要生产区域的关键设备，"
         "MES 与 ERP 集成。")


def _lines(text: str, width: int) -> list[str]:
    wrap.install()
    cuts = [0, *divide_line(text, width), len(text)]
    return [text[a:b] for a, b in pairwise(cuts)]


def test_chinese_after_a_number_or_a_latin_word_fills_the_line():
    from rich.cells import cell_len

    for width in (20, 31, 44, 80):
        lines = _lines(MIXED, width)
        assert "".join(lines) == MIXED
        for line in lines[:-1]:  # no line left short because the next run would not fit whole
            assert cell_len(line.rstrip()) >= width - 3, (width, lines)
        assert all(cell_len(line.rstrip()) <= width for line in lines), (width, lines)


def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_bracket():
    for width in range(8, 60):
        lines = _lines(MIXED, width)
        assert not any(line[:1] in "，。、：；！？）" for line in lines[1:]), (width, lines)
        assert not any(line.rstrip()[-1:] in "（「《" for line in lines), (width, lines)


@given(st.text(st.characters(codec="latin-1"), max_size=80), st.integers(1, 40))
def test_text_without_chinese_breaks_as_before(text, width):
    ours = [m.span() for m in iter(lambda s=[0]: _step(WORD, text, s), None)]
    rich = [m.span() for m in iter(lambda s=[0]: _step(RICH, text, s), None)]
    assert ours == rich


def _step(pattern, text, state):
    m = pattern.match(text, state[0])
    if m is None or m.end() == state[0]:
        return None
    state[0] = m.end()
    return m


def test_the_textual_content_of_the_tui_wraps_the_same_way():
    from textual.content import Content

    wrap.install()
    lines = [str(line) for line in Content(MIXED).wrap(31)]
    assert lines[0].startswith("1. 车间网络建设"), lines


@given(st.text(alphabet=st.sampled_from("质量数据系统，。（）ab MES 12:"), max_size=120),
       st.integers(min_value=2, max_value=60))
def test_folding_keeps_every_character_within_the_width(text, width):
    """``maturity._cjk.fold`` (the TUI's folded text, the template's comments): nothing but
    spaces is lost or added, and no line is wider than ``width`` cells."""
    from maturity._cjk import cells, fold

    lines = fold(text, width)
    assert "".join(lines).replace(" ", "") == "".join(text.split())
    assert all(cells(line) <= width for line in lines)


@given(st.text(alphabet=st.sampled_from("质量数据系统，。（）ab MES 12:"), max_size=120),
       st.integers(min_value=2, max_value=60))
def test_a_chart_label_keeps_its_words_whole(text, width):
    """``fold(..., cut=False)`` (the HTML report's chart labels): a line is wider than
    ``width`` cells only when it is a single word, which is never cut."""
    from maturity._cjk import cells, fold

    lines = fold(text, width, cut=False)
    assert "".join(lines).replace(" ", "") == "".join(text.split())
    assert all(cells(line) <= width or " " not in line for line in lines), (lines, width)


@given(st.text(alphabet=st.sampled_from(list("数据采集阶段完成后的水平计第按（）：，。") + list("L13 →ab")),
               min_size=1, max_size=60),
       st.integers(min_value=8, max_value=40))
@example("数据采集（数字化基础）：L1 → L3（按第 1 阶段完成后的水平计）", 19)
@example("数据采集（数字化基础）：L1 → L3（按第 1 阶段完成后的水平计）", 13)
def test_a_wrapped_cell_of_chinese_loses_no_character_to_the_ellipsis(text, width):
    """A report reader found "（按 …" for "（按第" in a table cell at 80 columns: a line one
    cell too wide for its trailing space kept the space (Rich counted characters) and the
    cut to the width dropped the line's last character for "…"."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    wrap.install()
    if any(cell_len(w.strip()) > width for w in WORD.findall(text)):
        return  # a word wider than the line is cut, as Rich cuts it
    lines = Text(text, overflow="ellipsis").wrap(Console(width=80), width)
    assert "".join(line.plain for line in lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line.plain) <= width for line in lines)


def test_text_without_wide_characters_is_stripped_at_its_end_as_rich_strips_it():
    from rich.text import Text

    wrap.install()
    for text, size in (("abc   ", 4), ("abc   ", 10), ("abc", 2), ("a b  ", 3)):
        ours = Text(text)
        ours.rstrip_end(size)
        trailing = len(text) - len(text.rstrip())
        assert ours.plain == text[:len(text) - min(trailing, max(0, len(text) - size))]
