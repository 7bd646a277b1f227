"""Rich rendering of an assessment for the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..explain import explain_next_level, level_label, name_of
from ..i18n import t
from ..model.assessment import Assessment
from ..model.base import tr
from ..model.questionnaire import Questionnaire

BAR_WIDTH = 20


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A text bar; plain characters so it survives ``NO_COLOR`` and copy-paste."""
    fraction = min(max(fraction, 0.0), 1.0)
    full = round(fraction * width)
    return "█" * full + "·" * (width - full)


def render_assessment(q: Questionnaire, a: Assessment, lang: str = "en",
                      source: str | None = None) -> RenderableType:
    """A panel with the grade, per-dimension bars and the reason the grade is not higher."""
    name = a.enterprise.name or source or ""
    head = Text()
    head.append(f"{level_label(q, a.level, lang)}", style="bold")
    head.append(f"   {t('score', lang)} {a.score:.2f} / {a.score_max:g}")
    head.append(f"   {t('completeness', lang)} {a.completeness:.0%}")
    table = Table(show_edge=False, pad_edge=False, expand=False)
    table.add_column(t("dimension", lang))
    table.add_column(t("level", lang), no_wrap=True)
    table.add_column(t("score", lang), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for d in a.dimensions:
        frac = d.score / d.score_max if d.score_max else 0.0
        table.add_row(name_of(q, d.id, lang), q.levels[d.level - 1].id if d.level else "–",
                      f"{d.score:.2f}", bar(frac))
    why = Text("\n".join(explain_next_level(q, a, lang)))
    parts: list[RenderableType] = [head, table, why]
    if a.warnings:
        parts.append(Text("\n".join(a.warnings), style="yellow"))
    title = f"{name} — {tr(q.title, lang)}" if name else tr(q.title, lang)
    return Panel(Group(*parts), title=Text(title), title_align="left")
