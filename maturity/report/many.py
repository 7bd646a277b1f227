"""Reports in batch: one report per enterprise into a folder, and an ``index.html`` that
lists every enterprise with its grade and a link (``maturity report PATH… -o DIR/``).

Inputs are read like ``maturity score`` reads them (files, folders, globs, CSV and XLSX
rows); one bad input gets its located error in the index and never stops the batch.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .._io import file_stem
from ..batch import in_order, item_problem, usable_jobs
from ..errors import MaturityError
from ..i18n import default_lang
from ..inputs import Item, iter_inputs
from ..printable import printable

SUFFIX = {"html": ".html", "markdown": ".md", "json": ".json"}


@dataclass(frozen=True, slots=True)
class Written:
    """What became of one input: the report file, or the errors that prevented it."""

    source: str
    file: str | None = None
    name: str = ""
    grade: str = ""
    score: str = ""
    errors: tuple[str, ...] = ()


def render_one(item: Item, fmt: str, lang: str | None, target: str | None,
               questionnaire: str | None) -> tuple[Written, str | None]:
    """Diagnose one input and render its report (``None`` text on error)."""
    from ..diagnosis import diagnose
    from ..explain import level_label, level_number, score_text
    from ..loading import answers_from_raw, load_answers, questionnaire_for
    from ..scoring import assess
    from ..tabular import in_cells
    from .render import render

    problem = item_problem(item, questionnaire)
    if problem is not None:
        return Written(item.source, errors=(problem,)), None
    try:
        if item.path is not None:
            answers = load_answers(item.path)
        else:
            answers = answers_from_raw({"questionnaire": questionnaire, **item.raw}, item.source)
        q = questionnaire_for(answers, questionnaire, shared=True)
        a = assess(q, answers)
        level = level_number(q, target)
        d = diagnose(a, q, target=level)
    except MaturityError as exc:
        issues = in_cells(item.raw, exc.issues)
        return Written(item.source, errors=tuple(str(i) for i in issues) or (str(exc),)), None
    language = lang or answers.language or default_lang()  # as one report's: the same row,
    # one language, whether -o names a file or a folder
    text = render(d, fmt, language, q)  # type: ignore[arg-type]
    name = a.enterprise.name or Path(item.source).stem
    return Written(item.source, name=name, grade=level_label(q, a.level, language),
                   score=f"{score_text(q, a.score, a.level)} / {a.score_max:g}"), text


def file_names(sources: Iterable[str], suffix: str) -> Iterator[str]:
    """A distinct, safe file name per input, after its name (``plant.yaml`` → ``plant.html``;
    ``survey.csv:4`` → ``survey-row4.html``; repeats get ``-2``, ``-3``)."""
    return map(_namer(suffix), sources)


def _namer(suffix: str) -> Callable[[str], str]:
    seen: set[str] = {"index.html"}  # the index page's: an input named index.yaml lost its report

    def name(source: str) -> str:
        base, _, row = source.rpartition(":") if re.search(r":\d+$", source) else (source, "", "")
        stem = file_stem(Path(base).stem if base != "-" else "stdin", "report")
        if row:
            stem += f"-row{row}"
        out, k = stem + suffix, 1
        while out.lower() in seen:
            k += 1
            out = f"{stem}-{k}{suffix}"
        seen.add(out.lower())
        return out

    return name


def write_reports(inputs: list[str], out_dir: Path, fmt: str = "html", lang: str | None = None,
                  target: str | None = None, questionnaire: str | None = None, jobs: int = 1,
                  progress: Callable[[int, Written], None] | None = None,
                  tables: list[str] | None = None) -> list[Written]:
    """Write one report per input into ``out_dir`` and an ``index.html``; return what
    became of each input, in input order (``tables`` collects the tables met in folders,
    which are not read)."""
    from .._io import write_atomic

    out_dir.mkdir(parents=True, exist_ok=True)
    name_of = _namer(SUFFIX[fmt])
    work = partial(render_one, fmt=fmt, lang=lang, target=target, questionnaire=questionnaire)
    done: list[Written] = []
    items = in_order(iter_inputs(inputs, tables=tables), work, usable_jobs(inputs, jobs), chunk=4)
    for n, (written, text) in enumerate(items, 1):
        if text is not None:
            name = name_of(written.source)
            write_atomic(str(out_dir / name), text)
            written = Written(written.source, name, written.name, written.grade, written.score)
        done.append(written)
        if progress:
            progress(n, written)
    write_atomic(str(out_dir / "index.html"), index_html(done, lang or default_lang()))
    return done


def index_html(done: list[Written], lang: str) -> str:
    """The list of every enterprise with its grade and a link; failures with their errors."""
    zh = lang == "zh"
    head = ("企业", "等级", "得分", "报告", "来源") if zh \
        else ("Enterprise", "Grade", "Score", "Report", "Source")
    title = "成熟度评估报告" if zh else "Maturity reports"
    failed = sum(1 for w in done if w.errors)
    good = len(done) - failed
    summary = (f"{good} 份报告，{failed} 个输入有错误" if zh
               else f"{good} report{'' if good == 1 else 's'}, "
                    f"{failed} input{'' if failed == 1 else 's'} with errors")
    e = lambda s: html.escape(printable(s), quote=True)  # noqa: E731
    rows = []
    for w in done:
        if w.errors:
            rows.append(f"<tr class=\"error\"><td colspan=\"4\">{'<br>'.join(e(x) for x in w.errors)}</td>"
                        f"<td>{e(w.source)}</td></tr>")
        else:
            rows.append(f"<tr><td>{e(w.name)}</td><td>{e(w.grade)}</td><td>{e(w.score)}</td>"
                        f"<td><a href=\"{html.escape(w.file or '', quote=True)}\">{e(w.file or '')}</a></td>"
                        f"<td>{e(w.source)}</td></tr>")
    return (f"<!DOCTYPE html>\n<html lang=\"{'zh-CN' if zh else 'en'}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>body{{font-family:system-ui,'Noto Sans CJK SC',sans-serif;"
            "margin:2rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;"
            "padding:.3rem .8rem;text-align:left}tr.error td{color:#a00}</style></head><body>"
            f"<h1>{title}</h1><p>{e(summary)}</p><table><thead><tr>"
            + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></body></html>\n")


__all__ = ["Written", "file_names", "index_html", "write_reports"]
