"""The Textual app: screens, app-wide bindings (each with an id) and the command palette.

``maturity`` / ``maturity assess`` build it through :func:`maturity.tui.run`; tests build
it the same way and pass a fixed clock and ``cursor_blink=False`` for steady snapshots.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from ..errors import MaturityError
from ..i18n import default_lang, has, t
from ..loading import load_questionnaire, questionnaire_near
from ..lock import Lock, SessionLocked
from ..printable import one_line
from ..report.wrap import install as install_wrap
from ..session import Session, preference, save_preference
from .commands import AssessmentCommands
from .files import file_stem
from .screens.locked import LockedScreen
from .screens.question import QuestionScreen
from .screens.result import ResultScreen
from .screens.save_as import SaveAsScreen
from .screens.welcome import WelcomeScreen
from .state import AssessmentState
from .typeahead import TypeAhead

install_wrap()  # Chinese breaks between characters, not only at spaces


def _remembered_lang() -> str:
    """The language to start in: ``MATURITY_LANG``, else the one the user last chose in the
    TUI, else the locale's."""
    if os.environ.get("MATURITY_LANG"):
        return default_lang()
    saved = preference("language")
    return saved if saved in ("en", "zh") else default_lang()


def _remember_lang(lang: str) -> None:
    # a preference, not the user's answers: if it cannot be saved, the next run starts
    # in the locale's language
    with contextlib.suppress(OSError):
        save_preference("language", lang)


class MaturityApp(TypeAhead, App):
    """``maturity assess``: a guided self-assessment that never loses an answer."""

    CSS_PATH = "maturity.tcss"
    TITLE = "maturity"
    COMMANDS = App.COMMANDS | {AssessmentCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        # Textual adds this binding itself, with the word "palette"; declared here, it gets
        # an id and so the session's language (keys.Localised)
        Binding("ctrl+p", "command_palette", "palette", id="command-palette", show=False, priority=True),
        Binding("ctrl+l", "switch_language", "中文/English", id="switch-language"),
        Binding("ctrl+s", "save_as", "Save as", id="save-as", show=False),
        # priority: in a question's number or notes field, Textual's own ctrl+u (delete to the
        # start of the line) wiped the answer or note, and the save took it from the file
        Binding("ctrl+u", "show_unanswered", "Unanswered", id="show-unanswered", show=False,
                priority=True),
        Binding("f3", "edit_profile", "Profile", id="edit-profile", show=False),
    ]

    def __init__(self, questionnaire: str | None = None, answers: str | None = None,
                 lang: str | None = None, *, clock: Callable[[], dt.datetime] | None = None,
                 cursor_blink: bool = True) -> None:
        super().__init__()
        self.lang = lang or _remembered_lang()
        if lang:  # asked for on the command line: the next run starts in it too, as ctrl+l's
            _remember_lang(lang)
        self.asked_lang = lang
        """The language asked for on the command line (``--lang``): it wins over the own
        language of the file named with ``--answers`` in the same command, as switching
        with ctrl+l would; a session picked on the welcome screen keeps its own."""
        self.initial_questionnaire = questionnaire
        self.answers_path = Path(answers) if answers else None
        self.clock = clock or dt.datetime.now
        self.cursor_blink = cursor_blink
        self.show_grade = True
        self.state: AssessmentState | None = None

    def on_mount(self) -> None:
        if self.answers_path is not None and self.answers_path.exists():
            try:
                self.resume(self.answers_path, extra=self.answers_path, lang=self.asked_lang)
                return
            except (MaturityError, OSError, ValueError) as exc:
                self.notify(t("tui_answers_unreadable", self.lang, path=self.answers_path, reason=exc),
                            severity="error", timeout=30)
                self.answers_path = None  # never overwrite a file we could not read
        self.push_screen(WelcomeScreen(self.initial_questionnaire))

    # ------------------------------------------------------------------ flow

    def start(self, ref: str, profile: dict[str, str]) -> None:
        """A new session for ``profile`` on questionnaire ``ref``."""
        q = load_questionnaire(ref)
        session = Session(questionnaire=q.ref, language=self.lang, enterprise=profile,
                          extra_path=self.answers_path, assessed_on=self.clock().date(),
                          clock=self.clock)
        self._locked_open(q, session)

    def resume(self, path: Path, extra: Path | None = None, lang: str | None = None) -> None:
        """Continue the session saved in ``path`` (an autosave or any answers file), in its
        own language, or in ``lang`` when the same command line asked for one."""
        session = Session.load(path, clock=self.clock)
        session.extra_path = extra
        if extra is not None and session.diverges_from_autosave():
            # a copy of a session's file, edited and opened by name: it carries the session's
            # header, and its saves replaced that session's autosave (a user's welcome list
            # then showed the copy's answers for the original)
            session.id = uuid.uuid4().hex[:12]
            self.call_after_refresh(self.tell, t("tui_copy_own_session", self.lang))
        # an index installed nowhere is found beside the answers file that names it
        q = questionnaire_near(session.questionnaire, extra or path)
        if lang in ("zh", "en"):
            session.language = lang
        self._locked_open(q, session)  # in its language once open, not before: a dialog in
        # between is in the words on screen, and backing out of it changes nothing

    def _locked_open(self, q: Any, session: Session) -> None:
        """Open ``session`` holding its locks; if another process holds one, ask first."""
        self._release()  # one session at a time: the one open before is done with
        locks = [Lock(session.path)] + ([Lock(session.extra_path)] if session.extra_path else [])
        try:
            for lock in locks:
                lock.acquire()
        except SessionLocked as exc:
            for lock in locks:
                lock.release()

            def chosen(choice: str | None) -> None:
                if choice == "read-only":
                    session.read_only = True
                    self._open(q, session)
                    self.notify(t("tui_read_only", self.lang), severity="warning", timeout=30)
                elif choice == "copy":
                    copy = dataclasses.replace(session, id=uuid.uuid4().hex[:12], extra_path=None)
                    self._locked_open(q, copy)

            self.push_screen(LockedScreen(self.lang, exc.holder), chosen)
            return
        self.locks = locks
        self._open(q, session)

    def _release(self) -> None:
        for lock in getattr(self, "locks", []):
            lock.release()
        self.locks = []

    def on_unmount(self) -> None:
        self._release()

    def _open(self, q: Any, session: Session) -> None:
        if session.language in ("zh", "en") and session.language != self.lang:
            self.lang = session.language
            self.refresh_bindings()
        self.state = AssessmentState(q, session)
        try:
            session.save()
        except OSError as exc:
            self.notify(t("tui_save_failed", self.lang, reason=str(exc)), severity="error", timeout=20)
        screen = QuestionScreen(self.state)
        if isinstance(self.screen, WelcomeScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if self.state.asked() and not self.state.unanswered():  # a finished one: its result
            self.push_screen(ResultScreen(self.state))
        if session.kept_original is not None:  # once the screen it is said on is up
            message = t("tui_kept_original", self.lang, path=str(session.kept_original))
            self.call_after_refresh(self.tell, message)
        bad = session.unreadable(q)
        if bad:  # a file edited by hand: its grade fell with no word of why
            ids = ", ".join(map(one_line, bad[:5])) + (" …" if len(bad) > 5 else "")
            message = t("tui_unreadable", self.lang, n=len(bad), ids=ids)  # ids as typed, no markup
            self.call_after_refresh(
                lambda: self.notify(message, severity="warning", timeout=30, markup=False))

    def tell(self, message: str, timeout: float = 10) -> None:
        """Tell the user something that needs no answer: on the result screen on the line
        above the keys, where it covers nothing of the report; elsewhere as a toast."""
        if isinstance(self.screen, ResultScreen):
            self.screen.say(message)
        else:
            self.notify(message, timeout=timeout)

    def show_results(self) -> None:
        if self.state is not None and not isinstance(self.screen, ResultScreen):
            self.push_screen(ResultScreen(self.state))

    def question_screen(self) -> QuestionScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, QuestionScreen)), None)

    def jump_to(self, qid: str) -> None:
        screen = self.question_screen()
        if screen is not None:
            while self.screen is not screen:
                self.pop_screen()
            screen.jump(qid)

    def set_language(self, lang: str) -> None:
        """Every word on screen, the footer and the saved session in ``lang`` (also the
        language the next run starts in)."""
        self.lang = lang
        _remember_lang(lang)
        self.refresh_bindings()
        if self.state is None:
            if isinstance(self.screen, WelcomeScreen):
                self.switch_screen(WelcomeScreen(self.initial_questionnaire, self.screen.form()))
            return
        self.state.set_language(lang)
        screen = self.question_screen()
        if screen is None:
            return
        on_result = any(isinstance(s, ResultScreen) for s in self.screen_stack)
        profile = self.screen if isinstance(self.screen, WelcomeScreen) and self.screen.editing else None
        while self.screen is not screen:
            self.pop_screen()
        self.switch_screen(QuestionScreen(self.state))
        if on_result:
            self.push_screen(ResultScreen(self.state))
        if profile is not None:  # the profile being edited, as typed so far, in the new words
            self.push_screen(WelcomeScreen(self.state.q.ref, profile.form(), editing=True),
                             self._profile_saved)

    # ------------------------------------------------------------------ actions

    def action_command_palette(self) -> None:
        """Textual's command palette, with its search prompt in the session's language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=t("tui_palette_search", self.lang)))

    def get_system_commands(self, screen: Any) -> Iterable[SystemCommand]:
        """Textual's own palette entries (Theme, Quit, Keys, Maximize, Screenshot…), their
        words in the session's language where we have them."""
        for command in super().get_system_commands(screen):
            key = "tui_sys_" + command.title.lower()
            if has(key):
                title, help_text = t(key, self.lang).split("|", 1)
                command = command._replace(title=title, help=help_text)
            yield command

    def action_switch_language(self) -> None:
        self.set_language("en" if self.lang == "zh" else "zh")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_unanswered":  # a form's text field (profile, file name) keeps ctrl+u,
            # and a dialog (what-if) is not left by it, as it was not before the binding had priority
            return self.question_screen() is not None and not self.screen.is_modal and (
                isinstance(self.screen, QuestionScreen) or not isinstance(self.focused, Input | TextArea))
        return True

    def action_show_unanswered(self) -> None:
        screen = self.question_screen()
        if screen is None:
            return
        qid = screen.first_unanswered()
        if qid is None:
            unrated = self.state.unrated()  # type: ignore[union-attr]
            if not unrated:
                self.notify(t("tui_unanswered_none", self.lang))
                return
            self.notify(t("tui_unrated_left", self.lang, n=len(unrated)))
            self.jump_to(unrated[0].rsplit(".", 1)[0])
            return
        self.notify(t("tui_unanswered_count", self.lang, n=len(self.state.unanswered())))  # type: ignore[union-attr]
        self.jump_to(qid)

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in a text field): say how to quit, in the session's
        language (Textual's own note was English in the Chinese interface)."""
        self.notify(t("tui_help_quit", self.lang), title=t("tui_help_quit_title", self.lang))

    async def action_quit(self) -> None:
        """Quit; a profile being edited is saved first, as every answer already is (Ctrl+Q in
        the profile form threw the edit away, where the guide says nothing is lost)."""
        screen = self.screen
        if isinstance(screen, WelcomeScreen) and screen.editing:
            profile = screen.form()
            if profile.get("name"):  # without a name the profile saved before stays
                self._profile_saved(screen.profile())
        await super().action_quit()

    def action_edit_profile(self) -> None:
        """The enterprise profile of the session under way, in the welcome form (F3)."""
        if self.state is None or isinstance(self.screen, WelcomeScreen):
            return
        if self.state.session.read_only:  # another process holds it: nothing is written
            self.notify(t("tui_read_only", self.lang), severity="warning")
            return
        values = {"questionnaire": self.state.q.ref, **self.state.session.enterprise}
        self.push_screen(WelcomeScreen(self.state.q.ref, values, editing=True), self._profile_saved)

    def _profile_saved(self, profile: dict[str, Any] | None) -> None:
        state = self.state
        if profile is None or state is None or profile == state.session.profile():
            return  # left with Esc, or nothing changed
        try:
            state.set_profile(profile)
        except OSError as exc:
            self.notify(t("tui_save_failed", self.lang, reason=str(exc)), severity="error")
            return
        screen = self.question_screen()
        message = t("tui_profile_saved", self.lang)
        if screen is not None:
            screen.revision = state.revision  # the status line's grade, scored with the profile
            asked = state.asked()
            if asked and screen.current not in asked:  # e.g. a process plant's question, for a
                # plant now discrete: answers typed there were saved to it (a first-time user)
                order = list(state.q.questions)
                at = order.index(screen.current) if screen.current in order else -1
                screen.jump(next((qid for qid in order[at + 1:] if qid in asked), asked[-1]))
                message += " " + t("tui_profile_moved", self.lang)
        if isinstance(self.screen, ResultScreen):  # the diagnosis of the profile as it is now
            self.switch_screen(ResultScreen(state))
        self.call_after_refresh(self.tell, message)

    def action_save_as(self) -> None:
        if self.state is None:
            return
        state = self.state
        safe = file_stem(state.session.enterprise.get("name") or state.session.id, "answers")

        def save(path: Path | None) -> None:
            if path is None:
                return
            try:
                state.session.save_as(path)
            except OSError as exc:
                self.notify(t("tui_save_failed", self.lang, reason=str(exc)), severity="error")
                return
            self.notify(t("tui_saved", self.lang, path=path.resolve()))  # where, not only the name

        self.push_screen(SaveAsScreen(self.lang, f"{safe}-answers.yaml"), save)

    # ------------------------------------------------------------------ exports

    @on(events.DeliveryComplete)
    def _delivered(self, event: events.DeliveryComplete) -> None:
        if event.name and event.name.startswith("maturity-export:"):
            what = t("tui_export_" + event.name.split(":", 1)[1], self.lang)
            where = str(event.path) if event.path is not None else t("tui_download", self.lang)
            self.tell(t("tui_exported", self.lang, what=what, path=where))

    @on(events.DeliveryFailed)
    def _delivery_failed(self, event: events.DeliveryFailed) -> None:
        if event.name and event.name.startswith("maturity-export:"):
            what = t("tui_export_" + event.name.split(":", 1)[1], self.lang)
            self.notify(t("tui_export_failed", self.lang, what=what, reason=str(event.exception)),
                        severity="error", timeout=15)
