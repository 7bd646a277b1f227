"""History over many assessments of one enterprise (``maturity history``): grade and
score over time, overall and per dimension, in the order of ``assessed_on``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import Issue, UsageError, expect, expect_list, expect_paired
from .model.answers import key_of
from .model.assessment import Assessment
from .model.diagnosis import History, HistoryPoint, PartScore


def enterprise_key(a: Assessment) -> str | None:
    """What matches assessments of one enterprise: its id, else its name."""
    return key_of(a.enterprise.id, a.enterprise.name)


def history(assessments: Sequence[Assessment], sources: Sequence[str] | None = None) -> History:
    """The history of one enterprise from its assessments (any order): each one's grade
    and score, overall and per dimension, ordered by ``assessed_on``.

    ``UsageError`` (one issue per offending assessment) when they are of different
    enterprises (matched by ``enterprise.id``, else by name), when one has no date, or
    when they answer different indices or index versions: scores of two versions are not
    on one scale, and answers must be carried to one version first."""
    expect_list(assessments, "history(assessments): the assessments are a list")
    if not assessments:
        raise UsageError("history needs at least one assessment",
                         [Issue("history needs at least one assessment", code="bad_argument")])
    for a in assessments:
        expect(a, Assessment, "history(assessments): each is an Assessment (maturity.assess)")
    names = list(sources) if sources is not None else [f"#{k + 1}" for k in range(len(assessments))]
    expect_paired(assessments, names, "history(assessments, sources): sources for assessments")
    issues = []
    keys = {enterprise_key(a) for a in assessments}
    for a, name in zip(assessments, names, strict=True):
        if enterprise_key(a) is None:
            issues.append(Issue("the enterprise has neither an id nor a name to match it by", file=name,
                                field="enterprise"))
        if a.assessed_on is None:
            issues.append(Issue("no assessed_on: a history orders assessments by date", file=name,
                                field="assessed_on"))
    if len(keys - {None}) > 1:
        issues.append(Issue("these are assessments of different enterprises (matched by enterprise.id, "
                            "else by name): " + ", ".join(sorted(k for k in keys if k)), field="enterprise"))
    refs = sorted({a.questionnaire for a in assessments})
    if len(refs) > 1:
        issues.append(Issue(f"they answer {', '.join(refs)}: scores of different indices or index "
                            "versions are not on one scale; answer one version (or carry the older "
                            "answers to it) first", field="questionnaire"))
    if issues:
        raise UsageError("no history: " + "; ".join(i.message for i in issues), issues)
    order = sorted(range(len(assessments)), key=lambda k: assessments[k].assessed_on)  # type: ignore[arg-type,return-value]
    points = [HistoryPoint(
        source=names[k], assessed_on=assessments[k].assessed_on, level=assessments[k].level,  # type: ignore[arg-type]
        score=assessments[k].score, score_max=assessments[k].score_max,
        dimensions=[PartScore(id=d.id, level=d.level, score=d.score, score_max=d.score_max)
                    for d in assessments[k].dimensions]) for k in order]
    last = assessments[order[-1]]
    return History(enterprise=last.enterprise.name or last.enterprise.id or "", questionnaire=refs[0],
                   dimensions=[d.id for d in last.dimensions], points=points)


def by_enterprise(assessments: Sequence[Assessment], sources: Sequence[str]
                  ) -> list[tuple[list[Assessment], list[str]]]:
    """Assessments grouped by enterprise, in the order each first appears."""
    groups: dict[str | None, tuple[list[Assessment], list[str]]] = {}
    for a, name in zip(assessments, sources, strict=True):
        group = groups.setdefault(enterprise_key(a), ([], []))
        group[0].append(a)
        group[1].append(name)
    return list(groups.values())


__all__ = ["by_enterprise", "enterprise_key", "history"]
