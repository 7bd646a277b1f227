"""The compiled engine: the only code that turns checked answers into ratings, levels
and scores (with :mod:`maturity.points`, its roll-up for the points and mean methods).

A questionnaire with one production type's weights is compiled once into a
:class:`Plan`.  :meth:`Plan.run` returns the plain numbers (:class:`Numbers`: statuses,
per-question ratings, per-node shares and scores, grade); ``maturity.scoring`` builds the
pydantic :class:`~maturity.model.Assessment` from them, the batch builds its rows from
them, and the diagnosis re-scores through them without building models.  The rules are
in ``docs/methodology.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import groups, points
from .model.answers import NA, Enterprise
from .model.questionnaire import CmmmScoring, Questionnaire, QuestionT
from .normalise import Normalised, PartLevel
from .numbers import Numbers, Part, QRow
from .rating import (
    cmmm_total,
    grade,
    rate,
    resolve_production_type,
    status_of,
    weighted,
    weighted_by_level,
)

_REPEATING = frozenset({int, bool, str, PartLevel, frozenset, type(None)})
"""Classes of answers that repeat across enterprises (a level, ``k+``, yes/no, a choice, no
answer): their ratings are kept per plan.  A number or a checklist is rated each time."""

CACHE = 50_000
"""Entries each memo of a plan keeps before it starts afresh (bounded memory in a batch)."""



IGNORED_NA = ": answer ignored, the question does not apply"
IGNORED_CLOSED = ": answer ignored, {parent} does not open this follow-up"
"""The two warnings of an answer that is not scored, after its question id (the report
says them in the reader's language: ``explain.warning_text``)."""

@dataclass(slots=True)
class _Seen:
    """What the memo keeps of one indicator's answers."""

    answers: tuple[Any, ...]
    """The answer objects of the key: kept alive, so that their ids are not reused while
    the entry lives."""
    statuses: dict[str, str]
    rows: list[QRow]
    """Shared, never changed."""
    reached: dict[str, int]
    numbers: tuple | None = None
    """Shares, scores, score, failing level, maximum and level, once computed."""


class Plan:
    """A questionnaire compiled with one production type's weights."""

    def __init__(self, q: Questionnaire, ptype: str | None) -> None:
        self.q = q
        self.n = len(q.levels)
        self.ptype = ptype
        scoring = q.scoring
        self.cmmm = isinstance(scoring, CmmmScoring)
        self.threshold = scoring.threshold if isinstance(scoring, CmmmScoring) else 0.8
        self.up_to = scoring.elsewhere_up_to if isinstance(scoring, CmmmScoring) else None
        """Levels above this are out of scope in the indicators of functions others run."""
        if isinstance(scoring, CmmmScoring):  # what :meth:`levels_of` reads, looked up once
            same = scoring.met_share is None or scoring.met_share == scoring.threshold
            self._scale: Callable[[list[float | None]], list[float | None]] = \
                list if same else scoring.ratings
            self._bands = scoring.bands
        overrides: dict[str, float] = {}
        for pt in q.production_types:
            if pt.id == ptype:
                overrides = pt.weights
        self.profile = ptype if overrides else None
        self._memo: dict[tuple, _Seen] = {}
        """An indicator's answers (``deps``), by identity → what they rate.  The path search
        re-scores variants of one answer set that share most answer objects; building
        value keys cost more than the scoring they saved."""
        self._rolled: dict[tuple[int, ...], tuple[tuple[Any, ...], list[float | None]]] = {}
        """A dimension's indicator shares, by the identity of each list → its shares
        (:meth:`total`: the path search changes one or two indicators at a time, so the
        other dimensions roll up from the very same lists; each entry keeps its lists, so
        their ids are not reused while it lives and a hit is always the same lists)."""
        self._by_rows: dict[tuple, tuple[list[QRow], tuple]] = {}
        """An indicator's rows, by identity → its numbers (:meth:`_cmmm`), for indicators
        whose every row is a shared one of ``_rated``: the enterprises of a batch give the
        same answers again and again, so most indicators' numbers repeat.  Each entry keeps
        its rows, so their ids are not reused while it lives."""
        self._rated: dict[tuple[str, Any], QRow] = {}
        """(question, answer) → its row (what :func:`maturity.rating.rate` makes of it, with
        the question's weight in this plan), shared: rows are never changed."""
        self.dims = []
        self.deps: dict[str, tuple[str, ...]] = {}
        """Indicator → the questions whose answers its statuses and ratings depend on: its
        own, and those its conditions refer to, transitively (the memo's key)."""
        refs = {qid: [c.question for c in (x.follow_up, x.applies.when if x.applies else None) if c]
                for qid, (_, _, x) in q.questions.items()}
        for dim in q.dimensions:
            inds = []
            for ind in dim.indicators:
                iid = f"{dim.id}.{ind.id}"
                qs = []
                for question in ind.questions:
                    qid = f"{iid}.{question.id}"
                    conditional = question.follow_up is not None or question.applies is not None
                    # a number is rated each time, whatever class its value has (a whole number is
                    # an int since answers are checked so): distinct enterprises rarely repeat one,
                    # and their shared rows filled the memos a batch keeps (summary memory at 10·N)
                    qs.append((qid, question, overrides.get(qid, question.weight), conditional,
                               question.kind != "number"))
                inds.append((iid, overrides.get(iid, ind.weight), qs))
                deps: dict[str, None] = {}
                todo = [qid for qid, *_ in qs]
                while todo:
                    qid = todo.pop()
                    if qid not in deps:
                        deps[qid] = None
                        todo += refs.get(qid, [])
                self.deps[iid] = tuple(deps)
            self.dims.append((dim.id, overrides.get(dim.id, dim.weight), inds))
        own = {iid: {qid for qid, *_ in qs} for _, _, inds in self.dims for iid, _, qs in inds}
        self.affected = {iid: frozenset(other for other, deps in self.deps.items()
                                        if other == iid or own[iid] & set(deps)) for iid in own}
        """Indicator → the indicators whose numbers a change of its answers can move: itself
        and those whose conditions refer to its questions (:meth:`total`)."""
        self.isolated = frozenset(iid for iid in own if self.affected[iid] == {iid})
        """Indicators on whose answers nothing else depends: in a plan of such indicators,
        each can be improved and re-scored on its own (what their conditions read lies
        outside the plan, so it keeps its answers)."""
        self.inds = {iid: qs for _, _, inds in self.dims for iid, _, qs in inds}
        self.dimension = {dim.id: dim for dim in q.dimensions}
        """Dimension id → its definition (names for the results, looked up once)."""
        self.trees = {f"{dim.id}.{ind.id}": groups.tree(ind.groups, ind.questions, f"{dim.id}.{ind.id}",
                                                        overrides)
                      for dim in q.dimensions for ind in dim.indicators if ind.groups}
        """Indicator → its groups as (path, weight, children): children are groups or question
        ids.  An indicator with groups rolls up through them (:meth:`_shares`,
        :func:`maturity.points.roll_up`)."""
        order = {qid: k for k, qid in enumerate(q.questions)}
        self._outside = {iid: [(qid, q.questions[qid][2]) for qid in sorted(deps, key=order.__getitem__)
                               if qid not in own[iid]] for iid, deps in self.deps.items()}
        """Indicator → the questions of other indicators its conditions read, in order."""

    def out_of_scope(self, enterprise: Enterprise) -> frozenset[str]:
        """The indicators whose requirements above ``up_to`` are out of scope for this
        enterprise: those of the functions it says others run for it."""
        if self.up_to is None or not enterprise.run_elsewhere:
            return frozenset()
        return frozenset(self.q.run_elsewhere(enterprise))

    def run(self, values: Mapping[str, Normalised], enterprise: Enterprise, rows: bool = False,
            memo: bool = False) -> Numbers:
        """Score checked answers.  ``rows`` keeps the per-question rows and the warnings;
        ``memo`` reuses what earlier runs computed for the same answer objects (for callers
        that re-score variants of one answer set, like the path search; a batch of distinct
        enterprises gains nothing from it; with ``rows`` it is not used).  The answers must
        not be changed in place afterwards: the memo knows them by identity."""
        n = self.n
        memo = memo and not rows  # a hit skips the questions, and so their warnings
        status: dict[str, str] = {}
        reached: dict[str, int] = {}
        warnings: list[str] = []
        dims: list[Part] = []
        if len(self._memo) > CACHE:
            self._memo.clear()
        if len(self._rated) > CACHE:
            self._rated.clear()
        if len(self._by_rows) > CACHE:
            self._by_rows.clear()
        cut = self.out_of_scope(enterprise)
        for did, dw, inds in self.dims:
            children = []
            for iid, iw, qs in inds:
                key = None
                if memo:  # the same answer objects rate the same: reuse statuses and rows
                    answers = tuple(map(values.get, self.deps[iid]))
                    key = (iid, enterprise.industry, iid in cut, *map(id, answers))
                    seen = self._memo.get(key)
                    if seen is not None:
                        status.update(seen.statuses)
                        reached.update(seen.reached)
                        children.append(Part(iid, iw, bool(seen.rows), rows=seen.rows, sig=key))
                        continue
                qrows, mine, shared = self._questions(qs, values, enterprise, status,
                                                      warnings if rows else None, reached)
                if key is not None:
                    self._memo[key] = _Seen(answers, mine, qrows, {r.id: r.reached for r in qrows})
                elif shared:  # known by its rows (:meth:`_cmmm`)
                    key = (iid, iid in cut, *map(id, qrows))
                children.append(Part(iid, iw, bool(qrows), rows=qrows, sig=key))
            dims.append(Part(did, dw, any(c.applicable for c in children), children=children))
        counts = dict.fromkeys(("answered", "unanswered", "not_applicable", "closed"), 0)
        counts.update(Counter(status.values()))
        askable = counts["answered"] + counts["unanswered"]
        completeness = counts["answered"] / askable if askable else 1.0
        whole = Part("", 1.0, any(d.applicable for d in dims), children=dims)
        out = Numbers(0, 0.0, float(n), completeness, counts, status, reached, whole, warnings)
        if self.cmmm:
            self._cmmm(out, memo, cut)
        else:
            points.roll_up(self, out)
        if not rows:
            for d in dims:
                for c in d.children:
                    c.rows = []
        return out

    def _questions(self, qs: list[tuple[str, QuestionT, float, bool, bool]], values: Mapping[str, Normalised],
                   enterprise: Enterprise, status: dict[str, str], warnings: list[str] | None,
                   reached: dict[str, int] | None = None) -> tuple[list[QRow], dict[str, str], bool]:
        """One indicator's questions: the rows of those that take part, every status (also
        written to ``status``, which later conditions read) and whether every row is a
        shared one of ``_rated``; ``warnings`` collects answers that are ignored, and
        ``reached`` the level each row reaches."""
        n, threshold, rated = self.n, self.threshold, self._rated
        qrows: list[QRow] = []
        shared = True
        mine: dict[str, str] = {}
        for qid, question, w, conditional, repeats in qs:
            v = values.get(qid)
            if conditional:
                st = status_of(question, qid, values, status, enterprise, self.ptype)
            else:
                st = "unanswered" if v is None else ("not_applicable" if v == NA else "answered")
            status[qid] = mine[qid] = st
            if st == "not_applicable":
                if warnings is not None and v is not None and v != NA:
                    warnings.append(f"{qid}{IGNORED_NA}")
                continue
            if warnings is not None and st == "closed" and v is not None:
                warnings.append(f"{qid}{IGNORED_CLOSED.format(parent=question.follow_up.question)}")  # type: ignore[union-attr]
            value = v if st == "answered" else None
            if repeats and value.__class__ in _REPEATING:  # levels 0-5, yes/no, choices: one row each
                try:
                    row = rated[qid, value]
                except KeyError:
                    row = rated[qid, value] = QRow(qid, w, *rate(question, value, n, threshold))
            else:  # checklists, numbers: rarely the same twice
                row = QRow(qid, w, *rate(question, value, n, threshold))
                shared = False
            qrows.append(row)
            if reached is not None:
                reached[qid] = row.reached
        return qrows, mine, shared

    def indicator_shares(self, iid: str, values: Mapping[str, Normalised],
                         enterprise: Enterprise) -> list[float | None]:
        """CMMM: the share of each level's requirements met in one indicator, as
        :meth:`run` computes it, without scoring the rest."""
        status: dict[str, str] = {}
        for qid, question in self._outside[iid]:  # what its conditions read, in order
            status[qid] = status_of(question, qid, values, status, enterprise, self.ptype)
        qrows, _, _ = self._questions(self.inds[iid], values, enterprise, status, None)
        return self._shares(qrows, iid, iid in self.out_of_scope(enterprise))

    def total(self, shares: Mapping[str, list[float | None]], cut: frozenset[str]) -> tuple[int, float]:
        """CMMM: ``(level, score)`` of the whole from every indicator's shares, rolled up
        exactly as :meth:`run` does (``cut``: :meth:`out_of_scope` of the enterprise)."""
        part = Part("", 1.0, True)
        self.levels_of(part, self._rollup([[(iw, shares[iid]) for iid, iw, _ in inds]
                                          for _, _, inds in self.dims], memo=True,
                                          scope=self._scope(cut, shares))[1])
        return part.level, part.score

    def _scope(self, cut: frozenset[str], shares: Mapping[str, list[float | None]]
               ) -> list[list[float]] | None:
        """Per dimension and level, the share of its weight in scope: above ``up_to``, the
        weight of its indicators that others do not run, over that of all its indicators
        that take part, i.e. have a requirement in scope at some level (``methodology.md``
        §1a).  A function another company runs leaves its dimension's weight at levels 4-5
        with the plant's other dimensions, instead of on the one indicator of the dimension
        that the plant still runs (a group plant's business operations at level 4 were its
        budgeting question alone)."""
        if not cut or self.up_to is None:
            return None
        up_to, n = self.up_to, self.n
        out = []
        for _, _, inds in self.dims:
            total = kept = 0.0
            for iid, iw, _ in inds:
                if iw > 0 and any(x is not None for x in shares[iid]):
                    total += iw
                    if iid not in cut:
                        kept += iw
            f = kept / total if total else 1.0
            out.append([1.0] * up_to + [f] * (n - up_to))
        return out

    def _rollup(self, children: list[list[tuple[float, list[float | None]]]], memo: bool = False,
                scope: list[list[float]] | None = None
                ) -> tuple[list[list[float | None]], list[float | None]]:
        """Per-dimension shares from their indicators' (weight, shares), and the whole's
        (``memo``: a dimension whose share lists are the very ones of an earlier call is
        not rolled up again; ``scope``: :meth:`_scope`)."""
        n, rolled = self.n, self._rolled
        if memo and len(rolled) > CACHE:
            rolled.clear()
        dims = []
        for parts in children:
            if not memo:
                dims.append(weighted(parts, n))
                continue
            # the entry keeps its lists alive, so no other live list has one of their ids
            key = tuple([id(s) for _, s in parts])
            hit = rolled.get(key)
            if hit is None:
                hit = rolled[key] = (tuple([s for _, s in parts]), weighted(parts, n))
            dims.append(hit[1])
        if scope is None:
            return dims, weighted([(dw, d) for (_, dw, _), d in zip(self.dims, dims, strict=True)], n)
        weights = [[dw * f for f in fs] for (_, dw, _), fs in zip(self.dims, scope, strict=True)]
        return dims, weighted_by_level(weights, dims, n)

    def _shares(self, qrows: list[QRow], iid: str | None = None, cut: bool = False
                ) -> list[float | None]:
        """The share of each level's requirements an indicator's rows meet (through its
        groups, when it has them: each group's shares from what it holds, by weight);
        ``cut``: none above ``up_to`` (out of scope, :meth:`out_of_scope`)."""
        n = self.n
        if iid in self.trees:
            rows = {r.id: r for r in qrows}
            out = weighted([(w, s) for w, s, _ in
                            (groups.shares(node, rows, n) for node in self.trees[iid])], n)
        else:
            num = [0.0] * n
            den = [0.0] * n
            for r in qrows:
                if r.weight > 0:
                    for lv, x in r.ratings.items():
                        num[lv - 1] += r.weight * x
                        den[lv - 1] += r.weight
            out = [num[i] / den[i] if den[i] > 0 else None for i in range(n)]
        if cut and self.up_to is not None:
            out[self.up_to:] = [None] * (n - self.up_to)
        return out

    def group_numbers(self, c: Part) -> list[Part]:
        """An indicator's groups as parts, from its rows (:func:`maturity.groups.numbers`)."""
        return groups.numbers(self, c)

    # ------------------------------------------------------------------ CMMM

    def _cmmm(self, out: Numbers, memo: bool, cut: frozenset[str]) -> None:
        """CMMM numbers of every part.  An indicator known by its answers (``memo``) or by its
        shared rows gets the numbers it got before: the same rows (and scope) make the same
        numbers."""
        by_rows = self._by_rows
        for d in out.dims:
            for c in d.children:
                if c.sig is None:
                    self.levels_of(c, self._shares(c.rows, c.id, c.id in cut))
                    continue
                if memo:
                    seen = self._memo.get(c.sig)
                    known = seen.numbers if seen is not None else None
                else:
                    hit = by_rows.get(c.sig)
                    known = hit[1] if hit is not None else None
                if known is not None:
                    c.shares, c.scores, c.score, c.failing, c.score_max, c.level = known
                    continue
                self.levels_of(c, self._shares(c.rows, c.id, c.id in cut))
                numbers = (c.shares, c.scores, c.score, c.failing, c.score_max, c.level)
                if not memo:
                    by_rows[c.sig] = (c.rows, numbers)
                elif seen is not None:
                    seen.numbers = numbers
        scope = self._scope(cut, {c.id: c.shares for d in out.dims for c in d.children}) if cut else None
        dims, whole = self._rollup([[(c.weight, c.shares) for c in d.children] for d in out.dims],
                                   scope=scope)
        for i, (d, shares) in enumerate(zip(out.dims, dims, strict=True)):
            self.levels_of(d, shares)
            d.scope = scope[i] if scope else None
        self.levels_of(out.whole, whole)
        out.level, out.score = out.whole.level, out.whole.score

    def levels_of(self, part: Part, shares: list[float | None]) -> None:
        """CMMM: a part's shares, level scores, total S, failing level and grade."""
        part.shares = shares
        part.scores = scores = self._scale(shares)
        score, failing = cmmm_total(scores, self.threshold)
        part.score, part.failing, part.score_max = score, failing, float(self.n)
        part.level = grade(self._bands, score)

_PLANS: dict[tuple[int, str | None], tuple[Questionnaire, Plan]] = {}


def plan_for(q: Questionnaire, ptype: str | None) -> Plan:
    """The compiled plan of a questionnaire for a production type (compiled once)."""
    key = (id(q), ptype)
    hit = _PLANS.get(key)
    if hit is None or hit[0] is not q:
        if len(_PLANS) >= 256:
            _PLANS.clear()
        hit = _PLANS[key] = (q, Plan(q, ptype))
    return hit[1]


__all__ = ["Numbers", "Part", "Plan", "QRow", "plan_for", "resolve_production_type", "status_of"]


