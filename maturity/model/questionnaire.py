"""The questionnaire (evaluation index) format: ``maturity-questionnaire/1``.

A questionnaire is data: levels, a scoring method, dimensions → indicators →
questions, weight profiles per production type, industries and a scenario
catalogue.  These models check the *shape* of one file; the cross-references
(unknown ids, weights, bands, ``extends`` cycles) are checked afterwards by the
rules in :mod:`maturity.validation`, which report every problem at once.
See ``docs/authoring.md`` for a guided tour with examples.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import DottedId, Frozen, Id, LangCode, Text, Weight
from .scenario import (
    Function,
    ProductKind,
    Scenario,
)

QUESTIONNAIRE_FORMAT = "maturity-questionnaire/1"

Number = Annotated[float, Field(allow_inf_nan=False)]
LevelNo = Annotated[int, Field(ge=0, le=20)]


class Level(Frozen):
    """One grade of the scale, in order from lowest (1) to highest."""

    id: str = Field(min_length=1, max_length=8)
    """Short code shown to users, e.g. ``L3``."""
    name: Text
    """Name of the grade, e.g. ``{en: Integrated, zh: 集成级}``."""
    description: Text | None = None
    """What an enterprise at this grade looks like."""


class GradeBand(Frozen):
    """Total score from which a grade is reached (up to the next band's ``min``)."""

    level: Annotated[int, Field(ge=1)]
    """Grade number (1 = first level)."""
    min: Number
    """Lowest total score that reaches this grade."""


class CmmmScoring(Frozen):
    """GB/T 39117-style scoring: per-level scores, a threshold, a total from 0 to N.

    Every question contributes a rating in [0, 1] to each level it has a
    requirement at.  Ratings roll up by weights into one score per level.  The
    total ``S`` adds the level scores from level 1 upward and stops after the
    first level whose score is below ``threshold`` (that level's partial score
    is still added).  The grade is the highest band whose ``min`` ``S`` reaches;
    below the first band the enterprise is "not yet" at level 1.
    """

    method: Literal["cmmm"]
    threshold: Annotated[float, Field(gt=0, le=1)] = 0.8
    """Score from which a level counts as met."""
    met_share: Annotated[float, Field(gt=0, lt=1)] | None = None
    """Share of a level's weighted requirements that rates as "mostly met" (the threshold).

    The answers say, requirement by requirement, whether an observable state holds;
    GB/T 39117 rates a level's requirements fully / mostly / partly met.  A level
    score is the share that holds, put on the rating scale by the straight lines
    through (0, 0), (``met_share``, ``threshold``) and (1, 1).  Unset: the share is
    the score (``met_share`` = ``threshold``).  See docs/methodology.md §2.
    """
    bands: list[GradeBand]
    """One band per level, in increasing order of ``min``."""

    def rating(self, share: float | None) -> float | None:
        """The level score of a share of requirements met (None stays None)."""
        m, t = self.met_share, self.threshold
        if share is None or m is None or m == t:
            return share
        if share <= m:
            return t * share / m
        return t + (1 - t) * (share - m) / (1 - m)


class GradeRequirement(Frozen):
    """An extra condition to reach a grade under the points method (SME index style).

    To reach ``level``, at least ``count`` questions under ``among`` must be at
    level ``at_least`` or higher, every question in ``mandatory`` must be too, and the
    parts under ``among`` must earn at least ``points`` together.
    """

    level: Annotated[int, Field(ge=1)]
    """The grade this requirement gates."""
    at_least: Annotated[int, Field(ge=1)] = 1
    """The level a question must reach to count."""
    points: Annotated[float, Field(ge=0)] | None = None
    """Points the parts under ``among`` (dimensions or indicators) must earn together,
    e.g. "grade 1 needs 10 points from the digital foundation": results or trends alone
    cannot carry an enterprise into a grade."""
    count: Annotated[int, Field(ge=0)] = 0
    """How many questions under ``among`` must reach ``at_least``."""
    among: list[DottedId] = []
    """Dimension, indicator or question ids whose questions are counted."""
    mandatory: list[DottedId] = []
    """Question ids that must each reach ``at_least`` (they count towards ``count``)."""
    description: Text | None = None
    """The rule in words, shown when it blocks a grade."""


class PointsScoring(Frozen):
    """Weighted points (default 0–100) with grade bands, as in the SME index.

    Each question earns a fraction in [0, 1] of its points; points are the
    question's share of ``total`` through the weights of its dimension,
    indicator and itself.  The grade is the highest band reached whose
    ``requirements`` (and those of every lower grade) hold.
    """

    method: Literal["points"]
    total: Annotated[float, Field(gt=0)] = 100.0
    """Points of a perfect assessment."""
    bands: list[GradeBand]
    """One band per level, in increasing order of ``min``."""
    requirements: list[GradeRequirement] = []
    """Extra conditions for grades (mandatory scenarios, N scenarios at level X)."""


Scoring = Annotated[CmmmScoring | PointsScoring, Field(discriminator="method")]


class Band(Frozen):
    """Maps a value range ``min <= v < max`` to a level (the last band includes ``max``)."""

    min: Number
    """Lowest value of the band (inclusive)."""
    max: Number | None = None
    """Upper bound (exclusive, except in the last band); ``null`` = unbounded (last band only)."""
    level: LevelNo
    """Level reached by a value in this band (0 = not yet)."""
    fraction: Annotated[float, Field(ge=0, le=1)] | None = None
    """Points-method fraction of the question's points; default ``level / levels``."""


class Condition(Frozen):
    """A test on an earlier answer.  Exactly one of ``at_least``, ``equals``, ``includes``.

    Conditions are *monotone*: a better answer never turns a true condition false,
    so that opening follow-ups can never lower a score.
    """

    question: DottedId
    """Full id of the earlier question (``dimension.indicator.question``)."""
    at_least: Number | None = None
    """Level / number: true when the answer is at least this."""
    equals: bool | None = None
    """Yes/no: true when the answer is this (only ``true`` is monotone)."""
    includes: list[Id] | None = None
    """Multi-select: true when any of these options is chosen."""

    @model_validator(mode="after")
    def _one_operator(self) -> Condition:
        given = [n for n in ("at_least", "equals", "includes") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of at_least, equals, includes")
        return self


class Applicability(Frozen):
    """When a question applies.  Every given test must hold; lists mean "any of".

    A question that does not apply is *not applicable*: it is left out of the
    score, exactly as if it were not in the questionnaire.
    """

    industries: list[Id] | None = None
    """Applies only to enterprises in one of these industries."""
    production_types: list[Id] | None = None
    """Applies only to these production types."""
    when: Condition | None = None
    """Applies only when an earlier answer meets this condition."""


class _QuestionBase(Frozen):
    id: Id
    """Local id; the full id is ``dimension.indicator.question``."""
    text: Text
    """The question as the respondent reads it."""
    help: Text | None = None
    """Guidance: what counts as evidence, definitions, examples."""
    weight: Weight = 1.0
    """Weight within its indicator."""
    allow_na: bool = False
    """Whether "not applicable" (``n/a``) is an accepted answer."""
    follow_up: Condition | None = None
    """Shown only when this earlier answer opens it; skipped, it scores as "not yet"."""
    applies: Applicability | None = None
    """Shown only when this holds; skipped, it is not applicable."""
    minutes: Annotated[float, Field(gt=0)] | None = None
    """Time to answer, for the estimate; default by kind."""


class LevelQuestion(_QuestionBase):
    """Pick the description that fits: one anchor per level, plus "not yet" (0)."""

    kind: Literal["level"]
    anchors: dict[LevelNo, Text]
    """Level number → what a visitor would observe at that level (0 = not yet, optional)."""


class RatingItem(Frozen):
    """One requirement of a checklist, tagged with the level it belongs to."""

    id: Id
    text: Text
    level: Annotated[int, Field(ge=1)]
    """Level this requirement belongs to."""
    weight: Weight = 1.0
    help: Text | None = None
    allow_na: bool = False
    """Whether this item may be rated ``n/a``: it does not exist in some legitimate kinds
    of plant (e.g. kanban cards in continuous production).  An ``n/a`` item is left out
    of its level, as if the checklist did not contain it."""


class ChecklistQuestion(_QuestionBase):
    """Requirements tagged with levels, each rated fully / mostly / partly / not met."""

    kind: Literal["checklist"]
    items: list[RatingItem] = Field(min_length=1)


class NumberQuestion(_QuestionBase):
    """A number or percentage; bands map it to a level."""

    kind: Literal["number"]
    unit: Text | None = None
    """Unit shown after the input, e.g. ``%``."""
    min: Number | None = None
    """Smallest accepted value."""
    max: Number | None = None
    """Largest accepted value."""
    integer: bool = False
    """Only whole numbers are accepted."""
    better: Literal["higher", "lower"] = "higher"
    """Whether a higher or a lower value is better (levels rise or fall with the value)."""
    min_level: Annotated[int, Field(ge=1)] = 1
    """Lowest level this question has requirements at (e.g. 4 for a share of advanced
    process control): below it the question counts towards no level."""
    max_level: Annotated[int, Field(ge=1)] | None = None
    """Highest level this question has requirements at (e.g. 3 for the penetration of
    design tools, which says nothing about levels 4 and 5); default: the top level."""
    benchmark: Id | None = None
    """The national figure this value compares with: an ``indicator_hint`` of
    ``seeds/figures.yaml`` (e.g. ``cnc_rate``)."""
    bands: list[Band] = Field(min_length=1)


class Option(Frozen):
    """One choice of a multi-select question."""

    id: Id
    text: Text
    weight: Weight = 1.0
    """Share of this option in the total (equal by default)."""


class MultiQuestion(_QuestionBase):
    """Choose all that apply; the (weighted) share chosen, in percent, is banded to a level."""

    kind: Literal["multi"]
    options: list[Option] = Field(min_length=1)
    min_level: Annotated[int, Field(ge=1)] = 1
    """Lowest level this question has requirements at (see ``NumberQuestion.min_level``)."""
    max_level: Annotated[int, Field(ge=1)] | None = None
    """Highest level this question has requirements at (see ``NumberQuestion.max_level``)."""
    bands: list[Band] = Field(min_length=1)
    """Bands over the share chosen, 0–100 (%)."""


class YesNoQuestion(_QuestionBase):
    """A single requirement: yes meets it."""

    kind: Literal["yesno"]
    level: Annotated[int, Field(ge=1)] = 1
    """Level whose requirement a "yes" meets."""


Question = Annotated[
    LevelQuestion | ChecklistQuestion | NumberQuestion | MultiQuestion | YesNoQuestion,
    Field(discriminator="kind"),
]
QUESTION_KINDS = ("level", "checklist", "number", "multi", "yesno")


class Indicator(Frozen):
    """A measurable aspect of a dimension, asked through one or more questions."""

    id: Id
    name: Text
    description: Text | None = None
    weight: Weight = 1.0
    """Weight within its dimension."""
    covers: list[str] = []
    """Tags of the reference-model sub-domains this indicator covers (e.g. ``cmmm2020:data``)."""
    questions: list[Question] = Field(min_length=1)


class Dimension(Frozen):
    """A top-level area of the index (e.g. organisation strategy, production operations)."""

    id: Id
    name: Text
    description: Text | None = None
    weight: Weight = 1.0
    """Weight in the total."""
    indicators: list[Indicator] = Field(min_length=1)


class ProductionType(Frozen):
    """A production type (process, discrete, …) and the weights it uses."""

    id: Id
    name: Text
    weights: dict[DottedId, Weight] = {}
    """Weight overrides: dimension, ``dimension.indicator`` or question id → weight."""


class Industry(Frozen):
    """An industry the questionnaire knows (an enterprise's ``industry`` must be one)."""

    id: Id
    name: Text
    production_type: Id | None = None
    """Production type assumed when the enterprise does not say."""


class Questionnaire(Frozen):
    """An evaluation index: the root of a ``maturity-questionnaire/1`` file."""

    format: Literal["maturity-questionnaire/1"] = QUESTIONNAIRE_FORMAT
    id: Id
    """Stable id; answers refer to ``id@version``."""
    version: Annotated[int, Field(ge=1)]
    title: Text
    description: Text | None = None
    languages: list[LangCode] = ["en"]
    """Languages every human text is expected in."""
    extends: str | None = None
    """Base questionnaire (``id`` or ``id@version``) this one overlays."""
    industry: Id | None = None
    """For an industry overlay: the industry it is written for."""
    production_type: Id | None = None
    """Production type assumed when the enterprise does not give one."""
    minutes: Annotated[int, Field(gt=0)] | None = None
    """Estimated time to complete; computed from the questions when omitted."""
    levels_note: Text | None = None
    """Where the level names and meanings come from."""
    levels: list[Level] = Field(min_length=1)
    scoring: Scoring
    production_types: list[ProductionType] = []
    industries: list[Industry] = []
    product_kinds: list[ProductKind] = []
    """Kinds of product an enterprise may say it makes (``enterprise.product_kind``)."""
    functions: list[Function] = []
    """Business functions an enterprise may say are run elsewhere (``run_elsewhere``)."""
    dimensions: list[Dimension] = Field(min_length=1)
    scenarios: list[Scenario] = []
    focus_scenarios: list[Id] = []
    """Scenarios that matter most for this questionnaire's industry."""

    @property
    def ref(self) -> str:
        """``id@version``."""
        return f"{self.id}@{self.version}"

    @cached_property
    def questions(self) -> dict[str, tuple[Dimension, Indicator, QuestionT]]:
        """Every question by full id, in questionnaire order."""
        out: dict[str, tuple[Dimension, Indicator, QuestionT]] = {}
        for dim in self.dimensions:
            for ind in dim.indicators:
                for q in ind.questions:
                    out[f"{dim.id}.{ind.id}.{q.id}"] = (dim, ind, q)
        return out

    @cached_property
    def indicators(self) -> dict[str, tuple[Dimension, Indicator]]:
        """Every indicator by ``dimension.indicator`` id."""
        return {f"{d.id}.{i.id}": (d, i) for d in self.dimensions for i in d.indicators}


QuestionT = LevelQuestion | ChecklistQuestion | NumberQuestion | MultiQuestion | YesNoQuestion
