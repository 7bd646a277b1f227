"""Joining words in a report's language: lists and parentheses, Chinese or English."""

from __future__ import annotations


def paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def join(items: list[str], lang: str, semi: bool = False) -> str:
    if lang == "zh":
        return ("；" if semi else "、").join(items)
    return ("; " if semi else ", ").join(items)
