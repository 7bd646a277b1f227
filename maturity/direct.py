"""What "improve directly" asks: the question-level changes behind a path's indicator
improvements that no scenario of the phase makes.

A path (``improve.path_to``) raises indicators; where the phase's scenarios do not raise one
far enough, the report tells the plant to improve it directly.  This says how, in the
index's own words: the least change the path search makes to the answers (``apply``),
beyond what the phase's steps put in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .delivery import item_in_place, question_state
from .engine import plan_for
from .improve import apply
from .model.assessment import Assessment
from .model.diagnosis import Improvement, Path, QuestionChange, TargetPlan
from .model.questionnaire import Questionnaire
from .normalise import Normalised
from .reaching import apply_targets
from .scoring import score


def own_aims(plan: TargetPlan | None) -> dict[str, Improvement]:
    """The plant's own targets as the planner keeps them: the target plan's improvements
    by indicator (none without a plan)."""
    return {i.indicator: i for i in plan.improvements} if plan is not None else {}


def direct_aims(path: Path, indicators: Iterable[str], aims: Mapping[str, Improvement] | None = None
                ) -> list[Improvement]:
    """The level each of ``indicators`` is improved to directly: its level on ``path``, or
    the plant's own target in ``aims`` where that is higher (phase 1 keeps the targets
    whatever the grade needs, ``recommend.plan``); one improvement each, in the path's
    order, then the targets the path does not take.  The one reading of these levels, for
    the planner's check that the phase reaches its grade, the state the next phase is
    planned from, the list of what it leaves as it is, and the report's "what it asks"
    rows and the count in their heading."""
    wanted, aims = set(indicators), aims or {}
    chosen = {i.indicator: i for i in path.improvements if i.indicator in wanted}
    for i, imp in aims.items():
        if i in wanted and (i not in chosen or imp.to_level > chosen[i].to_level):
            chosen[i] = imp
    order = [i.indicator for i in path.improvements if i.indicator in chosen]
    return [chosen[i] for i in order + [i for i in aims if i in chosen and i not in order]]


def direct_levels(path: Path, indicators: Iterable[str], aims: Mapping[str, Improvement] | None = None
                  ) -> dict[str, int]:
    """:func:`direct_aims` as the level each indicator is improved to, for ``improve.apply``."""
    return {i.indicator: i.to_level for i in direct_aims(path, indicators, aims)}


def direct_changes(q: Questionnaire, a: Assessment, values: Mapping[str, Normalised],
                   steps: Iterable[QuestionChange], improvements: Iterable[Improvement]
                   ) -> list[tuple[Improvement, list[QuestionChange]]]:
    """What each indicator improvement of a path asks of the answers beyond what ``steps``
    (the changes of a phase's scenarios) put in place: the least change the path search
    makes (``apply``), question by question, with the checklist items it puts in place.
    The report says it where no scenario does all the work ("improve directly")."""
    steps = list(steps)
    if steps:
        values = apply_targets(q, values, steps, a.enterprise)
        a = score(q, values, a.enterprise, a.assessed_on)
    before = question_state(a)
    out = []
    for imp in improvements:
        improved = apply(q, values, {imp.indicator: imp.to_level}, a.enterprise)
        after = question_state(score(q, improved, a.enterprise, a.assessed_on))
        changes = []
        for qid in before:  # in the questionnaire's order
            new, old = improved.get(qid), values.get(qid)
            if new == old or qid.rsplit(".", 1)[0] != imp.indicator:
                continue
            was = old if isinstance(old, dict) else {}
            items = tuple(i for i, v in new.items() if item_in_place(v)
                          and not item_in_place(was.get(i, 0.0))) if isinstance(new, dict) else ()
            changes.append(QuestionChange(question=qid, from_level=before[qid][1], to_level=after[qid][1],
                                          items=items))
        out.append((imp, changes))
    return out


def spared(q: Questionnaire, a: Assessment, values: Mapping[str, Normalised],
           steps: Iterable[QuestionChange], path: Path, uncovered: Iterable[str],
           aims: Mapping[str, Improvement] | None = None) -> tuple[str, ...]:
    """The indicators of ``path`` that a phase leaves as they are: re-scored with what its
    steps deliver (``steps``) and what it improves directly (``uncovered``, each to the
    level :func:`direct_aims` gives), none of the answers such an indicator reads changes (its own
    questions, and any question in another indicator that opens one of its follow-ups),
    yet the grade is reached (``recommend._direct`` checks that it is).  The report says so,
    so that the path and the roadmap do not read as two answers to one question (round 125,
    p77: "the report's own path to L2 needs Quality control, yet phase 1 has no quality
    step").  An indicator a step lifts only part of the way, or several steps lift
    together, is not named: the phase does raise it.  ``aims``: the plant's own target
    levels, which the phase also improves directly where they are among ``uncovered``."""
    if not path.reachable:
        return ()
    uncovered = set(uncovered)
    done = apply_targets(q, values, list(steps), a.enterprise)
    after = apply(q, done, direct_levels(path, uncovered, aims), a.enterprise)
    changed = {k for k in values.keys() | after.keys() if values.get(k) != after.get(k)}
    reads = plan_for(q, a.production_type).deps
    return tuple(i.indicator for i in path.improvements
                 if i.indicator not in uncovered and not changed & set(reads.get(i.indicator, ())))
