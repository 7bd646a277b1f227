"""How a phase of the roadmap picks its steps from the ranked candidates: those that
together lift what its grade needs, then, for what no step lifts a whole level, the
smallest step that works on it and earns its place (``docs/diagnosis.md``, Roadmap)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from .candidates import EFFORT_WEIGHT, Candidate, cheaper, lifts
from .catchup import below
from .model.diagnosis import Improvement
from .model.questionnaire import Questionnaire


def pick(cands: list[Candidate], need: Mapping[str, Improvement], earns: Callable[[Candidate], bool],
         held: Collection[str] = ()) -> tuple[list[Candidate], list[str]]:
    """Candidates in order that together cover a path; foundations first (those in
    ``held`` only where the path needs them).  ``earns``: whether a step that lifts no
    indicator of the path far enough still earns a place in the phase by working on one.
    A phase this leaves empty is the caller's to fill (``last_resort``), phase 1 after its
    catch-up."""
    reached = {i: imp.from_level for i, imp in need.items()}
    chosen = []
    lifted = [(c, lifts(c)) for c in cands]
    for k, (c, to) in enumerate(lifted):
        useful = [i for i, imp in need.items() if reached[i] < imp.to_level and to.get(i, 0) > reached[i]]
        if useful and c.tier != 0 and cheaper(c, lifted[k + 1:], {i: to[i] for i in useful}) is not None:
            continue
        if useful or (c.tier == 0 and c.scenario.id not in held):
            chosen.append(c)
            for i in useful:
                reached[i] = to[i]
    uncovered = not_reached(need, chosen)
    # an indicator no scenario lifts a whole level still gets the smallest scenario that
    # works on it and earns its place (the first of those; round 102: ``candidates.cheaper``)
    fill(cands, uncovered, chosen, earns)
    chosen.sort(key=cands.index)
    return chosen, uncovered


def last_resort(cands: list[Candidate], uncovered: list[str], chosen: list[Candidate]) -> None:
    """A phase that would otherwise be empty takes one step: the smallest that works on the
    first of ``uncovered`` that any candidate works on, worth its place or not (round 3:
    p15's phase 1 was empty while such steps ranked 5th, 6th).  Phase 1 asks it after its
    catch-up, which may fill the phase (round 204: a footprint that moved no level headed
    p97-a's phase 1 beside three catch-up steps, taken while the phase was still empty)."""
    if not chosen:
        helper = next(filter(None, (_smallest(cands, i, lambda c: True) for i in uncovered)), None)
        if helper is not None:
            chosen.append(helper)


def fill(cands: list[Candidate], uncovered: list[str], chosen: list[Candidate],
         fit: Callable[[Candidate], bool]) -> None:
    """Add to ``chosen``, for each indicator of ``uncovered``, the smallest candidate that
    works on it and ``fit`` admits, unless already chosen."""
    for i in uncovered:
        helper = _smallest(cands, i, fit)
        if helper is not None and helper not in chosen:
            chosen.append(helper)


def _smallest(cands: list[Candidate], indicator: str, fit: Callable[[Candidate], bool]) -> Candidate | None:
    """The smallest candidate (by effort; the first of equal size) that works on
    ``indicator`` and ``fit`` admits, or None."""
    return min((c for c in cands if indicator in c.blocking and fit(c)),
               key=lambda c: EFFORT_WEIGHT[c.effort], default=None)


def earns_place(q: Questionnaire, grade: int, c: Candidate) -> bool:
    """Whether a step that works on what holds the grade back, without lifting it a level,
    earns a place in the phase: it lifts some indicator a level, finishes what the plant has
    begun, or works on an answer below the grade the plant has (round 69: a step not begun
    that moved no level was 3 of the 4 phase-1 "does not fit" votes, "adds +0.01 and changes
    no level")."""
    return bool(c.raises) or "in_part" in c.reasons or "started" in c.reasons or any(
        below(q, d, grade) for d in c.delivers)


def not_reached(need: Mapping[str, Improvement], chosen: list[Candidate]) -> list[str]:
    """The indicators of ``need`` that the chosen scenarios do not lift far enough."""
    lifted = [lifts(c) for c in chosen]
    return [i for i, imp in need.items()
            if max([imp.from_level, *(to.get(i, 0) for to in lifted)]) < imp.to_level]


__all__ = ["earns_place", "fill", "last_resort", "not_reached", "pick"]
