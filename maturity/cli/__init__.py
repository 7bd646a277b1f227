"""The ``maturity`` command line: a thin layer over the library.

stdout carries data, stderr carries messages for people.  Every error the
library raises is turned into a message and an exit code here, in one place;
no traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from .common import Exit, _err, _positive, _write_out, no_color
from .data import SCORE_FORMATS, cmd_questionnaires, cmd_score, cmd_template
from .reports import (
    HISTORY_FORMATS,
    REPORT_FORMATS,
    TEXT_OR_JSON,
    cmd_compare,
    cmd_history,
    cmd_report,
    cmd_whatif,
)
from .validate import cmd_validate


def cmd_assess(args: argparse.Namespace) -> int:
    """The guided self-assessment (Textual TUI); imported only here."""
    from ..tui import run

    if "NO_COLOR" in os.environ and not no_color():
        del os.environ["NO_COLOR"]  # Textual treats an empty NO_COLOR as set; the convention does not
    return run(questionnaire=args.questionnaire, answers=args.answers, lang=args.lang)


def cmd_serve(args: argparse.Namespace) -> int:
    """The assessment in a browser (one process per tab; state lives on disk)."""
    from ..errors import UsageError

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
    from ..schema import schema_text

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
                                   "as file:line: field: message, and answer combinations the "
                                   "questionnaire's consistency checks find implausible as warnings. "
                                   "Exit 0 if all are valid (warnings or not), 1 if not.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    p.add_argument("--questionnaire", "-q", metavar="ID", help="check answers against this questionnaire")
    p.add_argument("--lang", choices=("en", "zh"), help="language of the warnings (default: the answers')")
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
    p.add_argument("--format", "-f", choices=SCORE_FORMATS,
                   help="table (default; one file: a detailed panel); without -f, the suffix of "
                        "-o FILE names it (.json, .jsonl, .csv, .md, .html, .txt)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--jobs", "-j", type=_positive, metavar="N",
                   help="worker processes (default: the number of cores for 200 inputs or more)")
    p.add_argument("--summary", action="store_true",
                   help="add the portfolio summary: grades, quartiles, common gaps, cohorts")
    p.add_argument("--detail", action="store_true",
                   help="json/jsonl: the full assessment of each input instead of the compact record")
    p.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 BOM (for Excel)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--lang", choices=("en", "zh"),
                   help="language of the single-file panel and of the names in --summary")
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
    p.add_argument("--format", "-f", choices=REPORT_FORMATS,
                   help="default: from the -o suffix (.md .html .json .txt), else terminal; "
                        "for a folder of reports: html")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout; a folder "
                   "(ending in /, or existing) gets one report per enterprise and an index.html")
    p.add_argument("--jobs", "-j", type=_positive, metavar="N", default=1,
                   help="processes for a folder of reports (default 1)")
    p.add_argument("--lang", choices=("en", "zh"), help="default: the answers file's language")
    p.add_argument("--target", metavar="LEVEL", help="also plan the path to this grade (e.g. L4)")
    p.add_argument("--targets", metavar="FILE",
                   help="levels to aim at per dimension or indicator (YAML: {operations: L3, "
                        "business.marketing: 2}); default: the answers file's own targets")
    p.add_argument("--history", nargs="+", metavar="EARLIER",
                   help="earlier answers files of the same enterprise: the report adds their "
                        "history (a table; a line chart in HTML)")
    p.add_argument("--questionnaire", "-q", metavar="ID", help="score against this questionnaire")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("compare", help="compare two assessments of one enterprise over time")
    p.add_argument("old", metavar="OLD", help="the earlier answers file")
    p.add_argument("new", metavar="NEW", help="the later answers file")
    p.add_argument("--format", "-f", choices=TEXT_OR_JSON, help="default: as -o FILE's suffix, else terminal")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--lang", choices=("en", "zh"))
    p.add_argument("--questionnaire", "-q", metavar="ID")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("history", help="grade and score of one enterprise over many assessments",
                       description="The grade and score over time, overall and per dimension, of the "
                                   "same enterprise (matched by enterprise.id, else by name), ordered by "
                                   "assessed_on; files of several enterprises give one history each. "
                                   "HTML adds a line chart.")
    p.add_argument("inputs", metavar="ANSWERS", nargs="+", help="answers files, one per assessment")
    p.add_argument("--format", "-f", choices=HISTORY_FORMATS,
                   help="default: as -o FILE's suffix, else terminal")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--lang", choices=("en", "zh"))
    p.add_argument("--questionnaire", "-q", metavar="ID")
    p.set_defaults(func=cmd_history)

    from .merge import add_migrate_parser
    from .merge import add_parser as add_merge

    add_merge(sub)
    add_migrate_parser(sub)

    p = sub.add_parser("whatif", help="the grade the answers would give after some changes",
                       description="Score the answers as they would be after the changes, without "
                                   "changing the file: an answer (--set factory.equipment.cnc_rate=85) "
                                   "or a target on an indicator or dimension (--set operations.execution=L3: "
                                   "the least change of answers that brings it to L3).")
    p.add_argument("answers", metavar="ANSWERS", help="the answers file")
    p.add_argument("--set", "-s", action="append", metavar="ID=VALUE", required=True,
                   help="a question and its answer, or an indicator or dimension and a level; repeat "
                        "for more. "
                        "VALUE is read as in an answers file: 85, 2+, n/a, yes, '{a: fully}', '[x, y]'")
    p.add_argument("--format", "-f", choices=TEXT_OR_JSON, help="default: as -o FILE's suffix, else terminal")
    p.add_argument("--output", "-o", metavar="FILE")
    p.add_argument("--lang", choices=("en", "zh"))
    p.add_argument("--questionnaire", "-q", metavar="ID")
    p.set_defaults(func=cmd_whatif)

    p = sub.add_parser("template", help="write a blank, commented answers file",
                       description="Write a blank answers file in which every question, its "
                                   "options and help appear as comments, to fill in an editor.")
    p.add_argument("--questionnaire", "-q", metavar="ID", default="general")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--lang", choices=("en", "zh"), help="one language only (default: all)")
    p.add_argument("--format", "-f", choices=("yaml", "csv"), default="yaml",
                   help="yaml: a commented answers file; csv: the header row of a CSV of answers "
                        "(one enterprise per row, for survey platforms and spreadsheets)")
    p.add_argument("--force", action="store_true",
                   help="replace FILE if it exists (it may hold answers: not done without this)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("questionnaires", help="list the available questionnaires")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.add_argument("--lang", choices=("en", "zh"))
    p.set_defaults(func=cmd_questionnaires)

    p = sub.add_parser("schema", help="print the JSON Schema of a file format")
    p.add_argument("which", choices=("questionnaire", "answers", "diagnosis"))
    p.add_argument("--output", "-o", metavar="FILE")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("completion", help="print the shell completion script (bash, zsh, fish)",
                       description="Print the script that completes commands, options, files and "
                                   "questionnaire ids on Tab. bash: eval \"$(maturity completion bash)\" "
                                   "in ~/.bashrc; zsh: the same in ~/.zshrc; fish: maturity completion "
                                   "fish > ~/.config/fish/completions/maturity.fish")
    p.add_argument("shell", choices=("bash", "zsh", "fish"))
    p.set_defaults(func=cmd_completion)

    for action in (a for s in sub.choices.values() for a in s._actions if a.dest == "questionnaire"):
        action.completer = _questionnaire_ids  # type: ignore[attr-defined]
    return parser


def _questionnaire_ids(prefix: str, **_: object) -> list[str]:
    """Tab on ``-q``: the installed questionnaires, then files."""
    from ..catalogue import list_questionnaires

    ids = [i.id for i in list_questionnaires()]
    return [i for i in ids if i.startswith(prefix)]


def cmd_completion(args: argparse.Namespace) -> int:
    import argcomplete

    sys.stdout.write(argcomplete.shellcode(["maturity"], shell=args.shell))
    return Exit.OK


_GLOBAL = ("--debug",)
_NOT_ASSESS = ("-h", "--help", "--version")


def with_default_command(argv: Sequence[str]) -> list[str]:
    """``maturity --lang en`` is ``maturity assess --lang en``: options before any command
    belong to the default command (the first-time user's first try was refused)."""
    out = list(argv)
    k = next((n for n, a in enumerate(out) if a not in _GLOBAL), len(out))
    if k < len(out) and out[k].startswith("-") and out[k] not in _NOT_ASSESS:
        out.insert(k, "assess")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (maturity completion)
        import argcomplete

        argcomplete.autocomplete(parser)  # prints them and exits
    args = parser.parse_args(with_default_command(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()  # no terminal to draw the assessment on
            return Exit.OK
        debug = args.debug
        args = parser.parse_args(["assess"])
        args.debug = debug
    from ..errors import MaturityError, UsageError

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


