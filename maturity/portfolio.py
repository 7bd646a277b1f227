"""The portfolio summary of a batch: distribution, quartiles, common gaps, cohorts.

Accumulated row by row (``Portfolio.add``) in memory that does not grow with the number
of enterprises: scores are counted in histograms at the batch output's precision (four
decimals, as in the CSV), from which quartiles and percentiles are exact at that
precision; the per-enterprise percentile list is spooled to a temporary file and
streamed out at the end (``Portfolio.result`` gives it as an iterator).
"""

from __future__ import annotations

import bisect
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, get_args

from .batch import Row
from .model.answers import Enterprise, Size, key_of
from .model.questionnaire import Questionnaire

SCALE = 10_000
"""Histogram bins per score point for the overall score: four decimals, the precision of
a score in the batch output (the percentile list is ranked on it)."""
COARSE_SCALE = 1_000
"""Bins per point for dimension and cohort statistics, printed to two decimals: binning
moves a quartile by at most half a thousandth, and these histograms stay small (at most
a few thousand bins each) however many enterprises there are."""


SEEN_BITS = 1 << 24
"""Buckets of the bit set that flags enterprises met twice: 2 MiB, whatever the number of
enterprises; at the national 527,000 about 3 % of keys are flagged, each then checked."""


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """Quartiles by the inclusive method (``statistics.quantiles(method="inclusive")``)."""
    return Histogram.of(values).quartiles()


_ANY = Enterprise()
_SIZED = {size: Enterprise(size=size) for size in get_args(Size)}
"""One enterprise per size, to read the catalogue as a row's enterprise takes it."""


@dataclass
class Histogram:
    """Counts of values rounded to ``1/scale``, with their exact count, sum, min and max:
    memory grows with the number of distinct binned values, never past the scale's."""

    scale: int = SCALE
    counts: Counter[int] = field(default_factory=Counter)
    n: int = 0
    total: float = 0.0
    low: float = float("inf")
    high: float = float("-inf")

    @classmethod
    def of(cls, values: Iterable[float], scale: int = SCALE) -> Histogram:
        h = cls(scale)
        for v in values:
            h.add(v)
        return h

    def add(self, value: float) -> None:
        self.counts[round(value * self.scale)] += 1
        self.n += 1
        self.total += value
        self.low, self.high = min(self.low, value), max(self.high, value)

    def _cumulative(self) -> tuple[list[int], list[int]]:
        keys = sorted(self.counts)
        upto, run = [], 0
        for k in keys:
            run += self.counts[k]
            upto.append(run)
        return keys, upto

    def _at(self, keys: list[int], upto: list[int], i: int) -> float:
        """The i-th smallest value (0-based), at histogram precision."""
        return keys[bisect.bisect_right(upto, i)] / self.scale

    def quartiles(self) -> tuple[float, float, float]:
        if self.n == 1:
            return self.low, self.low, self.low
        keys, upto = self._cumulative()
        out = []
        for p in (0.25, 0.5, 0.75):
            m = (self.n - 1) * p
            lo = int(m)
            a = self._at(keys, upto, lo)
            b = self._at(keys, upto, min(lo + 1, self.n - 1))
            out.append(round(a + (b - a) * (m - lo), 10))
        return out[0], out[1], out[2]

    def stats(self) -> dict[str, float]:
        q1, q2, q3 = self.quartiles()
        # ten decimals, as the rows' scores (report.rows): a sum's last-digit noise
        # (2.5541500000000004) read as a bug
        return {"count": self.n, "mean": round(self.total / self.n, 10), "q1": q1, "median": q2,
                "q3": q3, "min": round(self.low, 10), "max": round(self.high, 10)}

    def ranks(self) -> dict[int, float]:
        """Bin → percentile: the share scoring strictly below, plus half the ties (mid-rank)."""
        out, below = {}, 0
        for k in sorted(self.counts):
            c = self.counts[k]
            out[k] = 100.0 * (below + c / 2) / self.n
            below += c
        return out


def _by_file(ref: str, file: str) -> Questionnaire:
    """The questionnaire by id where it is installed, else from the file a row read it from."""
    from .batch import _questionnaire
    from .errors import NotFoundError

    try:
        return _questionnaire(ref)
    except NotFoundError:
        return _questionnaire(file)


@dataclass
class Portfolio:
    """Summary statistics over scored rows (failed rows are only counted)."""

    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    total: int = 0
    failed: int = 0
    grades: Counter[int] = field(default_factory=Counter)
    scores: Histogram = field(default_factory=Histogram)
    dimensions: dict[str, Histogram] = field(
        default_factory=lambda: defaultdict(lambda: Histogram(COARSE_SCALE)))
    blocking: Counter[str] = field(default_factory=Counter)
    scenarios: Counter[str] = field(default_factory=Counter)
    by_industry: dict[str, Histogram] = field(
        default_factory=lambda: defaultdict(lambda: Histogram(COARSE_SCALE)))
    by_size: dict[str, Histogram] = field(
        default_factory=lambda: defaultdict(lambda: Histogram(COARSE_SCALE)))
    _spool: IO[str] | None = None
    """(enterprise, score) per scored row, one JSON line each, for the percentile list."""
    levels: int = 0
    """Levels of the index the statistics are about (its own scale: 3, 4 or 5 grades)."""
    family: str | None = None
    """The index (base id, overlays included) the statistics are about: the first scored."""
    other_index: int = 0
    """Scored rows of another index: counted, not mixed into statistics on another scale."""
    blank: int = 0
    """Scored rows that answer no question (a survey returned blank, a template): counted,
    left out of the statistics, where a grade of 0 for every one of them pulled the
    distribution, the means and the quartiles down (a consultant's batch)."""
    _seen: bytearray | None = None
    """One bit per bucket of enterprise keys met (``SEEN_BITS``): fixed memory."""
    _maybe: set[str] = field(default_factory=set)
    """Keys whose bucket was already set: possible repeats, confirmed on the spool at the end."""

    def add(self, row: Row) -> None:
        self.total += 1
        if not row.ok:
            self.failed += 1
            return
        assert row.level is not None and row.score is not None and row.questionnaire
        if row.questionnaire not in self.questionnaires and row.questionnaire_file:
            self.questionnaires[row.questionnaire] = _by_file(row.questionnaire, row.questionnaire_file)
        if row.blank:
            self.blank += 1
            return
        family = self._family(row.questionnaire)
        if self.family is None:
            self.family = family
        elif family != self.family:
            self.other_index += 1
            return
        self.grades[row.level] += 1
        name = row.enterprise_field("name") or row.source
        self.scores.add(row.score)
        if self._spool is None:
            # open across add() calls, closed by close(); deleted by the OS in any case
            self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        key = key_of(row.enterprise_field("id"), row.enterprise_field("name"))  # as history matches
        if key is not None:
            self._note(key)
        self._spool.write(json.dumps([name, row.score, key], ensure_ascii=False) + "\n")
        for did, _, score in row.dimensions:
            if score is not None:  # a dimension worth no points has no score to average
                self.dimensions[did].add(score)
        self.blocking.update(row.largest or row.blocking[:3])  # ties at the third all count
        self.by_industry[row.enterprise_field("industry") or "-"].add(row.score)
        self.by_size[row.enterprise_field("size") or "-"].add(row.score)
        q = self._questionnaire(row.questionnaire)
        self.levels = max(self.levels, len(q.levels))
        self.scenarios.update(self._recommended(q, row))

    def _note(self, key: str) -> None:
        if self._seen is None:
            self._seen = bytearray(SEEN_BITS // 8)
        h = hash(key) & (SEEN_BITS - 1)
        if self._seen[h >> 3] & (1 << (h & 7)):
            self._maybe.add(key)
        self._seen[h >> 3] |= 1 << (h & 7)

    def repeated(self) -> dict[str, Any]:
        """The enterprises met in more than one scored input (by id, else by name): how
        many, in how many inputs, and the first few names.  Confirmed exactly on the spool
        among the keys the bit set flagged, so memory stays flat."""
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        if self._spool is not None and self._maybe:
            self._spool.seek(0)
            for line in self._spool:
                name, _, key = json.loads(line)
                if key in self._maybe:
                    counts[key] += 1
                    names.setdefault(key, name)
            self._spool.seek(0, 2)
        twice = [k for k, c in counts.items() if c > 1]
        return {"enterprises": len(twice), "inputs": sum(counts[k] for k in twice),
                "examples": [names[k] for k in twice[:5]]}

    def _family(self, ref: str) -> str:
        from .errors import NotFoundError

        q = self._questionnaire(ref)
        while q.extends:
            try:
                q = self._questionnaire(q.extends)
            except NotFoundError:  # its base is installed nowhere: the family is its own
                break
        return q.id

    def _questionnaire(self, ref: str) -> Questionnaire:
        if ref not in self.questionnaires:
            from .batch import _questionnaire

            self.questionnaires[ref] = _questionnaire(ref)
        return self.questionnaires[ref]

    @staticmethod
    def _recommended(q: Questionnaire, row: Row, top: int = 3) -> list[str]:
        """The enterprise's likely first scenarios, without re-scoring (cheap, for a portfolio):
        eligible scenarios that lift one of its three largest gaps, smaller effort first,
        typical for its industry first."""
        levels = dict(row.indicators)
        gaps = row.largest or row.blocking[:3]
        industry = row.enterprise_field("industry")
        effort = {"S": 0, "M": 1, "L": 2}
        picks = []
        # as the enterprise takes each step: a small firm's plan no longer lifts organisation
        for sc in q.scenarios_for(_SIZED.get(row.enterprise_field("size"), _ANY)):
            if any(levels.get(p.indicator, 0) < p.level for p in sc.prerequisites):
                continue
            lifts = [t for t in sc.raises if t.indicator in gaps and levels.get(t.indicator, 0) < t.level]
            if not lifts:
                continue
            rank = min(gaps.index(t.indicator) for t in lifts)
            typical = 0 if (not sc.industries or industry in sc.industries) else 1
            picks.append((rank, typical, effort[sc.effort], sc.id))
        return [p[3] for p in sorted(picks)[:top]]

    def close(self) -> None:
        """Remove the spool (after the summary is written)."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def percentiles(self) -> Iterator[dict[str, Any]]:
        """Each scored enterprise in input order with its score and percentile, read back
        from the spool (one pass; memory stays flat)."""
        if self._spool is None:
            return
        ranks = self.scores.ranks()
        self._spool.seek(0)
        for line in self._spool:
            name, score, _ = json.loads(line)
            yield {"enterprise": name, "score": round(score, 10), "percentile": ranks[round(score * SCALE)]}

    def names(self) -> dict[str, Any]:
        """The name (``{en: …, zh: …}``) of every dimension, indicator and scenario id the
        summary names, from the questionnaires scored: so that people read names, not ids."""
        wanted = {*self.dimensions, *self.blocking, *self.scenarios}
        out: dict[str, Any] = {}
        for q in self.questionnaires.values():
            found = {d.id: d.name for d in q.dimensions} | {sc.id: sc.name for sc in q.scenarios} \
                | {i: ind.name for i, (_, ind) in q.indicators.items()}
            out |= {k: v for k, v in found.items() if k in wanted and k not in out}
        return dict(sorted(out.items()))

    def result(self) -> dict[str, Any]:
        """The summary as plain data, JSON-ready except ``percentiles``, an iterator to
        stream (``report.rows.write_summary``); it is last."""
        n = self.scores.n
        return {
            # "scored": every scored input, as the text says it; "in_statistics": those on the
            # index the statistics are about (a program read "scored" as 2251 where the table
            # said 3001, the rest being on the SME index)
            "inputs": self.total, "scored": n + self.other_index + self.blank, "in_statistics": n,
            "failed": self.failed, "index": self.family,
            "other_index": self.other_index, "blank": self.blank, "repeated": self.repeated(),
            "grades": {str(k): self.grades.get(k, 0) for k in range(0, (self.levels or 5) + 1)},
            "score": self.scores.stats() if n else None,
            "dimensions": {d: h.stats() for d, h in self.dimensions.items()},
            "blocking": self.blocking.most_common(10),
            "scenarios": self.scenarios.most_common(10),
            "by_industry": {k: h.stats() for k, h in sorted(self.by_industry.items())},
            "by_size": {k: h.stats() for k, h in sorted(self.by_size.items())},
            "names": self.names(),
            "percentiles": self.percentiles(),
        }
