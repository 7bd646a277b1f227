"""Sessions: atomic autosave in the standard answers format, resume, corrupt files kept."""

from __future__ import annotations

import datetime as dt

import pytest

import maturity
from maturity.session import Session, list_sessions


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _session() -> Session:
    q = maturity.load_questionnaire("general")
    ids = list(q.questions)
    return Session(questionnaire=q.ref, language="en",
                   enterprise={"name": "示例机械", "industry": "machinery"},
                   answers={ids[0]: 3, ids[1]: 2}, notes={ids[0]: "plan approved"},
                   position=ids[2], assessed_on=dt.date(2026, 11, 1))


def test_a_saved_session_is_an_answers_file_that_scores(data_dir):
    s = _session()
    s.save()
    assert s.path.parent == data_dir / "sessions"
    answers = maturity.load_answers(s.path)
    q = maturity.questionnaire_for(answers)
    assert maturity.assess(q, answers).answered == 2
    assert not list(s.path.parent.glob("*.tmp")), "no temporary file left behind"


def test_resume_gives_identical_answers_and_position():
    s = _session()
    s.save()
    again = Session.load(s.path)
    assert (again.id, again.position, again.answers, again.notes, again.enterprise) == \
        (s.id, s.position, s.answers, s.notes, s.enterprise)
    assert again.assessed_on == s.assessed_on and again.language == "en"


def test_extra_answers_file_is_written_too(tmp_path):
    s = _session()
    s.extra_path = tmp_path / "mine.yaml"
    s.save()
    assert s.extra_path.read_text("utf-8") == s.path.read_text("utf-8")


def test_list_sessions_newest_first_and_corrupt_ones_moved_aside(data_dir):
    a, b = _session(), _session()
    a.save()
    b.enterprise["name"] = "Second Works"
    b.save()
    bad = data_dir / "sessions" / "broken.yaml"
    bad.write_text("format: maturity-answers/1\nanswers: [unclosed\n", "utf-8")
    sessions, corrupt = list_sessions()
    assert {s.enterprise for s in sessions} == {"示例机械", "Second Works"}
    assert [c.original for c in corrupt] == [bad]
    assert not bad.exists() and corrupt[0].moved_to.exists(), "kept aside, never deleted"
    assert "broken.yaml" in corrupt[0].moved_to.name and "broken.yaml:3:" in corrupt[0].reason
    assert list_sessions()[1] == []  # reported once
