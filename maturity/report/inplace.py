"""What of a scenario is in place at the plant and what is not, in the index's own words
(the report's "Already in place here" and "Not yet in place here" lines)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from ..delivery import blank_gate, items_to_place, items_up_to, only_in_part
from ..i18n import t
from ..model.base import tr
from ..model.diagnosis import QuestionChange
from ..model.questionnaire import (
    ChecklistQuestion,
    ChoiceQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    Scenario,
    YesNoQuestion,
)
from ..normalise import PartLevel
from ..rating import rate
from ..requirements import option_level
from .words import join as _join
from .words import number as _number
from .words import paren as _paren

_MISSING_SHOWN = 3


def _first(out: list[str], lang: str) -> list[str]:
    """The first few of a list in words, and how many more: never cut without saying so."""
    shown = [x.rstrip("。.") for x in out[:_MISSING_SHOWN]]  # listed with semicolons
    if len(out) > len(shown):
        shown.append(t("and_more", lang, n=len(out) - len(shown)))
    return shown


def have(q: Questionnaire, held: list[tuple[str, int | tuple[str, ...]]],
          values: Mapping[str, Any], lang: str) -> list[str]:
    """What of a scenario the plant has (``delivery.in_place``), in the index's words: a
    level question's description at the level its answer reaches, a checklist's items in
    place, a multiple choice's options ticked, any other question with its answer."""
    out: list[str] = []
    for qid, got in held:
        question = q.questions[qid][2]
        if isinstance(got, tuple) and isinstance(question, ChecklistQuestion | MultiQuestion):
            entries = question.items if isinstance(question, ChecklistQuestion) else question.options
            text = {i.id: i.text for i in entries}
            out += [tr(text[i], lang).rstrip("。.") for i in got if i in text]
        elif isinstance(got, int) and isinstance(question, LevelQuestion) and got in question.anchors:
            out.append(tr(question.goal(got), lang))
        elif isinstance(question, YesNoQuestion) and question.goal and values.get(qid) is True:
            out.append(tr(question.goal, lang))
        elif isinstance(got, int) and not isinstance(question, LevelQuestion | ChecklistQuestion):
            out.append(_asked(question, _answer(question, values.get(qid), lang), lang))
    return _first(out, lang)


def missing(q: Questionnaire, changes: tuple[QuestionChange, ...], values: Mapping[str, Any],
             lang: str, unanswered: Collection[str] = ()) -> list[str]:
    """The first few of a scenario's outstanding answers as the state to reach: a level
    question's description at its target level, a checklist's outstanding items (those it
    names, else those up to its target level not yet mostly met), else the question and
    its level change.  What ``unanswered`` questions would need is marked as unanswered."""
    out: list[str] = []
    now_in_part = t("now_is", lang, answer=t("in_part", lang))
    # a question left unanswered counts as not met, and what it would need is said to be
    # unanswered, not claimed to be missing (a first-time user skipped data governance and
    # read "not yet in place here: coding rules…" at the top of the advice)
    blank = _paren(t("not_answered", lang), lang)
    for c in changes:
        question = q.questions[c.question][2]
        blank_here = c.question in unanswered
        if isinstance(question, ChecklistQuestion):
            rated = values.get(c.question)
            answered = isinstance(rated, Mapping)
            rated = rated if answered else {}
            items = items_to_place(question, c, rated)
            text = {i.id: i.text for i in question.items}
            # an item the answers leave unrated is counted as not met, and said to be unrated;
            # one rated "partly" is there in part, and says so
            unrated = _paren(t("not_rated", lang), lang)
            out += [tr(text[i], lang).rstrip("。.")
                    + (blank if blank_here else unrated if answered and i not in rated
                       else _paren(now_in_part, lang) if only_in_part(rated.get(i)) else "")
                    for i in items if i in text]
        elif isinstance(question, LevelQuestion) and c.to_level in question.anchors:
            # every level still to reach: one skipped on the way is missing too (a "k+"
            # answer's next level is there in part, and says so)
            v = values.get(c.question)
            part = int(v) + 1 if isinstance(v, PartLevel) else None
            out += [tr(question.goal(lv), lang).rstrip("。.")
                    + (blank if blank_here else _paren(now_in_part, lang) if lv == part else "")
                    for lv in range(c.from_level + 1, c.to_level + 1) if lv in question.anchors]
        elif isinstance(question, YesNoQuestion) and c.to_level < question.level:
            continue  # a yes meets its one level only: a change short of it puts nothing in place
        elif isinstance(question, YesNoQuestion) and question.goal:
            # said as the state to reach; "now: no" adds nothing, and a follow-up not yet
            # open (its level question below the level that opens it) is not "not answered"
            out.append(tr(question.goal, lang).rstrip("。.") + (blank if blank_here else ""))
        else:
            out.append(_needs(q, question, c.to_level, values.get(c.question), lang))
    return _first(out, lang)


def beyond(q: Questionnaire, changes: tuple[QuestionChange, ...], earlier: Collection[QuestionChange],
           values: Mapping[str, Any]) -> tuple[QuestionChange, ...]:
    """What of a step's ``changes`` is left once the ``earlier`` steps of the roadmap are
    done: a level question from the level they bring it to, a checklist without the items
    they put in place, any other question only if they leave it short.  A card listed
    "protected access to the control systems" as missing beside the earlier card whose
    whole step that was (round-123 reviewer of p06: "counted and budgeted twice")."""
    reached: dict[str, int] = {}
    placed: dict[str, set[str]] = {}
    for c in earlier:
        reached[c.question] = max(reached.get(c.question, 0), c.to_level)
        question = q.questions[c.question][2]
        if isinstance(question, ChecklistQuestion):
            placed.setdefault(c.question, set()).update(items_up_to(question, c.items, c.to_level))
    out = []
    for c in changes:
        question = q.questions[c.question][2]
        if c.question not in reached:
            out.append(c)
        elif isinstance(question, ChecklistQuestion):
            rated = values.get(c.question)
            left = tuple(i for i in items_to_place(question, c, rated if isinstance(rated, Mapping) else {})
                         if i not in placed.get(c.question, ()))
            if left:
                out.append(c.model_copy(update={"items": left}))
        elif isinstance(question, LevelQuestion):
            if reached[c.question] < c.to_level:
                out.append(c.model_copy(update={"from_level": max(c.from_level, reached[c.question])}))
        elif reached[c.question] < c.to_level:
            out.append(c)
    return tuple(out)


def _asked(question: Any, answer: str, lang: str) -> str:
    """A question followed by an answer: "Is …? Yes"."""
    text = tr(question.text, lang).rstrip()
    return f"{text}{answer}" if lang == "zh" else f"{text} {answer[:1].upper()}{answer[1:]}"


def _answer(question: Any, value: Any, lang: str) -> str:
    """An answer as the report states it (``not answered`` for none or n/a)."""
    if isinstance(question, YesNoQuestion) and isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(question, NumberQuestion) and isinstance(value, int | float) \
            and not isinstance(value, bool):
        return _number(value) + tr(question.unit, lang)
    if isinstance(question, MultiQuestion) and isinstance(value, frozenset):
        ticked = [_quoted(o.text, lang) for o in question.options if o.id in value]
        return _join(ticked, lang) if ticked else t("none_of_them", lang)
    if isinstance(question, ChoiceQuestion) and isinstance(value, str):
        return next((tr(o.text, lang) for o in question.choices if o.id == value), value)
    return t("not_answered", lang)


def more_needed(question: MultiQuestion, have: frozenset[str], level: int, n_levels: int) -> int:
    """How many more options of a multiple-choice question any choice of them must add to
    reach ``level``: the count with the lightest options first (at least 1; all the rest
    when even they do not reach it)."""
    rest = sorted((o for o in question.options if o.id not in have), key=lambda o: o.weight)
    ticked = set(have)
    for k, o in enumerate(rest, start=1):
        ticked.add(o.id)
        if rate(question, frozenset(ticked), n_levels, 0.8)[2] >= level:  # (0.8: checklists only)
            return k
    return max(len(rest), 1)


def _quoted(text: Any, lang: str) -> str:
    """An option's text in quotes: options hold commas of their own."""
    return f"“{tr(text, lang)}”"


def _needs(q: Questionnaire, question: Any, level: int, value: Any, lang: str) -> str:
    """What a question other than a level question or a checklist must be answered to
    reach ``level``, and what it is now: "Is …? Yes (now: no)", "What share …? At least
    50 % (now: 10 %)", "Which of these …? 2 more of: A, B, C (now 1 of 4)"."""
    now = _paren(t("now_is", lang, answer=_answer(question, value, lang)), lang)
    if isinstance(question, YesNoQuestion):
        return _asked(question, t("yes", lang), lang) + now
    if isinstance(question, NumberQuestion):
        unit = tr(question.unit, lang)
        fit = [b for b in question.bands if b.level >= level]
        if question.better == "lower":
            bound = max((b.max for b in fit if b.max is not None), default=None)
            need = t("need_below", lang, x=_number(bound) + unit) if bound is not None else ""
        else:
            need = t("need_at_least", lang, x=_number(min(b.min for b in fit)) + unit) if fit else ""
        return _asked(question, need, lang) + now if need else tr(question.text, lang) + now
    if isinstance(question, MultiQuestion):
        have = value if isinstance(value, frozenset) else frozenset()
        rest = [o for o in question.options if o.id not in have]
        n = more_needed(question, have, level, len(q.levels))
        items = _join([_quoted(o.text, lang) for o in rest], lang)
        count = _paren(t("now_ticked", lang, n=len(question.options) - len(rest),
                         total=len(question.options)), lang)  # which: in "already in place"
        return _asked(question, t("more_of", lang, n=n, items=items), lang) + count
    if isinstance(question, ChoiceQuestion):
        n_levels = len(q.levels)
        fit = [o for o in question.choices if option_level(o, n_levels) >= level]
        if fit:
            best = min(fit, key=lambda o: option_level(o, n_levels))
            return _asked(question, tr(best.text, lang), lang) + now
    return tr(question.text, lang) + now


def unrated_items(q: Questionnaire, unrated: tuple[str, ...] | list[str], lang: str,
                  more: list[str] | None = None) -> list[str]:
    """The first few unrated checklist items (``question.item``) in the index's words, then
    of ``more`` (texts already in words), and how many more."""
    out = []
    for ref in unrated:
        qid, item = ref.rsplit(".", 1)
        question = q.questions[qid][2]
        text = next((i.text for i in question.items if i.id == item), None) \
            if isinstance(question, ChecklistQuestion) else None
        out.append(tr(text, lang).rstrip("。.") if text is not None else ref)
    out += more or []
    return _first(out, lang)


def to_check(q: Questionnaire, scenarios: list[Scenario], unrated: tuple[str, ...], lang: str,
             unanswered: Collection[str] = ()) -> list[str]:
    """Each scenario named for a check, with the answers its being in place turns on: the
    unrated items of the checklists it delivers that it puts in place (all its named items,
    else those up to its level) and the questions it delivers that were left unanswered, so
    that the reader knows what to answer."""
    out = []
    for sc in scenarios:
        covered = {f"{x.question}.{i}" for x in sc.delivers
                   for i in items_up_to(q.questions[x.question][2], x.items, x.level)}
        mine = [ref for ref in unrated if ref in covered]
        asked = [tr(q.questions[qid][2].text, lang).strip()  # a question: the one not answered
                 for qid in dict.fromkeys(blank_gate(q, x.question, lambda k: k in unanswered)
                                         for x in sc.delivers)
                 if qid is not None]
        named = tr(sc.name, lang)
        said = unrated_items(q, mine, lang, asked)
        out.append(named + _paren(_join(said, lang, semi=True), lang) if said else named)
    return out


def reaches(q: Questionnaire, changes: tuple[QuestionChange, ...], values: Mapping[str, Any],
            lang: str, unanswered: Collection[str] = ()) -> str:
    """Where the step takes the plant, in one line: its first question's description at the
    level the scenario brings it to (not the first level still missing, which may be a
    state of paper and spreadsheets), else the first thing it puts in place."""
    if changes:
        question = q.questions[changes[0].question][2]
        if isinstance(question, LevelQuestion) and changes[0].to_level in question.anchors:
            return tr(question.goal(changes[0].to_level), lang).rstrip("。.")
    first = missing(q, changes, values, lang, unanswered)
    return first[0] if first else ""


__all__ = ["beyond", "have", "missing", "more_needed", "reaches", "to_check", "unrated_items"]
