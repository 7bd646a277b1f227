"""Answers carried from one version of a questionnaire to a later one (``maturity
migrate``), by the later version's ``migrations``: every answer that still has a meaning
is carried, the questions to answer again are listed, and nothing the user wrote is
dropped (``docs/answers-format.md``, "Versions")."""

from __future__ import annotations

from typing import Any

from .delivery import question_state
from .errors import Issue, UsageError, expect
from .model.answers import ANSWERS_FORMAT, ENTERPRISE_NOTES, AnswersFile, Migrated
from .model.migration import Migration
from .model.questionnaire import LevelQuestion, Questionnaire
from .normalise import PARTLY_MARK, check_answers, normalise
from .scoring import assess


def _route(q_old: Questionnaire, q_new: Questionnaire, m: Migration | None) -> dict[str, list[str]]:
    """Old question id → the new ids its answer goes to ([]: no longer asked)."""
    route = {qid: [qid] if qid in q_new.questions else [] for qid in q_old.questions}
    if m is None:
        return route
    for r in [*m.renamed, *m.moved]:
        route[r.old] = [r.new]
    for s in m.split:
        route[s.old] = list(s.new)
    for qid in m.removed:
        route[qid] = []
    return route


def _rebanded(value: Any, levels: dict[int, int]) -> tuple[Any, bool]:
    """A level answer on the new levels, and whether it says all the old one said: ``k+``
    (level k + 1 in part) stays "in part" only where old k + 1 is new k + 1; otherwise it
    is carried as the new k, and the old answer is kept beside it. ``None``: no new level."""
    text = str(value).strip()
    partly = text.endswith(PARTLY_MARK)
    try:
        old = int(text[:-1] if partly else text)
    except ValueError:
        return None, False
    new = levels.get(old)
    if new is None:
        return None, False
    if partly and levels.get(old + 1) == new + 1:
        return f"{new}{PARTLY_MARK}", True
    return new, not partly


def migrate(answers: AnswersFile, q_old: Questionnaire, q_new: Questionnaire) -> AnswersFile:
    """``answers`` (to ``q_old``) carried to ``q_new``, a later version of the same index.

    Each answer goes where ``q_new.migrations`` says (renamed, moved, split; re-banded
    levels mapped), or to the question of the same id. An answer the new question does
    not accept, and every answer and note of a question no longer asked, is kept under
    ``migrated``; ``migrated.to_answer`` lists the questions that need an answer."""
    expect(answers, AnswersFile, "migrate(answers, q_old, q_new): the answers are an AnswersFile")
    expect(q_old, Questionnaire, "migrate(answers, q_old, q_new): q_old is a Questionnaire")
    expect(q_new, Questionnaire, "migrate(answers, q_old, q_new): q_new is a Questionnaire")
    if q_old.id != q_new.id or q_new.version <= q_old.version:
        raise UsageError(f"cannot migrate {q_old.ref} to {q_new.ref}: a later version of the same "
                         "index is needed")
    check_answers(q_old, answers)  # a file its own version refuses is an error, located, not carried
    steps = {m.old_version: m for m in q_new.migrations}
    m = steps.get(q_old.version)
    if m is None and q_new.version - q_old.version > 1:
        raise UsageError(f"{q_new.ref} declares no migration from version {q_old.version}",
                         [Issue(f"declared from: {sorted(steps) or 'none'}", field="migrations")])
    route = _route(q_old, q_new, m)
    bands = {r.question: r.levels for r in (m.rebanded if m else [])}
    n = len(q_new.levels)
    carried: dict[str, Any] = {}
    notes: dict[str, str] = {}
    kept = Migrated(from_questionnaire=q_old.ref).model_dump()
    for old, value in answers.answers.items():
        if value is None or value == {}:
            continue
        targets = route.get(old, [])
        fitted = False
        whole = True
        for new in targets:
            question = q_new.questions[new][2]
            candidate, exact = value, True
            if new in bands and isinstance(question, LevelQuestion) and str(value).strip().lower() != "n/a":
                candidate, exact = _rebanded(value, bands[new])
                whole = whole and exact
            try:
                if candidate is None:
                    raise ValueError("no new level")
                normalise(question, candidate, n)
            except ValueError:
                continue
            if carried.setdefault(new, candidate) == candidate:
                fitted = True  # another old answer already filled it otherwise: this one is kept
        if not fitted or not whole:
            kept["answers"][old] = value  # not carried, or carried with less than it said
    for old, note in answers.notes.items():
        if old in ENTERPRISE_NOTES:  # the enterprise is the same in every version
            notes[old] = note
            continue
        targets = route.get(old, [])
        if not targets:
            kept["notes"][old] = note
        for new in targets:
            notes[new] = f"{notes[new]}; {note}" if new in notes else note
    doc = answers.model_dump(mode="json", exclude_defaults=True)
    doc.update(format=ANSWERS_FORMAT, questionnaire=q_new.ref, answers=carried, notes=notes)
    if doc.get("merged"):  # respondents' disagreements follow their questions (a user saw a
        # migrated merged file's report list 'ops.plan.gone (ops.plan.gone)'); one on a question
        # no longer asked goes with its answers and notes, kept under ``migrated``
        apart = doc["merged"].get("disagreements", [])
        doc["merged"]["disagreements"] = [{**d, "question": new} for d in apart
                                          for new in route.get(d["question"], [])]
    # what is asked and unanswered now (a follow-up its answer leaves closed is not)
    status = question_state(assess(q_new, AnswersFile.model_validate(doc)))
    kept["to_answer"] = [qid for qid in q_new.questions if status.get(qid, ("",))[0] == "unanswered"]
    return AnswersFile.model_validate({**doc, "migrated": Migrated.model_validate(kept)})


__all__ = ["migrate"]
