"""``maturity validate``: questionnaires, answers files and the rows of tables, each with
its verdict (the one ``score`` gives it) and its warnings located at their answer."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._io import TABLE_SUFFIXES
from ..printable import one_line, printable
from .common import Exit, _default_lang, _err, _warn, note_survey_columns, warn_unread_tables


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
    from ..delivery import question_state
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
                for issue in _check_issues(raw, str(path), q, a.warnings, question_state(a), lang):
                    _warn(str(issue))
        except MaturityError as exc:
            _err(str(exc))
            worst = Exit.INVALID
    warn_unread_tables(tables)
    if count == 0:
        _err("no input files found")
        return Exit.INVALID
    return worst


def _check_issues(raw: Any, source: str, q: Any, warnings: Sequence[str],
                  states: Mapping[str, tuple[str, int]], lang: str) -> list[Any]:
    """The answers given but not scored (``warnings``: a follow-up its question does not
    open, an answer to a question that does not apply), then the consistency checks the
    answers set off (``states``: each question's status and level), each as a warning in
    the reader's language located at its answer: its line in a file (``raw``: the file as
    read), its cell in a table row (``source``: ``file.csv:ROW``).  The input is valid."""
    from .._yaml import locate
    from ..checking import fired
    from ..errors import Issue, Severity
    from ..explain import warning_text
    from ..i18n import t
    from ..model.base import tr
    from ..tabular import in_cells

    def at(qid: str, message: str, code: str) -> Issue:
        file, line, _ = locate(raw, ("answers", qid))
        return Issue(message, file=file or source, line=line, field=f"answers.{qid}",
                     path=("answers", qid), severity=Severity.WARNING, code=code)

    out = [at(w.partition(": ")[0], warning_text(q, w, lang), "ignored") for w in warnings]
    for f in fired(q.checks, dict(states)):
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
    """Every row of a table with the verdict ``score`` gives it (``batch.score_raw``) and
    the warnings an answers file gets, each at its cell (a consultant's CSV row of
    implausible answers said only "ok" where the same answers in YAML were warned about).
    The warnings come from the engine's numbers, as the row's score does: no result is
    built for them."""
    from ..batch import score_raw
    from ..engine import plan_for, resolve_production_type
    from ..inputs import iter_inputs
    from ..loading import answers_from_raw, questionnaire_for
    from ..normalise import check_answers
    from ..tabular import BadInput

    note_survey_columns([str(path)])
    worst = Exit.OK
    for item in iter_inputs([str(path)]):
        if isinstance(item.raw, BadInput):
            _err(item.raw.message)
            worst = Exit.INVALID
            continue
        row = score_raw(item.raw, item.source, None, questionnaire)
        if not row.ok:
            for line in row.errors:
                _err(line)
            worst = Exit.INVALID
            continue
        print(printable(f"{one_line(row.source)}: ok ({row.questionnaire}, "
                        f"{counted(row.answered, row.unanswered, row.not_applicable, row.answered_na)})"))
        answers = answers_from_raw(item.raw, item.source)  # valid: the row says so
        q = questionnaire_for(answers, questionnaire, shared=True)
        num = plan_for(q, resolve_production_type(q, answers.enterprise)).run(
            check_answers(q, answers), answers.enterprise, rows=True)
        states = {qid: (status, num.reached.get(qid, 0)) for qid, status in num.status.items()}
        for issue in _check_issues(item.raw, item.source, q, num.warnings, states,
                                   lang or answers.language or _default_lang()):
            _warn(str(issue))
    return worst
