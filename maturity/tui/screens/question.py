"""One question at a time, with the index, progress, time left and a provisional grade."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, SelectionList, Static, Tree

from ...explain import gate_progress
from ...i18n import t
from ...model.answers import NA
from ...model.base import tr
from ..keys import Localised
from ..state import AssessmentState
from ..widgets import Advance, AnswerChanged, LevelAnswer, answer_widget
from ..widgets.checklist import RatingRow
from ..widgets.folded import Folded
from ..widgets.index_tree import IndexTree
from ..widgets.na import NotApplicable
from ..widgets.number import NumberAnswer
from ..widgets.status import StatusLine

TICK_BOX = 5
"""Columns a tick list's box and its gap take before the option's text."""
RULE_LEARNT = 3
"""Level questions answered after which the level rule is shown as a one-line reminder
(at 80x24 the full rule and the hint left room for levels 0-3 only)."""
STALE_FOR = 1.0
"""Seconds an answer widget stays (hidden) after its question leaves the screen."""
CHECK_AFTER = 0.8
"""Seconds of no typing after which a number answer's consistency checks run."""
NARROW = 100
"""Below this many columns the index starts hidden (Ctrl+T shows it)."""


class QuestionScreen(Localised, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the answer widgets (lists, inputs) must not swallow page up / down
        Binding("pagedown,ctrl+n", "next", "Next", id="next", priority=True),
        Binding("pageup,ctrl+b", "back", "Back", id="back", priority=True),
        Binding("ctrl+k", "skip", "Skip", id="skip", show=False, priority=True),
        Binding("f1,question_mark", "help", "Help", id="help"),
        Binding("ctrl+r", "results", "Results", id="results"),
        Binding("ctrl+t", "toggle_tree", "Index", id="toggle-tree"),
        Binding("ctrl+g", "toggle_grade", "Grade", id="toggle-grade", show=False),
        Binding("f2", "notes", "Notes", id="notes", show=False),
    ]

    revision: reactive[int] = reactive(0, init=False)
    """Mirrors :attr:`AssessmentState.revision`: the index and progress redraw on it."""

    def __init__(self, state: AssessmentState) -> None:
        super().__init__()
        self.state = state
        self.answer: Any = None
        """The answer widget of the question on screen."""
        self._checks_shown: set[str] = set()
        """Consistency checks said while the question on screen is shown (each once)."""
        self._before_na: dict[str, Any] = {}
        """The answer a question had when n/a was ticked: unticking gives it back."""
        self._pending_check: Any = None
        """The timer of a number's consistency check, run once typing pauses."""
        asked = state.asked()
        position = state.session.position
        self.current = position if position in asked else next(iter(state.unanswered()), "") or \
            (asked[0] if asked else "")

    @property
    def lang(self) -> str:
        return self.state.lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="question-layout"):
            tree = IndexTree(self.state, id="tree")
            # an 80-column terminal: the question needs the room (decided here, before the
            # first frame, so the tree never flashes in and no test races the mount)
            tree.display = self.app.size.width >= NARROW
            yield tree
            with Vertical(id="main"):
                yield Static("", id="crumb")
                yield Static("", id="qtext")
                yield Static("", id="help")
                yield Static("", id="hint")
                yield Static("", id="gate")
                yield Vertical(id="answer-box")
                yield Static("", id="detail")
                with Horizontal(id="extras"):
                    yield NotApplicable(t("tui_na", lang), id="na", compact=True)
                    yield Input(placeholder=t("tui_notes", lang), id="notes", compact=True)
                with Horizontal(id="nav"):
                    yield Button(t("tui_back", lang), id="back", compact=True)
                    yield Button(t("tui_skip", lang), id="skip", compact=True)
                    yield Button(t("tui_next", lang), id="next", variant="primary", compact=True)
                    yield Button(t("tui_results", lang), id="results", compact=True)
        yield StatusLine(self.state, id="status")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.query_one("#notes", Input).cursor_blink = getattr(self.app, "cursor_blink", True)
        self.query_one(StatusLine).show_grade = getattr(self.app, "show_grade", True)
        await self._show()

    # ------------------------------------------------------------------ display

    def _crumb(self) -> None:
        """Where the question sits, and its number among the questions asked now (a
        follow-up opened by an answer counts at once, as in the progress line)."""
        qid, lang = self.current, self.lang
        if not qid:
            return
        dim, ind, _ = self.state.q.questions[qid]
        asked = self.state.asked()
        n = asked.index(qid) + 1 if qid in asked else 0
        self.query_one("#crumb", Static).update(
            f"{tr(dim.name, lang)} › {tr(ind.name, lang)}  ·  "
            + t("tui_position", lang, n=n, total=len(asked)))

    def watch_revision(self) -> None:
        self._crumb()
        self.query_one(IndexTree).update_marks(self.current)
        self.query_one(StatusLine).update_status()
        self._update_gate()

    def _update_gate(self) -> None:
        """Under a question that earns no points but sets the grade rules (the SME index's
        scenarios), say so, with the rules' progress: otherwise the live grade looks stuck."""
        gate = self.query_one("#gate", Static)
        text = ""
        if self.current:
            dim_id = self.current.split(".", 1)[0]
            a = self.state.assessment()
            if any(d.id == dim_id and d.score_max == 0 for d in a.dimensions):
                text = gate_progress(self.state.q, a, dim_id, self.lang)
        gate.update(text)
        gate.display = bool(text)

    async def _show(self) -> None:
        """Put the current question on screen, its answer widget focused.

        Async on purpose: the old answer widget is gone and the new one mounted and focused
        before the next key is handled, so a fast typist's keys never land elsewhere.
        """
        lang = self.lang
        qid = self.current
        if not qid:
            return
        self._said_not_kept()
        question = self.state.q.questions[qid][2]
        self._crumb()
        text = tr(question.text, lang)
        if question.kind == "level":  # the rule in full until it is known, then a reminder
            known = sum(1 for q in self.state.asked() if self.state.q.questions[q][2].kind == "level"
                        and self.state.answered(q)) >= RULE_LEARNT
            text += "\n" + t("tui_level_rule_short" if known else "tui_level_rule", lang)
        # folded as Chinese is set: no line starts with "，" or ends with "（"; Latin words whole
        self.query_one("#qtext", Static).update(Folded(text))
        help_box = self.query_one("#help", Static)
        # and every key, those the footer has no room for too (F3 was found only in the palette)
        help_box.update(Folded((tr(question.help, lang) if question.help else t("tui_no_help", lang))
                               + "\n\n" + t("tui_keys", lang)))
        help_box.display = False
        self.query_one("#detail").display = False
        self._checks_shown = set()
        self._rated_note()
        help_box.remove_class("-full")
        self.query_one("#hint", Static).update(self._hint())
        box = self.query_one("#answer-box", Vertical)
        value = self.state.session.answers.get(qid)
        shown = None if value == NA else value
        old = [w for w in box.children if w.display]  # not those already on their way out
        if isinstance(self.answer, LevelAnswer) and question.kind == "level" and old == [self.answer]:
            old = []  # one level question after another: same widget, new choices
            self.answer.qid = qid
            self.answer.show_question(question, shown)
        else:
            self.answer = answer_widget(question, shown, lang)
            self.answer.qid = qid
            await box.mount(self.answer)
        box.display = value != NA
        na = self.query_one("#na", Checkbox)
        na.display = question.allow_na
        with na.prevent(Checkbox.Changed):
            na.value = value == NA
        notes = self.query_one("#notes", Input)
        with notes.prevent(Input.Changed):
            notes.value = self.state.session.notes.get(qid, "")
        self._save(self.state.go_to, qid)
        self.watch_revision()
        self._focus_answer()
        if old:  # hidden now, removed once the keys typed ahead into it have passed on
            for widget in old:
                widget.display = False
            self.set_timer(STALE_FOR, partial(box.remove_children, old))

    def _hint(self) -> str:
        """The key hint of the question on screen."""
        lang, qid = self.lang, self.current
        question = self.state.q.questions[qid][2]
        if self.state.session.answers.get(qid) == NA:
            return t("tui_hint_na", lang)
        hint = t(f"tui_hint_{question.kind}", lang)
        return hint + t("tui_hint_help", lang) if question.help else hint

    def _focus_answer(self) -> None:
        if self.state.session.answers.get(self.current) == NA:
            self.set_focus(self.query_one("#na"))
            return
        widget = self.answer
        inner = list(widget.query("Input, RatingRow"))
        # a checklist rated in part opens on its first unrated item (a user who quit halfway
        # through one came back to item 1)
        unrated = next((w for w in inner if isinstance(w, RatingRow) and w.rating is None), None)
        self.set_focus(unrated or (inner[0] if inner else widget))
        if unrated is not None:  # once laid out: focused below the fold, a digit rated it unseen
            self.call_after_refresh(unrated.scroll_visible, animate=False)

    def _save(self, change: Any, *args: Any) -> None:
        """Apply a change to the state (which saves it); a failed save is shown, never lost silently."""
        try:
            change(*args)
        except OSError as exc:
            self.app.notify(t("tui_save_failed", self.lang, reason=str(exc)), severity="error",
                            timeout=20)
        self.revision = self.state.revision

    # ------------------------------------------------------------------ events

    def on_answer_changed(self, event: AnswerChanged) -> None:
        """Save a change to the question it was made on (a change can arrive after Enter
        has already shown the next question)."""
        event.stop()
        qid = event.qid or self.current
        self._save(self.state.set_answer, qid, event.value)
        na = self.query_one("#na", Checkbox)
        if qid == self.current and na.value and event.value is not None:
            with na.prevent(Checkbox.Changed):
                na.value = False
        if qid == self.current:
            self._rated_note()
        if self.state.q.questions[qid][2].kind == "number":
            # a number is checked once typing pauses, not at each key: its first digit is not
            # the answer (typing 85 warned that the rate was below 50 %, from the 8)
            if self._pending_check is not None:
                self._pending_check.stop()
            self._pending_check = self.set_timer(CHECK_AFTER, partial(self._check_consistency, qid))
            return
        self._check_consistency(qid)

    def _check_consistency(self, qid: str) -> None:
        """As an answer is given, say once which of the questionnaire's consistency checks
        it sets off (a warning: the answer is saved as given)."""
        for finding in self.state.implausible(qid):
            if finding.check not in self._checks_shown:  # once while the question is on screen:
                self._checks_shown.add(finding.check)    # a number being typed passes through values
                self.app.notify(tr(finding.message, self.lang), title=t("please_check", self.lang),
                                severity="warning", timeout=12, markup=False)

    def _rated_note(self) -> None:
        """Under a checklist, how many of its items are rated while some are not: at 80x24
        only about five show, and one rated item already counts the question as answered
        (the Chinese first-time user could not tell that rows were left)."""
        question = self.state.q.questions[self.current][2]
        if question.kind != "checklist":
            return
        value = self.state.session.answers.get(self.current)
        rated = len(value) if isinstance(value, dict) else 0
        detail = self.query_one("#detail", Static)
        detail.update(Content(t("tui_rated", self.lang, n=rated, total=len(question.items))))
        detail.display = value != NA and 0 < rated < len(question.items)

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        """A tick-list option cut to the list's width is shown whole below the list (the
        English first-time user could not read "Production execution: … (MES / MO…")."""
        self._show_whole(event.selection_list, str(event.selection.prompt))

    def _show_whole(self, options: SelectionList, text: str, tries: int = 3) -> None:
        width = options.scrollable_content_region.width
        if not width and tries:  # highlighted before the list was laid out: decide once it is
            self.call_after_refresh(self._show_whole, options, text, tries - 1)
            return
        detail = self.query_one("#detail", Static)
        detail.update(Folded(text))
        detail.display = cell_len(text) > width - TICK_BOX

    async def on_advance(self, event: Advance) -> None:
        event.stop()
        await self.action_next()

    async def advance(self) -> None:
        """Go on from the question on screen, called from within the key's own action
        (``widgets.messages.advance``), so that the keys typed after it find the next one."""
        await self.action_next()

    async def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id != "na":
            return
        if event.value:
            before = self.state.session.answers.get(self.current)
            if before is not None and before != NA:
                self._before_na[self.current] = before
            self._save(self.state.set_answer, self.current, NA)
            self.query_one("#answer-box").display = False
            self.query_one("#hint", Static).update(t("tui_hint_na", self.lang))
        else:
            # the answer given before n/a was ticked comes back, and the focus stays on the
            # box: unticking put it on the choices, where the next Space saved level 0
            self._save(self.state.set_answer, self.current, self._before_na.pop(self.current, None))
            await self._show()
            self.set_focus(self.query_one("#na"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "notes":
            self._save(self.state.set_note, self.current, event.value)

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "notes":
            await self.action_next()

    async def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if isinstance(event.node.data, str):
            await self.go(event.node.data)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "results":
            self.action_results()
            return
        actions = {"back": self.action_back, "next": self.action_next, "skip": self.action_skip}
        if event.button.id in actions:
            await actions[event.button.id]()

    # ------------------------------------------------------------------ actions

    def _said_not_kept(self) -> None:
        """Leaving a number field that holds no answer (150 for a share, letters) by PgDn,
        PgUp, the index or Ctrl+U went on without a word, and the earlier answer stayed: say
        so, with the field's own reason, as Enter does."""
        old = self.answer
        if not isinstance(old, NumberAnswer) or old.valid or not old.is_mounted:
            return
        typed = old.query_one("#number-input", Input).value.strip()
        if typed:
            why = old.query_one("#number-error", Static)
            self.notify(t("tui_number_left", self.lang, typed=typed, why=str(why.render())),
                        severity="warning", timeout=12, markup=False)

    async def go(self, qid: str) -> None:
        """Show question ``qid`` (if it is asked)."""
        if qid in self.state.asked():
            self.current = qid
            await self._show()

    def jump(self, qid: str) -> None:
        """Show question ``qid`` once the screen is free (for the app and the command palette)."""
        self.call_later(self.go, qid)

    async def action_next(self) -> None:
        asked = self.state.asked()
        n = asked.index(self.current) + 1 if self.current in asked else 0
        if n >= len(asked):
            self.action_results()
            return
        await self.go(asked[n])

    async def action_back(self) -> None:
        asked = self.state.asked()
        n = asked.index(self.current) - 1 if self.current in asked else 0
        await self.go(asked[max(n, 0)])

    async def action_skip(self) -> None:
        """Leave this one for later: the next unanswered question (after this one, then from the top)."""
        asked = self.state.asked()
        n = asked.index(self.current) if self.current in asked else -1
        later = [q for q in asked[n + 1:] + asked[:n] if not self.state.answered(q)]
        if later:
            await self.go(later[0])
        else:
            self.action_results()

    def action_help(self) -> None:
        """F1: the question's help in the room the choices had (so a long text is not cut at
        80x24); F1 again: back to the choices."""
        box = self.query_one("#help", Static)
        opening = not box.display
        box.display = opening
        box.set_class(opening, "-full")
        answer = self.query_one("#answer-box")
        answer.display = not opening and self.state.session.answers.get(self.current) != NA
        self.query_one("#hint", Static).update(
            t("tui_hint_help_open", self.lang) if opening else self._hint())
        if not opening:
            self._focus_answer()

    def action_notes(self) -> None:
        self.query_one("#notes").focus()

    def action_toggle_grade(self) -> None:
        status = self.query_one(StatusLine)
        status.show_grade = not status.show_grade
        self.app.show_grade = status.show_grade  # type: ignore[attr-defined]
        status.update_status()

    def action_toggle_tree(self) -> None:
        tree = self.query_one(IndexTree)
        tree.display = not tree.display
        if tree.display:
            tree.focus()
            self.call_after_refresh(tree.update_marks, self.current)  # the cursor on this question
        else:
            self._focus_answer()

    def action_results(self) -> None:
        self.app.show_results()  # type: ignore[attr-defined]

    def first_unanswered(self) -> str | None:
        return next(iter(self.state.unanswered()), None)
