"""The guided self-assessment in the terminal (Textual). Imported only by ``maturity assess``."""

from __future__ import annotations


def run(questionnaire: str | None = None, answers: str | None = None, lang: str | None = None) -> int:
    from .app import MaturityApp

    MaturityApp(questionnaire=questionnaire, answers=answers, lang=lang).run()
    return 0
