"""The ``maturity`` command line: a thin layer over the library.

stdout carries data, stderr carries messages for people.  Every error the
library raises is turned into a message and an exit code here, in one place;
no traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Iterator, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from . import __version__
from ._io import check_output
from .printable import printable


class Exit(IntEnum):
    OK = 0
    INVALID = 1
    """Some input was invalid (or an internal error, reported as such)."""
    USAGE = 2
    INTERRUPTED = 130


def _err(message: str) -> None:
    """A message for people on stderr, red when stderr is a colour terminal."""
    message = printable(message)  # a file name or a value may carry control characters
    if sys.stderr.isatty() and "NO_COLOR" not in os.environ:
        message = f"\x1b[31m{message}\x1b[0m"
    print(message, file=sys.stderr)


def _warn(message: str) -> None:
    message = printable(message)
    if sys.stderr.isatty() and "NO_COLOR" not in os.environ:
        message = f"\x1b[33m{message}\x1b[0m"
    print(message, file=sys.stderr)


# --------------------------------------------------------------------------- inputs


def iter_inputs(paths: Sequence[str]) -> Iterator[Path]:
    """Files named directly, and ``*.yaml`` / ``*.yml`` under directories, in a stable order."""
    from .batch import walk

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from walk(p)  # the same files `score` reads, dangling links included
        else:
            yield p


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
    from .errors import MaturityError, Severity
    from .loading import check_questionnaire_file, load_answers, questionnaire_for
    from .scoring import assess

    worst = Exit.OK
    count = 0
    seen: set[str] = set()  # an overlay repeats its base's warnings: say each once
    for path in iter_inputs(args.paths):
        count += 1
        if path.suffix.lower() in (".csv", ".xlsx"):  # a table: every row, as `score` reads it
            worst = max(worst, _validate_table(path, args.questionnaire))
            continue
        fmt = _peek_format(path)
        if fmt in REFERENCE_FORMATS:
            print(printable(f"{path}: skipped ({fmt} is reference data, not a questionnaire "
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
                print(printable(f"{path}: ok ({q.ref}, {len(q.questions)} questions)"))
            else:
                answers = load_answers(path)
                q = questionnaire_for(answers, args.questionnaire)
                a = assess(q, answers)
                askable = a.answered + a.unanswered
                print(printable(f"{path}: ok ({q.ref}, {a.answered} of {askable} answered, "
                                f"{a.not_applicable} not applicable)"))
        except MaturityError as exc:
            _err(str(exc))
            worst = Exit.INVALID
    if count == 0:
        _err("no input files found")
        return Exit.INVALID
    return worst


def _validate_table(path: Path, questionnaire: str | None) -> int:
    from .batch import score_files

    worst = Exit.OK
    for row in score_files([str(path)], questionnaire):
        if row.ok:
            askable = row.answered + row.unanswered
            print(printable(f"{row.source}: ok ({row.questionnaire}, {row.answered} of {askable} "
                            f"answered, {row.not_applicable} not applicable)"))
        else:
            for line in row.errors:
                _err(line)
            worst = Exit.INVALID
    return worst


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} workers: give 1 or more")
    return value


def cmd_score(args: argparse.Namespace) -> int:
    from .batch import count_inputs, score_files

    paths = list(args.paths)
    check_output(args.output, paths)
    single = len(paths) == 1 and paths[0] != "-" and Path(paths[0]).is_file() \
        and Path(paths[0]).suffix.lower() != ".csv"
    if single and args.format == "table" and not args.summary:
        return _score_one_panel(args)
    fmt = args.format
    machine = fmt in ("json", "jsonl", "csv")
    total = None
    show_progress = sys.stderr.isatty() and (not machine or bool(args.output)) and not args.quiet
    jobs = args.jobs
    if show_progress or jobs is None or jobs > 1:  # the count sizes the bar and the worker pool
        total = count_inputs(paths)  # counted, not kept: memory stays flat
    cores = os.cpu_count() or 1
    if jobs is None:
        jobs = 1 if total is None or total < 200 else cores
    elif jobs > cores or (total is not None and jobs > max(total, 1)):
        capped = max(1, min(jobs, cores, total if total is not None else jobs))
        if not args.quiet:
            _warn(f"--jobs {jobs}: using {capped} (the number of cores"
                  + (f" and of inputs, {total}" if total is not None else "") + ")")
        jobs = capped
    summary = None
    if args.summary:
        from .portfolio import Portfolio

        summary = Portfolio()
    failed = count = 0

    def run(out: Any, progress: Any) -> None:
        nonlocal failed, count
        from .report.rows import WRITERS, CsvWriter

        writer = CsvWriter(out, bom=args.bom) if fmt == "csv" else WRITERS[fmt](out)
        writer.start()
        for row in score_files(paths, args.questionnaire, jobs=jobs, progress=progress,
                               fail_fast=args.fail_fast, indicators=summary is not None,
                               detail=args.detail and fmt in ("json", "jsonl")):
            count += 1
            if not row.ok:
                failed += 1
                for line in row.errors:  # stderr, for people, and a row in the output
                    _err(line)
            writer.row(row)
            if summary is not None:
                summary.add(row)
        writer.finish(summary.result() if summary is not None else None)

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
        from ._io import AtomicOutput

        with AtomicOutput(args.output, newline="" if fmt == "csv" else None) as fh:
            go(fh)
    else:
        go(sys.stdout)
    if count == 0:
        _err("no input files found")
        return Exit.INVALID
    if failed:
        _err(f"{failed} of {count} inputs failed")
    return Exit.INVALID if failed else Exit.OK


def _score_one_panel(args: argparse.Namespace) -> int:
    """One answers file in the terminal: the detailed panel."""
    import io

    from rich.console import Console

    from .loading import load_answers, questionnaire_for
    from .report.terminal import render_assessment
    from .scoring import assess

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


def _default_lang() -> str:
    from .i18n import default_lang

    return default_lang()


def _write_out(text: str, output: str | None) -> None:
    if output and output != "-":
        from ._io import write_atomic

        write_atomic(output, text)
    else:
        sys.stdout.write(text)


def cmd_template(args: argparse.Namespace) -> int:
    from .loading import load_questionnaire
    from .template import answers_template

    q = load_questionnaire(args.questionnaire)
    if args.format == "csv":
        import csv
        import io

        from .batch import csv_header

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
    from .loading import list_questionnaires

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


REPORT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                   ".json": "json", ".txt": "terminal"}


def _scored(path: str, override: str | None) -> tuple[Any, Any, Any]:
    from .loading import load_answers, questionnaire_for
    from .scoring import assess

    answers = load_answers(path)
    q = questionnaire_for(answers, override)
    return answers, q, assess(q, answers)


def cmd_report(args: argparse.Namespace) -> int:
    from .diagnosis import diagnose
    from .explain import level_number
    from .report import content

    if _many_reports(args):
        return _cmd_reports(args)
    check_output(args.output, list(args.inputs))
    answers, q, assessment = _scored(args.inputs[0], args.questionnaire)
    lang = args.lang or answers.language or _default_lang()
    fmt = args.format or REPORT_SUFFIXES.get(Path(args.output or "").suffix.lower(), "terminal")
    diagnosis = diagnose(assessment, q, target=level_number(q, args.target))
    if fmt == "json":
        text = diagnosis.model_dump_json(indent=2) + "\n"
    elif fmt == "markdown":
        from .report import markdown

        text = markdown.render(content.build(q, diagnosis, lang))
    elif fmt == "html":
        from .report import html

        text = html.render(content.build(q, diagnosis, lang))
    else:
        from .report.terminal import render_report

        text = _rich_text(render_report(content.build(q, diagnosis, lang)), args.output)
        if text is None:
            return Exit.OK
    _write_out(text, args.output)
    if args.output and args.output != "-":
        print(f"wrote {args.output}", file=sys.stderr)
    return Exit.OK


def _many_reports(args: argparse.Namespace) -> bool:
    """A folder of reports: several inputs, a folder, glob or table as input, or -o a folder."""
    inputs, out = args.inputs, args.output
    if len(inputs) > 1 or (out and (out.endswith(("/", os.sep)) or Path(out).is_dir())):
        return True
    p = Path(inputs[0])
    return (p.is_dir() or p.suffix.lower() in (".csv", ".xlsx")
            or (not p.exists() and glob.has_magic(inputs[0])))


def _cmd_reports(args: argparse.Namespace) -> int:
    from .errors import UsageError
    from .report.many import write_reports

    if not args.output or args.output == "-":
        raise UsageError("several reports need a folder: give -o DIR/")
    if args.format == "terminal":
        raise UsageError("a folder of reports is written as html, markdown or json, not terminal")
    out = Path(args.output)
    check_output(str(out / "index.html"), list(args.inputs))
    fmt = args.format or "html"
    show = sys.stderr.isatty() and not getattr(args, "quiet", False)

    def progress(n: int, written: Any) -> None:
        if written.errors:
            for line in written.errors:
                _err(line)
        elif show:
            print(f"\r{n} reports", end="", file=sys.stderr, flush=True)

    done = write_reports(list(args.inputs), out, fmt, args.lang, args.target, args.questionnaire,
                         args.jobs, progress)
    failed = sum(1 for w in done if w.errors)
    print(("\n" if show else "") + f"wrote {len(done) - failed} reports and {out / 'index.html'}"
          + (f"; {failed} of {len(done)} inputs failed" if failed else ""), file=sys.stderr)
    return Exit.INVALID if failed else Exit.OK


def _rich_text(renderable: Any, output: str | None) -> str | None:
    """Print to the terminal (returns None), or render plain text for a file."""
    import io

    from rich.console import Console

    if not output or output == "-":
        Console(highlight=False).print(renderable)
        return None
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, width=100, no_color=True).print(renderable)
    return buffer.getvalue()


def cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare
    from .explain import level_label, name_of

    check_output(args.output, [args.old, args.new])
    _, _q_old, before = _scored(args.old, args.questionnaire)
    answers, q, after = _scored(args.new, args.questionnaire)
    result = compare(before, after, q)
    if args.format == "json":
        _write_out(result.model_dump_json(indent=2) + "\n", args.output)
        return Exit.OK
    from .i18n import t

    lang = args.lang or answers.language or _default_lang()
    scen = {s.id: s for s in q.scenarios}

    def line(c: Any, name: str) -> str:
        delta = c.score_after - c.score_before
        return (f"{name}: {level_label(q, c.level_before, lang)} → {level_label(q, c.level_after, lang)}"
                f"  ({c.score_before:.2f} → {c.score_after:.2f}, {delta:+.2f})")

    from .model.base import tr

    out = [line(result.total, t("grade", lang)), "", f"{t('dimensions', lang)}:"]
    out += ["  " + line(c, name_of(q, c.id, lang)) for c in result.dimensions]
    if result.indicators:
        out += ["", f"{t('indicator', lang)}:"]
        out += ["  " + line(c, name_of(q, c.id, lang)) for c in result.indicators]
    if result.completed_scenarios:
        out += ["", f"{t('recommendations', lang)} ✓:"]
        out += ["  " + tr(scen[s].name, lang) for s in result.completed_scenarios]
    _write_out("\n".join(out) + "\n", args.output)
    return Exit.OK


def cmd_assess(args: argparse.Namespace) -> int:
    """The guided self-assessment (Textual TUI); imported only here."""
    from .tui import run

    return run(questionnaire=args.questionnaire, answers=args.answers, lang=args.lang)


def cmd_serve(args: argparse.Namespace) -> int:
    """The assessment in a browser (one process per tab; state lives on disk)."""
    from .errors import UsageError

    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError("serving in a browser needs the serve extra: "
                         "pip install 'maturity[serve]'") from None
    command = f"{sys.executable} -m maturity assess"
    if args.lang:
        command += f" --lang {args.lang}"
    Server(command, host=args.host, port=args.port, title="maturity").serve()
    return Exit.OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    _write_out(schema_text(args.which), args.output)
    return Exit.OK


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maturity",
        description="Assess a manufacturing enterprise's digital-transformation maturity (L1–L5).",
    )
    parser.add_argument("--version", action="version", version=f"maturity {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check questionnaires and answers files",
                       description="Check questionnaire and answers files; report every problem "
                                   "as file:line: field: message. Exit 0 if all are valid, 1 if not.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    p.add_argument("--questionnaire", "-q", metavar="ID", help="check answers against this questionnaire")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("score", help="score answers files, one or a hundred thousand",
                       description="Score answers files: files, directories (recursive *.yaml/*.yml), "
                                   "globs, - for stdin, and CSV files with one enterprise per row. "
                                   "Results stream out as they are computed; a bad input is reported "
                                   "(file:line: message on stderr and as a row) and never stops the "
                                   "batch. Exit 0 if all scored, 1 if any input failed.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="answers files, directories, globs, CSV, -")
    p.add_argument("--questionnaire", "-q", metavar="ID",
                   help="questionnaire id, id@version or path (default: the one each file names)")
    p.add_argument("--format", "-f", choices=("table", "json", "jsonl", "csv", "markdown", "html"),
                   default="table", help="table (default; one file: a detailed panel)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--jobs", "-j", type=_positive, metavar="N",
                   help="worker processes (default: the number of cores for 200 inputs or more)")
    p.add_argument("--summary", action="store_true",
                   help="add the portfolio summary: grades, quartiles, common gaps, cohorts")
    p.add_argument("--detail", action="store_true",
                   help="json/jsonl: the full assessment of each input instead of the compact record")
    p.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 BOM (for Excel)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--lang", choices=("en", "zh"), help="language of the single-file panel")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first invalid input")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("assess", help="fill in an assessment in the terminal (the default command)",
                       description="The guided self-assessment: pick an index, answer question by "
                                   "question (autosaved), and get the diagnosis.")
    p.add_argument("--questionnaire", "-q", metavar="ID", help="start with this questionnaire")
    p.add_argument("--answers", "-a", metavar="FILE",
                   help="answers file to resume from and to save to (in addition to the autosave)")
    p.add_argument("--lang", choices=("en", "zh"))
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser("serve", help="offer the assessment on a web page (needs maturity[serve])",
                       description="Serve the guided assessment in a browser with textual-serve: each "
                                   "tab runs its own process; answers are autosaved on this machine "
                                   "(MATURITY_DATA_DIR). Install with: pip install 'maturity[serve]'.")
    p.add_argument("--host", default="localhost")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--lang", choices=("en", "zh"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("report", help="diagnose one answers file: grade, gaps, path, scenarios, roadmap",
                       description="Diagnose one answers file and write the report: the grade and "
                                   "why, strengths and weaknesses, blocking indicators, the path to "
                                   "the next grade, national benchmarks, recommended scenarios and a "
                                   "roadmap. See docs/diagnosis.md.")
    p.add_argument("inputs", metavar="ANSWERS", nargs="+",
                   help="an answers file; or several, folders, globs or CSV/XLSX files with -o DIR/")
    p.add_argument("--format", "-f", choices=("terminal", "markdown", "html", "json"),
                   help="default: from the -o suffix (.md .html .json), else terminal; "
                        "for a folder of reports: html")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout; a folder "
                   "(ending in /, or existing) gets one report per enterprise and an index.html")
    p.add_argument("--jobs", "-j", type=_positive, metavar="N", default=1,
                   help="processes for a folder of reports (default 1)")
    p.add_argument("--lang", choices=("en", "zh"), help="default: the answers file's language")
    p.add_argument("--target", metavar="LEVEL", help="also plan the path to this grade (e.g. L4)")
    p.add_argument("--questionnaire", "-q", metavar="ID", help="score against this questionnaire")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("compare", help="compare two assessments of one enterprise over time")
    p.add_argument("old", metavar="OLD", help="the earlier answers file")
    p.add_argument("new", metavar="NEW", help="the later answers file")
    p.add_argument("--format", "-f", choices=("terminal", "json"), default="terminal")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--lang", choices=("en", "zh"))
    p.add_argument("--questionnaire", "-q", metavar="ID")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("template", help="write a blank, commented answers file",
                       description="Write a blank answers file in which every question, its "
                                   "options and help appear as comments, to fill in an editor.")
    p.add_argument("--questionnaire", "-q", metavar="ID", default="general")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--lang", choices=("en", "zh"), help="one language only (default: all)")
    p.add_argument("--format", "-f", choices=("yaml", "csv"), default="yaml",
                   help="yaml: a commented answers file; csv: the header row of a CSV of answers "
                        "(one enterprise per row, for survey platforms and spreadsheets)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("questionnaires", help="list the available questionnaires")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "zh"))
    p.set_defaults(func=cmd_questionnaires)

    p = sub.add_parser("schema", help="print the JSON Schema of a file format")
    p.add_argument("which", choices=("questionnaire", "answers", "diagnosis"))
    p.add_argument("--output", "-o", metavar="FILE")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()  # no terminal to draw the assessment on
            return Exit.OK
        debug = args.debug
        args = parser.parse_args(["assess"])
        args.debug = debug
    from .errors import MaturityError, UsageError

    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("interrupted")
        return Exit.INTERRUPTED
    except UsageError as exc:
        _err(f"maturity: {exc}")
        return Exit.USAGE
    except MaturityError as exc:
        if args.debug:
            raise
        _err(str(exc))
        return Exit.INVALID
    except BrokenPipeError:  # e.g. `maturity score … | head`
        return Exit.OK
    except Exception as exc:  # the one place an unexpected error becomes a message
        if args.debug:
            raise
        _err(f"maturity: internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return Exit.INVALID


