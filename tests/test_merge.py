"""Several respondents (``maturity merge``): one answers file for the enterprise, combined
question by question; disagreements listed with who said what; every note kept; the
sources recorded; the disagreement summary in the report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import maturity
from maturity.delivery import question_state
from maturity.errors import AnswersError, UsageError
from maturity.merging import merge

from .strategies import answer_for, build, questionnaires
from .test_cli import run

ROOT = Path(__file__).resolve().parent.parent
PLANT = ROOT / "docs" / "calibration" / "answers" / "after"


def _file(q, answers, notes=None, **top):
    return maturity.AnswersFile.model_validate({
        "format": "maturity-answers/1", "questionnaire": q.ref, "answers": answers,
        "notes": notes or {}, **top})


@st.composite
def respondents(draw):
    """A generated questionnaire and 2–4 respondents who answer every question (no n/a,
    which removes a question or item rather than rating it;
    a checklist with no item rated is unanswered, and an unanswered question is left to
    the respondents who answered it, so each rates one item at least)."""
    q = build(draw(questionnaires()))
    k = draw(st.integers(2, 4))
    answered = lambda v: v != {} and not (isinstance(v, dict) and "n/a" in v.values())  # noqa: E731
    files = [_file(q, {qid: draw(answer_for(x).filter(answered))
                       for qid, (_, _, x) in q.questions.items()})
             for _ in range(k)]
    return q, files


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=respondents())
def test_min_median_max_bracket_every_respondent(case):
    """Per question, ``min`` never beats any respondent and ``max`` never trails one, the
    median lying between. So does the score, where scoring is monotone in the answers:
    unless an answer decides whether another question applies at all (``applies.when``,
    which adds that question to the score; follow-ups are monotone)."""
    q, files = case
    names = [f"r{k}.yaml" for k in range(len(files))]
    merged = {rule: maturity.assess(q, merge(q, files, names, rule)) for rule in ("min", "median", "max")}
    each = [maturity.assess(q, f) for f in files]
    states = {rule: question_state(a) for rule, a in merged.items()}
    for qid in q.questions:
        mine = [question_state(a).get(qid) for a in each]
        if all(s and s[0] == "answered" for s in mine) and \
                all(states[r].get(qid, ("",))[0] == "answered" for r in states):
            low, mid, high = (states[r][qid][1] for r in ("min", "median", "max"))
            assert low <= min(s[1] for s in mine) and high >= max(s[1] for s in mine), qid
            assert low <= mid <= high, qid
    if any(x.applies is not None and x.applies.when is not None for _, _, x in q.questions.values()):
        return
    eps = 1e-9
    score = {rule: a.score for rule, a in merged.items()}
    assert score["min"] <= min(a.score for a in each) + eps
    assert score["max"] >= max(a.score for a in each) - eps
    assert score["min"] - eps <= score["median"] <= score["max"] + eps


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=respondents(), rule=st.sampled_from(["min", "median", "max"]))
def test_respondents_who_agree_merge_to_their_answers(case, rule):
    q, files = case
    one = files[0]
    merged = merge(q, [one, one], ["a.yaml", "b.yaml"], rule)
    assert maturity.assess(q, merged).score == pytest.approx(maturity.assess(q, one).score)
    assert merged.merged.disagreements == []


@pytest.fixture(scope="module")
def p04(general):
    return [maturity.load_answers(PLANT / f"p04-{x}.yaml") for x in "ab"]


def test_far_apart_answers_are_listed_with_who_said_what_and_every_note_is_kept(general, p04):
    a, b = (f.model_copy(update={"answers": dict(f.answers), "notes": dict(f.notes)}) for f in p04)
    qid = "operations.quality.traceability"
    a.answers[qid], b.answers[qid] = 1, 3
    a.notes[qid], b.notes[qid] = "paper batch cards", "one query in the MES"
    a.notes["enterprise.industry"] = "valves for pipelines: machinery"  # an enterprise field's note
    close = "operations.scheduling.planning"
    a.answers[close], b.answers[close] = 2, 3
    merged = merge(general, [a, b], ["a.yaml", "b.yaml"])
    apart = {d.question: d for d in merged.merged.disagreements}
    assert qid in apart and close not in apart
    d = apart[qid]
    assert d.answers == {"a2r4": 1, "b4r4": 3} and d.levels == {"a2r4": 1, "b4r4": 3}
    assert d.notes == {"a2r4": "paper batch cards", "b4r4": "one query in the MES"}
    assert merged.answers[qid] == 2 and merged.answers[close] == "2+"  # median, down to a half level
    for f in (a, b):  # never a note dropped
        for key, text in f.notes.items():
            assert text.strip() in merged.notes[key], key
    assert [s.respondent for s in merged.merged.sources] == ["a2r4", "b4r4"]
    assert merge(general, [a, b], ["a.yaml", "b.yaml"], "min").answers[qid] == 1


@pytest.mark.parametrize(("lang", "words"), [("en", ["a2r4 yes", "b4r4 no"]), ("zh", ["a2r4 是", "b4r4 否"])])
def test_a_yes_no_disagreement_reads_in_words(general, p04, lang, words):
    """A consultant read "Liu Yang True (level 3); Zhang San False (level 0)"."""
    from maturity.report.respondents import respondent_lines

    a, b = (f.model_copy(update={"answers": dict(f.answers)}) for f in p04)
    a.answers["factory.network.segregation"], b.answers["factory.network.segregation"] = True, False
    merged = merge(general, [a, b], ["a.yaml", "b.yaml"])
    lines = respondent_lines(general, merged.merged, lang)
    line = next(x for x in lines if "factory.network.segregation" in x)
    assert all(w in line for w in words) and "True" not in line and "False" not in line, line


def test_na_wins_only_with_a_majority_and_is_a_disagreement(general, p04):
    qid = "business.marketing.customisation"
    files = [f.model_copy(update={"answers": {**f.answers, qid: v}}) for f, v in
             zip([*p04, p04[0]], ["n/a", "n/a", 2], strict=True)]
    names = ["a.yaml", "b.yaml", "c.yaml"]
    merged = merge(general, files, names)
    assert merged.answers[qid] == "n/a"
    assert qid in {d.question for d in merged.merged.disagreements}
    files[1] = files[1].model_copy(update={"answers": {**files[1].answers, qid: 3}})
    assert merge(general, files, names).answers[qid] == "2+"  # n/a is one of three: between 2 and 3


def test_different_enterprises_or_bad_answers_are_refused(general, p04):
    steel = p04[1].enterprise.model_copy(update={"industry": "steel"})
    other = p04[1].model_copy(update={"enterprise": steel})
    with pytest.raises(UsageError) as err:
        merge(general, [p04[0], other], ["a.yaml", "b.yaml"])
    assert [i.field for i in err.value.issues] == ["enterprise.industry"]
    bad = p04[1].model_copy(update={"answers": {**p04[1].answers, "factory.equipment.cnc_rate": "lots"}})
    with pytest.raises(AnswersError):
        merge(general, [p04[0], bad], ["a.yaml", "b.yaml"])
    with pytest.raises(UsageError):
        merge(general, [p04[0]], ["a.yaml"])


@pytest.mark.parametrize(("field", "value"), [("size", "large"), ("energy_intensive", True),
                                            ("run_elsewhere", ["sales"])])
def test_a_profile_that_changes_the_advice_must_agree(general, p04, field, value):
    """A user found size and energy_intensive taken from the first file (the advice turned
    with the order of the arguments) and run_elsewhere united."""
    other = p04[1].model_copy(update={"enterprise": p04[1].enterprise.model_copy(update={field: value})})
    for files in ([p04[0], other], [other, p04[0]]):
        with pytest.raises(UsageError) as err:
            merge(general, files, ["a.yaml", "b.yaml"])
        assert f"enterprise.{field}" in [i.field for i in err.value.issues]


def test_targets_and_language_are_kept_and_conflicting_targets_refused(general, p04):
    a = p04[0].model_copy(update={"targets": {"operations": "L3"}, "language": "zh"})
    b = p04[1].model_copy(update={"targets": {"operations": 3, "factory.data": "L4"}, "language": "en"})
    merged = merge(general, [a, b], ["a.yaml", "b.yaml"])
    assert merged.targets == {"operations": "L3", "factory.data": "L4"} and merged.language == "zh"
    b = b.model_copy(update={"targets": {"operations": "L4"}})
    with pytest.raises(UsageError) as err:
        merge(general, [a, b], ["a.yaml", "b.yaml"])
    assert [i.field for i in err.value.issues] == ["targets.operations"]


def test_a_file_given_twice_or_a_merged_file_is_refused(general, p04, tmp_path):
    """A user found a respondent counted twice, and a re-merge weighing two earlier
    respondents as one and dropping their sources."""
    with pytest.raises(UsageError, match="given twice"):
        merge(general, [p04[0], p04[0], p04[1]], [str(tmp_path / "a.yaml"), str(tmp_path / "./a.yaml"),
                                                 "b.yaml"])
    merged = merge(general, p04, ["a.yaml", "b.yaml"])
    with pytest.raises(UsageError, match="merged file"):
        merge(general, [merged, p04[0]], ["m.yaml", "c.yaml"])


def test_the_cli_writes_a_valid_file_and_the_report_shows_the_respondents(capsys, tmp_path):
    a, b = PLANT / "p04-a.yaml", PLANT / "p04-b.yaml"
    out = tmp_path / "merged.yaml"
    code, stdout, err = run(capsys, "merge", str(a), str(b), "-o", str(out), "--lang", "en")
    assert code == 0, err
    assert "merged question by question" in stdout and "monitoring_share" in stdout
    data = yaml.safe_load(out.read_text("utf-8"))
    assert data["merged"]["rule"] == "median" and len(data["merged"]["sources"]) == 2
    code, _, err = run(capsys, "validate", str(out))
    assert code == 0, err
    code, report, err = run(capsys, "report", str(out), "-f", "markdown", "--lang", "en")
    assert code == 0, err
    assert "## Respondents" in report and "They disagree on 1 question, listed here" in report
    # the merged file to stdout, the account of it to stderr
    code, stdout, err = run(capsys, "merge", str(a), str(b), "--lang", "en")
    assert code == 0 and stdout.startswith("# Merged by") and "merged question by question" in err
    # never over an input
    code, _, err = run(capsys, "merge", str(a), str(b), "-o", str(a))
    assert code != 0 and "input" in err


@pytest.mark.parametrize("share", ["-5", "150", "nan", "lots"])
def test_a_share_outside_0_to_100_is_a_usage_error(capsys, share):
    files = [str(PLANT / f"p04-{x}.yaml") for x in "ab"]
    code, _, err = run(capsys, "merge", *files, "--share", share)
    assert code == 2 and "--share" in err


def test_an_assessor_with_newlines_makes_no_fake_line_in_the_account(tmp_path, capsys):
    text = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
    for name in "ab":
        (tmp_path / f"{name}.yaml").write_text(
            text.replace("assessor: Liu Yang", 'assessor: "Liu\\nL5 fake line"'), "utf-8")
    code, out, _ = run(capsys, "merge", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"),
                       "-o", str(tmp_path / "m.yaml"))
    assert code == 0 and "Liu\\x0aL5 fake line" in out
    assert not any(line.startswith("L5 fake line") for line in out.splitlines())


def test_one_checklist_item_a_step_apart_is_no_disagreement_across_a_level_without_items(tmp_path, capsys):
    """A consultant's two respondents rated one quality practice mostly and fully: the list
    reached level 1 and level 3 (level 2 has no item), and merge asked them to settle a
    "two levels" disagreement over a total that moved by 0.001."""
    text = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
    head = "  operations.quality.practices: {review: fully, spc: %s, nonconformance: fully, "
    tail = "online_inspection: partly, auto_hold: not, ai_inspection: not, root_cause: partly}"
    start = text.index("  operations.quality.practices:")
    end = text.index("\n  operations.", start + 1)
    for name, spc, review in (("a", "mostly", "fully"), ("b", "fully", "fully"), ("c", "fully", "not")):
        body = text[:start] + (head % spc).replace("review: fully", f"review: {review}") + tail + text[end:]
        (tmp_path / f"{name}.yaml").write_text(body, "utf-8")
    q = maturity.load_questionnaire("general")
    files = [maturity.load_answers(tmp_path / f"{n}.yaml") for n in "ab"]
    assert not [d for d in merge(q, files, ["a", "b"]).merged.disagreements
                if d.question == "operations.quality.practices"]
    files = [maturity.load_answers(tmp_path / f"{n}.yaml") for n in "bc"]  # level 3 against none
    levels = {d.question: d.levels for d in merge(q, files, ["b", "c"]).merged.disagreements}
    assert sorted(levels["operations.quality.practices"].values()) == [0, 3]


def test_a_note_of_several_lines_reads_as_one_line_in_the_account(tmp_path, capsys):
    """From a code review: merge printed a block note's line break as a literal \\x0a."""
    text = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
    for name, level in (("a", "1"), ("b", "4")):
        body = text.replace("strategy.planning.roadmap: 4", f"strategy.planning.roadmap: {level}")
        body = re.sub(r"(?m)^  strategy\.planning\.roadmap: 2025.*$",
                      "  strategy.planning.roadmap: |\n    Seen on site.\n    Second line.", body)
        (tmp_path / f"{name}.yaml").write_text(body, "utf-8")
    code, out, _ = run(capsys, "merge", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"),
                       "-o", str(tmp_path / "m.yaml"))
    assert code == 0 and "Seen on site. Second line." in out and "\\x0a" not in out
