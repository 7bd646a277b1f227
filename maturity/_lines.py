"""A line parser for the plain block YAML that answers files are made of.

Answers files, whether written by ``maturity template``, by the TUI or by a script with
``yaml.safe_dump``, use a small part of YAML: block mappings with plain keys, one value
per line (a plain or quoted scalar, ``[a, b]``, ``[]`` or ``{}``), block sequences of
scalars, and comments.  :func:`parse_lines` reads exactly that part, line by line with a
few string operations per line, and resolves plain scalars with the safe loader's own
rules (:func:`maturity._yaml._plain`), so it gives the same objects as the safe loader.
On anything else (a tab, a multi-line scalar, an escape, an anchor, a flow mapping, a
duplicate key, a syntax error, an unusual character) it gives up and returns
:data:`UNSURE`, and the caller parses the file with the libyaml path, which reads all of
YAML and locates errors.  It never decides that a file is invalid.

Why: parsing was the largest part of scoring a file (``docs/performance.md``); libyaml's
events still cost a Python object each, about seven per answer.

The same parser is compiled from ``_speedups.c`` where the install finds a C compiler
(``hatch_build.py``); it reads a file about four times faster and is tried first.  It is
more cautious (plain ASCII keys only): where it is unsure, this module's parser decides.
The property tests in ``tests/test_lines.py`` check both: whatever either returns, the
safe loader returns too, on generated documents, on random text and on random edits of
real answers files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

try:  # built from _speedups.c at install where a C compiler is found (hatch_build.py)
    from ._speedups import parse_block as _compiled
except ImportError:  # pragma: no cover - depends on the install
    _compiled = None

UNSURE: Any = object()
"""Returned when the text is not in the subset: parse it with the full loader."""

# YAML 1.1 printable characters, minus tab, CR and the line breaks NEL, LS and PS and the
# byte-order mark, which the subset leaves to the full loader
_UNUSUAL_CLASS = ("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                  "\U00010000-\U0010ffff]")


@cache
def _unusual() -> re.Pattern[str]:
    """Compiled when the Python parser first runs (5 ms, which the compiled parser's
    processes never pay: it checks the same set itself)."""
    return re.compile(_UNUSUAL_CLASS)


_KEY = re.compile(r"(\w[\w.\-/]*):(?: +|$)")
# characters a plain scalar may not start with (YAML indicators); ``-`` and ``.`` followed
# by a digit (negative numbers, ``.5``) are allowed below
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_BAD = frozenset("[]{}'\"#")
_OPENERS = frozenset("\"'[{")  # a value that is not a plain scalar begins with one


class _Unsure(Exception):
    pass


def parse_lines(text: str, plain: Any, known: Mapping[str, Any] | None = None,
                compiled: bool = True) -> Any:
    """The document in ``text``, or :data:`UNSURE`.  ``plain`` resolves a plain scalar
    (raising on what it cannot resolve); ``known``, if given, holds scalars ``plain`` has
    resolved before (its memo), looked up first.  The compiled parser reads the text
    first, where it was built (``compiled=False``: the Python parser alone, for tests)."""
    memo = {} if known is None else known
    try:
        if compiled and _compiled is not None and memo.__class__ is dict:
            out = _compiled(text, plain, memo)  # None: unsure, which the Python parser decides
            if out is not None:
                return out
        if _unusual().search(text):
            return UNSURE
        return _parse(text, plain, memo)
    except Exception:  # _Unsure, or what the resolver cannot make (a bad date, a merge key)
        return UNSURE


def _parse(text: str, plain: Any, known: Mapping[str, Any]) -> Any:
    root: dict = {}
    # (indent, container); a sequence may sit at its key's own indent ("key:\n- a")
    stack: list[tuple[int, Any]] = []
    pending: tuple[dict, Any, int] | None = None  # a key whose value is on later lines
    for line in text.split("\n"):
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            continue
        indent = len(line) - len(body)
        if body[-1] == " ":
            body = body.rstrip(" ")
        item = body[0] == "-" and body[1:2] in ("", " ")  # "- x" or a lone "-"
        if not stack:
            if indent or item:
                raise _Unsure  # an indented or non-mapping top level
            stack.append((0, root))
        elif pending is not None:
            parent, key, at = pending
            pending = None
            if indent > at or (indent == at and item):
                parent[key] = child = [] if item else {}
                stack.append((indent, child))
            else:
                parent[key] = None
        while stack[-1][0] > indent:
            stack.pop()
            if not stack:
                raise _Unsure
        top_indent, top = stack[-1]
        if top.__class__ is list and not item and len(stack) > 1 and stack[-2][0] == indent:
            stack.pop()  # the end of a sequence written at its key's indent
            top_indent, top = stack[-1]
        if top_indent != indent:
            raise _Unsure
        if top.__class__ is list:
            if not item or body == "-":
                raise _Unsure
            top.append(_value(body[2:].lstrip(" "), plain))
            continue
        m = _KEY.match(body)
        if m is None:
            raise _Unsure
        try:
            key = known[m.group(1)]
        except KeyError:
            key = plain(m.group(1))
        if key.__class__ in (dict, list) or key in top:
            raise _Unsure  # a duplicate key: the full loader says where
        rest = body[m.end():]
        if not rest or rest[0] == "#":
            top[key] = None  # set now, so that the key counts as seen
            pending = (top, key, indent)
        elif rest[0] in _OPENERS:
            top[key] = _value(rest, plain)
        else:  # a plain scalar, the commonest value: _value's last case, inline
            cut = rest.find(" #")
            value = rest if cut < 0 else rest[:cut].rstrip(" ")
            _check_plain(value)
            try:
                top[key] = known[value]
            except KeyError:
                top[key] = plain(value)
    if not stack:
        raise _Unsure  # no content: leave the empty document to the full loader
    return root


def _value(rest: str, plain: Any) -> Any:
    """One value written on its line (no leading spaces; may end in a comment)."""
    c = rest[0]
    if c == '"':
        end = rest.find('"', 1)
        if end < 0 or "\\" in rest[:end]:
            raise _Unsure  # escapes and multi-line strings: the full loader
        _tail(rest, end + 1)
        return rest[1:end]
    if c == "'":
        out, i = [], 1
        while True:
            end = rest.find("'", i)
            if end < 0:
                raise _Unsure
            out.append(rest[i:end])
            if rest[end + 1:end + 2] == "'":
                out.append("'")
                i = end + 2
                continue
            _tail(rest, end + 1)
            return "".join(out)
    if c == "[":
        end = rest.find("]")
        if end < 0:
            raise _Unsure
        _tail(rest, end + 1)
        inner = rest[1:end]
        if not inner.strip(" "):
            return []
        if _FLOW_BAD.intersection(inner):
            raise _Unsure
        return [_flow_item(x.strip(" "), plain) for x in inner.split(",")]
    if c == "{":
        if rest[1:2] != "}":
            raise _Unsure
        _tail(rest, 2)
        return {}
    cut = rest.find(" #")
    value = rest if cut < 0 else rest[:cut].rstrip(" ")
    _check_plain(value)
    return plain(value)


def _flow_item(value: str, plain: Any) -> Any:
    if not value or ":" in value or "?" in value[:1]:
        raise _Unsure  # an empty entry or a flow mapping
    _check_plain(value)
    return plain(value)


def _check_plain(value: str) -> None:
    c = value[0]
    if c in _INDICATORS and not (c in "-." and value[1:2].isdigit()):
        raise _Unsure
    if ": " in value or value[-1] == ":":
        raise _Unsure  # a mapping where a scalar was expected


def _tail(rest: str, end: int) -> None:
    """Only spaces and a comment may follow a closed value."""
    tail = rest[end:]
    if tail and (tail[0] != " " or tail.lstrip(" ")[:1] not in ("", "#")):
        raise _Unsure
