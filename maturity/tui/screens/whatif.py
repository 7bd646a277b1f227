"""What if…: from the result, pick an indicator to raise or a recommended scenario to do,
and see the grade it would give. Computed by the library's what-if; the saved answers
are never touched."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...explain import level_label, name_of, score_text
from ...i18n import t
from ...model.base import tr
from ...model.diagnosis import Diagnosis
from ...whatif import what_if
from ..keys import Localised
from ..state import AssessmentState


def choices(state: AssessmentState, d: Diagnosis) -> list[tuple[str, dict[str, Any]]]:
    """(label, changes): each indicator on the path or holding the grade back, one level
    up (or to the path's level), then each recommended scenario (its indicators raised)."""
    q, lang = state.q, state.lang
    out: list[tuple[str, dict[str, Any]]] = []
    levels = {i.id: i.level for dim in d.assessment.dimensions for i in dim.indicators}
    to = {i.indicator: i.to_level for i in (d.path.improvements if d.path else ())}
    for s in d.blocking:
        to.setdefault(s.indicator, min(len(q.levels), levels.get(s.indicator, 0) + 1))
    for ind, k in to.items():
        out.append((t("tui_whatif_raise", lang, name=name_of(q, ind, lang), level=level_label(q, k, lang)),
                    {ind: k}))
    names = {s.id: s.name for s in q.scenarios}
    for r in d.recommendations[:8]:
        if r.raises:
            out.append((t("tui_whatif_do", lang, name=tr(names[r.scenario], lang)),
                        {i.indicator: i.to_level for i in r.raises}))
    return out


class WhatIfScreen(Localised, ModalScreen[None]):
    """Choices on the left of the result; Enter shows the grade it would give."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="close-what-if"),
    ]

    def __init__(self, state: AssessmentState, diagnosis: Diagnosis) -> None:
        super().__init__()
        self.state = state
        self.diagnosis = diagnosis
        self.options = choices(state, diagnosis)

    @property
    def lang(self) -> str:
        return self.state.lang

    def compose(self) -> ComposeResult:
        with Vertical(id="what-if"):
            yield Label(t("tui_whatif_title", self.lang), id="what-if-title")
            yield OptionList(*(Option(Content(label)) for label, _ in self.options), id="what-if-options")
            yield Static(Content(t("tui_whatif_hint", self.lang)), id="what-if-result")
        # its own keys over the result screen's, which do not work while it is open (a user
        # pressed h for HTML, shown below the dialog, and nothing happened)
        yield Footer(compact=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        label, changes = self.options[event.option_index]
        q, lang = self.state.q, self.lang
        a = self.diagnosis.assessment
        result = what_if(a, changes, q)
        total = result.comparison.total
        text = t("tui_whatif_result", lang, what=label, grade=level_label(q, total.level_after, lang),
                 score=score_text(q, total.score_after, total.level_after),
                 delta=f"{total.score_after - total.score_before:+.2f}")
        if result.cleared:
            names = ", ".join(name_of(q, i, lang) for i in result.cleared[:4])
            names += ", …" if len(result.cleared) > 4 else ""
            text += "\n" + t("whatif_cleared", lang, names=names)
        self.query_one("#what-if-result", Static).update(Content(text + "\n" + t("tui_whatif_kept", lang)))

    def action_close(self) -> None:
        self.dismiss(None)
