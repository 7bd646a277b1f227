"""Loading questionnaires: discovery, overlays (extends), caching, located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import maturity
from maturity.loading import check_questionnaire_file, find_questionnaire

BASE = {
    "format": "maturity-questionnaire/1", "id": "base", "version": 1, "title": "Base",
    "levels": [{"id": "L1", "name": "one"}, {"id": "L2", "name": "two"}],
    "scoring": {"method": "cmmm", "bands": [{"level": 1, "min": 0.8}, {"level": 2, "min": 1.8}]},
    "industries": [{"id": "steel", "name": "Steel"}],
    "dimensions": [
        {"id": "ops", "name": "Operations", "weight": 2, "indicators": [
            {"id": "exec", "name": "Execution", "questions": [
                {"id": "keep", "kind": "yesno", "level": 2, "text": "kept"},
                {"id": "drop", "kind": "yesno", "text": "dropped by the overlay"},
                {"id": "swap", "kind": "yesno", "text": "replaced by the overlay"}]}]},
        {"id": "biz", "name": "Business", "indicators": [
            {"id": "sales", "name": "Sales", "questions": [
                {"id": "crm", "kind": "yesno", "text": "CRM?"}]}]},
    ],
    "scenarios": [{"id": "mes", "name": "MES", "link": "production_operations",
                   "raises": [{"indicator": "ops.exec", "level": 2}]}],
}


def _write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def overlay_dir(tmp_path: Path) -> Path:
    _write(tmp_path / "base.yaml", BASE)
    overlay = (
        "format: maturity-questionnaire/1\n"
        "id: steel\n"
        "version: 1\n"
        "extends: base@1\n"
        "industry: steel\n"
        "title: Steel overlay\n"
        "dimensions:\n"
        "  - id: ops\n"
        "    weight: 5\n"
        "    indicators:\n"
        "      - id: exec\n"
        "        questions:\n"
        "          - {id: drop, remove: true}\n"
        "          - {id: swap, kind: level, text: now a level question,\n"
        "             anchors: {1: a, 2: b}}\n"
        "          - {id: furnace, kind: yesno, level: 2, text: blast furnace model?}\n"
        "  - id: energy\n"
        "    name: Energy\n"
        "    indicators:\n"
        "      - id: meter\n"
        "        name: Metering\n"
        "        questions:\n"
        "          - {id: rate, kind: yesno, text: metered?}\n"
        "scenarios:\n"
        "  - id: apc\n"
        "    name: Advanced process control\n"
        "    link: production_operations\n"
        "    raises: [{indicator: energy.meter, level: 2}]\n"
        "focus_scenarios: [apc, mes]\n"
    )
    (tmp_path / "steel.yaml").write_text(overlay, encoding="utf-8")
    return tmp_path


def test_overlay_adds_replaces_and_removes_without_copying_the_base(overlay_dir):
    q = maturity.load_questionnaire(overlay_dir / "steel.yaml")
    assert q.ref == "steel@1" and q.extends == "base@1" and q.industry == "steel"
    assert list(q.questions) == ["ops.exec.keep", "ops.exec.swap", "ops.exec.furnace",
                                 "biz.sales.crm", "energy.meter.rate"]
    assert q.questions["ops.exec.swap"][2].kind == "level"
    ops = q.dimensions[0]
    assert ops.weight == 5 and ops.name == "Operations"  # merged field by field
    assert [s.id for s in q.scenarios] == ["mes", "apc"]
    assert q.levels == maturity.load_questionnaire(overlay_dir / "base.yaml").levels


def test_errors_in_an_overlay_point_at_the_overlay_file(overlay_dir):
    path = overlay_dir / "steel.yaml"
    text = path.read_text(encoding="utf-8").replace("level: 2}]\nfocus", "level: 9}]\nfocus")
    path.write_text(text, encoding="utf-8")
    q, issues = check_questionnaire_file(path)
    assert q is None
    [issue] = [i for i in issues if i.severity == "error"]
    assert issue.file == str(path)
    assert issue.line == text.splitlines().index("    raises: [{indicator: energy.meter, level: 9}]") + 1
    assert issue.field == "scenarios[apc].raises[0].level"


def test_ids_are_found_on_the_search_path(overlay_dir, monkeypatch):
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(overlay_dir))
    assert find_questionnaire("steel") == overlay_dir / "steel.yaml"
    assert maturity.load_questionnaire("base@1").ref == "base@1"
    with pytest.raises(maturity.NotFoundError, match="base@2"):
        maturity.load_questionnaire("base@2")
    with pytest.raises(maturity.NotFoundError, match="known:"):
        maturity.load_questionnaire("nonesuch")
    ids = [i.id for i in maturity.list_questionnaires()]
    assert {"base", "steel", "general"} <= set(ids)


def test_edited_files_are_reloaded(tmp_path):
    path = _write(tmp_path / "base.yaml", BASE)
    assert maturity.load_questionnaire(path).title == "Base"
    changed = dict(BASE, title="Base, edited but same size?")
    _write(path, changed)
    assert maturity.load_questionnaire(path).title == "Base, edited but same size?"


def test_shipped_default_questionnaire_loads():
    q = maturity.load_questionnaire()
    assert q.id == "general" and len(q.levels) == 5
    assert q.scoring.method == "cmmm"


def test_ratings_and_option_ids_are_read_in_any_case_as_excel_writes_them(tmp_path):
    """A consultant's Excel capitalised the first letter: "duties=Fully" and "ERP;MES" were
    refused while "FULLY MET" (the TUI's label) was read; a Chinese keyboard's full-width
    "；" parted two option ids that a "；" never joined."""
    import csv
    import io

    q = maturity.load_questionnaire("general")
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(["questionnaire", "enterprise.name", "strategy.organisation.mechanisms",
                "factory.integration.systems"])
    w.writerow(["general@2", "Acme", "duties=Fully; key_users=MOSTLY", "ERP;Mes"])
    w.writerow(["general@2", "Beta", "duties=fully", "erp；mes"])
    table = tmp_path / "t.csv"
    table.write_text(text.getvalue(), "utf-8")
    from maturity.batch import score_files

    rows = list(score_files([str(table)], detail=True))
    assert [r.ok for r in rows] == [True, True], [r.errors for r in rows]
    for row in rows:
        answers = row.detail["answers"]
        assert sorted(answers["factory.integration.systems"]) == ["erp", "mes"]
        assert answers["strategy.organisation.mechanisms"]["duties"] == 1.0
    assert rows[0].detail["answers"]["strategy.organisation.mechanisms"]["key_users"] == 0.8
    # an id is still one id: "ERP" and "erp" together are the option listed twice
    doc = ("format: maturity-answers/1\nquestionnaire: general@2\n"
           "answers: {factory.integration.systems: [ERP, erp]}\n")
    with pytest.raises(maturity.AnswersError, match="listed twice: erp"):
        maturity.assess(q, maturity.parse_answers(doc))
