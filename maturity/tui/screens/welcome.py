"""Welcome: resume an autosaved assessment, or start one (index, language, enterprise profile)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from ...errors import MaturityError
from ...i18n import t
from ...loading import load_questionnaire
from ...model.base import tr
from ...printable import printable
from ...session import SavedSession, list_sessions
from ..indices import indices
from ..keys import Localised
from ..widgets.folded import Folded
from ..widgets.ticks import TickList

SIZES = ("micro", "small", "medium", "large")
PROFILE = ("name", "industry", "production_type", "product_kind", "size", "region")


def _yes_no(value: object) -> str | object:
    """A profile's ``energy_intensive`` as the select's value (blank when not given)."""
    return ("yes" if value else "no") if isinstance(value, bool) else Select.NULL


class WelcomeScreen(Localised, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "start", "Start", id="start", show=False),
        # editing the profile (F3): the footer says how to save and how to leave, since
        # the Save button can be below the fold at 80x24
        Binding("ctrl+o", "save_profile", "Save", id="save-profile"),
        Binding("escape", "cancel", "Cancel", id="cancel-profile"),
    ]

    def __init__(self, questionnaire: str | None = None, values: dict[str, Any] | None = None,
                 editing: bool = False) -> None:
        """``editing``: the profile of the session under way, on its own index (F3): the
        same form, saved with Enter on "Save" or Ctrl+O, left with Esc; a first-time user
        who had picked the wrong industry could not change it, nor a misspelt name."""
        super().__init__()
        self.preselect = questionnaire
        self.values = values or {}
        self.editing = editing
        self.sessions: list[SavedSession] = []

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined]

    def _session_line(self, s: SavedSession) -> str:
        lang = self.lang
        try:
            title = tr(load_questionnaire(s.questionnaire).title, lang)
        except MaturityError:
            title = s.questionnaire
        progress = f"{s.answered}/{s.total}" if s.total is not None else str(s.answered)
        done = s.total is not None and s.answered >= s.total
        progress = t("tui_resume_done" if done else "tui_resume_open", lang, progress=progress)
        return t("tui_resume_line", lang, name=printable(s.enterprise or "—"), title=title, progress=progress,
                 date=f"{s.updated:%Y-%m-%d %H:%M}")

    def compose(self) -> ComposeResult:
        lang = self.lang
        sessions, corrupt = ([], []) if self.editing else list_sessions(clock=self.app.clock)  # type: ignore[attr-defined]
        self.sessions = sessions
        for c in corrupt:
            where = c.moved_to if c.moved_to is not None else c.original
            self.app.notify(t("tui_corrupt", lang, path=where, reason=c.reason),
                            title=t("tui_corrupt_title", lang), severity="warning", timeout=30)
        # the form in the order it is filled in, Start last: a Start docked at the bottom came
        # before the functions list in the Tab order and covered the fields above it (a
        # first-time user with saved assessments never saw the list before starting), and the
        # scroll area itself was a Tab stop where Enter did nothing
        with VerticalScroll(id="welcome", can_focus=False):
            yield Static(t("tui_profile_title" if self.editing else "tui_title", lang), id="title")
            yield Static(Folded(t("tui_profile_intro" if self.editing else "tui_welcome", lang)),
                         id="intro")  # no line starts with "。"
            if sessions:
                yield Label(t("tui_resume", lang), classes="section")
                yield OptionList(*[Option(self._session_line(s), id=f"resume-{n}")
                                   for n, s in enumerate(sessions)], id="resume", compact=True)
            if not self.editing:
                yield Label(t("tui_new", lang), classes="section")
            infos = indices(lang)
            options = [(t("tui_index_line", lang, title=i.title, n=i.questions - i.conditional,
                          minutes=i.minutes, extra=t("n_conditional", lang, m=i.conditional)
                          if i.conditional else ""), i.id)
                       for i in infos]
            ids = {i.id for i in infos}
            chosen = self.values.get("questionnaire") or self.preselect
            if self.editing:  # the session's own index, whichever version or file it is
                q = self.app.state.q  # type: ignore[attr-defined]
                options, ids, chosen = [(f"{tr(q.title, lang)} ({q.ref})", q.ref)], {q.ref}, q.ref
            default = chosen if chosen in ids else "general" if "general" in ids else infos[0].id
            with Grid(id="profile"):
                # a session's index and language are not changed here: another index is
                # another assessment, and Ctrl+L switches the language anywhere
                yield Label(t("tui_index", lang))
                yield Select(options, value=default, allow_blank=False, id="questionnaire", compact=True,
                             disabled=self.editing)
                yield Label(t("tui_language", lang), id="language-label")
                yield Select([("中文", "zh"), ("English", "en")], value=lang, allow_blank=False,
                             id="language", compact=True)
                yield Label(t("tui_name", lang))
                yield Input(self.values.get("name", ""), placeholder=t("tui_name_placeholder", lang),
                            id="name", compact=True, select_on_focus=False)
                yield Label(t("industry", lang), id="industry-label")
                yield Select([], id="industry", prompt=t("tui_choose", lang), compact=True)
                yield Label(t("production_type", lang), id="production_type-label")
                yield Select([], id="production_type", prompt=t("tui_choose", lang), compact=True)
                # the kind of product decides which scenarios fit (remote O&M only for equipment)
                yield Label(t("product_kind", lang), id="product_kind-label")
                yield Select([], id="product_kind", prompt=t("tui_choose", lang), compact=True)
                yield Label(t("size", lang))
                # the national size classes of industrial enterprises (MIIT et al., 2011)
                yield Select([(t("tui_size_" + s, lang), s) for s in SIZES], id="size",
                             prompt=t("tui_choose", lang), compact=True,
                             value=self.values.get("size") or Select.NULL)
                # energy a major cost or not: a plant where it is minor gets energy steps last
                yield Label(t("energy_intensive", lang), id="energy_intensive-label")
                yield Select([(t("yes", lang), "yes"), (t("no", lang), "no")], id="energy_intensive",
                             prompt=t("tui_choose", lang), compact=True,
                             value=_yes_no(self.values.get("energy_intensive")))
                yield Label(t("region", lang))
                yield Input(self.values.get("region", ""), placeholder=t("tui_region_placeholder", lang),
                            id="region", compact=True, select_on_focus=False)
            # functions the group or a contractor runs: no advice is given in them
            yield Label(t("tui_run_elsewhere", lang), classes="section", id="run_elsewhere-label")
            yield TickList[str](id="run_elsewhere", compact=True)
            with Horizontal(id="start-row"):
                yield Button(t("tui_profile_save" if self.editing else "tui_start", lang), id="start",
                             variant="primary", compact=True)
                yield Static(t("tui_profile_hint" if self.editing else "tui_start_hint", lang),
                             id="start-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        blink = getattr(self.app, "cursor_blink", True)
        for field in self.query(Input):
            field.cursor_blink = blink
        for widget in (self.query_one("#language"), self.query_one("#language-label")):
            widget.display = not self.editing
        self._fill_profile(str(self.query_one("#questionnaire", Select).value))
        if self.sessions:
            self.query_one("#resume").focus()
        else:
            self.query_one("#name", Input).focus()  # the one field everybody must fill

    def _fill_profile(self, ref: str) -> None:
        q = self.app.state.q if self.editing else load_questionnaire(ref)  # type: ignore[attr-defined]
        lang = self.lang
        industry = self.query_one("#industry", Select)
        # filled in, not picked: no Changed, which would replace a production type given
        # with it by the industry's usual one (a saved "process" textile mill came back
        # "mixed" when its profile was opened again)
        with industry.prevent(Select.Changed):
            industry.set_options([(tr(i.name, lang), i.id) for i in q.industries])
            wanted = self.values.get("industry") or q.industry
            if wanted in {i.id for i in q.industries}:
                industry.value = wanted
        ptype = self.query_one("#production_type", Select)
        ptype.set_options([(tr(p.name, lang), p.id) for p in q.production_types])
        wanted = self.values.get("production_type")
        self._suggested: object = None  # the production type the form put in, not the user
        if wanted in {p.id for p in q.production_types}:
            ptype.value = wanted
            if wanted == self._usual(q, industry.value):
                self._suggested = wanted  # as the industry suggests: another industry may change it
        else:
            self._default_ptype()
        kind = self.query_one("#product_kind", Select)
        kind.set_options([(tr(k.name, lang), k.id) for k in q.product_kinds])
        wanted = self.values.get("product_kind")
        if wanted in {k.id for k in q.product_kinds}:
            kind.value = wanted
        # an index without product kinds, industries or production types (a model that is
        # not about manufacturing) does not ask for them
        for field, known in (("product_kind", q.product_kinds), ("industry", q.industries),
                             ("production_type", q.production_types)):
            for widget in (self.query_one(f"#{field}"), self.query_one(f"#{field}-label")):
                widget.display = bool(known)
        elsewhere = self.query_one("#run_elsewhere", SelectionList)
        wanted = set(self.values.get("run_elsewhere") or ())
        elsewhere.clear_options()
        elsewhere.add_options([(tr(f.name, lang), f.id, f.id in wanted) for f in q.functions])
        label = self.query_one("#run_elsewhere-label", Label)
        label.update(t("tui_run_elsewhere_scoped", lang, level=q.elsewhere_level) if q.elsewhere_level
                     else t("tui_run_elsewhere", lang))
        for widget in (elsewhere, label):
            widget.display = bool(q.functions)
        for widget in (self.query_one("#energy_intensive"), self.query_one("#energy_intensive-label")):
            widget.display = q.asks_energy_intensive

    @staticmethod
    def _usual(q: Any, industry: object) -> str | None:
        return next((i.production_type for i in q.industries if i.id == industry), None)

    def _default_ptype(self) -> None:
        """The industry's usual production type, until the user picks one: a type the user
        chose is kept when the industry changes (a plant saved as "mixed" became "process"
        when its industry was corrected, unsaid)."""
        q = self.app.state.q if self.editing else load_questionnaire(  # type: ignore[attr-defined]
            str(self.query_one("#questionnaire", Select).value))
        usual = self._usual(q, self.query_one("#industry", Select).value)
        ptype = self.query_one("#production_type", Select)
        chosen = ptype.value not in (Select.NULL, None, getattr(self, "_suggested", None))
        if usual in {p.id for p in q.production_types} and not chosen:
            ptype.value = usual
            self._suggested = usual

    def form(self) -> dict[str, Any]:
        """What the user has entered (kept when the language changes)."""
        out: dict[str, Any] = {"questionnaire": self.query_one("#questionnaire", Select).value}
        for field in PROFILE:
            widget = self.query_one(f"#{field}")
            value = widget.value  # type: ignore[attr-defined]
            if isinstance(value, str) and value.strip():
                out[field] = value.strip()
        energy = self.query_one("#energy_intensive", Select)
        if energy.display and energy.value in ("yes", "no"):
            out["energy_intensive"] = energy.value == "yes"
        elsewhere = self.query_one("#run_elsewhere", SelectionList)
        if elsewhere.display and elsewhere.selected:
            out["run_elsewhere"] = list(elsewhere.selected)
        return out

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "questionnaire" and isinstance(event.value, str):
            self._fill_profile(event.value)
        elif event.select.id == "industry":
            self._default_ptype()
        elif event.select.id == "language" and isinstance(event.value, str) and event.value != self.lang:
            self.app.set_language(event.value)  # type: ignore[attr-defined]

    def on_key(self, event: events.Key) -> None:
        """Typing while the resume list has the focus means a new assessment: type the name."""
        focused = self.focused
        if focused is not None and focused.id == "resume" and event.is_printable and event.character:
            event.stop()
            name = self.query_one("#name", Input)
            name.focus()
            name.insert_text_at_cursor(event.character)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        n = int((event.option.id or "resume-0").split("-")[1])
        self.app.resume(self.sessions[n].path)  # type: ignore[attr-defined]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter goes on to the next field; on the last field (the region, where the index asks
        # no functions list) it starts: the functions list is never skipped unseen
        if event.input.id == "region" and not self.query_one("#run_elsewhere").display:
            self.action_start()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def profile(self) -> dict[str, Any] | None:
        """The profile as the form gives it; ``None`` (and the user told) without a name."""
        form = self.form()
        if not form.get("name"):
            self.app.notify(t("tui_need_name", self.lang), severity="error")
            self.query_one("#name", Input).focus()
            return None
        return {k: form[k] for k in (*PROFILE, "energy_intensive", "run_elsewhere") if k in form
                and (k not in ("product_kind", "industry", "production_type")
                     or self.query_one(f"#{k}").display)}

    def action_start(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        if self.editing:
            self.dismiss(profile)
            return
        self.app.start(str(self.query_one("#questionnaire", Select).value), profile)  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save_profile", "cancel"):
            return self.editing  # only while editing: hidden from the welcome's footer
        if action == "start":
            return not self.editing  # Ctrl+O is "save" then (the binding above, shown)
        return True

    def action_save_profile(self) -> None:
        self.action_start()

    def action_cancel(self) -> None:
        if self.editing:
            self.dismiss(None)

