"""Welcome: resume a saved assessment, or start one (index, language, enterprise profile)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ...loading import list_questionnaires, load_questionnaire
from ...model.base import tr
from ...session import list_sessions

SIZES = ("micro", "small", "medium", "large")


class WelcomeScreen(Screen):
    def __init__(self, questionnaire: str | None = None) -> None:
        super().__init__()
        self.preselect = questionnaire

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        lang = self.lang
        sessions, corrupt = list_sessions()
        self.sessions = sessions
        for c in corrupt:
            self.app.notify(t("tui_corrupt", lang, path=c.moved_to, reason=c.reason),
                            severity="warning", timeout=15)
        with VerticalScroll(id="welcome"):
            yield Static(t("tui_title", lang), id="title")
            yield Static(t("tui_welcome", lang), id="intro")
            if sessions:
                yield Label(t("tui_resume", lang), classes="section")
                yield OptionList(*[
                    Option(f"{s.enterprise or '—'} · {s.questionnaire} · "
                           f"{t('tui_saved_progress', lang, n=s.answered)} · {s.updated:%Y-%m-%d %H:%M}",
                           id=f"resume-{n}") for n, s in enumerate(sessions)], id="resume")
            yield Label(t("tui_new", lang), classes="section")
            infos = list_questionnaires(lang)
            options = [(f"{i.title} — {i.questions} · ~{i.minutes} min", i.id) for i in infos]
            default = self.preselect if self.preselect in {i.id for i in infos} else "general"
            yield Label(t("tui_index", lang))
            yield Select(options, value=default, allow_blank=False, id="questionnaire")
            yield Label(t("tui_language", lang))
            yield Select([("中文", "zh"), ("English", "en")], value=lang, allow_blank=False, id="language")
            yield Label(t("tui_name", lang))
            yield Input(placeholder=t("tui_name", lang), id="name")
            yield Label(t("industry", lang))
            yield Select([], id="industry", prompt=t("industry", lang))
            yield Label(t("production_type", lang))
            yield Select([], id="production_type", prompt=t("production_type", lang))
            yield Label(t("size", lang))
            yield Select([(t("size_" + s, lang), s) for s in SIZES], id="size", prompt=t("size", lang))
            yield Label(t("region", lang))
            yield Input(placeholder=t("region", lang), id="region")
            with Horizontal(classes="buttons"):
                yield Button(t("tui_start", lang), id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self._fill_profile(self.query_one("#questionnaire", Select).value)  # type: ignore[arg-type]
        if not self.sessions:
            self.query_one("#name", Input).focus()  # the one field everybody must fill

    def _fill_profile(self, ref: str) -> None:
        q = load_questionnaire(ref)
        lang = self.lang
        industry = self.query_one("#industry", Select)
        industry.set_options([(tr(i.name, lang), i.id) for i in q.industries])
        if q.industry:
            industry.value = q.industry
        ptype = self.query_one("#production_type", Select)
        ptype.set_options([(tr(p.name, lang), p.id) for p in q.production_types])
        if q.production_type and q.industry:
            ptype.value = q.production_type

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "questionnaire" and isinstance(event.value, str):
            self._fill_profile(event.value)
        elif event.select.id == "language" and isinstance(event.value, str) and event.value != self.lang:
            self.app.lang = event.value  # type: ignore[attr-defined]
            self.app.switch_screen(WelcomeScreen(self.query_one("#questionnaire", Select).value))  # type: ignore[arg-type]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        n = int((event.option.id or "resume-0").split("-")[1])
        self.app.resume(self.sessions[n].path)  # type: ignore[attr-defined]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("name", "region"):
            self._start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self._start()

    def _start(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if not name:
            self.app.notify(t("tui_need_name", self.lang), severity="error")
            self.query_one("#name", Input).focus()
            return
        profile = {"name": name, "region": self.query_one("#region", Input).value.strip()}
        for field in ("industry", "production_type", "size"):
            value = self.query_one(f"#{field}", Select).value
            if isinstance(value, str):
                profile[field] = value
        ref = self.query_one("#questionnaire", Select).value
        self.app.start(str(ref), profile)  # type: ignore[attr-defined]
