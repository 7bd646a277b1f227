"""Diagnosis: the path to a grade is sufficient and irreducible; recommendations are sound."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import maturity
from maturity.delivery import lacking, question_state
from maturity.diagnosis import diagnose
from maturity.direct import direct_levels, own_aims
from maturity.improve import apply, indicator_levels, path_to, restore_values
from maturity.reaching import apply_targets
from maturity.recommend import candidates, fits
from maturity.scoring import score

from . import corpus
from .strategies import answer_sets, build, questionnaires, top_answer

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def assessed(draw: st.DrawFn):
    q = build(draw(questionnaires()))
    answers = draw(answer_sets(q))
    a = maturity.assess(q, answers)
    return q, a


def _rescore(q, a, plan):
    values = restore_values(q, a.answers)
    return score(q, apply(q, values, plan, a.enterprise), a.enterprise)


def _phases_done(q, a, d, upto: int, leave_out: str | None = None):
    """The answers re-scored with what the report says phases 1 to ``upto`` do, as a
    reader would: each phase's steps (what its recommendations deliver), then the
    indicators it improves directly at the levels its rows state (``direct_aims``), in
    the last phase all but ``leave_out``."""
    values = restore_values(q, a.answers)
    for k, phase in enumerate(d.roadmap[:upto], 1):
        values = apply_targets(q, values, [c for r in d.recommendations if r.phase == k for c in r.delivers],
                               a.enterprise)
        listed = [i for i in phase.uncovered if k < upto or i != leave_out]
        aims = own_aims(d.target_plan) if k == 1 else None
        values = apply(q, values, direct_levels(phase.path, listed, aims), a.enterprise)
    return score(q, values, a.enterprise, a.assessed_on)


@SETTINGS
@given(assessed(), st.data())
def test_path_to_a_grade_is_sufficient_and_irreducible(case, data):
    q, a = case
    n = len(q.levels)
    assume(a.level < n)
    target = data.draw(st.integers(a.level + 1, n))
    path = path_to(q, restore_values(q, a.answers), a.enterprise, a, target)
    assume(path.reachable)
    plan = {i.indicator: i.to_level for i in path.improvements}
    after = _rescore(q, a, plan)
    assert after.level >= target, "sufficient: the improved answers reach the target"
    assert path.level_after == after.level
    levels = indicator_levels(a)
    for imp in path.improvements:
        assert imp.from_level == levels[imp.indicator] < imp.to_level
        without = {k: v for k, v in plan.items() if k != imp.indicator}
        assert _rescore(q, a, without).level < target, f"irreducible: {imp.indicator} is needed"


@SETTINGS
@given(assessed())
def test_recommendations_fit_lack_something_and_agree_with_the_roadmap(case):
    q, a = case
    d = diagnose(a, q)
    levels = indicator_levels(a)
    state = question_state(a)
    scenarios = {s.id: s for s in q.scenarios_for(a.enterprise)}
    values = restore_values(q, a.answers)
    now = {c.scenario.id for c in candidates(q, values, a, d.path, list(d.blocking))}
    for r in d.recommendations:
        sc = scenarios[r.scenario]
        assert fits(q, sc, a), r.scenario
        unmet = [p.indicator for p in sc.prerequisites if levels[p.indicator] < p.level]
        if unmet:  # only as a later phase, once an earlier one brings them; and it says so
            assert r.phase >= 2, r.scenario
            assert set(unmet) <= set(d.roadmap[r.phase - 1].needs[r.scenario]), r.scenario
        if r.scenario not in now:  # eligible only once phase 1 is done (it opens or lifts
            assert r.phase >= 2, r.scenario  # what it works on): judged on that state
            continue
        # never what the plant already has, never only n/a questions: judged per question
        assert lacking(q, sc, state), r.scenario
        assert r.delivers and all(c.from_level < c.to_level for c in r.delivers), r.scenario
        assert all(state[c.question][0] != "not_applicable" for c in r.delivers), r.scenario
    ranks = [r.rank for r in d.recommendations]
    assert ranks == list(range(1, len(ranks) + 1))
    # the ranking follows the roadmap: phase 1, then 2, …, then the ones in no phase
    order = [r.phase or 99 for r in d.recommendations]
    assert order == sorted(order)
    for phase_no, phase in enumerate(d.roadmap[:1], 1):
        in_recs = [r.scenario for r in d.recommendations if r.phase == phase_no]
        assert list(phase.scenarios[:len(in_recs)]) == in_recs
    # foundations first while below level 2
    if a.level < 2:
        kinds = [r.foundation for r in d.recommendations if r.phase == 1]
        assert kinds == sorted(kinds, reverse=True)


@SETTINGS
@given(questionnaires())
def test_the_top_grade_has_no_next_grade_path_and_says_so(raw):
    q = build(raw)
    a = maturity.assess(q, {qid: top_answer(x) for qid, (_, _, x) in q.questions.items()})
    d = diagnose(a, q)
    assert d.path is None and d.roadmap == () and d.recommendations == ()
    from maturity.report import content, markdown

    text = markdown.render(content.build(q, d, "en"))
    assert "top grade" in text


@pytest.fixture(scope="module")
def machinery():
    ans = maturity.load_answers(ROOT / "docs/examples/machinery-plant.yaml")
    q = maturity.questionnaire_for(ans)
    a = maturity.assess(q, ans)
    return q, a, diagnose(a, q, target=4)


def test_sample_diagnosis_is_consistent(machinery):
    _q, a, d = machinery
    assert d.path is not None and d.path.reachable and d.path.target == a.level + 1
    assert d.target_path is not None and d.target_path.target == 4
    assert d.blocking == a.next_level.shortfalls
    # strengths and weaknesses are dimensions, and never both
    assert not set(d.strengths) & set(d.weaknesses)
    assert "rd" in d.weaknesses  # R&D is the one L1 dimension of this plant
    # the roadmap starts with the next grade and its first phase is the path itself
    assert d.roadmap[0].target_level == a.level + 1 and d.roadmap[0].path == d.path
    assert d.roadmap[0].scenarios
    # benchmarks cite the national figures with their sources
    cnc = next(b for b in d.benchmarks if b.question == "factory.equipment.cnc_rate")
    assert cnc.national.value == 71.1 and cnc.national.source == "s004"
    assert cnc.target.value == 70 and cnc.target.comparison == ">"
    assert (cnc.versus_national, cnc.meets_target) == ("above", True)
    tools = next(b for b in d.benchmarks if b.question == "rd.design.tools_rate")
    assert (tools.versus_national, tools.meets_target) == ("below", False)


def test_completeness_best_case_is_never_below_the_grade(machinery):
    q, a, _ = machinery
    # the sample answers everything: leave a few blanks, as a first draft would
    partial = {k: v for n, (k, v) in enumerate(a.answers.items()) if n % 5}
    b = maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref,
                            "enterprise": a.enterprise.model_dump(exclude_none=True), "answers": partial})
    c = diagnose(b, q).completeness
    assert c.unanswered and c.level_now == b.level
    assert c.best_level >= b.level and c.best_score >= b.score


def test_compare_reports_changes_and_completed_scenarios(machinery):
    q, a, d = machinery
    plan = {i.indicator: i.to_level for i in d.path.improvements}
    improved = _rescore(q, a, plan)
    result = maturity.compare(a, improved, q)
    assert result.total.level_before == a.level and result.total.level_after == improved.level
    moved = {c.id for c in result.indicators}
    assert set(plan) <= moved
    assert all(c.level_after > c.level_before for c in result.indicators)
    assert result.completed_scenarios  # some scenario's targets are met only now
    with pytest.raises(maturity.UsageError):
        maturity.compare(a, maturity.assess(maturity.load_questionnaire("sme"), {}), q)


def test_compare_refuses_what_would_report_false_progress(tmp_path, capsys):
    """A user found compare showing +0.92 for the same answers carried from general@1 to
    general@2, +2.01 between a foundry and a machinery plant, and progress where the new
    file was dated a year before the old one (history refused all three)."""
    import yaml

    from maturity.cli import main

    base = yaml.safe_load((ROOT / "docs/examples/machinery-plant.yaml").read_text("utf-8"))
    other = {**base, "enterprise": {**base["enterprise"], "name": "Another plant"}}
    earlier = {**base, "assessed_on": "2025-05-12"}
    old = yaml.safe_load((ROOT / "docs/calibration/answers/before/p17-a.yaml").read_text("utf-8"))
    docs = {"base": base, "other": other, "earlier": earlier, "old": old}
    for name, doc in docs.items():
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    migrated = tmp_path / "migrated.yaml"
    assert main(["migrate", str(tmp_path / "old.yaml"), "--to", "general@2", "-o", str(migrated)]) == 0
    capsys.readouterr()
    for a, b, words in (("old", "migrated", "not on one scale"), ("base", "other", "different enterprises"),
                        ("base", "earlier", "dated before")):
        second = migrated if b == "migrated" else tmp_path / f"{b}.yaml"
        assert main(["compare", str(tmp_path / f"{a}.yaml"), str(second)]) == 2
        assert words in capsys.readouterr().err
    assert main(["compare", str(tmp_path / "earlier.yaml"), str(tmp_path / "base.yaml")]) == 0


def test_diagnosis_json_round_trip(machinery):
    _, _, d = machinery
    again = maturity.Diagnosis.model_validate_json(d.model_dump_json())
    assert again == d


def test_compare_cli(tmp_path, capsys):
    import yaml

    from maturity.cli import main

    old = yaml.safe_load((ROOT / "docs/examples/machinery-plant.yaml").read_text("utf-8"))
    new = yaml.safe_load((ROOT / "docs/examples/machinery-plant.yaml").read_text("utf-8"))
    from .strategies import top_answer

    q = maturity.load_questionnaire("general")
    for qid, (_, _, question) in q.questions.items():
        if qid.startswith("operations.equipment."):
            new["answers"][qid] = top_answer(question)
    for name, doc in (("old", old), ("new", new)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    assert main(["compare", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Equipment management" in out and "→" in out
    assert main(["compare", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "-f", "json"]) == 0
    data = __import__("json").loads(capsys.readouterr().out)
    assert data["total"]["score_after"] > data["total"]["score_before"]
    assert "operations.equipment" in {c["id"] for c in data["indicators"]}


def test_the_best_case_opens_the_follow_ups_of_an_unanswered_gate():
    """#11: everything at the top but the data-platform gate and its follow-up (blank)
    reported a best score of 4.97, while filling them gives 5.0."""
    from maturity.diagnosis import completeness

    from .strategies import top_answer

    q = maturity.load_questionnaire("general")
    answers = {qid: top_answer(x) for qid, (_, _, x) in q.questions.items()
               if qid not in ("factory.data.platform", "factory.data.platform_use")}
    doc = {"format": "maturity-answers/1", "questionnaire": q.ref, "answers": answers}
    a = maturity.assess(q, doc)
    check = completeness(q, restore_values(q, a.answers), a)
    every = {qid: top_answer(x) for qid, (_, _, x) in q.questions.items()}
    full = maturity.assess(q, {**doc, "answers": every})
    assert (check.best_level, check.best_score) == (full.level, pytest.approx(full.score))


def test_a_dimension_below_l1_is_never_a_strength_and_a_thin_picture_says_so():
    """Issue #12, item 7: at 30 % completeness, dimensions at 31 % and 11 % were called
    strengths. A strength now needs a level of its own, and below 80 % completeness every
    report says that the picture is provisional."""
    from maturity.report.content import PROVISIONAL, build
    from maturity.report.markdown import render

    q = maturity.load_questionnaire("sme")
    asked = list(q.questions)
    for share in (0.3, 0.6, 1.0):
        answers = {qid: 1 if q.questions[qid][2].kind == "level" else
                   (False if q.questions[qid][2].kind == "yesno" else None)
                   for qid in asked[:max(1, int(len(asked) * share))]}
        answers = {k: v for k, v in answers.items() if v is not None}
        a = maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref,
                                "enterprise": {"name": "x"}, "answers": answers})
        d = maturity.diagnose(a, q)
        levels = {dim.id: dim.level for dim in a.dimensions}
        assert all(levels[s] >= 1 for s in d.strengths), (share, d.strengths, levels)
        text = render(build(q, d, "en"))
        assert ("provisional" in text) is (a.completeness < PROVISIONAL), (share, a.completeness)


def test_the_diagnosis_leaves_the_cycle_collector_as_it_found_it(machinery, monkeypatch):
    """The diagnosis switches the cyclic garbage collector off while it searches (the
    collector walking a large live heap doubled the worst case) and on again after, as
    it was, also when it fails."""
    import gc

    import maturity.diagnosis as module

    q, a, _ = machinery
    seen = []
    real = module._diagnose

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "_diagnose", spy)
    assert gc.isenabled()
    diagnose(a, q)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        diagnose(a, q)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "_diagnose", fail)
    with pytest.raises(RuntimeError):
        diagnose(a, q)
    assert gc.isenabled()


def _reference_diagnoses(pattern: str):
    """(file name, answers, questionnaire, assessment, diagnosis) of each reference answers
    file matching ``pattern`` (diagnosed once per test run: ``tests/corpus.py``)."""
    for p in corpus.plants(pattern):
        yield p.name, p.answers, p.q, p.a, p.d


def test_what_improve_directly_asks_is_what_reaches_the_level_beyond_the_steps():
    """Reviewers of rounds 46-64 kept naming phase 1's "improve directly" as vague ("six
    areas to improve directly and no steps for them").  Phase 1 now says, for each such
    indicator, what it asks of the answers beyond the phase's scenarios; made together with
    the scenarios' changes, those changes bring each indicator to its level on the path, and
    none of them is one the scenarios already make."""
    from maturity.delivery import item_in_place
    from maturity.direct import direct_changes
    from maturity.improve import restore_values
    from maturity.model.questionnaire import MultiQuestion, NumberQuestion
    from maturity.reaching import apply_targets
    from maturity.scoring import score

    seen = 0
    for name, _, q, a, d in _reference_diagnoses("p*-b.yaml"):
        if not d.roadmap or not d.roadmap[0].uncovered:
            continue
        values = restore_values(q, a.answers)
        done = [c for r in d.recommendations if r.phase == 1 for c in r.delivers]
        aims = [i for i in d.roadmap[0].path.improvements if i.indicator in d.roadmap[0].uncovered]
        res = direct_changes(q, a, values, done, aims)
        assert [i for i, _ in res] == aims
        base = apply_targets(q, values, done, a.enterprise)
        for imp, changes in res:
            assert changes, (name, imp.indicator)
            assert all(c.question.rsplit(".", 1)[0] == imp.indicator for c in changes)
            after = score(q, apply_targets(q, base, changes, a.enterprise), a.enterprise)
            level = {i.id: i.level for dd in after.dimensions for i in dd.indicators}[imp.indicator]
            assert level >= imp.to_level, (name, imp.indicator, level, imp.to_level)
            for c in changes:  # a share is asked for only where it rates higher than now
                if isinstance(q.questions[c.question][2], NumberQuestion | MultiQuestion):
                    assert c.to_level > c.from_level, (name, c)
            for c in changes:  # no item the phase's scenarios put in place already
                rated = base.get(c.question) if isinstance(base.get(c.question), dict) else {}
                assert not any(item_in_place(rated.get(i, 0.0)) for i in c.items), (name, c)
        seen += 1
    assert seen >= 10


def test_phase_1_reaches_its_grade_with_its_steps_and_only_what_it_lists_to_improve_directly():
    """Phase 1 says "reach Lk with the steps below and n indicators improved directly".
    Re-scoring the answers with what its steps deliver and those n indicators improved to
    their level on the path gives Lk; leaving out any one of the n, it does not.  Round
    115: a furniture workshop's ERP card said "on its own it raises the grade" while phase
    1 also asked to improve Quality control directly; and a reader who re-scored six
    plants' answers with phase 1 done (p02, p15, p23, p31, p58, p62) found them short of
    the grade the phase promised: a step that lifts an indicator to its level can leave
    that level's score short of what the path's own improvement gives."""
    listed = 0
    for name, answers, q, a, d in _reference_diagnoses("p*.yaml"):
        if not d.roadmap or not d.roadmap[0].path.reachable or answers.targets:
            continue
        first = d.roadmap[0]
        # all it lists, then each one left out
        levels = {left: _phases_done(q, a, d, 1, left).level for left in [None, *first.uncovered]}
        assert levels.pop(None) >= first.target_level, name
        assert all(v < first.target_level for v in levels.values()), (name, levels)
        listed += len(first.uncovered)
    assert listed >= 10


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_lists_what_improve_directly_asks_in_phase_1_only(tmp_path, lang):
    from maturity.cli import main
    from maturity.i18n import t

    path = Path(__file__).resolve().parent.parent / "docs" / "calibration" / "answers" / "after"
    path = path / "p04-b.yaml"
    answers = maturity.load_answers(path)
    q = maturity.questionnaire_for(answers)
    d = maturity.diagnose(maturity.assess(q, answers), q)
    assert d.roadmap[0].uncovered and d.roadmap[1].uncovered
    out = tmp_path / "r.md"
    assert main(["report", str(path), "-f", "markdown", "--lang", lang, "-o", str(out)]) == 0
    roadmap = out.read_text(encoding="utf-8").split(f"\n## {t('roadmap', lang)}\n")[1].split("\n## ")[0]
    phase1, phase2 = roadmap.split("\n### ")[1:3]
    asks = t("phase_direct_steps", lang)
    assert asks in phase1 and asks not in phase2
    bullets = [line for line in phase1.split(asks)[1].splitlines() if line.startswith("- ")]
    names = [maturity.explain.name_of(q, i, lang) for i in d.roadmap[0].uncovered]
    assert len(bullets) == len(names) and all(any(b.startswith(f"- {n}") for b in bullets) for n in names)


@pytest.mark.parametrize(("plant", "spared"), [("p77-b", ["operations.quality"]),
                                               # frozen before round 192 read its control-system
                                               # protection at 1+ (the path then spares nothing)
                                               ("p04-b-round190", ["operations.quality"]),
                                               ("p06-a-round127", []),  # a step lifts Quality part of the way
                                               ("p28-sme-a", []),  # steps lift Production together
                                               ("p76-b", [])])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_phase_1_says_which_indicators_of_the_path_it_reaches_the_grade_without(plant, spared, lang):
    """Round 125 (p77): the path table says Quality control must rise for L2 while phase 1,
    which the roadmap checks reaches L2, has no quality step; the reviewer read two answers
    to one question.  Phase 1 now names the path's indicators it leaves as they are, and
    says it reaches the grade without them: re-scored with the phase's steps and direct
    improvements, the grade is reached and each named indicator stays at its level.  One
    that a step lifts part of the way (p06-a) or several steps lift together (p28-sme-a) is
    not named."""
    from maturity.i18n import t
    from maturity.report.roadmap import roadmap_view

    # a case whose answers a later round re-read is kept as it was (tests/data/, frozen)
    frozen = ROOT / "tests" / "data" / f"{plant}.yaml"
    path = frozen if frozen.exists() else ROOT / "docs" / "calibration" / "answers" / "after" / \
        f"{plant}.yaml"
    answers = maturity.load_answers(path)
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    d = maturity.diagnose(a, q)
    first = d.roadmap[0]
    assert list(first.spared) == spared
    assert not any(p.spared for p in d.roadmap[1:])  # their path is not the one shown
    phases, _ = roadmap_view(q, d, restore_values(q, a.answers), lang, lambda i: i, str)
    direct = phases[0][2]
    marker = t("phase_without", lang, level="@", names="@").split("@")[0]
    assert (marker in direct) == bool(spared), direct
    assert all(maturity.explain.name_of(q, i, lang) in direct.split(marker)[-1] for i in spared), direct
    assert not any(marker in later[2] for later in phases[1:])  # their path is not shown above
    after = _phases_done(q, a, d, 1)
    assert after.level >= first.target_level
    now, then = indicator_levels(a), indicator_levels(after)
    assert all(then[i] == now[i] for i in spared), [(i, now[i], then[i]) for i in spared]


def test_every_indicator_phase_1_says_it_leaves_stays_as_it_is_over_the_corpus():
    """The claim of the sentence above, on every committed answers file: re-scored with
    phase 1's steps and direct improvements, the grade is reached and each indicator it
    names keeps its level (a reviewer found it naming indicators that a step lifted part
    of the way, or that several steps lifted together)."""
    named = 0
    for name, _, q, a, d in _reference_diagnoses("p*.yaml"):
        if not d.roadmap or not (spared := d.roadmap[0].spared):
            continue
        first = d.roadmap[0]
        after = _phases_done(q, a, d, 1)
        assert after.level >= first.target_level, name
        now, then = indicator_levels(a), indicator_levels(after)
        assert all(then[i] == now[i] for i in spared), (name, [(i, now[i], then[i]) for i in spared])
        named += 1
    assert named >= 20


def test_each_phase_reaches_its_grade_from_where_the_report_says_the_one_before_leaves():
    """Phase 2 is planned from what the report says phase 1 does (its steps and its direct
    improvements), not from phase 1's whole path met: re-scored phase by phase with only
    what each phase states, every committed answers file reaches each phase's grade, each
    phase aims higher than the one before, and each later phase starts where the one
    before leaves the plant: its path's levels, the levels its cards start from, and the
    prerequisites it says the previous phase brings.  Planned from the whole path, 49 of
    219 files with a second phase fell short of it, 82 started phase 2's path elsewhere,
    and 11 said "which the previous phase brings" of a prerequisite it did not bring."""
    phased = 0
    for name, _, q, a, d in _reference_diagnoses("p*.yaml"):
        scen, own = {s.id: s for s in q.scenarios}, indicator_levels(a)
        before = a
        for k, phase in enumerate(d.roadmap, 1):
            if not phase.path.reachable:
                break
            levels = indicator_levels(before)
            if k > 1:
                phased += 1
                assert phase.target_level > d.roadmap[k - 2].target_level, (name, k)
                assert all(i.from_level == levels[i.indicator] for i in phase.path.improvements), (name, k)
                assert all(x.from_level == levels[x.indicator] for r in d.recommendations
                           if r.planned_after == k - 1 for x in r.raises), (name, k)
                # what a step waits for: every prerequisite the plant's own answers leave
                # unmet, each of them met once the phase before is done
                unmet = {s: tuple(p.indicator for p in scen[s].prerequisites
                                  if own.get(p.indicator, 0) < p.level) for s in phase.scenarios}
                assert dict(phase.needs) == {s: u for s, u in unmet.items() if u}, (name, k)
                assert all(levels[p.indicator] >= p.level for s in phase.needs
                           for p in scen[s].prerequisites), (name, k)
            before = _phases_done(q, a, d, k)
            assert before.level >= phase.target_level, (name, k)
            # every row of the phase reached (docs/diagnosis.md, Targets, "A known limit")
            reached = indicator_levels(before)
            aims = own_aims(d.target_plan) if k == 1 else None
            rows = direct_levels(phase.path, phase.uncovered, aims)
            assert all(reached[i] >= lv for i, lv in rows.items()), (name, k)
    assert phased >= 100


@SETTINGS
@given(assessed())
def test_each_phase_as_the_report_states_it_reaches_its_grade_on_generated_plants(case):
    q, a = case
    d = diagnose(a, q)
    for k, phase in enumerate(d.roadmap, 1):
        if not phase.path.reachable:
            break
        assert all(i.from_level < i.to_level for i in phase.path.improvements), k  # every row rises
        assert _phases_done(q, a, d, k).level >= phase.target_level, k


def _leaves_as_they_are(q, a) -> int:
    """The claim of phase 1's sentence on one generated plant: re-scored with the phase's
    steps and direct improvements, the grade is reached, each indicator named keeps its
    level and no phase-1 card says it raises one.  1 if any was named."""
    d = diagnose(a, q)
    if not d.roadmap:
        return 0
    first = d.roadmap[0]
    spared = first.spared
    if not spared:
        return 0
    after = _phases_done(q, a, d, 1)
    assert after.level >= first.target_level
    now, then = indicator_levels(a), indicator_levels(after)
    assert all(then[i] == now[i] for i in spared), [(i, now[i], then[i]) for i in spared]
    assert not {x.indicator for r in d.recommendations if r.phase == 1 for x in r.raises} & set(spared)
    return 1


@SETTINGS
@given(assessed())
def test_what_phase_1_says_it_leaves_as_it_is_stays_so_on_generated_plants(case):
    """A reviewer found the claim false where a step delivers a follow-up whose opening
    question lies in another indicator: answering the gate raises that indicator (generated
    questionnaires; the shipped ones have no such follow-up).  The fuzz run below draws
    enough plants to meet that case."""
    _leaves_as_they_are(*case)


@pytest.mark.fuzz
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")) // 3, deadline=None,
          suppress_health_check=list(HealthCheck), database=None)
@given(assessed())
def test_what_phase_1_says_it_leaves_as_it_is_stays_so_fuzz(case):
    _leaves_as_they_are(*case)



@pytest.mark.parametrize("plant", ["p43-sme-a", "p43-sme-b", "p47-sme-a", "p47-sme-b"])
def test_a_far_target_never_asks_for_a_level_above_the_top(plant):
    """Review of round 129: two or more grades away, the path search tried "straight to
    the level above the target" for an indicator already at the top of a four-level index
    (the SME index), proposed level 5, and `maturity report --target L4` stopped with an
    IndexError.  Every improvement stays within the index's levels and the report builds."""
    from maturity.report import content

    path = ROOT / "docs" / "calibration" / "answers" / "after" / f"{plant}.yaml"
    answers = maturity.load_answers(path)
    q = maturity.questionnaire_for(answers)
    d = maturity.diagnose(maturity.assess(q, answers), q, target=len(q.levels))
    paths = [d.path, d.target_path, *(p.path for p in d.roadmap)]
    assert all(i.to_level <= len(q.levels) for p in paths if p is not None for i in p.improvements)
    assert content.build(q, d, "en").recommendations is not None


@SETTINGS
@given(assessed())
def test_no_path_asks_for_a_level_above_the_top_on_generated_plants(case):
    q, a = case
    d = diagnose(a, q, target=len(q.levels))
    paths = [d.path, d.target_path, *(p.path for p in d.roadmap)]
    assert all(i.to_level <= len(q.levels) for p in paths if p is not None for i in p.improvements)


def _scoped_plant():
    """The plant a property test found (shrunk): a scenario lifts an indicator whose scope
    question ("is there X?", weight 0) an ``applies.when`` elsewhere tests."""
    text = {"en": "t", "zh": "t"}
    anchors = {k: text for k in range(3)}
    opened = {"question": "d1.i0.q0", "equals": True}

    def level(qid, **kw):
        return {"id": qid, "kind": "level", "text": text, "anchors": anchors, **kw}

    raw = {
        "format": "maturity-questionnaire/1", "id": "prop", "version": 1, "title": text,
        "languages": ["en", "zh"], "levels": [{"id": f"L{k}", "name": text} for k in (1, 2)],
        "scoring": {"method": "points", "total": 100.0,
                    "bands": [{"level": 1, "min": 33.33}, {"level": 2, "min": 66.67}]},
        "production_types": [{"id": "discrete", "name": text}],
        "dimensions": [
            {"id": "d0", "name": text, "weight": 0.5, "indicators": [
                {"id": "i0", "name": text, "weight": 0.5, "questions": [level("q0")]}]},
            {"id": "d1", "name": text, "indicators": [
                {"id": "i0", "name": text, "weight": 0.5, "questions": [
                    {"id": "q0", "kind": "yesno", "text": text, "level": 1, "weight": 0.5},
                    {"id": "q1", "kind": "yesno", "text": text, "level": 1, "weight": 0.0},
                    {"id": "q2", "kind": "yesno", "text": text, "level": 1}]},
                {"id": "i1", "name": text, "questions": [level("q0", follow_up=opened)]},
                {"id": "i2", "name": text, "questions": [
                    level("q0", applies={"when": {"question": "d1.i0.q1", "equals": True}})]}]},
            {"id": "d2", "name": text, "weight": 0.5, "indicators": [
                {"id": "i0", "name": text, "weight": 0.5, "questions": [level("q0", follow_up=opened)]}]}],
        "scenarios": [{"id": "s0", "name": text, "link": "production_operations", "effort": "S",
                       "foundation": True, "raises": [{"indicator": "d1.i0", "level": 2}]}],
    }
    q = build(raw)
    return q, maturity.assess(q, {"d1.i0.q0": True, "d1.i0.q1": False})


def test_a_phase_whose_step_brings_questions_into_scope_still_reaches_its_grade():
    """Found by the property test above: a foundation step lifting d1.i0 answers its scope
    question "yes", which brings d1.i2 into scope, unanswered; phase 1 listed only the
    path's d1.i1 to improve directly and, re-scored as the report states it, fell short of
    the L1 it promised (30 points against the 33.33 needed).  The phase's path now takes
    what else the grade needs once the step is done, each from where it was."""
    q, a = _scoped_plant()
    d = diagnose(a, q)
    first = d.roadmap[0]
    assert first.path.reachable and "s0" in first.scenarios
    assert any(c.question == "d1.i0.q1" for r in d.recommendations if r.phase == 1 for c in r.delivers)
    # widened: beyond the report's path, what makes up for the indicator the step opened
    assert {i.indicator for i in d.path.improvements} < set(first.uncovered)
    levels = indicator_levels(a)
    assert all(i.from_level == levels[i.indicator] < i.to_level for i in first.path.improvements)
    for k, phase in enumerate(d.roadmap, 1):
        assert _phases_done(q, a, d, k).level >= phase.target_level, k


def test_a_path_stays_at_the_grade_it_aims_for_where_that_asks_as_little():
    """Progress at the level above the target counts in S, so a path may lift an indicator
    beyond the grade; a consultant's audit found such steps where as few steps that stay at
    the grade reach it (p100-a: quality L3 → L5 for L4, where safety L2 → L4 does it)."""
    p = corpus.plant("p100-a.yaml")
    path = p.d.path
    assert path is not None and path.reachable and path.target == p.a.level + 1
    assert all(i.to_level <= path.target for i in path.improvements), path.improvements


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_path_that_goes_beyond_its_grade_says_why(lang):
    from maturity.report.content import build
    p = corpus.plant("p104-a.yaml")
    assert any(i.to_level > p.d.path.target for i in p.d.path.improvements)  # equipment L4 → L5
    intro = build(p.q, p.d, lang).path.intro
    assert ("beyond L4" in intro) if lang == "en" else ("以上" in intro)
    plain = corpus.plant("p100-a.yaml")
    assert "beyond" not in build(plain.q, plain.d, "en").path.intro


def test_diagnoses_in_threads_share_the_collector_switch(machinery, monkeypatch):
    """An embedder's 8 threads left the cyclic collector off for good: each diagnosis read
    whether it was on and put that back, so one that started while another had it off put
    back "off".  The first to start records it, the last to finish restores it."""
    import gc
    import threading

    import maturity.diagnosis as module

    q, a, _ = machinery
    real = module._diagnose
    first_in, first_done = threading.Event(), threading.Event()
    seen = {}

    def spy(*args, **kwargs):
        if threading.current_thread().name == "first":
            first_in.set()
            second_in.wait(5)
            return real(*args, **kwargs)
        second_in.set()
        first_done.wait(5)
        seen["after the first ended"] = gc.isenabled()  # the second still runs
        return real(*args, **kwargs)

    second_in = threading.Event()
    monkeypatch.setattr(module, "_diagnose", spy)
    assert gc.isenabled()
    one = threading.Thread(target=lambda: (diagnose(a, q), first_done.set()), name="first")
    one.start()
    first_in.wait(5)
    two = threading.Thread(target=lambda: diagnose(a, q), name="second")
    two.start()
    one.join(10)
    two.join(10)
    assert seen == {"after the first ended": False}
    assert gc.isenabled()
