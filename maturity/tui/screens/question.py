"""One question at a time, with the index tree, progress and a provisional grade."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Static, Tree

from ...explain import level_label
from ...i18n import t
from ...model.answers import NA
from ...model.base import tr
from ..keys import localize_bindings
from ..state import AssessmentState
from ..widgets.answers import AnswerChanged, answer_widget


class QuestionScreen(Screen):
    BINDINGS = [
        # priority: the answer widgets (lists, inputs) must not swallow page up / down
        Binding("pagedown,ctrl+n,ctrl+right", "next", "Next", id="next", priority=True),
        Binding("pageup,ctrl+left", "back", "Back", id="back", priority=True),
        Binding("ctrl+s", "skip", "Skip", id="skip"),
        Binding("f1,question_mark", "help", "Help", id="help"),
        Binding("ctrl+g", "toggle_grade", "Grade", id="toggle-grade"),
        Binding("ctrl+t", "toggle_tree", "Index", id="toggle-tree"),
        Binding("ctrl+r", "results", "Results", id="results"),
    ]

    def __init__(self, state: AssessmentState) -> None:
        super().__init__()
        self.state = state
        self.show_grade = True
        localize_bindings(self, state.lang)

    @property
    def lang(self) -> str:
        return self.state.lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal():
            yield Tree(tr(self.state.q.title, lang), id="tree")
            with Vertical(id="main"):
                yield Static("", id="crumb")
                yield Static("", id="qtext")
                with VerticalScroll(id="body"):
                    yield Static("", id="help")
                    yield Vertical(id="answer-box")
                    yield Checkbox(t("tui_na", lang), id="na")
                    yield Input(placeholder=t("tui_notes", lang), id="notes")
                with Horizontal(classes="buttons"):
                    yield Button(t("tui_back", lang), id="back", compact=True)
                    yield Button(t("tui_skip", lang), id="skip", compact=True)
                    yield Button(t("tui_next", lang), id="next", variant="primary", compact=True)
                    yield Button(t("tui_results", lang), id="results", compact=True)
                yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        if self.app.size.width < 90:  # an 80-column terminal: the question needs the room
            self.query_one("#tree", Tree).display = False
        asked = self.state.asked()
        position = self.state.session.position
        self.current = position if position in asked else (asked[0] if asked else "")
        self._build_tree()
        self._show()

    # ------------------------------------------------------------------ display

    def _build_tree(self) -> None:
        tree = self.query_one("#tree", Tree)
        tree.clear()
        tree.root.expand()
        asked = set(self.state.asked())
        lang = self.lang
        for dim in self.state.q.dimensions:
            ids = [f"{dim.id}.{i.id}.{x.id}" for i in dim.indicators for x in i.questions]
            ids = [q for q in ids if q in asked]
            done = sum(1 for q in ids if self.state.answered(q))
            node = tree.root.add(f"{tr(dim.name, lang)} {done}/{len(ids)}", expand=dim.id ==
                                 self.current.split(".")[0])
            for qid in ids:
                mark = "✓" if self.state.answered(qid) else "·"
                ind = self.state.q.questions[qid][1]
                text = tr(self.state.question(qid).text, lang)
                node.add_leaf(f"{mark} {tr(ind.name, lang)}: {text[:40]}", data=qid)

    def _show(self) -> None:
        lang = self.lang
        qid = self.current
        if not qid:
            return
        dim, ind, question = self.state.q.questions[qid]
        asked = self.state.asked()
        self.query_one("#crumb", Static).update(
            f"{tr(dim.name, lang)} › {tr(ind.name, lang)}   ({asked.index(qid) + 1}/{len(asked)})")
        self.query_one("#qtext", Static).update(tr(question.text, lang))
        help_box = self.query_one("#help", Static)
        help_box.update(tr(question.help, lang) if question.help else t("tui_no_help", lang))
        help_box.display = False
        box = self.query_one("#answer-box", Vertical)
        box.remove_children()
        value = self.state.session.answers.get(qid)
        widget = answer_widget(question, None if value == NA else value, lang)
        box.mount(widget)
        box.display = value != NA
        na = self.query_one("#na", Checkbox)
        na.display = question.allow_na
        with na.prevent(Checkbox.Changed):
            na.value = value == NA
        notes = self.query_one("#notes", Input)
        with notes.prevent(Input.Changed):
            notes.value = self.state.session.notes.get(qid, "")
        self.state.go_to(qid)
        self._status()
        self.call_after_refresh(self._focus_answer, widget)

    def _focus_answer(self, widget: Any) -> None:
        inputs = widget.query("Input, Select")
        (inputs.first() if inputs else widget).focus()

    def _status(self) -> None:
        asked = self.state.asked()
        done = sum(1 for q in asked if self.state.answered(q))
        filled = round(20 * done / max(len(asked), 1))
        progress = t("tui_progress", self.lang, done=done, total=len(asked),
                     minutes=self.state.minutes_left())
        text = "█" * filled + "░" * (20 - filled) + "  " + progress
        if self.show_grade:
            a = self.state.assessment()
            grade = level_label(self.state.q, a.level, self.lang)
            text += "   " + t("tui_provisional", self.lang, grade=grade, score=a.score)
        self.query_one("#status", Static).update(text)

    # ------------------------------------------------------------------ events

    def on_answer_changed(self, event: AnswerChanged) -> None:
        self.state.set_answer(self.current, event.value)
        na = self.query_one("#na", Checkbox)
        if na.value and event.value is not None:
            with na.prevent(Checkbox.Changed):
                na.value = False
        self._build_tree()
        self._status()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "na":
            self.state.set_answer(self.current, NA if event.value else None)
            self.query_one("#answer-box").display = not event.value
            self._build_tree()
            self._status()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "notes":
            self.state.set_note(self.current, event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the number or notes field moves on, as the hint says."""
        if event.input.id in ("number-input", "notes"):
            self.action_next()

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, str):
            self.jump(event.node.data)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"back": self.action_back, "next": self.action_next, "skip": self.action_skip,
                   "results": self.action_results}
        if event.button.id in actions:
            actions[event.button.id]()

    # ------------------------------------------------------------------ actions

    def jump(self, qid: str) -> None:
        if qid in self.state.q.questions:
            self.current = qid
            self._show()

    def _step(self, delta: int) -> None:
        asked = self.state.asked()
        if self.current not in asked:
            self.current = asked[0]
        n = asked.index(self.current) + delta
        if n >= len(asked):
            self.action_results()
            return
        self.current = asked[max(n, 0)]
        self._build_tree()
        self._show()

    def action_next(self) -> None:
        self._step(1)

    def action_skip(self) -> None:
        self._step(1)

    def action_back(self) -> None:
        self._step(-1)

    def action_help(self) -> None:
        box = self.query_one("#help", Static)
        box.display = not box.display

    def action_toggle_grade(self) -> None:
        self.show_grade = not self.show_grade
        self._status()

    def action_toggle_tree(self) -> None:
        tree = self.query_one("#tree", Tree)
        tree.display = not tree.display

    def action_results(self) -> None:
        self.app.show_results()  # type: ignore[attr-defined]

    def first_unanswered(self) -> str | None:
        return next((q for q in self.state.asked() if not self.state.answered(q)), None)

    def refresh_language(self) -> Any:
        self.app.switch_screen(QuestionScreen(self.state))
