"""Self-contained HTML report: inline CSS and SVG, no network, print-ready on A4.

Every piece of text from the :class:`Report` is escaped here (``_e``); the helpers that
build markup take already-escaped HTML as their body.  The output depends only on the
report (no timestamps, fixed number formats), so it can be golden-tested.
"""

from __future__ import annotations

from ..i18n import t
from .html_parts import (
    RADAR_MAX_AXES,
    _dimension_bars,
    _e,
    _figure,
    _labelled,
    _lang_of,
    _level_chart,
    _list,
    _meter,
    _radar,
    _row,
    _section,
    _table,
    _tag,
)
from .style import CSS, FONT_STACKS
from .views import BenchmarkView, PathView, Report, ScenarioView
from .words import colon as _colon

# ---------------------------------------------------------------- sections

def _header(r: Report) -> str:
    lang = _lang_of(r)
    parts = [_tag("h1", _e(r.title))]
    if r.enterprise:
        parts.append(_tag("p", _e(r.enterprise), class_="enterprise"))
    parts.append(_tag("p", _labelled(t("questionnaire", lang), _e(r.questionnaire), lang), class_="meta"))
    if r.facts:
        parts.append(_tag("dl", "".join(_tag("div", _tag("dt", _e(k)) + _tag("dd", _e(v)))
                                        for k, v in r.facts), class_="facts"))
    return _tag("header", "".join(parts))


def _overview(r: Report) -> str:
    lang = _lang_of(r)
    figures = [
        (t("score", lang), f"{r.score_text} / {r.score_max:g}"),
        (t("completeness", lang), r.completeness_figure),
    ]
    left = (_tag("div", _e(t("grade", lang)), class_="grade-label") + _tag("div", _e(r.grade), class_="grade")
            + _tag("dl", "".join(_tag("div", _tag("dt", _e(k)) + _tag("dd", _e(v))) for k, v in figures),
                   class_="figures")
            + _tag("p", _meter(r.completeness, f"{t('completeness', lang)} {r.completeness_figure}")))
    right = ""
    if r.grade_description:
        right += _tag("p", _e(r.grade_description), class_="description")
    why = _tag("p", _tag("strong", _e(r.why_not_title))) if r.why_not_title else ""
    right += _tag("div", why + _why_not(r.why_not, lang), class_="why")
    card = _tag("div", _tag("div", left) + _tag("div", right), class_="card overview")
    return _section("overview", t("overview", lang), card)


def _checks(r: Report) -> str:
    if not r.checks:
        return ""
    lang = _lang_of(r)
    return _section("please-check", t("please_check", lang),
                    _tag("p", _e(t("please_check_intro", lang))) + _list(r.checks, class_="warnings"))


def _respondents(r: Report) -> str:
    if not r.respondents:
        return ""
    body = _tag("p", _e(r.respondents[0])) + (_list(r.respondents[1:]) if r.respondents[1:] else "")
    return _section("respondents", t("respondents", _lang_of(r)), body)


def _history(r: Report) -> str:
    if r.history is None:
        return ""
    from .history import section

    h, q = r.history
    return section(h, q, _lang_of(r), t("history", _lang_of(r)))


def _why_not(lines: list[str], lang: str) -> str:
    """Sentences as paragraphs; the ``- `` lines (largest gaps) as one list."""
    out, items = [], []
    for line in lines:
        if line.startswith("- "):
            items.append(line[2:])
        else:
            out.append(_tag("p", _e(line)))
    if items:
        out.append(_tag("p", _labelled(t("gaps", lang), "", lang), class_="small"))
        out.append(_list(items))
    return "".join(out)


def _dimensions(r: Report) -> str:
    lang = _lang_of(r)
    charts = []
    # A dimension worth no points (score_max 0) is listed in the table but not charted.
    rows = [row for row in r.dimensions if row.score_max > 0]
    if 3 <= len(rows) <= RADAR_MAX_AXES:
        charts.append(_figure(t("dimensions", lang), _radar(rows, r.levels, lang), "fig-radar"))
    elif rows:
        charts.append(_figure(t("dimensions", lang), _dimension_bars(rows, lang), "fig-dimbars"))
    if r.level_scores:
        charts.append(_figure(t("level_scores", lang), _level_chart(r), "fig-levels"))
    # a part worth no points says what it does instead across the score and chart columns
    # (in one column its long sentence squeezed the names to two characters a line)
    cells = [_tag("tr", _tag("td", _e(row.name), class_="name") + _tag("td", _e(row.level), class_="nowrap")
                  + _tag("td", _e(row.note), class_="small", colspan=2))
             if row.note else
             _row((_e(row.name), ""), (_e(row.level), "nowrap"),
                  (_e(f"{row.score:.2f} / {row.score_max:g}"), "num"),
                  (_meter(row.fraction, f"{row.fraction:.0%}"), "nowrap"))
             for row in r.dimensions]
    table = _table([(t("dimension", lang), ""), (t("level", lang), ""), (t("score", lang), "num"),
                    (t("chart", lang), "")], cells, class_="dims")
    grid = _tag("div", "".join(charts), class_="charts" if len(charts) > 1 else "charts single")
    return _section("dimensions", t("dimensions", lang), grid if charts else "", table)


def _strengths(r: Report) -> str:
    lang = _lang_of(r)
    title = f"{t('strengths', lang)} / {t('weaknesses', lang)}"
    note = _tag("p", _e(r.provisional), class_="note") if r.provisional else ""
    if not r.strengths and not r.weaknesses:
        return _section("strengths", title, note + _tag("p", _e(t("none_clear", lang))))
    cards = []
    for key, names in (("strengths", r.strengths), ("weaknesses", r.weaknesses)):
        body = _list(names) if names else _tag("p", _e(t("none", lang)), class_="note")
        cards.append(_tag("div", _tag("h3", _e(t(key, lang))) + body, class_=f"card {key}"))
    return _section("strengths", title, note + _tag("div", "".join(cards), class_="sw"))


def _blocking(r: Report) -> str:
    if not r.blocking:
        return ""
    lang = _lang_of(r)
    rows = [_row((_e(name), ""), (f"{score:.2f}", "num"), (f"{impact:.{r.impact_digits}f}", "num"))
            for name, score, impact in r.blocking]
    table = _table([(t("indicator", lang), ""), (r.blocking_header, "num"), (r.impact_header, "num")],
                   rows, class_="blocking")
    intro = _tag("p", _e(r.blocking_intro)) if r.blocking_intro else ""
    return _section("blocking", t("blocking", lang), intro, table)


def _path(path: PathView | None, key: str, lang: str) -> str:
    if path is None:
        return ""
    body = [_tag("p", _e(path.intro))]
    if path.items:
        rows = [_row((_e(name), ""), (_e(f"{a} → {b}"), "nowrap")) for name, a, b in path.items]
        body.append(_table([(t("indicator", lang), ""), (t("level", lang), "")], rows, class_="path"))
    return _section(key, path.title, *body)


def _paths(r: Report) -> str:
    lang = _lang_of(r)
    out = _path(r.path, "path", lang) + _path(r.target_path, "target-path", lang) \
        + _path(r.targets_path, "targets-path", lang)
    if r.path is None:
        out += _tag("section", _tag("p", _e(r.at_top), class_="card"), id="path")
    return out


def _benchmarks(r: Report) -> str:
    if not r.benchmarks:
        return ""
    lang = _lang_of(r)
    rows = "".join(_benchmark_rows(b, lang) for b in r.benchmarks)
    head = [(t("indicator", lang), ""), (t("your_value", lang), "num"), (t("national", lang), "num"),
            (t("target", lang), "num"), (t("verdict", lang), "")]
    return _section("benchmarks", t("benchmarks", lang), _tag("p", _e(t("benchmarks_intro", lang))),
                    _table(head, [rows], class_="benchmarks"))


def _benchmark_rows(b: BenchmarkView, lang: str) -> str:
    # each figure carries its column's name, which a phone shows beside it when the row is set
    # as a small card (at 400 px the table's last column was cut: "Comp…", "abov")
    cells = [(b.name, "", None), (b.value, "num", "your_value"), (b.national, "num", "national"),
             (b.target, "num", "target"), (b.verdict, "", "verdict")]
    main = _tag("tr", "".join(_tag("td", _e(text), class_=cls or None,
                                   data_label=t(key, lang) if key else None)
                              for text, cls, key in cells), class_="has-source" if b.source else None)
    if not b.source:
        return main
    source = _tag("tr", _tag("td", _labelled(t("source", lang), _e(b.source), lang), colspan="5"),
                  class_="source")
    return main + source


def _recommendations(r: Report) -> str:
    if not r.recommendations:
        return ""
    lang = _lang_of(r)
    cards = "".join(_scenario(s, lang) for s in r.projects)
    if r.nearly:  # one step each, no project: a compact list after the cards
        items = "".join(_tag("li", _tag("span", str(s.rank), class_="rank") + _tag("b", _e(s.name)) + _tag(
            "dl", "".join(_tag("dt", _e(k)) + _tag("dd", _list(v))
                          for k, v in ((t("missing", lang), s.missing), (t("raises", lang), s.raises),
                                       (t("why", lang), s.why)) if v),
            class_="details")) for s in r.nearly)
        head = _tag("h3", _e(t("nearly_title", lang))) + _tag("p", _e(r.nearly_note), class_="note")
        cards += _tag("div", head + _tag("ul", items), class_="card nearly")
    return _section("recommendations", t("recommendations", lang),
                    _tag("p", _e(r.ranking_note), class_="note"), cards)


def _scenario(s: ScenarioView, lang: str) -> str:
    head = _tag("header", _tag("span", str(s.rank), class_="rank") + _tag("h3", _e(s.name))
                + _tag("span", _tag("b", _e(t("effort", lang))) + " " + _e(s.effort), class_="effort"))
    details = [(t("raises", lang), s.raises), (t("why", lang), s.why), (t("have", lang), s.have),
               (t("missing", lang), s.missing),
               (t("benefits", lang), s.benefits)]
    dl = _tag("dl", "".join(_tag("dt", _e(k)) + _tag("dd", _list(v)) for k, v in details if v),
              class_="details")
    body = _tag("p", _e(s.description)) if s.description else ""
    return _tag("article", head + body + dl, class_="card scenario")


def _roadmap(r: Report) -> str:
    if not r.roadmap:
        return ""
    lang = _lang_of(r)
    cards, asks = [], ""
    colon = _colon(lang)
    for n, (title, names, direct, steps) in enumerate(r.roadmap, 1):
        body = _tag("h3", _e(title)) + (_list(names, "ol") if names else "")
        if direct:
            body += _tag("p", _e(direct), class_="note")
        cards.append(_tag("div", body, class_="card phase"))
        if steps:  # long: a card of its own below the phases, the indicator in bold
            items = "".join(_tag("li", _tag("b", _e(h)) + _e(colon + x)) for h, x in steps)
            # a heading of its own: the phase's title again, after phase 2's card, read as a
            # third phase (a consultant's batch of reports)
            head = _tag("h3", _e(t("phase_direct_card", lang, n=n))) + \
                _tag("p", _e(t("phase_direct_steps", lang)), class_="note")
            asks += _tag("div", head + _tag("ul", items), class_="card")
    return _section("roadmap", t("roadmap", lang), _tag("div", "".join(cards), class_="phases") + asks)


def _completeness(r: Report) -> str:
    lang = _lang_of(r)
    return _section("completeness", t("completeness_title", lang), _tag("p", _e(r.completeness_text)))


def _warnings(r: Report) -> str:
    if not r.warnings:
        return ""
    return _section("warnings", t("warnings", _lang_of(r)), _list(r.warnings, class_="warnings"))


def _notes(r: Report) -> str:
    if not r.notes:
        return ""
    lang = _lang_of(r)
    return _section("notes", t("notes_title", lang), _tag("p", _e(t("notes_intro", lang))) + _list(r.notes))


def _footer(r: Report) -> str:
    return _tag("footer", "".join(_tag("p", _e(line)) for line in r.footer))


# ---------------------------------------------------------------- document

SECTIONS = (_header, _overview, _checks, _respondents, _dimensions, _history, _strengths, _blocking, _paths,
            _benchmarks, _recommendations, _roadmap, _completeness, _notes, _warnings, _footer)


def render(r: Report) -> str:
    """The report as one self-contained HTML5 document."""
    title = f"{r.title} — {r.enterprise}" if r.enterprise else r.title
    body = "\n".join(part for part in (section(r) for section in SECTIONS) if part)
    return document(title, _lang_of(r), body)


def document(title: str, lang: str, body: str) -> str:
    """A self-contained HTML5 page in the report's style around ``body`` (ready HTML)."""
    head = "\n".join([
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light">',
        _tag("title", _e(title)),
        _tag("style", f"html {{ font-family: {FONT_STACKS[lang]}; }}" + CSS),
    ])
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n{head}\n</head>\n'
            f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")
