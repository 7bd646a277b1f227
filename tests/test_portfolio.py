"""The portfolio summary: exact at the output's precision, in memory that does not grow
with the number of enterprises, and streamed out as the JSON it stands for."""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import statistics

from hypothesis import given
from hypothesis import strategies as st

from maturity.portfolio import SCALE, Histogram, quartiles
from maturity.report.rows import write_summary

scores = st.lists(st.integers(0, 5 * SCALE).map(lambda k: k / SCALE), min_size=1, max_size=200)


@given(scores)
def test_quartiles_equal_the_inclusive_method_at_four_decimals(values):
    expected = (values[0],) * 3 if len(values) == 1 else \
        statistics.quantiles(values, n=4, method="inclusive")
    assert all(abs(a - b) < 1e-9 for a, b in zip(quartiles(values), expected, strict=True))


@given(scores)
def test_stats_are_exact_except_for_the_binning(values):
    s = Histogram.of(values).stats()
    assert s["count"] == len(values) and s["min"] == min(values) and s["max"] == max(values)
    assert abs(s["mean"] - statistics.fmean(values)) < 1e-9


@given(scores)
def test_percentiles_are_mid_ranks(values):
    ranks = Histogram.of(values).ranks()
    for v in values:
        below = sum(1 for w in values if w < v)
        ties = sum(1 for w in values if w == v)
        assert abs(ranks[round(v * SCALE)] - 100 * (below + ties / 2) / len(values)) < 1e-9


entries = st.lists(st.fixed_dictionaries({
    "enterprise": st.text(max_size=8), "score": st.floats(0, 5), "percentile": st.floats(0, 100)}),
    max_size=5)


@given(entries, st.sampled_from([None, 1, 2]))
def test_the_streamed_summary_is_exactly_its_json(pcts, indent):
    summary = {"inputs": len(pcts), "grades": {"1": len(pcts)}, "score": None,
               "by_size": {}, "percentiles": pcts}
    out = io.StringIO()
    write_summary(out, {**summary, "percentiles": iter(pcts)}, indent)
    assert out.getvalue() == json.dumps(summary, ensure_ascii=False, indent=indent)


def test_the_scope_counts_every_scored_input_and_says_what_the_statistics_cover(capsys):
    """A consultant read "138 scored" for 198 scored inputs, 60 of them on the SME index."""
    from pathlib import Path

    from .test_cli import run

    after = Path(__file__).resolve().parents[1] / "docs" / "calibration" / "answers" / "after"
    files = [str(after / f) for f in ("p01-a.yaml", "p01-sme-a.yaml", "p02-a.yaml")]
    code, out, err = run(capsys, "score", *files, "--summary", "--quiet")
    assert code == 0, err
    assert "Portfolio: 3 scored, 0 failed, 3 inputs. Statistics cover the 2 on the general index" in out
    assert "not the 1 on other indices" in out
    # a program reads the same counts the text gives
    code, out, err = run(capsys, "score", *files, "--summary", "--quiet", "-f", "json")
    summary = json.loads(out)["summary"]
    counts = [summary[k] for k in ("inputs", "scored", "in_statistics", "other_index")]
    assert counts == [3, 3, 2, 1]


@functools.cache
def _sample_row():
    from pathlib import Path

    from maturity.batch import score_path

    row = score_path(str(Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"),
                     indicators=True)
    assert row.ok
    return row


def _row(name: str, eid: str | None = None):
    """A scored row of the machinery sample, as another enterprise (scored once)."""
    ent = (("name", name),) + ((("id", eid),) if eid else ())
    return dataclasses.replace(_sample_row(), enterprise=ent, source=f"{name}.yaml")


@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", " A ", "B"]), max_size=30),
       st.sampled_from([8, 64, 1 << 24]))
def test_enterprises_met_twice_are_counted_exactly_in_flat_memory(names, bits):
    """A consultant's folder held one plant's 2025 and 2026 assessments: the summary
    counted them as two plants and said nothing.  Repeats are found by id, else by name
    (case and spaces aside), exactly, however small the bit set that flags them."""
    import maturity.portfolio as pf

    old, pf.SEEN_BITS = pf.SEEN_BITS, bits
    try:
        p = pf.Portfolio()
        for n in names:
            p.add(_row(n))
        rep = p.result()["repeated"]
        pcts = list(p.percentiles())
        p.close()
    finally:
        pf.SEEN_BITS = old
    keys = [n.strip().casefold() for n in names]
    twice = {k for k in keys if keys.count(k) > 1}
    assert rep["enterprises"] == len(twice)
    assert rep["inputs"] == sum(keys.count(k) for k in twice)
    assert {e.strip().casefold() for e in rep["examples"]} <= twice
    assert len(rep["examples"]) == min(5, len(twice))
    assert len(pcts) == len(keys)  # every input is still counted


def test_an_id_decides_over_a_name():
    from maturity.portfolio import Portfolio

    p = Portfolio()
    for name, eid in [("Plant A", "91330000X"), ("Plant A (renamed)", "91330000X"), ("Plant A", "91440000Y")]:
        p.add(_row(name, eid))
    assert p.result()["repeated"] == {"enterprises": 1, "inputs": 2, "examples": ["Plant A"]}
    p.close()


def test_the_summary_says_when_one_enterprise_is_in_two_inputs(capsys, tmp_path):
    import shutil
    from pathlib import Path

    from .test_cli import run

    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    shutil.copy(sample, tmp_path / "2025.yaml")
    shutil.copy(sample, tmp_path / "2026.yaml")
    code, out, err = run(capsys, "score", str(tmp_path), "--summary")
    assert code == 0, err
    assert "Enterprises in more than one input: 1 (2 inputs" in out
    assert "Jining Huaxin" in err and "more than one input" in err
    code, out, err = run(capsys, "score", str(tmp_path / "2025.yaml"), "--summary", "-f", "json")
    assert json.loads(out)["summary"]["repeated"]["enterprises"] == 0 and "more than one" not in err


def test_the_most_common_blocking_counts_every_gap_tied_with_the_third(tmp_path):
    """A consultant found the portfolio's "most common blocking indicators" cut equal gaps
    by id: energy sorted before warehousing and was counted at 22 of 40 enterprises where
    the two tied.  Every gap tied with an enterprise's third largest counts."""
    from maturity.batch import score_path
    from maturity.engine import plan_for
    from maturity.loading import shared_questionnaire
    from maturity.model.answers import Enterprise
    from maturity.portfolio import Portfolio
    from maturity.shortfall import gaps

    path = tmp_path / "zero.yaml"  # one answer, at the bottom (a file with none is left out)
    path.write_text("format: maturity-answers/1\nquestionnaire: general@2\n"
                    "answers: {strategy.planning.roadmap: 0}\n", encoding="utf-8")
    row = score_path(str(path), indicators=True)
    assert row.ok
    q = shared_questionnaire("general@2")
    held = gaps(q, plan_for(q, None).run({"strategy.planning.roadmap": 0}, Enterprise()))
    third = held[2][0]
    tied = {g[1] for g in held if abs(g[0] - third) < 1e-9}
    assert len(tied) > 1 and not tied <= set(row.blocking[:3])  # the cut falls inside a tie
    assert set(row.largest) == {g[1] for g in held if g[0] >= third - 1e-9}
    portfolio = Portfolio()
    portfolio.add(row)
    assert set(portfolio.blocking) == set(row.largest)
    portfolio.close()


def test_an_input_that_answers_no_question_is_said_and_left_out_of_the_statistics(capsys, tmp_path):
    """A survey returned blank was graded "not yet 0.00" with exit 0 and no word, and pulled
    the portfolio's grade distribution, means and quartiles down (a consultant's batch)."""
    from pathlib import Path

    from .test_cli import run

    blank = tmp_path / "blank.yaml"
    blank.write_text("format: maturity-answers/1\nquestionnaire: general@2\nanswers: {}\n", "utf-8")
    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    code, out, err = run(capsys, "score", str(blank), str(sample), "--summary", "-f", "json")
    assert code == 0, err
    assert "blank.yaml: answers no question" in err
    summary = json.loads(out)["summary"]
    assert (summary["scored"], summary["in_statistics"], summary["blank"]) == (2, 1, 1)
    assert summary["grades"]["0"] == 0 and summary["score"]["count"] == 1
    code, out, err = run(capsys, "score", str(blank), str(sample), "--summary")
    assert "Inputs that answer no question, left out of the statistics: 1." in out


def test_a_summary_asked_of_csv_is_said_not_to_be_written(capsys):
    from pathlib import Path

    from .test_cli import run

    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    code, out, err = run(capsys, "score", str(sample), "--summary", "-f", "csv")
    assert code == 0 and out.startswith("source,ok,") and "Portfolio" not in out
    assert "--summary is not written in CSV" in err


def test_a_chinese_portfolio_summary_is_in_chinese_throughout(capsys):
    """A consultant's `--summary --lang zh` had Chinese names in an English frame
    ("Portfolio", "not yet", "dimension", "Most common blocking indicators")."""
    from pathlib import Path

    from .test_cli import run

    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    for fmt, words in (("markdown", ("## 组合汇总", "| 维度 | 均值 |", "**最常见的制约指标**", "| 按行业 |")),
                       ("html", ("<h2>组合汇总</h2>", "<th>维度</th>", "<b>最常推荐的场景</b>")),
                       ("table", ("组合: 已评分 1 个", "未达一级"))):
        code, out, err = run(capsys, "score", str(sample), "--summary", "--lang", "zh", "-f", fmt)
        assert code == 0, err
        for word in words:
            assert word in out, (fmt, word)
        assert "Portfolio" not in out and "Most common" not in out, fmt
