"""Command palette (Ctrl+P): jump to a question, show unanswered, switch language, save as…"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..i18n import t
from ..model.base import tr


class AssessmentCommands(Provider):
    """The assessment's commands, in the session's language; every asked question by text or id."""

    def _fixed(self) -> list[tuple[str, str, Any]]:
        app: Any = self.app
        lang = app.lang
        out = [(t("tui_cmd_language", lang), t("tui_cmd_language_help", lang), app.action_switch_language)]
        if app.state is not None:
            out += [
                (t("tui_cmd_unanswered", lang), t("tui_cmd_unanswered_help", lang),
                 app.action_show_unanswered),
                (t("tui_cmd_save_as", lang), t("tui_cmd_save_as_help", lang), app.action_save_as),
                (t("tui_cmd_profile", lang), t("tui_cmd_profile_help", lang), app.action_edit_profile),
                (t("tui_cmd_results", lang), t("tui_cmd_results_help", lang), app.show_results),
            ]
        return out

    async def discover(self) -> Hits:
        for name, help_text, callback in self._fixed():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        app: Any = self.app
        matcher = self.matcher(query)
        for name, help_text, callback in self._fixed():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        state = app.state
        if state is None:
            return
        lang = app.lang
        jump = t("tui_cmd_jump", lang)
        for n, qid in enumerate(state.asked(), 1):
            mark = "✓" if state.answered(qid) else "·"
            text = f"{jump} {n}. {tr(state.question(qid).text, lang)}"
            score = max(matcher.match(text), matcher.match(qid))
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(app.jump_to, qid),
                          help=f"{mark} {qid}")
