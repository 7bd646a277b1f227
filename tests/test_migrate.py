"""Index versions (``migrations:``, ``maturity migrate``): answers carried to a later
version by what it declares changed (renamed, moved, split, removed, re-banded), the
questions to answer listed, and no answer or note ever dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import maturity
from maturity.errors import QuestionnaireError
from maturity.loading import load_questionnaire
from maturity.migrating import migrate

from .strategies import answer_for
from .test_cli import run

DATA = Path(__file__).resolve().parent / "data" / "migrate"
V1, V2 = DATA / "mig@1.yaml", DATA / "mig@2.yaml"
"""Version 2 renames oldname → newname, moves data.mover → plan.mover, splits both →
plan.left and data.right, removes gone, re-bands lvl (old 2 is new 1) and adds fresh."""


@pytest.fixture(scope="module")
def versions():
    return load_questionnaire(V1), load_questionnaire(V2)


def _old(answers, notes=None):
    return maturity.AnswersFile.model_validate({"format": "maturity-answers/1", "questionnaire": "mig@1",
                                                "answers": answers, "notes": notes or {}})


def test_each_kind_of_change_is_carried_as_declared(versions):
    q1, q2 = versions
    old = _old({"ops.plan.lvl": "0+", "ops.plan.num": 72, "ops.plan.gone": 2, "ops.plan.both": 3,
                "ops.plan.oldname": 1, "ops.data.mover": 2, "ops.data.stay": 0},
               {"ops.plan.gone": "stopped in 2025", "ops.plan.both": "both lines", "ops.data.mover": "m",
                "enterprise.size": "headcount 2024"})
    new = migrate(old, q1, q2)
    assert new.questionnaire == "mig@2"
    assert new.answers == {"ops.plan.lvl": "0+", "ops.plan.num": 72, "ops.plan.left": 3, "ops.data.right": 3,
                           "ops.plan.newname": 1, "ops.plan.mover": 2, "ops.data.stay": 0}
    assert new.notes == {"enterprise.size": "headcount 2024",  # the enterprise's, as it was
                         "ops.plan.left": "both lines", "ops.data.right": "both lines", "ops.plan.mover": "m"}
    kept = new.migrated
    assert kept.from_questionnaire == "mig@1"
    assert kept.answers == {"ops.plan.gone": 2} and kept.notes == {"ops.plan.gone": "stopped in 2025"}
    assert kept.to_answer == ["ops.data.fresh"]
    assert maturity.assess(q2, new).answered == 7


@pytest.mark.parametrize("given, carried, kept", [
    (0, 0, False), (2, 1, False), (3, 3, False),
    ("0+", "0+", False),  # old 1 is new 1: "level 1 in part" still says it
    ("1+", 1, True),      # old 2 (the "in part") is new 1 too: carried as 1, the old kept
    ("2+", 1, True),      # old 3 in part is new 3, not new 2: carried as new 1, the old kept
])
def test_rebanded_levels_keep_what_they_said_or_keep_the_old_answer(versions, given, carried, kept):
    q1, q2 = versions
    new = migrate(_old({"ops.plan.lvl": given}), q1, q2)
    assert new.answers["ops.plan.lvl"] == carried
    assert ("ops.plan.lvl" in new.migrated.answers) is kept


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_nothing_the_user_gave_is_lost(versions, data):
    """Every old answer is carried (to its target, same or re-banded) or kept under
    ``migrated``; every note is in the new notes or kept; the file is valid for v2."""
    q1, q2 = versions
    answers = {qid: data.draw(answer_for(x)) for qid, (_, _, x) in q1.questions.items()
               if data.draw(st.booleans())}
    notes = {qid: f"note {k}" for k, qid in enumerate(answers) if data.draw(st.booleans())}
    new = migrate(_old(answers, notes), q1, q2)
    maturity.assess(q2, new)  # valid for the new version
    texts = " ".join([*new.notes.values(), *new.migrated.notes.values()])
    for text in notes.values():
        assert text in texts
    routes = {"ops.plan.oldname": ["ops.plan.newname"], "ops.data.mover": ["ops.plan.mover"],
              "ops.plan.both": ["ops.plan.left", "ops.data.right"], "ops.plan.gone": []}
    for qid in answers:
        targets = routes.get(qid, [qid])
        assert qid in new.migrated.answers or any(t in new.answers for t in targets), qid
    assert set(new.migrated.to_answer).isdisjoint(new.answers)


def test_a_migration_naming_a_question_that_does_not_exist_is_located(tmp_path):
    text = V2.read_text("utf-8").replace("to: ops.plan.newname}", "to: ops.plan.nowhere}")
    path = tmp_path / "mig@2.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(QuestionnaireError) as err:
        load_questionnaire(path)
    assert "unknown question 'ops.plan.nowhere'" in str(err.value) and f"{path}:" in str(err.value)


def test_the_cli_carries_the_file_and_then_its_history_spans_both_versions(capsys, tmp_path):
    for f in (V1, V2):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    old = tmp_path / "2025.yaml"
    old.write_text("format: maturity-answers/1\nquestionnaire: mig@1\nassessed_on: 2025-01-01\n"
                   "enterprise: {name: Works}\nanswers:\n  ops.plan.lvl: 3\n  ops.plan.gone: 2\n"
                   "notes:\n  ops.plan.gone: stopped\n", "utf-8")
    out = tmp_path / "2025-v2.yaml"
    code, stdout, err = run(capsys, "migrate", str(old), "--to", str(tmp_path / "mig@2.yaml"), "-o", str(out))
    assert code == 0, err
    assert "1 answers carried from mig@1 to mig@2" in stdout and "ops.data.fresh" in stdout
    text = out.read_text("utf-8")
    assert "stopped" in text and "questionnaire: mig@2" in text
    code, _, err = run(capsys, "migrate", str(old), "--to", str(tmp_path / "mig@2.yaml"), "-o", str(old))
    assert code != 0 and "input" in err
    code, _, err = run(capsys, "migrate", str(out), "--to", str(tmp_path / "mig@1.yaml"))
    assert code != 0 and "later version" in err
    later = tmp_path / "2026.yaml"
    later.write_text(out.read_text("utf-8").replace("assessed_on: '2025-01-01'", "assessed_on: 2026-01-01")
                     .replace("ops.plan.lvl: 3", "ops.plan.lvl: 3\n  ops.data.fresh: 2"), "utf-8")
    code, _, err = run(capsys, "history", str(old), str(later))
    assert code == 1 and "mig@1, mig@2" in err  # mixed versions: migrate first
    code, stdout, err = run(capsys, "history", str(out), str(later), "--lang", "en")
    assert code == 0 and "2 assessments" in stdout, err


def test_the_new_version_is_found_where_the_old_one_is(capsys, tmp_path, monkeypatch):
    """A user found `--to mig@2` not found for an index kept beside the answers, where mig@1
    (which the file names) was found."""
    monkeypatch.delenv("MATURITY_QUESTIONNAIRES", raising=False)
    for f in (V1, V2):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    old = tmp_path / "plant.yaml"
    old.write_text("format: maturity-answers/1\nquestionnaire: mig@1\nenterprise: {name: Works}\n"
                   "answers:\n  ops.plan.lvl: 3\n", "utf-8")
    code, stdout, err = run(capsys, "migrate", str(old), "--to", "mig@2")
    assert code == 0 and "questionnaire: mig@2" in stdout, err


def test_a_merged_files_disagreements_follow_their_questions(versions):
    """A user saw a migrated merged file's report list 'ops.plan.gone (ops.plan.gone)': its
    disagreements kept the old question ids."""
    from maturity.merging import merge

    v1, v2 = versions
    a = _old({"ops.plan.oldname": 0, "ops.plan.gone": 0, "ops.data.stay": 1})
    b = _old({"ops.plan.oldname": 3, "ops.plan.gone": 3, "ops.data.stay": 1})
    merged = merge(v1, [a, b], ["a.yaml", "b.yaml"])
    assert {d.question for d in merged.merged.disagreements} == {"ops.plan.oldname", "ops.plan.gone"}
    carried = migrate(merged, v1, v2)
    apart = {d.question: d for d in carried.merged.disagreements}
    assert set(apart) == {"ops.plan.newname"} and set(apart) <= set(v2.questions)
    assert apart["ops.plan.newname"].answers == {"a": 0, "b": 3}
    assert carried.migrated.answers["ops.plan.gone"] is not None  # the removed one's answer is kept


def test_a_file_its_own_version_refuses_is_a_located_error_not_carried(versions, tmp_path):
    q1, q2 = versions
    with pytest.raises(maturity.AnswersError) as err:
        migrate(_old({"ops.plan.lvl": 7}), q1, q2)
    assert "ops.plan.lvl" in str(err.value)


def test_real_general_1_answers_carry_to_general_2_with_nothing_lost():
    """The reference plants' first-round answers (general@1) carried to the shipped
    general@2: valid there, every answer carried or kept, every note kept, and the two
    questions version 2 added listed to answer."""
    root = Path(__file__).resolve().parent.parent / "docs" / "calibration" / "answers" / "before"
    files = sorted(p for p in root.glob("p*.yaml") if "questionnaire: general@1" in p.read_text("utf-8"))
    assert len(files) >= 20
    q1, q2 = load_questionnaire("general@1"), load_questionnaire("general@2")
    for path in files:
        old = maturity.load_answers(path)
        new = migrate(old, q1, q2)
        maturity.assess(q2, new)
        given = {k for k, v in old.answers.items() if v not in (None, {})}
        assert given <= set(new.answers) | set(new.migrated.answers), path
        for key, note in old.notes.items():
            assert note in new.notes.get(key, "") or note in new.migrated.notes.get(key, ""), (path, key)
        assert {"factory.network.segregation", "operations.quality.practices"} <= set(new.migrated.to_answer)
