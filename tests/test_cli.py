"""The ``maturity`` command line: exit codes, messages, and what each command writes.

Most tests call :func:`maturity.cli.main` in-process (fast, with ``capsys``); a few
run ``python -m maturity`` as a subprocess to check real exit codes and that no
traceback ever reaches a user.  Answers for the shipped ``general`` questionnaire
are built from its questions (never from hard-coded ids: its content changes);
kind-specific cases use ``tests/data/five_kinds.yaml``.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import maturity
from maturity import cli
from maturity.errors import NotFoundError
from maturity.explain import level_label
from maturity.loading import find_questionnaire

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]
KINDS_FILE = DATA / "five_kinds.yaml"


# ----------------------------------------------------------------------------- helpers


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    """Only the shipped questionnaires, no colours, English reports."""
    monkeypatch.delenv("MATURITY_QUESTIONNAIRES", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("MATURITY_LANG", "en")
    monkeypatch.setenv("COLUMNS", "100")


def run(capsys, *args: str) -> tuple[int, str, str]:
    """``maturity ARGS`` in-process: (exit code, stdout, stderr); never a traceback."""
    try:
        code = cli.main(list(args))
    except SystemExit as exc:  # argparse: usage errors, --help, --version
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return int(code), out, err


def run_sub(cwd: Path, *args: str, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    """``python -m maturity ARGS`` in a subprocess."""
    full_env = {k: v for k, v in os.environ.items() if k != "MATURITY_QUESTIONNAIRES"}
    full_env.update({"NO_COLOR": "1", "MATURITY_LANG": "en", "COLUMNS": "120", **(env or {})})
    return subprocess.run([sys.executable, "-m", "maturity", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=120, check=False)


def line_of(text: str, needle: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, f"{needle!r} found on lines {lines}"
    return lines[0]


@pytest.fixture
def kinds_path(tmp_path) -> Path:
    """A copy of the five-kinds questionnaire, alone in its own directory."""
    path = tmp_path / "index" / "five_kinds.yaml"
    path.parent.mkdir()
    shutil.copy(KINDS_FILE, path)
    return path


@pytest.fixture
def kinds(kinds_path) -> maturity.Questionnaire:
    return maturity.load_questionnaire(str(kinds_path))


def sample(question: Any, levels: int, high: bool) -> Any:
    """A valid answer to any question: its best one (``high``) or its worst."""
    kind = question.kind
    if kind == "level":
        return max(k for k in question.anchors if k <= levels) if high else 0
    if kind == "yesno":
        return high
    if kind == "number":
        band = (max if high else min)(question.bands, key=lambda b: b.level)
        value = band.min if not question.integer else math.ceil(band.min)
        return int(value) if question.integer else float(value)
    if kind == "multi":
        return [o.id for o in question.options] if high else []
    if kind == "checklist":
        return {i.id: "fully" if high else "not" for i in question.items}
    raise AssertionError(kind)


def answers_for(q: maturity.Questionnaire, pattern: str) -> dict[str, Any]:
    """Answers to every question: ``high``, ``low`` or ``mixed`` (alternating)."""
    out = {}
    for n, (qid, (_, _, question)) in enumerate(q.questions.items()):
        high = pattern == "high" or (pattern == "mixed" and n % 2 == 0)
        out[qid] = sample(question, len(q.levels), high)
    return out


def write_answers(path: Path, q: maturity.Questionnaire, answers: dict[str, Any],
                  name: str = "ACME Machinery", ref: str | None = None) -> Path:
    data = {"format": "maturity-answers/1", "questionnaire": ref or q.ref,
            "enterprise": {"name": name}, "answers": answers}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


KINDS_ANSWERS = {"ops.main.lvl": 2, "ops.main.num": 72.5, "ops.main.multi": ["design", "quality"],
                 "ops.main.check": {"records": "fully", "spc": "partly"}, "ops.main.yn": True}
KINDS_BAD = """\
format: maturity-answers/1
questionnaire: five_kinds@1
answers:
  ops.main.lvl: 7
  ops.main.num: lots
  ops.main.lvel: 2
"""


def write_bad_answers(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(KINDS_BAD, encoding="utf-8")
    return path


def write_broken_questionnaire(path: Path) -> tuple[Path, int]:
    """five_kinds with a gap between two bands; returns the path and the gap's line."""
    raw = yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))
    num = raw["dimensions"][0]["indicators"][0]["questions"][1]
    assert num["id"] == "num"
    num["bands"][1]["min"] = 55
    text = yaml.safe_dump(raw, sort_keys=False, allow_unicode=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, line_of(text, "- min: 55")


# ----------------------------------------------------------------------------- validate


def test_validate_valid_questionnaire(capsys, kinds_path):
    code, out, err = run(capsys, "validate", str(kinds_path))
    assert code == 0, err
    assert out == f"{kinds_path}: ok (five_kinds@1, 6 questions)\n"
    assert err == ""


def test_validate_shipped_general(capsys, general):
    path = find_questionnaire("general")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0, err
    assert f"ok ({general.ref}, {len(general.questions)} questions)" in out


def test_validate_invalid_questionnaire(capsys, tmp_path):
    path, line = write_broken_questionnaire(tmp_path / "five_kinds.yaml")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert (f"{path}:{line}: dimensions[ops].indicators[main].questions[num].bands[1].min: "
            "gap: values from 50 to 55 have no band") in err.splitlines(), err
    assert "ok" not in out


def test_validate_valid_answers(capsys, tmp_path, kinds_path):
    path = write_answers(tmp_path / "answers.yaml", maturity.load_questionnaire(str(kinds_path)),
                         KINDS_ANSWERS)
    code, out, err = run(capsys, "validate", "--questionnaire", str(kinds_path), str(path))
    assert code == 0, err
    a = maturity.assess(maturity.load_questionnaire(str(kinds_path)), maturity.load_answers(path))
    askable = a.answered + a.unanswered
    assert a.answered == 5 and a.not_applicable == 0
    assert out == f"{path}: ok (five_kinds@1, 5 of {askable} answered; 0 not applicable)\n"


def test_validate_tells_answered_na_from_questions_not_asked_in_a_file_and_a_table(capsys, tmp_path):
    """"4 not applicable" for a file in which the user wrote n/a three times: the fourth was
    a question not asked of a discrete plant, and nothing said so.  A file and a table row of
    the same answers say the same."""
    import csv

    from maturity.cli.validate import NOT_ASKED

    source = Path(__file__).parent.parent / "docs" / "examples" / "machinery-plant.yaml"
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    written_na = [k for k, v in raw["answers"].items() if v == "n/a"]
    a = maturity.assess(maturity.load_questionnaire("general"), maturity.load_answers(source))
    not_asked = a.not_applicable - len(written_na)
    assert written_na and not_asked > 0
    said = (f"{a.answered} of {a.answered + a.unanswered} answered; {a.not_applicable} not applicable: "
            f"{len(written_na)} answered n/a, {not_asked} {NOT_ASKED})")
    code, out, _ = run(capsys, "validate", str(source))
    assert code == 0 and out == f"{source}: ok (general@2, {said}\n"
    scalars = {k: v for k, v in raw["answers"].items() if isinstance(v, str | int | float)}
    table = tmp_path / "one.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle)
        profile = {k: v for k, v in raw["enterprise"].items() if isinstance(v, str)}
        w.writerow(["questionnaire", *(f"enterprise.{k}" for k in profile), *scalars])
        w.writerow(["general@2", *profile.values(), *scalars.values()])
    code, out, err = run(capsys, "validate", str(table))
    assert code == 0, err
    b = maturity.assess(maturity.load_questionnaire("general"), table)
    assert out.endswith(f"; {b.not_applicable} not applicable: {len(written_na)} answered n/a, "
                        f"{b.not_applicable - len(written_na)} {NOT_ASKED})\n"), out


def test_validate_answers_for_general_finds_it_by_id(capsys, tmp_path, general):
    path = write_answers(tmp_path / "answers.yaml", general, answers_for(general, "mixed"))
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0, err
    a = maturity.assess(general, maturity.load_answers(path))
    assert a.unanswered == 0
    assert f"ok ({general.ref}, {a.answered} of {a.answered} answered" in out
    assert f" {a.not_applicable} not applicable" in out


def test_validate_invalid_answers(capsys, tmp_path, kinds_path):
    path = write_bad_answers(tmp_path / "bad.yaml")
    code, out, err = run(capsys, "validate", "-q", str(kinds_path), str(path))
    assert code == 1
    lines = err.splitlines()
    for needle, field in (("ops.main.lvl:", "answers.ops.main.lvl"),
                          ("ops.main.num:", "answers.ops.main.num"),
                          ("ops.main.lvel:", "answers.ops.main.lvel")):
        prefix = f"{path}:{line_of(KINDS_BAD, needle)}: {field}: "
        assert any(line.startswith(prefix) for line in lines), f"no {prefix!r} in:\n{err}"
    assert "did you mean 'ops.main.lvl'" in err
    assert out == ""


def test_validate_directory_mixing_questionnaires_and_answers(capsys, tmp_path, monkeypatch):
    d = tmp_path / "mixed"
    good_q = d / "five_kinds.yaml"
    d.mkdir()
    shutil.copy(KINDS_FILE, good_q)
    bad_q, gap_line = write_broken_questionnaire(d / "broken.yaml")
    kinds = maturity.load_questionnaire(str(good_q))
    good_a = write_answers(d / "answers-good.yaml", kinds, KINDS_ANSWERS)
    bad_a = write_bad_answers(d / "answers-bad.yaml")
    deep_bad = d / "sub" / "deeper.yml"
    deep_bad.parent.mkdir()
    deep_bad.write_text("format: maturity-answers/1\nquestionnaire: five_kinds@1\n"
                        "answers: [1, 2]\n", encoding="utf-8")
    (d / "README.txt").write_text("not YAML: ignored", encoding="utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(d))  # answers find five_kinds here

    code, out, err = run(capsys, "validate", str(d))
    assert code == 1
    assert f"{good_q}: ok (five_kinds@1" in out
    assert f"{good_a}: ok (five_kinds@1" in out
    for bad in (bad_q, bad_a, deep_bad):
        assert f"{bad}:" in err and f"{bad}: ok" not in out, f"{bad} not reported:\n{err}"
    assert f"{bad_q}:{gap_line}: " in err
    assert f"{bad_a}:{line_of(KINDS_BAD, 'ops.main.lvl:')}: answers.ops.main.lvl" in err
    assert f"{deep_bad}:3: answers: " in err
    assert "README" not in out + err


def test_validate_missing_file(capsys, tmp_path):
    missing = tmp_path / "nope.yaml"
    code, out, err = run(capsys, "validate", str(missing))
    assert code == 1
    assert f"{missing}" in err and "no such file" in err
    assert out == ""


def test_validate_empty_directory(capsys, tmp_path):
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert f"{tmp_path}: no answers files (*.yaml, *.yml) in this folder" in err


@pytest.mark.parametrize("command", ["validate", "score"])
def test_a_pattern_or_folder_with_nothing_in_it_is_an_error_beside_good_inputs(capsys, tmp_path, command):
    """A consultant typed 'lat/*.yaml' for 'late/*.yaml' beside other inputs: the pattern
    matched nothing, the run said nothing and exited 0, and those enterprises were missing."""
    (tmp_path / "empty").mkdir()
    good = ROOT / "docs" / "examples" / "machinery-plant.yaml"
    code, _, err = run(capsys, command, str(good), str(tmp_path / "lat" / "*.yaml"), str(tmp_path / "empty"))
    assert code == 1, err
    assert "lat/*.yaml: no file matches this pattern" in err
    assert "empty: no answers files (*.yaml, *.yml) in this folder" in err


@pytest.mark.parametrize("command", ["validate", "score"])
def test_a_linked_folder_is_read_and_a_link_loop_said(capsys, tmp_path, command):
    """A city's folder linked into the inbox was skipped without a word (linked files were
    followed, linked folders not)."""
    import shutil

    (tmp_path / "inbox").mkdir()
    (tmp_path / "jining").mkdir()
    shutil.copy(ROOT / "docs" / "examples" / "machinery-plant.yaml", tmp_path / "jining" / "a.yaml")
    shutil.copy(ROOT / "docs" / "examples" / "textile-mill.yaml", tmp_path / "inbox" / "b.yaml")
    (tmp_path / "inbox" / "jining").symlink_to(tmp_path / "jining")
    code, out, err = run(capsys, command, str(tmp_path / "inbox"))
    assert code == 0, err
    assert "jining/a.yaml" in out and "b.yaml" in out
    (tmp_path / "jining" / "back").symlink_to(tmp_path / "inbox")
    code, out, err = run(capsys, command, str(tmp_path / "inbox"))
    assert code == 1 and "a link to a folder above it (a loop): not read" in out + err
    assert "jining/a.yaml" in out


@pytest.mark.parametrize("args", [
    ["validate"],
    ["validate", "--bogus", "x.yaml"],
    ["score"],
    ["score", "--format", "xml", "x.yaml"],
    ["schema", "nonsense"],
    ["template", "--lang", "fr"],
    ["frobnicate"],
    ["--nope", "validate", "x.yaml"],
], ids=lambda a: " ".join(a))
def test_bad_usage_exits_2(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2, (code, out, err)
    assert "usage:" in err


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    for command in ("validate", "score", "template", "questionnaires", "schema"):
        assert command in out


# ----------------------------------------------------------------------------- score


def test_score_table_shows_name_and_grade(capsys, tmp_path, general):
    path = write_answers(tmp_path / "acme.yaml", general, answers_for(general, "mixed"))
    expected = maturity.assess(general, maturity.load_answers(path))
    code, out, err = run(capsys, "score", "--format", "table", "--lang", "en", str(path))
    assert code == 0, err
    assert "ACME Machinery" in out
    assert level_label(general, expected.level, "en") in out, out
    assert f"{expected.score:.2f}" in out


def test_score_table_in_chinese(capsys, tmp_path, general):
    path = write_answers(tmp_path / "acme.yaml", general, answers_for(general, "high"),
                         name="示例机械有限公司")
    expected = maturity.assess(general, maturity.load_answers(path))
    code, out, err = run(capsys, "score", "--lang", "zh", str(path))
    assert code == 0, err
    assert "示例机械有限公司" in out
    assert level_label(general, expected.level, "zh") in out, out


def test_score_json_equals_assess(capsys, tmp_path, general):
    paths = [write_answers(tmp_path / f"{p}.yaml", general, answers_for(general, p), name=p)
             for p in ("high", "low", "mixed")]
    code, out, err = run(capsys, "score", "--format", "json", "--detail", *map(str, paths))
    assert code == 0, err
    results = json.loads(out)["results"]
    assert isinstance(results, list) and len(results) == 3
    levels = set()
    for path, entry in zip(paths, results, strict=True):
        assert entry["source"] == str(path)
        assert entry["ok"] is True and "errors" not in entry
        expected = maturity.assess(general, maturity.load_answers(path))
        got = entry["assessment"]
        assert (got["level"], got["score"]) == (expected.level, expected.score), path.name
        assert got == expected.model_dump(mode="json")
        assert maturity.Assessment.model_validate(got) == expected
        levels.add(got["level"])
    assert len(levels) > 1, "high and low answers should not reach the same grade"


def test_score_one_bad_file_among_good_ones(capsys, tmp_path, kinds_path):
    kinds = maturity.load_questionnaire(str(kinds_path))
    d = tmp_path / "batch"
    a = write_answers(d / "a.yaml", kinds, KINDS_ANSWERS, name="A")
    b = write_bad_answers(d / "b.yaml")
    c = write_answers(d / "c.yaml", kinds, {"ops.main.lvl": 3}, name="C")
    code, out, err = run(capsys, "score", "-q", str(kinds_path), "-f", "json", "--detail", str(d))
    assert code == 1
    results = json.loads(out)["results"]
    assert [r["source"] for r in results] == [str(a), str(b), str(c)]
    assert [r["ok"] for r in results] == [True, False, True]
    assert results[0]["assessment"]["enterprise"]["name"] == "A"
    assert results[2]["assessment"]["enterprise"]["name"] == "C"
    errors = results[1]["errors"]
    assert "assessment" not in results[1]
    assert [e.split(": ")[0:2] for e in errors] == [
        [f"{b}:{line_of(KINDS_BAD, f'{qid}:')}", f"answers.{qid}"]
        for qid in ("ops.main.lvl", "ops.main.num", "ops.main.lvel")], errors
    assert f"{b}:" in err and f"{a}" not in err


def test_score_one_bad_file_among_good_ones_in_a_table(capsys, tmp_path, kinds_path):
    kinds = maturity.load_questionnaire(str(kinds_path))
    a = write_answers(tmp_path / "a.yaml", kinds, KINDS_ANSWERS, name="Alpha Works")
    b = write_bad_answers(tmp_path / "b.yaml")
    c = write_answers(tmp_path / "c.yaml", kinds, KINDS_ANSWERS, name="Gamma Works")
    code, out, err = run(capsys, "score", "-q", str(kinds_path), str(a), str(b), str(c))
    assert code == 1
    assert "Alpha Works" in out and "Gamma Works" in out
    assert f"{b}:" in err


def test_score_fail_fast_stops_at_the_first_bad_file(capsys, tmp_path, kinds_path):
    kinds = maturity.load_questionnaire(str(kinds_path))
    d = tmp_path / "batch"
    bad = write_bad_answers(d / "01-bad.yaml")
    write_answers(d / "02-good.yaml", kinds, KINDS_ANSWERS)
    write_bad_answers(d / "03-bad.yaml")

    code, out, err = run(capsys, "score", "-q", str(kinds_path), "-f", "json", "--detail", str(d))
    assert code == 1
    assert [r["ok"] for r in json.loads(out)["results"]] == [False, True, False], "control: no --fail-fast"

    code, out, err = run(capsys, "score", "-q", str(kinds_path), "-f", "json", "--detail", "--fail-fast",
                         str(d))
    assert code == 1
    results = json.loads(out)["results"]
    assert [(r["source"], r["ok"]) for r in results] == [(str(bad), False)]
    assert "03-bad" not in err
    # "1 of 1 inputs failed" read as a batch of one: the rest is said
    assert "--fail-fast: stopped at the first failure; 2 input(s) after it were not scored" in err


def test_score_output_file(capsys, tmp_path, general):
    path = write_answers(tmp_path / "acme.yaml", general, answers_for(general, "mixed"))
    target = tmp_path / "reports" / "out.json"
    code, out, err = run(capsys, "score", "-f", "json", "--detail", "-o", str(target), str(path))
    assert code == 1 and "no such directory" in err and not target.parent.exists(), err
    target.parent.mkdir()  # a mistyped folder is an error, never a new folder (consultant guide)
    code, out, err = run(capsys, "score", "-f", "json", "--detail", "-o", str(target), str(path))
    assert code == 0, err
    assert out == "", "with -o nothing goes to stdout"
    results = json.loads(target.read_text(encoding="utf-8"))["results"]
    expected = maturity.assess(general, maturity.load_answers(path))
    assert results[0]["assessment"]["level"] == expected.level
    assert not [p for p in target.parent.iterdir() if p != target], "no temporary file is left"


def test_score_table_output_file(capsys, tmp_path, general):
    path = write_answers(tmp_path / "acme.yaml", general, answers_for(general, "mixed"))
    target = tmp_path / "report.txt"
    code, out, err = run(capsys, "score", "-o", str(target), str(path))
    assert code == 0, err
    assert target.exists(), "score -o FILE (table) wrote no file"
    assert "ACME Machinery" in target.read_text(encoding="utf-8")
    assert "ACME Machinery" not in out


def test_score_missing_file_is_reported_in_json(capsys, tmp_path):
    missing = tmp_path / "gone.yaml"
    code, out, _ = run(capsys, "score", "-f", "json", "--detail", str(missing))
    assert code == 1
    (entry,) = json.loads(out)["results"]
    assert entry["source"] == str(missing) and entry["ok"] is False
    assert any("no such file" in e for e in entry["errors"])


# ----------------------------------------------------------------------------- --debug


def test_debug_lets_the_traceback_through(capsys):
    with pytest.raises(NotFoundError, match="no_such_index"):
        cli.main(["--debug", "template", "--questionnaire", "no_such_index"])
    code, out, err = run(capsys, "template", "--questionnaire", "no_such_index")
    assert code == 1
    assert "no_such_index" in err and "not found" in err
    assert out == ""


def test_unexpected_error_becomes_a_message(capsys, tmp_path, general, monkeypatch):
    """The catch-all: an internal error is one line on stderr, exit 1; --debug re-raises."""
    path = write_answers(tmp_path / "acme.yaml", general, {})

    def boom(*_: Any, **__: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("maturity.scoring.assess", boom)
    code, _, err = run(capsys, "score", str(path))
    assert code == 1
    assert "internal error: RuntimeError: boom" in err and "--debug" in err
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["--debug", "score", str(path)])


def test_no_traceback_reaches_the_user_subprocess(tmp_path):
    """Every kind of broken file in one run: exit 1, one message each, never a traceback."""
    files = {
        "tag.yaml": b"format: maturity-answers/1\nquestionnaire: general@1\n"
                    b"answers: !!python/object/apply:os.system ['echo PWNED']\n",
        "latin1.yaml": b"format: maturity-answers/1\nquestionnaire: general@1\n"
                       b"enterprise: {name: Soci\xe9t\xe9}\n",
        "empty.yaml": b"",
        "list.yaml": b"- 1\n- 2\n",
        "syntax.yaml": b"format: maturity-answers/1\nanswers: [1, 2\n",
        "nosuch.yaml": b"format: maturity-answers/1\nquestionnaire: nosuch@1\n",
    }
    for name, raw in files.items():
        (tmp_path / name).write_bytes(raw)
    broken_q, _ = write_broken_questionnaire(tmp_path / "broken.yaml")
    proc = run_sub(tmp_path, "validate", *files, "missing.yaml", broken_q.name)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "PWNED" not in proc.stdout + proc.stderr
    for name in ("tag.yaml:3", "latin1.yaml:3", "empty.yaml:1", "list.yaml:1", "syntax.yaml:",
                 "missing.yaml", "broken.yaml:"):
        assert name in proc.stderr, f"{name} not reported:\n{proc.stderr}"


def test_impossible_date_is_reported_and_the_batch_goes_on(capsys, tmp_path, general):
    date = tmp_path / "a-date.yaml"
    date.write_text(f"format: maturity-answers/1\nquestionnaire: {general.ref}\n"
                    "assessed_on: 2026-02-30\n", encoding="utf-8")
    good = write_answers(tmp_path / "b-good.yaml", general, {})
    code, out, err = run(capsys, "validate", str(date), str(good))
    assert code == 1
    assert f"{good}: ok" in out, "the file after the bad one was not checked"
    assert f"{date}:3: " in err, err


def test_debug_traceback_and_exit_codes_subprocess(tmp_path):
    plain = run_sub(tmp_path, "template", "-q", "no_such_index")
    assert plain.returncode == 1
    assert "not found" in plain.stderr and "Traceback" not in plain.stderr
    debug = run_sub(tmp_path, "--debug", "template", "-q", "no_such_index")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "NotFoundError" in debug.stderr
    usage = run_sub(tmp_path, "validate")
    assert usage.returncode == 2
    assert "usage:" in usage.stderr and "Traceback" not in usage.stderr


# ----------------------------------------------------------------------------- template


def fill(text: str, qid: str, value: Any) -> str:
    """Put an answer after ``  qid:`` in a template (a checklist: after each item)."""
    lines = text.split("\n")
    key = f"  {qid}:"
    at = [n for n, line in enumerate(lines) if line == key]
    assert len(at) == 1, f"{key!r} should be one blank line of the template"
    if isinstance(value, dict):
        for item, rating in value.items():
            n = lines.index(f"    {item}:", at[0])
            lines[n] += f" {rating}"
    else:
        lines[at[0]] += " " + json.dumps(value, ensure_ascii=False)
    return "\n".join(lines)


def add_note(text: str, qid: str, note: str) -> str:
    """Uncomment the template's ``# notes:`` example key and write one line of evidence under it."""
    lines = text.split("\n")
    at = [n for n, line in enumerate(lines) if line.startswith("# notes:")]
    assert len(at) == 1, "the template shows one commented notes: key"
    lines[at[0]] = "notes:"
    lines.insert(at[0] + 1, f"  {qid}: {note}")
    return "\n".join(lines)


def test_template_for_general_lists_every_question_blank(capsys, general):
    code, text, err = run(capsys, "template")
    assert code == 0, err
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    assert data["format"] == "maturity-answers/1" and data["questionnaire"] == general.ref
    answers = data["answers"]
    assert list(answers) == list(general.questions), "every question id, in questionnaire order"
    for qid, value in answers.items():
        assert value is None or (isinstance(value, dict) and not any(value.values())), \
            f"{qid} is pre-filled with {value!r}"
    for qid, (_, _, question) in general.questions.items():
        if question.kind == "checklist":
            assert set(answers[qid]) == {i.id for i in question.items}, qid


def test_the_template_never_splits_a_word_at_its_hyphen(capsys):
    """textwrap breaks at hyphens by default: the template read "by in-" / "house key users"
    and "(Non-" / "ferrous)" across two comment lines, which a reader takes for two words."""
    code, text, err = run(capsys, "template", "--lang", "en")
    assert code == 0, err
    split = [line for line in text.splitlines()
             if line.lstrip().startswith("#") and re.search(r"\w-$", line)]
    assert split == []


@pytest.mark.parametrize("lang", ["zh", "en", None])
def test_the_templates_comments_fit_the_width_in_every_language(capsys, lang):
    """textwrap counts characters: a Chinese comment line ran to 189 terminal cells, twice
    the width an English one keeps, because a CJK character takes two cells and has no
    space to break at.  Every comment line now fits the same width in cells, and no line
    starts with a closing mark (，。：）) torn from its character."""
    from maturity._cjk import cells
    from maturity.template import WIDTH

    code, text, err = run(capsys, "template", *(["--lang", lang] if lang else []))
    assert code == 0, err
    # the editor's schema directive holds the checkout's absolute path, which no wrapping
    # may break: it is no comment text, and a longer checkout path made it 102 cells in CI
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")
                and not line.startswith("# yaml-language-server:")]
    assert max(cells(line) for line in comments) <= WIDTH + 4  # its indent and "# " besides
    body = [line.lstrip()[1:].strip() for line in comments]
    assert not [b for b in body if b[:1] in "，。、：；！？）」』》"], lang


def test_the_template_counts_the_questions_as_the_tui_does(capsys, general):
    """Round 119 added fifteen follow-ups that open only at an answer of 4 or more; the
    template's first lines said "77 questions" where most plants see 59, while the TUI's
    list of indices said "59 questions + up to 18 if they apply"."""
    from maturity.catalogue import conditional
    from maturity.i18n import t

    code, text, err = run(capsys, "template", "--lang", "en")
    assert code == 0, err
    if_any = conditional(general)
    assert 15 < if_any < len(general.questions)
    head = f"{general.ref}: {len(general.questions) - if_any} questions"
    assert f"# {head}{t('n_conditional', 'en', m=if_any)}, about " in text.splitlines()[2]


def test_blank_template_loads_and_validates(capsys, tmp_path, general):
    code, text, _ = run(capsys, "template")
    assert code == 0
    path = tmp_path / "blank.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0, err
    assert f"0 of {len(general.questions)} answered" in out or " 0 of " in out
    answers = maturity.load_answers(path)
    assert set(answers.answers) == set(general.questions)
    result = maturity.assess(general, answers)
    assert result.answered == 0 and result.completeness == 0


def test_template_for_general_filled_in_scores(capsys, tmp_path, general):
    code, text, _ = run(capsys, "template", "--questionnaire", "general")
    assert code == 0
    chosen: dict[str, Any] = {}
    kinds_seen: set[str] = set()
    for qid, (_, _, question) in general.questions.items():
        if question.follow_up or question.applies:
            continue
        if question.kind not in kinds_seen or len(chosen) < 3:
            chosen[qid] = sample(question, len(general.levels), high=True)
            kinds_seen.add(question.kind)
    for qid, value in chosen.items():
        text = fill(text, qid, value)
    text = add_note(text, next(iter(chosen)), "Board approved a three-year plan in 2025.")
    path = tmp_path / "filled.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "score", "-f", "json", "--detail", str(path))
    assert code == 0, err
    (entry,) = json.loads(out)["results"]
    assert entry["ok"] is True
    assert entry["assessment"]["answered"] == len(chosen)
    expected = maturity.assess(general, maturity.load_answers(path))
    assert entry["assessment"]["level"] == expected.level
    assert entry["assessment"]["score"] == expected.score > 0


def test_template_explains_every_question_and_option(capsys, tmp_path, kinds_path, kinds):
    code, text, err = run(capsys, "template", "-q", str(kinds_path), "--lang", "en")
    assert code == 0, err
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for _, _, question in kinds.questions.values():
        assert question.text in comments, f"question text {question.text!r} not in a comment"
        for option in getattr(question, "options", []):
            assert f"{option.id}: {option.text}" in comments
        for item in getattr(question, "items", []):
            assert item.text in comments
        for anchor in getattr(question, "anchors", {}).values():
            assert anchor in comments
    assert "n/a is accepted" in comments, "the yes/no question allows n/a"
    # fill one answer of each kind in the text, then score it
    for qid, value in KINDS_ANSWERS.items():
        text = fill(text, qid, value)
    text = add_note(text, "ops.main.yn", "MES runs on all three lines")
    path = tmp_path / "filled.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "score", "-q", str(kinds_path), "-f", "json", "--detail", str(path))
    assert code == 0, err
    got = json.loads(out)["results"][0]["assessment"]
    expected = maturity.assess(kinds, maturity.load_answers(path))
    assert got["answered"] == len(KINDS_ANSWERS) == expected.answered
    assert got == expected.model_dump(mode="json")


def test_template_output_file(capsys, tmp_path, general):
    target = tmp_path / "blank.yaml"
    code, out, err = run(capsys, "template", "-o", str(target))
    assert code == 0
    assert out == ""
    assert f"wrote {target}" in err
    assert list(yaml.safe_load(target.read_text(encoding="utf-8"))["answers"]) == \
        list(general.questions)


def test_template_does_not_replace_a_file_without_force(capsys, tmp_path):
    """A user found `template -o ra.yaml` replacing 57 answers with a blank file."""
    target = tmp_path / "answers.yaml"
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    filled = example.read_text("utf-8")
    target.write_text(filled, "utf-8")
    code, _, err = run(capsys, "template", "-o", str(target))
    assert code == 2 and "exists" in err and "--force" in err
    assert target.read_text("utf-8") == filled
    code, _, err = run(capsys, "template", "-o", str(target), "--force")
    assert code == 0 and target.read_text("utf-8") != filled


@pytest.mark.parametrize(("argv", "suffix", "starts"), [
    (["score", "{x}"], ".json", '{"results"'), (["score", "{x}"], ".csv", "source,ok,"),
    (["score", "{x}"], ".md", "|"), (["compare", "{x}", "{x}"], ".json", "{"),
    (["history", "{x}"], ".html", "<!DOCTYPE html>"), (["history", "{x}"], ".json", "["),
    (["whatif", "{x}", "--set", "strategy.planning.roadmap=5"], ".json", "{"),
    (["report", "{x}"], ".md", "# "),
])
def test_without_format_the_output_suffix_names_it(capsys, tmp_path, argv, suffix, starts):
    """A user found `history a b -o h.html` writing terminal text, with no chart, into h.html."""
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    out = tmp_path / f"out{suffix}"
    code, _, err = run(capsys, *[a.format(x=example) for a in argv], "-o", str(out))
    assert code == 0, err
    assert out.read_text("utf-8").lstrip("\ufeff").startswith(starts)


def test_an_output_suffix_the_command_cannot_write_is_a_usage_error(capsys, tmp_path):
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    code, _, err = run(capsys, "compare", str(example), str(example), "-o", str(tmp_path / "c.html"))
    assert code == 2 and "writes terminal, json, not html" in err
    assert not (tmp_path / "c.html").exists()
    for command, name in (("score", "r.xlsx"), ("report", "r.xlsx"), ("score", "r.tsv")):  # never text
        code, _, err = run(capsys, command, str(example), "-o", str(tmp_path / name))
        assert code == 2 and not (tmp_path / name).exists(), (command, name, err)


def test_a_folder_scan_reads_any_case_of_suffix_and_says_which_tables_it_left(capsys, tmp_path):
    """A consultant found B.YAML and c.Yml left out of a folder scan, and two CSV tables in it
    dropped, all without a word and with exit 0."""
    example = (Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
               ).read_text("utf-8")
    for name in ("a.yaml", "B.YAML", "c.Yml"):
        (tmp_path / name).write_text(example, "utf-8")
    (tmp_path / "e.CSV").write_text("questionnaire,enterprise.name\ngeneral@2,X\n", "utf-8")
    code, out, err = run(capsys, "score", str(tmp_path), "-f", "jsonl", "--quiet")
    assert code == 0 and len(out.splitlines()) == 3, err
    assert "1 table(s) in the folders scanned were not read" in err and "e.CSV" in err
    # validate and report said nothing of the table (a consultant's audit): all three say it
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 0 and out.count(": ok") == 3, (out, err)
    assert "1 table(s) in the folders scanned were not read" in err and "e.CSV" in err
    code, _, err = run(capsys, "report", str(tmp_path), "-o", str(tmp_path.parent / "reports") + "/")
    assert code == 0 and "1 table(s) in the folders scanned were not read" in err and "e.CSV" in err


def test_json_records_keep_the_profile_typed_and_csv_keeps_its_cells(capsys):
    """A consultant found energy_intensive "False" (a string, true in jq) in JSON records,
    where --detail and report -f json gave false; run_elsewhere was "a; b", not a list."""
    plant = Path(__file__).resolve().parents[1] / "docs" / "calibration" / "answers" / "after" / "p03-a.yaml"
    code, out, err = run(capsys, "score", str(plant), "-f", "jsonl")
    assert code == 0, err
    ent = json.loads(out.splitlines()[0])["enterprise"]
    assert ent["energy_intensive"] is False and ent["run_elsewhere"] == ["purchasing", "transport"]
    code, out, err = run(capsys, "score", str(plant), "-f", "csv")
    assert code == 0 and ",False,purchasing; transport," in out, err


@pytest.mark.parametrize(("fmt", "lang", "words"), [("markdown", "en", "| not yet L1 |"),
                                                    ("html", "zh", "<td>未达到一级</td>")])
def test_a_plant_below_l1_is_not_yet_l1_in_every_batch_format(capsys, fmt, lang, words):
    """A user found a bare 0 in the grade column of Markdown and HTML batch results."""
    below = Path(__file__).resolve().parents[1] / "docs" / "calibration" / "answers" / "after" / "p01-a.yaml"
    code, out, err = run(capsys, "score", str(below), str(below.with_name("p10-a.yaml")), "-f", fmt,
                         "--lang", lang, "--quiet")
    assert code == 0 and words in out, err


def test_a_history_counts_each_file_once(capsys, tmp_path, monkeypatch):
    """A user found `history a.yaml a.yaml` showing two assessments."""
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(example.read_text("utf-8"), "utf-8")
    for argv in (["history", "a.yaml", "./a.yaml"], ["report", "a.yaml", "--history", "a.yaml"]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "given twice (also as a.yaml)" in err, argv


def test_a_target_the_plant_has_reached_is_said_not_ignored(capsys):
    """A user found `report --target L2` on an L2 plant silently giving the ordinary report."""
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    code, _, err = run(capsys, "report", str(example), "--target", "L2", "-f", "json")
    assert code == 0 and "--target L2: the plant already has L2" in err
    code, _, err = run(capsys, "report", str(example), "--target", "L4", "-f", "json")
    assert code == 0 and "already has" not in err


# ------------------------------------------------------------- questionnaires, schema, version


def test_questionnaires_json_lists_general(capsys, general):
    code, out, err = run(capsys, "questionnaires", "--format", "json")
    assert code == 0, err
    rows = {row["id"]: row for row in json.loads(out)}
    assert "general" in rows, rows
    row = rows["general"]
    assert row["questions"] == len(maturity.load_questionnaire("general").questions)
    assert row["ref"] == general.ref and row["version"] == general.version
    assert row["levels"] == len(general.levels) and row["method"] == general.scoring.method


def test_questionnaires_table(capsys, general):
    code, out, err = run(capsys, "questionnaires")
    assert code == 0, err
    assert "general" in out and str(len(general.questions)) in out


def test_questionnaires_lists_a_directory_on_the_search_path(capsys, kinds_path, monkeypatch):
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(kinds_path.parent))
    code, out, _ = run(capsys, "questionnaires", "-f", "json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["five_kinds"]["questions"] == 6


@pytest.mark.parametrize(("which", "keys"), [
    ("questionnaire", {"id", "version", "levels", "scoring", "dimensions"}),
    ("answers", {"format", "questionnaire", "enterprise", "answers", "notes"}),
])
def test_schema_prints_json_schema(capsys, which, keys):
    code, out, err = run(capsys, "schema", which)
    assert code == 0, err
    schema = json.loads(out)
    assert "$schema" in schema and schema["$id"].startswith("urn:maturity:schema:")
    if which == "questionnaire":  # standalone, or an overlay (``extends``)
        assert schema["else"] == {"$ref": "#/$defs/Questionnaire"}
        schema = schema["$defs"]["Questionnaire"]
    assert keys <= set(schema["properties"]), sorted(schema["properties"])
    assert schema["type"] == "object"


def test_version_in_process(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"maturity {maturity.__version__}"


def test_version_subprocess(tmp_path):
    proc = run_sub(tmp_path, "--version")
    assert proc.returncode == 0, proc.stderr
    assert maturity.__version__ in proc.stdout


def test_score_json_subprocess(tmp_path, general):
    good = write_answers(tmp_path / "good.yaml", general, answers_for(general, "high"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"format: maturity-answers/1\nquestionnaire: {general.ref}\n"
                   "answers:\n  no.such.question: 3\n", encoding="utf-8")
    proc = run_sub(tmp_path, "score", "--format", "json", "--detail", good.name, bad.name)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert [r["ok"] for r in results] == [True, False]
    expected = maturity.assess(general, maturity.load_answers(good))
    assert results[0]["assessment"]["level"] == expected.level
    assert results[0]["assessment"]["score"] == expected.score
    (error,) = results[1]["errors"]
    assert error.startswith("bad.yaml:4: answers.no.such.question: unknown question id"), error


def test_validate_reads_its_inputs_as_score_does_globs_included(capsys):
    """One input walker for both commands: a quoted glob (a shell that does not expand it,
    or a script) names the same files for validate as for score."""
    from maturity.cli import main

    pattern = str(Path(__file__).resolve().parents[1] / "docs" / "examples" / "*.yaml")
    assert main(["validate", pattern]) == 0
    out = capsys.readouterr().out
    assert out.count(": ok (") == 4 and "machinery-plant.yaml: ok" in out


def test_options_before_any_command_belong_to_the_default_command(capsys):
    """The English first-time user typed `maturity --lang en` and was refused: options
    before a command are the default command's (assess)."""
    from maturity.cli import build_parser, with_default_command

    assert with_default_command(["--lang", "en"]) == ["assess", "--lang", "en"]
    assert with_default_command(["--debug", "-q", "sme"]) == ["--debug", "assess", "-q", "sme"]
    for kept in (["--version"], ["-h"], ["report", "x.yaml"], ["--debug", "score", "a.yaml"], []):
        assert with_default_command(kept) == kept
    args = build_parser().parse_args(with_default_command(["--lang", "zh", "-q", "sme"]))
    assert (args.command, args.lang, args.questionnaire) == ("assess", "zh", "sme")


def test_the_report_names_the_main_product_which_decides_the_advice(capsys):
    """The main product decides which scenarios fit (remote O&M only for equipment), and no
    report said what it was (a first-time user)."""
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    assert cli.main(["report", str(example), "-f", "markdown", "--lang", "en"]) == 0
    assert "- Main product: Parts and components for other makers" in capsys.readouterr().out


def test_validate_words_each_mix_of_n_a_and_questions_not_asked():
    from maturity.cli.validate import NOT_ASKED, counted

    assert counted(5, 1, 0, 0) == "5 of 6 answered; 0 not applicable"
    assert counted(5, 0, 2, 2) == "5 of 5 answered; 2 not applicable, all answered n/a"
    assert counted(5, 0, 1, 0) == f"5 of 5 answered; 1 not applicable, all {NOT_ASKED}"
    assert counted(5, 0, 3, 1) == f"5 of 5 answered; 3 not applicable: 1 answered n/a, 2 {NOT_ASKED}"


def test_the_score_panel_heads_its_bar_column_with_nothing(capsys):
    """A first-time user read two columns headed "Level" in `maturity score`; the second
    is the bar."""
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    code, out, err = run(capsys, "score", str(example), "--lang", "en")
    assert code == 0, err
    head = next(line for line in out.splitlines() if "Dimension" in line)
    assert head.count("Level") == 1, head
