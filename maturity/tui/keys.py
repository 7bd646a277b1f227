"""Footer words in the session's language: bindings keep their ids, only the words change.

A binding with id ``X`` takes its description from the i18n key ``tui_key_X`` when there
is one, so remapping by id (Textual keymaps) and translation stay independent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..i18n import has, t


def localize_bindings(node: Any, lang: str) -> None:
    """Give ``node``'s bindings their description in ``lang``: by id, or, for Textual's
    own bindings that have none (the open select list's "Dismiss menu"), by action."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(k, lang)) if (k := _key(b)) else b for b in bindings]


def _key(binding: Any) -> str | None:
    for key in (f"tui_key_{binding.id}" if binding.id else "", f"tui_action_{binding.action}"):
        if has(key):
            return key
    return None
