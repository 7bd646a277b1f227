"""A blank answers file in which every question is explained in YAML comments.

A consultant fills it in an editor without the docs: each question shows its
text, help, the meaning of every answer, and whether n/a is accepted.
"""

from __future__ import annotations

from ._cjk import fold
from .catalogue import conditional, estimated_minutes
from .i18n import t
from .loading import data_dir
from .model.base import Text, tr
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
        # in cells, breaking at spaces and between Chinese characters (``_cjk.fold``)
        wrapped = fold(" ".join(line.split()), WIDTH - indent - len(prefix))
        out.extend(pad + prefix + w for w in wrapped)
        prefix = " " * len(prefix) if prefix else prefix
    return out


def _join(text: Text | None, langs: list[str]) -> str:
    return " / ".join(_texts(text, langs))


def modeline(which: str) -> str:
    """The first line that lets YAML editors (yaml-language-server: VS Code, Neovim, …)
    validate and complete the file: the installed schema, by file URI, since the tool is
    offline.  On another machine the editor just finds no schema."""
    path = data_dir("questionnaires") / "schema" / f"{which}.schema.json"
    return f"# yaml-language-server: $schema={path.as_uri()}"


def answers_template(q: Questionnaire, langs: list[str] | None = None) -> str:
    """The template text; ``langs`` (default: the questionnaire's) for texts and hints."""
    langs = langs or list(q.languages) or ["en"]

    def h(key: str, **kw: object) -> str:
        """The line in each language (a callable argument is given the language)."""
        return " / ".join(dict.fromkeys(
            t(key, lang, **{k: v(lang) if callable(v) else v for k, v in kw.items()}) for lang in langs))

    out: list[str] = [modeline("answers")]
    out += _comment([f"maturity — {_join(q.title, langs)}"], 0)
    if_any = conditional(q)  # as the TUI's list of indices says it
    out += _comment([h("tpl_header", ref=q.ref, n=len(q.questions) - if_any, m=estimated_minutes(q),
                       extra=lambda lang: t("n_conditional", lang, m=if_any) if if_any else "")], 0)
    out += _comment([h("tpl_fill"), h("tpl_check")], 0)
    out += ["", "format: maturity-answers/1", f"questionnaire: {q.ref}",
            f"language: {langs[0]}", *_comment([h("tpl_lang")], 0), "enterprise:", "  name:"]
    # the profile fields the questionnaire uses: an index that knows no industries or
    # production types (a model that is not about manufacturing) asks for neither
    ind_list = ", ".join(f"{i.id} ({_join(i.name, langs)})" for i in q.industries)
    if ind_list:
        out += [*_comment([h("tpl_industry", items=ind_list)], 2),
                f"  industry:{' ' + q.industry if q.industry else ''}"]
    pt_list = ", ".join(f"{p.id} ({_join(p.name, langs)})" for p in q.production_types)
    if pt_list:
        out += [*_comment([h("tpl_ptype", items=pt_list)], 2), "  production_type:"
                + (f" {q.production_type}" if q.industry and q.production_type else "")]
    kinds = ", ".join(f"{k.id} ({_join(k.name, langs)})" for k in q.product_kinds)
    if kinds:  # each kind's description too: it says which kind a borderline product is
        out += [*_comment([h("tpl_product_kind", items=kinds)], 2),
                *(line for k in q.product_kinds if k.description
                  for line in _comment(_texts(k.description, langs), 2, f"   {k.id}: ")),
                "  product_kind:"]
    out += [*_comment([h("tpl_size")], 2), "  size:", "  region:"]
    if q.asks_energy_intensive:
        out += [*_comment([h("tpl_energy_intensive")], 2), "  energy_intensive:"]
    functions = ", ".join(f"{f.id} ({_join(f.name, langs)})" for f in q.functions)
    if functions:
        scoped = [h("tpl_run_elsewhere_scoped", level=q.elsewhere_level)] if q.elsewhere_level else []
        out += [*_comment([h("tpl_run_elsewhere", items=functions), *scoped], 2), "  run_elsewhere: []"]
    out += ["assessed_on:            # YYYY-MM-DD", "assessor:", "answers:"]
    n = len(q.levels)
    for di, dim in enumerate(q.dimensions, 1):
        out += ["", *_comment([f"══ {di} {_join(dim.name, langs)} ══"], 2)]
        for ii, ind in enumerate(dim.indicators, 1):
            out += ["", *_comment([f"── {di}.{ii} {_join(ind.name, langs)}"], 2)]
            for question in ind.questions:
                out += _question(question, f"{dim.id}.{ind.id}.{question.id}", langs, n, h)
    example = next(iter(q.questions), "dimension.indicator.question")
    out += ["", *_comment([h("tpl_notes")], 0), "# notes:",
            f"#   {example}: Board approved a three-year plan in 2025.",
            "#   enterprise.industry: Wire harnesses for appliances, taken as machinery.", ""]
    return "\n".join(out)


def _question(question: QuestionT, qid: str, langs: list[str], n: int, h) -> list[str]:
    out = _comment(_texts(question.text, langs), 2, "Q: ")
    out += _comment(_texts(question.help, langs), 2, "   ")
    if question.follow_up is not None:
        f = question.follow_up
        cond = (f"{f.question} = yes" if f.equals else f"{f.question} >= {f.at_least:g}"
                if f.at_least is not None else f"{f.question} ∋ {', '.join(f.includes or [])}")
        out += _comment([h("tpl_only_if", cond=cond)], 2, "   ")
    if question.applies is not None:
        a = question.applies
        bits = [*(a.industries or []), *(a.production_types or [])]
        if a.when:
            bits.append(a.when.question)
        out += _comment([h("tpl_applies", what=", ".join(bits))], 2, "   ")
    if isinstance(question, LevelQuestion):
        out += _comment([h("tpl_level")], 2, "   ")
        for level in sorted(question.anchors):
            out += _comment([_join(question.anchors[level], langs)], 2, f"   {level} = ")
        if 0 not in question.anchors:
            out += _comment([h("tpl_not_yet")], 2, "   0 = ")
    elif isinstance(question, YesNoQuestion):
        out += _comment([h("tpl_yesno")], 2, "   ")
    elif isinstance(question, NumberQuestion):
        unit = _join(question.unit, langs) if question.unit else ""
        rng = f"{'' if question.min is None else f'{question.min:g}'}–" \
              f"{'' if question.max is None else f'{question.max:g}'}"
        kind_key = "tpl_a_whole_number" if question.integer else "tpl_a_number"
        # a share of a whole (0-100 %) refuses a bare 0.62 as a fraction, so it asks for the
        # sign below 1 %; any other percent that can take a value below 1 takes 0.6 as
        # written, and says so (an assessor of round 158 wrote "0.4%" for digital spending,
        # unsure which the file wanted)
        fractional = not question.integer and (question.min is None or question.min < 1)
        tail = ("tpl_share" if question.is_share()
                else "tpl_as_written" if question.in_percent() and fractional else None)
        out += _comment([" / ".join(dict.fromkeys(
            t("tpl_number", lang, kind=t(kind_key, lang), unit=unit, range=rng)
            + (t(tail, lang) if tail else "") for lang in langs))], 2, "   ")
    elif isinstance(question, ChoiceQuestion):
        out += _comment([h("tpl_choice")], 2, "   ")
        for o in question.choices:
            out += _comment([_join(o.text, langs)], 2, f"   {o.id}: ")
    elif isinstance(question, MultiQuestion):
        example = ", ".join(o.id for o in question.options[:2])
        out += _comment([h("tpl_multi", example=example)], 2, "   ")
        for o in question.options:
            out += _comment([_join(o.text, langs)], 2, f"   {o.id}: ")
    elif isinstance(question, ChecklistQuestion):
        out += _comment([h("tpl_checklist")], 2, "   ")
    if question.allow_na:
        out += _comment([h("tpl_na")], 2, "   ")
    out.append(f"  {qid}:")
    if isinstance(question, ChecklistQuestion):
        for item in question.items:
            out += _comment([_join(item.text, langs)], 4, f"(L{item.level}) ")
            out += _comment(_texts(item.help, langs), 4, "   ")
            if item.allow_na:
                out += _comment([h("tpl_na")], 4, "   ")
            out.append(f"    {item.id}:")
    return out
