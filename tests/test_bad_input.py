"""Bad input gives a clear, located error: ``file:line: field: message``.

Every kind of mistake a person can make in an answers file or a questionnaire is
made here once, and the test checks that the error names the file, the line and
the field (``maturity.errors.Issue``), and that *all* problems of a file are
reported together.  Answers are checked against ``tests/data/five_kinds.yaml`` (one
question of each kind); questionnaire rules are checked on broken copies of it.
"""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import maturity
from maturity import cli
from maturity.errors import (
    AnswersError,
    InputFileError,
    Issue,
    MaturityError,
    NotFoundError,
    QuestionnaireError,
    Severity,
)
from maturity.loading import check_questionnaire_file
from maturity.normalise import check_answers

DATA = Path(__file__).parent / "data"
KINDS_FILE = DATA / "five_kinds.yaml"
LOCATE_BUG = (
    "BUG: maturity/_yaml.py locate() treats the union tag in a pydantic loc (the question "
    "'kind' / scoring 'method', e.g. 'level', 'yesno', 'cmmm') as a missing field name: it "
    "appends the tag to the field path and stops descending, so the error points at the "
    "enclosing mapping's first line and names a wrong field"
)


# ----------------------------------------------------------------------------- helpers


def line_of(text: str, *needles: str) -> int:
    """1-based line of the last needle, each searched from the line after the previous one."""
    lines = text.splitlines()
    start = 0
    found = -1
    for needle in needles:
        for n in range(start, len(lines)):
            if needle in lines[n]:
                found, start = n, n + 1
                break
        else:
            raise AssertionError(f"{needle!r} not found after line {start} in:\n{text}")
    return found + 1


def assert_issue(issue: Issue, path: Path | str, line: int, field: str | None,
                 *fragments: str) -> None:
    """The issue names this file, line and field, and its message says ``fragments``."""
    text = str(issue)
    assert issue.file == str(path), f"wrong file in {text!r}"
    assert issue.line == line, f"expected line {line}, got {issue.line}: {text!r}"
    assert issue.field == field, f"expected field {field!r}, got {issue.field!r}: {text!r}"
    prefix = f"{path}:{line}: " + (f"{field}: " if field else "")
    assert text.startswith(prefix), f"{text!r} does not start with {prefix!r}"
    for fragment in fragments:
        assert fragment in issue.message, f"{fragment!r} not in message {issue.message!r}"


def only(issues: tuple[Issue, ...] | list[Issue]) -> Issue:
    assert len(issues) == 1, "expected exactly one issue, got:\n" + "\n".join(map(str, issues))
    return issues[0]


@pytest.fixture(scope="module")
def kinds() -> maturity.Questionnaire:
    return maturity.load_questionnaire(str(KINDS_FILE))


@pytest.fixture
def kinds_raw() -> dict[str, Any]:
    return yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


HEADER = "format: maturity-answers/1\nquestionnaire: five_kinds@1\n"


def answers_file(tmp_path: Path, body: str, header: str = HEADER,
                 name: str = "answers.yaml") -> tuple[Path, str]:
    """An answers file: the header, then ``body`` (dedented)."""
    text = header + textwrap.dedent(body).lstrip("\n")
    return write(tmp_path / name, text), text


def answer_error(q: maturity.Questionnaire, path: Path) -> MaturityError:
    """The error that loading and checking ``path`` against ``q`` raises."""
    with pytest.raises(MaturityError) as info:
        check_answers(q, maturity.load_answers(path))
    return info.value


# ----------------------------------------------------------------------------- answers: ids


def test_unknown_question_id_gives_did_you_mean_hint(tmp_path, kinds):
    path, text = answers_file(tmp_path, """
        answers:
          ops.main.lvl: 2
          ops.main.lvel: 2
        """)
    err = answer_error(kinds, path)
    assert isinstance(err, AnswersError)
    assert_issue(only(err.issues), path, line_of(text, "ops.main.lvel"), "answers.ops.main.lvel",
                 "unknown question id 'ops.main.lvel'", "did you mean 'ops.main.lvl'?")


def test_unknown_question_id_far_from_any_gives_no_hint(tmp_path, kinds):
    path, _text = answers_file(tmp_path, """
        answers:
          finance.budget.total: 3
        """)
    issue = only(answer_error(kinds, path).issues)
    assert_issue(issue, path, 4, "answers.finance.budget.total", "unknown question id")
    assert "did you mean" not in issue.message


def test_note_on_unknown_question_is_located(tmp_path, kinds):
    path, text = answers_file(tmp_path, """
        answers:
          ops.main.lvl: 1
        notes:
          ops.main.lvl: seen the plan
          ops.main.nmu: typo
        """)
    assert_issue(only(answer_error(kinds, path).issues), path, line_of(text, "ops.main.nmu"),
                 "notes.ops.main.nmu", "unknown question id", "did you mean 'ops.main.num'?")


def test_a_note_keyed_by_a_checklist_item_names_the_question_it_goes_under(tmp_path, kinds):
    """Calibration assessors (rounds 105 and 161) wrote a note under a checklist item
    (``operations.energy.carbon.assets``); notes are kept per question, so the file is refused
    at that line, and the message says which question's note the text belongs in, however
    far the item's id is from the question's (the spelling hint alone missed long ones)."""
    path, text = answers_file(tmp_path, """
        answers:
          ops.main.check: {records: fully}
        notes:
          ops.main.check.spc: no SPC seen
          ops.main.check.nosuch: a typo
        """)
    first, second = answer_error(kinds, path).issues
    assert_issue(first, path, line_of(text, "check.spc"), "notes.ops.main.check.spc",
                 "unknown question id", "a note on checklist item 'spc' goes under its question, "
                 "'ops.main.check'")
    assert second.path == ("notes", "ops.main.check.nosuch")
    assert "checklist item" not in second.message


def test_a_note_on_an_enterprise_field_is_kept_and_a_misspelt_one_is_located(tmp_path, kinds):
    """Assessors of five calibration rounds wrote why they filled in an enterprise field
    (the industry of a wire-harness maker) under ``notes:``, and validation refused the file
    as naming unknown questions.  ``enterprise.<field>`` is a note's key like a question id;
    a misspelt field is still located, with the field it was probably meant to be."""
    path, text = answers_file(tmp_path, """
        answers:
          ops.main.lvl: 1
        notes:
          enterprise.industry: wire harnesses, taken as machinery
          enterprise.run_elsewhere: the group books the carriers
        """)
    answers = maturity.load_answers(path)
    check_answers(kinds, answers)
    assert answers.notes["enterprise.industry"] == "wire harnesses, taken as machinery"
    path, text = answers_file(tmp_path, """
        answers:
          ops.main.lvl: 1
        notes:
          enterprise.industy: typo
        """)
    assert_issue(only(answer_error(kinds, path).issues), path, line_of(text, "enterprise.industy"),
                 "notes.enterprise.industy", "unknown enterprise field",
                 "did you mean 'enterprise.industry'?")


# ----------------------------------------------------------------------------- answers: values


WRONG_KIND = [
    # (question, value as YAML, what the message says was expected)
    ("lvl", "high", "expected a level from 0 (not yet) to 3"),
    ("lvl", "1.5", "expected a level"),
    ("lvl", "true", "expected a level"),
    ("lvl", "[1, 2]", "expected a level"),
    ("num", "lots", "expected a number"),
    ("num", "[10]", "expected a number"),
    ("num", "yes", "expected a number"),
    ("num", ".inf", "expected a number"),
    ("num", ".nan", "expected a number"),
    ("multi", "3", "expected a list of option ids"),
    ("multi", "{design: true}", "expected a list of option ids"),
    ("multi", "[design, 2]", "expected a list of option ids"),
    ("check", "[records, spc]", "expected a mapping of item id to rating"),
    ("check", "fully", "expected a mapping of item id to rating"),
    ("check", "{records: great}", "rating must be fully / mostly / partly / not"),
    ("check", "{records: 0.7}", "rating must be"),
    ("check", "{records: true}", "rating must be"),
    ("yn", "maybe", "expected yes or no"),
    ("yn", "3", "expected yes or no"),
    ("yn", "[yes]", "expected yes or no"),
]


@pytest.mark.parametrize(("qid", "value", "expected"), WRONG_KIND,
                         ids=[f"{q}={v}" for q, v, _ in WRONG_KIND])
def test_value_of_the_wrong_kind(tmp_path, kinds, qid, value, expected):
    valid = "ops.main.num: 10" if qid == "lvl" else "ops.main.lvl: 1"
    path, _ = answers_file(tmp_path, f"answers:\n  {valid}\n  ops.main.{qid}: {value}\n")
    err = answer_error(kinds, path)
    assert isinstance(err, AnswersError), f"{type(err).__name__}: {err}"
    # an item's problem is located at the item
    item = ".records" if qid == "check" and value.startswith("{") else ""
    assert_issue(only(err.issues), path, 5, f"answers.ops.main.{qid}{item}", expected)


def test_a_bad_checklist_item_is_located_at_the_item_with_a_path_and_a_code(tmp_path, kinds):
    path, _ = answers_file(tmp_path, "answers:\n  ops.main.check:\n    records: fully\n"
                                     "    spc: great\n  no.such.q: 1\n")
    issues = answer_error(kinds, path).issues
    bad = next(i for i in issues if "great" in i.message)
    assert_issue(bad, path, 6, "answers.ops.main.check.spc", "rating must be")
    assert bad.path == ("answers", "ops.main.check", "spc") and bad.code == "bad_value"
    unknown = next(i for i in issues if "no.such.q" in i.message)
    assert unknown.path == ("answers", "no.such.q") and unknown.code == "unknown_question"


def test_library_errors_are_maturity_errors_with_issues(tmp_path):
    from maturity.errors import MaturityError, NotFoundError, UsageError

    for bad in (["a"], 3, None):
        with pytest.raises(UsageError) as exc:
            maturity.load_answers(bad)  # type: ignore[arg-type]
        assert exc.value.issues and "path or a mapping" in str(exc.value)
    with pytest.raises(NotFoundError) as nf:
        maturity.load_questionnaire("no_such_index")
    assert nf.value.issues and nf.value.issues[0].code == "not_found"
    assert isinstance(nf.value, MaturityError)


def test_a_missing_version_names_the_versions_not_a_server_path(tmp_path):
    from maturity.errors import NotFoundError

    with pytest.raises(NotFoundError) as exc:
        maturity.load_questionnaire("general@99")
    message = str(exc.value)
    assert "general@2" in message and "/" not in message, message


@pytest.mark.parametrize("value", ["101", "-0.5", "1.0e+9"])
def test_number_out_of_range(tmp_path, kinds, value):
    path, _ = answers_file(tmp_path, f"""
        answers:
          ops.main.num: {value}
        """)
    issue = only(answer_error(kinds, path).issues)
    assert_issue(issue, path, 4, "answers.ops.main.num", "is out of range [0, 100]")
    assert repr(float(value)) in issue.message or value in issue.message


@pytest.mark.parametrize("value", ["0", "100", "42.5"])
def test_number_at_the_limits_is_accepted(tmp_path, kinds, value):
    """The range check is inclusive: the out-of-range test above is not a blanket refusal."""
    path, _ = answers_file(tmp_path, f"answers:\n  ops.main.num: {value}\n")
    assert check_answers(kinds, maturity.load_answers(path)) == {"ops.main.num": float(value)}


@pytest.mark.parametrize("value", ["4", "-1", "99"])
def test_level_out_of_range(tmp_path, kinds, value):
    path, _ = answers_file(tmp_path, f"answers:\n  ops.main.lvl: {value}\n")
    issue = only(answer_error(kinds, path).issues)
    assert_issue(issue, path, 4, "answers.ops.main.lvl", "expected a level from 0 (not yet) to 3",
                 f"got {value}")


@pytest.mark.parametrize("value", ["3+", "'-1+'", "2++", "x+", "2.5"])
def test_a_partly_mark_only_after_a_level_below_the_top(tmp_path, kinds, value):
    path, _ = answers_file(tmp_path, f"answers:\n  ops.main.lvl: {value}\n")
    issue = only(answer_error(kinds, path).issues)
    assert_issue(issue, path, 4, "answers.ops.main.lvl", "or 0+ to 2+ when the next level holds")


@pytest.mark.parametrize(("value", "normalised"), [("0+", 0.5), ("2+", 2.5), ("' 1 +'", 1.5), ("2", 2)])
def test_a_partly_mark_after_a_level_is_accepted(tmp_path, kinds, value, normalised):
    path, _ = answers_file(tmp_path, f"answers:\n  ops.main.lvl: {value}\n")
    assert check_answers(kinds, maturity.load_answers(path)) == {"ops.main.lvl": normalised}


def test_unknown_option_id(tmp_path, kinds):
    path, _ = answers_file(tmp_path, "answers:\n  ops.main.multi: [design, marketing]\n")
    issue = only(answer_error(kinds, path).issues)
    assert_issue(issue, path, 4, "answers.ops.main.multi", "unknown option(s) ['marketing']")
    for option in ("design", "production", "quality", "supply"):
        assert option in issue.message, "the message should list the valid options"


def test_option_listed_twice(tmp_path, kinds):
    path, _ = answers_file(tmp_path, "answers:\n  ops.main.multi: [design, design]\n")
    assert_issue(only(answer_error(kinds, path).issues), path, 4, "answers.ops.main.multi",
                 "listed twice: design")  # which one: a first-time user had to look for it


def test_unknown_checklist_item(tmp_path, kinds):
    path, _ = answers_file(tmp_path, """
        answers:
          ops.main.check:
            records: fully
            iso9001: mostly
        """)
    assert_issue(only(answer_error(kinds, path).issues), path,
                 line_of(path.read_text("utf-8"), "iso9001:"), "answers.ops.main.check.iso9001",
                 "unknown checklist item 'iso9001'")


@pytest.mark.parametrize("value", ["n/a", "N/A", "not applicable", "不适用"])
def test_na_where_not_allowed(tmp_path, kinds, value):
    path, _ = answers_file(tmp_path, f"answers:\n  ops.main.lvl: {value}\n")
    assert_issue(only(answer_error(kinds, path).issues), path, 4, "answers.ops.main.lvl",
                 "'n/a' is not allowed for this question")


def test_na_where_allowed_is_accepted(tmp_path, kinds):
    path, _ = answers_file(tmp_path, "answers:\n  ops.main.yn: n/a\n")
    assert check_answers(kinds, maturity.load_answers(path)) == {"ops.main.yn": "n/a"}


# ----------------------------------------------------------------------------- answers: questionnaire


def test_questionnaire_not_found(tmp_path):
    path, _ = answers_file(tmp_path, "answers: {}\n",
                           header="format: maturity-answers/1\nquestionnaire: nosuch@1\n")
    answers = maturity.load_answers(path)
    with pytest.raises(NotFoundError) as info:
        maturity.load_questionnaire(answers.questionnaire)
    assert "'nosuch@1' not found" in str(info.value)
    assert "general" in str(info.value), "the message should list the known questionnaires"


def test_answers_for_another_questionnaire(tmp_path, kinds):
    path, _ = answers_file(tmp_path, "answers: {}\n",
                           header="format: maturity-answers/1\nquestionnaire: general@1\n")
    err = answer_error(kinds, path)
    assert isinstance(err, AnswersError)
    assert_issue(only(err.issues), path, 2, "questionnaire",
                 "this file answers 'general@1', not 'five_kinds@1'")


def test_version_mismatch(tmp_path):
    general = maturity.load_questionnaire("general")
    path, _ = answers_file(tmp_path, "answers: {}\n",
                           header="format: maturity-answers/1\nquestionnaire: general@7\n")
    err = answer_error(general, path)
    assert isinstance(err, AnswersError)
    assert_issue(only(err.issues), path, 2, "questionnaire", "version mismatch", "general@7",
                 general.ref)
    with pytest.raises(NotFoundError, match="general@7"):
        maturity.load_questionnaire("general@7")


@pytest.mark.parametrize("ref", ["nosuch@1", "general@7"])
def test_cli_names_the_answers_line_when_its_questionnaire_is_not_found(tmp_path, capsys, ref):
    path, _ = answers_file(tmp_path, "answers: {}\n",
                           header=f"format: maturity-answers/1\nquestionnaire: {ref}\n")
    assert cli.main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: questionnaire: " in err, err


# ----------------------------------------------------------------------------- answers: shape


def test_unknown_top_level_field(tmp_path):
    path, _text = answers_file(tmp_path, """
        assesor: Wang Li
        answers: {}
        """)
    with pytest.raises(AnswersError) as info:
        maturity.load_answers(path)
    assert_issue(only(info.value.issues), path, 3, "assesor", "unknown field 'assesor'")


def test_unknown_field_inside_enterprise(tmp_path):
    path, text = answers_file(tmp_path, """
        enterprise:
          name: ACME
          industri: steel
        answers: {}
        """)
    with pytest.raises(AnswersError) as info:
        maturity.load_answers(path)
    assert_issue(only(info.value.issues), path, line_of(text, "industri"), "enterprise.industri",
                 "unknown field 'industri'")


def test_unknown_industry_and_production_type(tmp_path, kinds):
    path, text = answers_file(tmp_path, """
        enterprise:
          industry: stel
          production_type: discrete
        answers: {}
        """)
    err = answer_error(kinds, path)
    assert isinstance(err, AnswersError)
    industry, ptype = err.issues
    assert_issue(industry, path, line_of(text, "industry:"), "enterprise.industry",
                 "unknown industry 'stel'", "steel")
    assert_issue(ptype, path, line_of(text, "production_type:"), "enterprise.production_type",
                 "unknown production type 'discrete'", "process")


def test_bad_enterprise_values_are_located(tmp_path):
    path, text = answers_file(tmp_path, """
        enterprise:
          size: huge
        assessed_on: last Tuesday
        answers: {}
        """)
    with pytest.raises(AnswersError) as info:
        maturity.load_answers(path)
    by_field = {i.field: i for i in info.value.issues}
    assert set(by_field) == {"enterprise.size", "assessed_on"}, list(map(str, info.value.issues))
    assert by_field["enterprise.size"].line == line_of(text, "size:")
    assert by_field["assessed_on"].line == line_of(text, "assessed_on:")


def test_wrong_format_is_located(tmp_path):
    path, _ = answers_file(tmp_path, "answers: {}\n",
                           header="format: maturity-answers/2\nquestionnaire: five_kinds@1\n")
    with pytest.raises(AnswersError) as info:
        maturity.load_answers(path)
    assert_issue(only(info.value.issues), path, 1, "format", "maturity-answers/1")


# ----------------------------------------------------------------------------- answers: YAML


def test_duplicate_key_is_an_error(tmp_path, kinds):
    path, _text = answers_file(tmp_path, """
        answers:
          ops.main.lvl: 1
          ops.main.num: 20
          ops.main.lvl: 3
        """)
    with pytest.raises(InputFileError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert_issue(issue, path, 6, None, "duplicate key 'ops.main.lvl'", "first at line 4")


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/name:os.system",
    "!!python/object:os.system",
])
def test_python_tags_are_rejected(tmp_path, tag):
    marker = tmp_path / "pwned"
    path, _ = answers_file(tmp_path, f"""
        answers:
          ops.main.lvl: {tag} ["touch {marker}"]
        """)
    with pytest.raises(InputFileError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert_issue(issue, path, 4, None, "is not allowed", "safe loading",
                 tag.removeprefix("!!").split(":")[0])
    assert not marker.exists(), "the YAML tag was executed"


def test_python_tag_in_a_questionnaire_is_rejected(tmp_path):
    path = write(tmp_path / "evil.yaml",
                 "format: maturity-questionnaire/1\nid: !!python/object/apply:os.getcwd []\n")
    with pytest.raises(InputFileError) as info:
        maturity.load_questionnaire(str(path))
    assert_issue(only(info.value.issues), path, 2, None, "!!python/object/apply:os.getcwd",
                 "not allowed")


@pytest.mark.parametrize("bad", [b"\xff\xfe", "示例".encode("gbk")], ids=["ff", "gbk"])
def test_non_utf8_bytes_name_their_line(tmp_path, bad):
    raw = (b"format: maturity-answers/1\nquestionnaire: five_kinds@1\nenterprise:\n"
           b"  name: " + bad + b"\nanswers: {}\n")
    path = write(tmp_path / "latin.yaml", raw)
    with pytest.raises(InputFileError) as info:
        maturity.load_answers(path)
    assert_issue(only(info.value.issues), path, 4, None, "not valid UTF-8", "save it as UTF-8")


def test_utf8_bom_is_accepted(tmp_path, kinds):
    raw = ("\ufeff" + HEADER + "enterprise: {name: 示例机械}\nanswers: {ops.main.lvl: 2}\n")
    path = write(tmp_path / "bom.yaml", raw.encode("utf-8"))
    answers = maturity.load_answers(path)
    assert answers.enterprise.name == "示例机械"
    assert check_answers(kinds, answers) == {"ops.main.lvl": 2}


@pytest.mark.parametrize("content", ["", "\n\n", "# just a comment\n", "---\n"],
                         ids=["empty", "blank-lines", "comment", "document-marker"])
def test_empty_file(tmp_path, content):
    path = write(tmp_path / "empty.yaml", content)
    with pytest.raises(InputFileError) as info:
        maturity.load_answers(path)
    assert_issue(only(info.value.issues), path, 1, None, "file is empty")


@pytest.mark.parametrize(("body", "line"), [
    ("answers:\n  ops.main.lvl: 2\n ops.main.num: 50\n", 5),      # bad indentation
    ("answers:\n  ops.main.lvl: 2: 3\n", 4),                        # a colon too many
    ("answers:\n  ops.main.multi: [design, quality\n  ops.main.num: 5\n", 5),  # unclosed [
    ("answers:\n  ops.main.lvl: 1\n\tops.main.num: 50\n", 5),       # a tab
])
def test_yaml_syntax_error_names_the_line(tmp_path, body, line):
    path, _ = answers_file(tmp_path, body)
    with pytest.raises(InputFileError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert issue.file == str(path)
    assert issue.line == line, str(issue)
    assert str(issue).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize("content", ["- format: maturity-answers/1\n- questionnaire: x\n",
                                     "just some text\n", "42\n"],
                         ids=["list", "string", "number"])
def test_file_that_is_not_a_mapping(tmp_path, content):
    path = write(tmp_path / "list.yaml", content)
    with pytest.raises(AnswersError) as info:
        maturity.load_answers(path)
    assert_issue(only(info.value.issues), path, 1, None, "must be a YAML mapping")


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01"])
def test_impossible_date_is_a_located_error(tmp_path, date):
    path, _ = answers_file(tmp_path, f"assessed_on: {date}\nanswers: {{}}\n")
    with pytest.raises(MaturityError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert issue.file == str(path) and issue.line == 3, str(issue)


def test_alias_bomb_is_refused_quickly(tmp_path, kinds):
    """Anchors and aliases are plain YAML; nested ones must not blow up checking."""
    rows = ['  x.a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdef", "bcdefg", strict=True):
        rows.append(f"  x.{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    rows.append("  ops.main.multi: *g")
    path, _ = answers_file(tmp_path, "answers:\n" + "\n".join(rows) + "\n")
    err = answer_error(kinds, path)
    assert isinstance(err, AnswersError)
    assert {i.field for i in err.issues} == {
        *(f"answers.x.{c}" for c in "abcdefg"), "answers.ops.main.multi"}


def test_missing_answers_file(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(InputFileError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert issue.file == str(path)
    assert "no such file" in str(issue)


# ----------------------------------------------------------------------------- answers: all at once


def test_every_problem_of_an_answers_file_is_reported_at_once(tmp_path, kinds):
    path, text = answers_file(tmp_path, """
        enterprise:
          name: ACME
          industry: stel
        answers:
          ops.main.lvl: n/a
          ops.main.num: 250
          ops.main.multi: [design, marketing]
          ops.main.check: {records: fully, spc: sometimes}
          ops.main.yn: maybe
          ops.main.lvel: 2
        notes:
          ops.main.nope: evidence
        """)
    err = answer_error(kinds, path)
    assert isinstance(err, AnswersError)
    got = {(i.line, i.field) for i in err.issues}
    expected = {
        (line_of(text, "industry:"), "enterprise.industry"),
        (line_of(text, "ops.main.lvl:"), "answers.ops.main.lvl"),
        (line_of(text, "ops.main.num:"), "answers.ops.main.num"),
        (line_of(text, "ops.main.multi:"), "answers.ops.main.multi"),
        (line_of(text, "ops.main.check:"), "answers.ops.main.check.spc"),
        (line_of(text, "ops.main.yn:"), "answers.ops.main.yn"),
        (line_of(text, "ops.main.lvel:"), "answers.ops.main.lvel"),
        (line_of(text, "ops.main.nope:"), "notes.ops.main.nope"),
    }
    assert got == expected, "\n".join(map(str, err.issues))
    assert all(i.file == str(path) for i in err.issues)
    # the exception's text is every issue, one per line
    assert str(err).splitlines() == [str(i) for i in err.issues]
    # scoring refuses the file with the same report
    with pytest.raises(AnswersError) as info:
        maturity.assess(kinds, maturity.load_answers(path))
    assert [str(i) for i in info.value.issues] == [str(i) for i in err.issues]


def test_every_shape_problem_is_reported_at_once(tmp_path):
    path, text = answers_file(tmp_path, """
        enterprise:
          nmae: ACME
          size: huge
        assesor: Wang Li
        answers: {}
        """)
    with pytest.raises(AnswersError) as info:
        maturity.load_answers(path)
    got = {(i.line, i.field) for i in info.value.issues}
    assert got == {
        (line_of(text, "nmae:"), "enterprise.nmae"),
        (line_of(text, "size:"), "enterprise.size"),
        (line_of(text, "assesor:"), "assesor"),
    }, "\n".join(map(str, info.value.issues))


# ============================================================================= questionnaires


def questions(raw: dict[str, Any]) -> list[dict[str, Any]]:
    return raw["dimensions"][0]["indicators"][0]["questions"]


def question(raw: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for q in questions(raw) if q["id"] == qid)


def dump(path: Path, raw: dict[str, Any]) -> tuple[Path, str]:
    text = yaml.safe_dump(raw, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return write(path, text), text


def errors_of(path: Path) -> list[Issue]:
    """Every error of a questionnaire file; loading it raises the same list."""
    q, issues = check_questionnaire_file(path)
    errors = [i for i in issues if i.severity is Severity.ERROR]
    assert q is None and errors, f"{path} should be invalid; issues: {list(map(str, issues))}"
    with pytest.raises(QuestionnaireError) as info:
        maturity.load_questionnaire(str(path))
    assert list(info.value.issues) == errors
    return errors


def test_the_questionnaire_used_for_breaking_is_valid(tmp_path, kinds_raw):
    """Control: the dumped copy has no issue at all, so each break below is the only one."""
    path, _ = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    q, issues = check_questionnaire_file(path)
    assert q is not None and issues == [], list(map(str, issues))


QP = "dimensions[ops].indicators[main].questions"


def _dup(raw):
    questions(raw).append(copy.deepcopy(question(raw, "num")))


def _raises(raw):
    raw["scenarios"][0]["raises"][0]["indicator"] = "ops.mian"


def _weights0(raw):
    for q in questions(raw):
        q["weight"] = 0


def _dim_weight0(raw):
    raw["dimensions"][0]["weight"] = 0


def _anchor(raw):
    del question(raw, "lvl")["anchors"][2]


def _gap(raw):
    question(raw, "num")["bands"][1]["min"] = 55


def _overlap(raw):
    question(raw, "num")["bands"][1]["min"] = 45


def _down(raw):
    question(raw, "num")["bands"][2]["level"] = 1


def _lower_up(raw):
    question(raw, "num")["better"] = "lower"
    question(raw, "num")["bands"][0]["level"] = 3  # levels 3, 2, 3: only the last one rises


def _multi_start(raw):
    question(raw, "multi")["bands"][0]["min"] = 10


def _number_end(raw):
    question(raw, "num")["bands"][2]["max"] = 95


def _grade_missing(raw):
    raw["scoring"]["bands"].pop()


def _grade_double(raw):
    raw["scoring"]["bands"][2]["level"] = 2


def _grade_order(raw):
    raw["scoring"]["bands"][1]["min"] = 0.5


def _later(raw):
    question(raw, "lvl")["follow_up"] = {"question": "ops.main.yn", "equals": True}


def _equals_false(raw):
    question(raw, "fu")["follow_up"]["equals"] = False


def _wrong_condition_kind(raw):
    question(raw, "fu")["follow_up"] = {"question": "ops.main.multi", "at_least": 2}


def _unknown_condition(raw):
    question(raw, "fu")["follow_up"]["question"] = "ops.main.yes"


def _anchor_too_high(raw):
    question(raw, "lvl")["anchors"][4] = "beyond the scale"


def _item_level(raw):
    question(raw, "check")["items"][1]["level"] = 4


def _focus(raw):
    raw["focus_scenarios"] = ["mes_rolout"]


def _applies_on_a_rated_question(raw):
    fu = question(raw, "fu")
    del fu["follow_up"]
    fu["applies"] = {"when": {"question": "ops.main.yn", "equals": True}}


def _scope_opened_by_a_rated_question(raw):
    """Found by the monotonicity property: raising the rated opener opened the scope
    question, whose answer brought unanswered questions into scope."""
    yn = question(raw, "yn")
    yn["weight"] = 0
    yn["follow_up"] = {"question": "ops.main.lvl", "at_least": 1}
    _applies_on_a_rated_question(raw)


def _target_unknown_item(raw):
    raw["scenarios"][0]["delivers"] = [{"question": "ops.main.check", "items": ["sppc"]}]


def _needs_first_unknown_type(raw):
    raw["scenarios"][0]["needs_first"] = [{"scenario": raw["scenarios"][0]["id"] + "_x",
                                           "production_types": ["proces"]}]


def _begun_unknown_question(raw):
    raw["scenarios"][0]["begun_when"] = [{"question": "ops.main.lvel", "level": 1}]


def _begun_unknown_item(raw):
    raw["scenarios"][0]["begun_when"] = [{"question": "ops.main.check", "items": ["sppc"]}]


def _begun_unknown_option(raw):
    raw["scenarios"][0]["begun_when"] = [{"question": "ops.main.multi", "items": ["desing"]}]


def _options_outside_begun_when(raw):
    # a ticked option shows a step begun; it is not a checklist item a step puts in place
    raw["scenarios"][0]["delivers"] = [{"question": "ops.main.multi", "items": ["design"]}]


def _target_items_on_a_level_question(raw):
    raw["scenarios"][0]["delivers"] = [{"question": "ops.main.lvl", "items": ["spc"]}]


def _begun_items_on_a_level_question(raw):
    raw["scenarios"][0]["begun_when"] = [{"question": "ops.main.lvl", "items": ["spc"]}]


def _target_level_and_items(raw):
    raw["scenarios"][0]["delivers"] = [{"question": "ops.main.check", "level": 2, "items": ["spc"]}]


def _omits_without_small(raw):
    raw["scenarios"][0]["delivers"] = [{"question": "ops.main.lvl", "level": 2},
                                       {"question": "ops.main.yn", "level": 2}]
    raw["scenarios"][0]["small_omits"] = ["ops.main.yn"]


def _omits_what_it_does_not_deliver(raw):
    _omits_without_small(raw)
    raw["scenarios"][0]["small"] = "One line first."
    raw["scenarios"][0]["small_omits"] = ["ops.main.fu"]


def _omits_everything(raw):
    _omits_without_small(raw)
    raw["scenarios"][0]["small"] = "One line first."
    raw["scenarios"][0]["small_omits"] = ["ops.main.yn", "ops.main.lvl"]


def _done_when_without_small(raw):
    raw["scenarios"][0]["small_done_when"] = [{"question": "ops.main.lvl", "level": 2}]


def _omits_without_delivers(raw):
    raw["scenarios"][0]["small"] = "One line first."
    raw["scenarios"][0]["done_when"] = [{"question": "ops.main.yn", "level": 2},
                                        {"question": "ops.main.lvl", "level": 2}]
    raw["scenarios"][0]["small_omits"] = ["ops.main.yn"]


def _omits_twice(raw):
    _omits_what_it_does_not_deliver(raw)
    raw["scenarios"][0]["small_omits"] = ["ops.main.yn", "ops.main.yn"]


def _done_when_on_what_it_omits(raw):
    _omits_what_it_does_not_deliver(raw)
    raw["scenarios"][0]["small_omits"] = ["ops.main.yn"]
    raw["scenarios"][0]["small_done_when"] = [{"question": "ops.main.lvl", "level": 2},
                                              {"question": "ops.main.yn", "level": 2}]


def _done_when_twice(raw):
    _done_when_without_small(raw)
    raw["scenarios"][0]["small"] = "One line first."
    raw["scenarios"][0]["small_done_when"] = [dict(t) for t in raw["scenarios"][0]["small_done_when"] * 2]


def _ptype_weight(raw):
    raw["production_types"][0]["weights"] = {"ops.mian": 2}


SEMANTIC = [
    # (id, how to break it, where the error must point, field, message fragments)
    ("duplicate-question-id", _dup, ("- id: num", "- id: num"), f"{QP}[num].id",
     ["duplicate question id 'num'"]),
    ("unknown-indicator-in-raises", _raises, ("scenarios:", "indicator: ops.mian"),
     "scenarios[mes_rollout].raises[0].indicator",
     ["unknown indicator 'ops.mian'", "did you mean 'ops.main'?"]),
    ("question-weights-sum-to-0", _weights0, ("questions:",), QP, ["add up to 0"]),
    ("dimension-weights-sum-to-0", _dim_weight0, ("dimensions:",), "dimensions", ["add up to 0"]),
    ("level-question-missing-anchor", _anchor, ("- id: lvl", "anchors:"), f"{QP}[lvl].anchors",
     ["no description for level(s) [2]"]),
    ("anchor-for-a-level-that-does-not-exist", _anchor_too_high, ("- id: lvl", "anchors:"),
     f"{QP}[lvl].anchors", ["level(s) [4] do not exist"]),
    ("number-bands-with-a-gap", _gap, ("- id: num", "bands:", "- min: 55"),
     f"{QP}[num].bands[1].min", ["gap: values from 50 to 55 have no band"]),
    ("number-bands-overlap", _overlap, ("- id: num", "bands:", "- min: 45"),
     f"{QP}[num].bands[1].min", ["overlaps the previous band (which ends at 50)"]),
    ("band-levels-fall-although-better-higher", _down,
     ("- id: num", "bands:", "- min: 90", "level: 1"), f"{QP}[num].bands[2].level",
     ["levels must rise with the value (better: higher)"]),
    ("band-levels-rise-although-better-lower", _lower_up,
     ("- id: num", "bands:", "- min: 90", "level: 3"), f"{QP}[num].bands[2].level",
     ["levels must fall with the value (better: lower)"]),
    ("multi-bands-do-not-start-at-0", _multi_start, ("- id: multi", "bands:", "- min: 10"),
     f"{QP}[multi].bands[0].min", ["first band must start at the minimum value 0"]),
    ("number-bands-stop-before-max", _number_end, ("- id: num", "bands:", "max: 95"),
     f"{QP}[num].bands[2].max", ["last band must end at the maximum value 100"]),
    ("grade-band-missing", _grade_missing, ("scoring:", "bands:"), "scoring.bands",
     ["one band per level", "no band for level(s) [3]"]),
    ("grade-band-twice", _grade_double, ("scoring:", "bands:"), "scoring.bands",
     ["one band per level", "level(s) [2] have more than one band"]),
    ("grade-bands-not-increasing", _grade_order, ("scoring:", "min: 0.5"),
     "scoring.bands[1].min", ["must start above level 1's"]),
    ("follow-up-on-a-later-question", _later,
     ("- id: lvl", "follow_up:", "question: ops.main.yn"), f"{QP}[lvl].follow_up.question",
     ["'ops.main.yn' must come before 'ops.main.lvl'"]),
    ("follow-up-equals-false", _equals_false, ("- id: fu", "follow_up:"), f"{QP}[fu].follow_up",
     ["only 'equals: true' is allowed"]),
    ("follow-up-test-on-wrong-kind", _wrong_condition_kind, ("- id: fu", "follow_up:"),
     f"{QP}[fu].follow_up", ["'at_least' needs a level or number question", "multi"]),
    ("follow-up-on-unknown-question", _unknown_condition,
     ("- id: fu", "follow_up:", "question: ops.main.yes"), f"{QP}[fu].follow_up.question",
     ["unknown question 'ops.main.yes'", "did you mean 'ops.main.yn'?"]),
    ("checklist-item-level-too-high", _item_level, ("- id: check", "- id: spc", "level: 4"),
     f"{QP}[check].items[spc].level", ["there are only 3 levels"]),
    ("unknown-focus-scenario", _focus, ("focus_scenarios:", "- mes_rolout"), "focus_scenarios[0]",
     ["unknown scenario 'mes_rolout'", "did you mean 'mes_rollout'?"]),
    ("applies-when-on-a-rated-question", _applies_on_a_rated_question,
     ("- id: fu", "applies:", "question: ops.main.yn"), f"{QP}[fu].applies.when.question",
     ["'ops.main.yn' earns points", "follow_up"]),
    ("scope-question-opened-by-a-rated-question", _scope_opened_by_a_rated_question,
     ("- id: yn", "follow_up:", "question: ops.main.lvl"), f"{QP}[yn].follow_up.question",
     ["'ops.main.yn' decides what is assessed", "'ops.main.lvl'", "could lower"]),
    ("scenario-target-unknown-item", _target_unknown_item,
     ("- id: mes_rollout", "delivers:", "- sppc"), "scenarios[mes_rollout].delivers[0].items[0]",
     ["unknown item 'sppc' of ops.main.check", "did you mean 'spc'?"]),
    # begun_when went unchecked until round 126: a misspelt question began nothing, silently
    ("begun-when-unknown-question", _begun_unknown_question,
     ("- id: mes_rollout", "begun_when:", "question: ops.main.lvel"),
     "scenarios[mes_rollout].begun_when[0].question",
     ["unknown question 'ops.main.lvel'", "did you mean 'ops.main.lvl'?"]),
    ("begun-when-unknown-item", _begun_unknown_item,
     ("- id: mes_rollout", "begun_when:", "- sppc"), "scenarios[mes_rollout].begun_when[0].items[0]",
     ["unknown item 'sppc' of ops.main.check", "did you mean 'spc'?"]),
    ("begun-when-unknown-option", _begun_unknown_option,
     ("- id: mes_rollout", "begun_when:", "- desing"), "scenarios[mes_rollout].begun_when[0].items[0]",
     ["unknown option 'desing' of ops.main.multi", "did you mean 'design'?"]),
    ("options-named-outside-begun-when", _options_outside_begun_when,
     ("- id: mes_rollout", "delivers:", "items:"), "scenarios[mes_rollout].delivers[0].items",
     ["ops.main.multi is not a checklist"]),
    ("begun-when-items-on-a-level-question", _begun_items_on_a_level_question,
     ("- id: mes_rollout", "begun_when:", "items:"), "scenarios[mes_rollout].begun_when[0].items",
     ["ops.main.lvl is not a checklist or a multiple choice"]),
    ("scenario-target-items-on-a-level-question", _target_items_on_a_level_question,
     ("- id: mes_rollout", "delivers:", "items:"), "scenarios[mes_rollout].delivers[0].items",
     ["ops.main.lvl is not a checklist"]),
    ("scenario-target-level-and-items", _target_level_and_items,
     ("- id: mes_rollout", "delivers:", "- question"), "scenarios[mes_rollout].delivers[0]",
     ["give exactly one of level, items"]),
    ("needs-first-unknown-production-type", _needs_first_unknown_type,
     ("- id: mes_rollout", "needs_first:", "- proces"),
     "scenarios[mes_rollout].needs_first[0].production_types[0]",
     ["unknown production type 'proces'", "did you mean 'process'?"]),
    # round 134: what a small firm's step leaves for later must be said in its small text,
    # be something the step delivers, and leave it something to deliver
    ("small-omits-without-small-text", _omits_without_small,
     ("- id: mes_rollout", "small_omits:"), "scenarios[mes_rollout].small_omits",
     ["changes the step at a small firm but has no small text saying how"]),
    ("small-omits-a-question-not-delivered", _omits_what_it_does_not_deliver,
     ("- id: mes_rollout", "small_omits:", "- ops.main.fu"), "scenarios[mes_rollout].small_omits[0]",
     ["'ops.main.fu' is not among the questions the scenario delivers"]),
    ("small-omits-everything", _omits_everything,
     ("- id: mes_rollout", "small_omits:"), "scenarios[mes_rollout].small_omits",
     ["leaves out everything the scenario delivers"]),
    ("small-done-when-without-small-text", _done_when_without_small,
     ("- id: mes_rollout", "small_done_when:"), "scenarios[mes_rollout].small_done_when",
     ["changes the step at a small firm but has no small text saying how"]),
    # found by the session's code review: without delivers listed, the step delivers every
    # question of what it raises, which small_omits did not touch
    ("small-omits-without-delivers", _omits_without_delivers,
     ("- id: mes_rollout", "small_omits:"), "scenarios[mes_rollout].small_omits",
     ["needs delivers listed"]),
    ("small-omits-twice", _omits_twice,
     ("- id: mes_rollout", "small_omits:", "- ops.main.yn", "- ops.main.yn"),
     "scenarios[mes_rollout].small_omits[1]", ["'ops.main.yn' is listed twice"]),
    ("small-done-when-twice", _done_when_twice,
     ("- id: mes_rollout", "small_done_when:", "- question: ops.main.lvl", "- question: ops.main.lvl"),
     "scenarios[mes_rollout].small_done_when[1].question", ["'ops.main.lvl' is listed twice"]),
    ("small-done-when-on-what-it-omits", _done_when_on_what_it_omits,
     ("- id: mes_rollout", "small_done_when:", "- question: ops.main.yn"),
     "scenarios[mes_rollout].small_done_when[1].question",
     ["'ops.main.yn' is left out at a small firm"]),
    ("unknown-id-in-production-type-weights", _ptype_weight, ("production_types:", "ops.mian:"),
     "production_types[process].weights.ops.mian", ["unknown dimension, indicator or question"]),
]


@pytest.mark.parametrize(("mutate", "where", "field", "fragments"),
                         [case[1:] for case in SEMANTIC], ids=[case[0] for case in SEMANTIC])
def test_semantic_rule_is_located(tmp_path, kinds_raw, mutate: Callable, where, field, fragments):
    mutate(kinds_raw)
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    # other rules may follow from the same break (weights of 0 also leave levels empty):
    # the rule under test must report exactly one issue, at its field
    errors = errors_of(path)
    issue = only([i for i in errors if i.field == field] or errors)
    assert_issue(issue, path, line_of(text, *where), field, *fragments)


@pytest.mark.parametrize("kind_qid", ["lvl", "num", "multi", "check", "yn"])
def test_unknown_field_in_a_question_names_that_key(tmp_path, kinds_raw, kind_qid):
    question(kinds_raw, kind_qid)["wieght"] = 2
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert_issue(issue, path, line_of(text, f"- id: {kind_qid}", "wieght:"),
                 f"{QP}[{kind_qid}].wieght", "unknown field 'wieght'")


@pytest.mark.parametrize("kind_qid", ["lvl", "num", "multi", "check", "yn"])
def test_unknown_field_in_a_question_is_reported_in_that_question(tmp_path, kinds_raw, kind_qid):
    """What works today despite the bug above: the file, the question and the key's name."""
    question(kinds_raw, kind_qid)["wieght"] = 2
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert issue.file == str(path)
    assert issue.field is not None and issue.field.startswith(f"{QP}[{kind_qid}]"), str(issue)
    start = line_of(text, f"- id: {kind_qid}")
    assert start <= (issue.line or 0) <= line_of(text, f"- id: {kind_qid}", "wieght:"), str(issue)
    assert issue.message == "unknown field 'wieght'"


def test_missing_required_field_in_a_question_names_it(tmp_path, kinds_raw):
    del question(kinds_raw, "lvl")["text"]
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert_issue(issue, path, line_of(text, "- id: lvl"), f"{QP}[lvl].text", "required")


def test_out_of_range_scoring_threshold_names_its_line(tmp_path, kinds_raw):
    kinds_raw["scoring"]["threshold"] = 2
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert_issue(issue, path, line_of(text, "threshold:"), "scoring.threshold",
                 "less than or equal to 1")


@pytest.mark.parametrize("value, message", [(1, "less than 1"), (0, "greater than 0"),
                                            ("half", "valid number")])
def test_out_of_range_met_share_names_its_line(tmp_path, kinds_raw, value, message):
    kinds_raw["scoring"]["met_share"] = value
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert_issue(issue, path, line_of(text, "met_share:"), "scoring.met_share", message)


def test_wrong_kind_value(tmp_path, kinds_raw):
    question(kinds_raw, "lvl")["kind"] = "scale"
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert issue.file == str(path)
    # the question (its first line, or its `kind:` line) and its path
    assert issue.line in (line_of(text, "- id: lvl"), line_of(text, "kind: scale")), str(issue)
    assert issue.field in (f"{QP}[lvl]", f"{QP}[lvl].kind"), str(issue)
    assert str(issue).startswith(f"{path}:{issue.line}: {issue.field}: ")
    assert "'scale'" in issue.message
    for kind in ("level", "checklist", "number", "multi", "yesno"):
        assert kind in issue.message, "the message should list the valid kinds"


def test_wrong_scoring_method(tmp_path, kinds_raw):
    kinds_raw["scoring"]["method"] = "average"
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issue = only(errors_of(path))
    assert issue.field in ("scoring", "scoring.method"), str(issue)
    assert issue.line in (line_of(text, "scoring:"), line_of(text, "method: average")), str(issue)
    assert "'average'" in issue.message and "cmmm" in issue.message and "points" in issue.message


def test_unknown_top_level_field_in_a_questionnaire(tmp_path, kinds_raw):
    kinds_raw["titel"] = "typo"
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    assert_issue(only(errors_of(path)), path, line_of(text, "titel:"), "titel",
                 "unknown field 'titel'")


def test_unknown_field_in_a_level_names_that_key(tmp_path, kinds_raw):
    kinds_raw["levels"][1]["nmae"] = "typo"
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    assert_issue(only(errors_of(path)), path, line_of(text, "nmae:"), "levels[L2].nmae",
                 "unknown field 'nmae'")


def test_every_problem_of_a_questionnaire_is_reported_at_once(tmp_path, kinds_raw):
    for mutate in (_dup, _raises, _anchor, _gap, _down, _grade_missing, _equals_false):
        mutate(kinds_raw)
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    q, issues = check_questionnaire_file(path)
    assert q is None
    got = {(i.line, i.field) for i in issues}
    expected = {
        (line_of(text, "- id: num", "- id: num"), f"{QP}[num].id"),
        (line_of(text, "scenarios:", "indicator: ops.mian"),
         "scenarios[mes_rollout].raises[0].indicator"),
        (line_of(text, "- id: lvl", "anchors:"), f"{QP}[lvl].anchors"),
        (line_of(text, "- id: num", "bands:", "- min: 55"), f"{QP}[num].bands[1].min"),
        (line_of(text, "- id: num", "bands:", "- min: 90", "level: 1"),
         f"{QP}[num].bands[2].level"),
        (line_of(text, "scoring:", "bands:"), "scoring.bands"),
        (line_of(text, "- id: fu", "follow_up:"), f"{QP}[fu].follow_up"),
    }
    assert expected <= got, "missing:\n" + "\n".join(map(str, sorted(expected - got)))
    assert all(i.file == str(path) for i in issues)
    errors = [i for i in issues if i.severity is Severity.ERROR]
    with pytest.raises(QuestionnaireError) as info:
        maturity.load_questionnaire(str(path))
    assert list(info.value.issues) == errors
    reported = str(info.value).splitlines()
    assert reported == [str(i) for i in errors], "str(error) lists every error, one per line"


def test_every_shape_problem_of_a_questionnaire_is_reported_at_once(tmp_path, kinds_raw):
    kinds_raw["titel"] = "typo"
    kinds_raw["levels"][0]["nmae"] = "typo"
    kinds_raw["version"] = 0
    question(kinds_raw, "multi")["options"] = []
    path, text = dump(tmp_path / "five_kinds.yaml", kinds_raw)
    issues = errors_of(path)
    got = {(i.line, i.field) for i in issues}
    assert {
        (line_of(text, "titel:"), "titel"),
        (line_of(text, "nmae:"), "levels[L1].nmae"),
        (line_of(text, "version:"), "version"),
    } <= got, "\n".join(map(str, issues))
    # the empty options list is inside a question (see the locate() xfails for its exact line)
    assert len(issues) == 4, "\n".join(map(str, issues))
    assert any(i.field and i.field.startswith(f"{QP}[multi]") for i in issues), issues


# ----------------------------------------------------------------------------- extends


def overlay(path: Path, ident: str, extends: str, extra: str = "") -> tuple[Path, str]:
    text = (f"format: maturity-questionnaire/1\nid: {ident}\nversion: 1\n"
            f"title: {ident.title()} overlay\nextends: {extends}\n" + textwrap.dedent(extra))
    return write(path, text), text


def test_valid_overlay_loads(tmp_path):
    """Control for the extends tests: base and overlay side by side work."""
    write(tmp_path / "five_kinds.yaml", KINDS_FILE.read_text(encoding="utf-8"))
    path, _ = overlay(tmp_path / "steel.yaml", "steel", "five_kinds@1", """
        dimensions:
          - id: ops
            indicators:
              - id: main
                questions:
                  - {id: furnace, kind: yesno, text: Blast furnace model?, level: 3}
        """)
    q = maturity.load_questionnaire(str(path))
    assert q.ref == "steel@1"
    assert "ops.main.furnace" in q.questions and "ops.main.lvl" in q.questions


def test_overlay_error_points_at_the_overlay_file(tmp_path):
    base = write(tmp_path / "five_kinds.yaml", KINDS_FILE.read_text(encoding="utf-8"))
    path, text = overlay(tmp_path / "steel.yaml", "steel", "five_kinds", """
        dimensions:
          - id: ops
            indicators:
              - id: main
                questions:
                  - id: furnace
                    kind: number
                    text: Furnace automation rate
                    min: 0
                    max: 10
                    bands:
                      - {min: 0, max: 4, level: 1}
                      - {min: 5, max: 10, level: 2}
        """)
    issue = only(errors_of(path))
    assert issue.file != str(base)
    assert_issue(issue, path, line_of(text, "{min: 5"),
                 "dimensions[ops].indicators[main].questions[furnace].bands[1].min",
                 "gap: values from 4 to 5 have no band")


def test_extends_cycle_between_two_files(tmp_path):
    a, a_text = overlay(tmp_path / "aaa.yaml", "aaa", "bbb")
    overlay(tmp_path / "bbb.yaml", "bbb", "aaa")
    issue = only(errors_of(a))
    assert_issue(issue, a, line_of(a_text, "extends:"), "extends", "cycle",
                 "aaa.yaml -> bbb.yaml -> aaa.yaml")


def test_extends_itself(tmp_path):
    path, _text = overlay(tmp_path / "selfish.yaml", "selfish", "selfish@1")
    assert_issue(only(errors_of(path)), path, 5, "extends", "cycle")


def test_extends_a_base_that_is_not_found(tmp_path):
    path, text = overlay(tmp_path / "orphan.yaml", "orphan", "no_such_base",
                         "# a comment so that extends is not the last line\n")
    assert_issue(only(errors_of(path)), path, line_of(text, "extends:"), "extends",
                 "'no_such_base' not found")


def test_extends_a_version_that_does_not_exist(tmp_path):
    write(tmp_path / "five_kinds.yaml", KINDS_FILE.read_text(encoding="utf-8"))
    path, _text = overlay(tmp_path / "steel.yaml", "steel", "five_kinds@2")
    assert_issue(only(errors_of(path)), path, 5, "extends", "five_kinds@2", "version 1")


def test_questionnaire_that_is_not_a_mapping(tmp_path):
    path = write(tmp_path / "list.yaml", "- format: maturity-questionnaire/1\n- id: x\n")
    assert_issue(only(errors_of(path)), path, 1, None, "must be a YAML mapping")


def test_questionnaire_not_found_by_id_or_path(tmp_path):
    with pytest.raises(NotFoundError, match="no_such_index"):
        maturity.load_questionnaire("no_such_index")
    with pytest.raises(NotFoundError, match="not found"):
        maturity.load_questionnaire(str(tmp_path / "missing.yaml"))


@pytest.mark.parametrize("char", ["\x1b", "\x0c", "\x00"])
def test_a_control_character_in_the_file_is_located_at_its_line_and_column(tmp_path, char):
    """A user found 'unacceptable character #x001b ... position 807' with no line."""
    path = write(tmp_path / "a.yaml", HEADER + f"enterprise:\n  name: \"A{char}B\"\nanswers: {{}}\n")
    with pytest.raises(MaturityError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert issue.line == 4 and issue.file == str(path)
    assert f"U+{ord(char):04X} at column 11" in issue.message and "\n" not in issue.message


def test_every_bad_item_of_a_checklist_is_reported_at_its_line(tmp_path, capsys):
    """``validate`` named only the first bad item of a checklist; fixing it showed the next."""
    from maturity.cli import main

    path = tmp_path / "cl.yaml"
    path.write_text("format: maturity-answers/1\nquestionnaire: general@2\nanswers:\n"
                    "  strategy.lean.practices:\n    five_s: fullyy\n    standard_work: sometimes\n"
                    "    value_stream: mostly\n    bogus_item: fully\n", "utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5: answers.strategy.lean.practices.five_s: " in err
    assert f"{path}:6: answers.strategy.lean.practices.standard_work: " in err
    assert f"{path}:8: answers.strategy.lean.practices.bogus_item: unknown checklist item" in err
    assert ":7:" not in err


@pytest.mark.parametrize(("content", "code"), [
    (None, "not_found"), (b"", "empty"), (b"\xff\xfe", "not_utf8"), (b"a: [\n", "invalid_yaml"),
    (b"a: !!python/object x\n", "unsafe_tag"), (b"a: 1\n---\nb: 2\n", "two_documents")])
def test_a_file_that_cannot_be_read_says_why_in_a_code_programs_can_test(tmp_path, content, code):
    """The issues of an unreadable file carried no code: a program had to parse the text."""
    import maturity

    path = tmp_path / "a.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(maturity.InputFileError) as exc:
        maturity.load_answers(path)
    assert [i.code for i in exc.value.issues] == [code]
    assert exc.value.issues[0].file == str(path)


def test_every_list_of_question_targets_of_a_scenario_is_checked():
    """``references.TARGET_FIELDS`` is read off the model; ``begun_when`` went unchecked
    while the list was written by hand (round 126)."""
    from maturity import references
    from maturity.model.scenario import Scenario
    from maturity.references import TARGET_FIELDS

    assert set(TARGET_FIELDS) == {"delivers", "requires", "done_when", "begun_when", "small_done_when"}
    # a new field of targets, however its type wraps them, joins the list by itself
    wrapped = Scenario.model_fields["begun_when"].annotation | None
    assert references._names_targets(wrapped) and not references._names_targets(list[str])


@pytest.mark.parametrize("date", ["2026/3/5", "2026年5月1日", "12.05.2026"])
def test_a_date_in_another_form_is_refused_in_plain_words(tmp_path, date):
    """A consultant read pydantic's "Input should be a valid date or datetime, input is too
    short" for 2026/3/5."""
    path, _ = answers_file(tmp_path, f"assessed_on: '{date}'\nanswers: {{}}\n")
    with pytest.raises(MaturityError) as info:
        maturity.load_answers(path)
    issue = only(info.value.issues)
    assert issue.line == 3 and issue.message.startswith(f"'{date}' is not a date"), issue.message
    assert "YYYY-MM-DD" in issue.message and "Input should" not in issue.message


@pytest.mark.parametrize("written, meant", [("电子", "electronics"), ("化工", "petrochemical"),
                                            ("纺织业", "textiles"), ("Machinery", "machinery")])
def test_an_industry_by_a_name_is_refused_with_the_id_it_reads_like(tmp_path, written, meant):
    """A consultant's 电子, 化工 and 纺织业 were refused as "not an id", with no word of the
    ids the index has."""
    header = "format: maturity-answers/1\nquestionnaire: general@2\n"
    path, _ = answers_file(tmp_path, f"enterprise: {{name: X, industry: {written}}}\nanswers: {{}}\n",
                           header=header)
    with pytest.raises(MaturityError) as info:
        maturity.load_answers(path)
    message = only(info.value.issues).message
    assert f"did you mean {meant}?" in message and "electronics (" in message, message


@pytest.mark.parametrize("body, needle", [
    ("questionnaire: general@2\nanswers: {strategy.planning.roadmap: .inf}\n", "got inf"),
    ("questionnaire: general@2\nanswers: {strategy.planning.roadmap: -.inf}\n", "got -inf"),
    ("questionnaire: general@2\nanswers: {strategy.planning.roadmap: .nan}\n", "got nan"),
    ("questionnaire: " + "a" * 300 + "\nanswers: {}\n", "not found"),
    ("questionnaire: general@" + "9" * 4301 + "\nanswers: {}\n", "not found"),
])
def test_an_upload_gets_a_maturity_error_never_a_python_one(body, needle):
    """A web backend catching MaturityError lost the connection on these (an embedder):
    OverflowError for a level of .inf, OSError for a 300-byte id, ValueError for a version
    of 4,301 digits."""
    with pytest.raises(MaturityError) as info:
        maturity.assess(maturity.parse_answers("format: maturity-answers/1\n" + body, "upload"))
    assert needle in str(info.value) and info.value.issues[0].line == 2 + ("answers: {s" in body)


@pytest.mark.parametrize("name, code", [("/nonexistent.csv", "not_found"), ("/nonexistent.xlsx", "not_found"),
                                        ("x\0y", "not_found"), ("x\0y.csv", "not_found")])
def test_a_table_or_a_name_that_is_no_file_is_an_input_file_error(name, code):
    with pytest.raises(maturity.InputFileError) as info:
        maturity.load_answers(name)
    assert info.value.issues[0].code == code


def test_many_unknown_options_are_named_ten_at_a_time():
    doc = ("format: maturity-answers/1\nquestionnaire: general@2\nanswers:\n"
           "  factory.integration.systems: [" + ", ".join(f"x{i}" for i in range(40)) + "]\n")
    with pytest.raises(MaturityError) as info:
        maturity.assess(maturity.parse_answers(doc, "upload"))
    message = info.value.issues[0].message
    assert "x9'] and 30 more" in message and "x10" not in message


def test_a_file_of_many_problems_lists_the_first_and_counts_the_rest():
    """An embedder's upload of 20,000 unknown ids took 9.9 s (a near-id search each) and
    made a message of 2.9 million characters."""
    from maturity.normalise import MAX_ISSUES

    doc = ("format: maturity-answers/1\nquestionnaire: general@2\nanswers:\n"
           + "".join(f"  strategy.planning.roadmap{i}: 1\n" for i in range(3000)))
    with pytest.raises(MaturityError) as info:
        maturity.assess(maturity.parse_answers(doc, "upload"))
    issues = info.value.issues
    assert len(issues) == MAX_ISSUES + 1 and issues[0].line == 4
    assert issues[-1].message == f"and {3000 - MAX_ISSUES:,} more problems, not listed (the first 200 are)"
    assert "did you mean" in issues[0].message
