"""A merged answers file in words (the report's Respondents section and ``maturity merge``)."""

from __future__ import annotations

from typing import Any

from ..i18n import t
from ..model.answers import Merged
from ..model.base import tr
from ..model.questionnaire import Questionnaire
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
        notes = _join([f"{who}: {' '.join(str(text).split())}" for who, text in d.notes.items()],
                      lang, semi=True)
        text = tr(q.questions[d.question][2].text, lang) if d.question in q.questions else d.question
        out.append(text + _paren(d.question, lang) + _colon(lang) + said
                   + (f" — {notes}" if notes else ""))
    return out


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
