"""The pieces a model brought as data needs: labelled answers with values (``choice``),
shared option sets, the mean method, single-value last bands, an index kept beside its
answers, and a questionnaire file scanned by mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import maturity
from maturity.cli import main
from maturity.normalise import normalise
from maturity.rating import rate
from maturity.reaching import answer_reaching, top_answer
from maturity.requirements import max_level, option_level

ROOT = Path(__file__).resolve().parent.parent
CUSTOM = ROOT / "docs" / "examples" / "custom-index"

SCALE = [{"id": "no", "text": "No", "value": 0.0}, {"id": "some", "text": "Some", "value": 0.25},
         {"id": "half", "text": "Half", "value": 0.5}, {"id": "yes", "text": "Yes", "value": 1.0}]


def _index(tmp_path: Path, question: dict, **top) -> Path:
    doc = {"format": "maturity-questionnaire/1", "id": "mini", "version": 1, "title": "Mini",
           "levels": [{"id": f"L{k}", "name": f"level {k}"} for k in (1, 2, 3)],
           "scoring": {"method": "mean", "total": 3.0,
                       "bands": [{"level": k, "min": k - 0.5} for k in (1, 2, 3)]},
           "dimensions": [{"id": "d", "name": "D", "indicators": [
               {"id": "i", "name": "I",
                "questions": [{"id": "q", "kind": "choice", "text": "Q?", **question}]}]}],
           **top}
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
    return path


def test_an_answer_is_an_option_id_and_carries_its_value(tmp_path):
    q = maturity.load_questionnaire(str(_index(tmp_path, {"options": SCALE})))
    question = q.questions["d.i.q"][2]
    assert normalise(question, "half", 3) == "half"
    with pytest.raises(ValueError, match="expected one of the answers no, some, half, yes"):
        normalise(question, "maybe", 3)
    assert [option_level(o, 3) for o in question.choices] == [0, 1, 2, 3]  # rounded half up
    assert rate(question, "half", 3, 0.8) == ({1: 1.0, 2: 1.0, 3: 0.0}, 0.5, 2)
    assert max_level(question, 3) == 3 and top_answer(question, 3) == "yes"
    # the least change that reaches a level: the lowest answer that does, never a lower one
    assert answer_reaching(question, "no", 2, 3) == "half"
    assert answer_reaching(question, "yes", 1, 3) == "yes"
    a = maturity.assess(q, {"d.i.q": "some"})
    assert a.score == pytest.approx(0.75) and a.level == 1 and a.method == "mean"


def test_yes_and_no_answers_read_as_booleans_still_find_their_option(tmp_path):
    """YAML 1.1 and CSV cells read "yes" / "no" as booleans; the ids are meant."""
    yn = [{"id": "no", "text": "No", "value": 0.0}, {"id": "yes", "text": "Yes", "value": 1.0}]
    q = maturity.load_questionnaire(str(_index(tmp_path, {"options": yn})))
    question = q.questions["d.i.q"][2]
    assert normalise(question, True, 3) == "yes" and normalise(question, False, 3) == "no"


def test_an_unquoted_yes_that_could_be_two_options_is_refused_not_guessed(tmp_path, capsys):
    """Options "y" and "yes": YAML reads an unquoted yes as true, and the answer was taken
    for "y" (worth 0 instead of 1), unsaid.  A CSV cell keeps its text, so "yes" is "yes"."""
    yy = [{"id": "y", "text": "Y", "value": 0.0}, {"id": "yes", "text": "Yes", "value": 1.0},
          {"id": "on", "text": "On", "value": 0.5}]
    index = _index(tmp_path, {"options": yy})
    q = maturity.load_questionnaire(str(index))
    question = q.questions["d.i.q"][2]
    with pytest.raises(ValueError, match=r'could be any of the answers y, yes, on: put the answer in quotes'):
        normalise(question, True, 3)
    assert normalise(question, "yes", 3) == "yes" and normalise(question, "y", 3) == "y"
    head = "format: maturity-answers/1\nquestionnaire: mini@1\nanswers:\n"
    (tmp_path / "a.yaml").write_text(head + "  d.i.q: yes\n", "utf-8")
    assert main(["validate", str(tmp_path / "a.yaml")]) == 1
    assert "a.yaml:4: answers.d.i.q: an unquoted yes" in capsys.readouterr().err
    (tmp_path / "a.yaml").write_text(head + '  d.i.q: "yes"\n', "utf-8")
    assert maturity.assess(maturity.load_answers(tmp_path / "a.yaml")).score == pytest.approx(3.0)
    (tmp_path / "a.csv").write_text("questionnaire,d.i.q\nmini@1,yes\n", "utf-8")
    assert maturity.assess(q, maturity.load_answers(tmp_path / "a.csv")).score == pytest.approx(3.0)


def test_a_multiple_choice_option_named_yes_is_found_from_an_unquoted_yes(tmp_path):
    index = tmp_path / "m.yaml"
    index.write_text(_index(tmp_path, {"options": SCALE}).read_text("utf-8").replace(
        "kind: choice", "kind: multi").replace("value: 0.0", "weight: 1").replace(
        "value: 0.25", "weight: 1").replace("value: 0.5", "weight: 1").replace("value: 1.0", "weight: 1")
        .replace("id: mini", "id: multi"), "utf-8")
    raw = yaml.safe_load(index.read_text("utf-8"))
    raw["dimensions"][0]["indicators"][0]["questions"][0]["bands"] = [
        {"min": 0, "max": 50, "level": 1}, {"min": 50, "max": 100, "level": 3}]
    index.write_text(yaml.safe_dump(raw, sort_keys=False), "utf-8")
    question = maturity.load_questionnaire(str(index)).questions["d.i.q"][2]
    assert normalise(question, [True, "half"], 3) == frozenset({"yes", "half"})
    assert normalise(question, [False], 3) == frozenset({"no"})


def test_option_sets_are_shared_and_an_unknown_one_is_located(tmp_path):
    path = _index(tmp_path, {"options": "scale"}, option_sets=[{"id": "scale", "options": SCALE}])
    q = maturity.load_questionnaire(str(path))
    assert [o.id for o in q.questions["d.i.q"][2].choices] == ["no", "some", "half", "yes"]
    bad = _index(tmp_path, {"options": "scales"}, option_sets=[{"id": "scale", "options": SCALE}])
    with pytest.raises(maturity.QuestionnaireError) as err:
        maturity.load_questionnaire(str(bad))
    issue = next(i for i in err.value.issues if "option set" in i.message)
    assert "unknown option set 'scales'" in issue.message and "did you mean 'scale'" in issue.message
    assert issue.line is not None and issue.field.endswith("options")


def test_a_better_answer_never_reaches_a_lower_level(tmp_path):
    wrong = [{"id": "no", "text": "No", "value": 0.0, "level": 0},
             {"id": "half", "text": "Half", "value": 0.5, "level": 3},
             {"id": "yes", "text": "Yes", "value": 1.0, "level": 2}]
    with pytest.raises(maturity.QuestionnaireError, match=r"worth more .* but reaches a lower level"):
        maturity.load_questionnaire(str(_index(tmp_path, {"options": wrong})))


@pytest.mark.parametrize("last, ok", [(True, True), (False, False)])
def test_a_single_value_band_is_allowed_last_only(tmp_path, last, ok):
    """``[100, 100]`` as the last band is the value 100 (the last band includes its max);
    anywhere else it would be empty."""
    bands = [{"min": 0, "max": 50, "level": 0}, {"min": 50, "max": 100, "level": 1},
             {"min": 100, "max": 100, "level": 3}]
    if not last:
        bands = [{"min": 0, "max": 0, "level": 0}, {"min": 0, "max": 100, "level": 3}]
    path = _index(tmp_path, {})
    doc = yaml.safe_load(path.read_text("utf-8"))
    doc["dimensions"][0]["indicators"][0]["questions"][0] = {
        "id": "q", "kind": "number", "text": "Share?", "min": 0, "max": 100, "bands": bands}
    path.write_text(yaml.safe_dump(doc), "utf-8")
    if ok:
        q = maturity.load_questionnaire(str(path))
        assert maturity.assess(q, {"d.i.q": 100}).indicator("d.i").level == 3
        below = maturity.assess(q, {"d.i.q": 99.5}).indicator("d.i")
        assert below.questions[0].level == 1 and below.score == pytest.approx(1.0)  # 1/3 of 3
    else:
        with pytest.raises(maturity.QuestionnaireError, match="only the last band"):
            maturity.load_questionnaire(str(path))


def test_an_index_beside_its_answers_is_found_but_never_shadows_an_installed_one(tmp_path):
    folder = tmp_path / "work"
    shutil.copytree(CUSTOM, folder)
    assert maturity.assess(folder / "answers.yaml").questionnaire == "data_practices@1"
    # a general.yaml beside answers that name general@2 is not the one used
    (folder / "general.yaml").write_text("not even a questionnaire", "utf-8")
    a = maturity.assess(ROOT / "docs" / "examples" / "machinery-plant.yaml")
    copy = folder / "plant.yaml"
    copy.write_text((ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8"), "utf-8")
    assert maturity.assess(copy).score == a.score


def test_a_questionnaire_scanned_as_answers_says_what_it_is(capsys):
    assert main(["score", str(CUSTOM / "data_practices.yaml")]) == 1
    err = capsys.readouterr().err
    assert "data_practices.yaml:9: format: this file is a questionnaire" in err


def _grouped(tmp_path: Path, groups: list, members: dict[str, str | None]) -> Path:
    path = _index(tmp_path, {"options": SCALE})
    doc = yaml.safe_load(path.read_text("utf-8"))
    ind = doc["dimensions"][0]["indicators"][0]
    ind["groups"] = groups
    ind["questions"] = [{"id": qid, "kind": "choice", "text": f"{qid}?", "options": SCALE, "allow_na": True,
                         **({"group": g} if g else {})} for qid, g in members.items()]
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return path


def test_groups_roll_up_by_weight_and_an_all_na_group_is_left_out(tmp_path):
    """Indicator = weighted mean of its groups, each the mean of what it holds (to any
    depth); a group whose every question is n/a drops out, as such a question would."""
    groups = [{"id": "a", "name": "A", "weight": 3, "groups": [{"id": "x", "name": "X"}]},
              {"id": "b", "name": "B"}]
    q = maturity.load_questionnaire(str(_grouped(tmp_path, groups, {"q1": "a", "q2": "a.x", "q3": "b"})))
    a = maturity.assess(q, {"d.i.q1": "yes", "d.i.q2": "no", "d.i.q3": "half"})
    ind = a.indicator("d.i")
    assert ind.group("a.x").score == pytest.approx(0.0)
    assert ind.group("a").score == pytest.approx(3 * (1.0 + 0.0) / 2)      # q1 and group x
    assert ind.group("b").score == pytest.approx(1.5)
    assert ind.score == pytest.approx((3 * 1.5 + 1 * 1.5) / 4)
    na = maturity.assess(q, {"d.i.q1": "yes", "d.i.q2": "no", "d.i.q3": "n/a"}).indicator("d.i")
    assert not na.group("b").applicable and na.score == pytest.approx(na.group("a").score)


@pytest.mark.parametrize("members, message", [
    ({"q1": "a", "q2": None}, "has groups: name the one this question belongs to"),
    ({"q1": "a", "q2": "c"}, "unknown group 'c'"),
])
def test_a_question_outside_the_groups_is_a_located_error(tmp_path, members, message):
    with pytest.raises(maturity.QuestionnaireError) as err:
        maturity.load_questionnaire(str(_grouped(tmp_path, [{"id": "a", "name": "A"}], members)))
    issue = next(i for i in err.value.issues if message in i.message)
    assert issue.line is not None


def test_answers_given_as_a_mapping_are_not_looked_up_in_the_working_directory(tmp_path, monkeypatch):
    """A mapping has no folder of its own: an index that happens to lie in the current
    directory is not taken for it (it was, through the name "<answers>")."""
    shutil.copy(CUSTOM / "data_practices.yaml", tmp_path / "data_practices.yaml")
    monkeypatch.chdir(tmp_path)
    doc = yaml.safe_load((CUSTOM / "answers.yaml").read_text("utf-8"))
    with pytest.raises(maturity.AnswersError, match="'data_practices@1' not found"):
        maturity.assess(doc)
