"""Atomic file writes: a reader (or a crash) never sees half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _special(target: Path) -> bool:
    """A device, pipe or socket (``/dev/null``, ``/dev/stdout``): written to, never replaced."""
    try:
        return target.exists() and not target.is_file()
    except OSError:
        return False


def write_atomic(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory + rename.

    A device or pipe (``-o /dev/null``) is written to directly: renaming over it would
    replace the device with a file.
    """
    target = Path(path)
    if _special(target):
        with open(target, "wb") as fh:
            fh.write(data.encode(encoding) if isinstance(data, str) else data)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class AtomicOutput:
    """A text file written in a stream and renamed into place only when complete.

    ``with AtomicOutput(path) as fh: ...`` - a crash or an error leaves any previous file
    untouched and no partial one behind.
    """

    def __init__(self, path: str | os.PathLike[str], encoding: str = "utf-8", newline: str | None = None):
        self.target = Path(path)
        self.encoding = encoding
        self.newline = newline

    def __enter__(self):
        if _special(self.target):  # /dev/null, a pipe: stream into it, never rename over it
            self.tmp = None
            self.fh = open(self.target, "w", encoding=self.encoding, newline=self.newline)
            return self.fh
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp",
                                        dir=self.target.parent)
        self.fh = os.fdopen(fd, "w", encoding=self.encoding, newline=self.newline)
        return self.fh

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp is None:
            self.fh.close()
            return
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
            if exc_type is None:
                os.replace(self.tmp, self.target)
        finally:
            if os.path.exists(self.tmp):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.tmp)
