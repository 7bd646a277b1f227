"""Joining words in a report's language: lists and parentheses, Chinese or English."""

from __future__ import annotations


def paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def join(items: list[str], lang: str, semi: bool = False) -> str:
    if lang == "zh":
        return ("；" if semi else "、").join(items)
    return ("; " if semi else ", ").join(items)


def number(value: float) -> str:
    """A number as a reader writes it: no ``.0`` on whole numbers."""
    return f"{value:g}" if abs(value - round(value)) > 1e-9 else f"{round(value)}"
