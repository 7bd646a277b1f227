"""One process edits a session: a lock file beside the autosave (no UI code).

Two TUIs on one autosaved session used to save over each other, and the last save won:
an answer given in one window silently reverted. Now the first to open a session holds
``<autosave>.lock`` (process id, host and time, written with ``O_EXCL``); a second one
gets :class:`SessionLocked` with the holder and may open the session read-only or as a
copy, never writing over it. A lock whose process is gone (same host, no such process)
is stale and taken over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from .errors import Issue, MaturityError


@dataclass(frozen=True)
class Holder:
    """Who holds a lock."""

    pid: int
    host: str
    since: str

    def alive(self) -> bool:
        """False only when it surely is not: same host and no such process."""
        if self.host != socket.gethostname():
            return True  # another machine (a shared folder): assume it is still working
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # someone else's process
        return True


class SessionLocked(MaturityError):
    """The session is open in another process (``holder``)."""

    def __init__(self, path: Path, holder: Holder) -> None:
        message = (f"{path}: open in another maturity (process {holder.pid} on {holder.host}, "
                   f"since {holder.since})")
        super().__init__(message, [Issue(message, file=str(path), code="locked")])
        self.holder = holder


class Lock:
    """The lock of one file; :meth:`acquire` it, :meth:`release` it when done."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target.with_name(target.name + ".lock")
        self.held = False

    def holder(self) -> Holder | None:
        """Who holds it, or None when it is free or unreadable."""
        try:
            pid, host, since = self.path.read_text("utf-8").split()[:3]
            return Holder(int(pid), host, since)
        except (OSError, ValueError):
            return None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`SessionLocked`. A stale lock is taken over."""
        if self.held:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self.holder()
                if holder is not None and holder.alive():
                    raise SessionLocked(self.target, holder) from None
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()  # stale or unreadable: its process is gone
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                stamp = dt.datetime.now().isoformat(timespec="seconds")
                fh.write(f"{os.getpid()} {socket.gethostname()} {stamp}\n")
            self.held = True
            return
        holder = self.holder() or Holder(0, "?", "?")
        raise SessionLocked(self.target, holder)

    def release(self) -> None:
        """Give the lock up (only if this process holds it)."""
        if not self.held:
            return
        self.held = False
        holder = self.holder()
        if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


__all__ = ["Holder", "Lock", "SessionLocked"]
