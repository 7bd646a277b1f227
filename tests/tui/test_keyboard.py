"""A whole SME assessment at 80×24 with the keyboard alone, as a new user would do it."""

from __future__ import annotations

import maturity
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.result import ResultScreen

from .helpers import make_app


async def test_a_full_sme_run_by_keyboard_alone_at_80x24(data_dir):
    app = make_app(questionnaire=None, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused.id == "name", "the one required field has the focus"
        # the index: two fields up, open the list, pick the SME index
        await pilot.press("shift+tab", "shift+tab", "enter", "down", "enter")
        assert app.screen.query_one("#questionnaire").value == "sme"
        # back to the name; Enter goes from field to field, and starts on the last one
        await pilot.press("tab", "tab", *"Keyboard Works", "enter")
        assert app.focused.id == "industry"
        await pilot.press("enter", "down", "down", "enter", "tab", "tab", "tab", *"Zhejiang", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        screen, state = app.screen, app.state
        assert state.session.enterprise["region"] == "Zhejiang"
        assert not screen.query_one("#tree").display, "at 80 columns the question gets the room"
        seen = 0
        while isinstance(app.screen, QuestionScreen):
            kind = state.question(screen.current).kind
            if kind == "level":
                await pilot.press("down", "down", "enter")  # level 2, and on
            elif kind == "number":
                await pilot.press(*"50", "enter")
            elif kind == "multi":
                await pilot.press("space", "down", "space", "enter")
            elif kind == "yesno":
                await pilot.press("y", "enter")
            else:
                await pilot.press("right", "enter")
            seen += 1
            assert seen <= len(state.asked()), "every question is one screen, and the run ends"
        assert isinstance(app.screen, ResultScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the scenario questions earn no points: the result says what they do instead
        notes = [str(label.render()) for label in app.screen.query(".dim-note")]
        assert notes and "grade rules" in notes[0]
        scores = [str(label.render()) for label in app.screen.query(".dim-score")]
        assert not any(text.endswith("/ 0") for text in scores), scores
        await pilot.press("m")
        await pilot.pause(0.1)
        path = state.session.path
    answers = maturity.load_answers(path)
    result = maturity.assess(maturity.questionnaire_for(answers), answers)
    assert result.completeness == 1.0 and result.level >= 1
    assert (data_dir / "exports" / "Keyboard_Works.md").exists()


async def test_help_lists_every_key_the_footer_has_no_room_for(data_dir):
    """A first-time user found F3 (the only way to correct the profile) in the command
    palette only, and no key for the Skip button: F1 now lists every key."""
    from .helpers import start

    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot, "Keys Works")
        await pilot.press("f1")
        await pilot.pause()
        box = app.screen.query_one("#help")
        assert box.display
        text = " ".join(box.content.text.split())  # what it shows, folded to its width
        for key in ("Ctrl+K skip", "F2 notes", "F3 enterprise profile", "Ctrl+U first unanswered",
                    "Ctrl+S save a copy"):
            assert key in text, key
