"""Shared building blocks of the definition models: config, ids, bilingual text."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError


class Frozen(BaseModel):
    """Base of every definition model: immutable, unknown keys rejected.

    The attribute docstrings describe the fields in the JSON Schemas; they are read when a
    schema is made (:func:`maturity.schema.schema`), not at import: pydantic's
    ``use_attribute_docstrings`` parses each class's source when the class is created,
    which was 40 % of importing the models in every process.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ReadOnlyDict(dict):  # type: ignore[type-arg]
    """A ``dict`` whose contents cannot be changed: results are shared between views."""

    def _read_only(self, *args: object, **kwargs: object) -> None:
        raise TypeError("this mapping is read-only (results are immutable); copy it with dict(...)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _read_only  # type: ignore[assignment]
    __ior__ = _read_only  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[dict]]:
        return (ReadOnlyDict, (dict(self),))

    def __deepcopy__(self, memo: dict) -> ReadOnlyDict:
        import copy

        return ReadOnlyDict({k: copy.deepcopy(v, memo) for k, v in self.items()})


class ReadOnlyList(list):  # type: ignore[type-arg]
    """A ``list`` whose contents cannot be changed (a multiple-choice answer in a result)."""

    def _read_only(self, *args: object, **kwargs: object) -> None:
        raise TypeError("this list is read-only (results are immutable); copy it with list(...)")

    __setitem__ = __delitem__ = append = extend = insert = pop = remove = clear = sort = reverse = \
        _read_only  # type: ignore[assignment]
    __iadd__ = __imul__ = _read_only  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[list]]:
        return (ReadOnlyList, (list(self),))

    def __deepcopy__(self, memo: dict) -> ReadOnlyList:
        import copy

        return ReadOnlyList(copy.deepcopy(v, memo) for v in self)


def frozen(value: object) -> object:
    """``value`` with every mapping and list in it read-only, at any depth."""
    if isinstance(value, dict):
        return ReadOnlyDict((k, frozen(v)) for k, v in value.items())
    if isinstance(value, list):
        return ReadOnlyList(frozen(v) for v in value)
    return value


def sorted_answers(answers: dict[str, object]) -> ReadOnlyDict:
    """Answers by question id, so that equal assessments serialise to the same bytes, and
    read-only at every depth: a checklist's ratings or a multiple choice changed in place
    changed an assessment, which is frozen and shared between views.  A checklist's items
    are sorted too (two files rating the same items in another order made equal assessments
    that serialised to different bytes)."""
    return ReadOnlyDict(sorted((k, frozen(dict(sorted(v.items())) if isinstance(v, dict) else v))
                               for k, v in answers.items()))


Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]*$", max_length=64)]
"""A local id: lower-case letters, digits, ``_`` and ``-``, starting with a letter."""

DottedId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]*(\.[a-z][a-z0-9_\-]*)*$")]
"""A path of local ids joined by dots (``dimension.indicator.question``)."""

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")]

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_FOLD_SPACE = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}A-Za-z0-9(])|(?<=[A-Za-z0-9%)]) +(?=[{_CJK}])")


def _unfold_chinese(text: str | dict[str, str]) -> str | dict[str, str]:
    """Drop the spaces beside Chinese characters in ``zh`` text: those YAML line folding
    leaves, and those written around Latin words and numbers ("接入 DCS 系统").  GB/T and
    MIIT texts set no space there, and a terminal breaks a line at such a space, leaving
    the whole Chinese run after it for the next line (lines broke early before "MES")."""
    if isinstance(text, dict) and "zh" in text:
        return {**text, "zh": _FOLD_SPACE.sub("", text["zh"])}
    return text


_NOT_PLAIN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
                        "|<[A-Za-z/!?]|\\]\\(")


def _plain(text: str | dict[str, str]) -> str | dict[str, str]:
    """Refuse what an index's text must not carry: control characters (an escape sequence
    that clears a terminal or retitles its window), bidirectional overrides, HTML tags and
    Markdown links or images (``[click](javascript:…)``, a tracking ``![x](http://…)``).
    Reports show index text as written, in the terminal, Markdown and HTML alike, and an
    index may come with a folder of answers from someone else (an adversarial tester's
    ``<script>`` title reached the Markdown report, its ESC sequences the terminal)."""
    for value in (text.values() if isinstance(text, dict) else (text,)):
        found = _NOT_PLAIN.search(value)
        if found:
            what = found.group()
            message = f"HTML markup ({what!r}…) is not allowed in index text" if what.startswith("<") \
                else "a Markdown link or image ('](') is not allowed in index text" if what == "](" \
                else f"control character U+{ord(what):04X} is not allowed in index text"
            raise PydanticCustomError("plain_text", message)
    return text


Text = Annotated[
    str | dict[LangCode, Annotated[str, StringConstraints(min_length=1)]],
    AfterValidator(_plain),
    AfterValidator(_unfold_chinese),
    Field(description="Plain text, or a mapping of language code to text ({en: …, zh: …})."),
]
"""Human text: a plain string, or ``{en: …, zh: …}``."""

Weight = Annotated[float, Field(ge=0, allow_inf_nan=False)]

DEFAULT_LANGS = ("en", "zh")


def tr(text: Text | None, lang: str = "en", fallback: tuple[str, ...] = DEFAULT_LANGS) -> str:
    """Text in ``lang``, else the first fallback language present, else any."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang in text:
        return text[lang]
    for other in fallback:
        if other in text:
            return text[other]
    return next(iter(text.values()), "")


def texts_of(text: Text | None) -> tuple[str, ...]:
    """Every language's version of a text (a plain string is its only one)."""
    if text is None:
        return ()
    return (text,) if isinstance(text, str) else tuple(text.values())


def languages_of(text: Text | None) -> set[str]:
    """Languages a text is given in (a plain string counts as every language)."""
    if text is None:
        return set()
    if isinstance(text, str):
        return {"*"}
    return set(text)
