"""A share in percent written as a fraction is never silently read as a percentage.

A first-time user entered the CNC rate as 0.62 (a spreadsheet keeps 62 % so): it was
scored as 0.62 %, the bottom band, with no word.  Where a question asks for a share of a
whole in percent and its bands draw no line below 1 % (``NumberQuestion.is_share``), a
bare number between 0 and 1 is refused at its line with both readings spelled out;
``0.62%`` is 0.62 %, and stays written so wherever the answer is written back (merge,
the TUI, JSON), so that it is never read again as a fraction.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import maturity
from maturity.cli import main
from maturity.errors import AnswersError
from maturity.normalise import check_answers, normalise
from maturity.scoring import answers_form
from maturity.written import FractionError, LowPercent, number_of

ROOT = Path(__file__).resolve().parents[1]
KINDS = ROOT / "tests" / "data" / "five_kinds.yaml"
HEADER = "format: maturity-answers/1\nquestionnaire: five_kinds@1\n"
CNC = "factory.equipment.cnc_rate"


@pytest.fixture(scope="module")
def kinds() -> maturity.Questionnaire:
    return maturity.load_questionnaire(str(KINDS))


def _check(q: maturity.Questionnaire, tmp_path: Path, value: str) -> dict:
    path = tmp_path / "a.yaml"
    path.write_text(HEADER + f"answers:\n  ops.main.num: {value}\n", "utf-8")
    return check_answers(q, maturity.load_answers(path))


@pytest.mark.parametrize("value", ["0.62", "'0.62'", "0.005", ".5"])
def test_a_bare_fraction_for_a_share_is_refused_at_its_line_with_both_readings(kinds, tmp_path, value):
    with pytest.raises(AnswersError) as info:
        _check(kinds, tmp_path, value)
    (issue,) = info.value.issues
    assert (issue.line, issue.field) == (4, "answers.ops.main.num")
    number = float(value.strip("'"))
    assert f"write {number * 100:g} for {number * 100:g} %" in issue.message
    assert f'"{number:g}%"' in issue.message


@pytest.mark.parametrize(("value", "expected"), [("0.62%", 0.62), ("'0.62 %'", 0.62), ("０.６２％", 0.62),
                                                 ("0", 0.0), ("1", 1.0), ("1.5", 1.5), ("62", 62.0)])
def test_a_share_with_its_sign_or_outside_zero_to_one_is_taken_as_written(kinds, tmp_path, value, expected):
    got = _check(kinds, tmp_path, value)["ops.main.num"]
    assert got == expected
    assert isinstance(got, LowPercent) == (0 < expected < 1)


def test_a_percentage_whose_bands_part_values_below_one_takes_a_fraction_as_written():
    """Digital investment in percent of revenue: 0.6 % is a real figure, and the SME index's
    bands part 0.5 % from 1 %, so 0.6 is 0.6 % there; a growth rate (range below 0) too."""
    sme = maturity.load_questionnaire("sme")
    investment = sme.questions["management.talent_funding.investment"][2]
    growth = sme.questions["results.market.revenue_growth"][2]
    assert not investment.is_share() and not growth.is_share()
    assert normalise(investment, 0.6, 5) == 0.6 and type(normalise(investment, 0.6, 5)) is float
    assert normalise(growth, 0.4, 5) == 0.4
    general = maturity.load_questionnaire("general")
    assert general.questions[CNC][2].is_share()


@given(st.floats(min_value=0, max_value=100, allow_nan=False, exclude_min=True, exclude_max=True))
def test_every_share_goes_back_to_a_file_in_a_form_that_reads_the_same(x):
    """What answers_form writes (files, JSON, the TUI's saves) normalises to the same value."""
    question = maturity.load_questionnaire("general").questions[CNC][2]
    written = answers_form({CNC: normalise(question, f"{x!r}%", 5)})[CNC]
    again = normalise(question, yaml.safe_load(yaml.safe_dump(written)), 5)
    assert again == x and number_of(written) == x
    assert isinstance(written, str) == (x < 1)


@pytest.mark.parametrize("value", ["1.0", "'1.0'", "1.00", "１.０"])
def test_one_point_zero_for_a_share_is_refused_as_maybe_one_hundred_percent(kinds, tmp_path, value):
    """A spreadsheet keeps 100 % as 1.0: read as 1 % (the bottom band) with no word, a
    plant with every machine networked scored as one with none."""
    with pytest.raises(AnswersError) as info:
        _check(kinds, tmp_path, value)
    (issue,) = info.value.issues
    assert (issue.line, issue.field) == (4, "answers.ops.main.num")
    assert "write 100 for 100 %" in issue.message and 'or 1 (or "1%") if 1 % is meant' in issue.message
    assert _check(kinds, tmp_path, "'1.0%'")["ops.main.num"] == 1  # with its sign it is 1 %


@pytest.mark.parametrize(("value", "expected"), [("100.0", 100), ("1", 1), ("62.0", 62), ("62.5", 62.5)])
def test_a_whole_number_is_checked_into_an_int_so_every_writer_writes_it_without_a_point(
        kinds, tmp_path, value, expected):
    got = _check(kinds, tmp_path, value)["ops.main.num"]
    assert got == expected and type(got) is type(expected)


def test_a_merged_share_of_one_percent_reads_back(tmp_path, capsys):
    """merge wrote the median of 1 and 1 as 1.0, which reads back as maybe 100 %."""
    sample = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
    for name in "ab":
        (tmp_path / f"{name}.yaml").write_text(sample.replace(f"{CNC}: 74", f"{CNC}: 1"), "utf-8")
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", str(out)]) == 0
    assert f"{CNC}: 1\n" in out.read_text("utf-8")
    assert main(["validate", str(out)]) == 0


def test_a_fraction_in_a_csv_cell_is_refused_at_its_cell(tmp_path):
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(["questionnaire", "enterprise.name", CNC])
    w.writerow(["general@2", "Acme", "0.62"])
    table = tmp_path / "t.csv"
    table.write_text(text.getvalue(), "utf-8")
    with pytest.raises(AnswersError) as info:
        maturity.assess(maturity.load_questionnaire("general"), table)
    (issue,) = info.value.issues
    assert issue.field.endswith(CNC) and issue.file.endswith("t.csv:2")  # its row
    assert "write 62 for 62 %" in issue.message


def test_a_merged_median_below_one_percent_is_written_with_its_sign(tmp_path, capsys):
    """The median of 0 and 1 is 0.5: written bare, the merged file was refused by validate."""
    sample = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
    for name, value in (("a", "0"), ("b", "1")):
        (tmp_path / f"{name}.yaml").write_text(sample.replace(f"{CNC}: 74", f"{CNC}: {value}"), "utf-8")
    out = tmp_path / "merged.yaml"
    assert main(["merge", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", str(out)]) == 0
    assert yaml.safe_load(out.read_text("utf-8"))["answers"][CNC] == "0.5%"
    assert main(["validate", str(out)]) == 0
    report = maturity.diagnose(maturity.assess(maturity.load_questionnaire("general"), out))
    assert next(b.value for b in report.benchmarks if b.question == CNC) == 0.5


@pytest.mark.parametrize("lang, share_hint, as_written", [
    ("en", "below 1 % write the sign: 0.5%", "0.6 and 0.6% both mean 0.6 %"),
    ("zh", "不足 1% 的连同百分号填写", "填 0.6 或 0.6% 均表示 0.6%"),
])
def test_the_template_says_how_to_write_each_percent(capsys, lang, share_hint, as_written):
    """A share of a whole asks for the sign below 1 % (a bare 0.62 is refused as a
    fraction); any other percent, a share of revenue or a change against last year, takes
    0.6 as written and says so (round 158: an assessor unsure whether to write the sign)."""
    assert main(["template", "-q", "sme", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()

    def hint(qid: str) -> str:
        at = next(k for k, line in enumerate(lines) if line.strip().startswith(f"{qid}:"))
        return lines[at - 1]

    for share in ("foundation.equipment.digitisation_rate", "foundation.equipment.networking_rate"):
        assert share_hint in hint(share) and as_written not in hint(share)
    for other in ("management.talent_funding.investment", "results.green.energy_intensity"):
        assert as_written in hint(other) and share_hint not in hint(other)


def test_a_percent_that_takes_no_value_below_one_says_nothing_of_fractions():
    """A whole-number percent, or one whose range starts at 1 or more, would read an
    example of 0.6 against its own range (code review of the thirty-first session)."""
    from maturity.template import answers_template

    q = maturity.load_questionnaire("sme")
    qid = "management.talent_funding.investment"
    where, name = qid.rsplit(".", 1)

    def hint(question) -> str:
        changed = q.model_copy(deep=True)
        (ind,) = [i for d in changed.dimensions for i in d.indicators if f"{d.id}.{i.id}" == where]
        ind.questions[[x.id for x in ind.questions].index(name)] = question
        lines = answers_template(changed, ["en"]).splitlines()
        return lines[next(k for k, line in enumerate(lines) if line.strip().startswith(f"{qid}:")) - 1]

    original = q.questions[qid][2]
    assert "0.6 and 0.6% both mean" in hint(original)
    assert "0.6" not in hint(original.model_copy(update={"integer": True}))
    assert "0.6" not in hint(original.model_copy(update={"min": 1.0}))


def test_fraction_error_is_a_value_error_that_keeps_the_number():
    error = FractionError(0.25)
    assert isinstance(error, ValueError) and error.value == 0.25 and "write 25 for 25 %" in str(error)


@pytest.mark.parametrize("written", ["9" * 400, f"'{'9' * 400}'", "9" * 4400], ids=["400", "quoted", "4400"])
def test_a_number_beyond_any_float_is_refused_at_its_line_not_an_internal_error(kinds, tmp_path, written):
    with pytest.raises(maturity.MaturityError) as info:
        _check(kinds, tmp_path, written)
    (issue,) = info.value.issues
    assert issue.line == 4 and len(issue.message) < 120 and "OverflowError" not in issue.message
    assert ("…" in issue.message or "4,400 digits" in issue.message) and "inf" not in issue.message


def test_a_number_beyond_any_float_in_a_csv_cell_is_refused_as_written(tmp_path):
    """From a code review: a CSV cell of 400 nines was refused as "got inf" (the table's own
    number reading bypassed the one the YAML path uses)."""
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(["questionnaire", "enterprise.name", CNC, "factory.equipment.digital_rate"])
    w.writerow(["general@2", "Acme", "9" * 400, "0.5%"])
    table = tmp_path / "t.csv"
    table.write_text(text.getvalue(), "utf-8")
    with pytest.raises(AnswersError) as info:
        maturity.assess(maturity.load_questionnaire("general"), table)
    (issue,) = info.value.issues
    assert issue.field.endswith(CNC) and "inf" not in issue.message and "…" in issue.message
