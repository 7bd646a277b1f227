"""Targets per dimension or indicator, as written: a level (``3`` or ``L3``) of something
a target can be set on.  The one check of targets, for an answers file and a ``--targets``
file alike (the least improvements that meet them are :mod:`maturity.targets`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import hint
from .model.questionnaire import Questionnaire


def target_level(q: Questionnaire, value: Any) -> int:
    """A target level: a number from 1 to n, or a level id (``L3``); ``ValueError`` if not."""
    ids = {lv.id.lower(): k for k, lv in enumerate(q.levels, 1)}
    level = ids.get(value.strip().lower()) if isinstance(value, str) else value
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= len(q.levels):
        raise ValueError(f"a target is a level from 1 to {len(q.levels)} (or {q.levels[0].id}…"
                         f"{q.levels[-1].id}), got {value!r}")
    return level


def is_target(q: Questionnaire, ident: str) -> bool:
    """Whether ``ident`` names something a target can be set on: a dimension or indicator."""
    return ident in q.indicators or any(d.id == ident for d in q.dimensions)


def target_problems(q: Questionnaire, targets: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """``(id, message)`` for each target that names no dimension or indicator of ``q`` or
    asks for no level of it: the one check of targets, in an answers file (``validate``,
    ``score``, the library) and in a ``--targets`` file alike."""
    out = []
    for ident, value in targets.items():
        if not isinstance(ident, str) or not is_target(q, ident):
            known = [*q.indicators, *(d.id for d in q.dimensions)]
            out.append((str(ident), f"no such dimension or indicator in {q.ref}"
                                    f"{hint(ident, known) if isinstance(ident, str) else ''}"))
            continue
        try:
            target_level(q, value)
        except ValueError as exc:
            out.append((ident, str(exc)))
    return out


__all__ = ["is_target", "target_level", "target_problems"]
