"""Commands that write an answers file from others: ``maturity merge`` (several respondents,
one file) and ``maturity migrate`` (one file, a later version of its questionnaire)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import Exit, _default_lang, _write_out, check_output


def cmd_merge(args: argparse.Namespace) -> int:
    from ..loading import load_answers, questionnaire_for
    from ..merging import merge
    from ..report.respondents import respondent_lines

    check_output(args.output, list(args.inputs))
    files = [load_answers(path) for path in args.inputs]
    q = questionnaire_for(files[0], args.questionnaire)
    merged = merge(q, files, args.inputs, rule=args.rule, share=args.share / 100)
    lang = args.lang or merged.language or _default_lang()
    head = (f"# Merged by `maturity merge` from {len(files)} answers files ({args.rule}); the "
            f"respondents' disagreements are under merged.disagreements.\n")
    lines = respondent_lines(q, merged.merged, lang)  # type: ignore[arg-type]
    return _write_answers(merged, head, [lines[0], *("  " + line for line in lines[1:])], args.output)


def _write_answers(answers: Any, head: str, account: list[str], output: str | None) -> int:
    """Write an answers file made by a command (``head`` a comment line) and say what it
    holds: the file is the output, so the account goes to stderr when the file goes to
    stdout."""
    import yaml

    from ..printable import one_line

    doc = answers.model_dump(mode="json", exclude_defaults=True)
    _write_out(head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), output)
    to_file = bool(output) and output != "-"
    # each line one line: an assessor's name with a newline made a fake line of the account
    print("\n".join(map(one_line, account)), file=sys.stdout if to_file else sys.stderr)
    if to_file:
        print(f"wrote {output}", file=sys.stderr)
    return Exit.OK


def _percent(text: str) -> float:
    """A share of a question's range, 0 to 100 (a user found -5 and 150 accepted, and -5
    listing identical answers as disagreements)."""
    import math

    try:
        value = float(text.strip().rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text}: give a percentage from 0 to 100")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "merge", help="merge several respondents' answers files of one enterprise",
        description="Combine the answers files of several respondents (production, IT, quality…) "
                    "for the same enterprise into one, question by question, and list the questions "
                    "where they are two levels or more apart, with who said what and their notes. "
                    "Every note is kept; the merged file records its sources.")
    p.add_argument("inputs", metavar="ANSWERS", nargs="+", help="two answers files or more")
    p.add_argument("--rule", choices=("median", "min", "max"), default="median",
                   help="median (default): the middle answer, rounded down between two; "
                        "min: the lowest, for a conservative grade; max: the highest")
    p.add_argument("--share", type=_percent, default=20.0, metavar="PERCENT",
                   help="numbers further apart than this share of the question's range "
                        "are a disagreement (default 20)")
    p.add_argument("--output", "-o", metavar="FILE", help="the merged answers file (default: stdout)")
    p.add_argument("--lang", choices=("en", "zh"), help="language of the disagreement list")
    p.add_argument("--questionnaire", "-q", metavar="ID")
    p.set_defaults(func=cmd_merge)


def cmd_migrate(args: argparse.Namespace) -> int:
    from ..loading import load_answers, questionnaire_for, questionnaire_near
    from ..migrating import migrate

    check_output(args.output, [args.answers])
    answers = load_answers(args.answers)
    old = questionnaire_for(answers)
    new = questionnaire_near(args.to, args.answers)  # found where the old one is: installed or beside
    moved = migrate(answers, old, new)
    head = f"# Carried from {old.ref} to {new.ref} by `maturity migrate`; see migrated.\n"
    kept = moved.migrated
    assert kept is not None
    lines = [f"{len(moved.answers)} answers carried from {old.ref} to {new.ref}."]
    if kept.to_answer:
        lines.append(f"{len(kept.to_answer)} question(s) to answer: " + ", ".join(kept.to_answer))
    if kept.answers or kept.notes:
        lines.append("kept under migrated (no place in the new version, or carried with less than "
                     "they said): " + ", ".join(sorted({*kept.answers, *kept.notes})))
    return _write_answers(moved, head, lines, args.output)


def add_migrate_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "migrate", help="carry an answers file to a later version of its questionnaire",
        description="Carry every answer that still has a meaning to a later version of the "
                    "questionnaire (renamed, moved, split and re-banded questions, as the new "
                    "version's migrations declare), list the questions to answer, and keep "
                    "every other answer and note under 'migrated'.")
    p.add_argument("answers", metavar="OLD", help="the answers file to carry over")
    p.add_argument("--to", required=True, metavar="ID@VERSION", help="the later version, e.g. general@2")
    p.add_argument("--output", "-o", metavar="FILE", help="the new answers file (default: stdout)")
    p.set_defaults(func=cmd_migrate)
