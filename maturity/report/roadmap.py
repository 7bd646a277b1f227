"""The roadmap as the reports show it: each phase's title, its steps, what it leaves to be
improved directly and, for phase 1, what that asks of the answers (``maturity.direct``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..delivery import holds, question_state
from ..direct import direct_aims, direct_changes, own_aims
from ..explain import level_label, name_of
from ..i18n import t
from ..model.base import tr
from ..model.diagnosis import Diagnosis
from ..model.questionnaire import Questionnaire
from .inplace import missing
from .words import join as _join
from .words import paren as _paren
from .words import sentences as _sentences


def roadmap_view(q: Questionnaire, d: Diagnosis, values: Mapping[str, Any], lang: str,
                 ind_name: Callable[[str], str], code: Callable[[int], str]
                 ) -> tuple[list[tuple[str, list[str], str, list[tuple[str, str]]]], list[tuple[str, str]]]:
    """(title, step names, what is left to improve directly, what that asks) per phase; and
    for phase 1's direct improvements, each with the first thing it asks (the TUI's next
    steps)."""
    scen = {s.id: s for s in q.scenarios}
    out = []
    first: list[tuple[str, str]] = []
    for n, phase in enumerate(d.roadmap, 1):
        names = [tr(scen[s].name, lang) for s in phase.scenarios]
        # phase 1 keeps the plant's own targets: its levels are those its rows below state
        aims = direct_aims(phase.path, phase.uncovered, own_aims(d.target_plan) if n == 1 else None)
        direct = ""
        if phase.uncovered:
            # a later phase has no rows of its own: each name says how far (a machinery
            # plant's phase 2 said "8 indicators, 2 of them by two levels or more" and only
            # the JSON told that Business planning was to go from L2 to L5)
            far_to = {i.indicator: i for i in aims} if n > 1 else {}
            listed = _join([name_of(q, i, lang) + (_paren(f"{code(far_to[i].from_level)} → "
                                                          f"{code(far_to[i].to_level)}", lang)
                                                   if i in far_to else "")
                            for i in phase.uncovered], lang)
            direct = t("phase_direct" if q.scenarios else "phase_improve", lang, names=listed)
        for sid, needed in phase.needs.items():
            waits = t("phase_needs", lang, name=tr(scen[sid].name, lang),
                      names=_join([name_of(q, i, lang) for i in needed], lang))
            direct = _join([x for x in (direct, waits) if x], lang, semi=True)
        spared = phase.spared  # phase 1's only: it plans on the path the report shows (or that
        # path widened, where a step brings questions into scope: ``recommend._widened``)
        if spared:  # a sentence of its own, after what the phase improves directly
            route = t("phase_without", lang, level=level_label(q, phase.target_level, lang),
                      names=_join([name_of(q, i, lang) for i in spared], lang))
            direct = _sentences([direct, route], lang)
        # a phase whose steps leave indicators to be improved directly says so in its
        # heading: "reach L5" over two small steps read as a promise (round-46 reviewers)
        # and how far: "11 indicators improved directly" hid that four of them climb two
        # levels or more (round-115 reviewers of a refinery: "claims L5 by improving 11
        # indicators directly, several of them L2/L3 to L5")
        far = sum(1 for i in aims if i.to_level - i.from_level >= 2)
        one = len(phase.uncovered) == 1
        far_text = t("phase_far_one" if one else "phase_far", lang, k=far) if far else ""
        title = t("phase_and_direct", lang, n=n, level=level_label(q, phase.target_level, lang),
                  k=len(phase.uncovered), far=far_text) if names and phase.uncovered else \
            t("phase", lang, n=n, level=level_label(q, phase.target_level, lang))
        steps: list[tuple[str, str]] = []
        if n == 1 and phase.uncovered:
            # phase 1 starts from the plant's own answers: what "improve directly" asks of
            # them beyond the phase's steps (reviewers, rounds 46-64: "six areas to improve
            # directly and no steps for them")
            done = [c for r in d.recommendations if r.phase == 1 for c in r.delivers]
            # what a later phase's step puts in place is named with it: phase 1 asked a
            # plant to run all its production in the MES "directly" while phase 2 rolled the
            # MES out (a step that waits for the pilot it builds on; a report reader)
            own = question_state(d.assessment)
            later = [(k, s) for k, p in enumerate(d.roadmap[1:], 2) for s in p.scenarios
                     if set(scen[s].builds_on) & set(phase.scenarios)
                     or not all(holds(own, x, values) for x in scen[s].requires)]
            asks = []
            for i, ch in direct_changes(q, d.assessment, values, done, aims):
                asked = {c.question for c in ch}
                notes = [t("phase_direct_later", lang, name=tr(scen[s].name, lang), n=k)
                         for k, s in later if asked & {x.question for x in scen[s].delivers}]
                what = ind_name(i.indicator) + _paren(f"{code(i.from_level)} → {code(i.to_level)}", lang)
                asks.append((what, notes, missing(q, tuple(ch), values, lang, d.completeness.unanswered)))
            steps = [(what, _join(notes + items, lang, semi=True)) for what, notes, items in asks]
            first = [(what, items[0] if items else "") for what, _, items in asks]
        out.append((title, names, direct, steps))
    return out, first

