"""Golden files: the reports of the three sample enterprises, byte for byte.

The bytes are the contract. After an intended change, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from maturity.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"
SAMPLES = ["textile-mill", "machinery-plant", "auto-supplier", "sme-workshop"]
FORMATS = {"markdown": "md", "json": "json", "terminal": "txt", "html": "html"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("sample", SAMPLES)
def test_sample_reports_match_the_golden_files(sample, fmt, tmp_path):
    if fmt == "html":
        pytest.importorskip("maturity.report.html")
    out = tmp_path / f"report.{FORMATS[fmt]}"
    assert main(["report", str(EXAMPLES / f"{sample}.yaml"), "--format", fmt, "-o", str(out)]) == 0
    golden = EXAMPLES / "reports" / f"{sample}.{FORMATS[fmt]}"
    produced = out.read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"missing {golden}: run UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    assert produced == golden.read_text(encoding="utf-8"), (
        f"{golden.relative_to(ROOT)} is out of date: review and run "
        f"UPDATE_GOLDEN=1 pytest tests/test_golden.py")


def test_sample_grades_are_the_ones_the_docs_describe():
    import maturity

    expected = {"textile-mill": 1, "machinery-plant": 2, "auto-supplier": 4, "sme-workshop": 1}
    for sample, level in expected.items():
        answers = maturity.load_answers(EXAMPLES / f"{sample}.yaml")
        a = maturity.assess(maturity.questionnaire_for(answers), answers)
        assert a.level == level, sample


def test_roadmap_phases_list_their_scenarios_by_name():
    text = (EXAMPLES / "reports" / "machinery-plant.md").read_text(encoding="utf-8")
    roadmap = text.split("## Roadmap", 1)[1].split("\n## ", 1)[0]
    numbered = [line for line in roadmap.splitlines() if line[:1].isdigit() and ". " in line]
    phases = roadmap.split("### ")[1:]
    assert len(phases) >= 2, roadmap
    for phase in phases:  # every phase names at least one scenario
        assert any(line[:1].isdigit() and ". " in line for line in phase.splitlines()), phase
    assert all(len(line.split(". ", 1)[1]) > 3 for line in numbered), "a scenario name per line"
