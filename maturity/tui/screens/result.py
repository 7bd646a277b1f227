"""The result: the same diagnosis as ``maturity report``, laid out for the terminal, with exports.

The diagnosis runs in a worker thread. The grade and the dimensions are drawn as widgets;
the sections that follow are the Markdown report's own, so the words are exactly those of
``maturity report``, drawn by Rich in one widget (Textual's Markdown widget made some
thousand widgets of them: 1.7 s before the screen showed after an answer changed).
Exports go through ``App.deliver_text``, which saves a file in a terminal and starts a
download under ``textual serve``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Label, LoadingIndicator, ProgressBar, Static

from ...diagnosis import diagnose
from ...i18n import t
from ...model.diagnosis import Diagnosis
from ...report import content, markdown
from ...report.rows import model_json
from ...report.views import Report
from ...report.words import colon, labelled_gaps
from ...session import DATA_ENV, data_dir
from ..files import file_stem, free_name
from ..keys import Localised
from ..state import AssessmentState

EXPORTS = ("html", "markdown", "json", "answers")
SAID_FOR = 20.0
"""Seconds a message stays on the result screen's line above the keys."""


class ResultScreen(Localised, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "export('html')", "HTML", id="export-html"),
        Binding("m", "export('markdown')", "Markdown", id="export-markdown"),
        Binding("j", "export('json')", "JSON", id="export-json"),
        Binding("a", "export('answers')", "Answers", id="export-answers"),
        Binding("w", "what_if", "What if", id="what-if"),
        Binding("escape,b", "back", "Back to questions", id="back-to-questions"),
    ]

    def __init__(self, state: AssessmentState) -> None:
        super().__init__()
        self.state = state
        self.diagnosis: Diagnosis | None = None
        self.report: Report | None = None
        self._said: Timer | None = None

    @property
    def lang(self) -> str:
        return self.state.lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="result"):
            yield LoadingIndicator(id="computing")
            yield Vertical(id="grade-card", classes="-empty")
            yield Vertical(id="dimension-bars", classes="-empty")
            with Horizontal(id="exports"):
                yield Label(t("tui_export", lang), id="export-label")
                for what in EXPORTS:
                    yield Button(t(f"tui_export_{what}", lang), id=f"export-{what}", compact=True)
            yield Static("", id="report")
        yield Static("", id="export-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#exports").display = False
        self.query_one("#export-status").display = False
        self.compute()

    def say(self, message: str) -> None:
        """Say something (where an export went) on a line of its own above the keys, where
        it covers nothing of the report and a whole path fits (a toast covered the report
        and broke paths mid-name)."""
        status = self.query_one("#export-status", Static)
        status.display = True
        status.update(Content(message))
        if self._said is not None:
            self._said.stop()
        self._said = self.set_timer(SAID_FOR, lambda: setattr(status, "display", False))

    @work(thread=True, exclusive=True)
    def compute(self) -> None:
        """Diagnose in a thread (about a second): the screen stays responsive."""
        d = diagnose(self.state.assessment(), self.state.q)
        report = content.build(self.state.q, d, self.lang)
        self.app.call_from_thread(self._show, d, report)

    def _show(self, d: Diagnosis, r: Report) -> None:
        self.diagnosis, self.report = d, r
        self.query_one("#computing").display = False
        self.query_one("#exports").display = True
        for part in self.query("#grade-card, #dimension-bars"):
            part.remove_class("-empty")
        card = self.query_one("#grade-card", Vertical)
        lines = [Static(Content.from_markup("$who", who=r.enterprise or r.title), id="who")]
        # what the grade was weighted and the advice chosen for (F3 corrects it)
        shown = {t(key, self.lang) for key in ("industry", "production_type", "size")}
        profile = " · ".join(value for label, value in r.facts if label in shown)
        if profile:
            lines.append(Static(Content(profile), id="who-profile"))
        lines += [Static(Content(r.grade), id="grade"),
                 Static(Content.from_markup("$score", score=(
                     f"{t('score', self.lang)} {r.score_text} / {r.score_max:g} · "
                     f"{t('completeness', self.lang)} {r.completeness_figure}")), id="grade-score")]
        if r.grade_description:
            lines.append(Static(Content(r.grade_description), id="grade-meaning"))
        steps = next_steps(r)
        if steps:
            title = {1: "tui_next_steps_1", 2: "tui_next_steps_2"}.get(len(steps), "tui_next_steps")
            lines.append(Static(Content(t(title, self.lang)), id="next-steps-title"))
            lines.append(Static(Content("\n".join(steps)), id="next-steps"))
        if r.why_not_title:
            lines.append(Static(Content(r.why_not_title), id="why-not-title"))
        if r.why_not:
            lines.append(Static(Content("\n".join(labelled_gaps(r.why_not, r.lang))), id="why-not"))
        card.mount_all(lines)
        bars = self.query_one("#dimension-bars", Vertical)
        rows: list[Static | Horizontal] = [Static(t("dimensions", self.lang), classes="section-title")]
        for row in r.dimensions:
            if row.note:  # worth no points: what it does instead (grade rules and progress)
                rows.append(Horizontal(Label(Content(row.name), classes="dim-name"),
                                       Label(Content(row.level), classes="dim-level"),
                                       Label(Content(row.note), classes="dim-note"),
                                       classes="dim-row dim-row-note"))
                continue
            bar = ProgressBar(total=row.score_max or 1, show_eta=False, classes="dim-bar")
            bar.progress = row.score
            rows.append(Horizontal(Label(Content(row.name), classes="dim-name"),
                                   Label(Content(row.level), classes="dim-level"), bar,
                                   Label(f"{row.score:.2f} / {row.score_max:g}", classes="dim-score"),
                                   classes="dim-row"))
        bars.mount_all(rows)
        from rich.markdown import Markdown

        self.query_one("#report", Static).update(Markdown(self.sections_markdown(r)))

    def sections_markdown(self, r: Report) -> str:
        """The Markdown report from its strengths section on (the top is drawn above)."""
        text = markdown.render(r, wide=False)
        start = text.find(f"\n## {t('strengths', r.lang)}")
        return text[start + 1:] if start >= 0 else text

    # ------------------------------------------------------------------ exports

    def export_text(self, what: str) -> tuple[str, str]:
        """(text, file name) of an export."""
        state = self.state
        safe = file_stem(state.session.enterprise.get("name") or state.session.id, "assessment")
        if what == "answers":
            return state.session.text(), f"{safe}.yaml"
        assert self.diagnosis is not None and self.report is not None
        if what == "json":
            return model_json(self.diagnosis), f"{safe}.json"
        if what == "html":
            from ...report import html  # finished by another change: imported when needed

            return html.render(self.report), f"{safe}.html"
        return markdown.render(self.report), f"{safe}.md"

    def action_export(self, what: str) -> None:
        if self.diagnosis is None and what != "answers":
            self.app.notify(t("tui_computing", self.lang))
            return
        try:
            text, name = self.export_text(what)
        except Exception as exc:  # a renderer failing must not end the session
            self.app.notify(t("tui_export_failed", self.lang, what=what, reason=str(exc)),
                            severity="error", timeout=15)
            return
        # Tests and kiosks (MATURITY_DATA_DIR) keep exports with the data; otherwise the
        # user's downloads folder, as Textual does, made if the account has none yet (a new
        # account or a server: a user found every export failing with "No such file or
        # directory"), else the working folder. Under `textual serve` it is a download.
        folder = data_dir() / "exports" if os.environ.get(DATA_ENV) else export_folder()
        folder.mkdir(parents=True, exist_ok=True)
        name = free_name(folder, name)
        self.app.deliver_text(io.StringIO(text), save_directory=folder, save_filename=name,
                              encoding="utf-8", name=f"maturity-export:{what}")

    @on(Button.Pressed)
    def _export_button(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("export-"):
            self.action_export(event.button.id.removeprefix("export-"))

    def action_what_if(self) -> None:
        """Pick a step and see the grade it would give, without changing the answers."""
        if self.diagnosis is None:
            self.app.notify(t("tui_computing", self.lang))
            return
        from .whatif import WhatIfScreen

        self.app.push_screen(WhatIfScreen(self.state, self.diagnosis))

    def action_back(self) -> None:
        self.app.pop_screen()


def export_folder() -> Path:
    """The user's downloads folder (made if missing), or the working folder where it cannot be."""
    from platformdirs import user_downloads_path

    folder = user_downloads_path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.cwd()
    return folder


def next_steps(r: Report, n: int = 3) -> list[str]:
    """The first ``n`` steps of the roadmap in plain words: the scenario, and where it
    takes the plant (else why it is picked).  What phase 1 improves directly comes after its
    scenarios and before later phases, with the first thing it asks (round 109: a plant one
    improvement short of L4 was shown three phase-2 steps towards L5 as its next three)."""
    sep = colon(r.lang)
    steps = [f"{s.name}{sep}{s.reaches or (s.why or [''])[0]}".rstrip(sep) for s in r.recommendations]
    if r.roadmap:
        at = len(r.roadmap[0][1])  # after phase 1's scenarios
        steps[at:at] = [f"{what}{sep}{ask}".rstrip(sep) for what, ask in r.direct_first]
    return [f"{k}. {x}" for k, x in enumerate(steps[:n], 1)]
