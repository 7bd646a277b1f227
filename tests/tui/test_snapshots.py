"""SVG snapshots: the welcome screen, a question of each kind and the result, in English and
Chinese, at a fixed size (plus one at 80×24 and one on a light theme).

Deterministic: a fixed clock (the only date on screen is the saved session's), no cursor
blink, a test index that does not change with the real ones, and Textual pinned exactly in
pyproject.toml because snapshots change between versions. After an intended change:
``pytest tests/tui --snapshot-update``, then look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from maturity.session import Session

from .helpers import NOW, SIZE, fixed_clock, make_app, start

# question → keys that leave it answered on screen (without moving on)
KEYS = {"level": ["2"], "number": [*"250"], "multi": ["space", "down", "down", "space"],
        "checklist": ["right", "down", "2"], "yesno": ["y"]}
POSITION = {"level": 0, "number": 1, "multi": 2, "checklist": 3, "yesno": 4}


def at_question(kind: str, then: tuple[str, ...] = ()):
    async def run_before(pilot) -> None:
        app = pilot.app
        screen = await start(app, pilot, "示例机械" if app.lang == "zh" else "Example Machinery",
                             industry="machinery")
        await screen.go(app.state.asked()[POSITION[kind]])
        await pilot.press(*KEYS[kind], *then)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_welcome(snap_compare, lang):
    saved = Session(questionnaire="tui_kinds@1", language=lang, clock=fixed_clock,
                    enterprise={"name": "示例机械" if lang == "zh" else "Example Machinery"},
                    answers={"ops.plan.lvl": 2, "ops.plan.num": 60}, assessed_on=NOW.date())
    saved.save()
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE)


@pytest.mark.parametrize("kind,lang", [("level", "en"), ("level", "zh"), ("number", "en"),
                                       ("multi", "zh"), ("checklist", "en")])
def test_question(snap_compare, kind, lang):
    then = ("f1",) if kind == "level" else ()  # the help, once
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE, run_before=at_question(kind, then))


def test_checklist_in_chinese_at_80x24(snap_compare):
    assert snap_compare(make_app(lang="zh"), terminal_size=(80, 24),
                        run_before=at_question("checklist"))


def test_yes_no_on_a_light_theme(snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await at_question("yesno")(pilot)

    assert snap_compare(make_app(lang="zh"), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_result(snap_compare, lang):
    async def run_before(pilot) -> None:
        app = pilot.app
        await start(app, pilot, "示例机械" if lang == "zh" else "Example Machinery", industry="machinery")
        await pilot.press("3", "enter", *"95", "enter", "space", "down", "space", "enter",
                          "1", "down", "1", "down", "2", "enter", "y", "enter", "2", "ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(lang=lang), terminal_size=SIZE, run_before=run_before)
