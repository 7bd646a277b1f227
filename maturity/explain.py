"""Words for the engine's structured results (no formatting library, no UI)."""

from __future__ import annotations

from .i18n import paren, t
from .model.assessment import Assessment
from .model.base import tr
from .model.questionnaire import CmmmScoring, MeanScoring, PointsScoring, Questionnaire, band_min
from .rating import requirement_counts
from .target_levels import target_level
from .validation import under


def subject(q: Questionnaire, lang: str = "en") -> dict[str, str]:
    """The words for the assessed unit in report sentences (``{subject}`` and, to start
    a sentence, ``{Subject}``): the questionnaire's own, else the plant / 企业."""
    words = tr(q.subject, lang) if q.subject else t("subject", lang)
    return {"subject": words, "Subject": words[:1].upper() + words[1:]}


def level_label(q: Questionnaire, level: int, lang: str = "en") -> str:
    """``L3 Integrated`` / ``L3 集成级``; level 0 reads "not yet L1"."""
    if level <= 0:
        return t("not_yet", lang)
    lv = q.levels[level - 1]
    return f"{lv.id} {tr(lv.name, lang)}"


def level_number(q: Questionnaire, value: str | None) -> int | None:
    """The grade a user names (``L4``, ``4``, case-insensitive); ``UsageError`` otherwise
    (read as a target in an answers file is, :func:`maturity.normalise.target_level`)."""
    if value is None:
        return None
    key = value.strip()
    try:
        return target_level(q, int(key) if key.isdigit() else key)
    except ValueError:
        pass
    from .errors import UsageError

    raise UsageError(f"--target {value!r}: give a level of {q.ref}: " + ", ".join(lv.id for lv in q.levels))


def name_of(q: Questionnaire, ident: str, lang: str = "en") -> str:
    """Display name of a dimension, ``dimension.indicator`` or question id."""
    if ident in q.indicators:
        return tr(q.indicators[ident][1].name, lang)
    if ident in q.questions:
        return tr(q.questions[ident][2].text, lang)
    for d in q.dimensions:
        if d.id == ident:
            return tr(d.name, lang)
    return ident


def warning_text(q: Questionnaire, warning: str, lang: str) -> str:
    """An assessment's warning in the reader's language, the question named with its
    indicator (a Chinese report said "operations.execution.process_control: answer
    ignored, the question does not apply")."""
    from .engine import IGNORED_CLOSED, IGNORED_NA

    qid, _, rest = warning.partition(": ")
    if qid not in q.questions:
        return warning
    where = name_of(q, qid.rsplit(".", 1)[0], lang) + ("（" if lang == "zh" else " (") + qid + \
        ("）" if lang == "zh" else ")")
    if ": " + rest == IGNORED_NA:
        return t("warn_not_applies", lang, question=where)
    head, _, tail = IGNORED_CLOSED.partition("{parent}")
    if (": " + rest).startswith(head) and rest.endswith(tail):
        parent = rest[len(head) - 2:len(rest) - len(tail)]
        return t("warn_closed", lang, question=where, parent=parent)
    return warning


def apart(value: float, bound: float, digits: int, strip: bool = False) -> tuple[str, str]:
    """``value`` and the ``bound`` it is compared with, written with ``digits`` decimals or
    as many more (up to four) as it takes to tell them apart when ``value`` falls short:
    rounded alike, "needs 3.80; the total is 3.80" read as met while the grade said it was
    not (round 109: a seating plant at 3.7976).  ``strip``: the bound without trailing
    zeros where the two read apart anyway ("0.8", "40"), as the texts wrote it before."""
    d = digits
    while value < bound and d < digits + 4 and f"{value:.{d}f}" == f"{bound:.{d}f}":
        d += 1
    shown = f"{bound:.{d}f}"
    if strip and d == digits:
        shown = f"{bound:g}"
    return f"{value:.{d}f}", shown


def completeness_figure(share: float, unrated: int, lang: str = "en") -> str:
    """The completeness as a headline gives it: the share of questions answered, then the
    checklist items of answered questions left unrated, which count as not met (a plant
    with 36 such items read "Completeness 100%" above a grade they held down)."""
    return f"{share:.0%}" + (t("unrated_short", lang, n=unrated) if unrated else "")


def score_text(q: Questionnaire, score: float, level: int, digits: int = 2) -> str:
    """A total the plant's answers give (``level`` the grade it reaches) as the report
    writes it: ``digits`` decimals, or more where they would round it up to the score the
    grade above needs (a grade of L3 beside "3.80" when L4 starts at 3.80; ``apart``)."""
    bound = band_min(q.scoring, level + 1)
    return apart(score, bound, digits)[0] if bound is not None else f"{score:.{digits}f}"


def explain_next_level(q: Questionnaire, a: Assessment, lang: str = "en", top: int = 5) -> list[str]:
    """Sentences saying why the grade is not one higher (empty list never: top grade says so)."""
    nl = a.next_level
    if nl is None:
        return [t("top", lang)]
    target = q.levels[nl.level - 1].id
    lines: list[str] = []
    elsewhere = q.run_elsewhere(a.enterprise)
    blank = {i.id: sum(r.status == "unanswered" for r in i.questions)
             for d in a.dimensions for i in d.indicators}

    def gap(ident: str) -> str:  # a function others run for the plant still counts: say so; and
        # a gap of questions not yet answered is said to be one (a first-time user halfway through
        # read "Marketing and sales: level-1 score 0.00" as a finding about the plant)
        return name_of(q, ident, lang) + (t("run_by_others_mark", lang) if ident in elsewhere else "") \
            + (t("unanswered_mark", lang, n=blank[ident]) if blank.get(ident) else "")

    if isinstance(q.scoring, CmmmScoring):
        score, needed = apart(nl.score, nl.needed, 2)
        lines.append(t("needs_score", lang, level=target, needed=needed, score=score))
        if nl.failing_level is not None and nl.failing_score is not None:
            fs, threshold = apart(nl.failing_score, q.scoring.threshold, 2, strip=True)
            fs_pct, threshold_pct = apart(100 * nl.failing_score, 100 * q.scoring.threshold, 0)
            lines.append(t("failing", lang, **subject(q, lang), failing=nl.failing_level,
                           threshold=threshold, fs=fs, threshold_pct=threshold_pct, fs_pct=fs_pct))
        for s in nl.shortfalls[:top]:
            lines.append("- " + t("gap_line", lang, name=gap(s.indicator), level=s.level, score=s.score))
    else:
        assert isinstance(q.scoring, PointsScoring)
        mean = isinstance(q.scoring, MeanScoring)
        if nl.score + 1e-9 < nl.needed:
            # the total as the headline writes it ("27.62 / 100"), not to one decimal ("27.6")
            score, needed = apart(nl.score, nl.needed, 2, strip=True)
            lines.append(t("needs_mean" if mean else "needs_points", lang, level=target,
                           needed=needed, score=score))
        for i in nl.unmet_requirements:
            req = q.scoring.requirements[i]
            text = tr(req.description, lang) if req.description else (
                f"{req.count} × ≥ L{req.at_least} ({', '.join(req.among)})")
            lines.append(t("unmet", lang, text=text))
        for s in nl.shortfalls[:top]:
            lines.append("- " + t("gap_mean" if mean else "gap_points", lang, name=gap(s.indicator),
                                  score=s.score))
    return lines


def gate_progress(q: Questionnaire, a: Assessment, dim_id: str, lang: str = "en") -> str:
    """For a points-method dimension worth no points (e.g. the SME index's business
    scenarios): what its questions do instead — the next grade's rules, with progress."""
    if not isinstance(q.scoring, PointsScoring):
        return ""
    results = [r for d in a.dimensions for i in d.indicators for r in i.questions]
    status = {r.id: r.status for r in results}
    reached = {r.id: r.level or 0 for r in results}
    nxt = min(a.level + 1, len(q.levels))
    label = level_label(q, nxt, lang)
    parts = []
    for req in q.scoring.requirements:
        if req.level != nxt or req.points is not None:
            continue
        if not any(under(qid, req.among + req.mandatory) for qid in q.questions if under(qid, [dim_id])):
            continue
        met, mandatory = requirement_counts(q, req, status, reached)
        if req.description:  # the rule in the index's words, which say which questions count:
            # two rules of one grade over different questions read as one rule said twice
            # ("L1 needs 5 at level 1 or above …; L1 needs 3 at level 1 or above …")
            have = [t("gate_have", lang, have=met)] if req.count else []
            if req.mandatory:
                have.append(t("gate_have_mandatory", lang, have=mandatory, count=len(req.mandatory)))
            parts.append(tr(req.description, lang).rstrip("。.")
                         + paren(("；" if lang == "zh" else "; ").join(have), lang))
            continue
        if req.count:
            parts.append(t("gate_count", lang, have=met, count=req.count, at=req.at_least, level=label))
        if req.mandatory:
            parts.append(t("gate_mandatory", lang, have=mandatory, count=len(req.mandatory),
                           at=req.at_least))
    head = t("gate_head", lang)
    if not parts:
        return head
    return head + ("：" if lang == "zh" else ": ") + ("；" if lang == "zh" else "; ").join(parts)
