"""Groups between an indicator and its questions (``Indicator.groups``, to any depth):
the tree the engine rolls an indicator up through, and each group's own numbers.

A group's shares per level (CMMM) or fraction (points, mean) are the weighted mean of
what it holds, questions and groups alike; a group nothing of which takes part (all n/a,
or weighing nothing) is left out, as such a question is.  Part of the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .model.questionnaire import MeanScoring
from .numbers import Part, QRow
from .rating import grade, norm, weighted

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Plan

Node = tuple[str, float, list]
"""A group: (its path in the indicator, its weight, its children: groups or question ids)."""


def tree(groups: list, questions: list, iid: str, overrides: Mapping[str, float],
          prefix: str = "") -> list[Node]:
    """The groups of an indicator as nodes, each holding its subgroups and the ids of the
    questions that name it (production-type weight overrides apply to questions)."""
    out = []
    for g in groups:
        path = f"{prefix}{g.id}"
        held: list = tree(g.groups, questions, iid, overrides, path + ".")
        held += [f"{iid}.{x.id}" for x in questions if x.group == path]
        out.append((path, g.weight, held))
    return out


def shares(node: Node, rows: Mapping[str, QRow], n: int
                 ) -> tuple[float, list[float | None], bool]:
    """``(weight, shares per level, takes part)`` of a group: its children's shares by
    weight; a group none of whose questions takes part (all n/a, or weighing nothing) is
    left out, as such a question is."""
    parts: list[tuple[float, list[float | None]]] = []
    for child in node[2]:
        if isinstance(child, tuple):
            w, got, part = shares(child, rows, n)
            if part:
                parts.append((w, got))
        elif (r := rows.get(child)) is not None:
            parts.append((r.weight, [r.ratings.get(lv) for lv in range(1, n + 1)]))
    return node[1], weighted(parts, n), any(w > 0 for w, _ in parts)


def fraction(node: Node, rows: Mapping[str, QRow]) -> tuple[float, float, bool]:
    """``(weight, fraction, takes part)`` of a group: the weighted mean of what it holds."""
    parts: list[tuple[float, float]] = []
    for child in node[2]:
        if isinstance(child, tuple):
            w, frac, part = fraction(child, rows)
            if part:
                parts.append((w, frac))
        elif (r := rows.get(child)) is not None:
            parts.append((r.weight, r.fraction))
    return node[1], mean_of(parts), any(w > 0 for w, _ in parts)  # nothing that weighs: out


def mean_of(parts: list[tuple[float, float]]) -> float:
    """The weighted mean of ``(weight, value)`` pairs (0 when they weigh nothing)."""
    ws = norm([w for w, _ in parts])
    return sum(w * v for w, (_, v) in zip(ws, parts, strict=True))


def numbers(plan: Plan, c: Part) -> list[Part]:
    """An indicator's groups (from its rows, so after a run with ``rows``) as parts:
    ``id`` the path, ``children`` the subgroups, each with its level and score on the
    indicator's scale (CMMM: its level scores and total; points: its share of the
    indicator's points; mean: its mean)."""
    rows = {r.id: r for r in c.rows}

    def part(node: Node, share: float) -> Part:
        sub = [child for child in node[2] if isinstance(child, tuple)]
        if plan.cmmm:
            w, per_level, takes = shares(node, rows, plan.n)
            p = Part(node[0], w, takes)
            plan.levels_of(p, per_level)
        else:
            scoring = plan.q.scoring
            w, frac, takes = fraction(node, rows)
            p = Part(node[0], w, takes, frac=frac)
            mean = isinstance(scoring, MeanScoring)
            p.score_max = scoring.total if mean else c.score_max * share
            p.score = p.score_max * frac
            p.level = grade(scoring.bands, scoring.total * frac)  # type: ignore[union-attr]
        weights = norm([g[1] if fraction(g, rows)[2] else 0.0 for g in sub])
        p.children = [part(g, share * s) for g, s in zip(sub, weights, strict=True)]
        return p

    top = plan.trees.get(c.id, [])
    weights = norm([g[1] if fraction(g, rows)[2] else 0.0 for g in top])
    return [part(g, s) for g, s in zip(top, weights, strict=True)]
