"""The building blocks of the HTML report: escaped markup, text wrapped for SVG, and the
charts (radar, dimension bars, score per level).  Every text from the report is escaped
here (``_e``); the helpers take already-escaped HTML as their body.
"""

from __future__ import annotations

import math
from html import escape

from .._cjk import fold
from ..i18n import t
from .views import Report, Row
from .words import colon as _colon
from .words import number as _number

CMMM_THRESHOLD = 0.8
"""The per-level pass mark of the GB/T 39117 method, drawn on the level chart."""


# ---------------------------------------------------------------- markup helpers

def _e(text: object) -> str:
    """Escape any text for HTML and SVG, attributes included."""
    return escape(str(text), quote=True)


def _attrs(attrs: dict[str, object]) -> str:
    """``class_="x", aria_label="y"`` → ``class="x" aria-label="y"`` (values escaped, None dropped)."""
    parts = []
    for key, value in attrs.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{_e(value)}"')
    return "".join(parts)


def _tag(name: str, body: str = "", **attrs: object) -> str:
    """An element whose ``body`` is HTML (already escaped)."""
    return f"<{name}{_attrs(attrs)}>{body}</{name}>"


def _void(name: str, **attrs: object) -> str:
    return f"<{name}{_attrs(attrs)}/>"


def _list(items: list[str], tag: str = "ul", **attrs: object) -> str:
    """A list of text items; ``A → B`` never breaks at the arrow."""
    return _tag(tag, "".join(_tag("li", _e(item).replace(" → ", "\u00a0→\u00a0")) for item in items),
                **attrs)


def _section(key: str, heading: str, *body: str) -> str:
    return _tag("section", _tag("h2", _e(heading)) + "".join(body), id=key)


def _table(head: list[tuple[str, str]], rows: list[str], **attrs: object) -> str:
    """``head`` is (text, css class); ``rows`` are ready ``<tr>`` elements."""
    ths = "".join(_tag("th", _e(text), class_=cls or None, scope="col") for text, cls in head)
    return _tag("table", _tag("thead", _tag("tr", ths)) + _tag("tbody", "".join(rows)), **attrs)


def _row(*cells: tuple[str, str], cls: str | None = None) -> str:
    """A ``<tr>`` of (html, css class) cells."""
    return _tag("tr", "".join(_tag("td", html, class_=c or None) for html, c in cells), class_=cls)


def _num(value: float, digits: int = 1) -> str:
    """A coordinate, formatted the same way every run (no ``-0.0``)."""
    text = f"{value:.{digits}f}"
    return "0" if float(text) == 0 else text


def _meter(fraction: float, label: str) -> str:
    pct = min(max(fraction, 0.0), 1.0) * 100
    return _tag("span", _tag("span", "", style=f"width:{pct:.1f}%"), class_="meter", role="img",
                aria_label=label)


# ---------------------------------------------------------------- text wrapping for SVG

def _wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """Lines of about ``width`` cells, broken between words or any two CJK characters
    (``_cjk.fold``; a word is never cut), the overflow joined into the last of
    ``max_lines``."""
    lines = [line for line in fold(text, width, cut=False) if line]
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], " ".join(lines[max_lines - 1:])]
    return lines


def _text_lines(lines: list[tuple[str, str | None]], x: float, y: float, anchor: str,
                line_height: float, **attrs: object) -> str:
    """An SVG ``<text>`` whose lines are ``<tspan>``\\ s; (text, class) per line."""
    spans = "".join(
        _tag("tspan", _e(text), x=_num(x), y=_num(y + n * line_height), class_=cls)
        for n, (text, cls) in enumerate(lines))
    return _tag("text", spans, text_anchor=anchor, **attrs)


def _figure(caption: str, svg: str, cls: str) -> str:
    return _tag("figure", _tag("figcaption", _e(caption)) + svg, class_=cls)


def _svg(cls: str, width: int, height: int, label: str, body: str) -> str:
    return _tag("svg", _tag("title", _e(label)) + body, class_=cls, viewBox=f"0 0 {width} {height}",
                role="img", aria_label=label)


# ---------------------------------------------------------------- charts

RADAR_R, LINE_H = 140, 16
RADAR_MAX_AXES = 8
RADAR_W, RADAR_H = 680, 2 * (RADAR_R + 12 + 3 * LINE_H + 6)


def _ring_labels(rows: list[Row], levels: int) -> list[str]:
    """Ring k of ``levels``: the score on the common scale, or a percentage when scales differ."""
    maxima = {row.score_max for row in rows}
    n = max(levels, 1)
    if len(maxima) == 1 and (top := maxima.pop()) > 0:
        return [_number(top * k / n) for k in range(1, n + 1)]
    return [f"{k / n:.0%}" for k in range(1, n + 1)]


def _radar(rows: list[Row], levels: int, lang: str) -> str:
    """One axis per dimension (3 to 8 read well), rings at the levels, the scores as a polygon."""
    n = len(rows)
    cx, cy, radius = RADAR_W / 2, RADAR_H / 2, RADAR_R

    def point(i: int, frac: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return cx + radius * frac * math.cos(angle), cy + radius * frac * math.sin(angle)

    def polygon(fracs: list[float], **attrs: object) -> str:
        pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in (point(i, f) for i, f in enumerate(fracs)))
        return _void("polygon", points=pts, **attrs)

    levels = max(levels, 1)
    parts = [polygon([k / levels] * n, class_="ring ring-outer" if k == levels else "ring")
             for k in range(1, levels + 1)]
    for i in range(n):
        x, y = point(i, 1.0)
        parts.append(_void("line", x1=_num(cx), y1=_num(cy), x2=_num(x), y2=_num(y), class_="spoke"))
    for k, text in enumerate(_ring_labels(rows, levels), 1):
        parts.append(_tag("text", _e(text), x=_num(cx + 4), y=_num(cy - radius * k / levels + 12),
                          class_="tick"))
    fracs = [min(max(row.fraction, 0.0), 1.0) for row in rows]
    parts.append(polygon(fracs, class_="value"))
    for i, (row, frac) in enumerate(zip(rows, fracs, strict=True)):
        x, y = point(i, frac)
        parts.append(_tag("circle", _tag("title", _e(_row_summary(row))), cx=_num(x), cy=_num(y),
                          r="3.5", class_="dot"))
        parts.append(_radar_label(i, n, row, cx, cy))
    return _svg("radar", RADAR_W, RADAR_H, t("dimensions", lang), "".join(parts))


def _radar_label(i: int, n: int, row: Row, cx: float, cy: float) -> str:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = cx + (RADAR_R + 12) * cos, cy + (RADAR_R + 12) * sin
    anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
    width = 30 if anchor == "middle" else 18
    lines: list[tuple[str, str | None]] = [(line, None) for line in _wrap(row.name, width)]
    lines.append((f"{row.level} · {row.score:.2f} / {row.score_max:g}", "sub"))
    height = len(lines) * LINE_H
    if sin < -0.3:
        top = y - height
    elif sin > 0.3:
        top = y + 2
    else:
        top = y - height / 2
    return _text_lines(lines, x, top + LINE_H - 3, anchor, LINE_H, class_="label")


def _row_summary(row: Row) -> str:
    return f"{row.name}: {row.level}, {row.score:.2f} / {row.score_max:g}"


def _dimension_bars(rows: list[Row], lang: str) -> str:
    """Horizontal bars: the radar's stand-in for too few (or too many) dimensions."""
    width, label_w, bar_h, gap = 640, 220, 26, 22
    height = len(rows) * (bar_h + gap) + gap
    x0, x1 = label_w, width - 110
    parts = []
    for n, row in enumerate(rows):
        y = gap + n * (bar_h + gap)
        frac = min(max(row.fraction, 0.0), 1.0)
        label = _wrap(row.name, 30, 2)
        parts.append(_text_lines([(line, None) for line in label], x0 - 10,
                                 y + bar_h / 2 + 5 - (len(label) - 1) * LINE_H / 2, "end", LINE_H,
                                 class_="label"))
        parts.append(_void("line", x1=_num(x0), y1=_num(y - 4), x2=_num(x0), y2=_num(y + bar_h + 4),
                           class_="axis"))
        parts.append(_tag("rect", _tag("title", _e(_row_summary(row))), x=_num(x0), y=_num(y),
                          width=_num((x1 - x0) * frac), height=_num(bar_h), class_="bar"))
        parts.append(_tag("text", _e(f"{row.level} · {row.score:.2f} / {row.score_max:g}"),
                          x=_num(x0 + (x1 - x0) * frac + 6), y=_num(y + bar_h / 2 + 5), class_="sub"))
    return _svg("dimbars", width, height, t("dimensions", lang), "".join(parts))


LEVELS_W, LEVELS_H = 400, 300


def _level_chart(r: Report) -> str:
    lang = _lang_of(r)
    x0, x1, y0, y1 = 44, LEVELS_W - 16, 26, LEVELS_H - 44
    span = y1 - y0

    def y_of(value: float) -> float:
        return y1 - span * min(max(value, 0.0), 1.0)

    parts = []
    for k in range(6):
        v = k / 5
        parts.append(_void("line", x1=_num(x0), y1=_num(y_of(v)), x2=_num(x1), y2=_num(y_of(v)),
                           class_="axis" if k == 0 else "grid"))
        parts.append(_tag("text", f"{v:.1f}", x=_num(x0 - 6), y=_num(y_of(v) + 4), text_anchor="end",
                          class_="tick"))
    slot = (x1 - x0) / max(len(r.level_scores), 1)
    bar_w = min(slot * 0.56, 56)
    cmmm = r.method == "cmmm"
    threshold = r.threshold if r.threshold is not None else CMMM_THRESHOLD
    for n, (code, score) in enumerate(r.level_scores):
        mid = x0 + slot * (n + 0.5)
        parts.append(_tag("text", _e(code), x=_num(mid), y=_num(y1 + 18), text_anchor="middle",
                          class_="label"))
        if score is None:
            parts.append(_text_lines([(line, None) for line in _wrap(t("no_requirement", lang), 10)],
                                     mid, y1 - 8, "middle", 13, class_="none"))
            continue
        state = "" if not cmmm else (" pass" if score + 1e-9 >= threshold else " short")
        top = y_of(score)
        parts.append(_tag("rect", _tag("title", _e(f"{code}: {score:.2f}")), x=_num(mid - bar_w / 2),
                          y=_num(top), width=_num(bar_w), height=_num(y1 - top), class_="bar" + state))
        parts.append(_tag("text", f"{score:.2f}", x=_num(mid), y=_num(top - 5), text_anchor="middle",
                          class_="val"))
    if cmmm:
        ty = y_of(threshold)
        parts.append(_void("line", x1=_num(x0), y1=_num(ty), x2=_num(x1), y2=_num(ty), class_="threshold"))
        parts.append(_tag("text", _e(f"{t('threshold', lang)} {threshold:g}"), x=_num(x1),
                          y=_num(y0 - 10), text_anchor="end", class_="tick"))
    return _svg("levels", LEVELS_W, LEVELS_H, t("level_scores", lang), "".join(parts))


def _lang_of(r: Report) -> str:
    return "zh" if r.lang == "zh" else "en"


def _labelled(label: str, html: str, lang: str) -> str:
    """``Label: value`` with the colon of the language (``value`` is HTML)."""
    return _e(label) + _colon(lang) + html
