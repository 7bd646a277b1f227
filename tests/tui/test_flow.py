"""The whole assessment through Pilot: start, every kind of question, n/a, notes, back and
forward, results and export; resume; a corrupt autosave; the same score as the library."""

from __future__ import annotations

from pathlib import Path

import pytest

import maturity
from maturity.session import Session, list_sessions
from maturity.tui.app import MaturityApp
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.result import ResultScreen
from maturity.tui.screens.welcome import WelcomeScreen

DATA = Path(__file__).resolve().parents[1] / "data"
KINDS = str(DATA / "five_kinds.yaml")
SIZE = (100, 32)


async def _start(app: MaturityApp, pilot, name: str = "Pilot Works") -> QuestionScreen:
    await pilot.pause()
    assert isinstance(app.screen, WelcomeScreen)
    app.screen.query_one("#name").value = name
    app.screen.query_one("#start").press()
    await pilot.pause()
    assert isinstance(app.screen, QuestionScreen)
    return app.screen


@pytest.fixture
def kinds_env(monkeypatch, tmp_path):
    """Make the five-kinds test questionnaire findable by id, as a consultant's own index."""
    folder = tmp_path / "indices"
    folder.mkdir()
    (folder / "five_kinds.yaml").write_text(Path(KINDS).read_text("utf-8"), "utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(folder))
    return "five_kinds"


async def test_the_whole_flow_answers_every_kind_and_exports(kinds_env, data_dir):
    app = MaturityApp(questionnaire=kinds_env, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start(app, pilot)
        state = app.state
        asked = state.asked()
        kinds = [state.question(q).kind for q in asked]
        assert kinds[:5] == ["level", "number", "multi", "checklist", "yesno"]

        # level choice: move down twice and choose
        await pilot.press("down", "down", "enter")
        assert state.session.answers[asked[0]] == 2
        await pilot.press("ctrl+n")
        await pilot.pause()
        # number: typed, validated
        screen.query_one("#number-input").value = "250"
        await pilot.pause()
        assert asked[1] not in state.session.answers, "out of range is not stored"
        assert "out of range" in str(screen.query_one("#number-error").render())
        screen.query_one("#number-input").value = "72.5"
        await pilot.pause()
        assert state.session.answers[asked[1]] == 72.5
        # notes for evidence
        screen.query_one("#notes").value = "counted on the shop floor"
        await pilot.pause()
        assert state.session.notes[asked[1]] == "counted on the shop floor"
        await pilot.press("ctrl+n")
        await pilot.pause()
        # multi-select: toggle two options
        await pilot.press("space", "down", "space")
        assert len(state.session.answers[asked[2]]) == 2
        await pilot.press("ctrl+n")
        await pilot.pause()
        # checklist: rate an item through its Select
        select = screen.query_one("#item-records")
        select.value = "mostly"
        await pilot.pause()
        assert state.session.answers[asked[3]] == {"records": "mostly"}
        await pilot.press("ctrl+n")
        await pilot.pause()
        # yes/no opens the follow-up
        assert screen.current == asked[4], (screen.current, app.focused)
        await pilot.press("enter")
        assert state.session.answers[asked[4]] is True
        follow = [q for q in state.asked() if state.question(q).follow_up]
        assert follow, "a yes opens the follow-up"
        # back and forward keep the answers
        await pilot.press("pageup")
        await pilot.pause()
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.current == asked[2]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.current == asked[3]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.current == asked[4]
        # n/a where allowed
        na_q = next((q for q in state.asked() if state.question(q).allow_na), None)
        if na_q is not None:
            screen.jump(na_q)
            await pilot.pause()
            screen.query_one("#na").value = True
            await pilot.pause()
            assert state.session.answers[na_q] == "n/a"
        # results, then export
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        result = app.screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert result.diagnosis is not None
        for key, suffix in (("m", ".md"), ("h", ".html"), ("j", ".json"), ("a", ".yaml")):
            await pilot.press(key)
            await pilot.pause()
            assert (data_dir / "exports" / f"Pilot_Works{suffix}").exists(), suffix
        await pilot.pause()
    saved = maturity.load_answers(state.session.path)
    assert saved.enterprise.name == "Pilot Works"


async def test_resume_after_closing_mid_way_gives_identical_answers(kinds_env):
    app = MaturityApp(questionnaire=kinds_env, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _start(app, pilot, "Resume Works")
        await pilot.press("down", "enter", "ctrl+n")
        app.screen.query_one("#number-input").value = "40"
        await pilot.pause()
        before = dict(app.state.session.answers)
        position = app.state.session.position
    # a new run of `maturity` offers the session and resumes exactly there
    sessions, corrupt = list_sessions()
    assert [s.enterprise for s in sessions] == ["Resume Works"] and not corrupt
    app2 = MaturityApp(lang="en")
    async with app2.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app2.screen, WelcomeScreen)
        app2.screen.query_one("#resume").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app2.screen, QuestionScreen)
        assert app2.state.session.answers == before
        assert app2.screen.current == position


async def test_a_corrupt_autosave_is_reported_and_kept_aside(data_dir):
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("format: maturity-answers/1\nanswers: [\n", "utf-8")
    app = MaturityApp(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert any("moved aside" in n.message for n in app._notifications)
    assert not (folder / "broken.yaml").exists()
    assert list(folder.glob("broken.yaml.corrupt-*")), "the user's file is kept"


async def test_the_tuis_answers_file_scores_like_the_library(kinds_env):
    app = MaturityApp(questionnaire=kinds_env, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await _start(app, pilot, "一致性测试")
        await pilot.press("down", "down", "down", "enter", "ctrl+n")
        app.screen.query_one("#number-input").value = "95"
        await pilot.pause()
        await pilot.press("ctrl+n", "space", "ctrl+n")
        provisional = app.state.assessment()
        path = app.state.session.path
    answers = maturity.load_answers(path)
    q = maturity.questionnaire_for(answers)
    library = maturity.assess(q, answers)
    assert (library.level, library.score) == (provisional.level, provisional.score)
    from maturity.batch import score_path

    row = score_path(str(path))
    assert row.ok and row.level == library.level and row.score == pytest.approx(library.score)


async def test_switch_language_keeps_the_answers(kinds_env):
    app = MaturityApp(questionnaire=kinds_env, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _start(app, pilot)
        await pilot.press("enter")
        answers = dict(app.state.session.answers)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "zh" and app.state.session.language == "zh"
        assert app.state.session.answers == answers
        assert isinstance(app.screen, QuestionScreen)


def test_answers_option_resumes_from_and_saves_to_that_file(tmp_path, kinds_env):
    s = Session(questionnaire=f"{kinds_env}@1", language="en", enterprise={"name": "File Works"})
    target = tmp_path / "mine.yaml"
    target.write_text(s.text(), "utf-8")
    app = MaturityApp(answers=str(target), lang="en")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen)
            await pilot.press("down", "enter")
            await pilot.pause()

    import asyncio

    asyncio.run(run())
    assert maturity.load_answers(target).answers, "saved back to the --answers file"


def test_serve_without_the_extra_says_how_to_install(capsys, monkeypatch):
    import sys

    from maturity.cli import main

    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 2
    assert "pip install 'maturity[serve]'" in capsys.readouterr().err


async def test_command_palette_shows_unanswered_and_jumps(kinds_env):
    app = MaturityApp(questionnaire=kinds_env, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _start(app, pilot)
        await pilot.press("enter")  # answer the first question
        await pilot.pause()
        first = screen.current
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"unanswered")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current != first and not app.state.answered(screen.current)
        # jump to a question by typing part of its id
        target = app.state.asked()[-1]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*target.split(".")[-1])
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == target
