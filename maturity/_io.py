"""Atomic file writes (a reader, or a crash, never sees half a file), and the user data dir."""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError

DATA_ENV = "MATURITY_DATA_DIR"


def user_dir() -> Path:
    """Where maturity keeps user data: ``$MATURITY_DATA_DIR`` or the platform's user data dir."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("maturity", appauthor=False))


def _special(target: Path) -> bool:
    """A device, pipe or socket (``/dev/null``, ``/dev/stdout``): written to, never replaced.
    So is anything reached through ``/dev`` or ``/proc``, directly or by a link: ``/dev/stderr``
    redirected to a file is a link to a regular file, and renaming over it replaced the link
    for every process (and the log it was redirected to)."""
    try:
        path = os.path.abspath(target)
        for _ in range(40):  # the links, hop by hop: realpath would skip /proc/self/fd/2
            if path.startswith(("/dev/", "/proc/")):
                return True
            if not os.path.islink(path):
                break
            path = os.path.abspath(os.path.join(os.path.dirname(path), os.readlink(path)))
        return target.exists() and not target.is_file()
    except OSError:
        return False


def _destination(target: Path) -> Path:
    """The file an output replaces: a link's own file, not the link (``-o latest.json``
    linked to ``shared/results.json`` replaced the link with a new file and left its file
    as it was).  The linked file's folder must exist, as an output's must (a link into a
    folder that does not exist made that folder)."""
    if target.is_symlink() and not _special(target):
        real = Path(os.path.realpath(target))
        if not real.parent.is_dir():
            raise OutputError(f"{target}: cannot write the output: it links to {real}, in no "
                              f"existing folder")
        return real
    return target


def _mode(target: Path) -> int:
    """The mode the output gets: a replaced file keeps its own, a new one follows the umask
    (``mkstemp`` alone would make every output 0600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def _writing(target: Path) -> Iterator[None]:
    """``OSError`` while writing becomes a plain message (exit 1), not an internal error."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        reason = exc.strerror or str(exc)
        raise OutputError(f"{target}: cannot write the output: {reason}") from None


def _temporary(target: Path) -> tuple[int, str]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.fchmod(fd, _mode(target))
    return fd, tmp


def write_atomic(path: str | os.PathLike[str], data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory + rename.

    A device or pipe (``-o /dev/null``) is written to directly: renaming over it would
    replace the device with a file.
    """
    target = _destination(Path(path))
    raw = data.encode(encoding) if isinstance(data, str) else data
    with _writing(target):
        if _special(target):  # appended: /dev/stderr may be a log redirected with 2>>
            with open(target, "ab") as fh:
                fh.write(raw)
            return
        fd, tmp = _temporary(target)
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
        self.target = _destination(Path(path))
        self.encoding = encoding
        self.newline = newline

    def __enter__(self):
        with _writing(self.target):
            if _special(self.target):  # /dev/null, a pipe: stream into it, never rename over it
                self.tmp = None
                self.fh = open(self.target, "a", encoding=self.encoding, newline=self.newline)
                return self.fh
            fd, self.tmp = _temporary(self.target)
            self.fh = os.fdopen(fd, "w", encoding=self.encoding, newline=self.newline)
            return self.fh

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp is None:
            self.fh.close()
            return
        try:
            with _writing(self.target):
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
TABLE_SUFFIXES = (".csv", ".xlsx")
"""Tables of answers, one enterprise a row: read when named, never when met in a folder."""


def file_stem(text: str | None, fallback: str, limit: int = 60) -> str:
    """A file-name stem from a name: letters (any script), digits, ``.``, ``-`` and ``_``,
    every run of anything else as one ``_``, no ``.`` or ``_`` at either end (no hidden
    file), at most ``limit`` characters; ``fallback`` where nothing is left.  The one rule
    for every file named after an input or an enterprise (reports in batch, TUI exports)."""
    safe = re.sub(r"[^\w.\-]+", "_", text or "").strip("._")[:limit].strip("._")
    return safe or fallback


def folder_exists(target: Path) -> None:
    """An output's folder must exist: a mistyped folder is a plain message (exit 1), never a
    new folder created somewhere unexpected (a folder of reports, ``-o DIR/``, is created on
    purpose, and checks its own parent)."""
    if not target.parent.is_dir():
        raise OutputError(f"{target}: cannot write the output: no such directory {target.parent}")


def check_output(output: str | None, inputs: list[str], new_folder: bool = False) -> None:
    """Refuse an output path that would overwrite one of the inputs (``UsageError``, exit 2).

    The same file also counts through a symlink or a hard link; a file inside a scored
    directory counts when the scan would read it (a ``.yaml`` / ``.yml`` suffix), and a
    file matched by a glob given as an input counts too. Checked before anything is written.
    The output's folder must exist (:func:`folder_exists`), unless ``new_folder``.
    """
    if not output or output == "-":
        return
    from .errors import UsageError

    out = Path(output)
    if not new_folder:
        if output.endswith(("/", os.sep)) or out.is_dir():  # written as one file named "results"
            raise UsageError(f"-o {output} names a folder, but this command writes one file: "
                             "give a file name")
        folder_exists(out)
    out_real = out.resolve()
    for arg in inputs:
        if arg == "-":
            # standard input redirected from a file is that file (``score - -o f.yaml <
            # f.yaml`` replaced the answers with the results)
            if _stdin_is(out):
                raise UsageError(f"-o {output}: that is standard input's file; it would be "
                                 "overwritten. Write the output to another file.")
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


def _stdin_is(path: Path) -> bool:
    """Whether standard input is read from the file ``path`` names."""
    try:
        mine, other = os.fstat(sys.stdin.fileno()), os.stat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(mine.st_mode) and (mine.st_dev, mine.st_ino) == (other.st_dev, other.st_ino)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def given_twice(paths: list[str]) -> list[tuple[str, str]]:
    """``(path, the earlier path it names too)`` for each path that names a file given
    before it (the same path, or another path to the same file: ``./a.yaml``, a link)."""
    out, seen = [], []
    for p in paths:
        if p == "-":
            continue
        earlier = next((q for q in seen if q == p or _same(Path(q), Path(p))), None)
        if earlier is not None:
            out.append((p, earlier))
        else:
            seen.append(p)
    return out
