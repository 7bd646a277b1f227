"""Who answered and what they noted, in words: a merged answers file (the report's
Respondents section and ``maturity merge``) and the notes beside the answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..i18n import has, t
from ..model.answers import ENTERPRISE_NOTES, Merged
from ..model.base import tr
from ..model.questionnaire import Questionnaire
from ..printable import printable
from .words import colon as _colon
from .words import join as _join
from .words import paren as _paren


def respondent_lines(q: Questionnaire, merged: Merged, lang: str) -> list[str]:
    """A merged file in words (the report and ``maturity merge``): the first line says who
    answered and how the answers were combined; one line per disagreement follows, with
    each respondent's answer, the level it reaches, and their notes."""
    names = _join([s.respondent for s in merged.sources], lang)
    apart = t("merged_apart", lang, n=len(merged.disagreements)) if merged.disagreements \
        else t("merged_agree", lang)
    out = [t("merged_intro", lang, n=len(merged.sources), names=names, rule=t(f"rule_{merged.rule}", lang))
           + ("" if lang == "zh" else " ") + apart]
    for d in merged.disagreements:
        said = _join([f"{who} {_answer(v, lang)}" + (_paren(t("at_level", lang, n=d.levels[who]), lang)
                                                if d.levels.get(who) is not None else "")
                      for who, v in d.answers.items()], lang, semi=True)
        # a note of several lines is one line here, its lines joined by spaces (merge's account
        # escapes what is left, a newline in a name, as \x0a)
        notes = _join([f"{who}: {_flat(text)}" for who, text in d.notes.items()],
                      lang, semi=True)
        text = tr(q.questions[d.question][2].text, lang) if d.question in q.questions else d.question
        out.append(text + _paren(d.question, lang) + _colon(lang) + said
                   + (f" — {notes}" if notes else ""))
    return out


def note_lines(q: Questionnaire, notes: Mapping[str, str], lang: str) -> list[str]:
    """The notes beside the answers, the evidence for them, in the index's order: the
    profile's first, then each question's, named by its text and id.  A note of several
    lines is one line here, its lines joined by spaces (a first-time user's notes reached
    no report: head office got a grade without the evidence behind it)."""
    out = []
    for key in ENTERPRISE_NOTES:
        field = key.split(".", 1)[1]
        if (notes.get(key) or "").strip():
            out.append((t(field, lang) if has(field) else field) + _colon(lang) + _flat(notes[key]))
    for qid, (_, _, question) in q.questions.items():
        if (notes.get(qid) or "").strip():
            out.append(tr(question.text, lang) + _paren(qid, lang) + _colon(lang) + _flat(notes[qid]))
    return out


def _flat(text: str) -> str:
    return printable(" ".join(str(text).split()))


def _answer(value: Any, lang: str = "en") -> str:
    """An answer as its respondent wrote it, short; yes and no as words (a consultant read
    "Liu Yang True (level 3); Zhang San False (level 0)")."""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)
