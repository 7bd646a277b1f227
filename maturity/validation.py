"""Semantic rules of a questionnaire: what pydantic's shape checks cannot see.

``check_questionnaire`` runs every rule over a shape-valid questionnaire and returns
*all* findings as ``(loc, message, severity)``; the loader turns ``loc`` into
``file:line: field``.  Answers files are checked in :mod:`maturity.normalise`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from .errors import Severity, hint
from .model.questionnaire import (
    Band,
    ChecklistQuestion,
    ChoiceOption,
    ChoiceQuestion,
    CmmmScoring,
    Condition,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    PointsScoring,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .references import _dupes, _question_locs, rule_groups, rule_languages, rule_option_sets, rule_references
from .requirements import max_level, option_level, question_levels

Loc = tuple[str | int, ...]
Finding = tuple[Loc, str, Severity]
E, W = Severity.ERROR, Severity.WARNING


def check_questionnaire(q: Questionnaire) -> list[Finding]:
    """All semantic findings for a questionnaire, errors and warnings."""
    out: list[Finding] = []
    for rule in RULES:
        out.extend(rule(q))
    return out


# ----------------------------------------------------------------------------- helpers


def _weights(values: Sequence[float], loc: Loc, what: str) -> Iterator[Finding]:
    if values and sum(values) <= 0:
        yield loc, f"the weights of these {what} add up to 0: at least one must be positive", E


def _n(q: Questionnaire) -> int:
    return len(q.levels)


# ----------------------------------------------------------------------------- rules


def rule_unique_ids(q: Questionnaire) -> Iterator[Finding]:
    yield from _dupes(q.levels, ("levels",), "level")
    yield from _dupes(q.dimensions, ("dimensions",), "dimension")
    yield from _dupes(q.scenarios, ("scenarios",), "scenario")
    yield from _dupes(q.industries, ("industries",), "industry")
    yield from _dupes(q.production_types, ("production_types",), "production type")
    yield from _dupes(q.functions, ("functions",), "function")
    yield from _dupes(q.checks, ("checks",), "check")
    for di, dim in enumerate(q.dimensions):
        yield from _dupes(dim.indicators, ("dimensions", di, "indicators"), "indicator")
        for ii, ind in enumerate(dim.indicators):
            yield from _dupes(ind.questions, ("dimensions", di, "indicators", ii, "questions"),
                              "question")
    for loc, _, question in _question_locs(q):
        if isinstance(question, ChecklistQuestion):
            yield from _dupes(question.items, (*loc, "items"), "item")
        elif isinstance(question, MultiQuestion | ChoiceQuestion):
            yield from _dupes(question.choices if isinstance(question, ChoiceQuestion)
                              else question.options, (*loc, "options"), "option")
    yield from _dupes(q.option_sets, ("option_sets",), "option set")
    for si, option_set in enumerate(q.option_sets):
        yield from _dupes(option_set.options, ("option_sets", si, "options"), "option")


def rule_weights(q: Questionnaire) -> Iterator[Finding]:
    yield from _weights([d.weight for d in q.dimensions], ("dimensions",), "dimensions")
    for di, dim in enumerate(q.dimensions):
        yield from _weights([i.weight for i in dim.indicators], ("dimensions", di, "indicators"),
                            f"indicators of {dim.id}")
        for ii, ind in enumerate(dim.indicators):
            yield from _weights([x.weight for x in ind.questions],
                                ("dimensions", di, "indicators", ii, "questions"),
                                f"questions of {dim.id}.{ind.id}")
    for loc, _, question in _question_locs(q):
        if isinstance(question, ChecklistQuestion):
            yield from _weights([i.weight for i in question.items], (*loc, "items"), "items")
        elif isinstance(question, MultiQuestion):
            yield from _weights([o.weight for o in question.options], (*loc, "options"), "options")
    ids = set(q.questions) | set(q.indicators) | {d.id for d in q.dimensions}
    for pi, pt in enumerate(q.production_types):
        for key in pt.weights:
            if key not in ids:
                yield ("production_types", pi, "weights", key), \
                    f"unknown dimension, indicator or question {key!r}{hint(key, ids)}", E


def rule_scoring(q: Questionnaire) -> Iterator[Finding]:
    n = _n(q)
    s = q.scoring
    levels = [b.level for b in s.bands]
    if sorted(levels) != list(range(1, n + 1)):
        missing = sorted(set(range(1, n + 1)) - set(levels))
        extra = sorted(set(levels) - set(range(1, n + 1)))
        dup = sorted(k for k, c in Counter(levels).items() if c > 1)
        detail = "; ".join(
            part for part in (
                f"no band for level(s) {missing}" if missing else "",
                f"level(s) {extra} do not exist (there are {n} levels)" if extra else "",
                f"level(s) {dup} have more than one band" if dup else "",
            ) if part
        )
        yield ("scoring", "bands"), f"need exactly one band per level 1..{n}: {detail}", E
    ordered = sorted(enumerate(s.bands), key=lambda t: t[1].level)
    for (_, prev), (bi, band) in itertools.pairwise(ordered):
        if band.min <= prev.min:
            yield ("scoring", "bands", bi, "min"), \
                f"band of level {band.level} must start above level {prev.level}'s ({prev.min})", E
    top = n if isinstance(s, CmmmScoring) else s.total
    for bi, band in enumerate(s.bands):
        if not 0 <= band.min <= top:
            yield ("scoring", "bands", bi, "min"), f"must lie between 0 and {top:g}", E
    if isinstance(s, PointsScoring):
        for ri, req in enumerate(s.requirements):
            loc: Loc = ("scoring", "requirements", ri)
            if req.level > n:
                yield (*loc, "level"), f"there are only {n} levels", E
            if req.at_least > n:
                yield (*loc, "at_least"), f"there are only {n} levels", E
            pool = [qid for qid in q.questions if under(qid, req.among)
                    and max_level(q.questions[qid][2], n) >= req.at_least]
            for ai, ref in enumerate(req.among):
                if ref not in q.questions and ref not in q.indicators and \
                        ref not in {d.id for d in q.dimensions}:
                    yield (*loc, "among", ai), f"unknown id {ref!r}", E
            if req.count > len(pool):
                yield (*loc, "count"), \
                    f"asks for {req.count} questions at level {req.at_least} but only {len(pool)} " \
                    f"under 'among' can reach it", E
            for mi, ref in enumerate(req.mandatory):
                found = q.questions.get(ref)
                if found is None:
                    yield (*loc, "mandatory", mi), f"unknown question {ref!r}", E
                elif found[2].allow_na:
                    yield (*loc, "mandatory", mi), \
                        f"mandatory question {ref!r} must not allow n/a", E
                elif found[2].follow_up or found[2].applies:
                    yield (*loc, "mandatory", mi), \
                        f"mandatory question {ref!r} must not be conditional", E
                elif max_level(found[2], n) < req.at_least:
                    yield (*loc, "mandatory", mi), \
                        f"mandatory question {ref!r} cannot reach level {req.at_least}", E
    elif any(b.fraction is not None for _, _, x in _question_locs(q) for b in _bands(x)):
        yield ("scoring",), "band 'fraction' is only used by the points method", W


def rule_levels_reachable(q: Questionnaire) -> Iterator[Finding]:
    """CMMM: every level needs a requirement somewhere, or no one can reach it."""
    if not isinstance(q.scoring, CmmmScoring):
        return

    n = _n(q)
    covered: set[int] = set()
    for dim in q.dimensions:
        for ind in dim.indicators:
            for question in ind.questions:
                if dim.weight > 0 and ind.weight > 0 and question.weight > 0:
                    covered.update(question_levels(question, n))
    for level in range(1, n + 1):
        if level not in covered:
            yield ("levels", level - 1), \
                f"level {level} is empty: no question (of positive weight) has a requirement at it, " \
                "so no one can reach it", E


def under(qid: str, prefixes: Sequence[str]) -> bool:
    """Whether ``qid`` is one of ``prefixes`` or lies under one (dotted ids)."""
    return any(qid == p or qid.startswith(p + ".") for p in prefixes)


def _bands(question: QuestionT) -> list[Band]:
    return list(getattr(question, "bands", []))


def rule_questions(q: Questionnaire) -> Iterator[Finding]:
    n = _n(q)
    for loc, _, question in _question_locs(q):
        if isinstance(question, LevelQuestion):
            keys = set(question.anchors)
            missing = sorted(set(range(1, n + 1)) - keys)
            extra = sorted(keys - set(range(0, n + 1)))
            if missing:
                yield (*loc, "anchors"), f"no description for level(s) {missing}", E
            if extra:
                yield (*loc, "anchors"), f"level(s) {extra} do not exist (there are {n})", E
        elif isinstance(question, ChecklistQuestion):
            for ii, item in enumerate(question.items):
                if item.level > n:
                    yield (*loc, "items", ii, "level"), f"there are only {n} levels", E
        elif isinstance(question, YesNoQuestion):
            if question.level > n:
                yield (*loc, "level"), f"there are only {n} levels", E
        elif isinstance(question, NumberQuestion):
            yield from _check_bands(question.bands, loc, n, question.min, question.max,
                                    question.better, question.min_level, question.max_level)
            if question.min is not None and question.max is not None and \
                    question.min >= question.max:
                yield (*loc, "max"), "must be greater than min", E
        elif isinstance(question, MultiQuestion):
            yield from _check_bands(question.bands, loc, n, 0.0, 100.0, "higher",
                                    question.min_level, question.max_level)
        elif isinstance(question, ChoiceQuestion):
            yield from _check_choices(question.choices, loc, n)


def _check_choices(options: Sequence[ChoiceOption], loc: Loc, n: int) -> Iterator[Finding]:
    """A better-valued answer never reaches a lower level (a better answer never lowers a
    score or closes a follow-up), and no answer reaches a level the scale lacks."""
    for oi, option in enumerate(options):
        if option.level is not None and option.level > n:
            yield (*loc, "options", oi, "level"), f"there are only {n} levels", E
    if options and min(option_level(o, n) for o in options) > 0:
        yield (*loc, "options"), "no answer reaches level 0: the worst possible answer would still " \
                                 "meet level 1 (give the worst answer level 0, 'not yet')", W
    by_value = sorted(range(len(options)), key=lambda i: options[i].value)
    for i, j in itertools.pairwise(by_value):
        lo, hi = options[i], options[j]
        if option_level(hi, n) < option_level(lo, n):
            yield (*loc, "options", j, "level"), \
                f"answer {hi.id!r} is worth more ({hi.value:g}) than {lo.id!r} ({lo.value:g}) " \
                f"but reaches a lower level", E


def _check_bands(bands: Sequence[Band], loc: Loc, n: int, lo: float | None, hi: float | None,
                 better: str, min_level: int = 1, top: int | None = None) -> Iterator[Finding]:
    """Bands must tile [lo, hi] with no gap or overlap and levels must follow ``better``."""
    order = sorted(range(len(bands)), key=lambda i: bands[i].min)
    if order != list(range(len(bands))):
        yield (*loc, "bands"), "list bands in increasing order of 'min'", E
        return
    for bi, band in enumerate(bands):
        bloc = (*loc, "bands", bi)
        if band.level > n:
            yield (*bloc, "level"), f"there are only {n} levels", E
        if band.max is None and bi != len(bands) - 1:
            yield (*bloc, "max"), "only the last band may be open-ended (max: null)", E
        last = bi == len(bands) - 1  # the last band includes its max: [v, v] is the value v
        if band.max is not None and (band.max < band.min or (band.max == band.min and not last)):
            yield (*bloc, "max"), f"must be greater than min ({band.min:g}); only the last band, " \
                                  f"which includes its max, may be one value (max = min)", E
        if bi:
            prev = bands[bi - 1]
            if prev.max is not None and band.min > prev.max:
                yield (*bloc, "min"), f"gap: values from {prev.max:g} to {band.min:g} have no band", E
            elif prev.max is not None and band.min < prev.max:
                yield (*bloc, "min"), f"overlaps the previous band (which ends at {prev.max:g})", E
            worse = band.level < prev.level if better == "higher" else band.level > prev.level
            if worse:
                yield (*bloc, "level"), \
                    f"levels must {'rise' if better == 'higher' else 'fall'} with the value " \
                    f"(better: {better})", E
    reach = [b.level for b in bands]
    if min_level > n:
        yield (*loc, "min_level"), f"there are only {n} levels", E
    if min(reach) >= min_level:
        yield (*loc, "bands"), f"no band is below level {min_level}: the worst possible answer would " \
                               f"still meet levels {min_level} to {min(reach)} (give the lowest " \
                               f"band level 0, 'not yet')", W
    if top is not None and top > n:
        yield (*loc, "max_level"), f"there are only {n} levels", E
    elif top is not None and top < min_level:
        yield (*loc, "max_level"), f"must not be below min_level ({min_level})", E
    elif top is not None and max(reach) > top:
        yield (*loc, "bands"), f"a band reaches level {max(reach)}, above max_level {top}", E
    elif max(reach) < (top or n):
        yield (*loc, "bands"), f"no band reaches level {top or n}: the best answer only reaches level " \
                               f"{max(reach)}", W
    if lo is not None and bands[0].min != lo:
        yield (*loc, "bands", 0, "min"), f"first band must start at the minimum value {lo:g}", E
    last = bands[-1]
    if hi is not None and last.max is not None and last.max != hi:
        yield (*loc, "bands", len(bands) - 1, "max"), \
            f"last band must end at the maximum value {hi:g}", E
    if hi is None and last.max is not None:
        yield (*loc, "bands", len(bands) - 1, "max"), \
            "values above the last band have no level: give the question a 'max' or " \
            "make the last band open-ended (max: null)", E


def rule_conditions(q: Questionnaire) -> Iterator[Finding]:
    order = {qid: n for n, qid in enumerate(q.questions)}
    industries = {i.id for i in q.industries}
    ptypes = {p.id for p in q.production_types}
    scope = scope_questions(q)
    for loc, qid, question in _question_locs(q):
        if question.follow_up is not None:
            yield from _check_condition(q, question.follow_up, (*loc, "follow_up"), qid, order)
            opener = question.follow_up.question
            if qid in scope and opener not in scope and opener in q.questions:
                # found by the monotonicity property test: raising the opener opened the
                # scope question, whose answer brought unanswered questions into scope
                yield (*loc, "follow_up", "question"), \
                    f"{qid!r} decides what is assessed (an applies.when tests it), so it cannot " \
                    f"be a follow-up of {opener!r}, which is not a scope question: a better answer " \
                    f"to {opener!r} would open it, bring more questions into scope and could lower " \
                    "the grade. Ask it without a follow_up, or open it from a scope question", E
        if question.applies is not None:
            a = question.applies
            if a.when is not None:
                yield from _check_condition(q, a.when, (*loc, "applies", "when"), qid, order)
                yield from _check_scope(q, a.when, (*loc, "applies", "when", "question"))
            for n, ind in enumerate(a.industries or []):
                if ind not in industries:
                    yield (*loc, "applies", "industries", n), \
                        f"unknown industry {ind!r}{hint(ind, industries)}", E
            for n, pt in enumerate(a.production_types or []):
                if pt not in ptypes:
                    yield (*loc, "applies", "production_types", n), \
                        f"unknown production type {pt!r}{hint(pt, ptypes)}", E


def scope_questions(q: Questionnaire) -> set[str]:
    """Questions an ``applies.when`` tests: they decide what is assessed, not how well."""
    return {x.applies.when.question for _, _, x in q.questions.values()
            if x.applies is not None and x.applies.when is not None}


def _check_scope(q: Questionnaire, c: Condition, loc: Loc) -> Iterator[Finding]:
    """``applies.when`` may only test a scope question, one that earns nothing (weight 0
    in every production type): a *better* answer to a rated question that brought more
    questions into scope would add their requirements and could lower the grade, which
    the engine promises never happens (docs/authoring.md, "Questions that apply")."""
    found = q.questions.get(c.question)
    if found is None:
        return
    weights = [found[2].weight] + [pt.weights[c.question] for pt in q.production_types
                                   if c.question in pt.weights]
    if any(w > 0 for w in weights):
        yield loc, f"{c.question!r} earns points (weight > 0), so it cannot decide whether " \
                   "a question applies: a better answer would bring more requirements into the " \
                   "score and could lower it. Give it weight 0 (a scope question), or use " \
                   "follow_up, which opens questions without lowering anything", E


def _check_condition(q: Questionnaire, c: Condition, loc: Loc, qid: str,
                     order: dict[str, int]) -> Iterator[Finding]:
    found = q.questions.get(c.question)
    if found is None:
        yield (*loc, "question"), f"unknown question {c.question!r}{hint(c.question, order)}", E
        return
    if order[c.question] >= order[qid]:
        yield (*loc, "question"), f"{c.question!r} must come before {qid!r}", E
        return
    target = found[2]
    if c.at_least is not None:
        if not isinstance(target, LevelQuestion | NumberQuestion):
            yield loc, f"'at_least' needs a level or number question; {c.question!r} is " \
                       f"{target.kind}", E
        elif isinstance(target, NumberQuestion) and target.better == "lower":
            yield loc, f"'at_least' on {c.question!r} (where lower is better) would let a " \
                       f"worse answer open questions; not allowed", E
    elif c.equals is not None:
        if not isinstance(target, YesNoQuestion):
            yield loc, f"'equals' needs a yes/no question; {c.question!r} is {target.kind}", E
        elif c.equals is not True:
            yield loc, "only 'equals: true' is allowed: a 'no' must never open more questions", E
    elif c.includes is not None:
        if not isinstance(target, MultiQuestion):
            yield loc, f"'includes' needs a multi-select question; {c.question!r} is " \
                       f"{target.kind}", E
        else:
            ids = {o.id for o in target.options}
            for n, opt in enumerate(c.includes):
                if opt not in ids:
                    yield (*loc, "includes", n), f"{c.question!r} has no option {opt!r}", E


RULES = (rule_unique_ids, rule_weights, rule_scoring, rule_levels_reachable, rule_questions,
         rule_conditions, rule_option_sets, rule_groups, rule_references, rule_languages)


__all__ = ["check_questionnaire", "scope_questions", "under"]
