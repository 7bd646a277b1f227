"""Batch scoring: many answers files (or CSV rows), streamed, in one or more processes.

``score_files(paths)`` yields one :class:`Row` per input, in input order, as soon as it
is scored; memory stays flat however many inputs there are (at most a bounded window of
work is in flight).  A bad input gives a row with its located errors and never stops the
batch (unless ``fail_fast``).  The CLI (``maturity score``) only renders the rows.

Speed: the fast YAML path (:func:`maturity._yaml.fast_parse`) and :class:`Plan`, a
scorer compiled per questionnaire that computes the same numbers as
:func:`maturity.scoring.score` without building the result models
(``tests/test_batch.py`` checks that they agree on generated questionnaires).
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import _yaml
from ._io import SCANNED_SUFFIXES
from .errors import MaturityError
from .model.answers import NA, AnswersFile, Enterprise
from .model.questionnaire import CmmmScoring, PointsScoring, Questionnaire
from .scoring import (
    EPS,
    _cmmm_target_level,
    _level_weights,
    _norm,
    _status,
    _weighted,
    cmmm_total,
    grade,
    level_gaps,
    rate,
    rated,
    requirement_met,
    resolve_production_type,
)
from .tabular import BadInput, csv_header, read_csv, read_xlsx
from .validation import Normalised, check_answers


@dataclass(frozen=True, slots=True)
class Row:
    """The result of one input: a score, or the errors that prevented it."""

    source: str
    """File path, ``-`` for stdin, or ``file.csv:ROW`` for a CSV row."""
    ok: bool
    questionnaire: str | None = None
    enterprise: tuple[tuple[str, str], ...] = ()
    """(field, value) pairs of the enterprise profile that were given."""
    assessed_on: str | None = None
    level: int | None = None
    level_id: str | None = None
    score: float | None = None
    score_max: float | None = None
    completeness: float | None = None
    answered: int = 0
    unanswered: int = 0
    not_applicable: int = 0
    dimensions: tuple[tuple[str, int, float | None], ...] = ()
    """(id, level, score); score ``None`` for a points-method dimension worth no points,
    which counts through the grade rules (the SME index's business scenarios)."""
    blocking: tuple[str, ...] = ()
    """Indicators keeping the total below the next grade, largest gap first (at most 5)."""
    indicators: tuple[tuple[str, int], ...] = ()
    """(indicator id, level), only when asked for (portfolio summaries)."""
    errors: tuple[str, ...] = ()
    """``file:line: field: message`` lines."""
    detail: dict[str, Any] | None = None
    """The full assessment as JSON data, when asked for (``--detail``)."""

    def enterprise_field(self, name: str) -> str:
        return dict(self.enterprise).get(name, "")


# --------------------------------------------------------------------------- compiled scorer


@dataclass
class _Numbers:
    level: int
    score: float
    score_max: float
    completeness: float
    counts: dict[str, int]
    dims: list[tuple[str, int, float]]
    blocking: list[str]
    indicators: list[tuple[str, int]] = field(default_factory=list)


class Plan:
    """A questionnaire compiled for fast scoring with one production type's weights."""

    def __init__(self, q: Questionnaire, ptype: str | None) -> None:
        self.q = q
        self.n = len(q.levels)
        self.ptype = ptype
        self.cmmm = isinstance(q.scoring, CmmmScoring)
        self.threshold = q.scoring.threshold if isinstance(q.scoring, CmmmScoring) else 0.8
        overrides: dict[str, float] = {}
        for pt in q.production_types:
            if pt.id == ptype:
                overrides = pt.weights
        referenced = set()
        for _, _, question in q.questions.values():
            for cond in (question.follow_up, question.applies.when if question.applies else None):
                if cond is not None:
                    referenced.add(cond.question)
        self.referenced = referenced
        self.dims = []
        for dim in q.dimensions:
            inds = []
            for ind in dim.indicators:
                iid = f"{dim.id}.{ind.id}"
                qs = []
                for question in ind.questions:
                    qid = f"{iid}.{question.id}"
                    conditional = question.follow_up is not None or question.applies is not None
                    qs.append((qid, question, overrides.get(qid, question.weight), conditional))
                inds.append((iid, overrides.get(iid, ind.weight), qs))
            self.dims.append((dim.id, overrides.get(dim.id, dim.weight), inds))

    def run(self, values: Mapping[str, Normalised], enterprise: Enterprise,
            indicators: bool = False) -> _Numbers:
        n, threshold = self.n, self.threshold
        status: dict[str, str] = {}
        counts = {"answered": 0, "unanswered": 0, "not_applicable": 0, "closed": 0}
        reached: dict[str, int] = {}
        dim_rows = []
        for did, dw, inds in self.dims:
            ind_rows = []
            for iid, iw, qs in inds:
                num = [0.0] * n
                den = [0.0] * n
                pts: list[tuple[float, float]] = []
                for qid, question, w, conditional in qs:
                    if conditional:
                        st = _status(question, qid, values, status, enterprise, self.ptype)
                    else:
                        v = values.get(qid)
                        st = "unanswered" if v is None else ("not_applicable" if v == NA else "answered")
                    if qid in self.referenced:
                        status[qid] = st
                    counts[st] += 1
                    if st == "not_applicable":
                        continue
                    ratings, frac, lvl = rate(question, values.get(qid) if st == "answered" else None,
                                              n, threshold)
                    reached[qid] = lvl
                    pts.append((w, frac))
                    if w > 0:
                        for lv, r in ratings.items():
                            num[lv - 1] += w * r
                            den[lv - 1] += w
                scores = [num[i] / den[i] if den[i] > 0 else None for i in range(n)]
                ind_rows.append((iid, iw, scores, pts))
            dim_rows.append((did, dw, ind_rows))
        askable = counts["answered"] + counts["unanswered"]
        completeness = counts["answered"] / askable if askable else 1.0
        if self.cmmm:
            out = self._cmmm(dim_rows, counts, completeness)
            if indicators:
                bands = self.q.scoring.bands
                scoring = self.q.scoring
                out.indicators = [(iid, grade(bands, cmmm_total(rated(scoring, shares), threshold)[0]))
                                  for _, _, inds in dim_rows for iid, _, shares, _ in inds]
            return out
        out = self._points(dim_rows, counts, completeness, status, reached)
        if indicators:
            bands, total = self.q.scoring.bands, self.q.scoring.total
            out.indicators = [
                (iid, grade(bands, total * sum(w * f for w, (_, f) in zip(_norm([w for w, _ in pts]), pts,
                                                                             strict=True))))
                for _, _, inds in dim_rows for iid, _, _, pts in inds]
        return out

    def _cmmm(self, dim_rows: list, counts: dict[str, int], completeness: float) -> _Numbers:
        n, threshold, scoring = self.n, self.threshold, self.q.scoring
        assert isinstance(scoring, CmmmScoring)
        bands = scoring.bands
        dims_out = []
        dim_parts = []
        for did, dw, ind_rows in dim_rows:
            shares = _weighted([(iw, sc) for _, iw, sc, _ in ind_rows], n)
            s, _ = cmmm_total(rated(scoring, shares), threshold)
            dims_out.append((did, grade(bands, s), s))
            dim_parts.append((dw, shares))
        total_shares = _weighted(dim_parts, n)
        total_scores = rated(scoring, total_shares)
        total, failing = cmmm_total(total_scores, threshold)
        level = grade(bands, total)
        blocking: list[str] = []
        if level < n:
            target = _cmmm_target_level(total_scores, failing)
            if target is not None:
                parts, ids = [], []
                for (_, dw, ind_rows), (_, dsh) in zip(dim_rows, dim_parts, strict=True):
                    if dsh[target - 1] is None:
                        continue
                    ind_parts = [(iw, sc) for _, iw, sc, _ in ind_rows]
                    for (iid, _, sc, _), iwn in zip(ind_rows, _level_weights(ind_parts, target - 1),
                                                    strict=True):
                        if iwn and sc[target - 1] is not None:
                            parts.append((dw * iwn, sc))
                            ids.append(iid)
                blocking = [iid for _, iid, _ in level_gaps(scoring, parts, ids, total_shares, target)[:5]]
        return _Numbers(level, total, float(n), completeness, counts, dims_out, blocking)

    def _points(self, dim_rows: list, counts: dict[str, int], completeness: float,
                status: Mapping[str, str], reached: Mapping[str, int]) -> _Numbers:
        scoring = self.q.scoring
        assert isinstance(scoring, PointsScoring)
        total_pts, bands = scoring.total, scoring.bands
        dfracs = []
        losses = []
        for _, dw, ind_rows in dim_rows:
            ifracs = []
            for iid, iw, _, pts in ind_rows:
                qw = _norm([w for w, _ in pts])
                frac = sum(w * f for w, (_, f) in zip(qw, pts, strict=True))
                ifracs.append((iw if pts else 0.0, frac, iid))
            iws = _norm([w for w, _, _ in ifracs])
            dfrac = sum(w * f for w, (_, f, _) in zip(iws, ifracs, strict=True))
            dfracs.append((dw if any(pts for _, _, _, pts in ind_rows) else 0.0, dfrac, iws, ifracs))
        dws = _norm([w for w, _, _, _ in dfracs])
        total = total_pts * sum(w * f for w, (_, f, _, _) in zip(dws, dfracs, strict=True))
        dims_out = []
        for (did, _, _), dwn, (_, dfrac, iws, ifracs) in zip(dim_rows, dws, dfracs, strict=True):
            # a dimension worth no points (the SME scenarios) counts through the grade rules
            dims_out.append((did, grade(bands, total_pts * dfrac), total_pts * dwn * dfrac if dwn else None))
            for iwn, (_, frac, iid) in zip(iws, ifracs, strict=True):
                loss = total_pts * dwn * iwn * (1 - frac)
                if loss > EPS:
                    losses.append((-loss, iid))
        level = grade(bands, total)
        earned = {did: pts or 0.0 for did, _, pts in dims_out}
        for (_, _, _), dwn, (_, _, iws, ifracs) in zip(dim_rows, dws, dfracs, strict=True):
            for iwn, (_, frac, iid) in zip(iws, ifracs, strict=True):
                earned[iid] = total_pts * dwn * iwn * frac
        for req in scoring.requirements:
            if not requirement_met(self.q, req, status_all(self.q, status, reached), reached, earned):
                level = min(level, req.level - 1)
        blocking = [iid for _, iid in sorted(losses)[:5]] if level < self.n else []
        return _Numbers(level, total, total_pts, completeness, counts, dims_out, blocking)


def status_all(q: Questionnaire, status: Mapping[str, str], reached: Mapping[str, int]
               ) -> dict[str, str]:
    """Statuses for requirement checks: questions left out of ``reached`` are not applicable."""
    return {qid: ("not_applicable" if qid not in reached else status.get(qid, "answered"))
            for qid in q.questions}


# --------------------------------------------------------------------------- one input


@lru_cache(maxsize=32)
def _questionnaire(ref: str) -> Questionnaire:
    from .loading import shared_questionnaire

    return shared_questionnaire(ref)


@lru_cache(maxsize=128)
def _plan(ref: str, ptype: str | None) -> Plan:
    return Plan(_questionnaire(ref), ptype)


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
        enterprise = answers.enterprise
        numbers = _plan(q.ref, resolve_production_type(q, enterprise)).run(values, enterprise, indicators)
    except (ValidationError, MaturityError, ValueError, TypeError, KeyError):
        return _slow_row(source, text, raw, questionnaire, indicators)
    assessed = answers.assessed_on
    return Row(
        source=source, ok=True, questionnaire=q.ref,
        enterprise=tuple((k, str(v)) for k, v in enterprise.model_dump(exclude_none=True).items()),
        assessed_on=assessed.isoformat() if assessed is not None else None,
        level=numbers.level, level_id=q.levels[numbers.level - 1].id if numbers.level else None,
        score=numbers.score, score_max=numbers.score_max, completeness=numbers.completeness,
        answered=numbers.counts["answered"], unanswered=numbers.counts["unanswered"],
        not_applicable=numbers.counts["not_applicable"], dimensions=tuple(numbers.dims),
        blocking=tuple(numbers.blocking), indicators=tuple(numbers.indicators))


def _slow_row(source: str, text: str | None, raw: Any, questionnaire: str | None,
              indicators: bool = False, detail: bool = False) -> Row:
    """Full validation with located errors; scores with the reference engine if it is valid."""
    from .loading import answers_from_raw, questionnaire_for
    from .scoring import assess

    try:
        located = _yaml.parse_yaml(text, source) if text is not None else raw
        answers = answers_from_raw(located, source)
        q = questionnaire_for(answers, questionnaire)
        a = assess(q, answers)
    except MaturityError as exc:
        return Row(source=source, ok=False, errors=tuple(str(i) for i in exc.issues) or (str(exc),))
    ent = a.enterprise.model_dump(exclude_none=True)
    blocking = tuple(s.indicator for s in a.next_level.shortfalls[:5]) if a.next_level else ()
    return Row(
        source=source, ok=True, questionnaire=a.questionnaire,
        enterprise=tuple((k, str(v)) for k, v in ent.items()),
        assessed_on=a.assessed_on.isoformat() if a.assessed_on else None,
        level=a.level, level_id=q.levels[a.level - 1].id if a.level else None,
        score=a.score, score_max=a.score_max, completeness=a.completeness,
        answered=a.answered, unanswered=a.unanswered, not_applicable=a.not_applicable,
        dimensions=tuple((d.id, d.level, d.score if d.score_max or a.method == "cmmm" else None)
                         for d in a.dimensions), blocking=blocking,
        indicators=tuple((i.id, i.level) for d in a.dimensions for i in d.indicators) if indicators else (),
        detail=a.model_dump(mode="json") if detail else None)


def score_path(path: str, questionnaire: str | None = None, indicators: bool = False,
               detail: bool = False) -> Row:
    """Read, parse and score one answers file (the unit of work of a batch)."""
    from .errors import InputFileError

    try:
        text = _yaml.read_text(Path(path)) if path != "-" else _yaml.decode(sys.stdin.buffer.read(), "-")
        raw = _yaml.fast_parse(text, path)
        if raw is None:
            raise InputFileError(f"{path}: empty", [_issue("file is empty", path, 1)])
    except MaturityError as exc:
        return Row(source=path, ok=False, errors=tuple(str(i) for i in exc.issues) or (str(exc),))
    return score_raw(raw, path, text, questionnaire, indicators, detail)


def _issue(message: str, file: str, line: int | None) -> Any:
    from .errors import Issue

    return Issue(message, file=file, line=line)


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class Item:
    """One unit of work: a file path, or one CSV row already turned into answers."""

    source: str
    path: str | None = None
    raw: Any = None


def iter_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Files, directories (recursive, ``*.yaml``/``*.yml``, sorted), globs, ``-`` and CSV files."""
    for arg in paths:
        if arg == "-":
            yield Item("-", path="-")
            continue
        p = Path(arg)
        if p.is_dir():
            yield from (Item(str(f), path=str(f)) for f in walk(p))
        elif p.suffix.lower() == ".csv" and p.is_file():
            yield from (Item(src, raw=raw) for src, raw in read_csv(p))
        elif p.suffix.lower() == ".xlsx" and p.is_file():
            yield from (Item(src, raw=raw) for src, raw in read_xlsx(p))
        elif not p.exists() and glob.has_magic(arg):
            for match in sorted(glob.iglob(arg, recursive=True)):
                yield from iter_inputs([match])
        else:
            yield Item(str(p), path=str(p))


def walk(root: Path) -> Iterator[Path]:
    """Depth-first, each directory sorted, lazily (a huge tree is never listed whole)."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        elif entry.name.endswith(SCANNED_SUFFIXES) and (
                entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))):
            yield Path(entry.path)  # a dangling link becomes an error row, never a silent skip


def _work(item: Item, questionnaire: str | None, indicators: bool = False, detail: bool = False) -> Row:
    if isinstance(item.raw, BadInput):
        return Row(source=item.source, ok=False, errors=(item.raw.message,))
    if item.raw is not None:
        if "questionnaire" not in item.raw and questionnaire is None:
            return Row(source=item.source, ok=False,
                       errors=(f"{item.source}: no questionnaire column and no --questionnaire",))
        raw = dict(item.raw)
        raw.setdefault("questionnaire", questionnaire)
        return score_raw(raw, item.source, None, questionnaire, indicators, detail)
    return score_path(item.path or item.source, questionnaire, indicators, detail)


def _work_chunk(items: list[Item], questionnaire: str | None, indicators: bool, detail: bool
                ) -> list[Row]:
    return [_work(item, questionnaire, indicators, detail) for item in items]


# --------------------------------------------------------------------------- the batch


def score_files(paths: Iterable[str], questionnaire: str | None = None, jobs: int = 1,
                progress: Callable[[int, Row], None] | None = None, fail_fast: bool = False,
                chunk: int = 64, indicators: bool = False, detail: bool = False) -> Iterator[Row]:
    """Score every input lazily, in input order.

    ``jobs`` > 1 scores in that many processes, keeping a bounded window of chunks in
    flight so memory stays flat; ``progress(done, row)`` is called after each row.
    """
    rows = _rows(iter_inputs(paths), questionnaire, jobs, chunk, indicators, detail)
    for done, row in enumerate(rows, start=1):
        if progress:
            progress(done, row)
        yield row
        if fail_fast and not row.ok:
            return


def _rows(items: Iterator[Item], questionnaire: str | None, jobs: int, chunk: int,
          indicators: bool, detail: bool) -> Iterator[Row]:
    """Rows in input order, scored here or in ``jobs`` processes (bounded work in flight)."""
    if jobs <= 1:
        for item in items:
            yield _work(item, questionnaire, indicators, detail)
        return
    window = jobs * 4
    pending: list[Future[list[Row]]] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < window:
                    batch = _take(items, chunk)
                    if not batch:
                        exhausted = True
                        break
                    pending.append(pool.submit(_work_chunk, batch, questionnaire, indicators, detail))
                if not pending:
                    return
                yield from pending.pop(0).result()
        finally:
            for f in pending:
                f.cancel()


def _take(items: Iterator[Item], n: int) -> list[Item]:
    out = []
    for item in items:
        out.append(item)
        if len(out) >= n:
            break
    return out


def count_inputs(paths: Sequence[str]) -> int | None:
    """Number of inputs, for a progress bar; ``None`` if counting would be expensive (stdin)."""
    if "-" in paths:
        return None
    return sum(1 for _ in iter_inputs(paths))


__all__ = ["Plan", "Row", "count_inputs", "csv_header", "iter_inputs", "score_files", "score_path"]


