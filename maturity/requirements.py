"""Which levels a question has requirements at, and the highest level it can reach.

Shared by validation (is every level reachable?), scoring (what each answer rates) and
the diagnosis (how far a question can be raised); it depends on the models only, so
none of those modules has to import another for it.
"""

from __future__ import annotations

from .model.questionnaire import (
    ChecklistQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    QuestionT,
    YesNoQuestion,
)

_LEVELS: dict[tuple[int, int], tuple[QuestionT, tuple[int, ...]]] = {}
"""(id(question), n) → (question, levels); the question is kept so its id is not reused."""


def question_levels(question: QuestionT, n: int) -> tuple[int, ...]:
    """The levels a question has requirements at (memoised per question object)."""
    key = (id(question), n)
    found = _LEVELS.get(key)
    if found is None or found[0] is not question:
        found = (question, _question_levels(question, n))
        _LEVELS[key] = found
    return found[1]


def _question_levels(question: QuestionT, n: int) -> tuple[int, ...]:
    if isinstance(question, YesNoQuestion):
        return (question.level,)
    if isinstance(question, ChecklistQuestion):
        return tuple(sorted({i.level for i in question.items}))
    if isinstance(question, NumberQuestion | MultiQuestion):
        return tuple(range(question.min_level, min(n, question.max_level or n) + 1))
    return tuple(range(1, n + 1))


def max_level(question: QuestionT, n: int) -> int:
    """The highest level any answer to this question can reach."""
    if isinstance(question, LevelQuestion):
        return max(k for k in question.anchors if k <= n) if question.anchors else 0
    if isinstance(question, NumberQuestion | MultiQuestion):
        return max(b.level for b in question.bands)
    if isinstance(question, YesNoQuestion):
        return question.level
    return max(i.level for i in question.items)
