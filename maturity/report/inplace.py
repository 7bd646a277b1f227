"""What of a scenario is in place at the plant and what is not, in the index's own words
(the report's "Already in place here" and "Not yet in place here" lines)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..delivery import item_in_place
from ..i18n import t
from ..model.base import tr
from ..model.diagnosis import QuestionChange
from ..model.questionnaire import ChecklistQuestion, LevelQuestion, Questionnaire
from ..normalise import PartLevel
from .words import paren as _paren

_MISSING_SHOWN = 3


def have(q: Questionnaire, held: list[tuple[str, int | tuple[tuple[str, bool], ...]]],
          lang: str) -> list[str]:
    """What of a scenario the plant has, in the index's words: a level question's
    description at the level its answer reaches, a checklist's items rated (those rated
    only "partly" marked so, as they are still listed as not yet in place)."""
    out: list[str] = []
    for qid, got in held:
        question = q.questions[qid][2]
        if isinstance(got, tuple) and isinstance(question, ChecklistQuestion):
            text = {i.id: i.text for i in question.items}
            out += [tr(text[i], lang).rstrip("。.") + (_paren(t("in_part", lang), lang) if part else "")
                    for i, part in got if i in text]
        elif isinstance(got, int) and isinstance(question, LevelQuestion) and got in question.anchors:
            out.append(tr(question.anchors[got], lang))
    return [x.rstrip("。.") for x in out[:_MISSING_SHOWN]]


def missing(q: Questionnaire, changes: tuple[QuestionChange, ...], values: Mapping[str, Any],
             lang: str) -> list[str]:
    """The first few of a scenario's outstanding answers as the state to reach: a level
    question's description at its target level, a checklist's outstanding items (those it
    names, else those up to its target level not yet mostly met), else the question and
    its level change."""
    out: list[str] = []
    for c in changes:
        question = q.questions[c.question][2]
        if isinstance(question, ChecklistQuestion):
            rated = values.get(c.question)
            rated = rated if isinstance(rated, Mapping) else {}
            items = c.items or tuple(i.id for i in question.items if i.level <= c.to_level
                                     and not item_in_place(rated.get(i.id, 0.0)))
            text = {i.id: i.text for i in question.items}
            out += [tr(text[i], lang) for i in items if i in text]
        elif isinstance(question, LevelQuestion) and c.to_level in question.anchors:
            # every level still to reach: one skipped on the way is missing too (a "k+"
            # answer's next level is there in part, and says so)
            v = values.get(c.question)
            part = int(v) + 1 if isinstance(v, PartLevel) else None
            out += [tr(question.anchors[lv], lang).rstrip("。.")
                    + (_paren(t("in_part", lang), lang) if lv == part else "")
                    for lv in range(c.from_level + 1, c.to_level + 1) if lv in question.anchors]
        else:
            out.append(tr(question.text, lang) + _paren(f"L{c.from_level} → L{c.to_level}", lang))
    shown = [x.rstrip("。.") for x in out[:_MISSING_SHOWN]]  # listed with semicolons
    if len(out) > len(shown):  # never cut without saying so
        shown.append(t("and_more", lang, n=len(out) - len(shown)))
    return shown


def reaches(q: Questionnaire, changes: tuple[QuestionChange, ...], values: Mapping[str, Any],
            lang: str) -> str:
    """Where the step takes the plant, in one line: its first question's description at the
    level the scenario brings it to (not the first level still missing, which may be a
    state of paper and spreadsheets), else the first thing it puts in place."""
    if changes:
        question = q.questions[changes[0].question][2]
        if isinstance(question, LevelQuestion) and changes[0].to_level in question.anchors:
            return tr(question.anchors[changes[0].to_level], lang).rstrip("。.")
    first = missing(q, changes, values, lang)
    return first[0] if first else ""


__all__ = ["have", "missing", "reaches"]
