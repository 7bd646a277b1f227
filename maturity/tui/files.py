"""File names for what the app writes: exports and copies of the answers."""

from __future__ import annotations

from pathlib import Path


def file_stem(name: str | None, fallback: str) -> str:
    """A file-name stem from an enterprise name: letters (any script), digits, ``-`` and
    ``_``, anything else as ``_``, at most 60 characters; ``fallback`` where none is left."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name or "")[:60]
    return (safe.strip("_") and safe) or fallback


def free_name(folder: Path, name: str) -> str:
    """``name``, or ``stem-2.suffix``, ``stem-3.suffix``…: the first that is not in
    ``folder``, so that an export never replaces an earlier one (a plant's re-assessment
    a year later, or two names cut to the same 60 characters, replaced last year's file)."""
    path = Path(name)
    k = 1
    while (folder / name).exists():
        k += 1
        name = f"{path.stem}-{k}{path.suffix}"
    return name
