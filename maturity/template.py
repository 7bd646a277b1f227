"""A blank answers file in which every question is explained in YAML comments.

A consultant fills it in an editor without the docs: each question shows its
text, help, the meaning of every answer, and whether n/a is accepted.
"""

from __future__ import annotations

import textwrap

from .loading import estimated_minutes
from .model.base import Text, tr
from .model.questionnaire import (
    ChecklistQuestion,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    QuestionT,
    YesNoQuestion,
)

WIDTH = 96


def _texts(text: Text | None, langs: list[str]) -> list[str]:
    if text is None:
        return []
    if isinstance(text, str):
        return [text]
    out: list[str] = []
    for lang in langs:
        value = tr(text, lang)
        if value and value not in out:
            out.append(value)
    return out


def _comment(lines: list[str], indent: int, prefix: str = "") -> list[str]:
    pad = " " * indent + "# "
    out = []
    for line in lines:
        wrapped = textwrap.wrap(" ".join(line.split()), WIDTH - indent - len(prefix)) or [""]
        out.extend(pad + prefix + w for w in wrapped)
        prefix = " " * len(prefix) if prefix else prefix
    return out


def _join(text: Text | None, langs: list[str]) -> str:
    return " / ".join(_texts(text, langs))


def answers_template(q: Questionnaire, langs: list[str] | None = None) -> str:
    langs = langs or [lang for lang in q.languages] or ["en"]
    n = len(q.levels)
    out: list[str] = []
    out += _comment([f"maturity answers file — {_join(q.title, langs)}"], 0)
    out += _comment([f"{q.ref}: {len(q.questions)} questions, about {estimated_minutes(q)} minutes."], 0)
    out += _comment([
        "Fill in each answer after its colon; leave it empty if you do not know yet "
        "(unanswered questions lower the completeness, not the validity).",
        "Check the file with `maturity validate FILE`, score it with `maturity score FILE`.",
    ], 0)
    out += ["", "format: maturity-answers/1", f"questionnaire: {q.ref}",
            f"language: {langs[0]}          # language of reports: zh or en", "enterprise:",
            "  name:"]
    ind_list = ", ".join(f"{i.id} ({_join(i.name, langs)})" for i in q.industries)
    if ind_list:
        out += _comment([f"industry, one of: {ind_list}"], 2)
    out.append(f"  industry:{' ' + q.industry if q.industry else ''}")
    pt_list = ", ".join(f"{p.id} ({_join(p.name, langs)})" for p in q.production_types)
    if pt_list:
        out += _comment([f"production type, one of: {pt_list}"], 2)
    out.append("  production_type:")
    out += ["  size:                 # micro, small, medium or large", "  region:",
            "assessed_on:            # YYYY-MM-DD", "assessor:", "answers:"]
    for di, dim in enumerate(q.dimensions, 1):
        out += ["", *_comment([f"══ {di} {_join(dim.name, langs)} ══"], 2)]
        for ii, ind in enumerate(dim.indicators, 1):
            out += _comment([f"── {di}.{ii} {_join(ind.name, langs)}"], 2)
            for question in ind.questions:
                qid = f"{dim.id}.{ind.id}.{question.id}"
                out += _question(question, qid, langs, n)
    example = next(iter(q.questions), "dimension.indicator.question")
    out += ["", "# Optional evidence per question: uncomment `notes:` and add lines such as",
            "# notes:", f"#   {example}: Board approved a three-year plan in 2025.", ""]
    return "\n".join(out)


def _question(question: QuestionT, qid: str, langs: list[str], n: int) -> list[str]:
    out = [""]
    out += _comment(_texts(question.text, langs), 2, "Q: ")
    out += _comment(_texts(question.help, langs), 2, "   ")
    if question.follow_up is not None:
        f = question.follow_up
        cond = ("= yes" if f.equals else f">= {f.at_least:g}" if f.at_least is not None
                else f"includes {', '.join(f.includes or [])}")
        out += _comment([f"(answer only if {f.question} {cond})"], 2, "   ")
    if question.applies is not None:
        a = question.applies
        bits = []
        if a.industries:
            bits.append("industries: " + ", ".join(a.industries))
        if a.production_types:
            bits.append("production types: " + ", ".join(a.production_types))
        if a.when:
            bits.append(f"when {a.when.question} qualifies")
        out += _comment([f"(applies only to {'; '.join(bits)})"], 2, "   ")
    value = ""
    if isinstance(question, LevelQuestion):
        out += _comment(["answer with one number:"], 2, "   ")
        for level in sorted(question.anchors):
            out += _comment([_join(question.anchors[level], langs)], 2, f"   {level} = ")
        if 0 not in question.anchors:
            out += _comment(["not yet / none of these"], 2, "   0 = ")
    elif isinstance(question, YesNoQuestion):
        out += _comment(["answer: yes or no"], 2, "   ")
    elif isinstance(question, NumberQuestion):
        unit = _join(question.unit, langs) if question.unit else ""
        rng = f"{'' if question.min is None else f'{question.min:g}'}–" \
              f"{'' if question.max is None else f'{question.max:g}'}"
        kind = "a whole number" if question.integer else "a number"
        out += _comment([f"answer: {kind} {unit} ({rng})".replace("  ", " ")], 2, "   ")
    elif isinstance(question, MultiQuestion):
        out += _comment(["answer: a list of the option ids that apply, e.g. "
                         f"[{', '.join(o.id for o in question.options[:2])}]"], 2, "   ")
        for o in question.options:
            out += _comment([_join(o.text, langs)], 2, f"   {o.id}: ")
    elif isinstance(question, ChecklistQuestion):
        out += _comment(["rate each item: fully, mostly, partly or not"], 2, "   ")
    if question.allow_na:
        out += _comment(["n/a is accepted if this does not apply to you"], 2, "   ")
    out.append(f"  {qid}:{value}")
    if isinstance(question, ChecklistQuestion):
        for item in question.items:
            out += _comment([_join(item.text, langs)], 4, f"(L{item.level}) ")
            out.append(f"    {item.id}:")
    return out
