"""The progress line under a question: a bar, answered / asked, time left, provisional grade."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ...explain import level_label, score_text
from ...i18n import t
from ...model.assessment import Assessment
from ...model.base import tr
from ...model.questionnaire import Questionnaire
from ..state import AssessmentState


class StatusLine(Horizontal):
    def __init__(self, state: AssessmentState, **kw) -> None:
        super().__init__(**kw)
        self.state = state
        self.show_grade = True

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
        yield Static("", id="progress-text")

    def update_status(self) -> None:
        state, lang = self.state, self.state.lang
        done, total = state.progress()
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        a = state.assessment() if self.show_grade else None
        self.query_one("#progress-text", Static).update(
            status_text(state.q, lang, done, total, state.minutes_left(), a, len(state.unrated())))


def status_text(q: Questionnaire, lang: str, done: int, total: int, minutes: int,
                a: Assessment | None, unrated: int = 0) -> str:
    """Progress, then the provisional grade: its code and the score before its name, so
    that at 80 columns the name is what gets cut, never the score; then the checklist items
    left unrated, which count as not met (the question that has them says so too)."""
    text = t("tui_progress", lang, done=done, total=total, minutes=minutes)
    if a is not None:
        code = q.levels[a.level - 1].id if a.level > 0 else level_label(q, 0, lang)
        name = tr(q.levels[a.level - 1].name, lang) if a.level > 0 else ""
        text += "  " + t("tui_provisional", lang, code=code, name=name,
                         score=score_text(q, a.score, a.level, 1), max=f"{a.score_max:g}").rstrip()
    return text + (t("unrated_short", lang, n=unrated) if unrated else "")
