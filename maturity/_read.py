"""Reading an input's text: UTF-8 with or without BOM, the size limit, and clear errors for
the usual accidents (a pipe, a folder, a missing file), for a named file and for standard
input alike; :mod:`maturity._yaml` parses what is read here."""

from __future__ import annotations

import os
import stat
import sys

from .errors import InputFileError, Issue

#: Largest file we agree to parse; a bigger "answers file" is a mistake, not data.
MAX_BYTES = 8 * 1024 * 1024


def decode(raw: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM); report the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"{source}: not UTF-8",
            [Issue(f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
                   f"{exc.start}); save it as UTF-8", file=source, line=line, code="not_utf8")],
        ) from None


def checked(source: str) -> int:
    """The size of the regular file ``source``; an ``InputFileError`` (``not_found``,
    ``not_a_file``, ``too_large``, ``unreadable``) for anything else, a table as well as a
    YAML file (a missing .csv was an AnswersError without a code; a NUL in a name, a raw
    ValueError)."""
    try:
        info = os.stat(source)
    except FileNotFoundError:
        raise InputFileError(f"{source}: not found", [Issue("no such file", file=source,
                                                            code="not_found")]) from None
    except ValueError:  # a NUL byte: no file can have that name
        raise InputFileError("not found: a file name with a NUL byte", [Issue(
            "no such file: a file name cannot hold a NUL byte", file=source.replace("\0", "\\0"),
            code="not_found")]) from None
    except OSError as exc:
        issue = Issue(exc.strerror or str(exc), file=source, code="unreadable")
        raise InputFileError(f"{source}: unreadable", [issue]) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{source}: is a directory", [Issue("is a directory", file=source,
                                                                 code="not_a_file")])
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{source}: not a regular file", [Issue(
            "not a regular file (a pipe, device or socket); give a file, or - for standard "
            "input", file=source, code="not_a_file")])
    if info.st_size > MAX_BYTES:
        raise InputFileError(f"{source}: too large", [Issue(
            f"file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}", file=source, code="too_large")])
    return info.st_size


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a text file for parsing, with clear errors for the usual accidents (a path as
    a string is read as it is: a batch reads thousands, and a ``Path`` each costs time)."""
    source = os.fspath(path)
    if source == "-":  # read no more than the limit and a byte: a pipe has no size to check first
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:  # `score -` took a 50 MB input, which validate refused
            raise InputFileError("-: too large", [Issue(
                f"more than {MAX_BYTES:,} bytes; the limit is {MAX_BYTES:,}", file="-", code="too_large")])
        return decode(raw, "-")
    checked(source)
    try:
        with open(source, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        issue = Issue(exc.strerror or str(exc), file=source, code="unreadable")
        raise InputFileError(f"{source}: unreadable", [issue]) from None
    return decode(raw, source)


__all__ = ["MAX_BYTES", "checked", "decode", "read_text"]
