"""The portfolio summary (``maturity score --summary``) for people, in English or Chinese:
what the statistics cover, the grade distribution, the dimensions' quartiles, the most
common blocking indicators and scenarios, and the breakdowns by industry and size, as
terminal lines, Markdown or HTML.  The JSON summary is the data itself (``rows``)."""

from __future__ import annotations

import html as _html
from collections.abc import Callable
from typing import Any

from ..i18n import t
from ..printable import markdown_text, printable

Name = Callable[[str], str]
"""A dimension, indicator or scenario id → its name in the report's language."""


def word(key: str, lang: str) -> str:
    """A word of the summary's frame (``i18n``: ``summary_<key>``)."""
    return t(f"summary_{key}", lang)


def scope(summary: dict[str, Any], lang: str = "en") -> str:
    """What the statistics cover, in a sentence or two (no text from the inputs)."""
    zh = lang == "zh"
    other = summary.get("other_index") or 0
    scored, failed, inputs = summary["scored"], summary["failed"], summary["inputs"]
    text = (f"已评分 {scored} 个，失败 {failed} 个，共 {inputs} 个输入。" if zh
            else f"{scored} scored, {failed} failed, {inputs} inputs.")
    if other:  # every scored input is counted, then what the statistics cover (a consultant
        # read "138 scored" for 198 scored inputs, 60 of them on the SME index)
        text += (f"统计只含 {summary['index']} 指标体系（含其行业扩展）的 {summary['in_statistics']} 个，"
                 f"不含其他指标体系的 {other} 个。" if zh else
                 f" Statistics cover the {summary['in_statistics']} on the {summary['index']} index "
                 f"(with its overlays), not the {other} on other indices.")
    if summary.get("blank"):  # a survey returned blank is no enterprise at grade 0
        text += (f"未答任何问题的输入不计入统计：{summary['blank']} 个。" if zh else
                 f" Inputs that answer no question, left out of the statistics: {summary['blank']}.")
    rep = summary.get("repeated") or {}
    if rep.get("enterprises"):  # one enterprise's two assessments counted as two plants, unsaid
        text += (f"有 {rep['enterprises']} 家企业出现在多个输入中（共 {rep['inputs']} 个输入，按标识号、"
                 "否则按名称匹配），每个输入都计入。" if zh else
                 f" Enterprises in more than one input: {rep['enterprises']} ({rep['inputs']} inputs, "
                 "matched by id, else by name); each input is counted.")
    return text


def _grade(g: str, lang: str) -> str:
    return "L" + g if g != "0" else word("not_yet_l1", lang)


def markdown(summary: dict[str, Any], lang: str, name: Name) -> str:
    w = lambda key: word(key, lang)  # noqa: E731
    md = lambda text: markdown_text(printable(text))  # noqa: E731
    out = ["", f"## {w('portfolio')}", "", scope(summary, lang), "",
           f"| {w('grade')} | {w('enterprises')} | |", "|---|---:|---|"]
    top = max(summary["grades"].values(), default=0) or 1
    for g, count in summary["grades"].items():
        bar = "█" * round(20 * count / top)  # none is an empty cell: `` is read as text
        out.append(f"| {_grade(g, lang)} | {count} | {'`' + bar + '`' if bar else ''} |")
    if summary["dimensions"]:
        out += ["", f"| {w('dimension')} | {w('mean')} | q1 | {w('median')} | q3 |",
                "|---|---:|---:|---:|---:|"]
        for d, s in summary["dimensions"].items():
            out.append(f"| {md(name(d))} | {s['mean']:.2f} | {s['q1']:.2f} | {s['median']:.2f} "
                       f"| {s['q3']:.2f} |")
    for key in ("blocking", "scenarios"):
        if summary[key]:
            out += ["", f"**{w(key)}**: " + ", ".join(f"{md(name(k))} ({v})" for k, v in summary[key])]
    for key in ("by_industry", "by_size"):
        out += ["", f"| {w(key)} | {w('enterprises')} | {w('mean_score')} |", "|---|---:|---:|"]
        out += [f"| {md(k)} | {s['count']} | {s['mean']:.2f} |" for k, s in summary[key].items()]
    return "\n".join(out) + "\n"


def html(summary: dict[str, Any], lang: str, name: Name) -> str:
    w = lambda key: word(key, lang)  # noqa: E731
    e = lambda text: _html.escape(printable(text))  # noqa: E731
    parts = [f"<h2>{w('portfolio')}</h2><p>{e(scope(summary, lang))}</p>"]
    grades = list(summary["grades"].items())
    top = max((c for _, c in grades), default=0) or 1
    width, bar_h = 520, 26
    svg = [f'<svg class="grades" role="img" aria-label="{e(w("grade"))}" width="{width}" '
           f'height="{bar_h * len(grades) + 10}" viewBox="0 0 {width} {bar_h * len(grades) + 10}">']
    for i, (g, count) in enumerate(grades):
        y = 5 + i * bar_h
        bar = round(360 * count / top)
        svg.append(f'<text x="0" y="{y + 17}" font-size="13">{e(_grade(g, lang))}</text>'
                   f'<rect x="80" y="{y + 3}" width="{bar}" height="{bar_h - 8}" fill="#4a6fa5"/>'
                   f'<text x="{88 + bar}" y="{y + 17}" font-size="13">{count}</text>')
    parts.append("".join(svg) + "</svg>")
    if summary["dimensions"]:
        parts.append(f"<table><tr><th>{w('dimension')}</th><th>{w('mean')}</th><th>q1</th>"
                     f"<th>{w('median')}</th><th>q3</th></tr>")
        for d, s in summary["dimensions"].items():
            parts.append(f"<tr><td>{e(name(d))}</td><td class=num>{s['mean']:.2f}</td><td class=num>"
                         f"{s['q1']:.2f}</td><td class=num>{s['median']:.2f}</td><td class=num>"
                         f"{s['q3']:.2f}</td></tr>")
        parts.append("</table>")
    for key in ("blocking", "scenarios"):
        if summary[key]:
            parts.append(f"<p><b>{w(key)}</b>: " + ", ".join(f"{e(name(k))} ({v})" for k, v in summary[key])
                         + "</p>")
    for key in ("by_industry", "by_size"):
        parts.append(f"<table><tr><th>{w(key)}</th><th>{w('enterprises')}</th><th>{w('mean_score')}</th></tr>")
        parts += [f"<tr><td>{e(k)}</td><td class=num>{s['count']}</td><td class=num>{s['mean']:.2f}</td></tr>"
                  for k, s in summary[key].items()]
        parts.append("</table>")
    return "".join(parts)


__all__ = ["html", "markdown", "scope", "word"]
