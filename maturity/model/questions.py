"""The question kinds of a questionnaire and what they share: bands, conditions,
applicability.  Each kind says what an answer is; ``maturity.rating`` says what it rates."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import DottedId, Frozen, Id, Text, Weight

Number = Annotated[float, Field(allow_inf_nan=False)]
LevelNo = Annotated[int, Field(ge=0, le=20)]


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
    group: DottedId | None = None
    """The group of its indicator it belongs to (``a``, or ``a.x`` for a group within a
    group), when the indicator declares ``groups``."""


class LevelQuestion(_QuestionBase):
    """Pick the description that fits: one anchor per level, plus "not yet" (0)."""

    kind: Literal["level"]
    anchors: dict[LevelNo, Text]
    """Level number → what a visitor would observe at that level (0 = not yet, optional)."""
    goals: dict[LevelNo, Text] = {}
    """Level number → what its anchor asks, said as a state to reach, where the anchor also
    describes what is still missing at that level ("Meters are read by hand; energy use by
    workshop is compiled in spreadsheets and compared with targets" → "Energy use by
    workshop is compiled from meter readings and compared with targets").  Reports name a
    level by it where they list it as in place or still to reach; the assessor always reads
    the anchor."""

    @model_validator(mode="after")
    def _goals_of_anchors(self) -> LevelQuestion:
        stray = sorted(lv for lv in self.goals if lv == 0 or lv not in self.anchors)
        if stray:
            raise ValueError(f"goals: level(s) {stray} have no anchor to restate "
                             "(goals are for levels 1 and up)")
        return self

    def goal(self, level: int) -> Text:
        """What ``level`` asks, as a state to reach: its goal, else its anchor."""
        return self.goals.get(level) or self.anchors[level]


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

    def in_percent(self) -> bool:
        """Whether the unit is a percent sign (in every language it is given in)."""
        units = {self.unit} if isinstance(self.unit, str | None) else set(self.unit.values())
        return {u.strip().replace("％", "%") if u else u for u in units} == {"%"}

    def is_share(self) -> bool:
        """Whether this asks for a share of a whole in percent (0 to 100 %) whose bands
        draw no line below 1 %: there a bare number between 0 and 1 is most likely a
        fraction (0.62 for 62 %, as a spreadsheet keeps a percentage), and read as a
        percentage it would count as nothing.  A share of revenue or a change in percent,
        whose bands part values below 1 %, takes 0.6 as it is written."""
        if not self.in_percent():
            return False
        return self.min == 0 and self.max == 100 and not any(
            0 < edge < 1 for b in self.bands for edge in (b.min, b.max) if edge is not None)


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


class ChoiceOption(Frozen):
    """One answer of a choice question: a label that carries its value."""

    id: Id
    text: Text
    value: Annotated[float, Field(ge=0, le=1)]
    """What this answer earns, from 0 to 1: its share of the question's points (points
    method) or its value in the mean (mean method)."""
    level: LevelNo | None = None
    """The level this answer reaches (level questions' sense: every level up to it met);
    default: ``value`` on the scale of levels, rounded half up (of 3 levels: 0.25 reaches 1,
    0.5 reaches 2, 1 reaches 3)."""
    help: Text | None = None


class OptionSet(Frozen):
    """Answer options that several choice questions share, by id (``options: <id>``)."""

    id: Id
    name: Text | None = None
    options: list[ChoiceOption] = Field(min_length=1)


class ChoiceQuestion(_QuestionBase):
    """Pick one labelled answer; each answer carries its own value (and level)."""

    kind: Literal["choice"]
    options: list[ChoiceOption] | Id
    """The answers, in order from worst to best, or the id of a questionnaire's
    ``option_sets`` entry (resolved when the questionnaire is loaded)."""

    @property
    def choices(self) -> list[ChoiceOption]:
        """The options (a set's id is resolved at load: an unresolved id is a validation error)."""
        return self.options if isinstance(self.options, list) else []


class YesNoQuestion(_QuestionBase):
    """A single requirement: yes meets it."""

    kind: Literal["yesno"]
    level: Annotated[int, Field(ge=1)] = 1
    """Level whose requirement a "yes" meets."""
    goal: Text | None = None
    """What a "yes" says, as a state ("Key suppliers deliver straight to the line on pull
    signals"): reports name the requirement by it, as they name a level by its goal;
    without it they quote the question and the answer it needs."""


Question = Annotated[
    LevelQuestion | ChecklistQuestion | NumberQuestion | MultiQuestion | YesNoQuestion | ChoiceQuestion,
    Field(discriminator="kind"),
]
QUESTION_KINDS = ("level", "checklist", "number", "multi", "yesno", "choice")

QuestionT = (LevelQuestion | ChecklistQuestion | NumberQuestion | MultiQuestion | YesNoQuestion
             | ChoiceQuestion)
