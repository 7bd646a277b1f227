"""A whole SME assessment at 80×24 with the keyboard alone, as a new user would."""

from __future__ import annotations

import maturity
from maturity.tui.app import MaturityApp
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.result import ResultScreen


async def test_a_full_sme_run_by_keyboard_alone_at_80x24():
    app = MaturityApp(questionnaire="sme", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # the name field: tab to it from the first field, type, Enter starts
        for _ in range(8):
            if app.focused is not None and app.focused.id == "name":
                break
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "name"
        await pilot.press(*"Keyboard Works", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        screen = app.screen
        state = app.state
        seen = 0
        while isinstance(app.screen, QuestionScreen):
            qid = screen.current
            kind = state.question(qid).kind
            if kind in ("level", "yesno"):
                await pilot.press("down", "enter")
            elif kind == "number":
                await pilot.press(*"50")
            elif kind == "multi":
                await pilot.press("space", "down", "space")
            elif kind == "checklist":
                await pilot.press("enter", "down", "enter")
            await pilot.pause()
            await pilot.press("pagedown")
            await pilot.pause()
            seen += 1
            assert seen < 200, "the run must end at the result screen"
        assert isinstance(app.screen, ResultScreen)
        await app.workers.wait_for_complete()
        path = state.session.path
    answers = maturity.load_answers(path)
    result = maturity.assess(maturity.questionnaire_for(answers), answers)
    assert result.answered >= 25 and result.completeness > 0.9
