"""Markdown report, for pasting into documents."""

from __future__ import annotations

from ..i18n import t
from ..printable import markdown_text
from .views import PathView, Report
from .words import colon as _colon
from .words import labelled_gaps
from .words import semicolon as _semicolon

_esc = markdown_text
"""Neutralise Markdown/HTML in user text (names, notes) so it renders as typed."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _items(label: str, items: list[str], colon: str, indent: str) -> list[str]:
    """What is (or is not yet) in place: one item on the label's line, several as a list
    below it.  Joined with semicolons, an item whose own text holds one ("… in a system;
    planners key in the figures they plan from") read as two (an SME consultant)."""
    if len(items) <= 1:
        return [f"{indent}- {label}{colon}{item}" for item in items]
    return [f"{indent}- {label}{colon.rstrip()}", *(f"{indent}  - {item}" for item in items)]


def render(r: Report, wide: bool = True) -> str:
    """The report in Markdown.  ``wide=False`` gives the benchmarks as a list instead of a
    six-column table, for a terminal (the TUI's result screen) where the table is cut."""
    lang = r.lang
    out: list[str] = [f"# {r.title}", ""]
    if r.enterprise:
        out += [f"**{_esc(r.enterprise)}**", ""]
    out += [f"{t('questionnaire', lang)}: {r.questionnaire}", ""]
    for key, value in r.facts:
        out.append(f"- {key}: {_esc(value)}")
    out += ["", f"## {t('overview', lang)}", "",
            f"**{t('grade', lang)}: {r.grade}** — {t('score', lang)} {r.score_text} / {r.score_max:g}, "
            f"{t('completeness', lang)} {r.completeness_figure}", ""]
    if r.grade_description:
        out += [f"> {r.grade_description}", ""]
    if r.why_not_title:
        out += [f"**{r.why_not_title}**", ""]
    out += [*labelled_gaps(r.why_not, lang), ""]
    if r.checks:
        out += [f"## {t('please_check', lang)}", "", t("please_check_intro", lang), ""]
        out += [f"- {_esc(c)}" for c in r.checks] + [""]
    if r.respondents:
        out += [f"## {t('respondents', lang)}", "", _esc(r.respondents[0]), ""]
        out += [f"- {_esc(line)}" for line in r.respondents[1:]] + ([""] if r.respondents[1:] else [])
    out += [f"## {t('dimensions', lang)}", "", f"| {t('dimension', lang)} | {t('level', lang)} | "
            f"{t('score', lang)} | {t('chart', lang)} |", "|---|---|---:|---|"]
    for row in r.dimensions:
        bar = "█" * round(row.fraction * 20) + "░" * (20 - round(row.fraction * 20))
        if row.note:
            out.append(f"| {_cell(row.name)} | {row.level} | {_cell(row.note)} | |")
            continue
        out.append(f"| {_cell(row.name)} | {row.level} | {row.score:.2f} / {row.score_max:g} | `{bar}` |")
    if r.level_scores:
        out += ["", f"{t('level_scores', lang)}: " + ", ".join(
            f"{lv} {s:.2f}" if s is not None else f"{lv} ({t('no_requirement', lang)})"
            for lv, s in r.level_scores)]
    if r.history is not None:
        from .history import markdown as history_markdown

        out += ["", history_markdown([r.history], lang, level=2).rstrip()]
    out += ["", f"## {t('strengths', lang)} / {t('weaknesses', lang)}", ""]
    if r.provisional:
        out += [f"*{r.provisional}*", ""]
    if not r.strengths and not r.weaknesses:
        out.append(t("none_clear", lang))
    if r.strengths:
        out.append(f"- **{t('strengths', lang)}**: " + ", ".join(r.strengths))
    if r.weaknesses:
        out.append(f"- **{t('weaknesses', lang)}**: " + ", ".join(r.weaknesses))
    if r.blocking:
        out += ["", f"## {t('blocking', lang)}", "", r.blocking_intro, "",
                f"| {t('indicator', lang)} | {r.blocking_header} | {r.impact_header} |", "|---|---:|---:|"]
        out += [f"| {_cell(name)} | {s:.2f} | {imp:.{r.impact_digits}f} |" for name, s, imp in r.blocking]
    for path in (r.path, r.target_path, r.targets_path):
        out += _path(path, lang)
    if r.path is None:
        out += ["", r.at_top]
    if r.benchmarks and wide:
        out += ["", f"## {t('benchmarks', lang)}", "", t("benchmarks_intro", lang), "",
                f"| {t('indicator', lang)} | {t('your_value', lang)} | {t('national', lang)} | "
                f"{t('target', lang)} | {t('verdict', lang)} | {t('source', lang)} |",
                "|---|---:|---:|---:|---|---|"]
        out += [f"| {_cell(b.name)} | {b.value} | {b.national} | {_cell(b.target)} | {b.verdict} | "
                f"{_cell(b.source)} |" for b in r.benchmarks]
    elif r.benchmarks:
        colon, semi = _colon(lang), _semicolon(lang)
        out += ["", f"## {t('benchmarks', lang)}", "", t("benchmarks_intro", lang), ""]
        out += [f"- **{_esc(b.name)}**{colon}{t('your_value', lang)} {b.value}{semi}"
                f"{t('national', lang)} {b.national}{semi}{t('target', lang)} {_esc(b.target)}"
                f"{semi}{b.verdict} ({_esc(b.source)})" for b in r.benchmarks]
    if r.recommendations:
        out += ["", f"## {t('recommendations', lang)}", "", r.ranking_note, ""]
        colon, semi = _colon(lang), _semicolon(lang)
        for s in r.projects:
            out += [f"### {s.rank}. {s.name}", "", s.description, "",
                    f"- {t('effort', lang)}{colon}{s.effort}",
                    f"- {t('raises', lang)}{colon}" + semi.join(s.raises),
                    f"- {t('why', lang)}{colon}" + semi.join(s.why)]
            out += _items(t("have", lang), s.have, colon, "")
            out += _items(t("missing", lang), s.missing, colon, "")
            if s.benefits:
                sep = "" if lang == "zh" else " "
                out.append(f"- {t('benefits', lang)}{colon}" + sep.join(s.benefits))
            out.append("")
        if r.nearly:
            out += [f"### {t('nearly_title', lang)}", "", r.nearly_note, ""]
            for s in r.nearly:
                out += [f"- {s.rank}. **{_esc(s.name)}**",
                        *_items(t("missing", lang), s.missing, colon, "  "),
                        f"  - {t('raises', lang)}{colon}" + semi.join(s.raises)]
                out += [f"  - {t('why', lang)}{colon}" + semi.join(s.why)] if s.why else []
            out.append("")
    if r.roadmap:
        out += [f"## {t('roadmap', lang)}", ""]
        for title, names, direct, steps in r.roadmap:
            out += [f"### {title}", ""]
            if names:
                out += [*(f"{n}. {name}" for n, name in enumerate(names, 1)), ""]
            if direct:
                out += [direct, ""]
            if steps:
                out += [t("phase_direct_steps", lang), ""]
                out += [f"- {_esc(h)}{_colon(lang)}{_esc(x)}" for h, x in steps] + [""]
    out += [f"## {t('completeness_title', lang)}", "", r.completeness_text, ""]
    if r.notes:
        out += [f"## {t('notes_title', lang)}", "", t("notes_intro", lang), ""]
        out += [f"- {_esc(line)}" for line in r.notes] + [""]
    if r.warnings:
        out += [f"## {t('warnings', lang)}", ""] + [f"- {_esc(w)}" for w in r.warnings] + [""]
    out += ["---", ""] + [f"*{line}*  " for line in r.footer]
    return "\n".join(out).rstrip() + "\n"


def _path(path: PathView | None, lang: str) -> list[str]:
    if path is None:
        return []
    out = ["", f"## {path.title}", "", path.intro, ""]
    if path.items:
        out += [f"| {t('indicator', lang)} | {t('level_now', lang)} | {t('level_to', lang)} |",
                "|---|---|---|"]
        out += [f"| {_cell(name)} | {a} | {b} |" for name, a, b in path.items]
    return [*out, ""] if path.items else out
