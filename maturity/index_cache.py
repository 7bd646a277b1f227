"""Validated questionnaires kept between runs.

Loading the general index (parse 5,000 lines with line tracking, validate with pydantic,
check its rules) costs about 80 ms, more than the rest of a ``validate`` or a ``report``
start-up; the batch and the TUI pay it in every process.  A questionnaire that loaded
without errors is kept, pickled, in ``<user data dir>/cache/questionnaires/``, keyed by
the versions of maturity, pydantic and Python, by the size and modification time of the
code that builds a questionnaire (the package's modules and its models: an edited
checkout keeps its version number), and by the path, size and modification time of every
questionnaire file in the file's own directory and on the search path (an overlay reads
its parent from there): any change to any of them loads afresh.  A cache
that cannot be read or written is ignored, and ``MATURITY_NO_CACHE=1`` turns it off.

The cache holds only what this process itself validated and wrote, in the user's own
data directory; it is read only under a key that names every input, so it never gives a
questionnaire other than the one the files on disk would give.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from . import __version__
from ._io import user_dir, write_atomic
from .errors import MaturityError

T = TypeVar("T")

NO_CACHE_ENV = "MATURITY_NO_CACHE"


@cache
def _code() -> tuple[str, ...]:
    """The modules that make a questionnaire object, by name, size and modification time:
    a pickle made by other code may lack a field the models now have."""
    here = Path(__file__).resolve().parent
    out = []
    for f in sorted([*here.glob("*.py"), *(here / "model").glob("*.py")]):
        st = f.stat()
        out.append(f"{f.name}\0{st.st_size}\0{st.st_mtime_ns}")
    return tuple(out)


def _key(path: Path, dirs: list[Path]) -> str | None:
    import pydantic

    try:
        parts = [__version__, pydantic.VERSION, sys.version, *_code(), str(path)]
        for d in dict.fromkeys([path.parent, *dirs]):
            if d.is_dir():
                for f in sorted(d.glob("*.yaml")):
                    st = f.stat()
                    parts.append(f"{f}\0{st.st_size}\0{st.st_mtime_ns}")
    except OSError:
        return None
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def cached(path: Path, dirs: list[Path], load: Callable[[], T]) -> T:
    """``load()``, or what it returned last time for the same files."""
    if os.environ.get(NO_CACHE_ENV):
        return load()
    key = _key(path, dirs)
    if key is None:
        return load()
    file = user_dir() / "cache" / "questionnaires" / f"{key}.pickle"
    try:
        return pickle.loads(file.read_bytes())  # written by load() below, keyed by its inputs
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # none yet, or unreadable: load afresh
    value = load()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a cache only
    return value


def stamp(path: str) -> tuple[int, int]:
    """What tells a file's edit: its modification time and size (0, 0 when it is gone)."""
    try:
        st = os.stat(path)
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


_EXTENDS = re.compile(r"^extends:\s*['\"]?([^\s'\"#]+)", re.M)


@lru_cache(maxsize=64)
def bases(path: str, _stamp: tuple[int, int], find: Callable[..., Path]) -> tuple[str, ...]:
    """The files a questionnaire file extends, nearest first (its ``extends:`` line, read
    without parsing the YAML; ``find`` resolves a reference as loading does; a chain that
    cannot be followed stops, and loading says why)."""
    out: list[str] = []
    current = path
    while True:
        try:
            with open(current, encoding="utf-8-sig") as fh:
                found = _EXTENDS.search(fh.read(16384))
            parent = str(find(found.group(1), near=Path(current).parent).resolve()) \
                if found else None
        except (OSError, UnicodeDecodeError, MaturityError):
            parent = None
        if parent is None or parent == path or parent in out:
            return tuple(out)
        out.append(parent)
        current = parent
