"""``extends:`` overlays merged on the raw data, before any model sees it, so that a
located error still points at the file and line where the value was written.

Lists of items with ids merge by id (``{id, remove: true}`` deletes); dimensions and
indicators merge field by field; everything else in an overlay replaces the base's.
The questionnaire schema describes the same rules (``maturity.schema``).
"""

from __future__ import annotations

from collections.abc import Mapping

from ._yaml import LocatedDict, LocatedList

ID_LISTS = {"dimensions", "indicators", "scenarios", "industries", "production_types", "option_sets",
            "groups", "checks"}
"""Lists merged item by item on ``id`` (an item with ``remove: true`` deletes)."""
RECURSE = {"dimensions", "indicators"}
"""Lists whose matching items are merged field by field; others are replaced whole."""


def _copy_dict(src: LocatedDict | dict) -> LocatedDict:
    out = LocatedDict(src)
    if isinstance(src, LocatedDict):
        out.file, out.line = src.file, src.line
        out.key_lines = dict(src.key_lines)
        out.key_files = dict(src.key_files) if src.key_files else None
    return out


def merge(base: Mapping, over: Mapping) -> LocatedDict:
    out = _copy_dict(base)  # type: ignore[arg-type]
    over_file = getattr(over, "file", None)
    over_lines = getattr(over, "key_lines", {})
    for key, value in over.items():
        if key in ID_LISTS and isinstance(out.get(key), list) and isinstance(value, list):
            out[key] = _merge_list(out[key], value, recurse=key in RECURSE)
        elif key == "questions" and isinstance(out.get(key), list) and isinstance(value, list):
            out[key] = _merge_list(out[key], value, recurse=False)
        else:
            out[key] = value
        if key in over_lines:
            out.key_lines[key] = over_lines[key]
            if over_file and over_file != out.file:
                out.key_files = out.key_files or {}
                out.key_files[key] = over_file
    return out


def _merge_list(base: list, over: list, recurse: bool) -> LocatedList:
    items = list(base)
    index = {item.get("id"): n for n, item in enumerate(items) if isinstance(item, dict)}
    for item in over:
        ident = item.get("id") if isinstance(item, dict) else None
        if ident is None or ident not in index:
            if isinstance(item, dict) and item.get("remove") is True:
                continue  # removing something absent: reported by no rule, harmless
            items.append(item)
            index[ident] = len(items) - 1
            continue
        pos = index[ident]
        if item.get("remove") is True:
            items[pos] = None
        elif recurse:
            items[pos] = merge(items[pos], item)
        else:
            items[pos] = item
    out = LocatedList(i for i in items if i is not None)
    if isinstance(base, LocatedList):
        out.file, out.line = base.file, base.line
    return out
