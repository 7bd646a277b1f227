"""One language on screen at a time: a dialog shown before a session opens is in the words
already on screen, and backing out of it changes nothing."""

from __future__ import annotations

from maturity.lock import Lock
from maturity.session import Session
from maturity.tui.screens.locked import LockedScreen
from maturity.tui.screens.question import QuestionScreen
from maturity.tui.screens.welcome import WelcomeScreen

from .helpers import SIZE, make_app


async def test_backing_out_of_the_lock_dialog_leaves_the_screen_in_one_language(data_dir):
    """An English session held by another window, resumed from a Chinese start screen:
    the dialog came up in English, and after Esc the Chinese form had an English footer."""
    held = Session(questionnaire="tui_kinds@1", language="en", enterprise={"name": "Held"})
    held.save()
    other = Lock(held.path)
    other.acquire()
    try:
        app = make_app(questionnaire=None, lang="zh")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # resume the one session listed
            await pilot.pause()
            assert isinstance(app.screen, LockedScreen) and app.lang == "zh"
            assert "只读" in str(app.screen.query_one("#read-only").label)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen) and app.lang == "zh"
            footer = [b.binding.description for b in app.screen.active_bindings.values()]
            assert "退出" in footer and "Quit" not in footer
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#read-only").press()
            await pilot.pause()
            assert isinstance(app.screen, QuestionScreen) and app.lang == "en"  # its own language
    finally:
        other.release()
