"""The answers file format: ``maturity-answers/1``.

This is the interchange between the TUI, batch scoring and the library.  The
model checks the file's shape; whether each answer fits its question is checked
against the questionnaire by :func:`maturity.normalise.check_answers`.
See ``docs/answers-format.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, PrivateAttr, StringConstraints, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from .base import Frozen, Id, ReadOnlyList

ANSWERS_FORMAT = "maturity-answers/1"

NA = "n/a"
"""The answer meaning "not applicable" (where the question allows it)."""

Rating = Literal["fully", "mostly", "partly", "not"] | Annotated[float, Field(ge=0, le=1)]
"""A checklist rating: a word, or the number it stands for (1 / 0.8 / 0.5 / 0)."""

RATING_VALUES: dict[str, float] = {"fully": 1.0, "mostly": 0.8, "partly": 0.5, "not": 0.0}

_ANSWER_SCHEMA = {
    "description": (
        "n/a; true/false (yes/no); a level number (0 = not yet) or a number; "
        "a list of option ids; a mapping of checklist item id to rating; or empty (unanswered)"
    ),
    "anyOf": [
        # n/a, yes / no, a level in part ("2+"), a number with a unit, one option id:
        # which strings a question takes is the questionnaire's to say (``normalise``)
        {"type": "string"},
        {"type": "boolean"},
        {"type": "number"},
        {"type": "array", "items": {"type": "string"}},
        {
            "type": "object",
            "additionalProperties": {
                "anyOf": [
                    {"enum": ["fully", "mostly", "partly", "not", "n/a", "na", "不适用"]},
                    {"type": "number", "minimum": 0, "maximum": 1},
                    {"type": "null"},  # not rated yet (the template's blanks)
                ]
            },
        },
        {"type": "null"},
    ],
}

AnswerValue = Annotated[Any, WithJsonSchema(_ANSWER_SCHEMA)]
"""One answer, as written in the file.  Its fit to the question (kind, range,
option ids) is checked against the questionnaire, not here, so that the message
can say what the question expects."""

Size = Literal["micro", "small", "medium", "large"]
SMALL: tuple[Size, ...] = ("micro", "small")
"""The sizes a step is read at a small firm's scale for (``Scenario.small``), and where
what matters little to the firm is not advised outside the roadmap (``shortlist``)."""


def key_of(eid: str | None, name: str | None) -> str | None:
    """The key of an enterprise by id, else by name (case and surrounding spaces aside);
    ``None`` when it has neither: ``maturity history`` and the portfolio summary match
    enterprises by it."""
    if eid and eid.strip():
        return f"id:{eid.strip()}"
    return f"name:{name.strip().casefold()}" if name and name.strip() else None


class Enterprise(Frozen):
    """Who was assessed."""

    name: str | None = None
    """Enterprise name as it should appear in reports."""
    id: str | None = None
    """An identifier (e.g. unified social credit code) for matching across assessments."""
    industry: Id | None = None
    """An industry id the questionnaire knows (e.g. ``machinery``)."""
    production_type: Id | None = None
    """Production type (``process``, ``discrete``, …); selects a weight profile."""
    size: Size | None = None
    """Enterprise size class."""
    product_kind: Id | None = None
    """The main kind of product made, one the questionnaire knows (e.g. ``equipment``,
    ``materials``); recommendations fit it."""
    region: str | None = None
    """Province or region."""
    energy_intensive: bool | None = None
    """Whether energy is a major cost of production: about a tenth of the production cost
    or more (furnaces, kilns, smelting, reactors, electrolysis, drying, steam-heavy wet
    processing), or the plant is a key energy-using unit (重点用能单位). ``false``: a minor
    cost (assembly, machining, sewing, packing).  Where it is ``false``, the energy
    indicator is lifted last on the path to a grade (``Indicator.minor_for``)."""
    run_elsewhere: Annotated[list[Id], AfterValidator(ReadOnlyList)] = Field(default_factory=ReadOnlyList)
    """Functions the questionnaire lists (e.g. ``purchasing``, ``transport``) that someone
    else runs for the plant: its parent group, a joint-venture partner or a contractor.
    Scenarios that lie wholly in them are not recommended; their questions still count
    (answer ``n/a`` only when the plant has no part in the activity at all)."""


ENTERPRISE_NOTES: tuple[str, ...] = tuple(f"enterprise.{f}" for f in Enterprise.model_fields)
"""The ``notes`` keys that give the reason for an enterprise field (``enterprise.industry``:
why a wire-harness maker is machinery, not electronics), in the fields' order.  Assessors of
five calibration rounds wrote such notes, and validation refused them as unknown questions."""


class Source(Frozen):
    """One respondent's answers file that a merged file was made from."""

    respondent: str
    """The name a disagreement gives it: the file's assessor, else the file's name."""
    file: str
    assessor: str | None = None
    assessed_on: dt.date | None = None


class Disagreement(Frozen):
    """A question the respondents answered far apart (two levels or more, or numbers
    more than the merge's share of the question's range apart), or n/a against an answer."""

    question: str
    answers: dict[str, AnswerValue]
    """Respondent → answer, as each wrote it."""
    levels: dict[str, int | None] = {}
    """Respondent → the level the answer reaches (``None``: n/a)."""
    notes: dict[str, str] = {}
    """Respondent → note, where one was given."""


class Merged(Frozen):
    """How a file was merged from several respondents (``maturity merge``)."""

    rule: Literal["median", "min", "max"]
    """How the answers were combined; ``min`` gives a conservative grade."""
    sources: list[Source]
    disagreements: list[Disagreement] = []


class Migrated(Frozen):
    """Set by ``maturity migrate``: where the answers came from, and what of them has no
    place in this version (kept here, never dropped)."""

    from_questionnaire: str
    """``id@version`` the answers were given for."""
    answers: dict[str, AnswerValue] = {}
    """Old question id → answer that could not be carried (removed question, or an answer
    the new question does not accept)."""
    notes: dict[str, str] = {}
    """Old question id → note of a question no longer asked."""
    to_answer: list[str] = []
    """Questions of this version that need an answer: new ones, and those an old answer
    could not fill."""


class AnswersFile(Frozen):
    """The root of a ``maturity-answers/1`` file."""

    format: Literal["maturity-answers/1"]
    """Always ``maturity-answers/1``."""
    questionnaire: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]*(@[0-9]+)?$")]
    """``id@version`` of the questionnaire answered (``id`` alone: any version)."""
    enterprise: Enterprise = Enterprise()
    assessed_on: dt.date | None = None
    """Date of the assessment."""
    assessor: str | None = None
    """Who filled it in."""
    language: Literal["zh", "en"] | None = None
    """Preferred language of reports: ``zh`` or ``en``, the languages reports are written in."""
    answers: dict[str, AnswerValue] = {}
    """Question id → answer; a missing or empty answer is unanswered."""
    notes: dict[str, str] = {}
    """Question id → free-text evidence or comment; ``enterprise.<field>`` (e.g.
    ``enterprise.industry``) → why that enterprise field was filled in so."""
    merged: Merged | None = None
    """Set by ``maturity merge``: the respondents' files, the rule, where they disagreed."""
    migrated: Migrated | None = None
    """Set by ``maturity migrate``: the version answered before, and what has no place now."""
    targets: dict[str, int | str] = {}
    """Dimension or indicator id → the level aimed at (``3`` or ``L3``): the report plans
    the least improvements that meet them all."""

    @field_validator("assessed_on", mode="before")
    @classmethod
    def _no_number_date(cls, value: Any) -> Any:
        """A number is not a date: pydantic reads 0 as 1970-01-01 and 1778544000 as a Unix
        time, and an Excel date serial (46154) would become a day in 1970 (a consultant's
        history was ordered by such dates)."""
        if (isinstance(value, int | float) and not isinstance(value, bool)) or \
                (isinstance(value, str) and value.strip().lstrip("-").isdigit()):  # a CSV cell
            raise PydanticCustomError("date_from_number", "a number ({number}) is not read as a date "
                                      "(an Excel date serial or a Unix time gives a wrong day)",
                                      {"number": value})
        return value

    @field_validator("assessed_on")
    @classmethod
    def _not_in_the_future(cls, value: dt.date | None) -> dt.date | None:
        """An assessment is dated when it is made: a date after tomorrow (a day of grace for
        time zones) is a typing slip, and would put it last in a history (a consultant's
        2030-01-01 was accepted silently)."""
        if value is not None and value > dt.date.today() + dt.timedelta(days=1):
            raise PydanticCustomError("future_date", "{day} is in the future (today is {today}): "
                                      "an assessment is dated the day it is made",
                                      {"day": value.isoformat(), "today": dt.date.today().isoformat()})
        return value

    @field_validator("answers", "notes", mode="before")
    @classmethod
    def _null_is_empty(cls, value: Any) -> Any:
        """``notes:`` with nothing under it (YAML null) means no notes."""
        return {} if value is None else value

    @field_validator("targets", mode="before")
    @classmethod
    def _no_yes_for_a_level(cls, value: Any) -> Any:
        """``operations: yes`` is no level: pydantic read true as 1 (an embedder's audit)."""
        if isinstance(value, dict):
            for key, level in value.items():
                if isinstance(level, bool):
                    raise PydanticCustomError(
                        "target_not_a_level", "target '{key}': a target is a level (3 or L3), not {word}",
                        {"key": key, "word": str(level).lower()})
        return value

    _source: Any = PrivateAttr(default=None)
    """The located raw data it was read from (for ``file:line`` in later errors)."""
    _name: str = PrivateAttr(default="<answers>")
    _on_disk: bool = PrivateAttr(default=True)
    """False for text given to ``parse_answers``: its ``source`` is a label, never a folder
    to look for a questionnaire in (an upload's file name chose one on the server)."""

    @property
    def questionnaire_id(self) -> str:
        return self.questionnaire.split("@", 1)[0]

    @property
    def questionnaire_version(self) -> int | None:
        _, _, version = self.questionnaire.partition("@")
        return int(version) if version else None
