"""Commands that diagnose: report (one file, or a folder of reports), compare and whatif."""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path
from typing import Any

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

REPORT_FORMATS = ("terminal", "markdown", "html", "json")
HISTORY_FORMATS = REPORT_FORMATS
TEXT_OR_JSON = ("terminal", "json")
REPORT_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".json", ".txt")
"""What a file of one report is named: never taken as the name of a folder of reports."""


def _scored(path: str, override: str | None) -> tuple[Any, Any, Any]:
    from ..loading import load_answers, questionnaire_for
    from ..scoring import assess

    answers = load_answers(path, override)
    q = questionnaire_for(answers, override)
    return answers, q, assess(q, answers)


def cmd_report(args: argparse.Namespace) -> int:
    from ..diagnosis import diagnose
    from ..explain import level_number
    from ..report import content

    if _many_reports(args):
        if args.history:
            from ..errors import UsageError

            raise UsageError("--history goes with one answers file (the latest assessment)")
        return _cmd_reports(args)
    check_output(args.output, [*args.inputs, *(args.history or []), *filter(None, [args.targets])])
    if args.history:
        _once([*args.history, args.inputs[0]])  # before any scoring
    note_survey_columns(args.inputs[:1])
    answers, q, assessment = _scored(args.inputs[0], args.questionnaire)
    lang = args.lang or answers.language or _default_lang()
    fmt = output_format(args, REPORT_FORMATS)
    targets = None
    if args.targets:
        targets = _targets_file(args.targets, q)
    target = level_number(q, args.target)
    if target is not None and target <= assessment.level:  # said, not silently left out
        instead = ("the report shows the path to the next grade instead" if assessment.level < len(q.levels)
                   else "it is the top grade")
        _warn(f"--target {args.target}: the plant already has {q.levels[assessment.level - 1].id}; {instead}")
    diagnosis = diagnose(assessment, q, target=target, targets=targets)
    history = None
    if args.history:
        from ..timeline import history as timeline

        earlier = [_scored(path, args.questionnaire)[2] for path in args.history]
        history = timeline([*earlier, assessment], [*args.history, args.inputs[0]])
    if fmt in ("json", "markdown", "html"):
        from ..report.render import render

        text = render(diagnosis, fmt, lang, q, history)
    else:
        from ..report.terminal import render_report

        text = _rich_text(render_report(content.build(q, diagnosis, lang, history)), args.output)
        if text is None:
            return Exit.OK
    _write_out(text, args.output)
    if args.output and args.output != "-":
        print(f"wrote {args.output}", file=sys.stderr)
    return Exit.OK


def _targets_file(path: str, q: Any) -> dict[str, Any]:
    """The targets of a ``--targets`` file (a mapping of ids to levels, or one under
    ``targets:``), checked as an answers file's targets are, each problem at its line."""
    from .._yaml import load_yaml_file, locate
    from ..errors import Issue, UsageError
    from ..target_levels import target_problems

    raw = load_yaml_file(Path(path))
    nested = isinstance(raw, dict) and isinstance(raw.get("targets"), dict)
    targets = raw["targets"] if nested else raw
    if not isinstance(targets, dict):
        raise UsageError(f"{path}: expected a mapping of dimension or indicator ids to "
                         "levels (or one under 'targets:')")
    issues = []
    for ident, message in target_problems(q, targets):
        loc = ("targets", ident) if nested else (ident,)
        _, line, field = locate(raw, loc)
        issues.append(Issue(message, file=path, line=line, field=field or ".".join(loc)))
    if issues:
        raise UsageError("\n".join(map(str, issues)), issues)
    return targets


def _once(paths: list[str]) -> None:
    """Each assessment once: a file given twice would count twice in a history."""
    from .._io import given_twice
    from ..errors import Issue, UsageError

    twice = given_twice(paths)
    if twice:
        issues = [Issue(f"given twice (also as {first}): each assessment counts once", file=p)
                  for p, first in twice]
        raise UsageError("\n".join(map(str, issues)), issues)


def _many_reports(args: argparse.Namespace) -> bool:
    """A folder of reports: several inputs, a folder, a glob or a table of several
    enterprises as input, or -o a folder.  A table of one enterprise is one report, like
    an answers file (``report survey.csv -o acme.html`` made a folder ``acme.html``)."""
    from .._io import TABLE_SUFFIXES

    inputs, out = args.inputs, args.output
    if len(inputs) > 1 or (out and (out.endswith(("/", os.sep)) or Path(out).is_dir())):
        return True
    p = Path(inputs[0])
    if p.suffix.lower() in TABLE_SUFFIXES and p.is_file():
        from itertools import islice

        from ..inputs import iter_inputs

        return len(list(islice(iter_inputs([inputs[0]], convert=False), 2))) > 1
    return p.is_dir() or (not p.exists() and glob.has_magic(inputs[0]))


def _nothing_to_report(inputs: list[str]) -> list[str]:
    """The messages of the inputs when none of them is an answers file (an empty folder,
    a folder of tables only); empty where there is something to report."""
    from itertools import islice

    from ..inputs import iter_inputs
    from ..tabular import BadInput

    found = list(islice(iter_inputs(inputs, convert=False), 20))
    if not found or len(found) == 20 or not all(isinstance(i.raw, BadInput) for i in found):
        return []
    return [i.raw.message for i in found if isinstance(i.raw, BadInput)]


def _cmd_reports(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..report.many import write_reports

    if not args.output or args.output == "-":
        unreadable = _nothing_to_report(args.inputs)
        if unreadable:  # an empty folder: what validate and score say, not a usage error
            from ..printable import one_line

            print("\n".join(map(one_line, unreadable)), file=sys.stderr)
            return Exit.INVALID
        raise UsageError("several reports need a folder: give -o DIR/")
    target = Path(args.output)
    if (target.suffix.lower() in REPORT_SUFFIXES and not target.is_dir()) or \
            (os.path.lexists(target) and not target.is_dir()):  # a link to nothing too
        # any existing file or device, not only a report's suffix (-o plain, -o /dev/null, an
        # input table ended in "internal error: FileExistsError")
        raise UsageError(f"-o {args.output} names a file, but the inputs hold several enterprises: "
                         "give a folder for one report each (-o DIR/)")
    if args.format == "terminal":
        raise UsageError("a folder of reports is written as html, markdown or json, not terminal")
    out = Path(args.output)
    from .._io import folder_exists

    folder_exists(out)  # the folder of reports may be new, but inside an existing one
    check_output(str(out / "index.html"), list(args.inputs), new_folder=True)
    fmt = args.format or "html"
    note_survey_columns(list(args.inputs))
    show = sys.stderr.isatty() and not getattr(args, "quiet", False)

    def progress(n: int, written: Any) -> None:
        if written.errors:
            for line in written.errors:
                _err(line)
        elif show:
            print(f"\r{n} reports", end="", file=sys.stderr, flush=True)

    tables: list[str] = []
    done = write_reports(list(args.inputs), out, fmt, args.lang, args.target, args.questionnaire,
                         args.jobs, progress, tables)
    failed = sum(1 for w in done if w.errors)
    print(("\n" if show else "") + f"wrote {len(done) - failed} reports and {out / 'index.html'}"
          + (f"; {failed} of {len(done)} inputs failed" if failed else ""), file=sys.stderr)
    warn_unread_tables(tables)
    # reports an earlier run left in the folder: kept (they are the user's), and said, since
    # index.html lists this run's only (a consultant reused a folder for a smaller batch)
    mine = {w.file for w in done if w.file} | {"index.html"}
    stale = sorted(p.name for p in out.iterdir()
                   if p.suffix in (".html", ".md", ".json") and p.name not in mine)
    if stale:
        _warn(f"{out} also holds {len(stale)} report files this run did not write ({', '.join(stale[:3])}"
              f"{' …' if len(stale) > 3 else ''}): index.html lists this run's only; "
              "use an empty folder for a batch of its own")
    return Exit.INVALID if failed else Exit.OK


def _rich_text(renderable: Any, output: str | None) -> str | None:
    """Print to the terminal (returns None), or render plain text for a file."""

    from rich.console import Console

    if not output or output == "-":
        Console(highlight=False).print(renderable)
        return None
    from ..report.render import plain_text

    return plain_text(renderable)


def comparison_lines(result: Any, q: Any, lang: str, before: Any, after: Any) -> list[str]:
    """The terminal lines of a comparison (``compare`` and ``whatif``): the grade, each
    dimension, the indicators that moved and the scenarios completed.  A dimension worth no
    points (the SME index's scenarios) shows its grade rules before and after, not a level
    and 0.00 → 0.00 (the progress that raised a grade was invisible)."""
    from ..explain import gate_progress, level_label, name_of
    from ..i18n import t
    from ..model.base import tr

    scen = {s.id: s for s in q.scenarios}
    no_points = {d.id for d in after.dimensions if not d.score_max}

    def line(c: Any, name: str) -> str:
        delta = c.score_after - c.score_before
        levels = f"{name}: {level_label(q, c.level_before, lang)} → {level_label(q, c.level_after, lang)}"
        if c.id.split(".")[0] in no_points:  # a scenario's level counts through the rules
            return levels
        return levels + f"  ({c.score_before:.2f} → {c.score_after:.2f}, {delta:+.2f})"

    def rules(c: Any) -> str:
        was, now = gate_progress(q, before, c.id, lang), gate_progress(q, after, c.id, lang)
        return f"{name_of(q, c.id, lang)}: {was}" + ("" if now == was else f"\n    → {now}")

    out = [line(result.total, t("grade", lang)), "", f"{t('dimensions', lang)}:"]
    out += ["  " + (rules(c) if c.id in no_points else line(c, name_of(q, c.id, lang)))
            for c in result.dimensions]
    if result.indicators:
        out += ["", f"{t('indicator', lang)}:"]
        out += ["  " + line(c, name_of(q, c.id, lang)) for c in result.indicators]
    if result.completed_scenarios:
        out += ["", f"{t('recommendations', lang)} ✓:"]
        out += ["  " + tr(scen[s].name, lang) for s in result.completed_scenarios]
    return out


def cmd_compare(args: argparse.Namespace) -> int:
    from ..comparison import compare

    check_output(args.output, [args.old, args.new])
    output_format(args, TEXT_OR_JSON)
    _, _q_old, before = _scored(args.old, args.questionnaire)
    answers, q, after = _scored(args.new, args.questionnaire)
    result = compare(before, after, q)
    if args.format == "json":
        from ..report.rows import model_json

        _write_out(model_json(result), args.output)
        return Exit.OK
    lang = args.lang or answers.language or _default_lang()
    _write_out("\n".join(comparison_lines(result, q, lang, before, after)) + "\n", args.output)
    return Exit.OK


def cmd_whatif(args: argparse.Namespace) -> int:
    from .._yaml import parse_yaml
    from ..errors import Issue, UsageError
    from ..explain import name_of
    from ..i18n import t
    from ..model.base import tr
    from ..whatif import what_if
    from ..written import number_of

    check_output(args.output, [args.answers])
    output_format(args, TEXT_OR_JSON)
    changes: dict[str, Any] = {}
    for item in args.set or []:
        ident, sep, text = item.partition("=")
        if not sep or not ident.strip() or not text.strip():
            raise UsageError(f"--set {item!r}: expected ID=VALUE, e.g. strategy.planning.roadmap=3",
                             [Issue(f"expected ID=VALUE with a value, got {item!r}", field="--set")])
        if ident.strip() in changes:  # never the last one silently
            raise UsageError(f"--set {ident.strip()}: given twice; give each question or target once",
                             [Issue("given twice", field=f"--set {ident.strip()}")])
        # the value is read as the answers file reads it: 85, 2+, n/a, yes, {a: fully}, [x, y]
        changes[ident.strip()] = parse_yaml(text, source=f"--set {ident.strip()}")
    answers, q, before = _scored(args.answers, args.questionnaire)
    result = what_if(before, changes, q)
    if args.format == "json":
        from ..report.rows import model_json

        _write_out(model_json(result, exclude={"assessment"}), args.output)
        return Exit.OK
    lang = args.lang or answers.language or _default_lang()
    out = comparison_lines(result.comparison, q, lang, before, result.assessment)
    if result.cleared or result.still_blocking:
        out.append("")
    for key, ids in (("whatif_cleared", result.cleared), ("whatif_still", result.still_blocking)):
        if ids:
            out.append(t(key, lang, names=", ".join(name_of(q, i, lang) for i in ids)))
    out += ["", t("whatif_answers", lang) + ":"]
    for c in result.answers:
        question = q.questions[c.question][2]
        values = ""
        if question.kind == "number":  # the figure itself, beside the level it reaches
            unit = tr(question.unit, lang) if question.unit else ""
            numbers = [number_of(v) for v in (c.before, c.after)]  # "0.5%" is 0.5
            shown = ["–" if x is None else f"{x:g}{unit}" for x in numbers]
            values = f"{shown[0]} → {shown[1]}, "
        levels = [t("tui_na", lang) if v == "n/a" else f"{t('level', lang)} {k}"  # n/a is no level 0
                  for v, k in ((c.before, c.level_before), (c.after, c.level_after))]
        if question.kind == "yesno":  # answered no → yes, not "level 0 → level 3" (a consultant)
            levels = [t("tui_na", lang) if v == "n/a" else "–" if v is None else t("yes" if v else "no", lang)
                      for v in (c.before, c.after)]
        out.append(f"  {tr(question.text, lang)} ({c.question}): {values}{levels[0]} → {levels[1]}")
    if not result.answers:
        out.append("  " + t("whatif_none", lang))
    out += ["", t("whatif_unchanged", lang, file=args.answers)]
    _write_out(printable_lines(out), args.output)
    return Exit.OK


def printable_lines(lines: list[str]) -> str:
    """Lines for the terminal or a file, with control characters in data made visible."""
    from ..printable import printable

    return "".join(printable(line) + "\n" for line in lines)


def cmd_history(args: argparse.Namespace) -> int:
    from ..errors import MaturityError
    from ..report import history as view
    from ..timeline import by_enterprise, history

    check_output(args.output, list(args.inputs))
    output_format(args, HISTORY_FORMATS)
    _once(list(args.inputs))
    scored = [_scored(path, args.questionnaire) for path in args.inputs]
    lang = args.lang or scored[-1][0].language or _default_lang()
    questionnaires = {id(a): q for _, q, a in scored}
    items, worst = [], Exit.OK
    for group, names in by_enterprise([a for _, _, a in scored], list(args.inputs)):
        try:
            items.append((history(group, names), questionnaires[id(group[0])]))
        except MaturityError as exc:
            for issue in exc.issues:
                _err(str(issue))
            worst = Exit.INVALID
    if not items:
        return worst
    if args.format == "json":
        from ..report.rows import model_json

        text = "[" + ",\n".join(model_json(h).rstrip("\n") for h, _ in items) + "]\n"
    elif args.format == "markdown":
        text = view.markdown(items, lang)
    elif args.format == "html":
        text = view.html(items, lang)
    else:
        rendered = _rich_text(view.terminal(items, lang), args.output)
        if rendered is None:
            return worst
        text = rendered
    _write_out(text, args.output)
    return worst
