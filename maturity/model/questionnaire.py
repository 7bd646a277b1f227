"""The questionnaire (evaluation index) format: ``maturity-questionnaire/1``.

A questionnaire is data: levels, a scoring method, dimensions → indicators →
questions, weight profiles per production type, industries and a scenario
catalogue.  These models check the *shape* of one file; the cross-references
(unknown ids, weights, bands, ``extends`` cycles) are checked afterwards by the
rules in :mod:`maturity.validation`, which report every problem at once.
See ``docs/authoring.md`` for a guided tour with examples.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from .answers import SMALL, Enterprise
from .base import DottedId, Frozen, Id, LangCode, Text, Weight
from .checks import Check
from .migration import Migration
from .questions import (
    QUESTION_KINDS,
    Applicability,
    Band,
    ChecklistQuestion,
    ChoiceOption,
    ChoiceQuestion,
    Condition,
    LevelNo,
    LevelQuestion,
    MultiQuestion,
    Number,
    NumberQuestion,
    Option,
    OptionSet,
    Question,
    QuestionT,
    RatingItem,
    YesNoQuestion,
)
from .scenario import (
    Fit,
    Function,
    ProductKind,
    Scenario,
)

QUESTIONNAIRE_FORMAT = "maturity-questionnaire/1"



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
    elsewhere_up_to: Annotated[int, Field(ge=1)] | None = None
    """For the indicators of a function others run for the plant (``run_elsewhere``), the
    requirements of the levels above this one are out of scope: the models that predict
    and optimise that function are the other company's to build.  Unset: they count at
    every level.  See docs/methodology.md §1a."""

    def rating(self, share: float | None) -> float | None:
        """The level score of a share of requirements met (None stays None)."""
        return self.ratings([share])[0]

    def ratings(self, shares: Sequence[float | None]) -> list[float | None]:
        """:meth:`rating` of each share (a new list)."""
        m, t = self.met_share, self.threshold
        if m is None or m == t:
            return list(shares)
        return [x if x is None else t * x / m if x <= m else t + (1 - t) * (x - m) / (1 - m)
                for x in shares]


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


class MeanScoring(PointsScoring):
    """Weighted means without gates, as in OWASP SAMM: every question earns a value in
    [0, 1] (its ``fraction``); an indicator's score is the weighted mean of its questions'
    values, a dimension's the weighted mean of its indicators', the total the weighted
    mean of the dimensions', each on the scale 0–``total`` (e.g. 3).  The grade is the
    highest band the total reaches; ``requirements`` may still gate grades."""

    method: Literal["mean"]  # type: ignore[assignment]
    total: Annotated[float, Field(gt=0)] = 1.0
    """The top of the scale every score is given on."""


Scoring = Annotated[CmmmScoring | PointsScoring | MeanScoring, Field(discriminator="method")]


def band_min(scoring: CmmmScoring | PointsScoring, level: int) -> float | None:
    """The lowest total that reaches grade ``level`` (None above the top grade)."""
    return next((b.min for b in scoring.bands if b.level == level), None)




class Group(Frozen):
    """A level between an indicator and its questions, with a score of its own (the
    streams of an OWASP SAMM practice); groups may hold groups, to any depth."""

    id: Id
    name: Text
    description: Text | None = None
    weight: Weight = 1.0
    """Weight among the groups beside it."""
    groups: list[Group] = []


class Indicator(Frozen):
    """A measurable aspect of a dimension, asked through one or more questions."""

    id: Id
    name: Text
    description: Text | None = None
    weight: Weight = 1.0
    """Weight within its dimension."""
    covers: list[str] = []
    """Tags of the reference-model sub-domains this indicator covers (e.g. ``cmmm2020:data``)."""
    groups: list[Group] = []
    """Groups its questions belong to (each question names one with ``group``): the
    indicator rolls up from its groups, each group from what it holds, by weight."""
    minor_for: Fit | None = None
    """Enterprises for which the indicator matters little (e.g. energy where it is a minor
    cost: ``{energy_intensive: [false]}``): the path to a grade lifts it only when the grade
    cannot be reached without it, and phase 1 does not catch it up.  Holds only for an
    enterprise that states every property named."""
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
    report_title: Text | None = None
    """The report's title; default: the tool's own ("Digital-transformation maturity report")."""
    subject: Text | None = None
    """What the report's sentences call the assessed unit, with its article where the
    language has one (``{en: the organisation, zh: 组织}``); default: the plant / 企业."""
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
    option_sets: list[OptionSet] = []
    """Answer options shared by choice questions (``options: <set id>``)."""
    dimensions: list[Dimension] = Field(min_length=1)
    scenarios: list[Scenario] = []
    checks: list[Check] = []
    """Consistency checks: answer combinations the level descriptions make implausible,
    reported as warnings (``maturity.consistency``)."""
    migrations: list[Migration] = []
    """What changed from earlier versions, to carry their answers over (``maturity migrate``)."""

    _file: str | None = PrivateAttr(default=None)
    """The file it was loaded from (set by the loader), so that a run that found it beside
    its answers can find it again by file where its id is installed nowhere."""
    _small_scale: tuple[list[Scenario], list[Scenario]] | None = PrivateAttr(default=None)
    """``scenarios`` and the same at a small firm's scale (:meth:`scenarios_for`), built with
    the questionnaire, so that two equal questionnaires stay equal (pydantic compares private
    attributes); a copy with other scenarios builds its own on first use."""

    @model_validator(mode="after")
    def _small_catalogue(self) -> Questionnaire:
        self._small_view()
        return self

    def _small_view(self) -> list[Scenario]:
        """The catalogue at a small firm's scale, built once for this list of scenarios."""
        built = self._small_scale
        if built is None or built[0] is not self.scenarios:  # not yet, or a copy with other ones
            built = self._small_scale = (self.scenarios, [sc.at_small_scale() for sc in self.scenarios])
        return built[1]

    @model_validator(mode="before")
    @classmethod
    def _resolve_option_sets(cls, data: Any) -> Any:
        """A choice question's ``options: <set id>`` becomes that set's options, as written
        (so errors in them point at the set).  An unknown id stays, for validation to name."""
        if not isinstance(data, dict) or not isinstance(data.get("option_sets"), list):
            return data
        sets = {s.get("id"): s.get("options") for s in data["option_sets"] if isinstance(s, dict)}
        for dim in data.get("dimensions") or []:
            for ind in (dim.get("indicators") or []) if isinstance(dim, dict) else []:
                for question in (ind.get("questions") or []) if isinstance(ind, dict) else []:
                    if isinstance(question, dict) and question.get("kind") == "choice" \
                            and isinstance(question.get("options"), str) \
                            and isinstance(sets.get(question["options"]), list):
                        question["options"] = sets[question["options"]]
        return data
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
    def checklist_items(self) -> dict[str, tuple[str, ...]]:
        """Each checklist question's item ids, by full question id (what is left unrated is
        looked up here in every row of a batch: a pass over all questions cost 44 µs a file)."""
        return {qid: tuple(i.id for i in q.items) for qid, (_, _, q) in self.questions.items()
                if isinstance(q, ChecklistQuestion)}

    @cached_property
    def indicators(self) -> dict[str, tuple[Dimension, Indicator]]:
        """Every indicator by ``dimension.indicator`` id."""
        return {f"{d.id}.{i.id}": (d, i) for d in self.dimensions for i in d.indicators}

    @property
    def elsewhere_level(self) -> str | None:
        """The id of the last level at which the functions others run still count
        (``scoring.elsewhere_up_to``), or None where they count at every level."""
        up_to = getattr(self.scoring, "elsewhere_up_to", None)
        return self.levels[up_to - 1].id if up_to else None

    def run_elsewhere(self, enterprise: Enterprise) -> set[str]:
        """The indicators of the functions the enterprise says others run for it."""
        return {i for fn in self.functions if fn.id in enterprise.run_elsewhere for i in fn.indicators}

    def scenarios_for(self, enterprise: Enterprise) -> list[Scenario]:
        """The catalogue as the enterprise takes it: at a small or micro enterprise each step
        at its small scale (:meth:`Scenario.at_small_scale`), else as written.  Whatever
        judges a scenario against a plant reads it from here (round 134)."""
        return self._small_view() if enterprise.size in SMALL else self.scenarios

    def minor(self, enterprise: Enterprise, ptype: str | None) -> set[str]:
        """The indicators that matter little to the enterprise, by what it says of itself
        (``Indicator.minor_for``: energy where energy is a minor cost)."""
        return {key for key, (_, i) in self.indicators.items()
                if i.minor_for is not None and i.minor_for.stated_by(enterprise, ptype)}

    @property
    def asks_energy_intensive(self) -> bool:
        """Whether the profile's ``energy_intensive`` changes anything here (an indicator's
        ``minor_for`` or a scenario's ``fits`` names it): the template and the TUI ask it."""
        fits = [i.minor_for for _, i in self.indicators.values()] + [s.fits for s in self.scenarios]
        return any(f is not None and f.energy_intensive is not None for f in fits)


# the question kinds live in .questions; they are re-exported here, where they were first
__all__ = [
    "QUESTIONNAIRE_FORMAT",
    "QUESTION_KINDS",
    "Applicability",
    "Band",
    "ChecklistQuestion",
    "ChoiceOption",
    "ChoiceQuestion",
    "CmmmScoring",
    "Condition",
    "Dimension",
    "Function",
    "GradeBand",
    "GradeRequirement",
    "Group",
    "Indicator",
    "Industry",
    "Level",
    "LevelNo",
    "LevelQuestion",
    "MeanScoring",
    "MultiQuestion",
    "Number",
    "NumberQuestion",
    "Option",
    "OptionSet",
    "PointsScoring",
    "ProductKind",
    "ProductionType",
    "Question",
    "QuestionT",
    "Questionnaire",
    "RatingItem",
    "Scenario",
    "Scoring",
    "YesNoQuestion",
]
