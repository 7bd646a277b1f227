"""What a scenario delivers, set against what the plant has: the questions it works on,
whether the plant lacks them, has done the scenario, or has begun it.  Pure functions
over an assessment's question states and normalised answers (``docs/diagnosis.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .model.answers import NA, RATING_VALUES
from .model.assessment import Assessment
from .model.diagnosis import QuestionChange
from .model.questionnaire import ChecklistQuestion, Questionnaire, YesNoQuestion
from .model.scenario import QuestionTarget, Scenario
from .normalise import Normalised, PartLevel
from .rating import EPS, rate
from .requirements import max_level

MOSTLY = RATING_VALUES["mostly"]
"""A checklist item counts as in place from "mostly" up (GB/T 39117's 0.8)."""


def targets(q: Questionnaire, sc: Scenario) -> list[QuestionTarget]:
    """The questions the scenario delivers (a level, or checklist items); by default every
    question of the indicators it raises, at the indicator's level (or the question's top)."""
    if sc.delivers:
        return list(sc.delivers)
    n = len(q.levels)
    out = []
    for t in sc.raises:
        _, ind = q.indicators[t.indicator]
        out += [QuestionTarget(question=f"{t.indicator}.{x.id}", level=min(t.level, max_level(x, n)))
                for x in ind.questions]
    return out


def question_state(a: Assessment) -> dict[str, tuple[str, int]]:
    """Question id → (status, level its answer reaches now)."""
    return {r.id: (r.status, r.level or 0) for d in a.dimensions for i in d.indicators for r in i.questions}


def _ratings(values: Mapping[str, Normalised] | None, qid: str) -> Mapping[str, Any]:
    v = (values or {}).get(qid)
    return v if isinstance(v, dict) else {}


def only_unrated(q: Questionnaire, changes: list[QuestionChange],
                 values: Mapping[str, Normalised] | None,
                 state: Mapping[str, tuple[str, int]] | None = None) -> bool:
    """Whether all that the changes would put in place is answers nobody gave: checklist
    items left without a rating in questions that were answered, or (with ``state``)
    questions left unanswered.  The plant may have them; nobody said
    (``docs/diagnosis.md``, "Completeness")."""
    if not changes:
        return False
    for c in changes:
        if state is not None and _unknown(q, c.question, state):
            continue
        question = q.questions[c.question][2]
        rated = (values or {}).get(c.question)
        if not isinstance(question, ChecklistQuestion) or not isinstance(rated, dict):
            return False
        items = items_to_place(question, c, rated)
        if not items or any(i in rated for i in items):
            return False
    return True


def _unknown(q: Questionnaire, qid: str, state: Mapping[str, tuple[str, int]]) -> bool:
    """Whether a question's answer is not known: left unanswered, or a follow-up closed
    because the question that opens it was left unanswered (or is itself unknown)."""
    return blank_gate(q, qid, lambda x: state.get(x, ("", 0))[0] == "unanswered") is not None


def blank_gate(q: Questionnaire, qid: str, blank: Callable[[str], bool]) -> str | None:
    """The unanswered question a question's answer waits on: itself if ``blank``, else the
    first ``blank`` question up its chain of follow-up gates (a follow-up is closed while
    the question that opens it is unanswered); None when the chain has none."""
    while not blank(qid):
        gate = getattr(q.questions[qid][2], "follow_up", None)
        if gate is None:
            return None
        qid = gate.question
    return qid


def items_to_place(question: ChecklistQuestion, c: QuestionChange,
                   rated: Mapping[str, Any]) -> tuple[str, ...]:
    """The checklist items a change puts in place: those it names, else those up to its
    target level not yet in place (``item_in_place``)."""
    return c.items or tuple(i for i in items_up_to(question, c.items, c.to_level)
                            if not item_in_place(rated.get(i, 0.0)))


def items_up_to(question: Any, named: Sequence[str], level: int | None) -> tuple[str, ...]:
    """The checklist items a change or a target covers: those it names, else every item of
    the question at or below its level (none for a question that is no checklist)."""
    if named:
        return tuple(named)
    return tuple(i.id for i in getattr(question, "items", []) if level is not None and i.level <= level)


def item_in_place(rating: Any) -> bool:
    """Whether a checklist item's normalised rating counts as in place: "mostly" or
    better, or n/a.  The one test of it, for the advice and for the report's words."""
    return rating == NA or (isinstance(rating, float) and rating >= MOSTLY - EPS)


def _partly(rating: Any) -> bool:
    """Whether a checklist item is in place at least in part (rated "partly" or better)."""
    return isinstance(rating, float) and rating > 0


def only_in_part(rating: Any) -> bool:
    """Whether a checklist item is begun but not in place: rated "partly"."""
    return _partly(rating) and not item_in_place(rating)


def _all_partly(values: Mapping[str, Normalised] | None, c: QuestionChange) -> bool:
    ratings = _ratings(values, c.question)
    return all(_partly(ratings.get(i)) for i in c.items)


def _missing(t: QuestionTarget, values: Mapping[str, Normalised] | None) -> list[str]:
    """The target's checklist items not yet in place (rated below "mostly", not n/a)."""
    ratings = _ratings(values, t.question)
    return [i for i in t.items if not item_in_place(ratings.get(i, 0.0))]


def _applies(t: QuestionTarget, state: Mapping[str, tuple[str, int]],
             values: Mapping[str, Normalised] | None) -> bool:
    if state.get(t.question, ("not_applicable", 0))[0] == "not_applicable":
        return False
    return not t.items or any(_ratings(values, t.question).get(i) != NA for i in t.items)


def holds(state: Mapping[str, tuple[str, int]], t: QuestionTarget,
          values: Mapping[str, Normalised] | None) -> bool:
    """Whether the plant's answer meets the target (a level, or every item in place)."""
    status, reached = state.get(t.question, ("not_applicable", 0))
    if status != "answered":
        return False
    return not _missing(t, values) if t.items else reached >= (t.level or 0)


def shows_begun(state: Mapping[str, tuple[str, int]], t: QuestionTarget,
                values: Mapping[str, Normalised] | None) -> bool:
    """Whether a ``begun_when`` answer holds: a level reached, every named checklist item
    in place at least in part (rated "partly" or better: begun, not yet done), or every
    named option of a multiple choice ticked."""
    if not t.items:
        return holds(state, t, values)
    if state.get(t.question, ("not_applicable", 0))[0] != "answered":
        return False
    ticked = (values or {}).get(t.question)
    if isinstance(ticked, frozenset):
        return ticked.issuperset(t.items)
    ratings = _ratings(values, t.question)
    return all(_partly(ratings.get(i)) for i in t.items)


def in_part(changes: list[QuestionChange], values: Mapping[str, Normalised] | None) -> bool:
    """Whether the plant has every change of a scenario in part already: each level to
    reach is the one answered ``k+`` (true in a part of the plant), and each checklist item
    to put in place is rated "partly".  The scenario is then a roll-out, not a start."""
    if not changes:
        return False
    for c in changes:
        v = (values or {}).get(c.question)
        if c.items:
            if not _all_partly(values, c):
                return False
        elif not (isinstance(v, PartLevel) and c.to_level == int(v) + 1 == c.from_level + 1):
            return False
    return True


SYSTEM_LEVEL = 2
"""The level from which a plant runs a question's subject on a system (GB/T 39116's
level 2, "standardised"); below it a plant has paper and habits, not a begun scenario."""


def started(sc: Scenario, changes: list[QuestionChange], state: Mapping[str, tuple[str, int]],
            values: Mapping[str, Normalised] | None, top: int) -> bool:
    """Whether the plant has begun the scenario, so that the scenario completes what is in
    place (``docs/diagnosis.md``, "What the plant has begun"): any of its ``begun_when``
    holds; or (unless ``begun_by_targets`` is off) what it lacks is the last step of each
    question it works on: one level below the scenario's, from a level where the subject
    already runs on a system, never the top level (which names a new capability rather
    than more of the same), or from such a level answered ``k+`` (the next level, the
    scenario's first, is there in a part of the plant, whatever it reaches beyond), and
    each checklist item to put in place rated at least "partly".  ``top``: the top level."""
    if not changes:
        return False
    if any(shows_begun(state, t, values) for t in sc.begun_when):
        return True
    if not sc.begun_by_targets:
        return False
    for c in changes:
        if c.items:
            if not _all_partly(values, c):
                return False
        elif not ((SYSTEM_LEVEL <= c.from_level == c.to_level - 1 and c.to_level < top)
                  or (c.from_level >= SYSTEM_LEVEL and _next_in_part(values, c))):
            return False
    return True


def _next_in_part(values: Mapping[str, Normalised] | None, c: QuestionChange) -> bool:
    """Whether a level change starts from a ``k+`` answer: its first level to reach is
    true in a part of the plant already (``k+`` with k the level it starts from)."""
    v = (values or {}).get(c.question)
    return isinstance(v, PartLevel) and int(v) == c.from_level < c.to_level


def _reached(q: Questionnaire, qid: str, values: Mapping[str, Normalised] | None,
             items: tuple[str, ...] | list[str]) -> int:
    """The level a checklist question's answer reaches with ``items`` put fully in place."""
    after = {**_ratings(values, qid), **dict.fromkeys(items, 1.0)}
    return rate(q.questions[qid][2], after, len(q.levels), MOSTLY)[2]


def up_to(q: Questionnaire, changes: list[QuestionChange], values: Mapping[str, Normalised] | None,
          level: int) -> list[QuestionChange]:
    """The part of ``changes`` that works up to ``level``: answers below it raised at most
    to it, and the checklist items of levels at or below it (an answer already at the
    level, or an item above it, is work past it and is dropped)."""
    out = []
    for c in changes:
        if c.items:
            question = q.questions[c.question][2]
            keep = tuple(i.id for i in getattr(question, "items", []) if i.id in c.items and i.level <= level)
            if keep:
                reached = _reached(q, c.question, values, keep)
                out.append(c.model_copy(update={"items": keep, "to_level": max(c.from_level, reached)}))
        elif c.from_level < level:
            to, question = min(c.to_level, level), q.questions[c.question][2]
            if isinstance(question, YesNoQuestion) and to < question.level:
                continue  # a yes meets its one level only: capped below it, it delivers nothing
            out.append(c.model_copy(update={"to_level": to}))
    return out


def keeps_core(q: Questionnaire, sc: Scenario, changes: list[QuestionChange]) -> bool:
    """Whether ``changes`` put in place some of the scenario's core: what shows it done
    (``done_when``) among the questions it works on, one of its checklist items (named, or
    of a level the change reaches) or one of its answers at its level.  Where its
    ``done_when`` lies only outside them (an indirect sign, such as OEE in place for
    condition monitoring), its core is its own targets.  A part that puts none of it in
    place is the ladder under the scenario, not a step of it (a register of improvement
    projects is no part of data-driven lean management, nor is making simulation a step of
    the development procedure a virtual test bench).  Without ``done_when``, any part of
    what the scenario delivers is."""
    if not sc.done_when:
        return True
    own = targets(q, sc)
    worked = {t.question for t in own}
    core = [t for t in sc.done_when if t.question in worked] or own
    for t in core:
        for c in changes:
            if c.question != t.question:
                continue
            if not t.items:
                if c.to_level >= (t.level or 0):
                    return True
                continue
            if set(items_up_to(q.questions[c.question][2], c.items, c.to_level)) & set(t.items):
                return True
    return False


def last_step(changes: list[QuestionChange]) -> bool:
    """Whether what a begun scenario lacks is a single step: one question up one level,
    or one checklist item.  The scenario is then offered as that step, not as the project
    its name describes (``docs/diagnosis.md``)."""
    if len(changes) != 1:
        return False
    c = changes[0]
    return len(c.items) == 1 if c.items else c.to_level - c.from_level == 1


def in_place(q: Questionnaire, sc: Scenario, state: Mapping[str, tuple[str, int]],
             values: Mapping[str, Normalised] | None
             ) -> list[tuple[str, int | tuple[str, ...]]]:
    """What of the scenario's targets the plant has now: (question, the level its answer
    reaches) for level targets from level 2 up (level 1 describes paper and habits, often
    with what is still missing: "not yet broken down into projects"), or at any level for
    a question the scenario's ``begun_when`` names; (question, the target items in place,
    rated "mostly" or better) for item targets (one rated only "partly" is still to do,
    and listed as such); answered questions only.  First, the options of a multiple choice
    that ``begun_when`` names, where they show the scenario begun: the system the plant runs
    (an ERP ticked among the systems in daily use begins the ERP step)."""
    named = {t.question for t in sc.begun_when}
    ticked: dict[str, dict[str, None]] = {}  # question → its options that began the scenario
    for t in sc.begun_when:
        options = t.items and isinstance((values or {}).get(t.question), frozenset)
        if options and shows_begun(state, t, values):
            ticked.setdefault(t.question, {}).update(dict.fromkeys(t.items))
    out: list[tuple[str, int | tuple[str, ...]]] = [(qid, tuple(items)) for qid, items in ticked.items()]
    for t in targets(q, sc):
        status, reached = state.get(t.question, ("not_applicable", 0))
        if status != "answered" or t.question in ticked:  # said once, by what began it
            continue
        if t.items:
            ratings = _ratings(values, t.question)
            have = tuple(i for i in t.items if _partly(r := ratings.get(i)) and item_in_place(r))
            if have:
                out.append((t.question, have))
        elif reached >= SYSTEM_LEVEL or (reached >= 1 and t.question in named):
            out.append((t.question, reached))
    return out


def done(sc: Scenario, state: Mapping[str, tuple[str, int]],
         values: Mapping[str, Normalised] | None) -> bool:
    """Whether the answers show the scenario's ``done_when``: the plant has done it."""
    return bool(sc.done_when) and all(holds(state, t, values) for t in sc.done_when)


def lacking(q: Questionnaire, sc: Scenario, state: Mapping[str, tuple[str, int]],
            values: Mapping[str, Normalised] | None = None, had: bool | None = None
            ) -> list[QuestionChange] | None:
    """The delivered questions below the scenario's level (or checklist items not in
    place); ``None`` when none applies; ``[]`` when the enterprise already has it
    (every one in place, or its ``done_when``; ``had`` overrides the latter, for answers
    that are a simulation of later phases rather than what the plant has).  Item targets
    need ``values``."""
    applicable = [t for t in targets(q, sc) if _applies(t, state, values)]
    if not applicable:
        return None
    if done(sc, state, values) if had is None else had:
        return []
    out = []
    for t in applicable:
        now = state[t.question][1]
        if t.items:
            missing = _missing(t, values)
            if missing:
                out.append(QuestionChange(question=t.question, from_level=now,
                                          to_level=max(now, _reached(q, t.question, values, missing)),
                                          items=missing))
        elif now < (t.level or 0):
            out.append(QuestionChange(question=t.question, from_level=now, to_level=t.level or 0))
    return out
