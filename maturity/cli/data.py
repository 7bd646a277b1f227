"""Commands on files: score, template, questionnaires (validate: ``cli.validate``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from .._io import TABLE_SUFFIXES
from ..printable import one_line, terminal_or
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
    if args.summary and fmt == "csv":  # documented, and now said: it was dropped without a word
        _warn("--summary is not written in CSV, which holds one kind of row: use -f jsonl or json "
              "for the rows and the summary")
    elif args.summary:
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
            elif row.blank and not args.quiet:
                _warn(f"{one_line(row.source)}: answers no question (a blank template?); "
                      "its grade says nothing of the enterprise")
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
