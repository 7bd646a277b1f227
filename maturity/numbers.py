"""The engine's plain numbers: what :class:`maturity.engine.Plan` computes for one answers
file (a row per question that takes part, a part per indicator, dimension and the whole),
before ``maturity.scoring`` builds models from them or the batch builds its rows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class QRow:
    """One question that takes part (not n/a): its weight and what its answer rates."""

    id: str
    weight: float
    ratings: dict[int, float]
    fraction: float
    reached: int


@dataclass(slots=True)
class Part:
    """An indicator, a dimension or the whole, with its numbers.

    CMMM: ``shares`` per level (the share of the level's requirements met), ``scores``
    (the shares on the rating scale), ``score`` (S) and ``failing``.  Points: ``frac``,
    the weighted fraction earned, ``norm`` its weight normalised among its siblings and
    ``score`` the points earned.
    """

    id: str
    weight: float
    applicable: bool
    level: int = 0
    score: float = 0.0
    score_max: float = 0.0
    shares: list[float | None] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)
    failing: int | None = None
    frac: float = 0.0
    norm: float = 0.0
    sig: tuple | None = None
    """What the indicator's numbers depend on (its questions and their answers), when memoised."""
    children: list[Part] = field(default_factory=list)
    rows: list[QRow] = field(default_factory=list)
    scope: list[float] | None = None
    """CMMM, a dimension of an enterprise for which others run some functions: per level,
    the share of its indicators' weight in scope there (its weight in the whole is scaled
    by it); ``None``: all of it at every level."""


@dataclass(slots=True)
class Numbers:
    """Everything the engine computes for one answers file."""

    level: int
    score: float
    score_max: float
    completeness: float
    counts: dict[str, int]
    status: dict[str, str]
    reached: dict[str, int]
    whole: Part
    warnings: list[str] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    """Points method: indexes of the grade requirements that do not hold, of those up to
    one level above the score's grade (a higher one cannot lower the grade)."""

    @property
    def dims(self) -> list[Part]:
        return self.whole.children

    def earned(self) -> dict[str, float]:
        """Points method: the points earned per dimension and ``dimension.indicator`` id (what
        a grade requirement on points sums)."""
        return {d.id: d.score for d in self.dims} | {c.id: c.score for d in self.dims for c in d.children}


__all__ = ["Numbers", "Part", "QRow"]
