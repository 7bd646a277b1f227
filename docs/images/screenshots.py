"""Export the user guide's screenshots (SVG, drawn by Textual itself) into docs/images/.

    python docs/images/screenshots.py

Each screen is reached with Pilot, the way tests/tui does, at 100×32 with a fixed clock
and no cursor blink; nothing is written outside a temporary data directory.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "machinery-plant.yaml"
SIZE = (100, 32)
NAME = {"en": "Jining Huaxin Machinery", "zh": "济宁华鑫机械"}
QUESTIONS = {"level": "strategy.organisation.leadership", "checklist": "strategy.organisation.mechanisms",
             "number": "factory.equipment.cnc_rate", "multi": "strategy.talent.roles"}
KEYS = {"level": ["1"], "checklist": ["right", "down", "2"], "number": [*"42"],
        "multi": ["space", "down", "down", "space"]}


def clock() -> dt.datetime:
    return dt.datetime(2026, 11, 2, 9, 30)


async def shoot(name: str, lang: str, steps, answers: str | None = None) -> None:
    from maturity.tui.app import MaturityApp

    app = MaturityApp(questionnaire="general", answers=answers, lang=lang, clock=clock, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(app, pilot)
        await pilot.pause()
        app.clear_notifications()  # a toast would show this script's temporary paths
        await pilot.pause()
        (HERE / f"{name}.svg").write_text(app.export_screenshot(title="maturity"), "utf-8")


async def welcome(app, pilot) -> None:
    app.screen.query_one("#name").value = NAME[app.lang]
    app.screen.query_one("#industry").value = "machinery"
    app.screen.query_one("#region").value = "山东" if app.lang == "zh" else "Shandong"


def question(kind: str, help_shown: bool = False):
    async def steps(app, pilot) -> None:
        await welcome(app, pilot)
        app.screen.query_one("#start").press()
        await pilot.pause()
        await app.screen.go(QUESTIONS[kind])
        await pilot.press(*KEYS[kind], *(["f1"] if help_shown else []))

    return steps


async def result(app, pilot) -> None:
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def main() -> None:
    data = tempfile.mkdtemp(prefix="maturity-shots-")
    os.environ["MATURITY_DATA_DIR"] = data
    try:
        for lang in ("en", "zh"):
            await shoot(f"welcome-{lang}", lang, welcome)
            await shoot(f"question-level-{lang}", lang, question("level", help_shown=True))
            answers = Path(data) / f"example-{lang}.yaml"
            answers.write_text(EXAMPLE.read_text("utf-8").replace("language: en", f"language: {lang}"),
                               "utf-8")
            await shoot(f"result-{lang}", lang, result, answers=str(answers))
        await shoot("question-checklist-en", "en", question("checklist"))
        await shoot("question-number-en", "en", question("number"))
        await shoot("question-multi-zh", "zh", question("multi"))
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
