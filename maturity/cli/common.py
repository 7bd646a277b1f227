"""What every command shares: exit codes, messages for people, writing the output."""

from __future__ import annotations

import argparse
import os
import sys
from enum import IntEnum
from pathlib import Path

from .._io import check_output
from ..printable import printable, terminal_or


class Exit(IntEnum):
    OK = 0
    INVALID = 1
    """Some input was invalid (or an internal error, reported as such)."""
    USAGE = 2
    INTERRUPTED = 130


SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                  ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                  ".txt": "text", ".xlsx": "xlsx", ".xls": "xlsx", ".tsv": "tsv", ".pdf": "pdf",
                  ".yaml": "yaml", ".yml": "yaml"}
"""The format an output file's suffix names (``text``: the command's plain-text form; xlsx,
tsv, pdf and yaml no command of results writes, so naming them is refused rather than
filled with text: a table of results saved as ``results.yml`` into the inbox broke the next
batch as a YAML file that was not one)."""


def output_format(args: argparse.Namespace, choices: tuple[str, ...], text: str = "terminal") -> str:
    """``-f`` as given; else the format the ``-o`` file's suffix names (``r.json``,
    ``r.html``, ``r.txt``: ``text``); else the command's first format.  Sets
    ``args.format``.  A suffix naming a format the command does not write is a usage error:
    never terminal text in a ``.html`` file."""
    from ..errors import UsageError

    if args.format is None:
        output = args.output if args.output and args.output != "-" else ""
        named = SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower())
        named = text if named == "text" else named
        if named is not None and named not in choices:
            raise UsageError(f"{output}: this command writes {', '.join(choices)}, not {named}; "
                             f"give -f, or a file name that ends as the format")
        args.format = named or choices[0]
    return str(args.format)


def no_color() -> bool:
    """Whether the user asked for no colour: ``NO_COLOR`` set and not empty (no-color.org:
    an empty value is ignored, as rich does)."""
    return bool(os.environ.get("NO_COLOR"))


def _err(message: str) -> None:
    """A message for people on stderr, red when stderr is a colour terminal."""
    message = printable(message)  # a file name or a value may carry control characters
    if sys.stderr.isatty() and not no_color():
        message = f"\x1b[31m{message}\x1b[0m"
    print(message, file=sys.stderr)


def _warn(message: str) -> None:
    message = printable(message)
    if sys.stderr.isatty() and not no_color():
        message = f"\x1b[33m{message}\x1b[0m"
    print(message, file=sys.stderr)


def warn_unread_tables(tables: list[str]) -> None:
    """The tables met in the folders scanned, which are not read: never a silent skip, in
    ``score``, ``validate`` and ``report`` alike (a consultant lost two plants' table in a
    scanned folder; ``validate DIR`` then said only "ok" for the folder's answers files)."""
    if tables:
        _warn(f"{len(tables)} table(s) in the folders scanned were not read (a folder is scanned for "
              f"answers files only): {', '.join(tables[:3])}{' …' if len(tables) > 3 else ''}; name a "
              "table to read its rows")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} workers: give 1 or more")
    return value


def _default_lang() -> str:
    from ..i18n import default_lang

    return default_lang()


def _write_out(text: str, output: str | None) -> None:
    if output and output != "-":
        from pathlib import Path

        from .._io import folder_exists, write_atomic

        folder_exists(Path(output))
        write_atomic(output, text)
    else:
        terminal_or(sys.stdout).write(text)  # on a terminal, data is shown, never obeyed


__all__ = ["Exit", "check_output"]


def note_survey_columns(paths: list[str]) -> None:
    """Say, once for each table given, the survey platform's columns that are not read as
    answers (序号, 提交答卷时间, 来自IP…): left out, never unsaid."""
    from .._io import TABLE_SUFFIXES
    from ..tabular import survey_columns_of

    for arg in paths:
        path = Path(arg)
        if path.suffix.lower() in TABLE_SUFFIXES and path.is_file():
            found = survey_columns_of(path)
            if found:
                _warn(f"{arg}: the survey platform's own columns are not answers and were not "
                      f"read: {', '.join(found)}")
