"""Save as…: a copy of the answers file wherever the user wants it (autosave goes on as before)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...i18n import t
from ..keys import Localised


class SaveAsScreen(Localised, ModalScreen[Path | None]):
    """Asks for a path; dismisses with it (``~`` expanded) or ``None`` on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-save-as"),
    ]

    def __init__(self, lang: str, suggestion: str) -> None:
        super().__init__()
        self.lang = lang
        self.suggestion = suggestion
        self.confirmed: Path | None = None
        """An existing file the user was told about: Enter again on it replaces it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="save-as"):
            yield Label(t("tui_save_as", self.lang), id="save-as-title")
            yield Input(self.suggestion, id="save-as-path")
            yield Static(t("tui_save_as_hint", self.lang), id="save-as-hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.dismiss(None)
            return
        path = Path(text).expanduser()
        if path.exists() and path != self.confirmed:  # a user's file was replaced unasked
            self.confirmed = path
            self.query_one("#save-as-hint", Static).update(
                t("tui_save_as_exists", self.lang, path=str(path.resolve())))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
