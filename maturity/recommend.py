"""The roadmap: the candidate scenarios (``maturity.candidates``) ranked and put in
phases, in one pass so that the ranking and the phases always agree.  Pure functions
over an assessment; see ``docs/diagnosis.md``.

They are ordered foundations first, then what lifts the indicators that hold the grade
back, then the rest; by priority within each tier.  The roadmap takes them in that
order; a step never comes in the same or an earlier phase than one it builds on.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from .candidates import (
    RECOMMENDATIONS,
    Candidate,
    candidates,
    fits,
    rank_key,
    scenario_level,
)
from .catchup import catch_up
from .delivery import done, lacking, only_unrated, question_state
from .direct import direct_levels, own_aims, spared
from .engine import resolve_production_type
from .improve import apply, indicator_levels, path_to, restore_values
from .model.assessment import Assessment, Shortfall
from .model.diagnosis import Improvement, Path, Phase, Recommendation, TargetPlan
from .model.questionnaire import Questionnaire
from .model.scenario import Scenario
from .normalise import Normalised
from .picking import earns_place, last_resort, not_reached, pick
from .reaching import apply_targets
from .scoring import score
from .shortlist import shortlist, still_lacking


def _direct(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment, chosen: list[Candidate],
            path: Path, uncovered: list[str], kept: Mapping[str, Improvement] | None = None
            ) -> tuple[list[str], Path]:
    """The indicators of the path a phase tells the plant to improve directly: with what
    the chosen steps deliver and these improved to the level ``direct.direct_aims`` gives
    (its level on the path, or the plant's own target in ``kept`` where that is higher),
    the answers reach the path's grade, and leaving out any one of them (those in
    ``kept`` aside) they do not.

    It starts from ``uncovered``, the indicators no step lifts far enough.  A step that
    lifts an indicator to its level can still leave that level's score short of what the
    path's own improvement gives, so where the steps and ``uncovered`` fall short, the
    path's other indicators join, in its order (what they ask beyond the steps is said by
    ``maturity.direct``).  Then every one the grade does not need is dropped.  Round 115: a
    furniture workshop's ERP card said "on its own it raises the grade" while phase 1 also
    asked to improve Quality control directly, the smallest path to L1 running through it;
    and a reader who re-scored a plant's answers with phase 1 done found it short of the
    grade the phase promised.

    Where even the whole path falls short, a step has brought questions into scope that the
    path did not count (a scope question answered "yes", as an MES step answers "does the
    plant run an MES?": the questions its ``applies.when`` opens count as not yet until
    they are answered).  The phase's path is then widened (:func:`_widened`) and returned
    with the list.  Found by the property test on generated questionnaires."""
    if not path.reachable:
        return uncovered, path
    base = apply_targets(q, values, [d for c in chosen for d in c.delivers], a.enterprise)
    kept = kept or {}

    def reaches(ids: list[str]) -> bool:
        improved = apply(q, base, direct_levels(path, ids, kept), a.enterprise)
        return score(q, improved, a.enterprise, a.assessed_on).level >= path.target

    listed = list(uncovered)
    pending = [imp.indicator for imp in path.improvements if imp.indicator not in listed]
    while not reaches(listed):
        if not pending:
            path = _widened(q, values, base, a, path, direct_levels(path, listed, kept))
            listed += [i.indicator for i in path.improvements if i.indicator not in listed]
            break
        listed.append(pending.pop(0))
    for i in [i for i in listed if i not in kept]:
        if reaches([j for j in listed if j != i]):
            listed.remove(i)
    return listed, path


def _widened(q: Questionnaire, values: Mapping[str, Normalised], base: Mapping[str, Normalised],
             a: Assessment, path: Path, levels: Mapping[str, int]) -> Path:
    """``path`` with what the grade still needs once a phase's steps are delivered
    (``base``) and ``levels`` met: the improvements of a search from there, each from its
    level before the phase (``values``), or from where the steps leave it where that is
    lower (a question they bring into scope counts as not yet), the higher level kept where
    the path already lifts the indicator.  Where no such search reaches the grade, ``path``
    marked unreachable: the phase does not promise a grade its rows do not reach.  The
    result is sufficient together with the phase's steps, not on its own, and is no longer
    the report's own path (``Phase.path``)."""
    ent, on = a.enterprise, a.assessed_on
    improved = apply(q, base, levels, ent)
    more = path_to(q, improved, ent, score(q, improved, ent, on), path.target)
    if not more.reachable:
        return path.model_copy(update={"reachable": False})
    before = indicator_levels(score(q, values, ent, on))
    imps = {i.indicator: i for i in path.improvements}
    for m in more.improvements:
        top = max(m.to_level, imps[m.indicator].to_level if m.indicator in imps else 0)
        low = min(before[m.indicator], m.from_level)  # where the steps leave it, if lower
        imps[m.indicator] = Improvement(indicator=m.indicator, from_level=low, to_level=top)
    final = dict(levels)  # the plant's own targets too, where ``levels`` keeps them higher
    for i, imp in imps.items():
        final[i] = max(final.get(i, 0), imp.to_level)
    after = score(q, apply(q, base, final, ent), ent, on)
    return path.model_copy(update={"improvements": tuple(imps.values()), "level_after": after.level,
                                   "score_after": after.score})


def plan(q: Questionnaire, values: Mapping[str, Normalised], a: Assessment, path: Path | None,
         blocking: list[Shortfall], phases: int = 2, limit: int = RECOMMENDATIONS,
         targets: TargetPlan | None = None, held: frozenset[str] = frozenset()
         ) -> tuple[list[Recommendation], list[Phase], tuple[str, ...]]:
    """The ranked recommendations and the roadmap, in one pass so that they agree, and
    the scenarios whose whole gap is answers not given, checklist items left unrated or
    questions left unanswered (to check, not to advise).

    Phase 1 takes the candidates in order (foundations first, then what lifts the path
    to the next grade); phase 2 is planned on the answers as they would be after phase 1,
    for the grade after: scenarios whose prerequisites phase 1 meets join there, and say so.
    An ``enabler`` foundation that no step of the roadmap uses is planned again as
    ``held``: then it joins a phase only where the path needs it.
    """
    n = len(q.levels)
    ptype = a.production_type or resolve_production_type(q, a.enterprise)
    aims = own_aims(targets)
    cands = candidates(q, values, a, path, blocking, aims=aims)
    state = question_state(a)
    catalogue = q.scenarios_for(a.enterprise)
    had = {sc.id for sc in catalogue if done(sc, state, values)}
    # a step whose whole gap the plant's own answers leave unknown (unanswered questions,
    # unrated items) is a check in every phase, whether or not phase 1 could take it
    unknown = {sc.id for sc in catalogue
               if (gap := lacking(q, sc, state, values)) and only_unrated(q, gap, values, state)}
    known = {c.scenario.id for c in cands}
    phase_of: dict[str, int] = {}
    after: set[str] = set()  # held back a phase because what they build on comes in it
    roadmap: list[Phase] = []
    cur_values, cur, cur_path, cur_cands = dict(values), a, path, cands
    ground_values: Mapping[str, Normalised] = values  # the plant's own, with what steps deliver
    ground_state = state
    finished: set[str] = set()  # done by the deliveries of a phase's steps (``done_when``)
    carried: list[Candidate] = []  # held back by the phase before: they wait for this one
    withheld: list[str] = []  # unknown steps some phase would have taken: named for a check
    for step in range(1, phases + 1):
        if cur.level >= n or cur_path is None or (not cur_path.reachable and not cur_path.improvements):
            break
        # a step whose whole gap nobody rated is a check of the answers, not work of a phase
        # (nor one whose whole gap the plant's own answers leave unknown: a later phase's
        # simulation gives those questions answers, the plant did not)
        pool = [c for c in cur_cands if c.scenario.id not in phase_of and "unrated" not in c.reasons
                and c.scenario.id not in unknown]
        withheld += [c.scenario.id for c in cur_cands if c.scenario.id in unknown
                     and c.scenario.id not in withheld]
        # a step held back keeps its claim on the next phase even where the simulation of
        # the phase before already counts its indicator as lifted (it was on that path)
        taken = {c.scenario.id for c in pool} | phase_of.keys()
        pool += [c for c in carried if c.scenario.id not in taken]
        waited = {c.scenario.id for c in carried}
        need = {i.indicator: i for i in cur_path.improvements}
        if step == 1:  # phase 1 also takes the plant towards its own targets
            need = {**aims, **{i: imp for i, imp in need.items()
                               if i not in aims or imp.to_level >= aims[i].to_level}}
        chosen, uncovered = pick(pool, need, partial(earns_place, q, cur.level), held)
        if step == 1:
            catch_up(q, pool, chosen, a, values)
        last_resort(pool, uncovered, chosen)  # phase 1: only where the catch-up left it empty
        if step > 1:  # a later phase is the programme towards its grade: every step of it that
            # lifts what holds that grade back (phase 1 stays the short, concrete list), but
            # not one that works only on what matters little to the plant (its path's, yes)
            chosen += [c for c in pool if c not in chosen and c.scenario.id not in held and not c.minor
                       and (c.scenario.id in waited
                            or (c.tier <= 1 and scenario_level(q, c.scenario) <= cur.level + 1))]
            chosen.sort(key=pool.index)
        _pull_in(chosen, pool, ptype)
        # what builds on a step of this phase, or on one the plant still lacks and cannot
        # start yet, waits for a later phase: never before what it works on.  "Lacks" is
        # judged on the plant's own answers: a level an earlier phase's path only says to
        # "improve directly" is not the step (round 61: plan optimisation in phase 2 at a
        # valve plant with no finite-capacity scheduling, 28 votes "too early")
        ids = {c.scenario.id for c in chosen}
        later = still_lacking(q, a, values, {d for c in chosen for d in c.scenario.builds_on}
                               - ids - set(phase_of))
        waiting = [c for c in chosen if (ids | later) & set(c.scenario.builds_on)]
        carried = waiting
        if waiting:
            chosen = [c for c in chosen if c not in waiting]
            uncovered = not_reached(need, chosen)
            after |= {c.scenario.id for c in waiting}
            for c in waiting:  # listed, after the roadmap, if no later phase takes it
                if step > 1 and c.scenario.id not in known:
                    c.planned_after = step - 1
                    cands.append(c)
                    known.add(c.scenario.id)
        if step > 1:  # held back, it is listed after the roadmap, from where this phase leaves it
            chosen_ids = {c.scenario.id for c in chosen}
            for c in pool:
                if c.scenario.id in held and c.scenario.id not in known | chosen_ids:
                    c.planned_after = step - 1
                    cands.append(c)
                    known.add(c.scenario.id)
        for c in chosen:
            phase_of[c.scenario.id] = step
            if step > 1 and c.scenario.id not in known:
                c.planned_after = step - 1  # its levels are those after the earlier phase
                cands.append(c)  # eligible only once an earlier phase is done: listed too
                known.add(c.scenario.id)
        # the plant's own targets (phase 1) are kept whatever the grade needs
        uncovered, cur_path = _direct(q, cur_values, a, chosen, cur_path, uncovered,
                                      aims if step == 1 else None)
        needs = {}
        if step > 1:
            levels_now = indicator_levels(a)
            for c in chosen:
                unmet = [p.indicator for p in c.scenario.prerequisites
                         if levels_now.get(p.indicator, 0) < p.level]
                if unmet:
                    needs[c.scenario.id] = unmet
        delivered = [d for c in chosen for d in c.delivers]
        # phase 1 plans on the path the report shows (widened only where a step brings
        # questions into scope, ``_widened``): what of it the phase leaves as it is
        spared_ = spared(q, a, values, delivered, cur_path, uncovered, aims) if step == 1 else ()
        roadmap.append(Phase(target_level=cur_path.target, path=cur_path, spared=spared_,
                             scenarios=[c.scenario.id for c in chosen], uncovered=uncovered, needs=needs))
        # each step whole, as the report names it: what it lacks on the answers its phase
        # starts from (its ``delivers`` were judged on the simulation, where the path's
        # "improve directly" may already have lifted part of it)
        named = [ch for c in chosen for ch in lacking(q, c.scenario, ground_state, ground_values) or []]
        ground_values = apply_targets(q, ground_values, named, a.enterprise)
        ground_state = question_state(score(q, ground_values, a.enterprise, a.assessed_on))
        # what the steps so far deliver is the work a step names: a scenario they complete
        # (its ``done_when``) is done by then, as the plant's own answers would show it (a
        # valve plant's phase 2 offered progress tracking, which its phase-1 MES roll-out
        # completes); it is not offered in a later phase, nor listed after the roadmap
        done_by_then = had | {sc.id for sc in catalogue if done(sc, ground_state, ground_values)}
        finished |= done_by_then - had
        if not cur_path.reachable or step == phases:
            break
        cur_values = apply_targets(q, cur_values, delivered, a.enterprise)
        # the phase done as the report states it: its steps, and what it improves directly
        # at the levels its rows state (``direct.direct_aims``); the path's indicators it
        # leaves as they are stay so (planned from the whole path met, re-scoring what the
        # report says phases 1 and 2 do fell short of phase 2's grade at 49 of 219 corpus
        # files: docs/diagnosis.md, Roadmap)
        cur_values = apply(q, cur_values, direct_levels(cur_path, uncovered, aims if step == 1 else None),
                           a.enterprise)
        cur = score(q, cur_values, a.enterprise, a.assessed_on)
        if cur.level >= n:
            break
        cur_path = path_to(q, cur_values, a.enterprise, cur, cur.level + 1)
        cur_blocking = list(cur.next_level.shortfalls) if cur.next_level else []
        # what a step requires is judged on the plant's answers and what earlier steps
        # deliver, not on what the path only says to improve directly (round 65: fast
        # changeover in phase 2 at a job shop, a bundle-sewing plant and a box plant, on
        # automated lines that only phase 1's "improve directly" put there)
        cur_cands = candidates(q, cur_values, cur, cur_path, cur_blocking, done_by_then,
                               real=(state, values), grounded=(ground_state, ground_values))

    idle = _unused_enablers(catalogue, phase_of) if not held else set()
    if idle:  # planned once more without them: what the roadmap did on them, it does not
        return plan(q, values, a, path, blocking, phases, limit, targets, held=frozenset(idle))
    scen = {sc.id: sc for sc in catalogue}
    for c in cands:
        if c.scenario.id not in phase_of and "after" not in c.reasons and (
                c.scenario.id in after
                or max((phase_of.get(b, 0) for b in c.scenario.builds_on), default=0) == len(roadmap)):
            # no phase left for it, or none needed it while what it builds on has the last
            # one (it could not come sooner): it comes after the roadmap, and says after what
            c.reasons.append("after")
        if c.scenario.id in held and c.scenario.id not in phase_of and "when_used" not in c.reasons:
            c.reasons.append("when_used")
        if c.scenario.id in phase_of and "first" not in c.reasons and any(
                c.scenario.id in scen[s].first_needs(ptype) for s, k in phase_of.items()
                if k == phase_of[c.scenario.id]):
            c.reasons.append("first")  # a step of its phase runs on it
    order = {sc.id: k for k, sc in enumerate(q.scenarios)}
    ordered = _after_what_they_build_on(
        sorted(cands, key=lambda c: (phase_of.get(c.scenario.id, phases + 1), *rank_key(c, order))),
        phase_of, ptype)
    # a step whose whole gap nobody rated is a question about the answers, not advice: the
    # completeness check names it (round 110: "an answer fix rather than a scenario", 16 of
    # 16 votes "already has" at three plants, titled a check and out of every phase)
    ordered = [c for c in ordered if c.scenario.id in phase_of or c.scenario.id not in finished]
    to_check = tuple(c.scenario.id for c in ordered if c.scenario.id in unknown)
    to_check += tuple(s for s in withheld if s not in to_check and s not in phase_of)
    ordered = [c for c in ordered if c.scenario.id not in to_check]
    shown = shortlist(q, a, values, ordered, phase_of, after, to_check, limit)
    recs = [Recommendation(
        scenario=c.scenario.id, rank=k, phase=phase_of.get(c.scenario.id, 0), raises=c.raises,
        delivers=c.delivers, foundation=c.scenario.foundation, reasons=c.reasons,  # type: ignore[arg-type]
        blocking=c.blocking, catch_up=c.catch_up, gain=c.gain, level_gain=c.level_gain,
        planned_after=c.planned_after,
        effort=c.effort,
        priority=c.priority, on_path=bool(c.blocking), typical=not c.scenario.industries
        or a.enterprise.industry in c.scenario.industries, focus=c.scenario.id in q.focus_scenarios)
        for k, c in enumerate(shown, 1)]
    # one step left that no phase takes is a small thing to finish, not a project: after the
    # projects (round 59: 8 of the 11 "already has" ratings outside the roadmap were such
    # steps, "trivial", "not a project in its own right")
    recs = [r.model_copy(update={"rank": k}) for k, r in
            enumerate(sorted(recs, key=lambda r: r.nearly_done), 1)]
    # each phase lists its scenarios in the order of the ranking, so the two never disagree
    rank = {c.scenario.id: k for k, c in enumerate(ordered)}
    roadmap = [p.model_copy(update={"scenarios": tuple(sorted(p.scenarios, key=rank.__getitem__))})
               for p in roadmap]
    return recs, roadmap, to_check


def _pull_in(chosen: list[Candidate], pool: list[Candidate], ptype: str | None) -> None:
    """What a chosen step builds on joins its phase when the plant lacks it and could
    start it now (a candidate of the pool), so that no step comes before what it works on;
    the step itself then waits for the next phase.  Pulled in for that reason: ``before``.
    What it ``needs_first`` joins the same way, and the step stays (its reason, ``first``,
    is given once the phases are known)."""
    byid = {c.scenario.id: c for c in pool}
    todo = list(chosen)
    while todo:
        c = todo.pop()
        for deps, why in ((c.scenario.builds_on, "before"), (c.scenario.first_needs(ptype), None)):
            for dep in deps:
                d = byid.get(dep)
                if d is not None and d not in chosen:
                    chosen.append(d)
                    todo.append(d)
                    if why is not None and why not in d.reasons:
                        d.reasons.append(why)
    chosen.sort(key=pool.index)


def _unused_enablers(catalogue: list[Scenario], phase_of: Mapping[str, int]) -> set[str]:
    """The ``enabler`` scenarios of the roadmap that no other step of it uses: none names
    it in ``builds_on``, needs an indicator it raises or requires a question it delivers,
    and none in a later phase is a scenario that also raises an indicator it raises (that
    step includes the enabler's work, which the earlier phase does for it: the digital
    workshop and the network; docs/diagnosis.md, "A network comes with what runs on it")."""
    scen = {sc.id: sc for sc in catalogue}
    out = set()
    for e in (scen[i] for i in phase_of if scen[i].enabler):
        raised = {r.indicator for r in e.raises}
        given = {t.question for t in e.delivers}
        if not any(e.id in s.builds_on or raised & {p.indicator for p in s.prerequisites}
                   or given & {t.question for t in s.requires}
                   or (phase_of[s.id] > phase_of[e.id] and raised & {r.indicator for r in s.raises})
                   for s in (scen[i] for i in phase_of if i != e.id)):
            out.add(e.id)
    return out


def _after_what_they_build_on(ordered: list[Candidate], phase_of: Mapping[str, int],
                              ptype: str | None) -> list[Candidate]:
    """``ordered`` with each scenario moved just behind the scenarios it ``builds_on`` that
    are listed in the same phase (both outside the phases, among the rest: the roadmap
    itself never puts both in one phase), and what it ``needs_first`` moved just before it
    (the step keeps its place in the ranking)."""
    out = list(ordered)
    for c in ordered:
        mine = phase_of.get(c.scenario.id, 0)
        for d in [x for x in out if x.scenario.id in c.scenario.first_needs(ptype)
                  and phase_of.get(x.scenario.id, 0) == mine and out.index(x) > out.index(c)]:
            out.remove(d)
            out.insert(out.index(c), d)
        firsts = [k for k, x in enumerate(out) if x.scenario.id in c.scenario.builds_on
                  and phase_of.get(x.scenario.id, 0) == mine]
        here = out.index(c)
        if firsts and max(firsts) > here:
            out.insert(max(firsts), out.pop(here))  # popped before it: lands just behind it
    return out


def completed(q: Questionnaire, before: Assessment, after: Assessment) -> list[str]:
    """Scenarios lacking something before that lack nothing now (``maturity compare``),
    each snapshot judged as its enterprise takes the step, and the step as it is now lacking
    something before too: a firm that grew out of the small sizes is asked the whole step
    now, and one that shrank completed nothing by asking less of itself."""
    was, now = question_state(before), question_state(after)
    was_v, now_v = restore_values(q, before.answers), restore_values(q, after.answers)
    out = []
    for then, sc in zip(q.scenarios_for(before.enterprise), q.scenarios_for(after.enterprise), strict=True):
        lacked = lacking(q, then, was, was_v) and (then is sc or lacking(q, sc, was, was_v))
        if lacked and lacking(q, sc, now, now_v) == []:
            out.append(sc.id)
    return out


__all__ = ["candidates", "completed", "fits", "plan", "scenario_level"]
