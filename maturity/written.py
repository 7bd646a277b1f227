"""How an answer may be written besides its id or plain number, one place for every
reader (``normalise`` checks with it): a number written as text (``"72.5"``, ``"60%"``,
full-width ``６０％``); a share below 1 % kept with its sign (``0.5%``, ``LowPercent``);
an option, a level or a rating given by its text as a survey platform exports it
(``by_text``, ``rating_word``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from ._cjk import cells
from .model.base import texts_of
from .model.questionnaire import NumberQuestion


def numeric(value: Any) -> Any:
    """A number written as text ("72.5", "1e3", "60%", full-width "６０％" as a Chinese
    input method types it) as a number; anything else unchanged.  Underscores are not
    digit separators here ("1_0" is a slip, not 10, though Python's ``float`` reads it so)."""
    if isinstance(value, str):
        text = (value if value.isascii() else unicodedata.normalize("NFKC", value)).strip()  # "2+": cheap
        if "_" in text:
            return value
        try:
            number = float(text.removesuffix("%").strip())
        except ValueError:
            return value
        if math.isinf(number) and "inf" not in text.lower():
            return value  # 400 digits in a CSV cell: refused as written, not as "inf"
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() \
            else number
    return value


def percent_sign(text: str) -> bool:
    return (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip().endswith("%")


class LowPercent(float):
    """A share below 1 % written with its sign (``0.62%``): kept with it, in files and in
    JSON, so that it is never read back as the fraction 0.62 (``NumberQuestion.is_share``)."""

    def __repr__(self) -> str:
        return f"{float(self)!r}%"  # every digit: it is read back

    __str__ = __repr__


class FractionError(ValueError):
    """A bare number between 0 and 1, or 1.0, given for a share in percent
    (``NumberQuestion.is_share``): the fraction a spreadsheet keeps for a percentage, or a
    percentage below 1 %?"""

    def __init__(self, value: float) -> None:
        self.value = value
        if value == 1:  # 1.0, as a spreadsheet keeps 100 %
            super().__init__(f"{value!r} could be 1 % or, as a spreadsheet keeps it, 100 %: write 100 for "
                             f"100 %, or 1 (or \"1%\") if 1 % is meant")
            return
        super().__init__(f"{value!r} would be read as {value:g} %, which counts as none: write "
                         f"{value * 100:g} for {value * 100:g} %, or \"{value:g}%\" if {value:g} % is meant")


def number_of(value: Any) -> float | None:
    """A number answer in answers-file form as a number (``"0.5%"`` → 0.5); ``None`` for
    no answer, n/a or anything that is not a number."""
    if isinstance(value, str) and percent_sign(value):
        value = numeric(value)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def share_value(question: Any, x: float) -> float | int:
    """A number computed for ``question`` (a merged median) in the form its check gives: a
    share below 1 % with its sign, a whole number as one (a merged ``1.0`` read back for a
    share would be refused as maybe 100 %)."""
    if isinstance(question, NumberQuestion) and 0 < x < 1 and question.is_share():
        return LowPercent(x)
    return int(x) if float(x).is_integer() else x


def text_key(text: str) -> str:
    """A text as compared with the index's own: width, spaces, case and a closing full
    stop do not count."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold().rstrip("。.")


def quote_hint(value: Any) -> str:
    """Why a text field got a non-text value from YAML 1.1, and what to write instead."""
    import datetime as dt

    if isinstance(value, bool):
        word = "NO" if not value else "YES"
        return (f": YAML reads an unquoted {word.lower()} / {'off' if not value else 'on'} / "
                f"{str(value).lower()} as {str(value).lower()}, not as text; put it in "
                f'quotes ("{word}")')
    if isinstance(value, int | float | dt.date):
        kind = "a date" if isinstance(value, dt.date) else "a number"
        return (f": YAML read it as {kind}, {value} (1e5, 1.50 and dates change on the way); "
                'put it in quotes exactly as written, e.g. "1.50"')
    return ""


def choices_of(raw: Any, loc: tuple[Any, ...], load: Callable[[str], Any]) -> list[tuple[str, list[str]]]:
    """The ids (with their names) that the index an answers file names (``load``: id →
    questionnaire) has for the enterprise field at ``loc``: industries, product kinds or
    production types; none where it cannot be read (the file's own errors say why)."""
    kind = {"industry": "industries", "product_kind": "product_kinds",
            "production_type": "production_types"}.get(str(loc[1]) if len(loc) > 1 else "")
    try:
        q = load(str(raw["questionnaire"]))
    except Exception:
        return []
    return [(c.id, list(texts_of(c.name))) for c in getattr(q, kind or "", ())]


def not_an_id(value: Any, choices: list[tuple[str, list[str]]]) -> str:
    """Why an enterprise field's value is refused, and what to write: the index's ids with
    their names, and the one whose name the value is part of, or holds (a consultant wrote
    电子 for 电子信息, 化工 for 石化化工, 纺织业 for 纺织)."""
    msg = (f"{value!r} is not an id: ids are written in lower-case letters, digits, - and _ "
           "(e.g. machinery, discrete, equipment)")
    if not choices:
        return msg + "; the index's own are listed in its answers template (maturity template)"
    key = text_key(str(value))
    near = [cid for cid, names in choices
            if key and any(key in text_key(n) or text_key(n) in key for n in names if n)]
    cjk = cells(str(value)) > len(str(value))  # wide characters: name the ids in Chinese
    listed = ", ".join(f"{cid} ({names[-1] if cjk else names[0]})" for cid, names in choices)
    hint = f"; did you mean {' or '.join(near)}?" if near and len(near) <= 2 else ""
    return f"{msg}{hint or '.'} The index's own: {listed}"


_INDEX: dict[int, tuple[object, dict[str, set[Any]]]] = {}
"""Per question (by identity): each text's key → the ids it names (``by_text``)."""


def by_text(owner: object, texts: Callable[[], Mapping[Any, Any]], value: Any) -> Any:
    """The key of ``texts()`` (an option id, a level) whose text, in any language, is
    ``value`` as written, give or take spaces, case, width and a closing full stop: a
    survey platform exports the option a respondent picked by its text (问卷星: the
    anchor's whole sentence); ``None`` where no text or more than one is it.  The texts
    are keyed once per ``owner`` (the question), not once per cell of a long export."""
    if not isinstance(value, str) or not value.strip():
        return None
    hit = _INDEX.get(id(owner))
    if hit is None or hit[0] is not owner:
        if len(_INDEX) > 4096:
            _INDEX.clear()
        index: dict[str, set[Any]] = {}
        for k, text in texts().items():
            for one in texts_of(text) if isinstance(text, str | dict) else text:  # a Text, or several
                index.setdefault(text_key(one), set()).add(k)
        hit = _INDEX[id(owner)] = (owner, index)
    found = hit[1].get(text_key(value), ())
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _rating_words() -> dict[str, str]:
    """Each rating's label as the TUI shows it (``tui_ratings``: 完全满足, "fully met" …),
    in every language, → the rating; looked up when a cell first needs it."""
    from .i18n import t
    from .model.answers import RATING_VALUES

    words = {text_key(rating): rating for rating in RATING_VALUES}  # "Fully", as Excel capitalises it
    return words | {text_key(label): rating for lang in ("en", "zh")
                    for label, rating in zip(t("tui_ratings", lang).split("|"), RATING_VALUES, strict=True)}


def rating_word(value: Any) -> str | None:
    """The rating (fully / mostly / partly / not) a rating's label stands for, as the TUI
    shows it and a survey built from it exports it."""
    return _rating_words().get(text_key(value)) if isinstance(value, str) else None
