"""The result of scoring: an immutable :class:`Assessment`.

Everything here is plain data: it serialises losslessly to JSON
(``model_dump(mode="json")`` / ``model_validate_json``) and carries no text in any
language, so reports can render it in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from .answers import Enterprise, Merged
from .base import Frozen, ReadOnlyDict, Text, sorted_answers, tr

QuestionStatus = Literal["answered", "unanswered", "not_applicable", "closed"]


class QuestionResult(Frozen):
    """How one question was scored."""

    id: str
    """Full question id."""
    status: QuestionStatus
    """``closed``: a follow-up its earlier answer did not open (scores as not yet)."""
    level: int | None
    """Level the answer reaches (0 = not yet); ``None`` when not applicable."""
    fraction: float | None
    """Share of the question's points earned, 0–1; ``None`` when not applicable."""
    weight: float
    """Weight used within the indicator (after production-type overrides)."""
    text: Text | None = None
    """The question's text, from the questionnaire (``label(lang)`` gives one language)."""

    def label(self, lang: str = "en") -> str:
        """The question's text in ``lang`` (else another language it has; else the id)."""
        return tr(self.text, lang) or self.id


class Shortfall(Frozen):
    """An indicator that keeps a score below the next level, and by how much."""

    indicator: str
    """``dimension.indicator`` id."""
    level: int
    """Level at which it falls short (CMMM), or its current level (points)."""
    score: float
    """Its score at that level (CMMM, 0–1) or the share of its points earned (points)."""
    impact: float
    """What closing the gap would add: to that level's score (CMMM) or in points."""


class NextLevel(Frozen):
    """Why the grade is not one higher."""

    level: int
    """The next grade."""
    needed: float
    """Total score that grade needs."""
    score: float
    """Total score now."""
    failing_level: int | None = None
    """CMMM: the first level whose score is below the threshold."""
    failing_score: float | None = None
    """CMMM: that level's score."""
    shortfalls: tuple[Shortfall, ...] = ()
    """Largest gaps first."""
    unmet_requirements: tuple[int, ...] = ()
    """Points method: indexes into ``scoring.requirements`` that block the grade."""


class Part(Frozen):
    """Common result fields of an indicator, a dimension and the whole assessment."""

    level: int
    """Grade reached (0 = not yet at level 1)."""
    score: float
    """Continuous score: 0–N (CMMM) or points (points method)."""
    score_max: float
    """Highest possible ``score``."""
    level_scores: tuple[float | None, ...] = ()
    """CMMM: score of each level 1..N (``None``: no requirement at that level)."""


class _Named(Part):
    id: str
    name: Text | None = None
    """The name in the questionnaire's languages (``label(lang)`` gives one)."""

    def label(self, lang: str = "en") -> str:
        """The name in ``lang`` (else another language it has; else the id)."""
        return tr(self.name, lang) or self.id


class GroupResult(_Named):
    """A group of an indicator's questions (``Indicator.groups``), scored on the
    indicator's own scale; ``id`` is its path in the indicator (``a`` or ``a.x``)."""

    id: str
    weight: float
    """Weight among the groups beside it."""
    applicable: bool = True
    """False when no question of the group takes part (all n/a)."""
    groups: tuple[GroupResult, ...] = ()


def _not_found(kind: str, ident: str, known: list[str]) -> Exception:
    """A :class:`~maturity.errors.NotFoundError` (a ``LookupError``, as the bare ``KeyError``
    it replaces) naming the id and the nearest known one."""
    from ..errors import Issue, NotFoundError, hint

    message = f"no {kind} {ident!r} in this assessment{hint(str(ident), known)}"
    return NotFoundError(message, [Issue(message, code="not_found")])


class IndicatorResult(_Named):
    id: str
    """``dimension.indicator`` id."""
    weight: float
    """Weight used within the dimension."""
    applicable: bool = True
    """False when every question of the indicator is not applicable (it is left out)."""
    questions: tuple[QuestionResult, ...]
    groups: tuple[GroupResult, ...] = ()
    """Its groups, when the questionnaire gives it some (scored with the details only)."""

    def group(self, path: str) -> GroupResult:
        """The group at ``path`` (``a`` or ``a.x``)."""
        found = {g.id: g for g in _walk(self.groups)}
        if path not in found:
            raise _not_found("group", path, list(found))
        return found[path]


def _walk(groups: tuple[GroupResult, ...]) -> list[GroupResult]:
    return [x for g in groups for x in (g, *_walk(g.groups))]


class DimensionResult(_Named):
    id: str
    weight: float
    """Weight used in the total. CMMM, for an enterprise that says others run some of its
    functions: at the levels above the index's ``elsewhere_up_to`` it is scaled by the share
    of the dimension's indicators (by weight) that the enterprise runs itself (methodology
    §1a)."""
    applicable: bool = True
    """False when every question of the dimension is not applicable (it is left out)."""
    indicators: tuple[IndicatorResult, ...]
    holding_back: tuple[Shortfall, ...] = ()
    """Indicators that keep this dimension below its next level, largest gap first."""


def _sorted(answers: dict[str, Any]) -> ReadOnlyDict:
    """Answers by question id, read-only at every depth (``base.sorted_answers``)."""
    return sorted_answers(answers)


class Assessment(Part):
    """The scored assessment of one enterprise against one questionnaire."""

    questionnaire: str
    """``id@version`` scored against."""
    method: Literal["cmmm", "points", "mean"]
    levels: int
    """Number of levels of the scale."""
    enterprise: Enterprise = Enterprise()
    assessed_on: dt.date | None = None
    assessor: str | None = None
    merged: Merged | None = None
    """The respondents, the rule and their disagreements, for a merged answers file."""
    targets: Annotated[dict[str, int | str], AfterValidator(ReadOnlyDict)] = \
        Field(default_factory=ReadOnlyDict)
    """The answers file's targets per dimension or indicator (``AnswersFile.targets``)."""
    production_type: str | None = None
    """Production type used (given, or implied by the industry / questionnaire)."""
    profile: str | None = None
    """Production type whose weight profile was applied, if it has one."""
    completeness: float = Field(ge=0, le=1)
    """Answered share of the questions that can be answered (not N/A, not closed)."""
    answered: int
    unanswered: int
    not_applicable: int
    closed: int
    dimensions: tuple[DimensionResult, ...]
    next_level: NextLevel | None = None
    """Why the grade is not one higher; ``None`` at the top grade."""
    warnings: tuple[str, ...] = ()
    """Answers that were accepted but ignored (e.g. to a follow-up that is closed)."""
    answers: Annotated[dict[str, Any], AfterValidator(_sorted)] = Field(default_factory=ReadOnlyDict)
    """The checked answers that were scored, in answers-file form (so a diagnosis can
    re-score improvements without the original file)."""
    notes: Annotated[dict[str, str], AfterValidator(ReadOnlyDict)] = Field(default_factory=ReadOnlyDict)
    """The answers file's notes: question id (or ``enterprise.<field>``) → what the assessor
    wrote beside the answer, the evidence behind it (reports list them)."""

    def dimension(self, dim_id: str) -> DimensionResult:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise _not_found("dimension", dim_id, [d.id for d in self.dimensions])

    def indicator(self, ind_id: str) -> IndicatorResult:
        for d in self.dimensions:
            for i in d.indicators:
                if i.id == ind_id:
                    return i
        raise _not_found("indicator", ind_id, [i.id for d in self.dimensions for i in d.indicators])
