"""The words of a report in one language, computed once for every output format.

Renderers (markdown, html, terminal) only lay this out; they never compute a score or
choose a word.  All text here is plain (unescaped): each renderer escapes for its medium.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..delivery import in_place, question_state
from ..direct import own_aims
from ..explain import (
    completeness_figure,
    explain_next_level,
    gate_progress,
    level_label,
    name_of,
    score_text,
    subject,
    warning_text,
)
from ..i18n import t
from ..improve import restore_values
from ..model.answers import NA, SMALL
from ..model.base import tr
from ..model.diagnosis import Diagnosis, History, Path, QuestionChange, Recommendation, TargetPlan
from ..model.questionnaire import CmmmScoring, NumberQuestion, Questionnaire
from ..printable import printable
from .inplace import beyond, have, missing, reaches, to_check, unrated_items
from .respondents import note_lines, respondent_lines
from .roadmap import roadmap_view
from .views import BenchmarkView, PathView, Report, Row, ScenarioView
from .words import join as _join
from .words import number as _number
from .words import paren as _paren

PROVISIONAL = 0.8
"""Below this completeness the report says that its picture is provisional."""


def _named(related: list[Any], listed: set[str], lang: str) -> list[str]:
    """The names of related scenarios for a reason: those the report lists, else all."""
    shown = [x for x in related if x.id in listed] or related
    return [tr(x.name, lang) for x in shown]


def _held(q: Questionnaire, r: Recommendation, grade: int, noun: dict[str, str], lang: str) -> str:
    """Why a step that lifts an indicator holding the next grade back is picked.  A step that
    lifts such an indicator only up to the grade the plant already has works on what lags
    behind that grade, not on what the next grade asks of it, and says so (CMMM scoring;
    round 167's review of p07: "the tool's own path to L4 does not include Safety and environment" for a
    safety step said to lift it "where the grade is held back", from L2 to L3)."""
    upto = {i.indicator: i.to_level for i in r.raises}
    # under the points method an indicator's level is not on the grade's scale: no comparison
    cmmm = isinstance(q.scoring, CmmmScoring)
    ahead = [i for i in r.blocking[:3] if not cmmm or upto.get(i, grade + 1) > grade]
    lags = [i for i in r.blocking[:3] if i not in ahead]
    said = [t("why_blocking", lang, names=_join([name_of(q, i, lang) for i in ahead], lang))] if ahead else []
    if lags:
        said.append(t("why_lagging", lang, **noun, names=_join([name_of(q, i, lang) for i in lags], lang)))
    return _join(said, lang, semi=True)


def _after(sc: Any, scen: dict[str, Any], listed: set[str], checked: tuple[str, ...], lang: str) -> str:
    """Why a step comes after the roadmap: after the steps it builds on that the report
    lists; where it lists none of them but the completeness check names some, after
    those, with the check as the place to settle whether they are there already (round
    129, p84-a: dispatching "after" a scheduling step whose one missing item was left
    unrated, and nothing on the card said where that step was)."""
    related = [scen[x] for x in sc.builds_on if x in scen]
    if not any(x.id in listed for x in related):
        open_ = [x for x in related if x.id in checked]
        if open_:
            key = "why_after_check" if len(open_) == 1 else "why_after_check_many"
            return t(key, lang, names=_join([tr(x.name, lang) for x in open_], lang),
                     check=t("completeness_title", lang))
    return t("why_after", lang, names=_join(_named(related, listed, lang), lang))


def _ptype(q: Questionnaire, a: Any, names: dict[str, str], lang: str) -> str:
    """The production type the grade was weighted for, and where it came from when the
    profile does not state it (the industry's usual type, or the index's default)."""
    name = names.get(a.production_type or "", a.production_type or "")
    if not name or a.enterprise.production_type:
        return name
    usual = any(i.id == a.enterprise.industry and i.production_type for i in q.industries)
    return t("ptype_of_industry" if usual else "ptype_not_stated", lang, name=name)


def build(q: Questionnaire, d: Diagnosis, lang: str = "en", history: History | None = None) -> Report:
    """The report's content in ``lang``; ``history``: the enterprise's assessments over time,
    this one included (a table, and a chart in HTML)."""
    a = d.assessment
    ent = a.enterprise
    industries = {i.id: tr(i.name, lang) for i in q.industries}
    ptypes = {p.id: tr(p.name, lang) for p in q.production_types}
    kinds = {k.id: tr(k.name, lang) for k in q.product_kinds}  # it decides which scenarios fit
    labels = {"run_elsewhere": t("run_elsewhere_scoped", lang, level=q.elsewhere_level)} \
        if q.elsewhere_level else {}
    facts = [(labels.get(key) or t(key, lang), printable(value)) for key, value in (
        ("industry", industries.get(ent.industry or "", ent.industry or "")),
        ("production_type", _ptype(q, a, ptypes, lang)),
        ("product_kind", kinds.get(ent.product_kind or "", ent.product_kind or "")),
        ("size", t("size_" + ent.size, lang) if ent.size else ""), ("region", ent.region or ""),
        ("energy_intensive", {True: t("yes", lang), False: t("no", lang), None: ""}[ent.energy_intensive]),
        ("run_elsewhere", _join([tr(f.name, lang) for f in q.functions if f.id in ent.run_elsewhere], lang)),
        ("assessed_on", a.assessed_on.isoformat() if a.assessed_on else ""),
        ("assessor", a.assessor or ""),
    ) if value]
    grade = level_label(q, a.level, lang)
    lv = q.levels[a.level - 1] if a.level else None

    elsewhere = q.run_elsewhere(ent)

    def ind_name(ident: str) -> str:
        dim = ident.split(".", 1)[0]
        mark = t("run_by_others_mark", lang) if ident in elsewhere else ""
        return name_of(q, ident, lang) + _paren(name_of(q, dim, lang), lang) + mark

    def code(level: int) -> str:
        return q.levels[level - 1].id if level > 0 else f"<{q.levels[0].id}"

    order = {iid: n for n, iid in enumerate(q.indicators)}

    def path_view(p: Path | None, key: str) -> PathView | None:
        if p is None:
            return None
        target = level_label(q, p.target, lang)
        if not p.reachable:
            intro = t("path_unreachable", lang, level=target)
        else:
            intro = t("path_intro", lang, level=target, after=level_label(q, p.level_after, lang),
                      score=p.score_after)
            above = [name_of(q, i.indicator, lang) for i in p.improvements if i.to_level > p.target]
            if above and isinstance(q.scoring, CmmmScoring):  # improve.path_to's "lean" rule
                intro += (" " if lang == "en" else "") + t(
                    "path_above", lang, names=_join(above, lang), level=target, k=p.target)
        items = sorted(p.improvements, key=lambda i: order.get(i.indicator, 0))
        return PathView(title=t(key, lang, level=target), intro=intro,
                        items=[(ind_name(i.indicator), code(i.from_level), code(i.to_level))
                               for i in items])

    def targets_view(plan: TargetPlan | None) -> PathView | None:
        if plan is None:
            return None
        said = []
        for r in plan.targets:
            words = {"name": name_of(q, r.id, lang), "level": code(r.level), "now": code(r.now),
                     "after": code(r.after)}
            said.append(t("target_met" if r.now >= r.level else f"target_{r.reason}" if r.reason
                          else "target_planned", lang, **words))
        items = sorted(plan.improvements, key=lambda i: order.get(i.indicator, 0))
        return PathView(title=t("targets_path", lang), intro=_join(said, lang, semi=True),
                        items=[(ind_name(i.indicator), code(i.from_level), code(i.to_level)) for i in items])

    scen = {s.id: s for s in q.scenarios_for(ent)}
    noun = subject(q, lang)  # what the sentences call the assessed unit
    state, values = question_state(a), restore_values(q, a.answers)
    blank = frozenset(d.completeness.unanswered)  # what they would need is said to be unanswered
    industry_name = industries.get(ent.industry or "", "")
    recs = []
    aimed = set(own_aims(d.target_plan))
    listed = {r.scenario for r in d.recommendations}
    done: list[QuestionChange] = []  # the changes of the roadmap's steps ranked so far
    for r in d.recommendations:
        sc = scen[r.scenario]
        names = _join([name_of(q, i, lang) for i in r.blocking[:3]], lang)
        behind = [i for i in r.catch_up if i not in r.blocking[:3]][:3]  # not named twice
        words = {"foundation": t("why_foundation", lang),
                 "blocking": _held(q, r, d.assessment.level, noun, lang),
                 "on_path": t("why_on_path", lang, names=names),
                 "typical": t("why_typical", lang, industry=industry_name),
                 "focus": t("why_focus", lang), "grade": t("why_grade", lang),
                 "in_part": t("why_in_part", lang), "started": t("why_started", lang),
                 "finish": t("why_finish", lang),
                 "up_to_grade": t("why_up_to_grade", lang),
                 "after": _after(sc, scen, listed, d.completeness.to_check, lang),
                 "when_used": t("why_when_used", lang),
                 "before": t("why_before", lang, names=_join(_named(
                     [x for x in q.scenarios if sc.id in x.builds_on], listed, lang), lang)),
                 "first": t("why_first", lang, names=_join(_named(
                     [x for x in q.scenarios if sc.id in x.first_needs(d.assessment.production_type)],
                     listed, lang), lang)),
                 "target": t("why_target", lang, names=_join([name_of(q, i, lang) for i in r.blocking
                                                              if i in aimed][:3], lang)),
                 "catch_up": t("why_catch_up", lang, **noun,
                               names=_join([name_of(q, i, lang) for i in behind], lang))}
        shown = {"typical": bool(industry_name), "catch_up": bool(behind)}
        finish = "finish" in r.reasons  # the one step is the whole recommendation
        # listed apart as nearly in place, the list itself says that one step is left
        shown |= {"finish": not r.nearly_done, "in_part": not finish, "started": not finish}
        why = [words[x] for x in r.reasons if shown.get(x, True)]
        if r.phase:
            why.append(t("why_phase", lang, n=r.phase))
        elif not why and not r.nearly_done:  # fits, lacks it and moves the score, nothing for the next grade
            why.append(t("why_other", lang, **noun))
        why = [_join(why, lang, semi=True)] if why else []
        benefits = [tr(b.text, lang) + (_paren(_join([tr(b.figure, lang), _short_source(b.source, lang)],
                                                      lang, semi=True), lang) if b.figure else "")
                    for b in sc.benefits]
        # what the roadmap's steps ranked above put in place is theirs, not this card's to
        # list again (a card after the roadmap comes after all of them); a card outside the
        # roadmap for any other reason stands on its own, and a card whose every change they
        # make too keeps its own list: its work is more than those answers
        sequenced = r.phase or "after" in r.reasons
        lacks = (missing(q, beyond(q, r.delivers, done, values), values, lang, blank) if sequenced else []) \
            or missing(q, r.delivers, values, lang, blank)
        if r.phase:
            done += r.delivers
        begun = "in_part" in r.reasons or "started" in r.reasons
        held = in_place(q, sc, state, values) if begun else []
        # a number still short of the card's mark is said once, under "not yet" with its
        # value ("At least 40% (now: 35%)"); "already in place" listed it as "35%" too
        short = {c.question for c in r.delivers}
        held = [(qid, got) for qid, got in held
                if not (qid in short and isinstance(q.questions[qid][2], NumberQuestion))]
        # a small firm, or a process plant, reads the step in its own terms
        text = tr(sc.process if sc.process is not None and d.assessment.production_type == "process"
                  else sc.small if sc.small is not None and ent.size in SMALL else sc.description, lang)
        # a begun scenario's full text describes the whole of it as a new project: it is
        # prefaced with what the step is here, or, when one step is left, replaced by it
        # (docs/diagnosis.md)
        if finish:
            # listed apart as "nearly in place" (the list says it is one step), else titled so
            name = "" if r.nearly_done else t("finish_suffix", lang)
            description = t("finish_description", lang)
            benefits = []  # they are the whole scenario's, not the last step's
        elif "up_to_grade" in r.reasons:  # the part that catches up: named as that part
            name = t("up_to_grade_suffix", lang)
            description = t("up_to_grade_description", lang, text=text)
        elif begun:
            name = t("complete_suffix", lang)
            description = t("begun_description", lang, text=text)
        else:
            name, description = "", text
        recs.append(ScenarioView(
            rank=r.rank, name=tr(sc.name, lang) + name, description=description,
            effort=r.effort + _paren(t("effort_" + r.effort, lang), lang).rstrip(),
            raises=[f"{ind_name(i.indicator)}{'：' if lang == 'zh' else ': '}"
                    f"{code(i.from_level)} → {code(i.to_level)}"
                    + (t("after_phase", lang, n=r.planned_after) if r.planned_after else "")
                    for i in r.raises]
            or [t("raises_score", lang, gain=f"{r.gain:+.2f}") if r.gain >= 0.005
                # only an index with grade rules has them to progress on; elsewhere the gain
                # is a score too small to print (a safety card read "progress on the next
                # grade's rules" at a plant scored by GB/T 39117's levels)
                else t("raises_progress", lang) if getattr(q.scoring, "requirements", None)
                else t("raises_little", lang)],
            why=why, benefits=benefits, missing=lacks,
            reaches=reaches(q, r.delivers, values, lang, blank),
            have=have(q, held, values, lang), nearly=r.nearly_done))

    from .. import seeds

    figure_names = {f.id: f.name for f in seeds.figures()}
    benches = []
    for b in d.benchmarks:
        qtext = tr(q.questions[b.question][2].text, lang)
        if b.national and b.national.figure in figure_names:
            qtext = tr(figure_names[b.national.figure], lang)
        unit = b.unit
        src = []
        national = target = "–"
        if b.national:
            national = f"{_number(b.national.value)}{unit} ({b.national.as_of.year})"
            src.append(_source(b.national, lang))
        if b.target:
            cmp = b.target.comparison or ""
            target = f"{cmp} {_number(b.target.value)}{unit} ({b.target.as_of.year})".strip()
            src.append(_source(b.target, lang))
        # a question answered n/a was shown as "not answered" (a refinery with no design tools)
        empty = t("answered_na" if values.get(b.question) == NA else "not_answered", lang)
        verdict = t(b.versus_national, lang) if b.value is not None else empty
        if b.meets_target is not None:
            verdict = _join([verdict, t("meets_target" if b.meets_target else "misses_target", lang)],
                            lang, semi=True)
        benches.append(BenchmarkView(
            name=qtext, value=f"{_number(b.value)}{unit}" if b.value is not None else empty,
            national=national, target=target, verdict=verdict,
            source=_join(list(dict.fromkeys(src)), lang, semi=True)))

    roadmap, direct_first = roadmap_view(q, d, values, lang, ind_name, code)
    last_only = bool(recs and roadmap and all(s.nearly for s in recs))  # nothing else left (round 93)
    note = t("ranking_note", lang, **noun) + (" " * (lang != "zh") + t("no_projects", lang)) * last_only

    c = d.completeness
    best = score_text(q, c.best_score, c.best_level)
    if c.unanswered and c.best_level == c.level_now:
        ctext = t("incomplete_same", lang, n=len(c.unanswered), best_score=best)
    elif c.unanswered:
        ctext = t("incomplete", lang, n=len(c.unanswered), best=level_label(q, c.best_level, lang),
                  best_score=best, now=grade)
    else:
        ctext = t("complete", lang)
    if c.unrated:
        items = _join(unrated_items(q, c.unrated, lang), lang, semi=True)
        ctext += ("" if lang == "zh" else " ") + t("unrated_items", lang, n=len(c.unrated), items=items)
    if c.to_check:  # what rating them settles: steps that may be there already (round 110)
        named = to_check(q, [scen[x] for x in c.to_check if x in scen], c.unrated, lang, c.unanswered)
        ctext += ("" if lang == "zh" else " ") + t("to_check", lang, names=_join(named, lang, semi=True))

    nl = a.next_level
    blocking_intro = ""
    blocking_header, impact_header = t("score", lang), t("impact", lang)
    if nl is not None and nl.failing_level is not None:
        blocking_intro = t("blocking_intro", lang, level=level_label(q, nl.level, lang),
                           failing=nl.failing_level)
        blocking_header = t("level_n_score", lang, n=nl.failing_level)
        impact_header = t("impact_level", lang)
    elif nl is not None and a.method in ("points", "mean"):  # the share earned, what it would add
        blocking_intro = t(f"blocking_intro_{a.method}", lang, level=level_label(q, nl.level, lang))
        blocking_header, impact_header = t("share_earned", lang), t(f"impact_{a.method}", lang)
    return Report(
        lang=lang, title=tr(q.report_title, lang) if q.report_title else t("report_title", lang),
        questionnaire=f"{tr(q.title, lang)} ({q.ref})",
        enterprise=printable(ent.name or ""), facts=facts, grade=grade,
        grade_name=tr(lv.name, lang) if lv else "", grade_description=tr(lv.description, lang) if lv else "",
        level=a.level, levels=a.levels, score=a.score, score_max=a.score_max,
        completeness=a.completeness,
        completeness_figure=completeness_figure(a.completeness, len(c.unrated), lang),
        method=a.method, score_text=score_text(q, a.score, a.level),
        dimensions=[Row(name_of(q, dim.id, lang), code(dim.level) if dim.level and dim.score_max else "–",
                        dim.score, dim.score_max,
                        gate_progress(q, a, dim.id, lang) if not dim.score_max else "")
                    for dim in a.dimensions],
        level_scores=[(q.levels[i].id, s) for i, s in enumerate(a.level_scores)],
        why_not=explain_next_level(q, a, lang),
        strengths=[name_of(q, x, lang) for x in d.strengths],
        weaknesses=[name_of(q, x, lang) for x in d.weaknesses],
        blocking_intro=blocking_intro, blocking_header=blocking_header, impact_header=impact_header,
        impact_digits={"points": 2, "mean": 2}.get(a.method, 3),  # 11.25 points read "11.2"
        why_not_title=t("why_not_title", lang, level=level_label(q, nl.level, lang)) if nl else "",
        threshold=q.scoring.threshold if a.method == "cmmm" else None,  # type: ignore[union-attr]
        blocking=[(ind_name(s.indicator), s.score, s.impact) for s in d.blocking],
        path=path_view(d.path, "path"), target_path=path_view(d.target_path, "target_path"),
        targets_path=targets_view(d.target_plan),
        benchmarks=benches, recommendations=recs, ranking_note=note,
        nearly_note=t("nearly_intro", lang, **noun),
        at_top=t("at_top", lang, **noun),
        roadmap=roadmap, direct_first=direct_first, completeness_text=ctext,
        warnings=[warning_text(q, w, lang) for w in a.warnings],
        respondents=[printable(x) for x in respondent_lines(q, a.merged, lang)] if a.merged else [],
        notes=note_lines(q, a.notes, lang),
        history=(history, q) if history is not None and len(history.points) > 1 else None,
        checks=[t("check_line", lang, message=tr(f.message, lang), question=f.question, level=f.level,
                  other=f.other, other_level=f.other_level) for f in d.checks],
        provisional=t("provisional", lang, share=f"{a.completeness:.0%}")
        if a.completeness < PROVISIONAL else "",
        footer=[t("generated", lang, version=__version__, questionnaire=q.ref),
                t(f"method_note_{a.method}", lang, total=q.scoring.total if a.method != "cmmm" else 0),
                *([tr(q.levels_note, lang)] if q.levels_note else [])],
    )


def _source(fig: object, lang: str) -> str:
    """A figure's source document, by its title (the seed id is for the seeds/ README)."""
    return getattr(fig, "source_title_zh" if lang == "zh" else "source_title_en") or \
        getattr(fig, "source", "")


def _short_source(source_id: str | None, lang: str) -> str:
    """The title of a seeds/ source id (``s002``), or the citation as written."""
    if not source_id:
        return ""
    from .. import seeds

    for f in seeds.figures():
        if f.source_id == source_id:
            return f.source_title.get(lang) or f.source_title.get("en") or source_id
    return source_id
