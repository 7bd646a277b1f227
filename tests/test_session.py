"""Sessions (no Textual): atomic autosave in the standard answers format, resume, progress,
corrupt files kept aside."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import maturity
from maturity.session import Session, autosave_dir, data_dir, list_sessions

NOW = dt.datetime(2026, 11, 2, 9, 30, 15)


def clock() -> dt.datetime:
    return NOW


@pytest.fixture(autouse=True)
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _session() -> Session:
    q = maturity.load_questionnaire("general")
    plan, money = "strategy.planning.roadmap", "strategy.planning.investment"
    s = Session(questionnaire=q.ref, language="en", clock=clock,
                enterprise={"name": "示例机械", "industry": "machinery"},
                answers={plan: 3, money: 2, "strategy.talent.roles": ["it_admin", "ai"]},
                notes={plan: "plan approved"}, position=plan, assessed_on=dt.date(2026, 11, 1))
    asked = s.asked(q)
    s.position = asked[asked.index(money) + 1]  # the question after the last answered one
    return s


def test_the_data_dir_follows_the_environment(data, monkeypatch):
    assert data_dir() == data and autosave_dir() == data / "sessions"
    monkeypatch.delenv("MATURITY_DATA_DIR")
    assert data_dir().name == "maturity"  # platformdirs' user data dir


def test_a_saved_session_is_an_answers_file_that_scores(data):
    s = _session()
    s.save()
    assert s.path.parent == data / "sessions"
    answers = maturity.load_answers(s.path)
    q = maturity.questionnaire_for(answers)
    assert maturity.assess(q, answers).answered == 3
    assert not list(s.path.parent.glob("*.tmp")), "no temporary file left behind"
    first = s.path.read_text("utf-8").splitlines()[0]
    assert first == f"# maturity-session: {s.id} at {s.position} updated 2026-11-02T09:30:15"


def test_an_answers_file_opened_as_a_session_keeps_its_enterprise_notes(tmp_path):
    """An answers file opened in the TUI and saved keeps the notes on enterprise fields (why
    the industry was chosen) as well as those on questions: nothing the user wrote is lost."""
    src = tmp_path / "plant.yaml"
    src.write_text("format: maturity-answers/1\nquestionnaire: general@2\nenterprise: {industry: machinery}\n"
                   "answers: {strategy.planning.roadmap: 2}\n"
                   "notes: {enterprise.industry: 'wire harnesses: machinery',"
                   " strategy.planning.roadmap: plan}\n",
                   "utf-8")
    Session.load(src).save_as(tmp_path / "saved.yaml")
    saved = maturity.load_answers(tmp_path / "saved.yaml")
    assert saved.notes == {"enterprise.industry": "wire harnesses: machinery",
                           "strategy.planning.roadmap": "plan"}
    assert maturity.assess(maturity.questionnaire_for(saved), saved).answered == 1  # and it is valid


def test_resume_gives_identical_answers_position_and_time():
    s = _session()
    s.save()
    again = Session.load(s.path)
    assert (again.id, again.position, again.answers, again.notes, again.enterprise) == \
        (s.id, s.position, s.answers, s.notes, s.enterprise)
    assert (again.assessed_on, again.language, again.updated_at) == (s.assessed_on, "en", NOW)
    again.save()  # what was read saves again (plain lists and mappings, not the loader's)
    assert Session.load(s.path).answers == s.answers


def test_extra_answers_file_is_written_too(tmp_path):
    s = _session()
    s.extra_path = tmp_path / "mine.yaml"
    s.save()
    assert s.extra_path.read_text("utf-8") == s.path.read_text("utf-8")


def test_what_is_asked_follows_the_scoring_rules():
    q = maturity.load_questionnaire("general")
    follow = next(qid for qid, (_, _, x) in q.questions.items() if x.follow_up)
    s = Session(questionnaire=q.ref, enterprise={"name": "x", "industry": "machinery"})
    assert follow not in s.asked(q), "a follow-up waits for the answer that opens it"
    parent = q.questions[follow][2].follow_up
    s.answers[parent.question] = True if parent.equals else parent.at_least
    assert follow in s.asked(q)


def test_list_sessions_newest_first_with_progress_and_corrupt_ones_moved_aside(data):
    a, b = _session(), _session()
    a.clock = lambda: NOW - dt.timedelta(days=1)
    a.save()
    b.enterprise["name"] = "Second Works"
    b.save()
    bad = data / "sessions" / "broken.yaml"
    bad.write_text("format: maturity-answers/1\nanswers: [unclosed\n", "utf-8")
    sessions, corrupt = list_sessions(clock=clock)
    assert [s.enterprise for s in sessions] == ["Second Works", "示例机械"]
    assert (sessions[0].answered, sessions[0].updated) == (3, NOW)
    assert sessions[0].total is not None and sessions[0].total > 50
    assert [c.original for c in corrupt] == [bad]
    assert corrupt[0].moved_to == bad.with_name("broken.yaml.corrupt-20261102-093015")
    assert not bad.exists() and corrupt[0].moved_to.read_text("utf-8").endswith("[unclosed\n")
    assert "broken.yaml:3:" in corrupt[0].reason
    assert list_sessions()[1] == []  # reported once


def test_the_session_module_does_not_import_textual():
    code = "import maturity.session, sys; assert 'textual' not in sys.modules, 'textual imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_tui_state_rescores_when_the_profile_changes():
    """The TUI's state scores once per change; a profile changed on the welcome form, with
    no new answer, is such a change (a clean-clone run once read a stale grade)."""
    from maturity.tui.state import AssessmentState

    s = _session()
    state = AssessmentState(maturity.load_questionnaire(s.questionnaire), s)
    first = state.assessment()
    assert state.assessment() is first  # scored once
    s.enterprise["production_type"] = "process" if first.production_type != "process" else "discrete"
    second = state.assessment()
    assert second is not first and second.production_type == s.enterprise["production_type"]


def test_the_resume_list_counts_an_answer_that_does_not_fit_as_unanswered(data):
    """A second-round TUI audit: a copy holding a level of 9 was listed as finished
    ("60/60") and opened on "59/60"; the list counts as the question screen counts."""
    s = _session()
    s.save()
    (listed,) = list_sessions(clock=clock)[0]
    s.answers["strategy.planning.investment"] = 9
    s.save()
    (again,) = list_sessions(clock=clock)[0]
    assert (again.answered, again.total) == (listed.answered - 1, listed.total)
