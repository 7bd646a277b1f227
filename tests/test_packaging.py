"""Packaging, public API and import hygiene."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import maturity
from maturity.schema import SCHEMA_FILES, schema_text

from .test_lines import compiled_parser_expected

ROOT = Path(__file__).resolve().parents[1]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                          "print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_import_maturity_does_not_import_textual_or_rich():
    mods = _modules_after("import maturity")
    assert not {m for m in mods if m.split(".")[0] in ("textual", "rich")}


def test_scoring_through_the_library_and_cli_never_imports_textual():
    code = (
        "import maturity\n"
        "from maturity.cli import main\n"
        f"q = maturity.load_questionnaire({str(ROOT / 'tests/data/tiny.yaml')!r})\n"
        f"a = maturity.assess(q, maturity.load_answers({str(ROOT / 'tests/data/tiny-answers.yaml')!r}))\n"
        f"main(['score', '--format', 'json', '-o', '/dev/null', "
        f"{str(ROOT / 'tests/data/tiny-answers.yaml')!r}, '-q', {str(ROOT / 'tests/data/tiny.yaml')!r}])\n"
        f"main(['score', {str(ROOT / 'tests/data/tiny-answers.yaml')!r}, '-q', "
        f"{str(ROOT / 'tests/data/tiny.yaml')!r}])\n"
    )
    mods = _modules_after(code)
    assert "textual" not in mods
    assert "maturity.scoring" in mods  # the code above did run


def test_version_and_help_start_without_textual():
    for args in (["--version"], ["score", "--help"]):
        code = f"from maturity.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass"
        assert "textual" not in _modules_after(code)


def test_a_one_process_batch_starts_without_the_process_pool_or_rich():
    """``score -f jsonl --jobs 1`` is the unit of the batch benchmark: its start-up is paid
    per run, and neither the process pool nor rich's cell widths are used in it."""
    answers = ROOT / "tests/data/tiny-answers.yaml"
    code = ("from maturity.cli import main\ntry:\n"
            f"    main(['score', {str(answers)!r}, '-q', {str(ROOT / 'tests/data/tiny.yaml')!r}, "
            "'-f', 'jsonl', '-o', '/dev/null', '--jobs', '1'])\nexcept SystemExit:\n    pass")
    mods = _modules_after(code)
    assert "maturity.engine" in mods  # the file was scored
    assert "concurrent.futures.process" not in mods
    assert not {m for m in mods if m.split(".")[0] == "rich"}


def test_public_api_is_complete_and_lazy():
    for name in maturity.__all__:
        assert getattr(maturity, name) is not None
    with pytest.raises(AttributeError):
        maturity.no_such_name  # noqa: B018
    assert issubclass(maturity.QuestionnaireError, maturity.MaturityError)
    assert issubclass(maturity.QuestionnaireError, ValueError)
    assert issubclass(maturity.NotFoundError, LookupError)


def test_python_m_maturity_runs():
    out = subprocess.run([sys.executable, "-m", "maturity", "--version"], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0 and maturity.__version__ in out.stdout


@pytest.mark.parametrize("which", sorted(SCHEMA_FILES))
def test_committed_json_schemas_are_current(which):
    committed = ROOT / "questionnaires" / "schema" / SCHEMA_FILES[which]
    assert committed.read_text(encoding="utf-8") == schema_text(which), (
        f"{committed} is stale: run `maturity schema {which} -o {committed.relative_to(ROOT)}`")


def test_wheel_ships_the_questionnaires_and_seeds(tmp_path):
    """A non-editable install must find the shipped questionnaires (built with hatchling's API)."""
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    builder = hatchling.WheelBuilder(str(ROOT))
    wheel = Path(next(iter(builder.build(directory=str(tmp_path), versions=["standard"]))))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "questionnaires").glob("*.yaml")}
    assert shipped and all(f"maturity/_data/questionnaires/{n}" in names for n in shipped)
    assert "maturity/py.typed" in names
    assert "maturity/tui/maturity.tcss" in names, "the TUI's stylesheet ships with it"
    assert "maturity/_data/questionnaires/schema/questionnaire.schema.json" in names
    assert any(n.startswith("maturity/_data/seeds/") for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    # the compiled line parser, built by hatch_build.py where a C compiler is found
    compiled = [n for n in names if n.startswith("maturity/_speedups.") and not n.endswith(".c")]
    if compiled_parser_expected():
        assert len(compiled) == 1 and "-none-any" not in wheel.name, (compiled, wheel.name)


def test_a_wheel_without_the_compiled_parser_is_pure_python(tmp_path, monkeypatch):
    """``MATURITY_PURE=1`` (or no compiler) builds a pure wheel: the Python parser reads
    the same files (``tests/test_lines.py``)."""
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    monkeypatch.setenv("MATURITY_PURE", "1")
    builder = hatchling.WheelBuilder(str(ROOT))
    wheel = Path(next(iter(builder.build(directory=str(tmp_path), versions=["standard"]))))
    names = zipfile.ZipFile(wheel).namelist()
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    assert not any(n.endswith((".so", ".pyd")) for n in names)


def test_installed_layout_is_found(tmp_path, monkeypatch):
    """`data_dir` prefers maturity/_data (wheel) and falls back to the source tree."""
    from maturity import loading

    fake_pkg = tmp_path / "site" / "maturity"
    (fake_pkg / "_data" / "questionnaires").mkdir(parents=True)
    monkeypatch.setattr(loading, "_PACKAGE_DIR", fake_pkg)
    assert loading.data_dir("questionnaires") == fake_pkg / "_data" / "questionnaires"
    monkeypatch.setattr(loading, "_PACKAGE_DIR", ROOT / "maturity")
    assert loading.data_dir("questionnaires") == ROOT / "questionnaires"


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null device here")
def test_output_to_a_device_writes_into_it_and_never_replaces_it(capsys):
    """`-o /dev/null` once renamed a temporary file over the device (atomic writes)."""
    from maturity._io import write_atomic
    from maturity.cli import main

    example = str(ROOT / "docs" / "examples" / "machinery-plant.yaml")
    assert main(["score", example, "-f", "json", "-o", "/dev/null", "--quiet"]) == 0
    assert main(["report", example, "-f", "markdown", "-o", "/dev/null"]) == 0
    write_atomic("/dev/null", "x")
    assert Path("/dev/null").is_char_device()
    assert not list(Path("/dev").glob(".null.*.tmp"))
