"""Batch scoring: many answers files (or CSV rows), streamed, in one or more processes.

``score_files(paths)`` yields one :class:`Row` per input, in input order, as soon as it
is scored; memory stays flat however many inputs there are (at most a bounded window of
work is in flight).  A bad input gives a row with its located errors and never stops the
batch (unless ``fail_fast``).  The CLI (``maturity score``) only renders the rows.

Speed: the fast YAML path (:func:`maturity._yaml.fast_parse`), and the engine's
compiled plan (:mod:`maturity.engine`), whose numbers the rows take directly, without
building the result models.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from . import _yaml
from ._read import read_text
from .columns import settle_texts
from .engine import plan_for, resolve_production_type
from .errors import MaturityError
from .inputs import Item, iter_inputs
from .model.answers import AnswersFile
from .model.questionnaire import MeanScoring, PointsScoring, Questionnaire
from .normalise import Normalised, check_answers
from .numbers import Numbers
from .rating import answered_na, unrated_item_ids
from .shortfall import gaps
from .tabular import BadInput, csv_header, in_cells

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Row:
    """The result of one input: a score, or the errors that prevented it."""

    source: str
    """File path, ``-`` for stdin, or ``file.csv:ROW`` for a CSV row."""
    ok: bool
    questionnaire: str | None = None
    questionnaire_file: str | None = None
    """The file the questionnaire was read from: a portfolio finds it again by file where its
    id is installed nowhere (an index kept beside its answers, or given as ``-q FILE``)."""
    enterprise: tuple[tuple[str, Any], ...] = ()
    """(field, value) pairs of the enterprise profile that were given, typed as in the answers
    (``energy_intensive`` a bool, ``run_elsewhere`` a tuple of ids; the rest text)."""
    assessed_on: str | None = None
    level: int | None = None
    level_id: str | None = None
    score: float | None = None
    score_max: float | None = None
    completeness: float | None = None
    answered: int = 0
    unanswered: int = 0
    not_applicable: int = 0
    unrated: int = 0
    """Checklist items of answered questions left unrated (they count as not met)."""
    answered_na: int = 0
    """Of ``not_applicable``, the questions answered n/a; the rest are left out by the
    enterprise's production type or industry, or by an earlier answer (a follow-up of a
    question answered n/a or no)."""
    dimensions: tuple[tuple[str, int, float | None], ...] = ()
    """(id, level, score); score ``None`` for a points-method dimension worth no points,
    which counts through the grade rules (the SME index's business scenarios)."""
    blocking: tuple[str, ...] = ()
    """Indicators keeping the total below the next grade, largest gap first (at most 5)."""
    indicators: tuple[tuple[str, int], ...] = ()
    """(indicator id, level), only when asked for (portfolio summaries)."""
    largest: tuple[str, ...] = ()
    """The three largest gaps and every gap tied with the third, only when ``indicators``
    are asked for: a portfolio counts these (an alphabetical cut among equal gaps tilted
    its "most common blocking" towards the ids that sort first)."""
    errors: tuple[str, ...] = ()
    """``file:line: field: message`` lines."""
    detail: dict[str, Any] | None = None
    """The full assessment as JSON data, when asked for (``--detail``)."""

    @property
    def blank(self) -> bool:
        """Scored, but no question answered, not even n/a (a survey returned blank): its
        grade says nothing of the enterprise (warned about; left out of a portfolio)."""
        return self.ok and self.answered == 0 and not self.answered_na

    def enterprise_field(self, name: str) -> str:
        """One profile field as text (a list joined with "; ")."""
        return profile_text(dict(self.enterprise).get(name, ""))


def profile_text(value: Any) -> str:
    """A profile value as a table cell: a list as "a; b", anything else as ``str``."""
    return "; ".join(value) if isinstance(value, tuple | list) else str(value)


# --------------------------------------------------------------------------- one input


@lru_cache(maxsize=32)
def _questionnaire(ref: str) -> Questionnaire:
    from .loading import shared_questionnaire

    return shared_questionnaire(ref)


def score_raw(raw: Any, source: str, text: str | None, questionnaire: str | None = None,
              indicators: bool = False, detail: bool = False) -> Row:
    """Score already-parsed answers; on any problem, re-check the located way for messages.

    Whether a file is accepted is decided by the same model and the same checks as
    ``validate`` and the library (:class:`AnswersFile`, :func:`check_answers`); the fast
    path only skips finding line numbers, which it leaves to the located path when there
    is an error to locate.
    """
    if detail:
        return _slow_row(source, text, raw, questionnaire, indicators, detail=True)
    try:
        answers = AnswersFile.model_validate(raw)
        q = _questionnaire(questionnaire or answers.questionnaire)
        values = check_answers(q, answers)
    except (ValidationError, MaturityError, ValueError, TypeError, KeyError):
        return _slow_row(source, text, raw, questionnaire, indicators)
    return _row(source, q, answers, values, indicators)


def _slow_row(source: str, text: str | None, raw: Any, questionnaire: str | None,
              indicators: bool = False, detail: bool = False) -> Row:
    """Full validation with located errors, then the same scoring as the fast path."""
    from .loading import answers_from_raw, questionnaire_for

    try:
        located = _yaml.parse_yaml(text, source) if text is not None else raw
        answers = answers_from_raw(located, source)
        q = questionnaire_for(answers, questionnaire, shared=True)
        values = check_answers(q, answers)
    except MaturityError as exc:
        errors = tuple(str(i) for i in in_cells(raw, exc.issues))  # a table row's: at their cells
        return Row(source=source, ok=False, errors=errors or (str(exc),), enterprise=named(raw))
    return _row(source, q, answers, values, indicators, detail)


def named(raw: Any) -> tuple[tuple[str, str], ...]:
    """The enterprise's name and id from answers that failed, where they are plain text: an
    error row of a table then says whose row it is, not only its number."""
    ent = raw.get("enterprise") if isinstance(raw, dict) else None
    if not isinstance(ent, dict):
        return ()
    return tuple((k, ent[k]) for k in ("name", "id") if isinstance(ent.get(k), str) and ent[k].strip())


def _row(source: str, q: Questionnaire, answers: AnswersFile, values: Mapping[str, Normalised],
         indicators: bool = False, detail: bool = False) -> Row:
    """The row of checked answers: the engine's numbers, and the full result if asked."""
    enterprise = answers.enterprise
    plan = plan_for(q, resolve_production_type(q, enterprise))
    num = plan.run(values, enterprise, rows=detail)
    full = None
    if detail:  # the full result from the same numbers, not a second scoring
        from .scoring import build, with_file

        full = with_file(build(plan, num, values, enterprise, answers.assessed_on), answers) \
            .model_dump(mode="json")
    assessed = answers.assessed_on
    na = num.counts["not_applicable"]
    held = gaps(q, num)
    return Row(
        source=source, ok=True, questionnaire=q.ref, questionnaire_file=q._file,
        enterprise=tuple((k, tuple(v) if isinstance(v, list) else v)  # typed: JSON keeps false a false
                         for k, v in enterprise.model_dump(exclude_defaults=True).items()),
        assessed_on=assessed.isoformat() if assessed is not None else None,
        level=num.level, level_id=q.levels[num.level - 1].id if num.level else None,
        score=num.score, score_max=num.score_max, completeness=num.completeness,
        answered=num.counts["answered"], unanswered=num.counts["unanswered"],
        unrated=len(unrated_item_ids(q, values, num.status)),
        not_applicable=na, dimensions=dimension_cells(q, num),
        answered_na=answered_na(num.status, values) if na else 0,
        blocking=tuple(g[1] for g in held[:5]),
        indicators=tuple((c.id, c.level) for d in num.dims for c in d.children) if indicators else (),
        largest=tuple(g[1] for g in held if g[0] >= held[min(2, len(held) - 1)][0] - 1e-9)
        if indicators else (),
        detail=full)


def dimension_cells(q: Questionnaire, num: Numbers) -> tuple[tuple[str, int, float | None], ...]:
    """(id, level, score) per dimension; under the points method a dimension worth no
    points (the SME scenarios, which count through the grade rules) has score ``None``."""
    points = isinstance(q.scoring, PointsScoring) and not isinstance(q.scoring, MeanScoring)
    return tuple((d.id, d.level, None if points and not d.norm else d.score) for d in num.dims)


def score_path(path: str, questionnaire: str | None = None, indicators: bool = False,
               detail: bool = False) -> Row:
    """Read, parse and score one answers file (the unit of work of a batch)."""
    from .errors import InputFileError

    try:
        text = read_text(path)  # "-": standard input
        raw = _yaml.fast_parse(text, path)
        if raw is None:
            raise InputFileError(f"{path}: empty", [_issue("file is empty", path, 1)])
    except MaturityError as exc:
        return Row(source=path, ok=False, errors=tuple(str(i) for i in exc.issues) or (str(exc),))
    return score_raw(raw, path, text, questionnaire, indicators, detail)


def _issue(message: str, file: str, line: int | None) -> Any:
    from .errors import Issue

    return Issue(message, file=file, line=line)


def item_problem(item: Item, questionnaire: str | None) -> str | None:
    """Why a table row cannot be read at all (a broken row, no questionnaire), else None."""
    if isinstance(item.raw, BadInput):
        return item.raw.message
    if item.raw is not None and "questionnaire" not in item.raw and questionnaire is None:
        return (f"{item.source}: no questionnaire for this row (no questionnaire column, or its "
                "cell is empty; e.g. general@2) and no --questionnaire")
    return None


def _work(item: Item, questionnaire: str | None, indicators: bool = False, detail: bool = False) -> Row:
    problem = item_problem(item, questionnaire)
    if problem is not None:
        return Row(source=item.source, ok=False, errors=(problem,), enterprise=named(item.raw))
    if item.raw is not None:
        raw = item.raw.copy()  # a table row keeps the column of each field, for its errors
        raw.setdefault("questionnaire", questionnaire)
        settle_texts(raw)
        return score_raw(raw, item.source, None, questionnaire, indicators, detail)
    return score_path(item.path or item.source, questionnaire, indicators, detail)


# --------------------------------------------------------------------------- the batch


def score_files(paths: Iterable[str], questionnaire: str | None = None, jobs: int = 1,
                progress: Callable[[int, Row], None] | None = None, fail_fast: bool = False,
                chunk: int = 64, indicators: bool = False, detail: bool = False,
                tables: list[str] | None = None) -> Iterator[Row]:
    """Score every input lazily, in input order.

    ``jobs`` > 1 scores in that many processes, keeping a bounded window of chunks in
    flight so memory stays flat (``usable_jobs``); ``progress(done, row)`` is called after
    each row; ``tables`` collects the tables met in directories, which are not read.
    """
    paths = list(paths)
    rows = _rows(iter_inputs(paths, tables=tables), questionnaire, usable_jobs(paths, jobs), chunk,
                 indicators, detail)
    for done, row in enumerate(rows, start=1):
        if progress:
            progress(done, row)
        yield row
        if fail_fast and not row.ok:
            return


def usable_jobs(paths: Sequence[str], jobs: int) -> int:
    """The processes a batch over ``paths`` can use: one where ``-`` (standard input) is
    among them, since worker processes start with standard input closed."""
    return 1 if "-" in paths else jobs


def _rows(items: Iterator[Item], questionnaire: str | None, jobs: int, chunk: int,
          indicators: bool, detail: bool) -> Iterator[Row]:
    """Rows in input order, scored here or in ``jobs`` processes (bounded work in flight)."""
    work = partial(_work, questionnaire=questionnaire, indicators=indicators, detail=detail)
    return in_order(items, work, jobs, chunk, warm=partial(_warm, questionnaire=questionnaire))


def _warm(item: Item, questionnaire: str | None) -> None:
    """Load and compile, in the parent, the questionnaire the first input names, and build
    the answers model's validator (deferred until first used), so that the worker processes
    fork with them instead of each making them again."""
    try:
        raw = item.raw if item.raw is not None else _yaml.fast_parse(
            read_text(item.path or item.source), item.source)
        ref = questionnaire
        if ref is None:
            ref = raw.get("questionnaire") if isinstance(raw, dict) else None
        if isinstance(ref, str):
            q = _questionnaire(ref)
            for ptype in (None, *(p.id for p in q.production_types)):
                plan_for(q, ptype)
        if isinstance(raw, dict):
            AnswersFile.model_validate(raw)
    except (MaturityError, OSError, ValueError, TypeError):
        pass  # the worker that scores the input reports it


def in_order(items: Iterator[T], work: Callable[[T], R], jobs: int = 1, chunk: int = 64,
             warm: Callable[[T], None] | None = None) -> Iterator[R]:
    """``work(item)`` for every item, lazily and in input order: here, or in ``jobs``
    processes with at most ``4 × jobs`` chunks in flight, so memory stays flat however many
    items there are.  ``work`` must pickle (a top-level function or a partial of one).
    ``warm(first item)`` runs here before the processes start (they fork with what it
    loads)."""
    if jobs <= 1:
        yield from map(work, items)
        return
    from concurrent.futures import ProcessPoolExecutor  # its import is 5 % of a start-up

    window = jobs * 4
    pending: list[Future[list[R]]] = []
    first = _take(items, 1)
    if first and warm is not None:
        warm(first[0])
    items = itertools.chain(first, items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < window:
                    batch = _take(items, chunk)
                    if not batch:
                        exhausted = True
                        break
                    pending.append(pool.submit(_map_chunk, work, batch))
                if not pending:
                    return
                yield from pending.pop(0).result()
        finally:
            for f in pending:
                f.cancel()


def _map_chunk(work: Callable[[T], R], items: list[T]) -> list[R]:
    return [work(item) for item in items]


def _take(items: Iterator[T], n: int) -> list[T]:
    out = []
    for item in items:
        out.append(item)
        if len(out) >= n:
            break
    return out


__all__ = ["Row", "csv_header", "in_order", "score_files", "score_path"]


