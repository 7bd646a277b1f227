"""The indices installed: what ``maturity questionnaires`` and the TUI's welcome screen list,
and how long each takes to answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .loading import load_questionnaire, search_dirs
from .model.base import tr
from .model.questionnaire import Questionnaire


@dataclass(frozen=True)
class QuestionnaireInfo:
    """A line of ``maturity questionnaires``."""

    id: str
    version: int
    title: str
    extends: str | None
    industry: str | None
    questions: int
    minutes: int
    method: str
    levels: int
    path: Path
    conditional: int = 0
    """Of ``questions``, those asked only when they apply (a follow-up opened by an earlier
    answer, or a production type or industry)."""


def conditional(q: Questionnaire) -> int:
    """How many questions are asked only of some enterprises (follow-ups, applicability
    rules): "N questions + up to M if they apply"."""
    return sum(1 for _, _, x in q.questions.values() if x.follow_up is not None or x.applies is not None)


def estimated_minutes(q: Questionnaire) -> int:
    """The questionnaire's own estimate, or one from the kinds of its questions.

    A level or labelled choice takes about 6 s per answer to read (36 s for six), a checklist
    item 10 s, a number or multi-select 30 s, a yes/no 15 s. Conditional questions (follow-ups,
    applicability rules) are asked only of some enterprises and count half.
    """
    if q.minutes:
        return q.minutes
    per_kind = {"number": 0.5, "multi": 0.5, "yesno": 0.25}
    total = 0.0
    for _, _, question in q.questions.values():
        if question.minutes:
            minutes = question.minutes
        elif question.kind == "checklist":
            minutes = len(question.items) / 6
        elif question.kind == "level":
            minutes = 0.1 * max(len(question.anchors), len(q.levels) + 1)
        elif question.kind == "choice":
            minutes = 0.1 * len(question.choices)
        else:
            minutes = per_kind[question.kind]
        if question.follow_up or question.applies:
            minutes /= 2
        total += minutes
    return max(1, round(total))


def list_questionnaires(lang: str = "en") -> list[QuestionnaireInfo]:
    """Every questionnaire found on the search path, valid ones only, sorted by id."""
    seen: dict[str, QuestionnaireInfo] = {}
    for d in search_dirs():
        if not d.is_dir():
            continue
        for path in sorted(d.glob("*.yaml")):
            if path.name.startswith("_") or "@" in path.stem or path.stem in seen:
                continue
            try:
                q = load_questionnaire(path)
            except Exception:  # an invalid file is reported by `maturity validate`, not here
                continue
            seen[path.stem] = QuestionnaireInfo(
                id=q.id, version=q.version, title=tr(q.title, lang), extends=q.extends,
                industry=q.industry, questions=len(q.questions), minutes=estimated_minutes(q),
                method=q.scoring.method, levels=len(q.levels), path=path,
                conditional=conditional(q),
            )
    return sorted(seen.values(), key=lambda i: (i.extends is not None, i.id))
