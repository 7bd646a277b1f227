"""Footer words in the session's language: bindings keep their ids, only the words change.

A binding with id ``X`` takes its description from the i18n key ``tui_key_X`` when there
is one (Textual's own bindings, which have no id, by action: ``tui_action_Y``), so that
remapping by id (Textual keymaps) and translation stay independent.

Every screen of the app derives from :class:`Localised`, which translates what Textual's
public :attr:`~textual.screen.Screen.active_bindings` reports, the one source of the
footer, the key panel and the command palette's key list.  No binding is changed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import ActiveBinding, Binding

from ..i18n import has, t


def localised(binding: Binding, lang: str) -> Binding:
    """``binding`` with its description in ``lang`` (itself when there is no word for it)."""
    key = _key(binding)
    return replace(binding, description=t(key, lang)) if key else binding


def _key(binding: Any) -> str | None:
    for key in (f"tui_key_{binding.id}" if binding.id else "", f"tui_action_{binding.action}"):
        if has(key):
            return key
    return None


class Localised:
    """Mixin for a :class:`~textual.screen.Screen`: the active bindings, worded in the
    app's current language (``app.lang``)."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        lang = getattr(self.app, "lang", "en")  # type: ignore[attr-defined]
        return {k: a._replace(binding=localised(a.binding, lang)) for k, a in active.items()}
