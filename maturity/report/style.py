"""The HTML report's stylesheet and font stacks (screen, phone and A4 print), kept apart
from the markup that :mod:`maturity.report.html` builds."""

from __future__ import annotations

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
table.dims td:first-child { min-width: 7em; }
table.dims th { white-space: nowrap; }
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
  /* the benchmarks' six columns do not fit: each row is a small card, each figure named */
  table.benchmarks thead { display: none; }
  table.benchmarks, table.benchmarks tbody, table.benchmarks tr, table.benchmarks td {
    display: block; width: auto; min-width: 0; text-align: left; }
  table.benchmarks tr.has-source td:first-child { font-weight: 600; padding-top: 8px; }
  table.benchmarks td[data-label]::before { content: attr(data-label) ": "; color: #555; }
  :lang(zh) table.benchmarks td[data-label]::before { content: attr(data-label) "："; }
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
