"""A history (``maturity history``) for people: a table per enterprise in the terminal
and in Markdown, and in HTML the same with a line chart of the grade scores over time.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..explain import name_of
from ..i18n import t
from ..model.diagnosis import History
from ..model.questionnaire import Questionnaire
from ..printable import markdown_text, one_line
from .html_parts import _e, _figure, _section, _svg, _table, _tag

W, H, LEFT, RIGHT, TOP, BOTTOM = 760, 310, 44, 190, 16, 50
COLOURS = ("#1f3a5f", "#c0392b", "#2e8b57", "#b8860b", "#6a5acd", "#008b8b", "#8b4513", "#708090")


def _cells(h: History, q: Questionnaire, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows, one column per assessment (oldest first) and one for the change:
    the total grade and score, then each dimension's."""
    def cell(level: int, value: float) -> str:
        return f"{q.levels[level - 1].id if level else '<' + q.levels[0].id} {value:.2f}"

    head = ["", *(p.assessed_on.isoformat() for p in h.points), "Δ"]
    first, last = h.points[0], h.points[-1]
    rows = [[t("grade", lang), *(cell(p.level, p.score) for p in h.points),
             f"{last.score - first.score:+.2f}"]]
    for d in h.dimensions:
        parts = [next((x for x in p.dimensions if x.id == d), None) for p in h.points]
        change = f"{parts[-1].score - parts[0].score:+.2f}" if parts[0] and parts[-1] else ""
        rows.append([name_of(q, d, lang), *(cell(x.level, x.score) if x else "–" for x in parts), change])
    return head, rows


def _sources(h: History) -> str:
    return " · ".join(f"{p.assessed_on.isoformat()}: {one_line(p.source)}" for p in h.points)


def _title(h: History, lang: str) -> str:
    first, last = h.points[0], h.points[-1]
    return t("history_title", lang, name=one_line(h.enterprise) or "–", n=len(h.points),
             first=first.assessed_on.isoformat(), last=last.assessed_on.isoformat(),
             change=f"{last.score - first.score:+.2f}")


def terminal(histories: list[tuple[History, Questionnaire]], lang: str) -> RenderableType:
    parts: list[RenderableType] = []
    for h, q in histories:
        head, rows = _cells(h, q, lang)
        table = Table(title=_title(h, lang), title_justify="left", show_edge=False,
                      caption=_sources(h), caption_justify="left")
        for k, name in enumerate(head):
            table.add_column(name, no_wrap=k > 0, justify="left" if k == 0 else "right")
        for row in rows:
            table.add_row(*(Text(c) for c in row))
        parts += [table, Text("")]
    return Group(*parts[:-1])


def markdown(histories: list[tuple[History, Questionnaire]], lang: str, level: int = 1) -> str:
    """The histories in Markdown, headed at ``level`` (the report puts them at 2)."""
    out = [f"{'#' * level} {t('history', lang)}", ""]
    for h, q in histories:
        head, rows = _cells(h, q, lang)
        out += [f"{'#' * (level + 1)} {markdown_text(_title(h, lang))}", "",
                "| " + " | ".join(markdown_text(c) for c in head) + " |",
                "|---|" + "---:|" * (len(head) - 1)]
        out += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
        out += ["", markdown_text(_sources(h)), ""]
    return "\n".join(out)


def chart(h: History, q: Questionnaire, lang: str) -> str:
    """Score over time: the total (thick) and each dimension (thin), on the scale of the
    index's levels, with the date of each assessment below, placed in proportion to time."""
    top = max([p.score_max for p in h.points] + [1.0])
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    x = _times(h, plot_w)

    def y(v: float, vmax: float) -> float:
        return TOP + plot_h * (1 - (v / vmax if vmax else 0))

    body = []
    for k in range(len(q.levels) + 1):  # gridlines at each grade's score
        gy = y(k * top / len(q.levels), top)
        body.append(_tag("line", x1=LEFT, x2=LEFT + plot_w, y1=f"{gy:.1f}", y2=f"{gy:.1f}", stroke="#ddd"))
        body.append(_tag("text", _e(f"{k * top / len(q.levels):g}"), x=LEFT - 6, y=f"{gy + 4:.1f}",
                         text_anchor="end", font_size=11, fill="#555"))
    ends = [-1e9, -1e9, -1e9]  # where the last date label of each of three lines is
    for k, p in enumerate(h.points):
        # the first line with room, else the one whose label ends first: a date too close
        # to the one before goes a line lower, not over it
        row = next((r for r in (0, 1, 2) if x[k] - ends[r] >= 72), min((0, 1, 2), key=ends.__getitem__))
        ends[row] = x[k]
        body.append(_tag("text", _e(p.assessed_on.isoformat()), x=f"{x[k]:.1f}",
                         y=H - BOTTOM + 18 + 13 * row, text_anchor="middle", font_size=11, fill="#555"))
    total = [p.score / p.score_max * top if p.score_max else 0.0 for p in h.points]
    series = [(t("grade", lang), total, 3.0)]
    for d in h.dimensions:
        values = []
        for p in h.points:
            part = next((x for x in p.dimensions if x.id == d), None)
            values.append(part.score / part.score_max * top if part and part.score_max else 0.0)
        series.append((name_of(q, d, lang), values, 1.5))
    for k, (name, values, width) in enumerate(series):
        colour = COLOURS[k % len(COLOURS)]
        points = " ".join(f"{x[i]:.1f},{y(v, top):.1f}" for i, v in enumerate(values))
        body.append(_tag("polyline", points=points, fill="none", stroke=colour, stroke_width=width))
        body += [_tag("circle", cx=f"{x[i]:.1f}", cy=f"{y(v, top):.1f}", r=width + 1, fill=colour)
                 for i, v in enumerate(values)]
        # the legend: a swatch of the line, then the name in ink (the page's stylesheet sets
        # every SVG text's fill, so a coloured name came out in ink: no line could be told)
        ly = TOP + 10 + 16 * k
        body.append(_tag("line", x1=W - RIGHT + 8, x2=W - RIGHT + 26, y1=ly, y2=ly, stroke=colour,
                         stroke_width=width))
        body.append(_tag("text", _e(name), x=W - RIGHT + 30, y=ly + 4, font_size=12))
    label = _title(h, lang)
    return _figure(label, _svg("history-chart", W, H, label, "".join(body)), "chart")


def _times(h: History, width: float) -> list[float]:
    """Each assessment's x: in proportion to its date (15 months and then 2 months apart
    were drawn as equal steps), evenly where the dates do not tell them apart."""
    n = len(h.points)
    days = [p.assessed_on.toordinal() for p in h.points]
    span = days[-1] - days[0] if n > 1 else 0
    if span <= 0:
        return [LEFT + (width * k / (n - 1) if n > 1 else width / 2) for k in range(n)]
    return [LEFT + width * (d - days[0]) / span for d in days]


def section(h: History, q: Questionnaire, lang: str, heading: str) -> str:
    """One history as an HTML section: the chart, the table, the files."""
    head, rows = _cells(h, q, lang)
    table = _table([(c, "") for c in head],
                   [_tag("tr", "".join(_tag("td", _e(c)) for c in row)) for row in rows])
    return _section("history", heading, chart(h, q, lang), table, _tag("p", _e(_sources(h))))


def html(histories: list[tuple[History, Questionnaire]], lang: str) -> str:
    from .html import document

    sections = [section(h, q, lang, one_line(h.enterprise) or t("history", lang)) for h, q in histories]
    return document(t("history", lang), "zh" if lang == "zh" else "en",
                    _tag("h1", _e(t("history", lang))) + "\n".join(sections))


__all__ = ["chart", "html", "markdown", "terminal"]
