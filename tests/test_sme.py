"""The SME index: trends cannot carry a plant with nothing digital over the L1 line, and
the scenario questions are shown as the grade rules they are, not as 0.00 / 0."""

from __future__ import annotations

from pathlib import Path

import pytest

import maturity
from maturity.diagnosis import diagnose
from maturity.report import content

from .strategies import bottom_answer, top_answer


@pytest.fixture(scope="module")
def sme():
    return maturity.load_questionnaire("sme")


def _paper_mill(q, results: str):
    """Nothing digital in the foundation, scenarios at level 1 (spreadsheets), a written plan,
    and the three trend questions answered as given."""
    answers = {qid: bottom_answer(x) for qid, (_, _, x) in q.questions.items()}
    for qid, (dim, _, x) in q.questions.items():
        if dim.id == "operations":
            answers[qid] = 1
        if dim.id == "management" and x.kind == "level":
            answers[qid] = 2
    trend = {"flat": 0.0, "better": -5.0}[results]
    answers["results.green.energy_intensity"] = trend
    answers["results.quality.defect_rate"] = trend
    answers["results.market.revenue_growth"] = -trend
    return maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref, "answers": answers})


@pytest.mark.parametrize("results", ["flat", "better"])
def test_trends_alone_never_carry_a_paper_based_plant_over_l1(sme, results):
    a = _paper_mill(sme, results)
    foundation = next(d for d in a.dimensions if d.id == "foundation")
    assert foundation.score <= 5
    assert a.score >= 20, "the points alone would reach the L1 band"
    assert a.level == 0, "but the foundation rule holds it below L1"
    assert a.next_level is not None and a.next_level.unmet_requirements


def test_scenario_questions_show_their_grade_rules_not_zero_points(sme):
    a = _paper_mill(sme, "flat")
    for lang, words in (("en", "grade rules"), ("zh", "判定等级")):
        report = content.build(sme, diagnose(a, sme), lang)
        row = next(r for r in report.dimensions if r.score_max == 0)
        assert words in row.note and row.level == "–"
        # the progress towards the next grade is counted, not 0 %
        assert any(ch.isdigit() for ch in row.note)


def test_batch_rows_and_the_score_table_say_rules_not_zero_points(tmp_path, capsys):
    """The scenario dimension is worth no points: CSV says 'rules', JSON gives no score,
    the fast batch path and the library agree, and the score table shows the rules."""
    import json

    import yaml

    from maturity.batch import score_raw
    from maturity.cli import main

    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "sme-workshop.yaml"
    assert main(["score", str(sample), "-f", "csv", "-o", str(tmp_path / "o.csv"), "--quiet"]) == 0
    cell = (tmp_path / "o.csv").read_text("utf-8").splitlines()[1]
    assert "operations=" in cell and ":rules" in cell and "operations=0:0.00" not in cell
    assert main(["score", str(sample), "-f", "jsonl", "-o", str(tmp_path / "o.jsonl"), "--quiet"]) == 0
    dims = {d["id"]: d for d in json.loads((tmp_path / "o.jsonl").read_text("utf-8"))["dimensions"]}
    assert dims["operations"]["score"] is None and dims["foundation"]["score"] > 0
    raw = yaml.safe_load(sample.read_text("utf-8"))
    fast, slow = score_raw(raw, "s", None), score_raw(raw, "s", None, detail=True)  # detail: library
    assert fast.dimensions == slow.dimensions
    assert [s for d, _, s in fast.dimensions if d == "operations"] == [None]
    assert main(["score", str(sample), "-f", "table", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "grade rules" in out


def test_where_the_points_reach_the_next_grade_only_the_parts_a_rule_asks_points_of_block_it(sme):
    """A consultant's SME file had 91.88 points and was held at L1 by the count of mandatory
    scenarios alone; "why not L2" listed four indicators' point shares as what blocked it."""
    a = _paper_mill(sme, "better")  # the points reach the L1 band; the foundation rule holds it
    assert a.level == 0 and a.score >= 20
    blocking = [s.indicator for s in a.next_level.shortfalls]
    assert blocking and all(i.startswith("foundation.") for i in blocking), blocking
    answers = {qid: top_answer(x) for qid, (_, _, x) in sme.questions.items()}
    for qid, (dim, _, _x) in sme.questions.items():
        if dim.id == "operations":
            answers[qid] = 1  # every scenario in spreadsheets: the count rule alone holds it
    rich = maturity.assess(sme, {"format": "maturity-answers/1", "questionnaire": sme.ref,
                                 "answers": answers})
    assert rich.level == 1 and rich.score >= 40 and rich.next_level.unmet_requirements
    assert rich.next_level.shortfalls == ()
    why = content.build(sme, diagnose(rich, sme), "en").why_not
    assert "mandatory scenarios" in str(why) and "of its points" not in str(why)


def test_compare_and_whatif_show_the_scenarios_grade_rules_not_zero_points(sme, tmp_path, capsys):
    """A consultant compared an SME file with next year's: 'Operations scenarios: L1 → L1
    (0.00 → 0.00, +0.00)' while the scenarios reaching level 2 had raised the grade."""
    import yaml

    from maturity.cli import main

    answers = {qid: 2 if dim.id != "operations" and x.kind == "level" else
               1 if x.kind == "level" else top_answer(x) for qid, (dim, _, x) in sme.questions.items()}
    doc = {"format": "maturity-answers/1", "questionnaire": sme.ref, "enterprise": {"name": "Dyer"},
           "answers": answers}
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    later = {**answers, **{qid: 2 for qid, (dim, _, x) in sme.questions.items()
                           if dim.id == "operations" and x.kind == "level"}}
    (tmp_path / "new.yaml").write_text(yaml.safe_dump({**doc, "answers": later}, allow_unicode=True), "utf-8")
    assert main(["compare", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("Operations scenarios"))
    assert "grade rules" in line and "0.00 → 0.00" not in out
    # whatif reads the same lines from the assessment it re-scores
    first = next(qid for qid, (dim, _, x) in sme.questions.items()
                 if dim.id == "operations" and x.kind == "level")
    assert main(["whatif", str(tmp_path / "old.yaml"), "--set", f"{first}=2", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("Operations scenarios"))
    assert "grade rules" in line and "0.00 → 0.00" not in out


def test_result_json_has_no_float_noise(sme, tmp_path, capsys):
    """A report reader found "score": 43.00000000000001 in an SME report's JSON."""
    import json
    import re

    import yaml

    from maturity.cli import main

    answers = {qid: 2 if x.kind == "level" else top_answer(x) for qid, (_, _, x) in sme.questions.items()}
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump({"format": "maturity-answers/1", "questionnaire": sme.ref,
                                    "answers": answers}), "utf-8")
    assert main(["report", str(path), "-f", "json"]) == 0
    out = capsys.readouterr().out
    json.loads(out)
    assert not re.search(r"\d\.\d{11,}", out), re.search(r"\d\.\d{11,}", out)


def test_the_sme_report_sets_the_equipment_rate_beside_the_national_figure(sme):
    """A report reader found no benchmark in an SME report, whose digitisation-rate help
    cites the national 57.7 %."""
    answers = {qid: 2 if x.kind == "level" else top_answer(x) for qid, (_, _, x) in sme.questions.items()}
    a = maturity.assess(sme, {"format": "maturity-answers/1", "questionnaire": sme.ref, "answers": answers})
    (bench,) = diagnose(a, sme).benchmarks
    assert bench.question == "foundation.equipment.digitisation_rate" and bench.national is not None


def test_the_html_dimensions_table_gives_a_no_points_note_the_score_and_chart_columns(sme):
    """A report reader's SME report at 1280 px: the scenarios row's long note, in the score
    column alone, squeezed the dimension names to two characters a line."""
    from maturity.report import html

    a = _paper_mill(sme, "flat")
    page = html.render(content.build(sme, diagnose(a, sme), "zh"))
    row = next(part for part in page.split("<tr") if "不计分" in part and "<td" in part)
    assert 'colspan="2"' in row


def test_the_terminal_report_folds_a_word_wider_than_its_column_instead_of_cutting_it(sme):
    """A report reader's 80-column SME report read "purchase-sales-in…": the rest of the word
    was cut for an ellipsis, and lost."""
    import io

    from rich.console import Console

    from maturity.report import terminal

    answers = {qid: 2 if dim.id != "operations" and x.kind == "level" else
               1 if x.kind == "level" else bottom_answer(x) for qid, (dim, _, x) in sme.questions.items()}
    answers["foundation.systems.applications"] = ["finance", "erp", "oa"]
    a = maturity.assess(sme, {"format": "maturity-answers/1", "questionnaire": sme.ref, "answers": answers,
                              "language": "en"})
    out = io.StringIO()
    report = content.build(sme, diagnose(a, sme), "en")
    Console(file=out, width=80, no_color=True).print(terminal.render_report(report))
    text = "".join(line.strip("│ ").rstrip() for line in out.getvalue().splitlines())
    assert "purchase-sales-in…" not in out.getvalue() and "purchase-sales-inventory" in text.replace(" ", "")
