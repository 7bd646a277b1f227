"""Command palette: jump to a question, show unanswered, switch language, save as."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from ..model.base import tr


class AssessmentCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = self.app
        state = getattr(app, "state", None)
        matcher = self.matcher(query)
        lang = getattr(app, "lang", "en")
        fixed = [
            ("Show unanswered / 显示未答题", app.action_show_unanswered),  # type: ignore[attr-defined]
            ("Switch language / 切换语言 (zh ⇄ en)", app.action_switch_language),  # type: ignore[attr-defined]
            ("Save as… / 另存为…", app.action_save_as),  # type: ignore[attr-defined]
            ("Results / 查看结果", app.show_results),  # type: ignore[attr-defined]
        ]
        for label, callback in fixed:
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback)
        if state is None:
            return
        for qid in state.asked():
            text = f"Jump to / 跳转 {qid}: {tr(state.question(qid).text, lang)}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(app.jump_to, qid))  # type: ignore[attr-defined]
