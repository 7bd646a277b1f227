"""A diagnosis as a report's text, in any format: the one dispatch behind ``maturity
report``, ``maturity report DIR -o OUT/`` and the library's :func:`maturity.render`."""

from __future__ import annotations

import io
from typing import Literal

from ..errors import UsageError
from ..model.diagnosis import Diagnosis, History
from ..model.questionnaire import Questionnaire
from ..scoring import questionnaire_of

Format = Literal["html", "markdown", "json", "text"]
FORMATS: tuple[str, ...] = ("html", "markdown", "json", "text")


def render(diagnosis: Diagnosis, format: Format = "html", lang: str = "en",
           questionnaire: Questionnaire | None = None, history: History | None = None,
           width: int = 100) -> str:
    """The report of ``diagnosis`` as text: ``html`` (one self-contained page, every piece
    of user text escaped), ``markdown``, ``json`` (the whole diagnosis) or ``text`` (the
    terminal report, plain, ``width`` columns).  ``lang``: ``en`` or ``zh``; ``history``:
    earlier assessments of the enterprise (:func:`maturity.history`), a table and a chart."""
    from ..errors import expect

    expect(diagnosis, Diagnosis, "render(diagnosis, …): the diagnosis is maturity.diagnose(assessment)")
    if format not in FORMATS:
        raise UsageError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if lang not in ("en", "zh"):
        raise UsageError(f"lang must be en or zh, not {lang!r}")
    if format == "json":
        from .rows import model_json

        return model_json(diagnosis)
    from . import content

    q = questionnaire_of(diagnosis.assessment, questionnaire)
    report = content.build(q, diagnosis, lang, history)
    if format == "markdown":
        from . import markdown

        return markdown.render(report)
    if format == "html":
        from . import html

        return html.render(report)
    from .terminal import render_report

    return plain_text(render_report(report), width)


def plain_text(renderable: object, width: int = 100) -> str:
    """A Rich renderable as plain text for a file: no colour, no bold, no escape codes,
    whatever ``FORCE_COLOR`` says (it put 176 escape sequences into a report file)."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, highlight=False, width=width, force_terminal=False, color_system=None,
            no_color=True).print(renderable)
    return buffer.getvalue()


__all__ = ["FORMATS", "plain_text", "render"]
