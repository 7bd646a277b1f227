"""Footer labels in the session's language: bindings keep their ids, only the words change."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..i18n import _STRINGS, t


def localize_bindings(node: Any, lang: str) -> None:
    """Give ``node``'s bindings (each has an ``id``) their description in ``lang``."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(f"key_{b.id}", lang))
                      if b.id and f"key_{b.id}" in _STRINGS else b for b in bindings]
