"""Reports in batch: ``maturity report PATH… -o DIR/`` writes one report per enterprise and
an index; one bad input is listed with its error and never stops the others."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maturity.cli import main
from maturity.report.many import file_names

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples"


def test_an_input_named_index_keeps_its_report(tmp_path):
    """An input named index.yaml had its report replaced by the index page, which linked
    to itself, while the run said it wrote two reports."""
    (tmp_path / "a").mkdir()
    shutil.copy(EXAMPLES / "machinery-plant.yaml", tmp_path / "a" / "plant.yaml")
    shutil.copy(EXAMPLES / "textile-mill.yaml", tmp_path / "index.yaml")
    out = tmp_path / "out"
    assert main(["report", str(tmp_path / "a"), str(tmp_path / "index.yaml"), "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["index-2.html", "index.html", "plant.html"]
    assert 'href="index-2.html"' in (out / "index.html").read_text("utf-8")
    assert "恒泰" in (out / "index-2.html").read_text("utf-8")  # the textile mill's own report


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_reports_with_an_index_and_one_bad_input(tmp_path, capsys, jobs):
    bad = tmp_path / "in" / "broken.yaml"
    bad.parent.mkdir()
    bad.write_text("format: maturity-answers/1\nquestionnaire: general@2\nanswers:\n"
                   "  strategy.planning.roadmap: 9\n", "utf-8")
    out = tmp_path / "out"
    code = main(["report", str(EXAMPLES), str(bad), "-o", f"{out}/", "-j", jobs])
    assert code == 1  # broken.yaml, and the custom index's questionnaire file (not answers)
    written = sorted(p.name for p in out.iterdir())
    assert written == ["answers.html", "auto-supplier.html", "index.html", "machinery-plant.html",
                       "sme-workshop.html", "textile-mill.html"]
    index = (out / "index.html").read_text("utf-8")
    for name in [w for w in written if w != "index.html"]:
        assert f'href="{name}"' in index
    assert "L2 Standardised" in index and "broken.yaml:4" in index
    assert "5 reports, 2 inputs with errors" in index
    assert "<html" in (out / "machinery-plant.html").read_text("utf-8")
    assert "broken.yaml:4" in capsys.readouterr().err


def test_rows_of_a_table_get_their_own_reports_and_user_text_is_escaped(tmp_path):
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(["questionnaire", "enterprise.name", "strategy.planning.roadmap"])
    w.writerow(["general@2", "<script>alert(1)</script> Ltd", "2"])
    w.writerow(["general@2", "Second & Sons", "3"])
    table = tmp_path / "survey.csv"
    table.write_text(text.getvalue(), "utf-8")
    out = tmp_path / "r"
    assert main(["report", str(table), "-o", f"{out}/", "-f", "markdown"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "survey-row2.md", "survey-row3.md"]
    index = (out / "index.html").read_text("utf-8")
    assert "<script>" not in index and "&lt;script&gt;" in index and "Second &amp; Sons" in index
    # a broken row is listed with its located message, as `score` reports it; the rest are written
    table.write_text(text.getvalue() + 'general@2,"Unclosed,2\n', "utf-8")
    out = tmp_path / "r2"
    assert main(["report", str(table), "-o", f"{out}/", "-f", "markdown"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "survey-row2.md", "survey-row3.md"]
    assert "survey.csv:4: " in (out / "index.html").read_text("utf-8")


def test_file_names_are_distinct_and_safe():
    names = list(file_names(["a/plant.yaml", "b/plant.yaml", "b/PLANT.yml", "t.csv:4", "-",
                             "x/../../etc passwd.yaml"], ".html"))
    assert names == ["plant.html", "plant-2.html", "PLANT-3.html", "t-row4.html", "stdin.html",
                     "etc_passwd.html"]
    assert len({n.lower() for n in names}) == len(names)


def test_several_reports_need_a_folder_and_never_overwrite_an_input(tmp_path):
    assert main(["report", str(EXAMPLES / "machinery-plant.yaml"), str(EXAMPLES / "textile-mill.yaml")]) == 2
    assert main(["report", str(EXAMPLES), "-o", f"{tmp_path}/o/", "-f", "terminal"]) == 2
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "index.html").write_text("mine", "utf-8")
    (inputs / "a.yaml").write_text((EXAMPLES / "machinery-plant.yaml").read_text("utf-8"), "utf-8")
    assert main(["report", str(inputs / "a.yaml"), str(inputs / "index.html"), "-o", f"{inputs}/"]) == 2
    assert (inputs / "index.html").read_text("utf-8") == "mine"


def _table(path: Path, *rows: list[str]) -> Path:
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(["questionnaire", "enterprise.name", "strategy.planning.roadmap"])
    for row in rows:
        w.writerow(row)
    path.write_text(text.getvalue(), "utf-8")
    return path


def test_a_table_of_one_enterprise_is_one_report_in_the_file_named(tmp_path, capsys):
    """``report survey.csv -o acme.html`` made a folder ``acme.html`` holding the report
    and an index, as if the one row were many."""
    table = _table(tmp_path / "survey.csv", ["general@2", "Acme Valves", "2"])
    out = tmp_path / "acme.html"
    assert main(["report", str(table), "-o", str(out)]) == 0
    assert out.is_file()
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Acme Valves" in page
    assert main(["report", str(table), "-f", "json"]) == 0  # and to the terminal, like a file
    assert '"name": "Acme Valves"' in capsys.readouterr().out


def test_a_table_of_several_enterprises_is_never_written_to_one_file_name(tmp_path, capsys):
    table = _table(tmp_path / "survey.csv", ["general@2", "A", "2"], ["general@2", "B", "3"])
    assert main(["report", str(table), "-o", str(tmp_path / "all.html")]) == 2
    assert not (tmp_path / "all.html").exists()
    assert "names a file" in capsys.readouterr().err
    assert main(["report", str(table), "-o", f"{tmp_path / 'all'}/"]) == 0
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == [
        "index.html", "survey-row2.html", "survey-row3.html"]
    one_bad = _table(tmp_path / "bad.csv", ["general@2", "A", "2"], ["general@2", "B", "9"])
    assert main(["report", str(one_bad), "-o", f"{tmp_path / 'bad'}/"]) == 1  # "1 inputs with errors"
    assert "1 report, 1 input with errors" in (tmp_path / "bad" / "index.html").read_text("utf-8")


def test_a_one_row_table_loads_as_answers_with_errors_at_their_cells(tmp_path):
    import maturity

    good = maturity.load_answers(_table(tmp_path / "good.csv", ["general@2", "Acme", "2"]))
    assert good.enterprise.name == "Acme" and good.answers["strategy.planning.roadmap"] == 2
    with pytest.raises(maturity.AnswersError) as bad:
        maturity.load_answers(_table(tmp_path / "bad.csv", ["general@x", "Acme", "2"]))
    assert str(bad.value).startswith(f"{tmp_path / 'bad.csv'}:2:1: questionnaire: ")
    assert str(bad.value).endswith("(column A)")
    with pytest.raises(maturity.UsageError, match="holds 2 enterprises"):
        maturity.load_answers(_table(tmp_path / "two.csv", ["general@2", "A", "2"], ["general@2", "B", "1"]))
    with pytest.raises(maturity.AnswersError, match="a header but no rows"):
        maturity.load_answers(_table(tmp_path / "none.csv"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_a_file_stem_is_safe_short_and_stable_whatever_the_name(name):
    """One rule for every file named after an input or an enterprise (reports in batch and
    the TUI's exports had two, which disagreed on '.' and on runs of symbols)."""
    from maturity._io import file_stem

    stem = file_stem(name, "fallback")
    assert stem and len(stem) <= 60
    assert re.fullmatch(r"[\w.\-]+", stem)
    assert not stem.startswith((".", "_")) and not stem.endswith((".", "_"))
    assert "/" not in stem and "\\" not in stem and stem not in (".", "..")
    assert file_stem(stem, "fallback") == stem


@pytest.mark.parametrize("env", ["en", "zh"])
def test_one_row_is_written_in_one_language_whether_o_names_a_file_or_a_folder(tmp_path, monkeypatch, env):
    """The same CSV row without a language gave an English report with -o plant.html and a
    Chinese one with -o reports/, and the index was always English."""
    monkeypatch.setenv("MATURITY_LANG", env)
    table = _table(tmp_path / "t.csv", ["general@2", "Acme", "2"])
    assert main(["report", str(table), "-o", str(tmp_path / "one.html")]) == 0
    assert main(["report", str(table), "-o", f"{tmp_path / 'many'}/"]) == 0
    want = 'lang="zh-CN"' if env == "zh" else 'lang="en"'
    for page in (tmp_path / "one.html", tmp_path / "many" / "t-row2.html", tmp_path / "many" / "index.html"):
        assert want in page.read_text("utf-8")[:300], page


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_report_on_an_empty_folder_says_so_as_validate_and_score_do(tmp_path, capsys, fmt):
    """An adversarial tester's `report empty/ -f json` said "several reports need a folder:
    give -o DIR/" (exit 2) where validate and score say the folder holds no answers files."""
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty"), "-f", fmt]) == 1
    err = capsys.readouterr().err
    assert "no answers files" in err and "several reports" not in err


def test_reports_an_earlier_run_left_in_the_folder_are_kept_and_said(tmp_path, capsys):
    """A consultant reused an output folder for a smaller batch: the earlier reports stayed,
    unsaid, beside an index that listed the new ones only."""
    out = tmp_path / "out"
    assert main(["report", str(EXAMPLES / "machinery-plant.yaml"), str(EXAMPLES / "textile-mill.yaml"),
                 "-o", f"{out}/", "-f", "markdown"]) == 0
    capsys.readouterr()
    assert main(["report", str(EXAMPLES / "machinery-plant.yaml"), "-o", f"{out}/"]) == 0
    err = capsys.readouterr().err
    assert "also holds 2 report files this run did not write (machinery-plant.md, textile-mill.md)" in err
    assert (out / "textile-mill.md").exists()  # kept: they are the user's
