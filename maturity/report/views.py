"""What a report shows, as plain data: the views that ``content.build`` fills in once and
every renderer (markdown, html, terminal, the TUI's result screen) lays out.

All text in them is plain (unescaped): each renderer escapes for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    name: str
    level: str
    score: float
    score_max: float
    note: str = ""
    """For a part worth no points: what it does instead (grade rules and progress)."""

    @property
    def fraction(self) -> float:
        return self.score / self.score_max if self.score_max else 0.0


@dataclass
class PathView:
    title: str
    intro: str
    items: list[tuple[str, str, str]]
    """(indicator name with dimension, from level, to level)"""


@dataclass
class ScenarioView:
    rank: int
    name: str
    description: str
    effort: str
    raises: list[str]
    why: list[str]
    benefits: list[str]
    missing: list[str] = field(default_factory=list)
    """What the scenario would put in place that the answers say is not there yet, in
    the index's own words (each level still to reach, or the checklist items missing)."""
    have: list[str] = field(default_factory=list)
    """For a scenario the plant has begun (or has in a part of the plant): what of it is
    in place, in the index's own words (the level its answers reach, the items rated)."""
    reaches: str = ""
    """Where the step takes the plant, in one line (the TUI's next steps)."""
    nearly: bool = False
    """In place but for one step that no phase takes (``Recommendation.nearly_done``):
    listed apart, under "Nearly in place", by its name and the step."""


@dataclass
class BenchmarkView:
    name: str
    value: str
    national: str
    target: str
    verdict: str
    source: str


@dataclass
class Report:
    lang: str
    title: str
    questionnaire: str
    enterprise: str
    facts: list[tuple[str, str]]
    grade: str
    grade_name: str
    grade_description: str
    level: int
    levels: int
    score: float
    score_max: float
    completeness: float
    completeness_figure: str
    """The completeness as headlines give it: the share, and the checklist items left
    unrated when there are any (they count as not met; a bare 100% hid them)."""
    method: str
    score_text: str
    """The total as headlines write it (``explain.score_text``)."""
    dimensions: list[Row]
    level_scores: list[tuple[str, float | None]]
    why_not: list[str]
    strengths: list[str]
    weaknesses: list[str]
    blocking_intro: str
    blocking_header: str
    blocking: list[tuple[str, float, float]]
    path: PathView | None
    target_path: PathView | None
    targets_path: PathView | None
    """To the targets per dimension or indicator, with each target's standing."""
    benchmarks: list[BenchmarkView]
    recommendations: list[ScenarioView]
    ranking_note: str
    nearly_note: str
    roadmap: list[tuple[str, list[str], str, list[tuple[str, str]]]]
    """Each phase: its title, its steps' names, what it leaves to be improved directly, and
    (phase 1) what that asks of the answers, as (indicator and levels, what) pairs."""
    direct_first: list[tuple[str, str]]
    """Phase 1's direct improvements, each with the first thing it asks."""
    completeness_text: str
    warnings: list[str]
    checks: list[str] = field(default_factory=list)
    """Consistency checks the answers set off (“please check”), each in words."""
    history: Any = None
    """``(History, Questionnaire)`` when earlier assessments were given (``--history``)."""
    respondents: list[str] = field(default_factory=list)
    """For a merged answers file: who answered, by which rule, and where they disagreed."""
    notes: list[str] = field(default_factory=list)
    """The assessor's notes beside the answers (the evidence), each "question (id): note"."""
    at_top: str = ""
    """Said in place of the path at the top grade."""
    footer: list[str] = field(default_factory=list)
    why_not_title: str = ""
    threshold: float | None = None
    """CMMM: the score from which a level counts as met (drawn on the level chart)."""
    provisional: str = ""
    """Said beside strengths and weaknesses when too few questions are answered for them
    to mean much (completeness below ``PROVISIONAL``)."""
    impact_header: str = ""
    """The blocking table's last column: what its numbers are."""
    impact_digits: int = 3
    """Decimals of the impact: a level score's rise (3), or points (2, as scores are shown)."""

    @property
    def projects(self) -> list[ScenarioView]:
        """The recommended scenarios shown as cards (all but those nearly in place)."""
        return [s for s in self.recommendations if not s.nearly]

    @property
    def nearly(self) -> list[ScenarioView]:
        """The scenarios nearly in place, listed apart after the cards."""
        return [s for s in self.recommendations if s.nearly]
