"""Rich rendering for the terminal: a short panel per scored file, and the full report.

Bars use plain block characters so they survive ``NO_COLOR`` (which rich honours) and
copy-paste; colour only repeats what the text already says.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..explain import (
    completeness_figure,
    explain_next_level,
    gate_progress,
    level_label,
    name_of,
    score_text,
    warning_text,
)
from ..i18n import t
from ..improve import restore_values
from ..model.assessment import Assessment
from ..model.base import tr
from ..model.questionnaire import Questionnaire
from ..printable import printable
from ..rating import unrated as unrated_of
from .views import PathView, Report
from .words import colon as _colon
from .words import labelled_gaps
from .wrap import install

install()  # Chinese breaks between characters, not only at spaces

BAR_WIDTH = 20


def bar(fraction: float, width: int = BAR_WIDTH, ticks: int = 0) -> str:
    """A text bar; with ``ticks`` levels, a ``│`` marks each level boundary on the scale."""
    fraction = min(max(fraction, 0.0), 1.0)
    full = round(fraction * width)
    cells = ["█"] * full + ["·"] * (width - full)
    if ticks:
        for k in range(1, ticks):
            pos = round(k * width / ticks)
            if pos < width and cells[pos] == "·":
                cells[pos] = "│"
    return "".join(cells)


def render_assessment(q: Questionnaire, a: Assessment, lang: str = "en",
                      source: str | None = None) -> RenderableType:
    """A panel with the grade (with the checklist items of answered questions left unrated
    beside the completeness), per-dimension bars and the reason the grade is not higher."""
    unrated = len(unrated_of(q, restore_values(q, a.answers), a))
    head = Text()
    head.append(level_label(q, a.level, lang), style="bold")
    head.append(f"   {t('score', lang)} {score_text(q, a.score, a.level)} / {a.score_max:g}")
    head.append(f"   {t('completeness', lang)} {completeness_figure(a.completeness, unrated, lang)}")
    table = Table(show_edge=False, pad_edge=False, expand=False)
    # every text column folds a word wider than itself: cut with "…", "purchase-sales-inventory"
    # read "purchase-sales-in…" in a report reader's 80-column report, and the rest was lost
    table.add_column(t("dimension", lang), overflow="fold")
    table.add_column(t("level", lang), no_wrap=True)
    table.add_column(t("score", lang), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)  # the bar (a second "Level" heading: a first-time user)
    notes = []
    for d in a.dimensions:
        level = q.levels[d.level - 1].id if d.level else "–"
        note = gate_progress(q, a, d.id, lang) if not d.score_max else ""
        if note:  # worth no points: it counts through the grade rules (SME scenarios)
            table.add_row(Text(name_of(q, d.id, lang)), level, "–", "")
            notes.append(Text(f"{name_of(q, d.id, lang)}: {note}", style="dim"))
            continue
        frac = d.score / d.score_max if d.score_max else 0.0
        table.add_row(Text(name_of(q, d.id, lang)), level, f"{d.score:.2f}", bar(frac, ticks=len(q.levels)))
    parts: list[RenderableType] = [Text(f"{tr(q.title, lang)} ({q.ref})", style="dim"), head, table,
                                   *notes, Text("\n".join(explain_next_level(q, a, lang)))]
    if a.warnings:
        parts.append(Text("\n".join(warning_text(q, w, lang) for w in a.warnings), style="yellow"))
    title = printable(a.enterprise.name or source or q.ref)
    return Panel(Group(*parts), title=Text(title), title_align="left")


def render_report(r: Report) -> RenderableType:
    """The full diagnosis, section by section."""
    lang = r.lang
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{t('grade', lang)}: {r.grade}", style="bold")
    head.append(f"   {t('score', lang)} {r.score_text} / {r.score_max:g}")
    head.append(f"   {t('completeness', lang)} {r.completeness_figure}\n")
    head.append(r.questionnaire + "\n", style="dim")
    if r.facts:
        head.append(" · ".join(f"{k}: {v}" for k, v in r.facts) + "\n", style="dim")
    if r.grade_description:
        head.append(r.grade_description + "\n", style="italic")
    if r.why_not_title:
        head.append(r.why_not_title + "\n", style="bold")
    head.append("\n".join(labelled_gaps(r.why_not, lang)))
    parts.append(Panel(head, title=Text(r.enterprise or r.title), title_align="left"))
    if r.checks:
        check = Text(t("please_check", lang) + "\n", style="bold yellow")
        check.append(t("please_check_intro", lang) + "\n")
        check.append("\n".join("• " + c for c in r.checks))
        parts.append(check)
    if r.respondents:
        who = Text(t("respondents", lang) + "\n", style="bold")
        who.append("\n".join([r.respondents[0], *("• " + line for line in r.respondents[1:])]))
        parts.append(who)

    dims = Table(title=t("dimensions", lang), title_justify="left", show_edge=False)
    dims.add_column(t("dimension", lang), overflow="fold")
    dims.add_column(t("level", lang), no_wrap=True)
    dims.add_column(t("score", lang), justify="right", no_wrap=True)
    dims.add_column("", no_wrap=True)
    for row in r.dimensions:
        if row.note:
            dims.add_row(Text(row.name), row.level, "–", "")
            continue
        dims.add_row(Text(row.name), row.level, f"{row.score:.2f}", bar(row.fraction, ticks=r.levels))
    parts.append(dims)
    for row in r.dimensions:
        if row.note:
            parts.append(Text(f"{row.name}: {row.note}", style="dim"))
    if r.level_scores:
        parts.append(Text(f"{t('level_scores', lang)}: " + "  ".join(
            f"{lv} {s:.2f}" if s is not None else f"{lv} –" for lv, s in r.level_scores)))
    if r.history is not None:
        from .history import terminal as history_table

        parts.append(history_table([r.history], lang))

    sw = Text()
    if r.provisional:
        sw.append(r.provisional + "\n", style="italic")
    if r.strengths:
        sw.append(f"{t('strengths', lang)}: ", style="bold")
        sw.append(", ".join(r.strengths) + "\n")
    if r.weaknesses:
        sw.append(f"{t('weaknesses', lang)}: ", style="bold")
        sw.append(", ".join(r.weaknesses) + "\n")
    if not r.strengths and not r.weaknesses:
        sw.append(t("none_clear", lang))
    parts.append(sw)

    if r.blocking:
        blk = Table(title=t("blocking", lang), title_justify="left", show_edge=False,
                    caption=r.blocking_intro, caption_justify="left")
        blk.add_column(t("indicator", lang), overflow="fold")
        blk.add_column(r.blocking_header, justify="right")
        blk.add_column(r.impact_header, justify="right")
        for name, score, impact in r.blocking:  # as many as every other format lists
            blk.add_row(Text(name), f"{score:.2f}", f"{impact:.{r.impact_digits}f}")
        parts.append(blk)
    for path in (r.path, r.target_path, r.targets_path):
        if path is not None:
            parts.append(_path(path, lang))
    if r.path is None:
        parts.append(Text(r.at_top, style="bold"))

    if r.benchmarks:
        # each figure with its source, as in Markdown and HTML, numbered under the table (a
        # reader found the terminal's figures sourceless and the verdict column unheaded)
        sources = list(dict.fromkeys(b.source for b in r.benchmarks if b.source))
        caption = "\n".join(f"[{k}] {src}" for k, src in enumerate(sources, 1))
        bm = Table(title=t("benchmarks", lang), title_justify="left", show_edge=False,
                   caption=Text(f"{t('source', lang)}{_colon(lang)}\n{caption}") if sources else None,
                   caption_justify="left")
        for col in ("indicator", "your_value", "national", "target"):
            bm.add_column(t(col, lang), justify="left" if col == "indicator" else "right", overflow="fold")
        bm.add_column(t("verdict", lang), overflow="fold")
        for b in r.benchmarks:
            mark = f" [{sources.index(b.source) + 1}]" if b.source else ""
            bm.add_row(Text(b.name + mark), b.value, b.national, b.target, Text(b.verdict))
        parts.append(bm)

    if r.recommendations:
        rec = Table(title=t("recommendations", lang), title_justify="left", show_edge=False,
                    caption=r.ranking_note, caption_justify="left")
        rec.add_column("#", justify="right")
        rec.add_column(t("scenario", lang), overflow="fold")
        rec.add_column(t("effort", lang), no_wrap=True)
        rec.add_column(t("raises", lang), overflow="fold")
        rec.add_column(t("why", lang), overflow="fold")
        for s in r.projects:
            why = Text("; ".join(s.why))
            for label, items in ((t("have", lang), s.have), (t("missing", lang), s.missing)):
                if items:  # one item a line: an item's own semicolon read as two items
                    why.append(f"\n{label}:", style="bold")
                    why.append("".join(f"\n• {item}" for item in items))
            rec.add_row(str(s.rank), Text(s.name), s.effort, Text("\n".join(s.raises)), why)
        if rec.row_count:  # not where every step listed is nearly in place
            parts.append(rec)
        if r.nearly:
            rows: list[RenderableType] = [Text(t("nearly_title", lang), style="bold"), Text(r.nearly_note)]
            for s in r.nearly:
                rows.append(Text(f"{s.rank}. {s.name}", style="bold"))
                for label, lines in ((t("missing", lang), s.missing), (t("raises", lang), s.raises),
                                     (t("why", lang), s.why)):
                    if not lines:
                        continue
                    line = Text(f"{label}: ", style="bold")
                    line.append("; ".join(lines))
                    rows.append(Padding(line, (0, 0, 0, 3)))
            parts.append(Group(*rows))

    if r.roadmap:
        road = Text()
        road.append(t("roadmap", lang) + "\n", style="bold")
        for title, names, direct, steps in r.roadmap:
            road.append(title + "\n", style="bold")
            for n, name in enumerate(names, 1):
                road.append(f"  {n}. {name}\n")
            if direct:
                road.append(f"  {direct}\n", style="italic")
            if steps:
                road.append(f"  {t('phase_direct_steps', lang)}\n", style="italic")
                for h, x in steps:
                    road.append(f"  - {h}{_colon(lang)}{x}\n")
        parts.append(road)
    parts.append(Text(f"{t('completeness_title', lang)}: {r.completeness_text}"))
    if r.notes:
        said = Text(t("notes_title", lang) + "\n", style="bold")
        said.append("\n".join("• " + line for line in r.notes))
        parts.append(said)
    if r.warnings:
        parts.append(Text("\n".join(r.warnings), style="yellow"))
    parts.append(Text("\n".join(r.footer), style="dim"))
    spaced: list[RenderableType] = []
    for part in parts:
        spaced += [part, Text("")]
    return Group(*spaced[:-1])


def _path(path: PathView, lang: str) -> RenderableType:
    table = Table(title=path.title, title_justify="left", show_edge=False, caption=path.intro,
                  caption_justify="left")
    table.add_column(t("indicator", lang), overflow="fold")
    table.add_column(t("level", lang), no_wrap=True)
    for name, a, b in path.items:
        table.add_row(Text(name), f"{a} → {b}")
    return table
