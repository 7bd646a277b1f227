"""The welcome screen's list of indices, cached between runs.

Listing the indices loads and validates every questionnaire on the search path (about
0.9 s for the shipped eleven), which kept the first frame of `maturity assess` well over
a second (issue #12, item 12). The list is kept in ``<data dir>/cache/indices.json``,
keyed by the language, the maturity version and the name, size and modification time
of every questionnaire file on the search path: any change to any of them lists afresh.
A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from .. import __version__
from .._io import write_atomic
from ..catalogue import QuestionnaireInfo, list_questionnaires
from ..loading import search_dirs
from ..session import data_dir


def _signature(lang: str) -> list[object]:
    files = []
    for d in search_dirs():
        if d.is_dir():
            for path in sorted(d.glob("*.yaml")):
                st = path.stat()
                files.append([str(path), st.st_size, st.st_mtime_ns])
    return [__version__, lang, files]


def indices(lang: str) -> list[QuestionnaireInfo]:
    """``list_questionnaires(lang)``, from the cache when nothing on the path changed."""
    cache = data_dir() / "cache" / "indices.json"
    try:
        signature = _signature(lang)
    except OSError:
        return list_questionnaires(lang)
    try:
        saved = json.loads(cache.read_text("utf-8"))
        if saved.get("signature") == signature:
            return [QuestionnaireInfo(**{**i, "path": Path(i["path"])}) for i in saved["indices"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass  # no cache, or one from another version: list afresh
    infos = list_questionnaires(lang)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, json.dumps({"signature": signature, "indices": [
            {**dataclasses.asdict(i), "path": str(i.path)} for i in infos]}, ensure_ascii=False))
    except OSError:
        pass  # a cache only
    return infos
