"""Commands on files: validate, score, template, questionnaires."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .._io import TABLE_SUFFIXES
from ..printable import one_line, printable, terminal_or
from .common import (
    Exit,
    _default_lang,
    _err,
    _warn,
    _write_out,
    check_output,
    note_survey_columns,
    output_format,
    warn_unread_tables,
)

# --------------------------------------------------------------------------- inputs



AUTO_JOBS_FROM = 200
"""Without ``--jobs``, a batch of at least this many inputs is scored on every core."""

SCORE_FORMATS = ("table", "json", "jsonl", "csv", "markdown", "html")


def _validate_targets(paths: Sequence[str], tables: list[str]) -> Iterator[Path | str]:
    """What ``validate`` checks: a table as one file (row by row, below), everything else
    as ``score`` reads it (folders walked, globs expanded, ``-`` for stdin); a message
    (``str``) where ``score`` has an error row: a pattern that matches nothing, a folder
    with no answers files or one that cannot be read."""
    from ..inputs import iter_inputs
    from ..tabular import BadInput

    for raw in paths:
        p = Path(raw)
        if p.suffix.lower() in TABLE_SUFFIXES and p.is_file():
            yield p
            continue
        for item in iter_inputs([raw], tables=tables):
            if item.path is not None:
                yield Path(item.path)
            elif isinstance(item.raw, BadInput):
                yield item.raw.message


REFERENCE_FORMATS = ("maturity-reference/1", "maturity-seeds/1")
"""Data files shipped beside the indices that ``validate`` names and skips; any other
``format`` (a typo, a cut-off file) is checked as an answers file and gets its message."""


def _peek_format(path: Path) -> str | None:
    """The ``format`` key of a YAML file, read cheaply from its first lines."""
    if str(path) == "-" or not path.is_file():
        return None  # stdin is read once, as answers; a pipe or device is refused when loaded
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    for line in head.splitlines():
        if line.startswith("format:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    return None


# --------------------------------------------------------------------------- commands


def cmd_validate(args: argparse.Namespace) -> int:
    from .._yaml import load_yaml_file
    from ..errors import MaturityError, Severity
    from ..loading import answers_from_raw, check_questionnaire_file, questionnaire_for
    from ..rating import answered_na
    from ..scoring import assess

    worst = Exit.OK
    count = 0
    seen: set[str] = set()  # an overlay repeats its base's warnings: say each once
    tables: list[str] = []  # met in the folders walked, not read: said after the run
    for path in _validate_targets(args.paths, tables):
        count += 1
        if isinstance(path, str):  # nothing to read there: said as score says it
            _err(path)
            worst = Exit.INVALID
            continue
        if path.suffix.lower() in TABLE_SUFFIXES:  # a table: every row, as `score` reads it
            worst = max(worst, _validate_table(path, args.questionnaire, args.lang))
            continue
        fmt = _peek_format(path)
        if fmt in REFERENCE_FORMATS:
            print(printable(f"{one_line(path)}: skipped ({fmt} is reference data, not a questionnaire "
                            "or answers file)"))
            continue
        try:
            if fmt and fmt.startswith("maturity-questionnaire"):
                q, issues = check_questionnaire_file(path)
                for issue in issues:
                    if str(issue) not in seen:
                        seen.add(str(issue))
                        (_warn if issue.severity is Severity.WARNING else _err)(str(issue))
                if q is None:
                    worst = Exit.INVALID
                    continue
                print(printable(f"{one_line(path)}: ok ({q.ref}, {len(q.questions)} questions)"))
            else:
                # read once: standard input cannot be read again to locate the warnings
                # (``validate - < f.yaml`` said "ok", then "file is empty", exit 1)
                raw = load_yaml_file(path)
                answers = answers_from_raw(raw, str(path))
                q = questionnaire_for(answers, args.questionnaire, shared=True)
                a = assess(q, answers)
                na = answered_na({r.id: r.status for d in a.dimensions for i in d.indicators
                                  for r in i.questions}, a.answers)
                said = counted(a.answered, a.unanswered, a.not_applicable, na)
                print(printable(f"{one_line(path)}: ok ({q.ref}, {said})"))
                lang = args.lang or answers.language or _default_lang()
                for issue in _check_issues(raw, str(path), q, a, lang):
                    _warn(str(issue))
        except MaturityError as exc:
            _err(str(exc))
            worst = Exit.INVALID
    warn_unread_tables(tables)
    if count == 0:
        _err("no input files found")
        return Exit.INVALID
    return worst


def _check_issues(raw: Any, source: str, q: Any, a: Any, lang: str) -> list[Any]:
    """The answers given but not scored (a follow-up its question does not open, an answer
    to a question that does not apply), then the consistency checks the answers set off,
    each as a warning located at its answer: its line in a file (``raw``: the file as read),
    its cell in a table row (``source``: ``file.csv:ROW``).  A warning: the input is valid."""
    from .._yaml import locate
    from ..checking import consistency
    from ..errors import Issue, Severity
    from ..i18n import t
    from ..model.base import tr
    from ..tabular import in_cells

    def at(qid: str, message: str, code: str) -> Issue:
        file, line, _ = locate(raw, ("answers", qid))
        return Issue(message, file=file or source, line=line, field=f"answers.{qid}",
                     path=("answers", qid), severity=Severity.WARNING, code=code)

    out = []
    for warning in a.warnings:  # "qid: answer ignored, …": an answer is never dropped unsaid
        qid, _, why = warning.partition(": ")
        out.append(at(qid, why, "ignored"))
    for f in consistency(a, q):
        out.append(at(f.other, t("check_line", lang, message=tr(f.message, lang), question=f.question,
                                 level=f.level, other=f.other, other_level=f.other_level),
                      f"check:{f.check}"))
    return list(in_cells(raw, out))


NOT_ASKED = "left out by production type, industry or an earlier answer"


def counted(answered: int, unanswered: int, not_applicable: int, answered_na: int) -> str:
    """What validate says of a valid file's answers: "60 of 60 answered; 4 not applicable:
    3 answered n/a, 1 left out by …", the n/a a user wrote told apart from the
    questions the index leaves out for this enterprise: by its production type or industry,
    or by an earlier answer (a follow-up of a question answered n/a or no)."""
    text = f"{answered} of {answered + unanswered} answered; {not_applicable} not applicable"
    if not not_applicable:
        return text
    if answered_na == not_applicable:
        return f"{text}, all answered n/a"
    if not answered_na:
        return f"{text}, all {NOT_ASKED}"
    return f"{text}: {answered_na} answered n/a, {not_applicable - answered_na} {NOT_ASKED}"


def _validate_table(path: Path, questionnaire: str | None, lang: str | None) -> int:
    """Every row of a table, as ``score`` reads it (the same verdict: ``batch.score_raw``),
    with the warnings an answers file gets, each at its cell (a consultant's CSV row of
    implausible answers said only "ok" where the same answers in YAML were warned about)."""
    from ..batch import score_raw
    from ..inputs import iter_inputs
    from ..loading import shared_questionnaire
    from ..model.assessment import Assessment
    from ..tabular import BadInput

    note_survey_columns([str(path)])
    worst = Exit.OK
    for item in iter_inputs([str(path)]):
        if isinstance(item.raw, BadInput):
            _err(item.raw.message)
            worst = Exit.INVALID
            continue
        row = score_raw(item.raw, item.source, None, questionnaire, detail=True)
        if not row.ok:
            for line in row.errors:
                _err(line)
            worst = Exit.INVALID
            continue
        print(printable(f"{one_line(row.source)}: ok ({row.questionnaire}, "
                        f"{counted(row.answered, row.unanswered, row.not_applicable, row.answered_na)})"))
        a = Assessment.model_validate(row.detail)
        said = item.raw.get("language") if isinstance(item.raw, dict) else None
        q = shared_questionnaire(row.questionnaire_file or row.questionnaire)
        for issue in _check_issues(item.raw, item.source, q, a, lang or said or _default_lang()):
            _warn(str(issue))
    return worst


def cmd_score(args: argparse.Namespace) -> int:
    from ..batch import score_files
    from ..inputs import count_inputs

    paths = list(args.paths)
    check_output(args.output, paths)
    output_format(args, SCORE_FORMATS, text="table")
    note_survey_columns(paths)
    # one answers file gets the detailed panel; a table (CSV, XLSX) is rows, as in every
    # other format (a workbook was read as YAML here and failed, where -f json scored it)
    single = len(paths) == 1 and paths[0] != "-" and Path(paths[0]).is_file() \
        and Path(paths[0]).suffix.lower() not in TABLE_SUFFIXES
    if single and args.format == "table" and not args.summary:
        return _score_one_panel(args)
    fmt = args.format
    machine = fmt in ("json", "jsonl", "csv")
    total = None
    show_progress = sys.stderr.isatty() and (not machine or bool(args.output)) and not args.quiet
    jobs = args.jobs
    if show_progress or jobs is None or jobs > 1:  # the count sizes the bar and the worker pool
        # counted, not kept (memory stays flat); without a bar, only as far as the pool's size
        # needs: a walk of a national-scale tree before the first file is scored costs seconds
        enough = AUTO_JOBS_FROM if jobs is None else jobs + 1
        total = count_inputs(paths, None if show_progress else enough)
    cores = os.cpu_count() or 1
    if jobs is None:
        jobs = 1 if total is None or total < AUTO_JOBS_FROM else cores
    elif jobs > cores or (total is not None and jobs > max(total, 1)):
        capped = max(1, min(jobs, cores, total if total is not None else jobs))
        if not args.quiet:  # the count stops past --jobs: it names the inputs only when they cap it
            why = "the number of inputs" if total is not None and capped == max(total, 1) and total < cores \
                else "the number of cores"
            _warn(f"--jobs {jobs}: using {capped} ({why})")
        jobs = capped
    summary = None
    if args.summary:
        from ..portfolio import Portfolio

        summary = Portfolio()
    failed = count = 0
    tables: list[str] = []  # met in the folders scanned, not read: said after the run
    repeated: dict[str, Any] = {}  # enterprises the summary met in more than one input

    def run(out: Any, progress: Any) -> None:
        nonlocal failed, count
        from ..report.rows import WRITERS, CsvWriter

        writer = (CsvWriter(out, bom=args.bom) if fmt == "csv"
                  else WRITERS[fmt](out, args.lang or _default_lang()))
        writer.start()
        for row in score_files(paths, args.questionnaire, jobs=jobs, progress=progress,
                               fail_fast=args.fail_fast, indicators=summary is not None,
                               detail=args.detail and fmt in ("json", "jsonl"), tables=tables):
            count += 1
            if not row.ok:
                failed += 1
                for line in row.errors:  # stderr, for people, and a row in the output
                    _err(line)
            writer.row(row)
            if summary is not None:
                summary.add(row)
        result = summary.result() if summary is not None else None
        writer.finish(result)
        if summary is not None:
            summary.close()
            repeated.update(result["repeated"] if result else {})

    def go(out: Any) -> None:
        if not show_progress:
            run(out, None)
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]:>7} files/s"), TimeRemainingColumn(),
                      console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("score", total=total, rate="")
            import time

            start = time.perf_counter()

            def progress(done: int, _row: Any) -> None:
                if done % 50 == 0 or done == total:
                    rate = done / max(time.perf_counter() - start, 1e-9)
                    bar.update(task, completed=done, rate=f"{rate:,.0f}")

            run(out, progress)

    if args.output and args.output != "-":
        from .._io import AtomicOutput

        with AtomicOutput(args.output, newline="" if fmt == "csv" else None) as fh:
            go(fh)
    else:
        go(terminal_or(sys.stdout))  # CSV and JSON lines from data: escaped on a terminal
    if repeated.get("enterprises") and not args.quiet:
        names = ", ".join(repeated["examples"][:3]) + (" …" if repeated["enterprises"] > 3 else "")
        _warn(f"{repeated['enterprises']} enterprise(s) appear in more than one input, each counted in the "
              f"summary: {names}; score one assessment per enterprise for a portfolio "
              "(maturity history follows one enterprise over time)")
    warn_unread_tables(tables)
    if count == 0:
        _err("no input files found")
        return Exit.INVALID
    if failed:
        _err(f"{failed} of {count} inputs failed")
        if args.fail_fast:  # "1 of 1 inputs failed" read as a batch of one
            from ..inputs import count_inputs

            rest = count_inputs(paths) - count
            if rest > 0:
                _err(f"--fail-fast: stopped at the first failure; {rest} input(s) after it were not scored")
    return Exit.INVALID if failed else Exit.OK


def _score_one_panel(args: argparse.Namespace) -> int:
    """One answers file in the terminal: the detailed panel."""
    import io

    from rich.console import Console

    from ..loading import load_answers, questionnaire_for
    from ..report.terminal import render_assessment
    from ..scoring import assess

    source = args.paths[0]
    answers = load_answers(source)
    q = questionnaire_for(answers, args.questionnaire)
    assessment = assess(q, answers)
    lang = args.lang or answers.language or _default_lang()
    if args.output and args.output != "-":
        buffer = io.StringIO()
        Console(file=buffer, highlight=False, width=100, no_color=True).print(
            render_assessment(q, assessment, lang, source))
        _write_out(buffer.getvalue(), args.output)
    else:
        Console(highlight=False).print(render_assessment(q, assessment, lang, source))
    return Exit.OK


def cmd_template(args: argparse.Namespace) -> int:
    from ..loading import load_questionnaire
    from ..template import answers_template

    if args.output and args.output != "-" and os.path.exists(args.output) and not args.force:
        from ..errors import UsageError

        # a blank template over a file that may hold someone's answers would lose them
        raise UsageError(f"{args.output} exists: a blank template would replace it (and any "
                         "answers in it); give another name, or --force to replace it")
    q = load_questionnaire(args.questionnaire)
    if args.format == "csv":
        import csv
        import io

        from ..batch import csv_header

        buffer = io.StringIO()
        buffer.write("\ufeff")  # Excel reads UTF-8 only with a BOM
        csv.writer(buffer, lineterminator="\r\n").writerow(csv_header(q))
        _write_out(buffer.getvalue(), args.output)
    else:
        langs = [args.lang] if args.lang else None
        _write_out(answers_template(q, langs), args.output)
    if args.output and args.output != "-":
        print(f"wrote {args.output}", file=sys.stderr)
    return Exit.OK


def cmd_questionnaires(args: argparse.Namespace) -> int:
    from ..catalogue import list_questionnaires

    lang = args.lang or _default_lang()
    infos = list_questionnaires(lang)
    if args.format == "json":
        rows = [{"id": i.id, "version": i.version, "ref": f"{i.id}@{i.version}", "title": i.title,
                 "extends": i.extends, "industry": i.industry, "questions": i.questions,
                 "minutes": i.minutes, "method": i.method, "levels": i.levels} for i in infos]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return Exit.OK
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False)
    table.add_column("id@version", no_wrap=True, min_width=max(len(f"{i.id}@{i.version}") for i in infos))
    for col in ("questions", "minutes"):
        table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=60)
    for i in infos:
        table.add_row(f"{i.id}@{i.version}", str(i.questions), str(i.minutes), i.title)
    Console(highlight=False).print(table)
    return Exit.OK
