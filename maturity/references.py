"""Cross-references of a questionnaire (questions name their group and option set;
scenarios, industries, functions name things that exist) and its languages: rules of
:mod:`maturity.validation`, kept apart for size."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, get_args

from .errors import Severity, hint
from .model.base import Text
from .model.questionnaire import (
    ChecklistQuestion,
    ChoiceQuestion,
    LevelQuestion,
    MultiQuestion,
    Questionnaire,
    QuestionT,
)
from .model.scenario import QuestionTarget, Scenario
from .requirements import max_level

Loc = tuple[str | int, ...]
Finding = tuple[Loc, str, Severity]
E, W = Severity.ERROR, Severity.WARNING


def _names_targets(annotation: Any) -> bool:
    """Whether a field's type holds question targets, however wrapped (a list, a tuple, an
    optional or annotated one)."""
    return annotation is QuestionTarget or any(_names_targets(x) for x in get_args(annotation))


TARGET_FIELDS = tuple(name for name, f in Scenario.model_fields.items() if _names_targets(f.annotation))
"""A scenario's lists of question targets (``delivers``, ``requires``, ``done_when``,
``begun_when``, …), read off the model so that a new one is checked too: ``begun_when``,
left out of a hand-written list, went unchecked until round 126."""


def _dupes(items: Sequence[Any], loc: Loc, what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for n, item in enumerate(items):
        if item.id in seen:
            yield (*loc, n, "id"), f"duplicate {what} id {item.id!r}", E
        seen.add(item.id)


def _question_locs(q: Questionnaire) -> Iterator[tuple[Loc, str, QuestionT]]:
    for di, dim in enumerate(q.dimensions):
        for ii, ind in enumerate(dim.indicators):
            for qi, question in enumerate(ind.questions):
                yield ("dimensions", di, "indicators", ii, "questions", qi), \
                    f"{dim.id}.{ind.id}.{question.id}", question


def _group_paths(groups: Sequence[Any], loc: Loc, prefix: str = "") -> Iterator[tuple[str, Loc]]:
    for gi, g in enumerate(groups):
        yield f"{prefix}{g.id}", (*loc, gi)
        yield from _group_paths(g.groups, (*loc, gi, "groups"), f"{prefix}{g.id}.")


def rule_groups(q: Questionnaire) -> Iterator[Finding]:
    """Every question of an indicator with groups names one of them; no question names a
    group its indicator lacks; sibling groups have distinct ids; no group is empty."""
    for di, dim in enumerate(q.dimensions):
        for ii, ind in enumerate(dim.indicators):
            iloc: Loc = ("dimensions", di, "indicators", ii)
            paths = dict(_group_paths(ind.groups, (*iloc, "groups")))
            stack = [(ind.groups, (*iloc, "groups"))]
            while stack:
                groups, gloc = stack.pop()
                yield from _dupes(groups, gloc, "group")
                stack += [(g.groups, (*gloc, gi, "groups")) for gi, g in enumerate(groups)]
            named = set()
            for qi, question in enumerate(ind.questions):
                qloc = (*iloc, "questions", qi, "group")
                if question.group is None and paths:
                    yield qloc[:-1], f"{dim.id}.{ind.id} has groups: name the one this question " \
                                     f"belongs to (group: {next(iter(paths))}, …)", E
                elif question.group is not None and not paths:
                    yield qloc, f"{dim.id}.{ind.id} declares no groups", E
                elif question.group is not None and question.group not in paths:
                    yield qloc, f"unknown group {question.group!r}{hint(question.group, paths)}", E
                elif question.group is not None:
                    parts = question.group.split(".")
                    named.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
            for path, gloc in paths.items():
                if path not in named:
                    yield gloc, f"group {path!r} holds no question", W


def rule_option_sets(q: Questionnaire) -> Iterator[Finding]:
    """A choice question that names an option set names one the questionnaire has."""
    sets = {s.id for s in q.option_sets}
    for loc, _, question in _question_locs(q):
        if isinstance(question, ChoiceQuestion) and isinstance(question.options, str):
            yield (*loc, "options"), f"unknown option set {question.options!r}" \
                f"{hint(question.options, sets) if sets else ' (the questionnaire has no option_sets)'}", E


def _small_scale(sc: Scenario, si: int) -> Iterator[Finding]:
    """``small_omits`` and ``small_done_when`` (a small firm's step, ``Scenario.at_small_scale``):
    said why in a small text; omitting questions the step lists in ``delivers`` (without
    that list it delivers every question of what it raises), ``done_when`` or
    ``begun_when``, each once, never all it delivers, and leaving the step some indicator
    it raises; ``small_done_when`` on no question it omits, each question once."""
    loc = ("scenarios", si)
    targets = [t.question for t in sc.small_done_when]
    for di, qid in enumerate(targets):
        if qid in targets[:di]:
            yield (*loc, "small_done_when", di, "question"), f"{qid!r} is listed twice", E
    if (sc.small_omits or sc.small_done_when) and sc.small is None:
        field = "small_omits" if sc.small_omits else "small_done_when"
        yield (*loc, field), "changes the step at a small firm but has no small text saying how", E
    if sc.process is not None and (sc.small_omits or sc.small_done_when):
        yield (*loc, "process"), "a small process plant reads the process text, which describes " \
            "the step at full scale, while it is asked only the small step", W
    if not sc.small_omits:
        return
    if not sc.delivers:
        yield (*loc, "small_omits"), "needs delivers listed: without them the step delivers every " \
            "question of the indicators it raises", E
        return
    named = {t.question for t in (*sc.delivers, *sc.done_when, *sc.begun_when)}
    seen: set[str] = set()
    for oi, qid in enumerate(sc.small_omits):
        if qid in seen:
            yield (*loc, "small_omits", oi), f"{qid!r} is listed twice", E
        seen.add(qid)
        if qid not in named:
            yield (*loc, "small_omits", oi), f"{qid!r} is not among the questions the scenario " \
                "delivers, is done or begun by", E
    if all(t.question in seen for t in sc.delivers):
        yield (*loc, "small_omits"), "leaves out everything the scenario delivers", E
    elif not sc.at_small_scale().raises:
        yield (*loc, "small_omits"), "leaves the step nothing it raises at a small firm: every " \
            "indicator it raises loses all it delivers there", E
    for di, t in enumerate(sc.small_done_when):
        if t.question in seen:
            yield (*loc, "small_done_when", di, "question"), \
                f"{t.question!r} is left out at a small firm (small_omits): it cannot show the step done", E


def rule_references(q: Questionnaire) -> Iterator[Finding]:
    n = len(q.levels)
    industries = {i.id for i in q.industries}
    ptypes = {p.id for p in q.production_types}
    scenario_ids = {s.id for s in q.scenarios}
    if q.industry is not None and q.industry not in industries:
        yield ("industry",), f"unknown industry {q.industry!r}{hint(q.industry, industries)}", E
    if q.production_type is not None and q.production_type not in ptypes:
        yield ("production_type",), f"unknown production type {q.production_type!r}", E
    for ii, ind in enumerate(q.industries):
        if ind.production_type is not None and ind.production_type not in ptypes:
            yield ("industries", ii, "production_type"), \
                f"unknown production type {ind.production_type!r}", E
    for si, sc in enumerate(q.scenarios):
        for field in ("raises", "prerequisites"):
            for ti, target in enumerate(getattr(sc, field)):
                tloc = ("scenarios", si, field, ti)
                if target.indicator not in q.indicators:
                    yield (*tloc, "indicator"), f"unknown indicator {target.indicator!r}" \
                        f"{hint(target.indicator, q.indicators)}", E
                if target.level > n:
                    yield (*tloc, "level"), f"there are only {n} levels", E
        for field in ("builds_on", "needs_first"):
            for bi, entry in enumerate(getattr(sc, field)):
                ref = entry if isinstance(entry, str) else entry.scenario
                if ref not in scenario_ids or ref == sc.id:
                    yield ("scenarios", si, field, bi), \
                        f"unknown scenario {ref!r}{hint(ref, scenario_ids)}", E
                for pi, pt in enumerate(getattr(entry, "production_types", ())):
                    if pt not in ptypes:
                        yield ("scenarios", si, field, bi, "production_types", pi), \
                            f"unknown production type {pt!r}{hint(pt, ptypes)}", E
        functions = {f.id for f in q.functions}
        for fi, ref in enumerate(sc.functions):
            if ref not in functions:
                yield ("scenarios", si, "functions", fi), f"unknown function {ref!r}{hint(ref, functions)}", E
        for ii, ind in enumerate(sc.industries):
            if ind not in industries:
                yield ("scenarios", si, "industries", ii), \
                    f"unknown industry {ind!r}{hint(ind, industries)}", E
        for field, ti, target in [(f, ti, t) for f in TARGET_FIELDS for ti, t in enumerate(getattr(sc, f))]:
            tloc = ("scenarios", si, field, ti)
            found = q.questions.get(target.question)
            if found is None:
                yield (*tloc, "question"), f"unknown question {target.question!r}" \
                    f"{hint(target.question, q.questions)}", E
            elif target.items:
                asked = found[2]
                ticks = field == "begun_when" and isinstance(asked, MultiQuestion)
                known = {i.id for i in asked.options} if isinstance(asked, MultiQuestion) and ticks \
                    else {i.id for i in getattr(asked, "items", ())}
                if not (ticks or isinstance(asked, ChecklistQuestion)):
                    yield (*tloc, "items"), f"{target.question} is not a checklist" + \
                        (" or a multiple choice" if field == "begun_when" else ""), E
                what = "option" if ticks else "item"
                for ii, item in enumerate(target.items):
                    if known and item not in known:
                        yield (*tloc, "items", ii), f"unknown {what} {item!r} of " \
                            f"{target.question}{hint(item, known)}", E
            elif target.level is not None and target.level > max_level(found[2], n):
                yield (*tloc, "level"), f"{target.question} reaches level " \
                    f"{max_level(found[2], n)} at most", E
        yield from _small_scale(sc, si)
        if sc.fits is not None:
            known = {"production_types": ptypes, "industries": industries,
                     "product_kinds": {k.id for k in q.product_kinds}}
            for field, ids in known.items():
                for ii, ref in enumerate(getattr(sc.fits, field) or ()):
                    if ref not in ids:
                        yield ("scenarios", si, "fits", field, ii), \
                            f"unknown {field[:-1].replace('_', ' ')} {ref!r}{hint(ref, ids)}", E
    for ci, check in enumerate(q.checks):
        for field, side in (("if", check.when), ("then", check.expect)):
            found = q.questions.get(side.question)
            if found is None:
                yield ("checks", ci, field, "question"), f"unknown question {side.question!r}" \
                    f"{hint(side.question, q.questions)}", E
            elif side.level > max_level(found[2], n):
                yield ("checks", ci, field, "level"), f"{side.question} reaches level " \
                    f"{max_level(found[2], n)} at most", E
    for mi, m in enumerate(q.migrations):
        loc = ("migrations", mi)
        if m.old_version >= q.version:
            yield (*loc, "from"), f"a migration comes from an earlier version than {q.version}", E
        targets = [(f, k, r.new) for f in ("renamed", "moved") for k, r in enumerate(getattr(m, f))]
        targets += [("split", k, new) for k, s in enumerate(m.split) for new in s.new]
        targets += [("rebanded", k, r.question) for k, r in enumerate(m.rebanded)]
        for field, k, ref in targets:
            if ref not in q.questions:
                yield (*loc, field, k), f"unknown question {ref!r}{hint(ref, q.questions)}", E
        for k, r in enumerate(m.rebanded):
            found = q.questions.get(r.question)
            if found is not None and not isinstance(found[2], LevelQuestion):
                yield (*loc, "rebanded", k), f"{r.question} is not a level question", E
            elif found is not None and max(r.levels.values(), default=0) > max_level(found[2], n):
                yield (*loc, "rebanded", k, "levels"), f"{r.question} reaches level " \
                    f"{max_level(found[2], n)} at most", E
    for fi, ref in enumerate(q.focus_scenarios):
        if ref not in scenario_ids:
            yield ("focus_scenarios", fi), f"unknown scenario {ref!r}{hint(ref, scenario_ids)}", E
    for fi, fn in enumerate(q.functions):
        for ii, ref in enumerate(fn.indicators):
            if ref not in q.indicators:
                yield ("functions", fi, "indicators", ii), \
                    f"unknown indicator {ref!r}{hint(ref, q.indicators)}", E


_TEXT_FIELDS = ("title", "name", "text", "help", "description", "message", "goal")


def rule_languages(q: Questionnaire) -> Iterator[Finding]:
    """Every human text in every declared language (a warning: the file still works)."""
    wanted = set(q.languages)
    if len(wanted) < 2:
        return
    yield from _walk_texts(q, (), wanted)


def _walk_texts(obj: Any, loc: Loc, wanted: set[str]) -> Iterator[Finding]:
    from pydantic import BaseModel

    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in _TEXT_FIELDS or name == "levels_note":
                yield from _check_text(value, (*loc, name), wanted)
            elif name in ("anchors", "goals"):
                for key, text in value.items():
                    yield from _check_text(text, (*loc, name, key), wanted)
            else:
                yield from _walk_texts(value, (*loc, name), wanted)
    elif isinstance(obj, list):
        for n, item in enumerate(obj):
            yield from _walk_texts(item, (*loc, n), wanted)


def _check_text(value: Text | None, loc: Loc, wanted: set[str]) -> Iterator[Finding]:
    if value is None:
        return
    if isinstance(value, str):
        if any(c.isalpha() for c in value):
            yield loc, f"text is not translated: give {{{', '.join(sorted(wanted))}}}", W
        return
    missing = wanted - set(value)
    if missing:
        yield loc, f"missing language(s): {', '.join(sorted(missing))}", W
