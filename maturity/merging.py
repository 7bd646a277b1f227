"""Several respondents, one answers file (``maturity merge``): the answers of the same
enterprise combined question by question, the questions where respondents are far
apart listed with who said what, and every note kept (``docs/diagnosis.md``, "Several
respondents").
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ._io import given_twice
from .delivery import question_state
from .errors import Issue, UsageError, expect, expect_list, expect_paired
from .model.answers import (
    ANSWERS_FORMAT,
    ENTERPRISE_NOTES,
    NA,
    RATING_VALUES,
    AnswersFile,
    Disagreement,
    Merged,
    Source,
)
from .model.questionnaire import (
    ChecklistQuestion,
    ChoiceQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)
from .normalise import Normalised, PartLevel, check_answers
from .requirements import option_level, question_levels
from .scoring import answers_form, score
from .target_levels import target_level
from .written import share_value

RULES: dict[str, Callable[[Sequence[float]], float]] = {
    "median": statistics.median, "min": min, "max": max}
"""``min`` takes the worst answer and ``max`` the best (for a number where lower is better,
the highest and the lowest figure)."""
SPREAD = 2
"""Respondents whose answers reach levels this far apart disagree."""
SHARE = 0.2
"""Numbers further apart than this share of the question's range disagree."""
_WORDS = sorted(RATING_VALUES.items(), key=lambda kv: -kv[1])


def _down(x: float, step: float) -> float:
    """``x`` rounded down to a multiple of ``step`` (a tie between respondents never
    makes an answer better than half of them gave)."""
    return math.floor(x / step + 1e-9) * step


def _rating(x: float) -> str:
    """The highest rating word at or below ``x``."""
    return next(word for word, value in _WORDS if value <= x + 1e-9)


def _scalar(given: Sequence[Any], rule: str) -> float | str:
    """n/a where more than half say it; else ``rule`` over the others, as numbers."""
    answered = [float(v) for v in given if v != NA]
    if not answered or len(answered) * 2 < len(given):
        return NA
    return RULES[rule](answered)


def combine(question: QuestionT, given: list[Normalised], rule: str, levels: int) -> Normalised:
    """One answer from several normalised answers to ``question`` (none unanswered), on a
    scale of ``levels`` levels."""
    if isinstance(question, ChecklistQuestion):
        out: dict[str, Any] = {}
        for item in question.items:
            # an item left unrated counts as "not", as scoring counts it
            rated = [v.get(item.id, 0.0) for v in given if isinstance(v, dict)]
            if rated:
                x = _scalar(rated, rule)
                out[item.id] = NA if x == NA else _rating(x)  # type: ignore[arg-type]
        return out if any(v != NA for v in given) else NA
    if isinstance(question, MultiQuestion):
        sets = [v for v in given if v != NA]
        if _scalar([0 if v == NA else 1 for v in given], "median") == NA or not sets:
            return NA
        return frozenset(o.id for o in question.options
                         if RULES[rule]([1.0 if o.id in v else 0.0 for v in sets]) >= 1.0)  # type: ignore[operator]
    if isinstance(question, ChoiceQuestion):
        # options in order of worth (value, then level): the combined rank, rounded down
        order = sorted(question.choices, key=lambda o: (o.value, option_level(o, levels)))
        rank = {o.id: k for k, o in enumerate(order)}
        x = _scalar([v if v == NA else rank[v] for v in given], rule)  # type: ignore[index]
        return NA if x == NA else order[int(_down(x, 1.0))].id  # type: ignore[arg-type]
    numbers = [v if v == NA else float(v) for v in given]  # type: ignore[arg-type]
    if isinstance(question, NumberQuestion) and question.better == "lower":
        rule = {"min": "max", "max": "min"}.get(rule, rule)  # min is the worst answer, not the least
    x = _scalar(numbers, rule)
    if x == NA:
        return NA
    if isinstance(question, LevelQuestion):
        x = _down(x, 0.5)  # type: ignore[arg-type]
        return int(x) if x == int(x) else PartLevel(x)
    if isinstance(question, YesNoQuestion):
        return x >= 1.0  # type: ignore[operator]
    return share_value(question, x)  # type: ignore[arg-type]


def _apart(question: QuestionT, given: dict[str, Normalised], levels: dict[str, int | None],
           share: float) -> bool:
    if len(given) < 2:
        return False
    if len({v == NA for v in given.values()}) > 1:
        return True  # n/a against an answer
    reached = [v for v in levels.values() if v is not None]
    if reached and isinstance(question, ChecklistQuestion):
        # levels apart counted over the levels the list has items at: one item rated mostly
        # against fully moved it from level 1 to 3 over a level with no item, and merge
        # called that "two levels apart" (a consultant's quality practices)
        steps = question_levels(question, 0)  # a checklist's levels are its items'
        reached = [sum(1 for k in steps if k <= r) for r in reached]
    if reached and max(reached) - min(reached) >= SPREAD:
        return True
    if isinstance(question, NumberQuestion):
        numbers = [float(v) for v in given.values() if v != NA]  # type: ignore[arg-type]
        edges = [x for b in question.bands for x in (b.min, b.max) if x is not None]
        low = question.min if question.min is not None else min(edges + numbers)
        high = question.max if question.max is not None else max(edges + numbers)
        return high > low and (max(numbers) - min(numbers)) / (high - low) > share
    return False


def _labels(files: Sequence[AnswersFile], names: Sequence[str]) -> list[str]:
    """Each respondent's name: the assessor, else the file's stem; made unique."""
    out: list[str] = []
    for a, name in zip(files, names, strict=True):
        label = a.assessor or Path(name).stem
        k, base = 2, label
        while label in out:
            label, k = f"{base} ({k})", k + 1
        out.append(label)
    return out


_SCORING = ("industry", "production_type", "product_kind", "size", "energy_intensive")
"""Profile fields that change the score or the advice: files that disagree on one are refused
(a user found size and energy_intensive taken silently from the first file, which turned the
advice with the order of the arguments)."""


def _enterprise(files: Sequence[AnswersFile], names: Sequence[str]) -> dict[str, Any]:
    """The enterprise they all describe; an error if they describe different ones."""
    issues = []
    out: dict[str, Any] = {}
    for field in ("id", "name", "industry", "production_type", "product_kind", "size", "region",
                  "energy_intensive"):
        seen = {n: getattr(a.enterprise, field) for a, n in zip(files, names, strict=True)
                if getattr(a.enterprise, field) is not None and getattr(a.enterprise, field) != ""}
        named_by = field == "name" and not any(a.enterprise.id for a in files)
        if len(set(seen.values())) > 1 and (field in (*_SCORING, "id") or named_by):
            issues.append(Issue("the files disagree: " + ", ".join(f"{n}: {v}" for n, v in seen.items()),
                                field=f"enterprise.{field}"))
        if seen:
            out[field] = next(iter(seen.values()))
    said = {n: sorted(a.enterprise.run_elsewhere) for a, n in zip(files, names, strict=True)}
    if len({tuple(v) for v in said.values()}) > 1:  # it takes indicators out of scope
        issues.append(Issue("the files disagree: " + ", ".join(f"{n}: {v or 'none'}"
                                                              for n, v in said.items()),
                            field="enterprise.run_elsewhere"))
    elif files[0].enterprise.run_elsewhere:
        out["run_elsewhere"] = sorted(files[0].enterprise.run_elsewhere)
    if issues:
        raise UsageError("the files describe different enterprises (or classify it differently); "
                         "merge answers of one enterprise only", issues)
    return out


def _originals(files: Sequence[AnswersFile], names: Sequence[str]) -> None:
    """Each respondent once: no file twice, no merged file (its respondents' own answers are
    gone, so merging it again would weigh them as one and lose its sources)."""
    issues = [Issue("a merged file: merge its respondents' own files (under merged.sources) "
                    "with the new ones instead", file=str(n), field="merged")
              for a, n in zip(files, names, strict=True) if a.merged is not None]
    issues += [Issue(f"given twice (also as {first}): each respondent counts once", file=p)
               for p, first in given_twice([str(n) for n in names])]
    if issues:
        raise UsageError("; ".join(str(i) for i in issues), issues)


def _targets(q: Questionnaire, files: Sequence[AnswersFile], names: Sequence[str]) -> dict[str, Any]:
    """The targets the files set, together; an error where two set different levels for one id."""
    out: dict[str, Any] = {}
    issues = []
    for ident in dict.fromkeys(i for a in files for i in a.targets):
        asked = {n: a.targets[ident] for a, n in zip(files, names, strict=True) if ident in a.targets}
        if len({target_level(q, v) for v in asked.values()}) > 1:  # checked with the answers
            issues.append(Issue("the files set different targets: " +
                                ", ".join(f"{n}: {v}" for n, v in asked.items()), field=f"targets.{ident}"))
        out[ident] = next(iter(asked.values()))
    if issues:
        raise UsageError("the files set different targets; make them agree first", issues)
    return out


def _said(files: Sequence[AnswersFile], labels: Sequence[str], key: str, notes: dict[str, str]
          ) -> dict[str, str]:
    """Each respondent's note under ``key`` (a question or an enterprise field), by label;
    put in ``notes``, one after the other with their names, where any was given."""
    said = {labels[k]: a.notes[key].strip() for k, a in enumerate(files) if a.notes.get(key, "").strip()}
    if said:
        notes[key] = "; ".join(f"[{who}] {text}" for who, text in said.items())
    return said


def merge(q: Questionnaire, files: Sequence[AnswersFile], names: Sequence[str],
          rule: str = "median", share: float = SHARE) -> AnswersFile:
    """One answers file from several respondents' files of the same enterprise, on ``q``.

    Every answer is checked first (located errors, as ``validate`` gives them). Each
    question's answers are combined by ``rule``; notes are kept, each under its
    respondent's name; ``merged`` records the sources and the disagreements."""
    expect(q, Questionnaire, "merge(questionnaire, files, names): the questionnaire is a Questionnaire")
    expect_list(files, "merge(questionnaire, files, names): the files are a list")
    expect_list(names, "merge(questionnaire, files, names): the names are a list")
    expect_paired(files, names, "merge(questionnaire, files, names): names for files")
    for f in files:
        expect(f, AnswersFile, "merge(questionnaire, files, names): each file is an AnswersFile "
               "(maturity.load_answers)")
    if rule not in RULES:
        raise UsageError(f"unknown rule {rule!r}: median, min or max")
    if len(files) < 2:
        raise UsageError("merge needs two answers files or more")
    _originals(files, names)
    labels = _labels(files, names)
    enterprise = _enterprise(files, names)
    values = [check_answers(q, a) for a in files]
    levels = [question_state(score(q, v, files[k].enterprise)) for k, v in enumerate(values)]
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {}
    disagreements = []
    for qid, (_, _, question) in q.questions.items():
        given = {labels[k]: v[qid] for k, v in enumerate(values) if qid in v}
        if given:
            answers.update(answers_form({qid: combine(question, list(given.values()), rule, len(q.levels))}))
        said = _said(files, labels, qid, notes)
        reached = {labels[k]: (None if values[k][qid] == NA else levels[k].get(qid, ("", 0))[1])
                   for k in range(len(files)) if qid in values[k]}
        if _apart(question, given, reached, share):
            raw = {labels[k]: files[k].answers[qid] for k in range(len(files)) if qid in values[k]}
            disagreements.append(Disagreement(question=qid, answers=raw, levels=reached, notes=said))
    for key in ENTERPRISE_NOTES:  # why an enterprise field was filled in so, each respondent's
        _said(files, labels, key, notes)
    dates = [a.assessed_on for a in files if a.assessed_on]
    languages = [a.language for a in files if a.language]
    sources = [Source(respondent=labels[k], file=str(names[k]), assessor=a.assessor,
                      assessed_on=a.assessed_on) for k, a in enumerate(files)]
    doc: dict[str, Any] = {
        "format": ANSWERS_FORMAT, "questionnaire": q.ref, "enterprise": enterprise,
        "assessed_on": max(dates) if dates else None,
        "assessor": ", ".join(labels),
        "language": languages[0] if languages else None,  # the first file's, as its readers asked
        "targets": _targets(q, files, names) or None,
        "answers": answers, "notes": notes,
        "merged": Merged(rule=rule, sources=sources, disagreements=disagreements),  # type: ignore[arg-type]
    }
    return AnswersFile.model_validate({k: v for k, v in doc.items() if v is not None})


__all__ = ["combine", "merge"]
