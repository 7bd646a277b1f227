"""An assessment in progress: what the TUI edits, autosaves and resumes (no UI code).

A session is saved as a standard ``maturity-answers/1`` file — the same file
``maturity score`` reads — whose first comment lines carry where the user stopped. Every
save is atomic (temp file + rename). Autosaves live under the user data directory
(``platformdirs``), or ``$MATURITY_DATA_DIR`` when set (tests, kiosks, `textual serve`).
A corrupt autosave is never deleted: it is moved aside and reported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._io import write_atomic
from .errors import InputFileError, MaturityError
from .model.answers import ANSWERS_FORMAT

DATA_ENV = "MATURITY_DATA_DIR"
_POSITION = re.compile(r"^# maturity-session: (?P<id>[0-9a-f]+) at (?P<question>\S*)$")


def data_dir() -> Path:
    """Where sessions are kept: ``$MATURITY_DATA_DIR`` or the platform's user data dir."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("maturity", appauthor=False))


def sessions_dir() -> Path:
    return data_dir() / "sessions"


@dataclass
class Session:
    """One enterprise's assessment in progress."""

    questionnaire: str
    """``id@version``."""
    language: str = "zh"
    enterprise: dict[str, str] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    """Question id → answer in answers-file form (``n/a`` included)."""
    notes: dict[str, str] = field(default_factory=dict)
    position: str = ""
    """Id of the question the user is on."""
    assessed_on: dt.date | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    extra_path: Path | None = None
    """Also save here (``maturity assess --answers FILE``)."""

    @property
    def path(self) -> Path:
        return sessions_dir() / f"{self.id}.yaml"

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"format": ANSWERS_FORMAT, "questionnaire": self.questionnaire,
                               "language": self.language}
        enterprise = {k: v for k, v in self.enterprise.items() if v}
        if enterprise:
            doc["enterprise"] = enterprise
        if self.assessed_on:
            doc["assessed_on"] = self.assessed_on
        doc["answers"] = {k: v for k, v in self.answers.items() if v is not None}
        if self.notes:
            doc["notes"] = {k: v for k, v in self.notes.items() if v}
        return doc

    def text(self) -> str:
        head = f"# maturity-session: {self.id} at {self.position}\n"
        head += "# An answers file saved by `maturity assess`; `maturity score` reads it as is.\n"
        return head + yaml.safe_dump(self.document(), allow_unicode=True, sort_keys=False)

    def save(self) -> None:
        """Write the autosave (and the ``--answers`` file) atomically."""
        text = self.text()
        write_atomic(self.path, text)
        if self.extra_path is not None:
            write_atomic(self.extra_path, text)

    @classmethod
    def load(cls, path: Path) -> Session:
        """Read a saved session (or any answers file); :class:`InputFileError` if it is corrupt."""
        from .loading import load_answers

        text = path.read_text(encoding="utf-8", errors="strict") if path.exists() else ""
        answers = load_answers(path)
        first = text.splitlines()[0] if text else ""
        match = _POSITION.match(first)
        ent = answers.enterprise.model_dump(exclude_none=True)
        return cls(
            questionnaire=answers.questionnaire, language=answers.language or "zh",
            enterprise={k: str(v) for k, v in ent.items()},
            answers={k: v for k, v in answers.answers.items() if v is not None},
            notes=dict(answers.notes), assessed_on=answers.assessed_on,
            position=match.group("question") if match else "",
            id=match.group("id") if match else uuid.uuid4().hex[:12],
        )


@dataclass(frozen=True)
class SavedSession:
    """A line of the resume list."""

    path: Path
    enterprise: str
    questionnaire: str
    answered: int
    updated: dt.datetime


@dataclass(frozen=True)
class Corrupt:
    """An autosave that could not be read, and where it was moved."""

    original: Path
    moved_to: Path
    reason: str


def list_sessions() -> tuple[list[SavedSession], list[Corrupt]]:
    """Saved sessions, newest first; unreadable ones are moved aside and reported."""
    found: list[SavedSession] = []
    corrupt: list[Corrupt] = []
    folder = sessions_dir()
    if not folder.is_dir():
        return found, corrupt
    for path in sorted(folder.glob("*.yaml")):
        try:
            s = Session.load(path)
        except (MaturityError, UnicodeDecodeError, OSError, ValueError) as exc:
            corrupt.append(quarantine(path, exc))
            continue
        found.append(SavedSession(
            path=path, enterprise=s.enterprise.get("name", ""), questionnaire=s.questionnaire,
            answered=len(s.answers), updated=dt.datetime.fromtimestamp(path.stat().st_mtime)))
    found.sort(key=lambda s: s.updated, reverse=True)
    return found, corrupt


def quarantine(path: Path, exc: BaseException) -> Corrupt:
    """Move an unreadable autosave aside (never delete what a user typed)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    path.rename(target)
    reason = str(exc) if isinstance(exc, MaturityError) else f"{type(exc).__name__}: {exc}"
    return Corrupt(original=path, moved_to=target, reason=reason)


__all__ = ["DATA_ENV", "Corrupt", "InputFileError", "SavedSession", "Session", "data_dir",
           "list_sessions", "quarantine", "sessions_dir"]
