"""National reference figures from ``seeds/`` (read once, cached)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import _yaml
from .loading import data_dir


@dataclass(frozen=True)
class Figure:
    id: str
    name: dict[str, str]
    value: float
    unit: str
    kind: str
    """``national``, ``target`` or ``result``."""
    as_of: dt.date
    comparison: str | None
    indicator_hint: str | None
    source_id: str
    source_title: dict[str, str]
    publisher: str
    source_date: dt.date | None


@lru_cache(maxsize=1)
def figures() -> tuple[Figure, ...]:
    raw: Any = _yaml.load_yaml_file(data_dir("seeds") / "figures.yaml")
    sources = {s["id"]: s for s in raw["sources"]}
    out = []
    for f in raw["figures"]:
        src = sources[f["source"]]
        out.append(Figure(
            id=f["id"], name=dict(f["name"]), value=float(f["value"]), unit=str(f.get("unit", "")),
            kind=f["kind"], as_of=f["as_of"], comparison=f.get("comparison"),
            indicator_hint=f.get("indicator_hint"), source_id=f["source"],
            source_title=dict(src["title"]), publisher=str(src.get("publisher", "")),
            source_date=src.get("date"),
        ))
    return tuple(out)


def for_hint(hint: str) -> tuple[Figure | None, Figure | None]:
    """The latest national figure and the latest target for a benchmark hint."""
    matching = [f for f in figures() if f.indicator_hint == hint]
    national = max((f for f in matching if f.kind == "national"), key=lambda f: f.as_of, default=None)
    target = max((f for f in matching if f.kind == "target"), key=lambda f: f.as_of, default=None)
    return national, target
