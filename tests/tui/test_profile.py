"""The enterprise profile of a session under way (F3): a name mistyped or an industry picked
wrongly at the start could not be changed in the TUI, though the industry and production
type weigh the answers and pick the advice."""

from __future__ import annotations

import yaml

from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.result import ResultScreen
from maturity.tui.screens.welcome import WelcomeScreen

from .helpers import make_app, start


def _saved(app) -> dict:
    return yaml.safe_load(app.state.session.path.read_text("utf-8"))


async def test_f3_changes_the_profile_keeps_the_answers_and_rescores(data_dir):
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Acme Valvs", industry="steel")
        await pilot.press("3")  # the first answer
        await pilot.pause()
        answers = dict(app.state.session.answers)
        assert answers and app.state.assessment().production_type == "process"
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WelcomeScreen) and form.editing
        assert form.query_one("#name").value == "Acme Valvs"
        assert form.query_one("#questionnaire").disabled  # another index is another assessment
        form.query_one("#name").value = "Acme Valves"
        form.query_one("#industry").value = "machinery"
        await pilot.pause()
        form.query_one("#production_type").value = "discrete"
        await pilot.pause()
        form.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        saved = _saved(app)
        assert saved["enterprise"]["name"] == "Acme Valves"
        assert saved["enterprise"]["industry"] == "machinery"
        assert saved["enterprise"]["production_type"] == "discrete"
        assert app.state.session.answers == answers  # nothing the user answered is touched
        assert app.state.assessment().production_type == "discrete"


async def test_esc_leaves_the_profile_as_it_was(data_dir):
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Acme", industry="steel")
        before = app.state.session.path.read_text("utf-8")
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#name").value = "Someone else"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.state.session.enterprise["name"] == "Acme"
        assert app.state.session.path.read_text("utf-8") == before


async def test_the_profile_keeps_its_production_type_and_survives_a_language_switch(data_dir):
    """A saved production type that is not the industry's usual one stays as saved; what
    was typed into the form so far is kept when Ctrl+L switches the language."""
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Mixed Works", industry="textiles")
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#production_type").value = "process"  # not the industry's usual
        await pilot.pause()
        app.screen.query_one("#start").press()
        await pilot.pause()
        assert app.state.session.enterprise["production_type"] == "process"
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#production_type").value == "process"
        app.screen.query_one("#region").value = "Zhejiang"
        await pilot.press("ctrl+l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WelcomeScreen) and form.editing and app.lang == "zh"
        assert form.query_one("#region").value == "Zhejiang"
        form.query_one("#start").press()
        await pilot.pause()
        assert _saved(app)["enterprise"]["region"] == "Zhejiang"
        assert _saved(app)["enterprise"]["production_type"] == "process"


async def test_the_result_screen_is_worked_out_again_with_the_new_profile(data_dir):
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Acme", industry="steel")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#name").value = "Acme Steel"
        app.screen.query_one("#start").press()
        await pilot.pause()
        assert isinstance(app.screen, ResultScreen)
        assert app.screen.state.session.enterprise["name"] == "Acme Steel"


async def test_a_profile_that_no_longer_asks_the_question_on_screen_moves_on(data_dir):
    """A first-time user on a process plant's question changed the plant to discrete in
    the profile form: the screen stayed on the question, headed "question 0 of 59", and
    the next key saved an answer to a question the plant is no longer asked."""
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Acme", industry="steel")
        qid = "operations.execution.process_control"
        assert qid in app.state.asked()
        app.screen.jump(qid)
        await pilot.pause()
        assert app.screen.current == qid
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#industry").value = "machinery"
        await pilot.pause()
        assert app.screen.query_one("#production_type").value == "discrete"  # as suggested
        app.screen.query_one("#start").press()
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert qid not in app.state.asked() and screen.current in app.state.asked()
        order = list(app.state.q.questions)
        assert order.index(screen.current) > order.index(qid)  # the next one, not the first


async def test_a_production_type_the_user_chose_stays_when_the_industry_changes(data_dir):
    """A plant saved as "mixed" became "process" when its industry was corrected, unsaid."""
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Acme", industry="steel")
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#production_type").value = "mixed"
        await pilot.pause()
        app.screen.query_one("#start").press()
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#industry").value = "petrochemical"
        await pilot.pause()
        assert app.screen.query_one("#production_type").value == "mixed"


async def test_quitting_from_the_profile_form_keeps_what_was_typed(data_dir):
    """Ctrl+Q in the profile form threw the edit away; the guide says quitting loses nothing."""
    app = make_app("general")
    async with app.run_test(size=(100, 32)) as pilot:
        await start(app, pilot, "Acme", industry="steel")
        path = app.state.session.path
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("#name").value = "Acme Ltd"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert yaml.safe_load(path.read_text("utf-8"))["enterprise"]["name"] == "Acme Ltd"



async def test_the_footer_says_how_to_save_and_leave_the_profile_and_ctrl_o_saves(data_dir):
    """At 80x24 the Save button of the profile form sits below the fold, and the footer
    named neither Ctrl+O nor Esc: a first-time user did not know how to leave the form."""
    app = make_app("general")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        welcome = {b.binding.id for b in app.screen.active_bindings.values() if b.binding.show and b.enabled}
        assert not welcome & {"save-profile", "cancel-profile"}  # nothing to save or leave yet
        await start(app, pilot, "Acme", industry="steel")
        await pilot.press("f3")
        await pilot.pause()
        shown = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()
                 if b.binding.show and b.enabled}
        assert shown.get("save-profile") == "Save" and shown.get("cancel-profile") == "Cancel"
        app.screen.query_one("#name").value = "Acme Works"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert _saved(app)["enterprise"]["name"] == "Acme Works"
