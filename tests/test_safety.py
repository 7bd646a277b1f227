"""Nothing a user gives is lost or silently misread (issue #11): outputs never overwrite
inputs, bad CSV is refused row by row, terminal output carries no escapes from data."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from maturity.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "docs" / "examples" / "machinery-plant.yaml"


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, "x.yaml")
    shutil.copy(SAMPLE, "y.yaml")
    os.symlink("x.yaml", "link.yaml")
    os.link("x.yaml", "hard.yaml")
    Path("d").mkdir()
    shutil.copy(SAMPLE, "d/a.yaml")
    return tmp_path


@pytest.mark.parametrize("argv", [
    ["score", "x.yaml", "-f", "json", "-o", "x.yaml"],
    ["score", "x.yaml", "y.yaml", "-f", "csv", "-o", "y.yaml"],
    ["report", "x.yaml", "-o", "x.yaml"],
    ["compare", "x.yaml", "y.yaml", "-o", "x.yaml"],
    ["compare", "x.yaml", "y.yaml", "-o", "y.yaml"],
    ["score", "d", "-o", "d/a.yaml"],
    ["score", "d", "-o", "d/new.yaml"],        # the next scan would read it
    ["score", "d/*.yaml", "-o", "d/a.yaml"],   # through a glob
    ["report", "x.yaml", "-o", "link.yaml"],   # through a symlink
    ["report", "x.yaml", "-o", "hard.yaml"],   # through a hard link
    ["report", "link.yaml", "-o", "x.yaml"],
], ids=lambda argv: " ".join(argv))
def test_an_output_that_is_an_input_is_a_usage_error_and_nothing_is_written(files, capsys, argv):
    before = {p: p.read_bytes() for p in Path(".").rglob("*.yaml") if p.is_file()}
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "-o " in err and ("input" in err or "scored" in err), err
    after = {p: p.read_bytes() for p in Path(".").rglob("*.yaml") if p.is_file()}
    assert after == before, "no input changed and no output was written"


@pytest.mark.parametrize("argv", [
    ["score", "d", "-o", "d/out.json"],       # a suffix the scan does not read
    ["score", "x.yaml", "-f", "json", "-o", "out.json"],
    ["report", "x.yaml", "-o", "report.md"],
])
def test_other_outputs_are_written(files, argv):
    assert main(argv) == 0
    assert Path(argv[-1]).stat().st_size > 0
