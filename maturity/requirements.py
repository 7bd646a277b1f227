"""Which levels a question has requirements at, and the highest level it can reach.

Shared by validation (is every level reachable?), scoring (what each answer rates) and
the diagnosis (how far a question can be raised); it depends on the models only, so
none of those modules has to import another for it.
"""

from __future__ import annotations

from .model.questionnaire import (
    ChecklistQuestion,
    ChoiceOption,
    ChoiceQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    QuestionT,
    YesNoQuestion,
)

_LEVELS: dict[tuple[int, int], tuple[QuestionT, tuple[int, ...]]] = {}
"""(id(question), n) → (question, levels); the question is kept so its id is not reused."""


ByLevel = tuple[tuple[int, tuple[tuple[str, float], ...]], ...]
"""A checklist's items by level: (level, ((item id, weight), …)), levels ascending, items
in their order within each level."""

_ITEMS: dict[int, tuple[ChecklistQuestion, tuple[tuple[str, int, float], ...], frozenset[str], ByLevel]] = {}
"""id(checklist) → (checklist, its items, their ids, its items by level); the question is
kept so its id is not reused."""


def _items(question: ChecklistQuestion) -> tuple[ChecklistQuestion, tuple[tuple[str, int, float], ...],
                                                 frozenset[str], ByLevel]:
    found = _ITEMS.get(id(question))
    if found is None or found[0] is not question:
        if len(_ITEMS) > 4096:
            _ITEMS.clear()
        items = tuple((i.id, i.level, i.weight) for i in question.items)
        by_level = tuple((lv, tuple((i, w) for i, k, w in items if k == lv))
                         for lv in sorted({k for _, k, _ in items}))
        found = _ITEMS[id(question)] = (question, items, frozenset(i for i, _, _ in items), by_level)
    return found


def checklist_items(question: ChecklistQuestion) -> tuple[tuple[str, int, float], ...]:
    """A checklist's items as (id, level, weight), in order (memoised per question object:
    checking and rating a checklist are the commonest per-answer work of a batch)."""
    return _items(question)[1]


def checklist_ids(question: ChecklistQuestion) -> frozenset[str]:
    """The ids of a checklist's items (memoised like :func:`checklist_items`)."""
    return _items(question)[2]


def checklist_by_level(question: ChecklistQuestion) -> ByLevel:
    """A checklist's items grouped by level, levels ascending (memoised like
    :func:`checklist_items`; what rating an answer walks)."""
    return _items(question)[3]


def option_level(option: ChoiceOption, n: int) -> int:
    """The level a choice answer reaches: its own, or its value on the scale of levels,
    rounded half up (of 3 levels: 0.25 reaches 1, 0.5 reaches 2, 1 reaches 3)."""
    return option.level if option.level is not None else int(option.value * n + 0.5 + 1e-9)


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
    if isinstance(question, ChoiceQuestion):
        return tuple(range(1, max_level(question, n) + 1))
    return tuple(range(1, n + 1))


def max_level(question: QuestionT, n: int) -> int:
    """The highest level any answer to this question can reach."""
    if isinstance(question, LevelQuestion):
        return max(k for k in question.anchors if k <= n) if question.anchors else 0
    if isinstance(question, NumberQuestion | MultiQuestion):
        return max(b.level for b in question.bands)
    if isinstance(question, YesNoQuestion):
        return question.level
    if isinstance(question, ChoiceQuestion):
        return min(n, max((option_level(o, n) for o in question.choices), default=0))
    return max(i.level for i in question.items)
