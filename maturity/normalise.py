"""Checking an answers file against its questionnaire: every problem located, and the
answers normalised into the values the engine scores (``check_answers``, ``normalise``).
One function decides whether a file is accepted, whatever reads it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from typing import Any

from ._yaml import locate
from .errors import AnswersError, Issue, expect, hint
from .model.answers import ENTERPRISE_NOTES, NA, RATING_VALUES, AnswersFile
from .model.base import texts_of
from .model.questionnaire import (
    ChecklistQuestion,
    ChoiceQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .requirements import checklist_ids, checklist_items
from .target_levels import target_problems
from .written import FractionError, LowPercent, by_text, numeric, percent_sign, rating_word

Loc = tuple[str | int, ...]

Normalised = bool | int | float | frozenset[str] | dict[str, float | str] | str
"""A checked answer: ``NA``, a bool, a level, a number, option ids or item ratings
(a rating is a number, or ``NA`` for an item that does not apply)."""


def _note_hint(q: Questionnaire, key: str) -> str:
    """The hint of the error on a note keyed by no question: where the key is a checklist
    item (``question.item``), the question the note goes under (notes are kept per
    question, a checklist's note covering its items; calibration assessors keyed a note by
    an item in rounds 105 and 161); otherwise the question id it was probably meant to be."""
    head, _, item = key.rpartition(".")
    if item in q.checklist_items.get(head, ()):
        return f" (a note on checklist item {item!r} goes under its question, {head!r})"
    return hint(key, q.questions)


def check_answers(q: Questionnaire, answers: AnswersFile) -> dict[str, Normalised]:
    """Check every answer against its question; return the normalised answers.

    Unanswered questions are simply absent from the result.  Raises
    :class:`AnswersError` listing every problem (``file:line: field: message``), or
    :class:`NotFoundError` if the file is for another questionnaire.
    """
    expect(q, Questionnaire, "check_answers(questionnaire, answers): the questionnaire is a Questionnaire")
    expect(answers, AnswersFile, "check_answers(questionnaire, answers): the answers are an AnswersFile "
           "(maturity.load_answers)")
    raw = getattr(answers, "_source", None)
    name = getattr(answers, "_name", "<answers>")
    issues: list[Issue] = []
    over = 0  # problems past MAX_ISSUES: counted, not listed

    def report(loc: Loc, msg: str, code: str = "bad_value") -> None:
        nonlocal over
        if len(issues) >= MAX_ISSUES:
            over += 1
            return
        file, line, field = locate(raw, loc) if raw is not None else (None, None, "")
        issues.append(Issue(msg, file=file or name, line=line, field=field or ".".join(map(str, loc)),
                            path=tuple(loc), code=code))

    def close_to(word: str, known: Any) -> str:  # a near id, while the list is short enough to read
        return hint(word, known) if len(issues) < MAX_HINTS else ""

    if answers.questionnaire_id != q.id:
        report(("questionnaire",),
               f"this file answers {answers.questionnaire!r}, not {q.ref!r}")
        raise AnswersError(f"{name}: wrong questionnaire", issues)
    if answers.questionnaire_version is not None and answers.questionnaire_version != q.version:
        report(("questionnaire",),
               f"version mismatch: the file answers {answers.questionnaire} but the "
               f"questionnaire found is {q.ref}")
        raise AnswersError(f"{name}: questionnaire version mismatch", issues)

    ent = answers.enterprise
    seen = _seen(q)
    industries, kinds, ptypes, functions = seen.ids
    if ent.industry is not None and ent.industry not in industries:
        known = ", ".join(sorted(industries)) or "none"
        report(("enterprise", "industry"), f"unknown industry {ent.industry!r} (known: {known})")
    if ent.product_kind is not None and ent.product_kind not in kinds:
        known = ", ".join(sorted(kinds)) or "none"
        report(("enterprise", "product_kind"), f"unknown product kind {ent.product_kind!r} (known: {known})")
    if ent.production_type is not None and ent.production_type not in ptypes:
        known = ", ".join(sorted(ptypes)) or "none"
        report(("enterprise", "production_type"),
               f"unknown production type {ent.production_type!r} (known: {known})")

    for fi, fid in enumerate(ent.run_elsewhere):
        if fid not in functions:
            known = ", ".join(sorted(functions)) or "none"
            report(("enterprise", "run_elsewhere", fi), f"unknown function {fid!r} (known: {known})")

    out: dict[str, Normalised] = {}
    for qid, value in answers.answers.items():
        found = q.questions.get(qid)
        if found is None:
            report(("answers", qid), f"unknown question id {qid!r}{close_to(qid, q.questions)}",
                   "unknown_question")
            continue
        if value is None:
            continue
        cls = value.__class__
        if cls in _REPEATING:  # a level, yes/no, a choice: checked once per questionnaire
            hit = seen.get((qid, cls, value))
            if hit is not None:
                out[qid] = hit
                continue
        question = found[2]
        try:
            checked = normalise(question, value, len(q.levels))
        except ItemError as exc:  # located at the checklist items, not the question
            for item, message in exc.problems:
                report(("answers", qid, item), message)
            continue
        except ValueError as exc:
            report(("answers", qid), str(exc))
            continue
        if checked != {}:  # a checklist with no item rated yet is unanswered
            out[qid] = checked
            if cls in _REPEATING:
                if len(seen) > 20_000:
                    seen.clear()
                seen[qid, cls, value] = checked
    for qid in answers.notes:
        if qid in q.questions or qid in ENTERPRISE_NOTES:
            continue
        if qid.startswith("enterprise."):
            report(("notes", qid), f"note for unknown enterprise field {qid!r}"
                   f"{close_to(qid, ENTERPRISE_NOTES) or ' (one of ' + ', '.join(ENTERPRISE_NOTES) + ')'}",
                   "unknown_field")
        else:
            report(("notes", qid), f"note for unknown question id {qid!r}"
                   f"{_note_hint(q, qid) if len(issues) < MAX_HINTS else ''}",
                   "unknown_question")
    for ident, message in target_problems(q, answers.targets):
        report(("targets", ident), message, "bad_target")
    if over:
        issues.append(Issue(f"and {over:,} more problems, not listed (the first {MAX_ISSUES} are)",
                            file=name, code="more"))
    if issues:
        raise AnswersError(f"{name}: invalid answers", issues)
    return out


MAX_ISSUES = 200
"""Problems listed per answers file; the rest are counted (an upload of 200,000 unknown
ids made a message of millions of characters, a web backend sent it all back)."""
MAX_HINTS = 50
"""Problems after which no near id is looked for (difflib costs about half a millisecond
per unknown id: 77 s for 200,000 of them)."""


_REPEATING = frozenset({int, bool, str})
"""Answers that repeat across enterprises and check to immutable values (a level, ``2+``,
yes/no, a choice, n/a); numbers and checklists are checked each time."""

class _Seen(dict):  # type: ignore[type-arg]
    """What a questionnaire's questions made of each repeating answer, by (question, class,
    answer), and the ids an enterprise profile may name: (industries, product kinds,
    production types, functions)."""

    def __init__(self, q: Questionnaire) -> None:
        super().__init__()
        self.ids = ({i.id for i in q.industries}, {k.id for k in q.product_kinds},
                    {p.id for p in q.production_types}, {f.id for f in q.functions})


_SEEN: dict[int, tuple[Questionnaire, _Seen]] = {}


def _seen(q: Questionnaire) -> _Seen:
    """What was checked of ``q`` before (the questionnaire is held, so that its id is not
    reused while the entry lives)."""
    entry = _SEEN.get(id(q))
    if entry is None or entry[0] is not q:
        if len(_SEEN) >= 16:
            _SEEN.clear()
        entry = _SEEN[id(q)] = (q, _Seen(q))
    return entry[1]


class ItemError(ValueError):
    """Problems with checklist items, each reported at its item's line: every bad item of
    the checklist, not only the first (``validate`` showed one, the next run the next)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems[0][1])
        self.problems = problems
        self.item = problems[0][0]


_NA_WORDS = {"n/a", "na", "not applicable", "不适用"}
_YES = {"yes", "y", "true", "是"}
_NO = {"no", "n", "false", "否"}


PARTLY_MARK = "+"
"""Written after a level (``2+``): that level is met, and the next one is met in part."""


class PartLevel(float):
    """A ``k+`` level answer, normalised to ``k + 0.5``; written back as ``k+``."""

    def __repr__(self) -> str:
        return f"{int(self)}{PARTLY_MARK}"

    __str__ = __repr__


def _level(question: LevelQuestion, value: Any, levels: int) -> int | float:
    """A level answer: ``k`` (an int), or ``k+`` (``k + 0.5``: level *k* true for most of
    the plant, level *k + 1* true in a part of it, GB/T 39117's "partly met")."""
    top = max([k for k in question.anchors if k <= levels], default=levels)
    partly = isinstance(value, str) and value.strip().endswith(PARTLY_MARK)
    raw = numeric(value.strip()[:-1].strip() if partly else value)
    if isinstance(raw, str) and not partly:  # the level's description, as a survey exports it
        hit = by_text(question, lambda: dict(question.anchors), raw)
        if hit is not None and hit <= top:
            return int(hit)
    # .inf and .nan first: int() of them raised OverflowError and ValueError out of assess
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw) \
            or raw != int(raw) or not 0 <= raw <= top or (partly and raw >= top):
        raise ValueError(f"expected a level from 0 (not yet) to {top}, or 0{PARTLY_MARK} to "
                         f"{top - 1}{PARTLY_MARK} when the next level holds in a part of the plant"
                         + (", or n/a" if question.allow_na else "") + f"; got {value!r}")
    return PartLevel(int(raw) + 0.5) if partly else int(raw)


def normalise(question: QuestionT, value: Any, levels: int) -> Normalised:
    """The checked, normalised form of one answer; ``ValueError`` says what was expected."""
    if isinstance(value, str) and value.strip().lower() in _NA_WORDS:
        if not question.allow_na:
            raise ValueError("'n/a' is not allowed for this question")
        return NA
    return _BY_KIND[question.kind](question, value, levels)


def _yesno(question: YesNoQuestion, value: Any, levels: int) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return value.strip().lower() in _YES
    raise ValueError(f"expected yes or no (true / false), got {value!r}")


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int beyond any float (400 nines): every command crashed on it
        return False


def _short(value: Any) -> str:
    """``value`` as an error message shows it: a 400-digit number by its head and length."""
    text = repr(value)
    unit = "digits" if isinstance(value, int) else "characters"
    return text if len(text) <= 40 else f"{text[:12]}…{text[-6:]} ({len(text)} {unit})"


def _number(question: NumberQuestion, value: Any, levels: int) -> float | int:
    signed = isinstance(value, str) and percent_sign(value)
    value = numeric(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or \
            not (_finite(value) or isinstance(value, int)):
        raise ValueError(f"expected a number, got {_short(value)}")
    if question.integer and value != int(value):
        raise ValueError(f"expected a whole number, got {value!r}")
    if not _finite(value):
        raise ValueError(f"{_short(value)} is too large to be an answer")
    low, high = question.min, question.max
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{_short(value)} is out of range [{low:g}, {high:g}]" if low is not None and high
                         is not None else f"{_short(value)} is below the least, {low:g}" if low is not None
                         else f"{_short(value)} is above the most, {high:g}")
    if 0 < value < 1 and question.is_share():
        if not signed:
            raise FractionError(value)
        return LowPercent(value)
    if value == 1 and isinstance(value, float) and not signed and question.is_share():
        raise FractionError(value)  # 1.0: 1 %, or 100 % as a spreadsheet keeps it?
    return int(value) if float(value).is_integer() else float(value)  # 100.0 is written 100


_BOOL_WORDS = {True: ("yes", "true", "on", "y"), False: ("no", "false", "off", "n")}


def _option_of(ids: list[str], value: Any) -> Any:
    """The option id an unquoted yes / no / on / off / true / false stands for, which YAML
    1.1 reads as a boolean: the one option id among those words; the value as it is where
    none is.  Where several are (options ``y`` and ``yes``), which was written is lost, and
    the answer must be quoted: ``yes`` was silently taken for ``y``."""
    if not isinstance(value, bool):
        return value
    found = [i for i in ids if i.lower() in _BOOL_WORDS[value]]
    if len(found) > 1:
        raise ValueError(f"an unquoted {' / '.join(_BOOL_WORDS[value][:3])} is read by YAML as "
                         f"{str(value).lower()}, which could be any of the answers {', '.join(found)}: "
                         f'put the answer in quotes (e.g. "{found[-1]}")')
    return found[0] if found else value


def _choice(question: ChoiceQuestion, value: Any, levels: int) -> str:
    ids = [o.id for o in question.choices]
    value = _option_of(ids, value)
    if isinstance(value, str) and value.strip() in ids:
        return value.strip()
    hit = by_text(question, lambda: _texts_and_ids(question.choices), value)  # text, or id in any case
    if hit is not None:
        return hit
    raise ValueError(f"expected one of the answers {', '.join(ids)}"
                     + (", or n/a" if question.allow_na else "") + f"; got {value!r}")


def _texts_and_ids(options: Any) -> dict[str, Any]:
    """Each option's texts and its id, to match an answer in any case ("ERP", "Some", as
    Excel capitalises them) or by its text, as a survey exports it."""
    return {o.id: (*texts_of(o.text), o.id) for o in options}


_NONE_WORDS = {"none", "none of these", "无", "均无", "没有", "以上都没有", "以上均无", "以上都不是"}
"""A multiple choice answered "none of these" in a word (a CSV cell cannot hold ``[]``
visibly, and a survey platform writes 以上都没有): no option ticked, an answer."""


def _multi(question: MultiQuestion, value: Any, levels: int) -> frozenset[str]:
    if isinstance(value, str) and value.strip().casefold() in _NONE_WORDS \
            and value.strip() not in {o.id for o in question.options}:
        return frozenset()
    if isinstance(value, str | bool):
        value = [value]
    if isinstance(value, list) and any(isinstance(v, bool) for v in value):  # options "yes", "on"
        ids = [o.id for o in question.options]
        value = [_option_of(ids, v) for v in value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        example = ", ".join(o.id for o in question.options[:2])
        raise ValueError(f"expected a list of option ids, e.g. [{example}]")
    ids = [o.id for o in question.options]
    if any(v not in ids for v in value):  # an option given by its text, as a survey exports it
        value = [v if v in ids else by_text(question, lambda: _texts_and_ids(question.options), v) or v
                 for v in value]
    unknown = list(dict.fromkeys(v for v in value if v not in ids))  # each once, the first ten named
    if unknown:
        more = f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
        raise ValueError(f"unknown option(s) {unknown[:10]}{more}; options are: {', '.join(ids)}")
    twice = sorted(v for v, n in Counter(value).items() if n > 1)  # a count per item was quadratic
    if twice:
        raise ValueError(f"option(s) listed twice: {', '.join(twice)}")
    return frozenset(value)


def _checklist(question: ChecklistQuestion, value: Any, levels: int) -> Normalised:
    if not isinstance(value, dict):
        raise ValueError("expected a mapping of item id to rating "
                         "(fully / mostly / partly / not)")
    items = checklist_ids(question)
    try:  # the commonest: every rating a word, every item known (anything else: the loop)
        out = {item: RATING_VALUES[rating] for item, rating in value.items() if rating is not None}
    except (KeyError, TypeError):
        pass
    else:
        if items.issuperset(out):
            return out
    out = {}
    bad: list[tuple[str, str]] = []
    for item, rating in value.items():
        if rating is None:
            continue  # not rated yet
        if item not in items:
            order = ", ".join(item_id for item_id, _, _ in checklist_items(question))
            bad.append((item, f"unknown checklist item {item!r}; items are: {order}"))
        elif isinstance(rating, str) and rating in RATING_VALUES:
            out[item] = RATING_VALUES[rating]
        elif (word := rating_word(rating)) is not None:  # 完全满足, "fully met": as the TUI shows it
            out[item] = RATING_VALUES[word]
        elif isinstance(rating, str) and rating.strip().lower() in _NA_WORDS:
            if not next(i for i in question.items if i.id == item).allow_na:
                bad.append((item, f"item {item!r}: 'n/a' is not allowed for this item"))
            out[item] = NA  # type: ignore[assignment]
        elif isinstance(rating, int | float) and not isinstance(rating, bool) and \
                rating in RATING_VALUES.values():
            out[item] = float(rating)
        else:
            bad.append((item, f"item {item!r}: rating must be fully / mostly / partly / not "
                              f"(or 1 / 0.8 / 0.5 / 0), got {rating!r}"))
    if bad:
        raise ItemError(bad)
    if question.allow_na and len(out) == len(items) and all(r == NA for r in out.values()):
        return NA  # no item applies: the question does not apply
    return out


_BY_KIND: dict[str, Callable[[Any, Any, int], Normalised]] = {
    "level": _level, "yesno": _yesno, "number": _number, "choice": _choice, "multi": _multi,
    "checklist": _checklist}
"""Each kind of question's check, looked up by ``question.kind`` (a batch checks some 25
answers a file that do not repeat: one look-up instead of a chain of class tests)."""


__all__ = ["Normalised", "PartLevel", "check_answers", "normalise"]
