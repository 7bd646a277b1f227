"""How a version of a questionnaire changed from an earlier one (``migrations:``), so
that answers to the earlier version can be carried over (``maturity migrate``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from .base import DottedId, Frozen


class Renamed(Frozen):
    """A question that has a new id (or sits in another indicator: moved)."""

    model_config = ConfigDict(populate_by_name=True)

    old: DottedId = Field(alias="from")
    new: DottedId = Field(alias="to")


class Split(Frozen):
    """A question that became several: its answer is carried to each where it fits, and
    any of them it does not fit is to be answered again."""

    model_config = ConfigDict(populate_by_name=True)

    old: DottedId = Field(alias="from")
    new: list[DottedId] = Field(alias="to", min_length=2)


class Rebanded(Frozen):
    """A level question whose levels were redefined: each old level's new level."""

    question: DottedId
    """The question's id in this version."""
    levels: dict[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]]
    """Old level → new level; a level not listed is to be answered again."""


class Migration(Frozen):
    """What changed from version ``from`` to this one.  A question not named keeps its id
    and its answer; a question of this version that no old answer reaches is asked anew."""

    model_config = ConfigDict(populate_by_name=True)

    old_version: Annotated[int, Field(ge=1)] = Field(alias="from")
    renamed: list[Renamed] = []
    moved: list[Renamed] = []
    """Moved to another indicator: the same as renamed, said as it happened."""
    split: list[Split] = []
    removed: list[DottedId] = []
    """Questions no longer asked: their answers and notes are kept in the migrated file
    (``migrated``), never dropped."""
    rebanded: list[Rebanded] = []
