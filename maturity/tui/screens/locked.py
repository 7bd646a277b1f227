"""The session is open in another window: open it read-only, open a copy, or go back."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ...i18n import t
from ...lock import Holder
from ..keys import Localised

Choice = Literal["read-only", "copy"] | None


class LockedScreen(Localised, ModalScreen[Choice]):
    """Dismisses with ``"read-only"``, ``"copy"`` or ``None`` (Escape: back)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="locked-back"),
    ]

    def __init__(self, lang: str, holder: Holder) -> None:
        super().__init__()
        self.lang = lang
        self.holder = holder

    def compose(self) -> ComposeResult:
        h = self.holder
        with Vertical(id="locked"):
            yield Label(t("tui_locked_title", self.lang), id="locked-title")
            yield Static(t("tui_locked_text", self.lang, pid=h.pid, host=h.host, since=h.since),
                         id="locked-text")
            with Horizontal(id="locked-buttons"):
                yield Button(t("tui_locked_read_only", self.lang), id="read-only", variant="primary",
                             compact=True)
                yield Button(t("tui_locked_copy", self.lang), id="copy", compact=True)
                yield Button(t("tui_locked_back", self.lang), id="back", compact=True)

    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(choice if choice in ("read-only", "copy") else None)  # type: ignore[arg-type]

    def action_back(self) -> None:
        self.dismiss(None)
