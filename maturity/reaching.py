"""The least change to one answer that reaches a level (``answer_reaching``), the best
answer a question can get (``top_answer``), and answers improved to question-level targets
(``apply_targets``): the per-question half of :mod:`maturity.improve`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .engine import resolve_production_type
from .model.answers import NA, Enterprise
from .model.diagnosis import QuestionChange
from .model.questionnaire import (
    ChecklistQuestion,
    ChoiceQuestion,
    Condition,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .normalise import Normalised
from .rating import applicable, band_for, holds
from .requirements import option_level


def answer_reaching(question: QuestionT, current: Normalised | None, k: int, n: int) -> Normalised | None:
    """The least change to ``current`` that makes ``question`` meet every level up to ``k``."""
    if current == NA:
        return current
    if isinstance(question, LevelQuestion):
        top = max(question.anchors)
        target = min(k, top)
        return current if current is not None and current >= target else target  # type: ignore[operator]
    if isinstance(question, YesNoQuestion):
        return True if question.level <= k else current
    if isinstance(question, ChecklistQuestion):
        ratings = dict(current) if isinstance(current, dict) else {}
        for item in question.items:
            if item.level <= k and ratings.get(item.id) != NA:
                ratings[item.id] = 1.0
        return ratings
    if isinstance(question, NumberQuestion):
        if k < question.min_level:
            return current
        bands = question.bands
        k = min(k, max(b.level for b in bands))  # past its top band a share rates no higher
        if current is not None and band_for(bands, float(current)).level >= k:  # type: ignore[arg-type]
            return current
        good = [b for b in bands if b.level >= k] or [max(bands, key=lambda b: b.level)]
        band = good[0] if question.better == "higher" else good[-1]
        return float(band.min)
    if isinstance(question, ChoiceQuestion):
        options = question.choices
        now = next((o for o in options if o.id == current), None)
        if now is not None and option_level(now, n) >= k:
            return current
        # the least change: the lowest-valued answer that reaches k (else the best there is)
        good = [o for o in options if option_level(o, n) >= k and (now is None or o.value >= now.value)]
        best = min(good, key=lambda o: (o.value, option_level(o, n))) if good else \
            max(options, key=lambda o: (option_level(o, n), o.value))
        return best.id if now is None or best.value >= now.value else current
    if isinstance(question, MultiQuestion):
        if k < question.min_level:
            return current
        k = min(k, max(b.level for b in question.bands))
        chosen = set(current) if isinstance(current, frozenset) else set()
        total = sum(o.weight for o in question.options)
        for option in [None, *question.options]:
            if option is not None:
                chosen.add(option.id)
            share = 100.0 * sum(o.weight for o in question.options if o.id in chosen) / total
            if band_for(question.bands, share).level >= k:
                break
        return frozenset(chosen)
    return current  # pragma: no cover


def top_answer(question: QuestionT, n: int) -> Normalised:
    """The best answer a question can get (every condition on it then holds too)."""
    if isinstance(question, LevelQuestion):
        return max(question.anchors)
    if isinstance(question, YesNoQuestion):
        return True
    if isinstance(question, ChecklistQuestion):
        return {i.id: 1.0 for i in question.items}
    if isinstance(question, ChoiceQuestion):
        return max(question.choices, key=lambda o: (o.value, option_level(o, n))).id
    if isinstance(question, NumberQuestion):
        edges = [v for b in question.bands for v in (b.min, b.max) if v is not None]
        high = question.max if question.max is not None else max(edges)
        low = question.min if question.min is not None else min(edges)
        return float(high if question.better == "higher" else low)
    return frozenset(o.id for o in question.options)


def applies(question: QuestionT, values: Mapping[str, Normalised], ent: Enterprise,
            q: Questionnaire) -> bool:
    """Whether the question applies to the enterprise with these answers."""
    return applicable(question, values, ent, resolve_production_type(q, ent))


def apply_targets(q: Questionnaire, values: Mapping[str, Normalised],
                  changes: Iterable[QuestionChange], enterprise: Enterprise) -> dict[str, Normalised]:
    """Answers improved so that each change is made: its question reaches ``to_level``,
    or, when the change names checklist ``items``, those items are put fully in place.

    A target whose follow-up is closed opens it first (its gate answered as little as
    needed); questions that do not apply or are answered ``n/a`` are left alone.
    """
    n = len(q.levels)
    out = dict(values)
    for change in changes:
        qid, level = change.question, change.to_level
        found = q.questions.get(qid)
        if found is None or out.get(qid) == NA or not applies(found[2], out, enterprise, q):
            continue
        gate = found[2].follow_up
        if gate is not None and not holds(gate, out):
            if out.get(gate.question) == NA:
                continue
            out[gate.question] = _opening(gate, out.get(gate.question))
        if change.items:
            ratings = dict(cur) if isinstance(cur := out.get(qid), dict) else {}
            out[qid] = {**ratings, **{i: 1.0 for i in change.items if ratings.get(i) != NA}}
            continue
        new = answer_reaching(found[2], out.get(qid), level, n)
        if new is not None:
            out[qid] = new
    return out


def _opening(gate: Condition, current: Normalised | None) -> Normalised:
    """The least change to a gate question's answer that makes ``gate`` hold."""
    if gate.equals is not None:
        return gate.equals
    if gate.at_least is not None:
        needed = gate.at_least
        return int(needed) if float(needed).is_integer() else needed
    chosen = set(current) if isinstance(current, frozenset) else set()
    return frozenset(chosen | {(gate.includes or [""])[0]})
