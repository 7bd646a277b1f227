"""An assessment in progress: what the TUI edits, autosaves and resumes (no UI code).

A session is saved as a standard ``maturity-answers/1`` file — the same file
``maturity score`` reads — whose first comment line carries where the user stopped and
when::

    # maturity-session: 3f2a9c0d1e7b at digital_base.network.q1 updated 2026-11-22T10:30:00

Every save is atomic (temp file + rename). Autosaves live in :func:`autosave_dir`: the
user data directory (``platformdirs``), or ``$MATURITY_DATA_DIR`` when set (tests,
kiosks, ``textual serve``). A corrupt autosave is never deleted: it is moved aside
(``<name>.corrupt-<timestamp>``) and reported.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ._io import DATA_ENV, user_dir, write_atomic
from .errors import InputFileError, MaturityError
from .model.answers import ANSWERS_FORMAT, NA

if TYPE_CHECKING:
    from .model.questionnaire import Questionnaire
    from .normalise import Normalised

_HEADER = re.compile(r"^# maturity-session: (?P<id>[0-9a-f]+) at (?P<question>\S*)"
                     r"(?: updated (?P<updated>\S+))?\s*$")

Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now()


def _plain(value: Any) -> Any:
    """Builtin types only (the loader's located lists and mappings do not dump safely)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    for kind in (int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def data_dir() -> Path:
    """Where maturity keeps user data: ``$MATURITY_DATA_DIR`` or the platform's user data dir."""
    return user_dir()


PREFERENCES = "preferences.yaml"
"""The user's preferences in the data dir (today: the TUI's language)."""


def _preferences() -> dict[str, Any]:
    """The saved preferences; empty if there are none or the file cannot be read."""
    try:
        saved = yaml.safe_load((data_dir() / PREFERENCES).read_text("utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return saved if isinstance(saved, dict) else {}


def preference(key: str) -> str | None:
    """A saved preference, or ``None`` (never saved, or the file cannot be read)."""
    value = _preferences().get(key)
    return value if isinstance(value, str) else None


def save_preference(key: str, value: str) -> None:
    """Remember a preference (atomically); ``OSError`` if it cannot be written."""
    path = data_dir() / PREFERENCES
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, yaml.safe_dump({**_preferences(), key: value}, allow_unicode=True))


def _body(text: str) -> str:
    """An answers file's text below its leading comment lines (a session's header)."""
    lines = text.split("\n")
    start = next((k for k, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return "\n".join(lines[start:])


def autosave_dir() -> Path:
    """Where sessions are autosaved (``<data dir>/sessions``)."""
    return data_dir() / "sessions"


@dataclass
class Session:
    """One enterprise's assessment in progress."""

    questionnaire: str
    """``id@version``."""
    language: str = "zh"
    enterprise: dict[str, str | bool | list[str]] = field(default_factory=dict)
    """Enterprise profile: name, industry, production_type, size, region."""
    answers: dict[str, Any] = field(default_factory=dict)
    """Question id → answer in answers-file form (``n/a`` included)."""
    notes: dict[str, str] = field(default_factory=dict)
    position: str = ""
    """Id of the question the user is on."""
    assessed_on: dt.date | None = None
    updated_at: dt.datetime | None = None
    """When it was last saved (set by :meth:`save`)."""
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    extra_path: Path | None = None
    """Also save here (``maturity assess --answers FILE``)."""
    clock: Clock = field(default=_now, repr=False, compare=False)
    """Where the time comes from (tests inject a fixed one)."""
    read_only: bool = field(default=False, compare=False)
    """Open in another process (see :mod:`maturity.lock`): :meth:`save` writes nothing."""
    kept_original: Path | None = field(default=None, compare=False)
    """Where the ``--answers`` file as the user wrote it was copied before the first save
    over it (its comments and layout are not kept by the save)."""
    loaded_body: str | None = field(default=None, compare=False, repr=False)
    """The answers document as this session writes it, when it was read from a file: a file
    whose text below the header is just that was written by a session, not by hand."""

    @property
    def path(self) -> Path:
        """The autosave file."""
        return autosave_dir() / f"{self.id}.yaml"

    def diverges_from_autosave(self) -> bool:
        """Whether the autosave of this session's id holds other answers, notes or profile
        than this session (read from a file carrying the id in its header): the file is a
        copy that went its own way, not the session's own file."""
        from .errors import MaturityError

        try:
            saved = Session.load(self.path)
        except (OSError, ValueError, MaturityError):  # no autosave, or one that cannot be read
            return False
        return (saved.answers, saved.notes, saved.profile(), saved.questionnaire) != \
            (self.answers, self.notes, self.profile(), self.questionnaire)

    def profile(self) -> dict[str, Any]:
        """The enterprise fields given: empty ones left out, a "no" (``False``) kept."""
        return {k: v for k, v in self.enterprise.items() if v or v is False}

    def document(self) -> dict[str, Any]:
        """The answers file as a mapping (what ``maturity score`` reads)."""
        doc: dict[str, Any] = {"format": ANSWERS_FORMAT, "questionnaire": self.questionnaire,
                               "language": self.language}
        enterprise = self.profile()
        if enterprise:
            doc["enterprise"] = enterprise
        if self.assessed_on:
            doc["assessed_on"] = self.assessed_on
        doc["answers"] = {k: v for k, v in self.answers.items() if v is not None}
        notes = {k: v for k, v in self.notes.items() if v}
        if notes:
            doc["notes"] = notes
        return doc

    def text(self) -> str:
        """The file's text: a resume header (YAML comments) and the answers document."""
        updated = f" updated {self.updated_at.isoformat(timespec='seconds')}" if self.updated_at else ""
        head = f"# maturity-session: {self.id} at {self.position}{updated}\n"
        head += "# An answers file saved by `maturity assess`; `maturity score` reads it as is.\n"
        return head + yaml.safe_dump(self.document(), allow_unicode=True, sort_keys=False)

    def save(self) -> None:
        """Write the autosave, then the ``--answers`` file, each atomically.

        :class:`OSError` if a file cannot be written (the autosave is written first).
        """
        if self.read_only:
            return  # another process holds it: never write over its answers
        self.updated_at = self.clock().replace(microsecond=0)
        text = self.text()
        write_atomic(self.path, text)
        if self.extra_path is not None:
            self._keep_original(self.extra_path)
            write_atomic(self.extra_path, text)

    def _keep_original(self, path: Path) -> None:
        """Before the first save over a file not written by a session: copy it beside
        itself (``NAME.orig.yaml``, ``NAME.orig-2.yaml``, …), so that nothing the user
        wrote in it (comments, layout, notes in other words) is lost."""
        if self.kept_original is not None or not path.exists():
            return
        original = path.read_bytes()
        written = original.decode("utf-8", "replace")
        if _HEADER.match(written.split("\n", 1)[0]) and _body(written) == self.loaded_body:
            return  # a session's own file as it wrote it: nothing of the user's beyond what it keeps
        # (a copy of one, edited by hand with comments, lost them at its first save)
        for n in range(1, 1000):
            copy = path.with_name(f"{path.stem}.orig{'' if n == 1 else f'-{n}'}{path.suffix}")
            if not copy.exists():
                break
        write_atomic(copy, original)
        self.kept_original = copy

    def save_as(self, path: Path) -> None:
        """Write a copy of the answers file to ``path`` (atomically)."""
        write_atomic(path, self.text())

    @classmethod
    def load(cls, path: Path, clock: Clock = _now) -> Session:
        """Read a saved session (or any answers file).

        :class:`InputFileError` (or :class:`OSError`, :class:`UnicodeDecodeError`) if it
        cannot be read; the file is left where it is (see :func:`list_sessions`).
        """
        from .loading import load_answers

        answers = load_answers(path)
        with open(path, encoding="utf-8") as fh:
            first = fh.readline().rstrip("\n")
        match = _HEADER.match(first)
        updated = None
        if match and match.group("updated"):
            try:
                updated = dt.datetime.fromisoformat(match.group("updated"))
            except ValueError:
                updated = None
        ent = answers.enterprise.model_dump(exclude_defaults=True)
        session = cls(
            questionnaire=answers.questionnaire, language=answers.language or "zh",
            enterprise={k: v if isinstance(v, bool) else list(v) if isinstance(v, list) else str(v)
                        for k, v in ent.items()},
            answers={str(k): _plain(v) for k, v in answers.answers.items() if v is not None},
            notes={str(k): str(v) for k, v in answers.notes.items()},
            assessed_on=answers.assessed_on, updated_at=updated,
            position=match.group("question") if match else "",
            id=match.group("id") if match else uuid.uuid4().hex[:12], clock=clock,
        )
        session.loaded_body = _body(session.text())
        return session

    # ------------------------------------------------------------------ against the questionnaire

    def values(self, q: Questionnaire) -> dict[str, Normalised]:
        """The answers that fit their question, checked (one that no longer fits is ignored)."""
        return self._checked(q)[0]

    def unreadable(self, q: Questionnaire) -> list[str]:
        """The question ids whose answers in the file do not fit (a level of 7, an option
        that is no option, an id that is no question): they count as unanswered, and stay in
        the file as written until the user corrects them."""
        return self._checked(q)[1]

    def _checked(self, q: Questionnaire) -> tuple[dict[str, Normalised], list[str]]:
        from .normalise import normalise

        n = len(q.levels)
        out: dict[str, Normalised] = {}
        bad: list[str] = []
        for qid, value in self.answers.items():
            if value is None:
                continue
            if qid not in q.questions:
                bad.append(qid)
                continue
            try:
                out[qid] = normalise(q.questions[qid][2], value, n)
            except ValueError:
                bad.append(qid)
        return out, bad

    def asked(self, q: Questionnaire, values: Mapping[str, Normalised] | None = None) -> list[str]:
        """Question ids to ask, in order, by the scoring's own rules.

        A follow-up whose condition does not hold and a question that does not apply to this
        enterprise are left out (one answered n/a stays, so it can be changed).
        """
        from .engine import resolve_production_type
        from .engine import status_of as _status
        from .model.answers import Enterprise

        values = self.values(q) if values is None else values
        ent = Enterprise.model_validate(self.profile())
        ptype = resolve_production_type(q, ent)
        status: dict[str, str] = {}
        out = []
        for qid, (_, _, question) in q.questions.items():
            st = _status(question, qid, values, status, ent, ptype)
            status[qid] = st
            if st == "closed" or (st == "not_applicable" and values.get(qid) != NA):
                continue
            out.append(qid)
        return out

    def answered(self, qid: str) -> bool:
        value = self.answers.get(qid)
        return value is not None and value != {}


@dataclass(frozen=True)
class SavedSession:
    """A line of the resume list."""

    path: Path
    id: str
    enterprise: str
    questionnaire: str
    answered: int
    total: int | None
    """Questions to ask (``None`` when the questionnaire cannot be loaded)."""
    updated: dt.datetime


@dataclass(frozen=True)
class Corrupt:
    """An autosave that could not be read, and where it was moved."""

    original: Path
    moved_to: Path | None
    """``None`` if it could not even be moved (it is then left in place)."""
    reason: str


def list_sessions(clock: Clock = _now) -> tuple[list[SavedSession], list[Corrupt]]:
    """Saved sessions, newest first; unreadable ones are moved aside and reported."""
    from .loading import shared_questionnaire

    found: list[SavedSession] = []
    corrupt: list[Corrupt] = []
    folder = autosave_dir()
    if not folder.is_dir():
        return found, corrupt
    for path in sorted(folder.glob("*.yaml")):
        try:
            s = Session.load(path)
        except (MaturityError, UnicodeDecodeError, OSError, ValueError) as exc:
            corrupt.append(quarantine(path, exc, clock))
            continue
        total = None
        try:
            q = shared_questionnaire(s.questionnaire)
            values = s.values(q)  # counted as the question screen counts: an answer that does
            asked = s.asked(q, values)  # not fit (a level of 9) is not answered (a list said 60/60
            total, answered = len(asked), sum(1 for qid in asked if s.answered(qid) and qid in values)
        except MaturityError:
            answered = sum(1 for qid in s.answers if s.answered(qid))
        updated = s.updated_at or dt.datetime.fromtimestamp(path.stat().st_mtime)
        found.append(SavedSession(path=path, id=s.id, enterprise=s.enterprise.get("name", ""),
                                  questionnaire=s.questionnaire, answered=answered, total=total,
                                  updated=updated))
    found.sort(key=lambda s: (s.updated, s.path.name), reverse=True)
    return found, corrupt


def quarantine(path: Path, exc: BaseException, clock: Clock = _now) -> Corrupt:
    """Move an unreadable autosave aside (never delete what a user typed)."""
    stamp = clock().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    reason = str(exc) if isinstance(exc, MaturityError) else f"{type(exc).__name__}: {exc}"
    try:
        path.rename(target)
    except OSError:
        return Corrupt(original=path, moved_to=None, reason=reason)
    return Corrupt(original=path, moved_to=target, reason=reason)


__all__ = ["DATA_ENV", "Corrupt", "InputFileError", "SavedSession", "Session", "autosave_dir",
           "data_dir", "list_sessions", "quarantine"]
