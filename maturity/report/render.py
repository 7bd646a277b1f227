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
    if format not in FORMATS:
        raise UsageError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if format == "json":
        from .rows import model_json

        return model_json(diagnosis)
    from . import content

    q = questionnaire_of(diagnosis.assessment, questionnaire)
    report = content.build(q, diagnosis, "zh" if lang == "zh" else "en", history)
    if format == "markdown":
        from . import markdown

        return markdown.render(report)
    if format == "html":
        from . import html

        return html.render(report)
    from rich.console import Console

    from .terminal import render_report

    buffer = io.StringIO()
    Console(file=buffer, highlight=False, width=width, no_color=True).print(render_report(report))
    return buffer.getvalue()


__all__ = ["FORMATS", "render"]
