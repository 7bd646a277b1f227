"""Helpers of the TUI tests: the app built as ``maturity assess`` builds it, with a fixed clock
and no cursor blink, and the welcome form filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from maturity.tui.app import MaturityApp

DATA = Path(__file__).resolve().parent / "data"
KINDS = "tui_kinds"
"""tests/tui/data/tui_kinds.yaml: one question of each kind (and a follow-up), en + zh."""
NOW = dt.datetime(2026, 11, 2, 9, 30)
SIZE = (100, 32)


def fixed_clock() -> dt.datetime:
    return NOW


def make_app(questionnaire: str | None = KINDS, lang: str = "en", answers: str | None = None
             ) -> MaturityApp:
    return MaturityApp(questionnaire=questionnaire, answers=answers, lang=lang, clock=fixed_clock,
                       cursor_blink=False)


def shown(screen) -> bool:
    """True once the question screen has put its question on screen (focus is _show's last step)."""
    from maturity.model.answers import NA

    answer, focused = screen.answer, screen.focused
    if answer is None or focused is None:
        return False
    if focused.id == "na":  # an answer of n/a: _show focuses the box, not the hidden widget
        return screen.state.session.answers.get(screen.current) == NA
    return focused is answer or answer in focused.ancestors


async def start(app: MaturityApp, pilot, name: str = "Pilot Works", **profile: str):
    """Fill the welcome form (name and any of industry / production_type / size / region), start."""
    from maturity.tui.screens.question import QuestionScreen
    from maturity.tui.screens.welcome import WelcomeScreen

    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WelcomeScreen)
    screen.query_one("#name").value = name
    for field, value in profile.items():
        screen.query_one(f"#{field}").value = value
    await pilot.pause()
    screen.query_one("#start").press()
    await pilot.pause()
    assert isinstance(app.screen, QuestionScreen)
    # its first question is on screen once on_mount has run (under load, one pause may
    # come before it: a clean-clone CI run once read the hint still empty)
    # (the answer widget exists before it is mounted; _show ends by focusing it, so wait
    # for the focus: a CI run once read the grade-rules line before _show had set it)
    for _ in range(200):
        if shown(app.screen):
            break
        await pilot.pause(0.01)
    assert shown(app.screen), "the first question never came on screen"
    return app.screen


EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def example_answers(folder: Path, lang: str = "en") -> Path:
    """A copy of the machinery example in ``lang`` (the TUI saves to the file it resumes)."""
    path = folder / "plant.yaml"
    text = (EXAMPLES / "machinery-plant.yaml").read_text("utf-8")
    path.write_text(text.replace("\nlanguage: en\n", f"\nlanguage: {lang}\n"), "utf-8")
    return path


async def open_result(app: MaturityApp, pilot) -> None:
    """Show the result screen and wait for its diagnosis."""
    await pilot.pause()
    app.show_results()
    await app.workers.wait_for_complete()
    await pilot.pause()


def text_of(static) -> str:
    """The text a Static shows, whether plain or folded (``widgets.folded.Folded``)."""
    content = getattr(static, "content", None)
    return content.text if hasattr(content, "text") and not isinstance(content, str) \
        else str(static.render())
