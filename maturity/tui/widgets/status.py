"""The progress line under a question: a bar, answered / asked, time left, provisional grade."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ...explain import level_label
from ...i18n import t
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
        text = t("tui_progress", lang, done=done, total=total, minutes=state.minutes_left())
        if self.show_grade:
            a = state.assessment()
            text += "  " + t("tui_provisional", lang, grade=level_label(state.q, a.level, lang),
                             score=f"{a.score:.1f}", max=f"{a.score_max:g}")
        self.query_one("#progress-text", Static).update(text)
