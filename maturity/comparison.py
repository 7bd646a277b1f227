"""Comparison of two assessments over time (``maturity compare OLD NEW``)."""

from __future__ import annotations

from .errors import UsageError, expect
from .model.assessment import Assessment
from .model.diagnosis import Change, Comparison
from .model.questionnaire import Questionnaire
from .scoring import scored_against
from .timeline import enterprise_key


def compare(before: Assessment, after: Assessment, questionnaire: Questionnaire | None = None
            ) -> Comparison:
    """Grade and score changes overall, per dimension and per indicator, and the
    scenarios completed in between.  ``UsageError`` unless both answer the same index
    version (scores of two versions are not on one scale), are of one enterprise (by
    ``enterprise.id``, else name, where both have one) and ``after`` is not dated before
    ``before``: any of those would report progress that did not happen."""
    expect(before, Assessment, "compare(before, after): before is an Assessment (maturity.assess)")
    expect(after, Assessment, "compare(before, after): after is an Assessment (maturity.assess)")
    if before.questionnaire.split("@")[0] != after.questionnaire.split("@")[0]:
        raise UsageError(f"cannot compare {before.questionnaire} with {after.questionnaire}: "
                         f"different indices")
    if before.questionnaire != after.questionnaire:
        raise UsageError(f"cannot compare {before.questionnaire} with {after.questionnaire}: scores of "
                         f"two index versions are not on one scale; carry the older answers to "
                         f"{after.questionnaire} first (maturity migrate)")
    keys = enterprise_key(before), enterprise_key(after)
    if None not in keys and keys[0] != keys[1]:
        raise UsageError(f"cannot compare assessments of different enterprises ({keys[0]}, {keys[1]}; "
                         f"matched by enterprise.id, else by name)")
    if before.assessed_on and after.assessed_on and after.assessed_on < before.assessed_on:
        raise UsageError(f"the new assessment ({after.assessed_on}) is dated before the old one "
                         f"({before.assessed_on}): give the earlier one first")
    if questionnaire is None:
        questionnaire = scored_against(after) or scored_against(before)
    if questionnaire is None:
        from .loading import shared_questionnaire

        questionnaire = shared_questionnaire(after.questionnaire)

    def change(ident: str, a: object, b: object) -> Change:
        return Change(id=ident, level_before=a.level, level_after=b.level,  # type: ignore[attr-defined]
                      score_before=a.score, score_after=b.score)  # type: ignore[attr-defined]

    old_dims = {d.id: d for d in before.dimensions}
    dims = [change(d.id, old_dims[d.id], d) for d in after.dimensions if d.id in old_dims]
    old_ind = {i.id: i for d in before.dimensions for i in d.indicators}
    new_ind = {i.id: i for d in after.dimensions for i in d.indicators}
    moved = [change(i, old_ind[i], new_ind[i]) for i in new_ind
             if i in old_ind and old_ind[i].level != new_ind[i].level]
    moved.sort(key=lambda c: (-(c.level_after - c.level_before), c.id))

    from .recommend import completed

    completed_ids = completed(questionnaire, before, after)
    return Comparison(questionnaire=after.questionnaire, before=before.assessed_on,
                      after=after.assessed_on, total=change("total", before, after),
                      dimensions=dims, indicators=moved, completed_scenarios=completed_ids)
