"""File names for what the app writes: exports and copies of the answers."""

from __future__ import annotations

from pathlib import Path

from .._io import file_stem  # noqa: F401  (the one rule, shared with reports in batch)


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
