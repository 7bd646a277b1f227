"""SVG snapshots of each screen at a fixed size, in English and Chinese.

Textual is pinned exactly in pyproject.toml because snapshots change between versions.
Regenerate after an intended change: ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from maturity.tui.app import MaturityApp

DATA = Path(__file__).resolve().parents[1] / "data"
SIZE = (100, 32)


@pytest.fixture
def kinds(monkeypatch, tmp_path):
    folder = tmp_path / "indices"
    folder.mkdir()
    (folder / "five_kinds.yaml").write_text((DATA / "five_kinds.yaml").read_text("utf-8"), "utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(folder))
    return "five_kinds"


def _steady(app) -> None:
    for widget in app.screen.query("Input"):
        widget.cursor_blink = False


def _at_question(n: int, answer: bool = False):
    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        app.screen.query_one("#name").value = "Snapshot Works"
        app.screen.query_one("#start").press()
        await pilot.pause()
        for _ in range(n):
            await pilot.press("ctrl+n")
            await pilot.pause()
        if answer:
            await pilot.press("enter")
        _steady(app)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_welcome(snap_compare, kinds, lang):
    async def run_before(pilot) -> None:
        await pilot.pause()
        _steady(pilot.app)

    assert snap_compare(MaturityApp(questionnaire=kinds, lang=lang), terminal_size=SIZE,
                        run_before=run_before)


@pytest.mark.parametrize("n,kind", [(0, "level"), (1, "number"), (2, "multi"), (3, "checklist"),
                                    (4, "yesno")])
def test_question_of_each_kind_en(snap_compare, kinds, n, kind):
    assert snap_compare(MaturityApp(questionnaire=kinds, lang="en"), terminal_size=SIZE,
                        run_before=_at_question(n, answer=kind in ("level", "yesno")))


@pytest.mark.parametrize("n,kind", [(0, "level"), (1, "number"), (2, "multi"), (3, "checklist"),
                                    (4, "yesno")])
def test_question_of_each_kind_zh(snap_compare, kinds, n, kind):
    assert snap_compare(MaturityApp(questionnaire=kinds, lang="zh"), terminal_size=SIZE,
                        run_before=_at_question(n, answer=kind in ("level", "yesno")))


def test_question_on_a_light_theme(snap_compare, kinds):
    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await _at_question(0, answer=True)(pilot)

    assert snap_compare(MaturityApp(questionnaire=kinds, lang="en"), terminal_size=SIZE,
                        run_before=run_before)


def test_question_at_80x24(snap_compare, kinds):
    assert snap_compare(MaturityApp(questionnaire=kinds, lang="zh"), terminal_size=(80, 24),
                        run_before=_at_question(3))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_result(snap_compare, kinds, lang):
    async def run_before(pilot) -> None:
        await _at_question(0, answer=True)(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(MaturityApp(questionnaire=kinds, lang=lang), terminal_size=SIZE,
                        run_before=run_before)
