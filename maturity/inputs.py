"""What a batch reads: files, folders (recursive, lazily), globs, ``-`` and the rows of CSV
and XLSX tables, as :class:`Item` s in input order.  A folder with nothing in it, a pattern
that matches nothing, a folder that cannot be read or a link loop is an error item, never a
silent skip (``maturity.batch`` scores the items; ``maturity report`` renders them)."""

from __future__ import annotations

import glob
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._io import SCANNED_SUFFIXES, TABLE_SUFFIXES
from .tabular import BadInput, read_csv, read_xlsx


@dataclass(frozen=True, slots=True)
class Item:
    """One unit of work: a file path, or one CSV or XLSX row already turned into answers."""

    source: str
    path: str | None = None
    raw: Any = None


def iter_inputs(paths: Iterable[str], convert: bool = True, tables: list[str] | None = None
                ) -> Iterator[Item]:
    """Files, directories (recursive, ``*.yaml``/``*.yml``, sorted), globs, ``-`` and CSV or XLSX tables
    (``convert=False``: table rows are not turned into answers, for counting; ``tables``
    collects the tables met in directories, which are not read)."""
    for arg in paths:
        if arg == "-":
            yield Item("-", path="-")
            continue
        p = Path(arg)
        if p.is_dir():
            found = 0
            for item in walk(str(p), tables):  # each path named as a file argument is
                found += 1
                yield item
            if not found:  # a folder given and nothing in it is no silent success
                yield Item(str(p), raw=BadInput(f"{p}: no answers files (*.yaml, *.yml) in this folder"))
        elif p.suffix.lower() == ".csv" and p.is_file():
            yield from (Item(src, raw=raw) for src, raw in read_csv(p, convert))
        elif p.suffix.lower() == ".xlsx" and p.is_file():
            yield from (Item(src, raw=raw) for src, raw in read_xlsx(p, convert))
        elif not p.exists() and glob.has_magic(arg):
            matches = sorted(glob.iglob(arg, recursive=True))
            if not matches:  # a mistyped pattern dropped its enterprises, unsaid
                yield Item(arg, raw=BadInput(f"{arg}: no file matches this pattern"))
            for match in matches:
                yield from iter_inputs([match], convert, tables)
        else:
            yield Item(str(p), path=str(p))


def walk(root: str, tables: list[str] | None = None, _above: frozenset[tuple[int, int]] = frozenset()
         ) -> Iterator[Item]:
    """Depth-first, each directory sorted, lazily (a huge tree is never listed whole); paths
    joined as ``os.scandir`` joins them (no ``Path`` per file in a batch).  The suffix in
    any case (``B.YAML``); tables met on the way are not read (a results table written into
    the folder would come back as input) but added to ``tables``, to be said.  A link to a
    folder is followed (a city's folder linked into the inbox was skipped, unsaid) unless it
    leads back to a folder above it; that, and a folder that cannot be read, is an error
    item, never a silent skip."""
    try:
        here = os.stat(root)
        key = (here.st_dev, here.st_ino)
        if key in _above:
            yield Item(root, raw=BadInput(f"{root}: a link to a folder above it (a loop): not read"))
            return
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield Item(root, raw=BadInput(f"{root}: the folder cannot be read ({exc.strerror or exc})"))
        return
    above = _above | {key}
    for entry in entries:
        if _folder(entry):
            yield from walk(entry.path, tables, above)
            continue
        name = entry.name.lower()
        if name.endswith(SCANNED_SUFFIXES):  # a dangling link, a pipe or a socket named so:
            yield Item(entry.path, path=entry.path)  # an error row from the read, never a skip
        elif tables is not None and name.endswith(TABLE_SUFFIXES):
            tables.append(entry.path)


def _folder(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one."""
    try:
        return entry.is_dir()
    except OSError:  # a link loop on the entry itself: read as a file, it is reported
        return False


def count_inputs(paths: Sequence[str], limit: int | None = None) -> int | None:
    """Number of inputs, for a progress bar; ``None`` if counting would be expensive (stdin).
    With ``limit``, counting stops there (whether there are at least that many)."""
    if "-" in paths:
        return None
    return sum(1 for _ in itertools.islice(iter_inputs(paths, convert=False), limit))


__all__ = ["Item", "count_inputs", "iter_inputs", "walk"]
