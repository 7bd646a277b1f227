"""Atomic file writes: a reader (or a crash) never sees half a file."""

from __future__ import annotations

import contextlib
import glob
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


SCANNED_SUFFIXES = (".yaml", ".yml")
"""What a directory scan reads (``maturity score DIR``)."""


def check_output(output: str | None, inputs: list[str]) -> None:
    """Refuse an output path that would overwrite one of the inputs (``UsageError``, exit 2).

    The same file also counts through a symlink or a hard link; a file inside a scored
    directory counts when the scan would read it (a ``.yaml`` / ``.yml`` suffix), and a
    file matched by a glob given as an input counts too. Checked before anything is written.
    """
    if not output or output == "-":
        return
    from .errors import UsageError

    out = Path(output)
    out_real = out.resolve()
    for arg in inputs:
        if arg == "-":
            continue
        matches = [Path(m) for m in sorted(glob.iglob(arg, recursive=True))] \
            if not Path(arg).exists() and glob.has_magic(arg) else [Path(arg)]
        for p in matches:
            if _same(out, p) or out_real == p.resolve():
                raise UsageError(f"-o {output}: that is an input ({arg}); it would be overwritten. "
                                 "Write the output to another file.")
            if p.is_dir() and out.suffix.lower() in SCANNED_SUFFIXES and out_real.is_relative_to(p.resolve()):
                if out.exists():
                    raise UsageError(f"-o {output}: that is one of the files scored from {arg}; it "
                                     "would be overwritten. Write the output to another file.")
                raise UsageError(f"-o {output}: it lies inside the scored directory {arg} and would be "
                                 "read as an input next time; write it elsewhere or give it another "
                                 "suffix.")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
