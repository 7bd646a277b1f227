"""The progress line under a question: a bar, answered / asked, time left, provisional grade."""

from __future__ import annotations

from rich.cells import cell_len
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

    def on_resize(self) -> None:
        # its width is known only once laid out: the first update (on resume) had none, so
        # the whole line was shown and cut at 80 columns, grade and all (a first-time user)
        self.call_after_refresh(self.update_status)

    def update_status(self) -> None:
        state, lang = self.state, self.state.lang
        done, total = state.progress()
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        a = state.assessment() if self.show_grade else None
        text = self.query_one("#progress-text", Static)
        text.update(status_text(state.q, lang, done, total, state.minutes_left(), a, len(state.unrated()),
                                text.size.width or None))


def status_text(q: Questionnaire, lang: str, done: int, total: int, minutes: int,
                a: Assessment | None, unrated: int = 0, width: int | None = None) -> str:
    """Progress, the checklist items left unrated (they count as not met; the question that
    has them says so too), then the provisional grade: its code and the score before its
    name, so that at 80 columns the name is what gets cut, never the score or the count
    (the count came last and was cut to a bare "· 7" at 80 columns).  Where the line is
    wider than ``width``, the time left is left out first, then the words around the grade."""
    count = t("unrated_short", lang, n=unrated) if unrated else ""
    grade = short = ""
    if a is not None:
        code = q.levels[a.level - 1].id if a.level > 0 else level_label(q, 0, lang)
        name = tr(q.levels[a.level - 1].name, lang) if a.level > 0 else ""
        score = score_text(q, a.score, a.level, 1)
        grade = "  " + t("tui_provisional", lang, code=code, name=name, score=score,
                         max=f"{a.score_max:g}").rstrip()
        short = "  " + t("tui_provisional_short", lang, code=code, score=score, max=f"{a.score_max:g}")
    progress = t("tui_progress_short", lang, done=done, total=total)
    tries = [t("tui_progress", lang, done=done, total=total, minutes=minutes) + count + grade,
             progress + count + grade, progress + count + short]
    return next((x for x in tries if width is None or cell_len(x) <= width), tries[-1])
