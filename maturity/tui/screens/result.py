"""The result: the same diagnosis as `maturity report`, with exports."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from ...diagnosis import diagnose
from ...i18n import t
from ...report import content, markdown
from ..keys import localize_bindings
from ..state import AssessmentState


class ResultScreen(Screen):
    BINDINGS = [
        Binding("h", "export('html')", "HTML", id="export-html"),
        Binding("m", "export('markdown')", "Markdown", id="export-markdown"),
        Binding("j", "export('json')", "JSON", id="export-json"),
        Binding("a", "export('answers')", "Answers", id="export-answers"),
        Binding("escape,b", "back", "Back to questions", id="back-to-questions"),
    ]

    def __init__(self, state: AssessmentState) -> None:
        super().__init__()
        self.state = state
        self.diagnosis = None
        localize_bindings(self, state.lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="result"):
            yield Static(t("tui_computing", self.state.lang), id="computing")
            yield Markdown("", id="report")
        yield Footer()

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True)
    def compute(self) -> None:
        a = self.state.assessment()
        d = diagnose(a, self.state.q)
        text = markdown.render(content.build(self.state.q, d, self.state.lang))
        self.app.call_from_thread(self._show, d, text)

    def _show(self, d, text: str) -> None:
        self.diagnosis = d
        self.query_one("#computing").display = False
        self.query_one("#report", Markdown).update(text)

    def export_text(self, what: str) -> tuple[str, str]:
        """(text, file name) of an export; the TUI delivers it (terminal or browser)."""
        state = self.state
        stem = state.session.enterprise.get("name") or state.session.id
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)[:60] or "assessment"
        if what == "answers":
            return state.session.text(), f"{safe}.yaml"
        assert self.diagnosis is not None
        if what == "json":
            return self.diagnosis.model_dump_json(indent=2) + "\n", f"{safe}.json"
        report = content.build(state.q, self.diagnosis, state.lang)
        if what == "html":
            from ...report import html

            return html.render(report), f"{safe}.html"
        return markdown.render(report), f"{safe}.md"

    def action_export(self, what: str) -> None:
        if self.diagnosis is None and what != "answers":
            return
        import io

        from ...session import data_dir

        text, name = self.export_text(what)
        folder = data_dir() / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        self.app.deliver_text(io.StringIO(text), save_directory=folder, save_filename=name,
                              encoding="utf-8")
        self.app.notify(t("tui_exported", self.state.lang, what=what, path=folder / name))

    def action_back(self) -> None:
        self.app.pop_screen()
