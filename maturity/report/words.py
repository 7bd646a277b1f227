"""Joining words in a report's language: lists and parentheses, Chinese or English."""

from __future__ import annotations

from ..i18n import (
    paren,  # noqa: F401  (kept with the strings, for the core's sentences too)
    t,
)


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese."""
    return "：" if lang == "zh" else ": "


def semicolon(lang: str) -> str:
    """The semicolon between the parts of one line: full-width in Chinese."""
    return "；" if lang == "zh" else "; "


def sentences(items: list[str], lang: str) -> str:
    """Sentences one after another (the empty ones left out): full stop and, in English,
    a space between them."""
    return ("。" if lang == "zh" else ". ").join(x for x in items if x)


def join(items: list[str], lang: str, semi: bool = False) -> str:
    return (semicolon(lang) if semi else "、" if lang == "zh" else ", ").join(items)


def number(value: float) -> str:
    """A number as a reader writes it: no ``.0`` on whole numbers."""
    return f"{value:g}" if abs(value - round(value)) > 1e-9 else f"{round(value)}"


def labelled_gaps(lines: list[str], lang: str) -> list[str]:
    """"Why not one higher" with its list of largest gaps labelled, as the HTML labels it:
    after the rule lines, an unlabelled list read as more rules (an SME report reader)."""
    at = next((k for k, line in enumerate(lines) if line.startswith("- ")), None)
    if at is None:
        return list(lines)
    return [*lines[:at], t("gaps", lang) + ("：" if lang == "zh" else ":"), *lines[at:]]
