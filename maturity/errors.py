"""One error hierarchy for the whole package.

Every error the library raises on purpose is a :class:`MaturityError`.  Subclasses
also inherit the matching standard-library type, so callers may catch either
(``except ValueError`` keeps working for a bad file).  The CLI maps them to exit
codes in one place (:mod:`maturity.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .printable import one_line


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a file, located as precisely as we can.

    ``str(issue)`` is the ``file:line: path.to.field: message`` form used everywhere.
    """

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    severity: Severity = Severity.ERROR
    path: tuple[str | int, ...] = ()
    """The location for programs: keys and list indexes from the file's root, e.g.
    ``("answers", "factory.data.governance", "owners")`` (question ids contain dots, so a
    dotted ``field`` cannot be split back)."""
    code: str = ""
    """What kind of problem, for programs: e.g. ``unknown_question``, ``bad_value``,
    ``not_found``, ``string_type`` (pydantic's own codes pass through)."""

    def __str__(self) -> str:
        # one line whatever the data: a newline in a file name or a value made a fake line
        field = one_line(self.field) if self.field else None
        if self.file is None and self.line is None:
            return ": ".join([*([field] if field else []), one_line(self.message)])
        where = one_line(self.file or "<input>")
        if self.line is not None:
            where = f"{where}:{self.line}"
        parts = [where]
        if field:
            parts.append(field)
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return ": ".join(parts) + ": " + prefix + one_line(self.message)


class MaturityError(Exception):
    """Root of every error raised by :mod:`maturity` on purpose."""

    def __init__(self, message: str, issues: tuple[Issue, ...] | list[Issue] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.issues: tuple[Issue, ...] = tuple(issues)

    def __str__(self) -> str:
        if not self.issues:
            return self.message
        return "\n".join(str(i) for i in self.issues)


class InputFileError(MaturityError, ValueError):
    """A file could not be read or parsed (missing, not UTF-8, not YAML, unsafe tag)."""


class QuestionnaireError(MaturityError, ValueError):
    """A questionnaire (evaluation index) is invalid; ``issues`` lists every problem."""


class AnswersError(MaturityError, ValueError):
    """An answers file is invalid for its questionnaire; ``issues`` lists every problem."""


class NotFoundError(MaturityError, LookupError):
    """A questionnaire id, version or file that was asked for does not exist."""

    def __init__(self, message: str, issues: tuple[Issue, ...] | list[Issue] = ()) -> None:
        super().__init__(message, issues or [Issue(message, path=("questionnaire",), code="not_found")])


class OutputError(MaturityError, OSError):
    """An output file could not be written (no such directory, read-only, not permitted)."""


class UsageError(MaturityError):
    """The caller used the API or CLI wrongly (bad option value, missing argument)."""


class ArgumentError(UsageError, TypeError):
    """A function of the API was given an argument of the wrong kind (``None`` for an
    assessment, a list for a mapping): a :class:`UsageError`, so that one ``except
    MaturityError`` catches it, and a ``TypeError``, as Python code expects of it."""

    def __init__(self, message: str, issues: tuple[Issue, ...] | list[Issue] = ()) -> None:
        super().__init__(message, issues or [Issue(message, code="bad_argument")])


def expect(value: object, kind: type | tuple[type, ...], what: str) -> None:
    """``ArgumentError`` "``what``, not <type>" unless ``value`` is a ``kind``: an embedding
    program that passed ``None`` for an assessment got an ``AttributeError`` from deep
    inside the scorer instead of a word about its call."""
    if not isinstance(value, kind):
        raise ArgumentError(f"{what}, not {type(value).__name__}")


def expect_list(value: object, what: str) -> None:
    """:func:`expect` of a sequence of items (a list, a tuple …), but not a string, which
    is a sequence of its characters."""
    expect(value, list if isinstance(value, str | bytes) else Sequence, what)


def expect_paired(items: Sequence[object], names: Sequence[object], what: str) -> None:
    """``ArgumentError`` unless there are as many ``names`` as ``items`` (``zip`` raised a
    bare ``ValueError`` from inside the call)."""
    if len(names) != len(items):
        raise ArgumentError(f"{what}: {len(names)} for {len(items)}")


def hint(word: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for a close match of a misspelt id, else nothing."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""
