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
from .views import BenchmarkView, PathView, Report, ScenarioView
from .words import colon as _colon

_CJK_FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei"')
_LATIN_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial'
FONT_STACKS = {
    # Chinese first for a Chinese report, so that its punctuation takes Chinese forms;
    # Latin first for an English one, so that quotes and dashes are not full-width.
    "zh": f"{_CJK_FONTS}, {_LATIN_FONTS}, sans-serif",
    "en": f"{_LATIN_FONTS}, {_CJK_FONTS}, sans-serif",
}

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #1f3a5f;
        --fill: #3d6a9e; --soft: #f3f5f8; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff;
       -webkit-text-size-adjust: 100%; }
body { margin: 0; line-height: 1.55; font-size: 15px; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 .2em; color: var(--accent); line-height: 1.25; }
h2 { font-size: 1.25rem; margin: 1.8em 0 .6em; padding-bottom: .25em;
     border-bottom: 2px solid var(--accent); color: var(--accent); break-after: avoid; }
h3 { font-size: 1.05rem; margin: 0 0 .4em; break-after: avoid; }
p { margin: .4em 0; }
ul, ol { margin: .3em 0; padding-left: 1.4em; }
.enterprise { font-size: 1.25rem; font-weight: 700; margin: .2em 0; }
.meta { color: var(--muted); margin: .2em 0; }
.facts { display: flex; flex-wrap: wrap; gap: .2em 1.6em; margin: .6em 0 0; padding: 0; }
.facts div { display: flex; gap: .4em; }
.facts dt { color: var(--muted); }
.facts dt::after { content: ":"; }
:lang(zh) .facts dt::after { content: "："; }
:lang(zh) .facts div { gap: 0; }
.facts dd { margin: 0; font-weight: 600; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 12px 0;
        background: #fff; box-shadow: 0 1px 3px rgba(0, 0, 0, .08); break-inside: avoid; }
.overview { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); gap: 12px 28px;
            border-left: 6px solid var(--accent); }
.grade-label { color: var(--muted); font-size: .9rem; text-transform: uppercase;
               letter-spacing: .04em; }
.grade { font-size: 2.3rem; font-weight: 800; line-height: 1.15; color: var(--accent);
         margin: .1em 0 .3em; overflow-wrap: break-word; }
.figures { margin: 0; }
.figures div { display: flex; justify-content: space-between; gap: 1em;
               border-bottom: 1px dotted var(--line); padding: 2px 0; }
.figures dt { color: var(--muted); }
.figures dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; }
.description { margin: 0 0 .6em; padding: .4em .9em; border-left: 3px solid var(--line);
               color: #333; font-style: italic; }
.why p { margin: .2em 0; }
.why ul { margin-top: .2em; }
.note { color: var(--muted); font-size: .9rem; }
.small { font-size: .85rem; }
.charts { display: grid; grid-template-columns: 3fr 2fr; gap: 16px; align-items: start; }
.charts.single { grid-template-columns: minmax(0, 680px); justify-content: center; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; font-size: .95rem; margin-bottom: 4px; text-align: center; }
svg { display: block; width: 100%; height: auto; font-family: inherit; overflow: visible; }
svg text { fill: var(--ink); }
svg .ring { fill: none; stroke: #bbb; stroke-width: 1; }
svg .ring-outer { stroke: #888; }
svg .spoke, svg .grid { stroke: #ccc; stroke-width: 1; }
svg .axis { stroke: #666; stroke-width: 1; }
svg .value { fill: rgba(61, 106, 158, .28); stroke: var(--accent); stroke-width: 2.5;
             stroke-linejoin: round; }
svg .dot { fill: var(--accent); }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .label { font-size: 14px; font-weight: 600; }
svg .sub { font-size: 13px; fill: var(--muted); font-weight: 400; }
svg .bar { fill: var(--fill); stroke: var(--accent); stroke-width: 1; }
svg .bar.pass { fill: var(--accent); }
svg .bar.short { fill: #fff; stroke-width: 1.5; }
svg .threshold { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .none { font-size: 11px; fill: var(--muted); font-style: italic; }
svg .val { font-size: 12px; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: .5em 0; font-size: .92rem; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left;
         vertical-align: top; }
th { border-bottom: 2px solid #888; font-weight: 700; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
tr { break-inside: avoid; }
tr.source td { border-bottom: 1px solid var(--line); padding-top: 0; color: var(--muted);
               font-size: .8rem; }
tr.has-source td { border-bottom: none; }
table.benchmarks tr.has-source td:first-child { width: 34%; }
table.benchmarks tr.has-source td:last-child { width: 24%; }
.meter { display: inline-block; width: 140px; height: 12px; border: 1px solid var(--accent);
         vertical-align: middle; background: #fff; }
.meter span { display: block; height: 100%; background: var(--fill);
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sw { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.sw .card { margin: 0; }
.scenario header { display: flex; align-items: baseline; gap: .6em; flex-wrap: wrap; }
.rank { display: inline-block; min-width: 1.9em; padding: 0 .4em; border: 2px solid var(--accent);
        border-radius: 1em; text-align: center; font-weight: 800; color: var(--accent); }
.effort { margin-left: auto; font-size: .9rem; white-space: nowrap; }
.effort b { color: var(--muted); font-weight: 600; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1em; margin: .5em 0 0; }
.details dt { font-weight: 700; color: var(--muted); }
.details dd { margin: 0; }
.details ul { margin: 0; padding-left: 1.1em; }
.nearly > ul { list-style: none; padding: 0; margin: .4em 0 0; }
.nearly > ul > li { margin: .8em 0; }
.nearly > ul > li > b { margin-left: .5em; }
.phases { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
.phases .card { margin: 0; }
.warnings li { margin: .2em 0; }
.warnings li::marker { content: "⚠ "; }
footer { margin-top: 2.5em; padding-top: .6em; border-top: 1px solid var(--line);
         color: var(--muted); font-size: .85rem; }
footer p { margin: .1em 0; }
@page { size: A4; margin: 16mm; }
p, li { orphans: 3; widows: 3; }
@media (max-width: 720px) {
  .overview, .charts, .sw { grid-template-columns: 1fr; }
  /* a phone: wide tables scroll instead of losing their last columns, and a card's labels
     go above their text instead of leaving it a few words a line */
  table { display: block; overflow-x: auto; }
  .details { grid-template-columns: 1fr; gap: 0 1em; }
  .details dd { margin-bottom: .4em; }
}
@media (max-width: 560px) {
  /* a phone: the radar's labels, scaled to the screen, were some 7 px high; the table
     under it gives the same levels, scores and bars in the page's own type */
  figure.fig-radar { display: none; }
  /* at 400 px the tables' numbers ran off the edge (a gain of 0.077 read "0") while their
     first column wrapped a word a line, and Chinese names broke one character a line */
  table { font-size: .84rem; }
  th, td { padding: 4px 5px; }
  table.benchmarks th:last-child, table.benchmarks td:last-child {
    overflow-wrap: anywhere; min-width: 5.5em; }
  th.num, table.benchmarks td.num { white-space: normal; }
  :lang(zh) th, :lang(zh) th.num { white-space: nowrap; }
  .meter { width: 60px; }
  table.benchmarks tr.has-source td:first-child, table.benchmarks tr.has-source td:last-child {
    width: auto; }
  :lang(zh) td:first-child { min-width: 6em; }  /* Chinese breaks anywhere: keep names whole */
  :lang(zh) table.benchmarks tr.has-source td:last-child { min-width: 5em; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .card { box-shadow: none; background: none; }
  th { background: none; }
  .grade { font-size: 1.5rem; }
  .charts { display: block; }
  .charts figure { max-width: 135mm; margin: 0 auto 4mm; }
  .charts figure.fig-levels { max-width: 110mm; }
  h2 { margin-top: 1.2em; }
  .card, figure, tr { break-inside: avoid; }
  /* a scenario card is often half a page: kept whole, each left the rest of its page empty
     (13 pages for the machinery plant, most of them half-empty); it may break between
     its lines, never right after its title or a label */
  .card.scenario { break-inside: auto; }
  .details { display: block; }  /* a grid's rows are not split across pages */
  .details dt { margin-top: .35em; }
  .details dd { margin: 0 0 0 1em; }
  .card.scenario header, .details dt { break-after: avoid; }
  .details dd li, .card.scenario > p { break-inside: avoid; }
  h2 + p { break-after: avoid; }
}
"""


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
    cells = [_row((_e(row.name), ""), (_e(row.level), "nowrap"), (_e(row.note), "small"), ("", ""))
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
    main = _row((_e(b.name), ""), (_e(b.value), "num"), (_e(b.national), "num"), (_e(b.target), "num"),
                (_e(b.verdict), ""), cls="has-source" if b.source else None)
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
    for title, names, direct, steps in r.roadmap:
        body = _tag("h3", _e(title)) + (_list(names, "ol") if names else "")
        if direct:
            body += _tag("p", _e(direct), class_="note")
        cards.append(_tag("div", body, class_="card phase"))
        if steps:  # long: a card of its own below the phases, the indicator in bold
            items = "".join(_tag("li", _tag("b", _e(h)) + _e(colon + x)) for h, x in steps)
            head = _tag("h3", _e(title)) + _tag("p", _e(t("phase_direct_steps", lang)), class_="note")
            asks += _tag("div", head + _tag("ul", items), class_="card")
    return _section("roadmap", t("roadmap", lang), _tag("div", "".join(cards), class_="phases") + asks)


def _completeness(r: Report) -> str:
    lang = _lang_of(r)
    return _section("completeness", t("completeness_title", lang), _tag("p", _e(r.completeness_text)))


def _warnings(r: Report) -> str:
    if not r.warnings:
        return ""
    return _section("warnings", t("warnings", _lang_of(r)), _list(r.warnings, class_="warnings"))


def _footer(r: Report) -> str:
    return _tag("footer", "".join(_tag("p", _e(line)) for line in r.footer))


# ---------------------------------------------------------------- document

SECTIONS = (_header, _overview, _checks, _respondents, _dimensions, _history, _strengths, _blocking, _paths,
            _benchmarks, _recommendations, _roadmap, _completeness, _warnings, _footer)


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
