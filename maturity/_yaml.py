"""Safe YAML loading that remembers where every mapping and list came from.

Only the *safe* loader is used (the libyaml C one when present): a document
with ``!!python/object`` or any other non-standard tag is rejected.  Mappings
load as :class:`LocatedDict` and sequences as :class:`LocatedList`, which carry
the file and the line of the node and of each key / item, so that a validation
error found much later can still say ``file:line``.  Duplicate keys, which
PyYAML silently overwrites, are an error here: in an answers file they mean an
answer would be lost.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from ._lines import UNSURE, parse_lines
from ._read import MAX_BYTES, decode, read_text  # read here by every caller that parses
from .errors import InputFileError, Issue

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _SafeBase

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeBase  # type: ignore[assignment]

    HAVE_LIBYAML = False



class LocatedDict(dict):
    """A ``dict`` that knows its source file, its line and the line of each key."""

    __slots__ = ("file", "key_files", "key_lines", "line")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.file: str | None = None
        self.line: int | None = None
        self.key_lines: dict[Any, int] = {}
        #: per-key file, only where keys come from several files (merged overlays)
        self.key_files: dict[Any, str] | None = None


class LocatedList(list):
    """A ``list`` that knows its source file, its line and the line of each item."""

    __slots__ = ("file", "item_lines", "line")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.file: str | None = None
        self.line: int | None = None
        self.item_lines: list[int] = []


_NOT_DECIMAL = re.compile(r"[-+]?0[0-9xXbBoO_]|[^:_]*[:_]")
"""YAML 1.1 numbers that are not written in plain decimal: base 60 (``1:10``), octal
(``045``), hexadecimal (``0x10``), binary (``0b101``) and digit separators (``7_4``)."""


class _NoSexagesimal:
    """An implicit resolver's pattern, minus YAML 1.1's numbers not written in plain
    decimal: ``1:10`` stays the text it is instead of silently becoming 70, ``045`` is
    not octal 37 nor ``7_4`` 74 (YAML 1.2 dropped base 60 and reads ``045`` as 45).  As
    text, a number answer is read as a decimal ("045" is 45) or refused with its line."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern

    def match(self, value: str) -> Any:
        return None if _NOT_DECIMAL.match(value) else self.pattern.match(value)


def _resolvers() -> dict[Any, list]:
    out = {}
    for first, pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
        out[first] = [(tag, _NoSexagesimal(rx) if tag.endswith((":int", ":float")) else rx)
                      for tag, rx in pairs]
    return out


class _Loader(_SafeBase):  # type: ignore[misc,valid-type]
    """Safe loader (C where available) producing located containers."""

    source_name: str = "<input>"
    yaml_implicit_resolvers = _resolvers()


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Iterable[LocatedDict]:
    data = LocatedDict()
    data.file = loader.source_name
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    lines = data.key_lines
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                "found an unhashable key", key_node.start_mark,
            )
        if key in lines:
            raise yaml.constructor.ConstructorError(
                None, None,
                f"duplicate key {key!r} (first at line {lines[key]})",
                key_node.start_mark,
            )
        lines[key] = key_node.start_mark.line + 1
        data[key] = loader.construct_object(value_node, deep=False)


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Iterable[LocatedList]:
    data = LocatedList()
    data.file = loader.source_name
    data.line = node.start_mark.line + 1
    yield data
    data.extend(loader.construct_object(child, deep=False) for child in node.value)
    data.item_lines = [child.start_mark.line + 1 for child in node.value]


def _located(make: Any, say: Any) -> Any:
    """``make``, with its ``ValueError`` said at the scalar's line (``say(node, exc)``)."""
    def construct(loader: _Loader, node: yaml.ScalarNode) -> Any:
        try:
            return make(loader, node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(None, None, say(node, exc), node.start_mark) from None
    return construct


def _no_binary(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """``!!binary`` is refused: its bytes were read as text ("Liu Yang" for an assessor)."""
    raise yaml.constructor.ConstructorError(None, None, "binary data (!!binary) is not plain text",
                                            node.start_mark)


_SC = yaml.constructor.SafeConstructor
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _located(  # e.g. 2026-02-30
    _SC.construct_yaml_timestamp, lambda node, exc: f"invalid date {node.value!r}: {exc}"))
_Loader.add_constructor("tag:yaml.org,2002:int", _located(  # more digits than an int takes (4,300)
    _SC.construct_yaml_int, lambda node, _: f"a number of {len(node.value):,} digits is too large"))
_Loader.add_constructor("tag:yaml.org,2002:binary", _no_binary)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str, source: str = "<input>") -> Any:
    """Parse one YAML document safely; raise :class:`InputFileError` with a line on failure."""
    loader = _Loader(text)
    loader.source_name = source
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        code = "invalid_yaml"
        if "could not determine a constructor" in problem or "unknown tag" in problem:
            found = re.search(r"'([^']*)'", problem)
            tag = found.group(1) if found else "?"
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            problem = f"YAML tag '{tag}' is not allowed: only plain data is loaded (safe loading)"
            code = "unsafe_tag"
        elif "found another document" in problem:
            problem = "a second YAML document starts here ('---'): a file holds one answers " \
                "file or one questionnaire; split it into one file each"
            code = "two_documents"
        raise InputFileError(
            f"{source}: invalid YAML", [Issue(problem, file=source, line=line, code=code)]
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: its line and column
        before = text[:exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputFileError(f"{source}: invalid YAML", [Issue(
            f"character U+{char:04X} at column {column} is not allowed in YAML (a control "
            f"character): delete it or write it as an escape in a double-quoted string",
            file=source, line=line, code="invalid_yaml")]) from None
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as exc:
        # errors without a mark: values PyYAML cannot build
        raise InputFileError(f"{source}: invalid YAML",
                             [Issue(str(exc), file=source, code="invalid_yaml")]) from None
    finally:
        loader.dispose()


def load_yaml_file(path: Path) -> Any:
    """Read and parse a YAML file; an empty document is an error."""
    return load_yaml_text(read_text(path), str(path))


def load_yaml_text(text: str | bytes, source: str) -> Any:
    """Parse YAML text (bytes are decoded as a file's are); an empty document is an error."""
    if isinstance(text, bytes):
        text = decode(text, source)
    if len(text) > MAX_BYTES:
        raise InputFileError(f"{source}: too large", [Issue(
            f"text is {len(text):,} characters; the limit is {MAX_BYTES:,}", file=source, code="too_large")])
    data = parse_yaml(text, source)
    if data is None:
        raise InputFileError(f"{source}: empty", [Issue("file is empty", file=source, line=1,
                                                                      code="empty")])
    return data


def locate(data: Any, loc: Sequence[int | str]) -> tuple[str | None, int | None, str]:
    """Follow a pydantic-style ``loc`` through located data.

    Returns ``(file, line, field)`` where ``field`` is a readable dotted path that
    names list items by their ``id`` when they have one
    (``dimensions[strategy].indicators[planning].weight``).  Parts of ``loc`` that
    are not in the data (union tags, model names) are skipped.
    """
    file = getattr(data, "file", None)
    line = getattr(data, "line", None)
    parts: list[str] = []
    current = data
    last = len(loc) - 1
    for n, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            if isinstance(current, LocatedDict):
                file = current.file or file
                if current.key_files and part in current.key_files:
                    file = current.key_files[part]
                line = current.key_lines.get(part, line)
            parts.append(str(part))
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            item = current[part]
            if isinstance(item, LocatedDict) and item.file:
                file, line = item.file, item.line
            elif isinstance(current, LocatedList):
                file = current.file or file
                if part < len(current.item_lines):
                    line = current.item_lines[part]
            label = item.get("id") if isinstance(item, dict) else None
            tag = f"[{label}]" if isinstance(label, str | int) else f"[{part}]"
            if parts:
                parts[-1] += tag
            else:
                parts.append(tag)
            current = item
        elif isinstance(part, str) and isinstance(current, dict) and part not in current:
            if n < last:
                continue  # a union tag ('level', 'cmmm') or a validator marker: skip it
            # the last part and not in the data: a missing field; the line stays at the
            # enclosing mapping
            if part.isidentifier():
                parts.append(part)
                if isinstance(current, LocatedDict):
                    file = current.file or file
                    line = current.line if current.line is not None else line
            current = None
        # anything else (a tag inside a list, a scalar that has no parts) is skipped
    return file, line, ".".join(parts)


# --------------------------------------------------------------------------- fast path

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CBaseLoader as _EventBase
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as _EventBase  # type: ignore[assignment]

_E = yaml.events
_IMPLICIT = _Loader.yaml_implicit_resolvers  # the located loader's own table: one reading
_MAKE = {
    "tag:yaml.org,2002:int": _SC.construct_yaml_int,
    "tag:yaml.org,2002:float": _SC.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SC.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SC.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _SC.construct_yaml_timestamp,
}
_fast_ctor = _SC()


class _FastFail(Exception):
    """Anything unusual: fall back to the located loader for the exact message."""


_PLAIN_CACHE: dict[str, Any] = {}


def _plain(value: str) -> Any:
    """Resolve a plain (unquoted) scalar exactly as the safe loader does (memoised: the
    same keys and answers recur in every file of a batch; results are immutable)."""
    try:
        return _PLAIN_CACHE[value]
    except KeyError:
        pass
    resolved = _resolve_plain(value)
    if len(_PLAIN_CACHE) > 20_000:  # unique names and notes would fill it: start afresh
        _PLAIN_CACHE.clear()
    _PLAIN_CACHE[value] = resolved
    return resolved


def _resolve_plain(value: str) -> Any:
    for tag, regexp in _IMPLICIT.get(value[:1], ()) if value else _IMPLICIT.get("", ()):
        if regexp.match(value):
            make = _MAKE.get(tag)
            if make is None:  # merge keys, '=' values
                raise _FastFail
            try:
                return make(_fast_ctor, yaml.nodes.ScalarNode(tag, value))
            except ValueError:  # 4,400 digits: the located loader says where
                raise _FastFail from None
    return value


def fast_parse(text: str, source: str = "<input>") -> Any:
    """Parse plain YAML data faster than ``yaml.load(CSafeLoader)``, to the same objects.

    The C parser emits events; plain Python builds dicts, lists and scalars from them,
    resolving plain scalars with the safe loader's own rules. Anything outside plain
    data (tags, anchors and aliases, merge keys, duplicate keys, syntax errors) falls
    back to :func:`parse_yaml`, which reports it with its line. Results carry no line
    numbers: re-parse with :func:`parse_yaml` to locate errors.
    """
    out = parse_lines(text, _plain, _PLAIN_CACHE)  # the plain block subset, line by line
    if out is not UNSURE:
        return out
    loader = _EventBase(text)
    stack: list[Any] = []
    keys: list[Any] = []
    root: Any = None
    scalar_event, mapping_start, sequence_start = _E.ScalarEvent, _E.MappingStartEvent, _E.SequenceStartEvent
    mapping_end, sequence_end = _E.MappingEndEvent, _E.SequenceEndEvent
    try:
        while loader.check_event():
            event = loader.get_event()
            cls = event.__class__
            if cls is scalar_event:
                if event.tag is not None or event.anchor is not None:
                    raise _FastFail
                value = event.value if event.style else _plain(event.value)  # plain: None or ""
            elif cls is mapping_start or cls is sequence_start:
                if event.tag is not None or event.anchor is not None:
                    raise _FastFail
                stack.append({} if cls is mapping_start else [])
                keys.append(_NO_KEY)
                continue
            elif cls is mapping_end or cls is sequence_end:
                value = stack.pop()
                keys.pop()
            elif cls is _E.AliasEvent:
                raise _FastFail
            elif cls is _E.DocumentStartEvent and root is not None:
                raise _FastFail  # a second document: the located loader refuses it
            else:
                continue  # stream / document start and end
            if not stack:
                root = value
                continue
            top = stack[-1]
            if top.__class__ is list:
                top.append(value)
            elif keys[-1] is _NO_KEY:
                if value.__class__ in (dict, list) or value in top:
                    raise _FastFail  # unhashable or duplicate key: the located loader says where
                keys[-1] = value
            else:
                top[keys[-1]] = value
                keys[-1] = _NO_KEY
        return root
    except (_FastFail, yaml.YAMLError, ValueError, TypeError, RecursionError):
        pass
    finally:
        loader.dispose()
    return parse_yaml(text, source)


_NO_KEY = object()
