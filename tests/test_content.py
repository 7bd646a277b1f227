"""Tests on the shipped content, not only the code: indices, overlays, scenarios, seeds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import maturity
from maturity.i18n import t as maturity_t
from maturity.loading import check_questionnaire_file, data_dir
from maturity.model import LevelQuestion, Questionnaire

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p for p in (ROOT / "questionnaires").glob("*.yaml") if not p.name.startswith("_"))
OVERLAYS = {"petrochemical", "steel", "nonferrous", "building_materials", "machinery",
            "automotive", "light_industry", "textiles", "electronics"}


def _load(path: Path) -> Questionnaire:
    return maturity.load_questionnaire(path)


def test_the_expected_indices_are_shipped():
    ids = {p.stem for p in SHIPPED}
    assert {"general", "sme"} | OVERLAYS <= ids, sorted(({"general", "sme"} | OVERLAYS) - ids)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_questionnaire_loads_without_any_warning(path):
    q, issues = check_questionnaire_file(path)
    assert q is not None
    assert not issues, "\n".join(map(str, issues))


def _texts(obj: Any, where: str = "") -> list[tuple[str, Any]]:
    """Every human text of a questionnaire with a readable location."""
    from pydantic import BaseModel

    out: list[tuple[str, Any]] = []
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            here = f"{where}.{name}" if where else name
            if name in ("title", "name", "text", "help", "description", "levels_note"):
                if value is not None:
                    out.append((here, value))
            elif name == "anchors":
                out.extend((f"{here}[{k}]", v) for k, v in value.items())
            elif name in ("unit",):
                continue
            else:
                out.extend(_texts(value, here))
    elif isinstance(obj, list):
        for n, item in enumerate(obj):
            label = getattr(item, "id", n)
            out.extend(_texts(item, f"{where}[{label}]"))
    return out


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_text_is_in_chinese_and_english(path):
    q = _load(path)
    bad = [where for where, text in _texts(q)
           if not (isinstance(text, dict) and text.get("zh", "").strip() and text.get("en", "").strip())]
    assert not bad, f"{len(bad)} texts lack zh or en, e.g. {bad[:5]}"
    for where, text in _texts(q):
        assert any("\u4e00" <= c <= "\u9fff" for c in text["zh"]), f"{where}: zh text has no Chinese"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_level_question_describes_every_level(path):
    q = _load(path)
    n = len(q.levels)
    for qid, (_, _, question) in q.questions.items():
        if isinstance(question, LevelQuestion):
            assert set(question.anchors) == set(range(n + 1)), f"{qid}: anchors {sorted(question.anchors)}"
            texts = [question.anchors[k]["en"] for k in range(n + 1)]
            assert len(set(texts)) == n + 1, f"{qid}: two levels share a description"


def test_general_has_five_grades_with_the_project_level_names():
    q = _load(ROOT / "questionnaires" / "general.yaml")
    names = [(lv.id, lv.name["en"], lv.name["zh"]) for lv in q.levels]
    assert names == [("L1", "Planning", "规划级"), ("L2", "Standardised", "规范级"),
                     ("L3", "Integrated", "集成级"), ("L4", "Optimised", "优化级"),
                     ("L5", "Leading", "引领级")]
    assert "GB/T 39116" in q.levels_note["en"]
    # 62 questions that every plant answers, and 15 yes/no follow-ups at level 5 that open
    # only where their level question is answered 4 or more (round 119)
    assert 40 <= len(q.questions) <= 80
    opened_at_4 = [x for x in q.questions.values()
                   if x[2].follow_up is not None and x[2].follow_up.at_least == 4]
    assert 40 <= len(q.questions) - len(opened_at_4) <= 70
    # each partner state is one yes at level 5, said as a state in both languages
    assert len(opened_at_4) == 15
    for _, _, x in opened_at_4:
        assert x.kind == "yesno" and x.level == 5 and x.goal and set(x.goal) == {"en", "zh"}, x.id


def test_general_covers_every_cmmm_subdomain():
    q = _load(ROOT / "questionnaires" / "general.yaml")
    ref = yaml.safe_load((ROOT / "questionnaires" / "reference" / "cmmm.yaml").read_text("utf-8"))
    covered = {tag for _, ind in q.indicators.values() for tag in ind.covers}
    wanted = {f"{m['id']}:{s['id']}" for m in ref["models"] for s in m["subdomains"]}
    assert len(wanted) == 45
    assert not wanted - covered, f"not covered: {sorted(wanted - covered)}"
    assert not covered - wanted, f"unknown covers tags: {sorted(covered - wanted)}"


def test_general_weight_profiles_use_the_cmmm_2024_domain_weights():
    q = _load(ROOT / "questionnaires" / "general.yaml")
    profiles = {p.id: p.weights for p in q.production_types}
    order = ["strategy", "factory", "rd", "operations", "business"]
    assert [profiles["process"][d] for d in order] == [7, 24, 4, 42, 23]
    assert [profiles["discrete"][d] for d in order] == [7, 15, 11, 37, 30]


def test_general_asks_the_national_statistics_indicators():
    q = _load(ROOT / "questionnaires" / "general.yaml")
    for qid in ("rd.design.tools_rate", "factory.equipment.cnc_rate",
                "factory.equipment.digital_rate", "factory.network.networking_rate"):
        assert q.questions[qid][2].kind == "number", qid


FOUNDATION_SOURCE = "maturity (foundation scenario)"


def test_the_scenario_catalogue_has_the_40_guide_scenarios_and_policy_themes():
    q = _load(ROOT / "questionnaires" / "general.yaml")
    guide = [s for s in q.scenarios if s.link != "policy_theme" and s.source != FOUNDATION_SOURCE]
    themes = [s for s in q.scenarios if s.link == "policy_theme"]
    assert len(guide) == 40 and themes
    per_link = {}
    for s in guide:
        per_link[s.link] = per_link.get(s.link, 0) + 1
    assert per_link == {"factory_build": 3, "product_rd": 2, "process_design": 2,
                        "production_management": 12, "production_operations": 10,
                        "operations_management": 4, "product_service": 3, "supply_chain": 4}
    for s in q.scenarios:
        for pre in s.prerequisites:
            raised = {t.indicator: t.level for t in s.raises}
            assert pre.level < raised.get(pre.indicator, 99), f"{s.id}: prerequisite above its target"
        for b in s.benefits:
            if b.figure:
                assert b.source, f"{s.id}: a figure without a source"


@pytest.mark.parametrize("industry", sorted(OVERLAYS))
def test_every_industry_overlay_resolves_and_adds_questions(industry):
    path = ROOT / "questionnaires" / f"{industry}.yaml"
    if not path.exists():
        pytest.fail(f"missing overlay {path.name}")
    overlay = _load(path)
    general = _load(ROOT / "questionnaires" / "general.yaml")
    assert overlay.extends == "general@2" and overlay.industry == industry
    added = set(overlay.questions) - set(general.questions)
    assert 3 <= len(added) <= 8, f"{industry} adds {len(added)} questions"
    assert overlay.production_type in {"process", "discrete", "mixed"}
    assert 4 <= len(overlay.focus_scenarios) <= 8


def test_sme_index_uses_the_points_method_with_four_levels():
    q = _load(ROOT / "questionnaires" / "sme.yaml")
    assert q.scoring.method == "points" and len(q.levels) == 4
    assert 20 <= len(q.questions) <= 30
    weights = {d.id: d.weight for d in q.dimensions}
    assert weights["foundation"] == 50 and weights["management"] == 30 and weights["results"] == 20
    assert q.scoring.requirements, "the 'N scenarios at level X' rules"


def test_all_answers_at_the_top_and_bottom_of_every_shipped_index():
    from tests.strategies import bottom_answer, top_answer

    for path in SHIPPED:
        q = _load(path)
        top = maturity.assess(q, {qid: top_answer(x) for qid, (_, _, x) in q.questions.items()})
        low = maturity.assess(q, {qid: bottom_answer(x) for qid, (_, _, x) in q.questions.items()})
        assert top.level == len(q.levels), path.name
        assert low.level == 0, path.name


# ----------------------------------------------------------------------------- seeds


def _seed(name: str) -> dict[str, Any]:
    return yaml.safe_load((data_dir("seeds") / name).read_text(encoding="utf-8"))


def test_every_seed_figure_has_a_known_source_and_a_locator():
    figures = _seed("figures.yaml")
    sources = {s["id"] for s in figures["sources"]}
    assert len(figures["figures"]) >= 20
    for f in figures["figures"]:
        assert f.get("source") in sources, f["id"]
        assert f.get("locator"), f["id"]
        assert isinstance(f.get("value"), int | float), f["id"]
    ids = [f["id"] for f in figures["figures"]]
    assert len(ids) == len(set(ids))


def test_the_national_benchmarks_the_diagnosis_needs_are_in_the_seeds():
    figures = {f["id"]: f for f in _seed("figures.yaml")["figures"]}
    by_hint: dict[str, list[dict]] = {}
    for f in figures.values():
        if f.get("indicator_hint"):
            by_hint.setdefault(f["indicator_hint"], []).append(f)
    assert {f["value"] for f in by_hint["cnc_rate"]} == {71.1, 70}
    assert {f["value"] for f in by_hint["rd_design_tools"]} == {86.7, 90}
    assert 57.7 in {f["value"] for f in by_hint["digital_equipment"]}


def test_seed_industries_match_the_general_index():
    seeds = {i["id"] for i in _seed("industries.yaml")["industries"]}
    general = {i.id for i in _load(ROOT / "questionnaires" / "general.yaml").industries}
    assert seeds <= general
    assert seeds >= OVERLAYS


def test_every_benchmark_hint_names_national_figures_in_the_seeds():
    hints = {f.get("indicator_hint") for f in _seed("figures.yaml")["figures"]}
    for path in SHIPPED:
        q = _load(path)
        for qid, (_, _, question) in q.questions.items():
            hint = getattr(question, "benchmark", None)
            if hint:
                assert hint in hints, f"{path.name}: {qid} benchmarks {hint!r}, not in seeds/figures.yaml"


def test_the_general_catalogue_has_the_foundations_a_new_plant_needs_first():
    q = _load(ROOT / "questionnaires" / "general.yaml")
    foundations = {s.id: s for s in q.scenarios if s.foundation}
    # a plan and organisation, core business systems, a shop-floor network, master data,
    # and rolling an MES pilot out to every workshop (issue: foundations first)
    delivered = {t.question.rsplit(".", 1)[0] for s in foundations.values() for t in s.delivers}
    for indicator in ("strategy.planning", "business.procurement", "factory.network", "factory.data",
                      "operations.execution"):
        assert indicator in delivered, indicator
    for s in foundations.values():
        # a foundation needs nothing but other foundations
        for pre in s.prerequisites:
            assert any(pre.indicator == t.question.rsplit(".", 1)[0] for f in foundations.values()
                       for t in f.delivers), f"{s.id}: prerequisite {pre.indicator} is no foundation's"


def test_every_scenario_says_which_questions_it_delivers():
    for name in ("general.yaml", "sme.yaml"):
        q = _load(ROOT / "questionnaires" / name)
        for s in q.scenarios:
            assert s.delivers, f"{name}: {s.id} delivers nothing"
            raised = {t.indicator for t in s.raises}
            assert {t.question.rsplit(".", 1)[0] for t in s.delivers} <= raised, s.id


@pytest.mark.parametrize("name", ["sme-workshop", "machinery-plant"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_table_says_what_its_columns_are(name, lang):
    """Issue #12, item 6: "Path to L3" had blank column headers, and the SME blocking table
    showed "Score 0.25 · Impact 11.250" with no words for either number."""
    from maturity.report.content import build
    from maturity.report.markdown import render

    answers = maturity.load_answers(EXAMPLES / f"{name}.yaml")
    q = maturity.questionnaire_for(answers)
    d = maturity.diagnose(maturity.assess(q, answers), q)
    report = build(q, d, lang)
    text = render(report)
    headers = [line for line, nxt in zip(text.splitlines(), text.splitlines()[1:], strict=False)
               if nxt.startswith("|---")]
    assert headers and all(all(c.strip() for c in h.strip("|").split("|")) for h in headers), headers
    if d.blocking:
        assert report.blocking_intro and report.impact_header


@pytest.mark.parametrize("name", ["general", "sme"])
def test_benefit_figures_are_in_both_languages(name):
    """The first-time user found "(-20.7% product development cycle; …)" in a Chinese
    report: a benefit's measured figure is text in both languages, like the rest."""
    import re

    from maturity.model.base import tr

    q = maturity.load_questionnaire(name)
    figures = [b.figure for s in q.scenarios for b in s.benefits if b.figure]
    assert figures
    assert not [f for f in figures if re.search(r"[A-Za-z]", tr(f, "zh"))]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_terminal_report_lists_benchmarks_instead_of_a_table_it_cannot_fit(lang):
    """Issue #12: at 80 columns the TUI cut the six-column benchmark table.  ``wide=False``
    (the result screen's) gives one list item per benchmark with every figure of the
    table's row; the files keep the table."""
    from maturity.report.content import build
    from maturity.report.markdown import render

    answers = maturity.load_answers(EXAMPLES / "machinery-plant.yaml")
    q = maturity.questionnaire_for(answers)
    report = build(q, maturity.diagnose(maturity.assess(q, answers), q), lang)
    assert report.benchmarks
    wide, narrow = render(report), render(report, wide=False)
    section = narrow.split(f"## {maturity_t('benchmarks', lang)}", 1)[1].split("\n## ", 1)[0]
    assert "|" not in section
    for b in report.benchmarks:
        row = next(line for line in wide.splitlines() if line.startswith(f"| {b.name} |"))
        item = next(line for line in section.splitlines() if line.startswith(f"- **{b.name}**"))
        assert all(cell in item for cell in (b.value, b.national, b.verdict)), (row, item)


@pytest.mark.parametrize(("lang", "said"), [("en", "not applicable"), ("zh", "不适用")])
def test_a_benchmark_answered_na_says_not_applicable_not_unanswered(tmp_path, lang, said):
    """A consultant's refinery answered the design-tools rate n/a: its benchmark row read
    "not answered" in both columns."""
    from maturity.report.content import build

    text = (EXAMPLES / "machinery-plant.yaml").read_text("utf-8")
    path = tmp_path / "a.yaml"
    text = re.sub(r"(?m)^  rd\.design\.tools_rate: .*$", "  rd.design.tools_rate: n/a", text)
    path.write_text(text, "utf-8")
    answers = maturity.load_answers(path)
    q = maturity.questionnaire_for(answers)
    report = build(q, maturity.diagnose(maturity.assess(q, answers), q), lang)
    row = next(b for b in report.benchmarks if "%" not in b.value)
    assert row.value == said and said in row.verdict
    assert maturity_t("not_answered", lang) not in row.value


def test_chinese_text_sets_no_space_beside_chinese_characters():
    """Issue #12: terminal lines broke early before Latin words ("接入 DCS 系统" leaves a
    break point, and the whole Chinese run after it went to the next line).  GB/T and MIIT
    texts set no space there; the loader drops it from every ``zh`` text, English alone."""
    import re

    from maturity.model.base import _unfold_chinese

    assert _unfold_chinese({"en": "the DCS 2 system", "zh": "接入 DCS 系统，覆盖 80% 以上 设备"}) == {
        "en": "the DCS 2 system", "zh": "接入DCS系统，覆盖80%以上设备"}
    assert _unfold_chinese({"zh": "符合 GB/T 39116 要求"})["zh"] == "符合GB/T 39116要求"
    cjk = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
    beside = re.compile(rf"[{cjk}] | (?=[{cjk}])")
    q = maturity.load_questionnaire("general")
    texts = [x.text for _, _, x in q.questions.values()] + [s.description for s in q.scenarios]
    spaced = [tr for tr in (t["zh"] for t in texts if isinstance(t, dict)) if beside.search(tr)]
    assert not spaced, spaced[:3]


def test_shipped_scenarios_use_the_value_chain_links():
    """``link`` is free for a model of another field; the shipped manufacturing indices
    keep to the 2025 guide's links (or policy_theme)."""
    from typing import get_args

    from maturity.model.scenario import ScenarioLink

    known = set(get_args(ScenarioLink))
    for ref in ("general", "sme", "steel", "machinery", "textiles", "electronics", "automotive",
                "petrochemical", "nonferrous", "building_materials", "light_industry"):
        q = maturity.load_questionnaire(ref)
        odd = [(s.id, s.link) for s in q.scenarios if s.link not in known]
        assert not odd, (ref, odd)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_phase_that_leaves_indicators_to_improve_directly_says_so_in_its_heading(lang):
    """Round-46 and earlier reviewers of p08, p16 and p17: "calling the phase 'reach L5
    Leading' is misleading: the scenarios add about +0.01 each, and the report itself
    admits 13 indicators must be lifted directly".  The heading counts them."""
    from maturity.diagnosis import diagnose
    from maturity.explain import level_label
    from maturity.report.content import build

    cal = Path(__file__).resolve().parent.parent / "docs" / "calibration" / "answers" / "after"
    seen = set()
    for name in ("p08-b.yaml", "p04-b.yaml", "p19-b.yaml"):
        answers = maturity.load_answers(cal / name)
        q = maturity.questionnaire_for(answers)
        d = diagnose(maturity.assess(q, answers), q)
        report = build(q, d, lang)
        for phase, (title, names, _, _) in zip(d.roadmap, report.roadmap, strict=True):
            level = level_label(q, phase.target_level, lang)
            plain = maturity_t("phase", lang, n=d.roadmap.index(phase) + 1, level=level)
            if names and phase.uncovered:
                assert str(len(phase.uncovered)) in title and title != plain
                seen.add("counted")
            else:
                assert title == plain
                seen.add("plain")
    assert seen == {"counted", "plain"}  # both cases are there to be tested


def test_the_execution_question_says_what_counts_in_batch_and_continuous_production():
    """The index is one reading for every kind of plant (round 77): the MES roll-out and the
    digital workshop name, for process plants, a production management system (electronic
    batch records, a plant information system) as what they roll out, so the question they
    deliver says when such a system counts, and the follow-up how to read its items."""
    q = {k: v[2] for k, v in _load(ROOT / "questionnaires" / "general.yaml").questions.items()}
    mes, use = q["operations.execution.mes"], q["operations.execution.mes_use"]
    for lang, words in {"en": ("Batch production", "Continuous production", "historian"),
                        "zh": ("批次生产", "连续生产", "实时数据库")}.items():
        for word in words:
            assert word in mes.help[lang], (lang, word)
    assert "continuous production" in use.help["en"] and "连续生产" in use.help["zh"]


def test_identification_resolution_offers_every_means_the_traceability_level_accepts():
    """The scenario delivers traceability level 5, whose help accepts lot and serial data
    sent with each delivery as well as identifier resolution. Offered as national registration
    only, it was rated "does not fit" at suppliers of a few large customers (round 91), so
    its description names both, and each language says the same."""
    gen = _load(ROOT / "questionnaires" / "general.yaml")
    sc = next(s for s in gen.scenarios if s.id == "theme_identification_resolution")
    level = gen.questions["operations.quality.traceability"][2]
    assert [t.question for t in sc.delivers] == ["operations.quality.traceability"]
    for lang, (per_delivery, registry) in {"en": ("with each delivery", "resolution"),
                                           "zh": ("随每批交货", "标识解析")}.items():
        assert per_delivery in level.help[lang] and registry in level.help[lang], lang
        assert registry in sc.description[lang], lang
        assert ("each delivery" if lang == "en" else "每批交货") in sc.description[lang], lang


def test_the_supplier_portal_step_says_what_it_is_where_the_main_materials_are_commodities():
    """The supplier-collaboration question lets a plant that buys its main materials at
    index prices answer the forecast items n/a; the portal step that delivers that
    question's other items says, for the same plants, what it narrows to (round 92: mills and
    traders do not use a medium customer's portal)."""
    gen = _load(ROOT / "questionnaires" / "general.yaml")
    sc = next(s for s in gen.scenarios if s.id == "digital_supply_chain_management")
    collab = gen.questions["business.procurement.supplier_collab"][2]
    assert {t.question for t in sc.delivers} == {"business.procurement.supplier_collab"}
    for lang, word in {"en": "index prices", "zh": "指数"}.items():
        assert word in collab.help[lang] and word in sc.description[lang], lang


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", "该题对本企业不适用，其答案未计入"),
    ("en", "the answer is not counted, the question does not apply"),
])
def test_a_report_says_an_ignored_answer_in_its_own_language(tmp_path, lang, words):
    """A Chinese report said "operations.execution.process_control: answer ignored, the
    question does not apply", in English and by id only (a reader of 97 reports, 7 plants)."""
    from maturity.cli import main

    answers = ROOT / "docs" / "calibration" / "answers" / "after" / "p12-b.yaml"
    assert maturity.assess(answers).warnings, "the plant answers a question that does not apply"
    q = maturity.load_questionnaire(maturity.load_answers(answers).questionnaire)
    for fmt in ("markdown", "terminal"):
        out = tmp_path / f"r-{fmt}.txt"
        assert main(["report", str(answers), "-f", fmt, "--lang", lang, "-o", str(out)]) == 0
        text = "".join(out.read_text("utf-8").replace("│", " ").split())  # terminal lines wrap
        assert "".join(words.split()) in text and "answerignored" not in text, fmt
        assert "".join(maturity.explain.name_of(q, "operations.execution", lang).split()) in text


def test_the_terminal_report_lists_every_blocking_indicator_the_others_do(tmp_path):
    """The terminal listed 8 blocking indicators where Markdown, HTML and JSON listed 10,
    with no word of the other two."""
    from maturity.cli import main

    answers = ROOT / "docs" / "calibration" / "answers" / "after" / "p04-b.yaml"
    d = maturity.diagnose(maturity.assess(answers))
    assert len(d.blocking) > 8
    out = tmp_path / "r.txt"
    assert main(["report", str(answers), "-f", "terminal", "--lang", "en", "-o", str(out)]) == 0
    text = out.read_text("utf-8").split("Blocking indicators", 1)[1].split("Path to", 1)[0]
    q = maturity.load_questionnaire(d.assessment.questionnaire)
    assert all(maturity.explain.name_of(q, s.indicator, "en") in text for s in d.blocking)


def test_a_goal_without_its_translation_is_reported(tmp_path):
    """The goals reports name a level or a yes by are texts in every language of the index
    like any other: one left in English only is a located warning (the reviewer of round 119
    found that neither a yes/no goal nor a level's goals were checked)."""
    from maturity.references import rule_languages

    text = (ROOT / "questionnaires" / "general.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    questions = [x for d in doc["dimensions"] for i in d["indicators"] for x in i["questions"]]
    yes = next(x for x in questions if x["kind"] == "yesno" and "goal" in x)
    level = next(x for x in questions if x.get("goals"))
    del yes["goal"]["zh"]
    lv = next(iter(level["goals"]))
    del level["goals"][lv]["zh"]
    path = tmp_path / "general.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = [(loc, msg) for loc, msg, _ in rule_languages(_load(path))]
    assert any(loc[-1] == "goal" and "zh" in msg for loc, msg in found), found
    assert any(loc[-2:] == ("goals", lv) and "zh" in msg for loc, msg in found), found
    assert len(found) == 2


def test_a_pharmaceutical_plant_can_say_so_and_gets_no_continuous_process_step():
    """Round 142: the assessors of an API synthesis plant and a tablet plant found no
    pharmaceutical industry to choose and wrote "other" or "petrochemical"; the one who chose
    petrochemical got advanced process control for multi-product batch synthesis in
    multipurpose kettles (both reviewers: "does not fit").  Both indices now list
    pharmaceuticals, and no scenario limited to named industries counts it among them."""
    from maturity.report.content import build

    for ref in ("general", "sme"):
        q = maturity.load_questionnaire(ref)
        assert "pharmaceutical" in {i.id for i in q.industries}, ref
    q = maturity.load_questionnaire("general")
    assert not [s.id for s in q.scenarios if s.fits and s.fits.industries
                and "pharmaceutical" in s.fits.industries]
    doc = yaml.safe_load((ROOT / "docs/calibration/answers/after/p96-b.yaml").read_text(encoding="utf-8"))
    assert doc["enterprise"]["industry"] == "pharmaceutical"  # the API plant, as its assessor meant it
    # its kettles as linked units, which the card needs since rounds 150/151: only the
    # industry decides below
    doc["answers"]["factory.equipment.automation"] = 3
    for industry, apc in (("petrochemical", True), ("pharmaceutical", False)):
        doc["enterprise"]["industry"] = industry
        a = maturity.assess(q, doc)
        d = maturity.diagnose(a, q)
        assert ("advanced_process_control" in {r.scenario for r in d.recommendations}) is apc
        assert ("Pharmaceuticals" in dict(build(q, d, "en").facts).values()) is not apc


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_terminal_reports_benchmarks_say_their_sources_and_head_every_column(lang):
    """A report reader: the terminal report's benchmarks had no sources, which Markdown and
    HTML give, and their verdict column had no heading."""
    import io
    import re

    from rich.console import Console

    from maturity.report.content import build
    from maturity.report.terminal import render_report as render

    answers = maturity.load_answers(EXAMPLES / "machinery-plant.yaml")
    q = maturity.questionnaire_for(answers)
    report = build(q, maturity.diagnose(maturity.assess(q, answers), q), lang)
    out = io.StringIO()
    Console(file=out, width=200, no_color=True).print(render(report))
    text = out.getvalue()
    assert maturity_t("verdict", lang) in text
    flat = text.replace("\n", "" if lang == "zh" else " ")  # a source wrapped under the table
    for b in report.benchmarks:
        assert b.source and re.split("[;；]", b.source)[0] in flat, b.source


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_is_not_yet_in_place_is_one_item_a_line_in_markdown(lang):
    """An SME consultant read one item holding a semicolon as two missing steps: the items
    were joined with semicolons."""
    from maturity.report.content import build
    from maturity.report.markdown import render

    answers = maturity.load_answers(EXAMPLES / "machinery-plant.yaml")
    q = maturity.questionnaire_for(answers)
    report = build(q, maturity.diagnose(maturity.assess(q, answers), q), lang)
    lines = render(report).splitlines()
    several = [s for s in report.projects if len(s.missing) > 1]
    assert several
    for s in several:
        for item in s.missing:
            assert f"  - {item}" in lines, item


@pytest.mark.parametrize(("lang", "label"), [("en", "Largest gaps:"), ("zh", "主要差距：")])
def test_why_not_labels_its_list_of_gaps_in_every_format(lang, label):
    """An SME report reader took the unlabelled list after the grade rules for more rules;
    the HTML labelled it, Markdown and the terminal did not."""
    from maturity.report.content import build
    from maturity.report.markdown import render

    answers = maturity.load_answers(EXAMPLES / "machinery-plant.yaml")
    q = maturity.questionnaire_for(answers)
    report = build(q, maturity.diagnose(maturity.assess(q, answers), q), lang)
    lines = render(report).splitlines()
    first = next(k for k, line in enumerate(lines) if line.startswith("- ") and line[2:] in
                 [x[2:] for x in report.why_not if x.startswith("- ")])
    assert lines[first - 1] == label


def test_a_dyehouse_may_answer_the_textile_machine_park_not_applicable():
    """A report reader's dyeing and finishing plant, which has no spinning frames, looms,
    knitting or sewing machines, was refused n/a for their monitoring."""
    q = maturity.load_questionnaire("textiles")
    question = q.questions["factory.equipment.textile_machine_networking"][2]
    assert question.allow_na and "dyeing" in question.help["en"]


def test_the_notes_beside_the_answers_reach_every_report_format(tmp_path):
    """A first-time user typed notes on four questions (the evidence for the answers); none
    reached the HTML, Markdown or JSON report: head office got a grade without them."""
    import json

    from maturity.cli import main

    sample = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
    doc = yaml.safe_load(sample)
    doc["notes"] = {"operations.execution.mes": "MES pilot in <b>welding</b> only;\nstamping on paper",
                    "enterprise.industry": "wire harnesses: machinery, not electronics"}
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    for fmt in ("markdown", "html", "json", "terminal"):
        out = tmp_path / f"r.{fmt}"
        assert main(["report", str(path), "-f", fmt, "-o", str(out), "--lang", "en"]) == 0
        text = out.read_text("utf-8")
        assert "stamping on paper" in text and "wire harnesses" in text, fmt
        if fmt == "html":
            assert "&lt;b&gt;welding" in text and "<b>welding" not in text
        if fmt == "json":
            assert json.loads(text)["assessment"]["notes"]["operations.execution.mes"].startswith("MES pilot")
    d = maturity.diagnose(maturity.assess(path))
    from maturity.report.content import build

    lines = build(maturity.load_questionnaire("machinery"), d, "en").notes
    assert lines[0].startswith("Industry: ") and "(operations.execution.mes): MES pilot" in lines[1]
    assert "\n" not in lines[1]
    # a what-if keeps them, as it keeps the assessor
    assert maturity.what_if(d.assessment, {}).assessment.notes == d.assessment.notes
