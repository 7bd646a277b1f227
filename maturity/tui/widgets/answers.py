"""Answer widgets, one per question kind. Each posts :class:`AnswerChanged`."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ...model.answers import RATING_VALUES
from ...model.base import tr
from ...model.questionnaire import (
    ChecklistQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    QuestionT,
    YesNoQuestion,
)
from ...validation import normalise


class AnswerChanged(Message):
    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class LevelAnswer(OptionList):
    """Pick the description that fits; the chosen one is marked ●."""

    def __init__(self, question: LevelQuestion, value: Any, lang: str, **kw: Any) -> None:
        self.question = question
        self.lang = lang
        self.value = value
        super().__init__(*self._make_options(), **kw)

    def _make_options(self) -> list[Option]:
        anchors = dict(self.question.anchors)
        out = []
        for level in range(0, max(anchors) + 1):
            text = tr(anchors[level], self.lang) if level in anchors else t("tui_not_yet", self.lang)
            mark = "●" if self.value == level else "○"
            out.append(Option(f"{mark} {level}  {text}", id=f"level-{level}"))
        return out

    def on_mount(self) -> None:
        self.highlighted = self.value if isinstance(self.value, int) else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.value = int(event.option.id.split("-")[1])  # type: ignore[union-attr]
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(self._make_options())
        self.highlighted = highlighted
        self.post_message(AnswerChanged(self.value))


class YesNoAnswer(OptionList):
    def __init__(self, question: YesNoQuestion, value: Any, lang: str, **kw: Any) -> None:
        self.value = value
        self.lang = lang
        super().__init__(*self._make_options(), **kw)

    def on_mount(self) -> None:
        self.highlighted = 1 if self.value is False else 0

    def _make_options(self) -> list[Option]:
        return [Option(f"{'●' if self.value is True else '○'} {t('tui_yes', self.lang)}", id="yes"),
                Option(f"{'●' if self.value is False else '○'} {t('tui_no', self.lang)}", id="no")]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.value = event.option.id == "yes"
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(self._make_options())
        self.highlighted = highlighted
        self.post_message(AnswerChanged(self.value))


class MultiAnswer(SelectionList[str]):
    def __init__(self, question: MultiQuestion, value: Any, lang: str, **kw: Any) -> None:
        chosen = set(value or [])
        super().__init__(*[(tr(o.text, lang), o.id, o.id in chosen) for o in question.options], **kw)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.post_message(AnswerChanged(list(self.selected)))


class NumberAnswer(Vertical):
    def __init__(self, question: NumberQuestion, value: Any, lang: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.question = question
        self.value = value
        self.lang = lang

    def compose(self) -> ComposeResult:
        unit = tr(self.question.unit, self.lang) if self.question.unit else ""
        yield Input(value="" if self.value is None else f"{self.value:g}",
                    placeholder=t("tui_number_hint", self.lang), id="number-input")
        hint = []
        if unit:
            hint.append(t("tui_unit", self.lang, unit=unit))
        lo = "" if self.question.min is None else f"{self.question.min:g}"
        hi = "" if self.question.max is None else f"{self.question.max:g}"
        hint.append(f"[{lo}, {hi}]")
        yield Static("  ".join(hint), id="number-hint")
        yield Static("", id="number-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        error = self.query_one("#number-error", Static)
        text = event.value.strip()
        if not text:
            error.update("")
            self.post_message(AnswerChanged(None))
            return
        try:
            value = normalise(self.question, text, 99)
        except ValueError as exc:
            error.update(str(exc))
            return
        error.update("")
        self.post_message(AnswerChanged(value))


RATINGS = ("fully", "mostly", "partly", "not")
RATING_LABELS = {"en": ("fully met", "mostly met", "partly met", "not met"),
                 "zh": ("完全满足", "大部分满足", "部分满足", "不满足")}


class ChecklistAnswer(Vertical):
    def __init__(self, question: ChecklistQuestion, value: Any, lang: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.question = question
        self.ratings: dict[str, Any] = dict(value or {})
        self.lang = lang

    def compose(self) -> ComposeResult:
        labels = RATING_LABELS.get(self.lang, RATING_LABELS["en"])
        for item in self.question.items:
            current = self.ratings.get(item.id)
            if isinstance(current, int | float):
                current = next((k for k, v in RATING_VALUES.items() if v == current), None)
            yield Static(f"L{item.level}  {tr(item.text, self.lang)}", classes="item-text")
            yield Select([(label, key) for label, key in zip(labels, RATINGS, strict=True)],
                         value=current if current in RATINGS else Select.NULL,
                         prompt=t("tui_item_rating", self.lang), id=f"item-{item.id}", compact=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        item = (event.select.id or "").removeprefix("item-")
        if event.value is Select.NULL or event.value is None:
            self.ratings.pop(item, None)
        else:
            self.ratings[item] = event.value
        self.post_message(AnswerChanged(dict(self.ratings) or None))


def answer_widget(question: QuestionT, value: Any, lang: str) -> Any:
    kinds = {"level": LevelAnswer, "yesno": YesNoAnswer, "multi": MultiAnswer,
             "number": NumberAnswer, "checklist": ChecklistAnswer}
    return kinds[question.kind](question, value, lang, classes="answer")
