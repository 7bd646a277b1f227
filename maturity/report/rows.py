"""Writers for batch results (``maturity score``): one class per format.

They receive :class:`~maturity.batch.Row` objects one at a time and write them at once
(streaming), then an optional portfolio summary. stdout is data; people's messages go to
stderr elsewhere. User text (paths, enterprise fields, error messages) is neutralised in
CSV (no formula injection) and escaped in Markdown and HTML.
"""

from __future__ import annotations

import csv
import html
import json
from functools import partial
from typing import Any, TextIO

from ..batch import Row, profile_text
from ..explain import completeness_figure
from ..i18n import t
from ..model.base import tr
from ..printable import markdown_text, one_line, printable
from ..tabular import ENTERPRISE_FIELDS
from . import summary as summary_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
RULES = "rules"
"""Written for the score of a dimension worth no points: it counts through the grade rules."""


def record(row: Row) -> dict[str, Any]:
    """A row as a flat JSON-ready record (the JSON / JSONL line)."""
    ent = dict(row.enterprise)
    out: dict[str, Any] = {"source": row.source, "ok": row.ok}
    if row.ok:
        out.update({
            "questionnaire": row.questionnaire,
            "enterprise": {k: list(ent[k]) if isinstance(ent[k], tuple) else ent[k]
                           for k in ENTERPRISE_FIELDS if k in ent},
            "assessed_on": row.assessed_on, "level": row.level, "level_id": row.level_id,
            "score": _tidied(row.score), "score_max": row.score_max, "completeness": row.completeness,
            "answered": row.answered, "unanswered": row.unanswered, "unrated": row.unrated,
            "not_applicable": row.not_applicable,
            "dimensions": [{"id": d, "level": lv, "score": _tidied(s)} for d, lv, s in row.dimensions],
            "blocking": list(row.blocking),
        })
        if row.detail is not None:
            out["assessment"] = row.detail
    else:
        out["errors"] = list(row.errors)
    return out


def _tidied(data: Any) -> Any:
    """JSON-ready data with every float to ten decimals: a float sum's last-digit noise
    (18.500000000000004 for 18.5 points) read as a bug; ten decimals keep every figure the
    reports tell apart (``explain.apart``)."""
    if isinstance(data, float):
        return round(data, 10)
    if isinstance(data, dict):
        return {k: _tidied(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_tidied(v) for v in data]
    return data


def model_json(model: Any, exclude: set[str] | None = None) -> str:
    """A result (assessment, diagnosis, comparison, history) as the JSON every command and
    the TUI write: indented, its floats without last-digit noise ("score": 43.00000000000001
    in a report reader's SME report), a newline at the end."""
    data = model.model_dump(mode="json", exclude=exclude)
    return json.dumps(_tidied(data), ensure_ascii=False, indent=2) + "\n"


def neutralise(cell: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


def write_summary(out: TextIO, summary: dict[str, Any], indent: int | None = None) -> None:
    """Exactly ``json.dumps(summary, indent=indent)``, written piece by piece: its last
    key, ``percentiles`` (one entry per enterprise, an iterator), is streamed so that
    memory stays flat."""
    rest = {k: v for k, v in summary.items() if k != "percentiles"}
    outer = "\n" + " " * indent if indent is not None else ""
    inner = outer + " " * indent if indent is not None else ""
    comma = "," if indent is not None else ", "
    out.write(json.dumps(rest, ensure_ascii=False, indent=indent)[:-1].rstrip()
              + comma + outer + '"percentiles": [')
    first = True
    for entry in summary.get("percentiles", ()):
        text = json.dumps(entry, ensure_ascii=False, indent=indent).replace("\n", inner)
        out.write(("" if first else comma) + inner + text)
        first = False
    out.write(("" if first else outer) + "]" + ("\n}" if indent is not None else "}"))


class Writer:
    def __init__(self, out: TextIO, lang: str = "en") -> None:
        self.out = out
        self.lang = lang
        """Language of the names in a summary for people (table, Markdown, HTML)."""

    def name(self, summary: dict[str, Any], ident: str) -> str:
        """A dimension, indicator or scenario of the summary by name, not id."""
        return tr(summary.get("names", {}).get(ident), self.lang) or ident

    def start(self) -> None:
        pass

    def row(self, row: Row) -> None:
        raise NotImplementedError

    def finish(self, summary: dict[str, Any] | None) -> None:
        pass


class JsonlWriter(Writer):
    def row(self, row: Row) -> None:
        self.out.write(json.dumps(record(row), ensure_ascii=False) + "\n")

    def finish(self, summary: dict[str, Any] | None) -> None:
        if summary is not None:
            self.out.write('{"summary": ')
            write_summary(self.out, summary)
            self.out.write("}\n")


class JsonWriter(Writer):
    def start(self) -> None:
        self.first = True
        self.out.write('{"results": [\n')

    def row(self, row: Row) -> None:
        self.out.write(("" if self.first else ",\n") + json.dumps(record(row), ensure_ascii=False))
        self.first = False

    def finish(self, summary: dict[str, Any] | None) -> None:
        self.out.write("\n]")
        if summary is not None:
            self.out.write(',\n"summary": ')
            write_summary(self.out, summary, indent=1)
        self.out.write("}\n")


CSV_COLUMNS = ["source", "ok", "questionnaire", *(f"enterprise.{f}" for f in ENTERPRISE_FIELDS),
               "assessed_on", "level", "level_id", "score", "score_max", "completeness", "answered",
               "unanswered", "not_applicable", "dimensions", "blocking", "unrated", "errors"]


class CsvWriter(Writer):
    def __init__(self, out: TextIO, bom: bool = False) -> None:
        super().__init__(out)
        self.bom = bom

    def start(self) -> None:
        if self.bom:
            self.out.write("\ufeff")
        self.writer = csv.writer(self.out, lineterminator="\r\n")
        self.writer.writerow(CSV_COLUMNS)

    def row(self, row: Row) -> None:
        ent = dict(row.enterprise)
        cells: list[Any] = [row.source, "true" if row.ok else "false", row.questionnaire or "",
                            *(profile_text(ent.get(f, "")) for f in ENTERPRISE_FIELDS), row.assessed_on or ""]
        if row.ok:
            cells += [row.level, row.level_id or "", f"{row.score:.4f}", f"{row.score_max:g}",
                      f"{row.completeness:.4f}", row.answered, row.unanswered, row.not_applicable,
                      " ".join(f"{d}={lv}:{RULES if s is None else f'{s:.2f}'}"
                               for d, lv, s in row.dimensions),
                      " ".join(row.blocking), row.unrated, ""]
        else:
            cells += [""] * 11 + [" | ".join(row.errors)]
        self.writer.writerow([neutralise(c) for c in cells])


def _score(row: Row) -> str:
    """A row's total with its scale: a folder of general-index and SME files gave a score
    column of "2.70" beside "27.62" (points of 100), which read as ten times better."""
    return f"{row.score:.2f} / {row.score_max:g}" if row.score_max else f"{row.score:.2f}"


def _md(text: str) -> str:
    """User or index text in a Markdown table cell, rendered as typed."""
    return markdown_text(printable(text))


class MarkdownWriter(Writer):
    def start(self) -> None:
        self.out.write("| source | enterprise | grade | score | completeness | dimensions |\n"
                       "|---|---|---|---:|---:|---|\n")

    def row(self, row: Row) -> None:
        cell = _md  # each cell of the row, escaped alike
        name = cell(row.enterprise_field("name"))
        if row.ok:
            dims = ", ".join(f"{d} {lv}" for d, lv, _ in row.dimensions)
            grade = row.level_id or t("not_yet", self.lang)
            figure = completeness_figure(row.completeness or 0.0, row.unrated, self.lang)
            self.out.write(f"| {cell(row.source)} | {name} | {grade} | {_score(row)} | {figure} | {dims} |\n")
        else:
            self.out.write(f"| {cell(row.source)} | | **error** | | | {cell('; '.join(row.errors))} |\n")

    def finish(self, summary: dict[str, Any] | None) -> None:
        if summary is not None:
            self.out.write(summary_text.markdown(summary, self.lang, lambda i: self.name(summary, i)))


class HtmlWriter(Writer):
    """One self-contained page: the results table, then the summary with an SVG bar chart."""

    def start(self) -> None:
        self.out.write(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>maturity — batch</title>"
            "<style>body{font-family:\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\","
            "system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
            "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #ccc;"
            "padding:.3em .5em;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}"
            ".err{color:#a00}@page{size:A4 landscape;margin:12mm}</style></head><body>\n"
            "<h1>maturity — batch results</h1>\n<table><thead><tr><th>source</th><th>enterprise</th>"
            "<th>grade</th><th>score</th><th>completeness</th><th>dimensions</th></tr></thead><tbody>\n")

    def row(self, row: Row) -> None:
        def e(text: str) -> str:
            return html.escape(printable(text))
        name = e(row.enterprise_field("name"))
        if row.ok:
            dims = ", ".join(f"{e(d)} {lv}" for d, lv, _ in row.dimensions)
            grade = e(row.level_id or t("not_yet", self.lang))
            figure = completeness_figure(row.completeness or 0.0, row.unrated, self.lang)
            self.out.write(f"<tr><td>{e(row.source)}</td><td>{name}</td><td>{grade}</td>"
                           f"<td class=num>{_score(row)}</td><td class=num>{figure}</td>"
                           f"<td>{dims}</td></tr>\n")
        else:
            self.out.write(f"<tr class=err><td>{e(row.source)}</td><td></td><td>error</td><td></td><td></td>"
                           f"<td>{e('; '.join(row.errors))}</td></tr>\n")

    def finish(self, summary: dict[str, Any] | None) -> None:
        def e(text: str) -> str:
            return html.escape(printable(text))
        parts = ["</tbody></table>\n"]
        if summary is not None:
            parts.append(summary_text.html(summary, self.lang, lambda i: self.name(summary, i)))
        parts.append("</body></html>\n")
        self.out.write("".join(parts))


class TableWriter(Writer):
    """Aligned plain-text lines for the terminal, written as they come."""

    def start(self) -> None:
        self.out.write(f"{'grade':<8}{'score':>12}  {'complete':>8}  {'unrated':>7}  enterprise / source\n")

    def row(self, row: Row) -> None:
        who = one_line(row.enterprise_field("name") or row.source)
        if row.ok:
            # the checklist items left unrated, in a column of their own (blank when none)
            self.out.write(f"{row.level_id or 'not yet':<8}{_score(row):>12}  {row.completeness:>8.0%}  "
                           f"{row.unrated or '':>7}  {who}  ({one_line(row.source)})\n")
        else:
            first = row.errors[0] if row.errors else ""
            self.out.write(f"{'ERROR':<8}{'':>12}  {'':>8}  {'':>7}  {one_line(first)}\n")

    def finish(self, summary: dict[str, Any] | None) -> None:
        if summary is None:
            return
        top = max(summary["grades"].values(), default=0) or 1
        said = summary_text.scope(summary, self.lang)
        lines = ["", f"{summary_text.word('portfolio_short', self.lang)}: {said}"]
        for g, count in summary["grades"].items():
            label = "L" + g if g != "0" else summary_text.word("not_yet", self.lang)
            lines.append(f"  {_pad(label, 8)}{count:>7}  {'█' * round(30 * count / top)}")
        if summary["dimensions"]:
            names = {d: printable(self.name(summary, d)) for d in summary["dimensions"]}
            from rich.cells import cell_len  # only the summary needs it

            word = partial(summary_text.word, lang=self.lang)
            width = max([cell_len(word("dimension")), *map(cell_len, names.values())]) + 2
            lines.append(f"  {_pad(word('dimension'), width)}{_pad(word('mean'), 6, True)}{'q1':>6}"
                         f"{_pad(word('median'), 8, True)}{'q3':>6}")
            for d, s in summary["dimensions"].items():
                lines.append(f"  {_pad(names[d], width)}{s['mean']:>6.2f}{s['q1']:>6.2f}"
                             f"{s['median']:>8.2f}{s['q3']:>6.2f}")
        for key in ("blocking", "scenarios"):
            if summary[key]:
                common = ", ".join(f"{printable(self.name(summary, k))} ({v})" for k, v in summary[key][:5])
                lines.append(f"  {summary_text.word(key, self.lang)}: {common}")
        self.out.write("\n".join(lines) + "\n")


def _pad(text: str, width: int, right: bool = False) -> str:
    """``text`` aligned in ``width`` terminal cells (a Chinese character takes two)."""
    from rich.cells import cell_len

    room = " " * max(0, width - cell_len(text))
    return room + text if right else text + room


WRITERS = {"jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter, "markdown": MarkdownWriter,
           "html": HtmlWriter, "table": TableWriter}
MACHINE = {"jsonl", "json", "csv"}
