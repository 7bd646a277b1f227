"""Consistency checks of a questionnaire: answer combinations that the level
descriptions make implausible.  A check that fires is a warning for the respondent to
re-check; it never changes a score (``docs/questionnaire-format.md``, "Consistency checks").
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from .base import DottedId, Frozen, Id, Text


class CheckSide(Frozen):
    """A question whose answer reaches at least ``level``."""

    question: DottedId
    """Full question id (``dimension.indicator.question``)."""
    level: Annotated[int, Field(ge=0)]
    """The level its answer reaches: the chosen level, the number's band, the checklist's
    highest level met, yes/no's level when yes."""


class Check(Frozen):
    """If ``if``'s question reaches its level, ``then``'s is expected to reach its own.
    It fires only when both questions are answered (not n/a, applicable)."""

    model_config = ConfigDict(populate_by_name=True)

    id: Id
    when: CheckSide = Field(alias="if")
    expect: CheckSide = Field(alias="then")
    message: Text
    """What the respondent reads: both answers in plain words and what to re-check."""
    argument: str | None = None
    """Why the combination is implausible, from the level descriptions (for reviewers;
    not shown to respondents)."""
