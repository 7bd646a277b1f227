"""The portfolio summary of a batch: distribution, quartiles, common gaps, cohorts.

Accumulated row by row (``Portfolio.add``), so a summary needs no second pass over the
files; it keeps one score per enterprise (for percentiles) and counters.
"""

from __future__ import annotations

import bisect
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from .batch import Row
from .model.questionnaire import Questionnaire


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


@dataclass
class Portfolio:
    """Summary statistics over scored rows (failed rows are only counted)."""

    questionnaires: dict[str, Questionnaire] = field(default_factory=dict)
    total: int = 0
    failed: int = 0
    grades: Counter[int] = field(default_factory=Counter)
    scores: list[tuple[float, str]] = field(default_factory=list)
    dimensions: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    blocking: Counter[str] = field(default_factory=Counter)
    scenarios: Counter[str] = field(default_factory=Counter)
    by_industry: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_size: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    levels: int = 5
    family: str | None = None
    """The index (base id, overlays included) the statistics are about: the first scored."""
    other_index: int = 0
    """Scored rows of another index: counted, not mixed into statistics on another scale."""

    def add(self, row: Row) -> None:
        self.total += 1
        if not row.ok:
            self.failed += 1
            return
        assert row.level is not None and row.score is not None and row.questionnaire
        family = self._family(row.questionnaire)
        if self.family is None:
            self.family = family
        elif family != self.family:
            self.other_index += 1
            return
        self.grades[row.level] += 1
        name = row.enterprise_field("name") or row.source
        self.scores.append((row.score, name))
        for did, _, score in row.dimensions:
            if score is not None:  # a dimension worth no points has no score to average
                self.dimensions[did].append(score)
        self.blocking.update(row.blocking[:3])
        self.by_industry[row.enterprise_field("industry") or "-"].append(row.score)
        self.by_size[row.enterprise_field("size") or "-"].append(row.score)
        q = self._questionnaire(row.questionnaire)
        self.levels = max(self.levels, len(q.levels))
        self.scenarios.update(self._recommended(q, row))

    def _family(self, ref: str) -> str:
        q = self._questionnaire(ref)
        while q.extends:
            q = self._questionnaire(q.extends)
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
        gaps = row.blocking[:3]
        industry = row.enterprise_field("industry")
        effort = {"S": 0, "M": 1, "L": 2}
        picks = []
        for sc in q.scenarios:
            if any(levels.get(p.indicator, 0) < p.level for p in sc.prerequisites):
                continue
            lifts = [t for t in sc.raises if t.indicator in gaps and levels.get(t.indicator, 0) < t.level]
            if not lifts:
                continue
            rank = min(gaps.index(t.indicator) for t in lifts)
            typical = 0 if (not sc.industries or industry in sc.industries) else 1
            picks.append((rank, typical, effort[sc.effort], sc.id))
        return [p[3] for p in sorted(picks)[:top]]

    def result(self) -> dict[str, Any]:
        """The summary as plain data (JSON-ready)."""
        ordered = sorted(s for s, _ in self.scores)
        n = len(ordered)

        def pct(score: float) -> float:
            # share of the cohort scoring strictly below, plus half the ties (mid-rank)
            lo = bisect.bisect_left(ordered, score)
            hi = bisect.bisect_right(ordered, score)
            return 100.0 * (lo + (hi - lo) / 2) / n if n else 0.0

        def stats(values: list[float]) -> dict[str, float]:
            q1, q2, q3 = quartiles(values)
            return {"count": len(values), "mean": statistics.fmean(values), "q1": q1, "median": q2,
                    "q3": q3, "min": min(values), "max": max(values)}

        return {
            "inputs": self.total, "scored": n, "failed": self.failed, "index": self.family,
            "other_index": self.other_index,
            "grades": {str(k): self.grades.get(k, 0) for k in range(0, self.levels + 1)},
            "score": stats(ordered) if ordered else None,
            "dimensions": {d: stats(v) for d, v in self.dimensions.items()},
            "blocking": self.blocking.most_common(10),
            "scenarios": self.scenarios.most_common(10),
            "by_industry": {k: stats(v) for k, v in sorted(self.by_industry.items())},
            "by_size": {k: stats(v) for k, v in sorted(self.by_size.items())},
            "percentiles": [{"enterprise": name, "score": s, "percentile": pct(s)}
                            for s, name in self.scores],
        }
