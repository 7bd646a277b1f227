"""The Textual app: screens, bindings (each with an id) and the command palette."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from .._io import write_atomic
from ..i18n import default_lang, t
from ..loading import load_questionnaire
from ..session import Session
from .commands import AssessmentCommands
from .keys import localize_bindings
from .screens.question import QuestionScreen
from .screens.result import ResultScreen
from .screens.welcome import WelcomeScreen
from .state import AssessmentState


class SaveAs(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-save-as")]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self):
        with Vertical(id="save-as"):
            yield Label(t("tui_save_as", self.lang))
            yield Input(placeholder="answers.yaml", id="path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MaturityApp(App):
    """``maturity assess``: a guided self-assessment that never loses an answer."""

    CSS_PATH = "maturity.tcss"
    TITLE = "maturity"
    COMMANDS = App.COMMANDS | {AssessmentCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("ctrl+l", "switch_language", "中文/English", id="switch-language"),
        Binding("ctrl+u", "show_unanswered", "Unanswered", id="show-unanswered"),
    ]

    def __init__(self, questionnaire: str | None = None, answers: str | None = None,
                 lang: str | None = None) -> None:
        super().__init__()
        self.lang = lang or default_lang()
        self.initial_questionnaire = questionnaire
        self.answers_path = Path(answers) if answers else None
        self.state: AssessmentState | None = None
        localize_bindings(self, self.lang)

    def on_mount(self) -> None:
        if self.answers_path is not None and self.answers_path.exists():
            self.resume(self.answers_path, extra=self.answers_path)
        else:
            self.push_screen(WelcomeScreen(self.initial_questionnaire))

    # ------------------------------------------------------------------ flow

    def start(self, ref: str, profile: dict[str, str]) -> None:
        q = load_questionnaire(ref)
        session = Session(questionnaire=q.ref, language=self.lang, enterprise=profile,
                          extra_path=self.answers_path)
        session.save()
        self._open(q, session)

    def resume(self, path: Path, extra: Path | None = None) -> None:
        session = Session.load(path)
        if extra is None and path.parent != session.path.parent:
            extra = path
        session.extra_path = extra
        self.lang = session.language or self.lang
        self._open(load_questionnaire(session.questionnaire), session)

    def _open(self, q, session: Session) -> None:
        self.state = AssessmentState(q, session)
        if self.screen_stack and isinstance(self.screen, WelcomeScreen):
            self.switch_screen(QuestionScreen(self.state))
        else:
            self.push_screen(QuestionScreen(self.state))

    def show_results(self) -> None:
        if self.state is not None:
            self.push_screen(ResultScreen(self.state))

    def jump_to(self, qid: str) -> None:
        screen = self._question_screen()
        if screen is not None:
            while self.screen is not screen:
                self.pop_screen()
            screen.jump(qid)

    def _question_screen(self) -> QuestionScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, QuestionScreen)), None)

    # ------------------------------------------------------------------ actions

    def action_show_unanswered(self) -> None:
        screen = self._question_screen()
        if screen is None:
            return
        qid = screen.first_unanswered()
        if qid is None:
            self.notify(t("tui_unanswered_none", self.lang))
        else:
            self.jump_to(qid)

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        localize_bindings(self, self.lang)
        self.refresh_bindings()
        if self.state is not None:
            self.state.session.language = self.lang
            self.state.session.save()
            screen = self._question_screen()
            if screen is not None:
                while self.screen is not screen:
                    self.pop_screen()
                self.switch_screen(QuestionScreen(self.state))
        elif isinstance(self.screen, WelcomeScreen):
            self.switch_screen(WelcomeScreen(self.initial_questionnaire))

    def action_save_as(self) -> None:
        if self.state is None:
            return

        def save(path: str | None) -> None:
            if path and self.state is not None:
                write_atomic(Path(path).expanduser(), self.state.session.text())
                self.notify(t("tui_saved", self.lang, path=path))

        self.push_screen(SaveAs(self.lang), save)
