"""The calibration corpus stays calibrated: every committed answers file of the current
round scores inside its plant's expected range, and the figures meet the targets.

When the index changes, re-run the assessors on the changed questions (docs/calibration.md);
never edit their answers to make this pass.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

import maturity

ROOT = Path(__file__).resolve().parents[1]


def _bench(name: str):
    """A script of ``benchmarks/``, loaded as the module ``name``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


calibration = _bench("calibration")


@pytest.fixture(scope="module")
def scored():
    return calibration.score_round("after")


@pytest.fixture(scope="module")
def expected():
    return calibration.expected()


def test_the_corpus_is_large_and_varied_enough(expected):
    assert len(expected) >= 16
    grades = {e["expected_grade"]["min"] for e in expected.values()}
    assert grades >= {0, 1, 2, 3, 4, 5}, "every grade from not-yet-L1 to L5"
    assert len({e["industry"] for e in expected.values()}) >= 8
    assert {e["production_type"] for e in expected.values()} >= {"process", "discrete"}
    assert sum(1 for e in expected.values() if e.get("expected_sme_level")) >= 4


def test_two_assessors_read_every_plant_the_same_way(scored, expected):
    """Reliability: the targets of the issue, met since the first general@2 round."""
    f = calibration.figures(scored, expected)
    assert f["reference_plants"] >= 16
    assert f["assessor_grade_agreement"] >= 0.85
    assert f["assessor_kappa"] >= 0.8
    assert f["mean_abs_score_diff"] <= 0.3


# The validity measured (docs/calibration.md): a floor, so that a change to the index that
# makes grades worse is caught; raise it when a round improves them. Rounds 86 and 89 added
# twelve fresh holdout plants (p31-p42), rounds 96 and 102 eight more each, round 105 five
# SMEs, round 109 four more (p31-p67). With the scope rule registered before p43-p50 were
# scored (round 96) and the SME grade-2 rules re-read after they failed on them (round 97; kept by the test
# registered for them in round 105, having failed round 102's: docs/calibration.md), all
# 67 plants measure 0.903 and 0.917 (p01-p30 alone: 0.967 and 0.900, as since round 77).
# The floors sit just below what is measured; they are not figures to tune to.
# Round 116 added eight more fresh holdouts (p68-p75: four written for L5, four group plants
# whose group runs some functions). They landed 7 of 16 general files in the writers'
# ranges (13 of 16 in the blind panel's), and over the 75 plants the figure measured 0.853
# (0.867 after round 117's re-assessment of integration depth):
# the 0.9 is met on p01-p30 (below) and not over all plants, which docs/calibration.md
# and the issue say. The floor follows what is measured, as a guard against a worse index.
# Round 119 (level 5 asks one state) re-answered seventeen questions on the 27 plants an
# answer of 4 or more could move, with fresh sessions on the new wording and, as the
# control, on the old: both put 37 of those 54 files in the writers' ranges, against 42
# with the original assessors. The fall is the re-reading (fresh sessions read the
# unchanged levels 1-4 of those questions lower), not the wording; by the rule registered
# before, the new sessions' answers are the ones scored, and the figure is 0.833.
# Round 125 added eight fresh holdouts (p76-p83), 15 of their 16 files in range under the
# index as shipped (a re-fitted met_share of 0.45, registered as the round's test, put the
# "not yet L1" foundry at L1 and was not kept): over 83 plants 0.843, holdouts 0.831. Its
# four SMEs put 6 of 8 SME-index files in range (the ceramic-tile plant, written as 一级 "a
# little higher on points could pass 40", scores 45.5 twice): SME figure 0.900, which the
# SME floor now equals (63 of 70 files; one more SME file out of range fails it).
# Round 128 (the plan's level 3 counts finished integration projects, level 4 asks
# prediction and optimisation projects) was kept by its registered rule, and its fresh
# sessions' plan answers are the ones scored: over 83 plants 0.855, holdouts 0.838.
# Round 129 added six fresh holdouts (p84-p89): 9 of their 12 files in the writers' ranges
# (all 12 in the panel's), the three misses L4 plants read at L3; over 89 plants 0.848,
# holdouts 0.831. Round 130 added six more (p90-p95, small firms and SMEs): 10 of 12 general
# and 10 of 10 SME files in range; over 95 plants 0.847, SME 0.912, holdouts 0.831.
# Round 138 (the network's level 4 asks the models' data flows alone, the availability
# target apart) was kept by its registered rule, and its fresh sessions' network answers are
# the ones scored: 0.858, holdouts 0.844 (p75 at L4 on both sides). Round 142 added four
# fresh holdouts (p96-p99): 6 of 8 general and 4 of 4 SME files in range, the two misses
# an L4 plant read at L3 by both assessors; over 99 plants 0.854, SME 0.917, holdouts 0.840.
# Round 147 (budgeting's level 4 asks the forecasts the assessed unit makes) was kept by its
# registered rule: p34 and p99 at L4 on both sides, over 99 plants 0.874, holdouts 0.864.
# Round 149 added four fresh holdouts (p100-p103): 5 of 8 general and 6 of 6 SME files in
# range, all 8 in the panel's, the misses read at the blind judges' own grades; over 103
# plants 0.864, SME 0.922, holdouts 0.853. Round 158 added four fresh holdouts (p104-p107):
# 6 of 8 general and 4 of 4 SME files in range, the misses the plant aimed at L5 read at L4 by
# both assessors and by two of three blind judges; over 107 plants 0.8598 (184 of 214), SME
# 0.926, holdouts 0.848 (151 of 178). The floors leave one more miss overall (183 of 214 is
# 0.855) and none among the holdouts (150 of 178 is 0.843). After rounds 162-181 (the wording
# rounds of the warehouse, hazardous work, training, inspection, the plan, environmental
# records and traceability): 187 of 214 (0.874), holdouts 154 of 178 (0.865); the floors
# again leave one more miss (186 of 214 is 0.869, 153 of 178 is 0.8596).
FLOOR = {"in_expected_range": 0.869, "sme_in_expected_range": 0.9}
PANEL_FLOOR = 0.9
TUNED = 30
"""Plants p01-p30, on which rounds 1-85 were judged; p31 onwards were written after them."""


def _tuned(scored):
    return [s for s in scored if int(s.plant[1:]) <= TUNED]


def test_grades_are_no_further_from_the_practitioners_than_in_round_5(scored, expected):
    f = calibration.figures(scored, expected)
    for key, floor in FLOOR.items():
        assert f[key] >= floor, (key, f[key])
    assert calibration.panel_figures(scored, expected)["in_panel_range"] >= PANEL_FLOOR
    # and never off by more than one grade
    for s in scored:
        rng = expected[s.plant]["expected_sme_level" if s.sme else "expected_grade"]
        assert rng["min"] - 1 <= s.assessment.level <= rng["max"] + 1, s.path.name


def test_general_index_files_score_inside_their_plants_range(scored, expected):
    """The issue's target holds on the plants the rounds were judged on (since round 5);
    the fresh holdouts of rounds 86-116 (p31-p75) land in range in 70 files of 90, every
    miss one grade low, so the holdout figure is held at what it measured (0.825 over
    p19-p75 in round 116, 0.842 after round 117; 0.888 over p19-p67 before round 116's
    eight plants; 0.816 after round 119's re-reading of seventeen questions, whose control
    on the old wording measured the same; 0.831 over p19-p83 with round 125's eight,
    0.838 after round 128's re-reading of the plan, 0.831 over p19-p89 with round 129's six
    and over p19-p95 with round 130's six, 0.844 after round 138's re-reading of the
    network; 0.840 over p19-p99 with round 142's four, whose L4 air-conditioner plant both
    assessors read at L3, as p84 and p87 of round 129 were read; 0.864 after round 147's
    re-reading of budgeting, which put it and p34 at L4; 0.853 over p19-p103 with round 149's
    four, whose pharmaceutical plant one assessor read at L3 and hydraulic-cylinder plant
    both read at L2, the grades the three blind judges gave them; 0.848 over p19-p107 with
    round 158's four, whose consumer-electronics plant aimed at L5 both assessors and two of
    three judges read at L4)."""
    assert calibration.figures(_tuned(scored), expected)["in_expected_range"] >= 0.9
    assert calibration.figures(scored, expected)["holdout_in_expected_range"] >= 0.859


def test_sme_index_files_score_inside_their_plants_range(scored, expected):
    """Met on p01-p30 since the SME holdout p28 was added (round 9); p01 still misses, its profile
    reports no year-on-year results, which count as 'not yet' (docs/calibration.md)."""
    assert calibration.figures(_tuned(scored), expected)["sme_in_expected_range"] >= 0.9
    # round 97: the grade-2 scenario rules that held half of the fresh SMEs' files at 一级
    # were re-read from the published grade texts; the ten fresh SMEs of rounds 102 and
    # 105, their registered test, put 19 of 20 files in range (the old rules 16, with a
    # grade distance of 4 against 1): 0.940 over p19-p63; 0.917 with round 125's four SMEs
    assert calibration.figures(scored, expected)["holdout_sme_in_expected_range"] >= 0.91


def test_weighted_kappa_is_one_for_identical_and_lower_for_disagreeing_raters():
    same = [(0, 0), (2, 2), (4, 4), (3, 3)]
    assert calibration.weighted_kappa(same) == pytest.approx(1.0)
    off = [(0, 1), (2, 2), (4, 3), (3, 3)]
    worse = [(0, 4), (2, 0), (4, 1), (3, 3)]
    assert calibration.weighted_kappa(worse) < calibration.weighted_kappa(off) < 1.0


def test_fleiss_kappa_is_one_for_unanimous_raters_and_chance_corrected_otherwise():
    from collections import Counter

    same = [Counter(fits=3), Counter({"does not fit": 4}), Counter(fits=3)]
    assert calibration.fleiss_kappa(same) == pytest.approx(1.0)
    # two cards, three raters each: agreement (1/3 + 1) / 2 = 2/3; rating shares 2/6 and
    # 4/6, so chance 5/9; kappa (2/3 - 5/9) / (4/9) = 1/4
    split = [Counter({"fits": 2, "already has": 1}), Counter({"already has": 3})]
    assert calibration.fleiss_kappa(split) == pytest.approx(0.25)
    assert calibration.fleiss_kappa([Counter(fits=2, **{"already has": 1})] * 2) < 0


def test_the_blind_panel_confirms_the_expected_grades(scored, expected):
    """The references themselves: three judges who saw only the profiles agree with each
    other and meet every writer's range (the panel rule is in ``calibration.panel``)."""
    f = calibration.panel_figures(scored, expected)
    assert f["panel_judges"] >= 3
    assert f["panel_kappa"] >= 0.8
    assert f["panel_agrees_with_writer"] >= 0.9


def test_a_step_is_known_by_its_paragraph_and_a_last_step_also_by_its_missing_line(tmp_path):
    """The same-text consensus pools the reviews that read the same text of a step.  Every
    last step shares one boilerplate paragraph, so for them the text that differs, the
    one line of what is not yet in place, is part of the key (round 49)."""
    report = tmp_path / "p99.md"
    report.write_text(
        "# r\n\n### 1. Alpha\n\nAlpha does things.\n\n- Not yet in place here: A\n\n"
        "### 2. Beta (the last step)\n\nWhat runs here already covers this scenario.\n\n"
        "- Not yet in place here: B\n\n## Roadmap\n", encoding="utf-8")
    got = calibration._descriptions(report)
    assert got["Alpha"] == "Alpha does things."
    assert got["Beta (the last step)"].splitlines() == [
        "What runs here already covers this scenario.", "- Not yet in place here: B"]


def _control(round_: str, qid: str) -> tuple[Path, tuple[str, ...]]:
    """The folder and names of the control sessions a round registered for the question
    ``qid`` asked (``round.yaml``; ``benchmarks/reassess.py`` load_round); a round before
    140, which has no ``round.yaml``, had its own ``Ca`` and ``Cb``."""
    reassess, here = _bench("reassess"), ROOT / "docs/calibration/reassess" / round_
    if not (here / "round.yaml").exists():
        return here, reassess.CONTROL_ARMS
    r = reassess.load_round(here)
    (asked,) = [a for a in r.asked if a.questions[0] == qid]
    return asked.control, asked.arms


def _session_files(round_: str) -> list[tuple[Path, dict, dict]]:
    """A re-assessment round's session files, each with its answers and the answers file
    it replaced answers in (``A`` sessions the ``a`` files, ``B`` the ``b`` files, ``G``
    and ``S`` the generous and strict readings)."""
    import yaml

    out = []
    for path in sorted((ROOT / f"docs/calibration/reassess/{round_}").glob("[ABGS]*/p*.yaml")):
        got = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = {"A": f"after/{got['plant']}-a", "B": f"after/{got['plant']}-b",
                  "G": f"readings/{got['plant']}-generous",
                  "S": f"readings/{got['plant']}-strict"}[path.parent.name[0]]
        out.append((path, got, _answers_doc(ROOT / f"docs/calibration/answers/{target}.yaml")["answers"]))
    return out


@functools.cache
def _answers_doc(path: Path) -> dict:
    """An answers file as plain YAML, read once per run (libyaml's loader where present: the
    session tests read every calibration file several times)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader either way


def test_the_round_77_sessions_answers_are_the_ones_scored():
    """The re-assessment rule of round 77 (reassess/round77/README.md), fixed before the
    answers were read: each fresh session's answers to the two changed execution questions
    replace the original assessor's, whatever they are, and nobody edits them afterwards."""
    sessions = _session_files("round77")
    assert len(sessions) == 30  # 15 process or mixed plants, both sides
    for path, got, answers in sessions:
        assert answers["operations.execution.mes"] is got["mes"], path
        use = answers.get("operations.execution.mes_use") or {}
        want = got["mes_use"] if got["mes"] else {}
        assert {k: v for k, v in use.items() if v} == {k: v for k, v in (want or {}).items() if v}, path


def test_the_round_81_sessions_data_collection_answers_were_kept_and_are_read_again_since():
    """Round 81 (reassess/round81/README.md): the fresh sessions' data-collection answers of
    its 30 plants, both sides, and of the readings sample were kept (their plan answers were
    given to a wording that was not).  Round 187 read every plant again on the help that says
    what counts as the one store and what decides level 4; its sessions' answers are the ones
    scored in the plants' files now (the kept-rounds test), while the readings sample keeps
    round 81's, and the plants' files differ from round 81's where the new help decided
    otherwise."""
    sessions = _session_files("round81")
    assert len(sessions) == 60 + 16
    changed = 0
    for path, got, answers in sessions:
        same = str(answers.get("factory.data.collection")) == str(got["collection"])
        if path.parent.name[0] in "GS":
            assert same, path
        changed += not same
    assert changed > 4  # 7 of the 60 plants' files


def test_the_round_111_sessions_leadership_answers_were_kept_and_are_read_again_since():
    """Round 111 (reassess/round111/README.md): the fresh sessions' leadership answers, given
    to the wording where one head for IT and OT decides level 3, were kept because the two
    sides then differed on at most 8 plants (13 before) and the mean answer moved by less than
    0.3 of a level.  Round 185 read every plant again on the help that says what decides
    levels 1, 2, 3 and 5; its sessions' answers are the ones scored now (the kept-rounds
    test), and they differ from round 111's where the new help decided otherwise."""
    sessions = _session_files("round111")
    assert len(sessions) == 2 * 67
    sides: dict[str, dict[str, str]] = {}
    changed = 0
    for path, got, answers in sessions:
        sides.setdefault(got["plant"], {})[path.parent.name[0]] = str(got["leadership"])
        changed += str(answers.get("strategy.organisation.leadership")) != str(got["leadership"])
    assert sum(1 for s in sides.values() if s["A"] != s["B"]) <= 8
    assert changed > 10  # 22 of the 134 files


def test_a_generous_reading_never_scores_below_a_strict_one_of_the_same_facts():
    """The readings sample (round 80, ``benchmarks/readings.py``): for each plant one
    session took the higher of two defensible answers, another the lower one.  The script
    pairs them, and a generous file that scored below its strict twin would mean a session
    ignored its brief or the pairing is wrong."""
    f = _bench("readings").figures()
    assert f["reading_plants"] >= 8
    assert f["reading_score_swing_min"] >= 0
    assert 0 <= f["reading_grade_differs"] <= 1


def test_the_rise_table_ranks_the_questions_whose_room_costs_the_most():
    """``readings.py --rise`` (round 161): the strict file re-scored with one question taken
    from the generous file, summed over the plants where they part.  On round 161's files a
    question's largest rise is not negative, the rows run from the largest sum down,
    and warehouse management, which round 162 took up for that reason, heads the table."""
    rows = _bench("readings").rise_table("readings-r161", 5)
    body = [r for r in rows[2:] if r.startswith("| `")]
    assert len(body) == 5 and not [r for r in rows if r.startswith("refused")]
    sums = [float(r.split("|")[3]) for r in body]
    assert sums == sorted(sums, reverse=True) and min(float(r.split("|")[4]) for r in body) >= 0
    assert body[0].startswith("| `operations.warehousing.warehouse`")


def test_the_round_117_sessions_depth_answers_were_kept_and_are_read_again_since():
    """Round 117 (reassess/round117/README.md): the integration-depth answers of every process
    and mixed plant, both sides, became the fresh sessions' given to the help in which a shift
    or daily balance posted at close is at transaction time; the rule fixed before they were
    read kept it (65 files in the writers' ranges against the control's 63, no plant of L2 or
    below raised).  Round 212 read the question again on every plant (the kept-rounds test
    below): its sessions' answers are the ones scored, and round 117's, kept with their
    control, differ from the files in 21 of their 74."""
    sessions = _session_files("round117")
    assert len(sessions) == 2 * 37
    differ = sum(str(answers.get("factory.integration.depth")) != str(got["depth"])
                 for _, got, answers in sessions)
    assert differ == 21
    control = list((ROOT / "docs/calibration/reassess/round117").glob("C*/p*.yaml"))
    assert len(control) == 2 * 37


def test_the_round_119_sessions_answers_are_the_ones_scored():
    """Round 119 (reassess/round119/README.md): on the 27 plants with an answer of 4 or more
    to one of the seventeen questions whose level 5 now asks one state, both sides' answers
    to those questions and to the partner follow-ups they open are the fresh sessions'
    given to the new wording (A for the ``a`` files, B for the ``b`` files), whatever they
    are, as the rule fixed before they were read says.  The control's answers, given to the
    old wording, are kept and not scored.  The plan's answers (and its follow-up) were read
    again in rounds 128, 175 and 178, on every plant, the budget's in rounds 145 and 147, the
    warehouse's in round 164, hazardous work's in rounds 166 and 184, training's in round 168,
    environmental records' in round 178, delivery to the line's in round 191, control-system
    protection's in round 192, purchasing's in round 203 and customer service's in round 207:
    those are their sessions' (the tests below)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from level5_bound import BUNDLED, partner_questions

    import maturity

    follow = partner_questions(maturity.load_questionnaire("general"))
    sessions = [s for s in _session_files("round119") if s[0].parent.name[0] in "AB"]
    assert len(sessions) == 2 * 27
    read_again = {"strategy.planning.roadmap", "business.planning.budgeting",
                  "operations.warehousing.warehouse", "operations.safety.hazardous_work",
                  "strategy.talent.training", "operations.safety.environment",
                  "operations.warehousing.delivery", "factory.security.ics",
                  "business.procurement.purchasing", "business.service.customer_service"}
    assert read_again <= set(BUNDLED)
    for path, got, answers in sessions:
        for qid in (q for q in BUNDLED if q not in read_again):
            assert str(answers.get(qid)) == str(got["answers"].get(qid)), (path, qid)
            for f in follow[qid]:
                assert answers.get(f) == got["answers"].get(f), (path, f)
    control = list((ROOT / "docs/calibration/reassess/round119").glob("C*/p*.yaml"))
    assert len(control) == 2 * 27


@pytest.mark.parametrize(("round_", "plants", "qid"), [
    ("round128", 83, "strategy.planning.roadmap"),
    ("round175", 107, "strategy.planning.roadmap"),
    ("round166", 107, "operations.safety.hazardous_work"),
    ("round191", 107, "factory.planning.layout"),
    ("round164", 107, "operations.warehousing.warehouse"),
])
def test_the_answers_of_a_kept_round_read_again_later_are_not_the_ones_scored(round_, plants, qid):
    """Rounds 128, 175, 166, 191 and 164 (docs/calibration.md) were kept: their sessions' answers (and the
    follow-up) replaced the files' (round 128, the plan: level 3 counts finished integration
    projects, level 4 asks prediction and optimisation projects, 70 exact pairs of 83 against the
    control's 52; round 175, the plan: what decides level 2, 96 against 96; round 166, hazardous
    work: 76 against 75; round 191, factory planning: 99 against 98; round 164, warehouse
    management: 93 against 87). Each was read again later on every plant, round 128's in round 175,
    round 175's in round 178, round 166's in round 184, round 191's in round 197 and round 164's in
    round 213 (the kept-rounds test below; round 164's follow-up answers stay but where round 213
    opened it, the test after that), whose sessions' answers are the ones scored; the earlier
    sessions are kept, with their controls, and not scored, and the files differ from them at many
    plants."""
    sessions = [s for s in _session_files(round_) if s[0].parent.name[0] in "AB"]
    assert len(sessions) == 2 * plants
    differ = sum(str(answers.get(qid)) != str(got["answers"].get(qid)) for _, got, answers in sessions)
    # 47, 52 and 95 of their 166, 214 and 214 files; round 197 read round 191's factory-planning
    # help with one sentence more, and its answers part from round 191's in 12 files
    assert differ > (10 if round_ == "round191" else 30)
    label = round_.replace("round", "round ") + ": "
    for path, got, _ in sessions:  # the files' notes are the later round's
        notes = _answers_doc(ROOT / "docs/calibration/answers/after" /
                             f"{got['plant']}-{path.parent.name[0].lower()}.yaml").get("notes") or {}
        assert not str(notes.get(qid, "")).startswith(label), path
    control, arms = _control(round_, qid)
    for arm in arms[:2]:
        assert len(list(control.glob(f"{arm}[1-6]/p*.yaml"))) == plants


def test_the_round_147_sessions_budgeting_answers_are_the_ones_scored():
    """Round 147 (docs/calibration.md): the budgeting answers of every plant, both sides, and
    the partner follow-up they open, are the fresh sessions' given to the wording whose
    level 4 asks the forecasts the assessed unit makes (on round 145's level 3); the rule
    fixed before they were read kept it (92 exact pairs of 99 against the control's 91, 173
    files in the writers' ranges against 169).  They replace round 145's sessions' answers,
    which are kept, as are both rounds' control sessions', and not scored."""
    sessions = _session_files("round147")
    assert len(sessions) == 2 * 99
    for path, got, answers in sessions:
        for qid in ("business.planning.budgeting", "business.planning.joint_plans"):
            assert str(answers.get(qid)) == str(got["answers"].get(qid)), (path, qid)
    for round_ in ("round145", "round147"):
        assert len(list((ROOT / f"docs/calibration/reassess/{round_}").glob("C*/p*.yaml"))) == 2 * 99
    assert len(_session_files("round145")) == 2 * 99


@pytest.mark.parametrize(("round_", "qids"), [
    ("round168", ("strategy.talent.training", "strategy.talent.external_training")),
    ("round168", ("operations.quality.inspection",)),
    ("round178", ("strategy.planning.roadmap", "strategy.planning.partner_projects")),
    ("round178", ("operations.safety.environment", "operations.safety.shared_resources")),
    ("round181", ("operations.quality.traceability",)),
    ("round184", ("operations.safety.hazardous_work", "operations.safety.solutions_adopted")),
    ("round185", ("strategy.organisation.leadership",)),
    ("round187", ("factory.data.collection",)),
    ("round191", ("operations.warehousing.delivery",)),
    ("round192", ("factory.security.ics",)),
    ("round197", ("factory.planning.layout",)),
    ("round203", ("business.procurement.purchasing",)),
    ("round204", ("factory.equipment.automation",)),
    ("round207", ("business.service.customer_service", "business.service.shared_service")),
    ("round208", ("rd.process.capp",)),
    ("round212", ("factory.integration.depth",)),
    ("round213", ("operations.warehousing.warehouse",)),
])
def test_the_kept_rounds_sessions_answers_are_the_ones_scored(round_, qids):
    """Rounds 168, 178, 181, 184, 185, 187, 191, 192, 197, 203, 204, 207, 208, 212 and 213
    (docs/calibration.md): the answers to the question they reworded and, where it has one, to its
    level-5 follow-up are, in every plant's files, both sides, the fresh sessions' given to the new
    help (A for ``a``, B for ``b``), as the rules fixed before they were read say: digital-skills
    training (103 exact pairs of 107 against the control's 100), inspection results (93 against 93,
    two files more in the writers' ranges), the plan's level 2 read from any sign the plan is
    carried out (99 against 96), environmental records (107 against 84, one file more in range),
    traceability (94 against round 180's 94, one file more in range), hazardous work (round 166: 76
    against 75; read again in round 184: 85 against 77), who leads the digital work (96 against
    91), data collection (95 against 93), factory planning (99 against round 189's 98; read again
    in round 197: 99 against round 191's 99, the readings room 2.5 against 3.0), delivery to the
    line (101 against 99), control-system protection (98 against round 190's 93, one file more in
    range), purchasing (100 against 99, one file more in range, the readings room 0.0 against 0.5),
    equipment automation (97 against 97, the readings room 1.0 against 1.5), customer service (97
    against 88, the readings room 3.0 against 9.0), process design (102 against 95, the readings
    room 0.0 against 2.0), system integration (97 against 94, the readings room 2.0 against 3.5)
    and warehouse management (98 against 93, the readings room 1.5 against 4.5), each with no fewer
    files in the writers' ranges than the control and less room between a generous and a strict
    reader. The rounds not kept (162, 163, 170, 172-174, 180, 183, 186, 188-190, 194-196, 199;
    round 166's customer service, round 184's digital budget, round 207's continuous improvement,
    round 208's system integration, round 185's control-system protection, round 192's training,
    round 212's continuous improvement, round 213's inspection results; the test below) and the
    controls are kept and not scored; each round's control is the one its round.yaml names (round
    162's for 163 and 164, round 175's A and B for round 178's plan, round 180's for 181, round
    189's for 191's factory planning, round 190's for 192, round 191's A and B for 197). Round 191
    asked delivery to the line without its follow-up (``supplier_pull``), and round 213 warehouse
    management without its own (``shared_stock``): the files keep their earlier answers to it,
    which the index leaves out where the answer is now below 4 (where it rose to 4, the warehouse
    follow-up test)."""
    said = _bench("reassess_edit").written  # a session that quoted "yes" said what a bare yes says
    sessions = [s for s in _session_files(round_) if s[0].parent.name[0] in "AB"]
    assert len(sessions) == 2 * 107
    label = round_.replace("round", "round ") + ": "
    for path, got, answers in sessions:
        notes = _answers_doc(ROOT / "docs/calibration/answers/after" /
                             f"{got['plant']}-{path.parent.name[0].lower()}.yaml").get("notes") or {}
        for qid in qids:
            assert said(answers.get(qid)) == said(got["answers"].get(qid)), (path, qid)
            reason = (got.get("reasons") or {}).get(qid)
            if answers.get(qid) is not None and reason:
                assert notes.get(qid) == label + reason, (path, qid)
    # its control's and readings sessions: test_every_re_assessment_round_since_140_registers_its_figures


def test_the_warehouse_follow_up_is_round_164s_or_round_213s_follow_up_sessions():
    """Round 213 read warehouse management again without its level-5 follow-up (shared stock,
    asked at 4 or more). The files whose new answer opened the follow-up (11 ``a``, 9 ``b``)
    take it from the two fresh sessions registered for them before they read it (``Fa``,
    ``Fb``, with their reasons as the notes); every other file keeps round 164's session's
    answer to it, as round 164 applied it (blank where that session left it out)."""
    said = _bench("reassess_edit").written
    q = "operations.warehousing.shared_stock"
    here = ROOT / "docs/calibration/reassess/round213"
    follow = {}
    for arm in ("Fa", "Fb"):
        for path in sorted((here / arm).glob("p*.yaml")):
            got = yaml.safe_load(path.read_text(encoding="utf-8"))
            follow[f"{got['plant']}-{arm[1]}"] = got
    assert len(follow) == 20
    opened = 0
    for path, got, answers in (s for s in _session_files("round164") if s[0].parent.name[0] in "AB"):
        name = f"{got['plant']}-{path.parent.name[0].lower()}"
        if name in follow:
            opened += 1
            notes = _answers_doc(ROOT / f"docs/calibration/answers/after/{name}.yaml")["notes"]
            assert said(answers.get(q)) == said(follow[name]["answers"][q]), name
            assert notes[q] == "round 213: " + follow[name]["reasons"][q], name
            assert str(answers["operations.warehousing.warehouse"]) in ("4", "4+", "5"), name
        else:
            assert said(answers.get(q)) == said(got["answers"].get(q)), name
    assert opened == 20


def test_every_re_assessment_round_since_140_registers_its_figures(general):
    """Rounds 140 on register their figures in ``round.yaml`` (``benchmarks/reassess.py
    --figures``, which reads it with ``load_round``), not in a script of their own: the change
    is a quoted commit, each question asked (with its follow-ups) is one of the general
    index's, a control named is an earlier round, and the sessions the figures read are there,
    as many for the control as for the round's ``A`` and ``B``.  Only the newest round may be
    registered with no sessions yet (a round is registered before any session reads it)."""
    reassess = _bench("reassess")
    folder = ROOT / "docs/calibration/reassess"
    number = lambda p: int(p.name[5:])  # noqa: E731
    rounds = sorted((p for p in folder.glob("round*") if number(p) >= 140), key=number)
    assert len(rounds) > 15
    for here in rounds:
        assert not (here / "score.py").exists(), here.name
        r = reassess.load_round(here)
        if r.pending:
            assert here == rounds[-1], f"{here.name}: registered, no sessions, and not the newest round"
            continue
        files = len(list(here.glob("A*/p*.yaml")))
        assert files == len(list(here.glob("B*/p*.yaml"))) > 80, here.name
        assert r.group in (19, 20), here.name
        for a in r.asked:
            assert all(q in general.questions for q in a.questions), here.name
            for arm in a.arms[:2]:
                assert len(list(a.control.glob(f"{arm}[1-9]/p*.yaml"))) == files, (here.name, arm)
            if r.readings:  # the readings sample: eight plants, old excerpt and new
                for base, kind in ((a.control, a.arms[2]), (a.control, a.arms[3]),
                                   (here, "Gn"), (here, "Sn")):
                    assert len(list((base / kind).glob("p*.yaml"))) == 8, (here.name, kind)


def test_a_round_registration_that_would_be_misread_is_refused(tmp_path):
    """``load_round`` refuses what ``--figures`` would read wrong: an unquoted all-digit commit
    (YAML reads it as a number), a control that is not an earlier round, too few session
    names for a round with readings, an unknown key."""
    reassess = _bench("reassess")
    here = tmp_path / "round200"
    here.mkdir()
    good = 'change: "abc1234"\nasked:\n  - questions: [strategy.planning.roadmap]\n'
    (here / "round.yaml").write_text(good, encoding="utf-8")
    r = reassess.load_round(here)
    assert r.pending and r.group == 20 and r.asked[0].arms == reassess.CONTROL_ARMS
    for bad, said in (
        ("change: 1234567\nasked:\n  - questions: [q]\n", "quoted commit"),
        ('change: "abc1234"\nasked:\n  - questions: [q]\n    control: round201\n', "not an earlier"),
        ('change: "abc1234"\nasked:\n  - questions: [q]\n    control: round199\n    arms: [A, B]\n', "arms"),
        ('change: "abc1234"\nasked:\n  - questions: [q]\ngroups: 20\n', "keys"),
    ):
        (here / "round.yaml").write_text(bad, encoding="utf-8")
        with pytest.raises(ValueError, match=said):
            reassess.load_round(here)


def test_the_keep_rule_fails_a_wording_on_each_count_in_force_at_its_round():
    """``reassess.verdict`` applies procedure step 7's rule to a question's figures against
    its control: a wording is kept only when no count in force fails; the fourth count
    (consistency checks) holds from round 184 and the fifth (the level at plants written at
    L4-L5, no fall of more than 0.25) from round 185, so earlier rounds are judged without
    them."""
    reassess = _bench("reassess")
    ctrl = reassess.Figures(writer=187, in_panel=211, pairs=100, flagged=6, mean=2.0, top=3.0)
    same = dict(writer=187, in_panel=211, pairs=100, flagged=6, mean=2.0, top=3.0)
    assert reassess.verdict(ctrl, reassess.Figures(**same), 3.0, 2.0, 185) == []
    for change, count in (({"pairs": 99}, "(1)"), ({"writer": 186}, "(2)"),
                          ({"flagged": 7}, "(4)"), ({"top": 2.7}, "(5)")):
        new = reassess.Figures(**{**same, **change})
        (failed,) = reassess.verdict(ctrl, new, 3.0, 2.0, 185)
        assert failed.startswith(count), failed
    (failed,) = reassess.verdict(ctrl, reassess.Figures(**same), 3.0, 3.0, 185)
    assert failed.startswith("(3)")
    assert reassess.verdict(ctrl, reassess.Figures(**{**same, "top": 2.8}), 3.0, 2.0, 185) == []
    assert reassess.verdict(ctrl, reassess.Figures(**{**same, "flagged": 7}), 3.0, 2.0, 183) == []
    assert reassess.verdict(ctrl, reassess.Figures(**{**same, "top": 1.5}), 3.0, 2.0, 184) == []
    assert reassess.verdict(ctrl, reassess.Figures(**{**same, "top": None}), 3.0, 2.0, 185) == []
    # checklists decided together (round 211 on) compare mean rating values, with their margin
    rated = dict(same, top=0.5)
    assert reassess.MARGIN["rating"] == 0.075
    assert reassess.verdict(reassess.Figures(**rated), reassess.Figures(**{**rated, "top": 0.43}),
                            3.0, 2.0, 211, "rating") == []
    (failed,) = reassess.verdict(reassess.Figures(**rated), reassess.Figures(**{**rated, "top": 0.42}),
                                 3.0, 2.0, 211, "rating")
    assert failed.startswith("(5)")


def test_checklists_decided_together_are_counted_item_by_item(general, tmp_path):
    """Round 211 asked one rating scale for three checklists at once: ``checklist_items``
    lists their items (and refuses a mix with a level question), ``item_answers`` reads a
    session's answer to each item in that order (a checklist left out gives blanks), and the
    readings room (``parted``) sums the generous and strict sessions' differences in rating
    values over every item, a blank or n/a counting as 0."""
    reassess = _bench("reassess")
    qids = ("strategy.lean.practices", "operations.safety.safety_mgmt")
    items = reassess.checklist_items(general, qids)
    assert items is not None and list(items) == list(qids)
    assert items["strategy.lean.practices"][:2] == ("five_s", "standard_work")
    assert reassess.checklist_items(general, ("strategy.lean.practices", "strategy.planning.roadmap")) is None
    lean = {"five_s": "fully", "standard_work": "n/a"}
    got = reassess.item_answers({"strategy.lean.practices": lean}, items)
    assert len(got) == sum(map(len, items.values())) and got[:3] == ["fully", "n/a", None]
    assert [reassess.rating(v) for v in ("fully", "mostly", "partly", "not", "n/a", None)] == \
        [1.0, 0.8, 0.5, 0.0, None, None]
    for kind, five_s, permits in (("G", "fully", "mostly"), ("S", "partly", None)):
        (tmp_path / kind).mkdir()
        for plant in reassess.READINGS:
            answers = {"strategy.lean.practices": {"five_s": five_s},
                       "operations.safety.safety_mgmt": {"e_permits": permits}}
            text = yaml.safe_dump({"answers": answers})
            (tmp_path / kind / f"{plant}.yaml").write_text(text, encoding="utf-8")
    room = reassess.parted(tmp_path / "G", tmp_path / "S", qids[0], items=items)
    assert room == pytest.approx(len(reassess.READINGS) * (0.5 + 0.8))
    # a checklist answered n/a as a whole is n/a on each item; an item neither session rated
    # is no pair, while two level files left blank alike are
    assert reassess.item_answers({"strategy.lean.practices": "n/a"}, items)[:2] == ["n/a", "n/a"]
    assert reassess.alike(["fully", None, "not"], ["fully", None, "mostly"], checklist=True) == 1
    assert reassess.alike([None], [None]) == 1
    # sums of rating steps are rounded, so rooms equal in rating values compare equal
    for kind, five_s in (("G2", "mostly"), ("S2", "partly")):
        (tmp_path / kind).mkdir()
        for plant in reassess.READINGS:
            text = yaml.safe_dump({"answers": {"strategy.lean.practices": {"five_s": five_s}}})
            (tmp_path / kind / f"{plant}.yaml").write_text(text, encoding="utf-8")
    assert sum([0.8 - 0.5] * len(reassess.READINGS)) != 2.4  # the sum as floats add it up
    assert reassess.parted(tmp_path / "G2", tmp_path / "S2", qids[0], items=items) == 2.4


@pytest.mark.parametrize(("round_", "qid"), [
    ("round166", "business.service.customer_service"),
    ("round170", "business.service.customer_service"),
    ("round170", "operations.execution.shopfloor"),
    ("round172", "operations.execution.shopfloor"),
    ("round173", "business.service.customer_service"),
    ("round174", "strategy.planning.roadmap"),
    ("round180", "operations.quality.traceability"),
    ("round180", "business.marketing.crm"),
    ("round183", "business.planning.budgeting"),
    ("round183", "business.marketing.crm"),
    ("round184", "strategy.planning.investment"),
    ("round185", "factory.security.ics"),
    ("round186", "strategy.lean.improvement"),
    ("round186", "business.marketing.crm"),
    ("round188", "business.marketing.crm"),
    ("round189", "operations.scheduling.planning"),
    ("round189", "factory.planning.layout"),
    ("round190", "factory.security.ics"),
    ("round190", "strategy.talent.training"),
    ("round192", "strategy.talent.training"),
    ("round194", "factory.security.ics"),
    ("round195", "strategy.planning.investment"),
    ("round196", "factory.security.ics"),
    ("round199", "operations.warehousing.delivery"),
    ("round204", "rd.design.verification"),
    ("round205", "business.logistics.tracking"),
    ("round206", "business.logistics.tracking"),
    ("round207", "strategy.lean.improvement"),
    ("round208", "factory.integration.depth"),
    ("round209", "operations.equipment.predictive"),
    ("round209", "operations.execution.shopfloor"),
    ("round210", "factory.integration.depth"),
    ("round210", "operations.execution.shopfloor"),
    ("round211", "strategy.organisation.mechanisms"),
    ("round211", "strategy.lean.practices"),
    ("round211", "operations.safety.safety_mgmt"),
    ("round212", "strategy.lean.improvement"),
    ("round213", "operations.quality.inspection"),
    ("round214", "rd.innovation.model_based"),
    ("round214", "operations.safety.hazardous_work"),
])
def test_a_question_not_kept_changed_no_answer(round_, qid):
    """Round 166's customer service, round 170's two questions, round 172's shop-floor reporting, round
    173's customer service, round 174's plan, round 180's traceability and customer orders, round
    183's budgeting and customer orders, round 184's digital budget, round 185's control-system
    protection, and round 186's continuous improvement and customer orders, round 188's customer
    orders, round 189's production and factory planning, round 190's control-system protection and
    training, round 192's training, round 194's and round 196's control-system protection, round
    195's digital budget, round 199's delivery to the line, round 204's design verification, round
    205's and 206's shipment tracking, round 207's continuous improvement, round 208's system
    integration and round 209's predictive maintenance and shop-floor execution and round 210's
    system integration and shop-floor execution, round 211's three checklists (one rating scale
    decided for them together), round 212's continuous improvement, round 213's inspection results
    and round 214's model-based development and hazardous work were not kept by the rules fixed
    before their sessions were read (docs/calibration.md; rounds 172 and 173 reuse round 170's
    control; round 183's customer orders and round 184's budget by the counts their figures showed
    the rule lacked): no note of theirs is in the answers files, and the files still differ from
    their sessions' answers where the sessions read the new help differently (they would all agree
    had the round been applied). Their sessions, controls and readings are kept, and not scored."""
    said = _bench("reassess_edit").written
    sessions = [s for s in _session_files(round_) if s[0].parent.name[0] in "AB"]
    assert len(sessions) == 2 * 107
    label = round_.replace("round", "round ") + ": "
    differ = 0
    for path, got, answers in sessions:
        notes = _answers_doc(ROOT / "docs/calibration/answers/after" /
                             f"{got['plant']}-{path.parent.name[0].lower()}.yaml").get("notes") or {}
        assert not str(notes.get(qid, "")).startswith(label), path
        differ += said(answers.get(qid)) != said(got["answers"].get(qid))
    # round 192 kept round 190's control-system help with one sentence more, so the files sit
    # closer to round 190's sessions than to any other not-kept round's (17 files differ)
    assert differ > (10 if (round_, qid) == ("round190", "factory.security.ics") else 20)
    # its control's and readings sessions: test_every_re_assessment_round_since_140_registers_its_figures


def test_reach_counts_the_files_of_plants_written_at_the_level(general):
    """``benchmarks/reach.py``: a level description counts as reached in a file whose answer
    reaches the level, over the general-index files of plants whose writer's range starts
    at that level or higher; SME-index files, other kinds of question and plants that only
    straddle the level are left out."""
    reach = _bench("reach")
    level_qs = [qid for qid, (_, _, x) in general.questions.items()
                if x.kind == "level" and 4 in x.anchors]
    low = level_qs[0]
    yesnos = [qid for qid, (_, _, x) in general.questions.items() if x.kind == "yesno"]

    def scored(plant, level, sme=False, **override):
        a = maturity.assess(general, {**{qid: level for qid in level_qs}, **dict.fromkeys(yesnos, True),
                                      **override})
        return calibration.Scored(plant, sme, "a", Path(f"{plant}-a.yaml"), a)

    files = [scored("p901", 4, **{low: 3}), scored("p902", 3), scored("p903", 4), scored("p904", 4),
             scored("p901", 4, sme=True)]
    exp = {"p901": {"expected_grade": {"min": 4, "max": 4}},
           "p902": {"expected_grade": {"min": 4, "max": 5}},
           "p903": {"expected_grade": {"min": 2, "max": 2}},   # below the level
           "p904": {"expected_grade": {"min": 3, "max": 4}}}   # straddles it: the lower end decides
    counts = reach.reach([*files, scored("p905", 4)], exp, 4)  # p905: no expected grade
    answered = {r.id for d in files[0].assessment.dimensions for i in d.indicators
                for r in i.questions if r.status == "answered"}
    assert answered & set(yesnos) and not set(counts) & set(yesnos)
    assert set(counts) == answered & set(level_qs)
    assert counts.pop(low) == (0, 2)
    assert counts and all(v == (1, 2) for v in counts.values()), counts


def test_a_session_s_answers_replace_the_file_s_and_a_follow_up_it_left_out_goes():
    """``calibration.with_answers`` (the re-assessment rounds' scripts): the session's answer
    to each question replaces the file's, a follow-up the session did not open is removed
    (not kept from the file), and the file itself is not changed."""
    doc = {"answers": {"x.y.plan": 2, "x.y.partners": True, "x.y.other": 1}}
    got = calibration.with_answers(doc, {"answers": {"x.y.plan": "3+"}}, ("x.y.plan", "x.y.partners"))
    assert got["answers"] == {"x.y.plan": "3+", "x.y.other": 1}
    assert doc["answers"] == {"x.y.plan": 2, "x.y.partners": True, "x.y.other": 1}
    opened = calibration.with_answers(doc, {"answers": {"x.y.plan": 4, "x.y.partners": False}},
                                      ("x.y.plan", "x.y.partners"))
    assert opened["answers"]["x.y.partners"] is False and opened["answers"]["x.y.plan"] == 4
    assert [calibration.answer_level(v) for v in (3, "3+", "n/a", None, "0")] == [3.0, 3.5, None, None, 0.0]
