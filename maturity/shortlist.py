"""Which ranked candidates the report lists: after the roadmap is planned
(``recommend.plan``), the steps no phase takes are kept only where something argues for
them, the list is cut at its limit, and no step is listed on a foundation the list leaves
out.  Every step a phase takes is listed.  See ``docs/diagnosis.md`` (rules 6 and 7 of
the candidates, and the builds-on rule)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .candidates import Candidate, fits
from .delivery import lacking, question_state
from .model.answers import SMALL
from .model.assessment import Assessment
from .model.questionnaire import Questionnaire
from .normalise import Normalised


def still_lacking(q: Questionnaire, a: Assessment, values: Mapping[str, Normalised],
                  ids: Collection[str]) -> set[str]:
    """The scenarios of ``ids`` that fit the plant and that it still lacks (by ``a`` and
    ``values``, the answers as they stand at this phase)."""
    if not ids:
        return set()
    state = question_state(a)
    return {sc.id for sc in q.scenarios_for(a.enterprise) if sc.id in ids and fits(q, sc, a)
            and lacking(q, sc, state, values)}


def _held_back(c: Candidate, after: Collection[str]) -> bool:
    """Whether the roadmap holds ``c`` back: no phase was left for it after the step a
    phase pulled in first for it (``after``), or it waits until a step uses it
    (``when_used``).  Such a step is part of the plan: never cut by the limit or rule 7."""
    return c.scenario.id in after or "when_used" in c.reasons


def shortlist(q: Questionnaire, a: Assessment, values: Mapping[str, Normalised], ordered: list[Candidate],
              phase_of: Mapping[str, int], after: Collection[str], checked: Collection[str],
              limit: int) -> list[Candidate]:
    """The candidates of ``ordered`` (ranked, phased ones first) that the report lists.

    ``after``: the steps the roadmap held back for want of a phase; ``checked``: the steps
    the completeness check names, which count as given for what builds on them."""
    # a large project that no phase takes and that moves no indicator a level is not advised:
    # nothing in the index argues for it (round 71: a whole-plant twin at a fibre plant and a
    # battery plant, pay-per-use contracts for refrigerators, "large effort for +0.01")
    ordered = [c for c in ordered if c.scenario.id in phase_of or c.raises or c.effort != "L"
               or {"after", "when_used"} & set(c.reasons)]
    # nor, at a micro or small firm, one that no phase takes and that works only on what
    # matters little to the firm (``Candidate.minor``), unless the roadmap holds it back:
    # energy sub-metering where energy is not a major cost, "would cost more than it could
    # save" (docs/diagnosis.md, rule 7: 33 of 52 verdicts "does not fit" at such firms over
    # the rounds, against 1 of 29 at larger plants)
    if a.enterprise.size in SMALL:
        ordered = [c for c in ordered if c.scenario.id in phase_of or not c.minor or _held_back(c, after)]
    # every phased one, and every one the roadmap holds back for a stated reason (after what
    # it builds on, with what will use it): part of the plan, never cut by the limit
    keep = max(limit, len(phase_of))
    shown = ordered[:keep] + [c for c in ordered[keep:] if _held_back(c, after)]
    # a step outside the phases that builds on what the plant lacks, none of which the list
    # gives, is not advised on a foundation the report leaves out (round 63: plan optimisation
    # "after workshop scheduling", which the report never proposed: "the step it depends on
    # is not recommended"); one named for a check of its unrated items counts as given
    while True:
        listed = {c.scenario.id for c in shown} | set(checked)
        lacks = still_lacking(q, a, values, {b for c in shown for b in c.scenario.builds_on} - listed)
        cut = [c for c in shown if c.scenario.id not in phase_of and lacks & set(c.scenario.builds_on)
               and not listed & set(c.scenario.builds_on)]
        if not cut:
            return shown
        shown = [c for c in shown if c not in cut]


__all__ = ["shortlist", "still_lacking"]
