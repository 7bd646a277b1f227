"""The documentation's examples are real: they load, validate and score."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import maturity
from maturity.loading import answers_from_raw

ROOT = Path(__file__).resolve().parents[1]


def test_answers_format_example_is_a_valid_answers_file_for_general():
    text = (ROOT / "docs" / "answers-format.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    answers = answers_from_raw(yaml.safe_load(block), "docs/answers-format.md")
    q = maturity.load_questionnaire(answers.questionnaire)
    result = maturity.assess(q, answers)
    assert result.answered == 7
    assert result.answers["operations.execution.shopfloor"] == "2+"
    verification = next(r for r in result.indicator("rd.design").questions
                        if r.id == "rd.design.verification")
    assert verification.status == "not_applicable"


def test_readme_quickstart_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", quick, re.S)
    assert len(commands) == 2, commands
    assert all(c.startswith("pip install") for c in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines(), "CI must run the README's test command verbatim"
    example = commands[0].split("&&", 1)[1].split()[-1]
    assert (ROOT / example).is_file(), f"the quickstart scores {example}, which must exist"


def test_readme_library_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    import contextlib
    import io
    import os

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(old)
    assert out.getvalue().strip(), "the README example prints the result"


def test_the_indices_table_of_bands_says_the_levels_each_question_counts_at():
    """A consultant read in docs/indices.md that logistics capabilities count at levels 2-4
    (10 % → 2) while the index counts them at level 3 only: two rows had gone stale."""
    q = maturity.load_questionnaire("general")
    text = (ROOT / "docs" / "indices.md").read_text("utf-8")
    rows = re.findall(r"(?m)^\| `([a-z_.]+)`[^|]*\| ([0-9–]+) \|", text)
    assert len(rows) >= 10
    for qid, levels in rows:
        x = q.questions[qid][2]
        low, high = x.min_level or 1, x.max_level or len(q.levels)
        assert levels == (f"{low}" if low == high else f"{low}–{high}"), qid
