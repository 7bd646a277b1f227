"""One verdict whatever the output format (issue #10): a file that ``maturity validate``
rejects is rejected by ``score`` in every format and by ``report``; a file it accepts
is scored by all of them.  The corpus is the sample answers file with one defect each,
one per kind of defect that tests/test_bad_input.py checks the message of, plus files
that only look odd but are valid.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from maturity.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = (ROOT / "docs" / "examples" / "machinery-plant.yaml").read_text("utf-8")
ROADMAP = "strategy.planning.roadmap: 4"
ASSESSOR = "assessor: Liu Yang"

BAD = {
    # the four the issue found accepted by the fast path
    "two_documents": SAMPLE + "\n---\nformat: maturity-answers/1\n",
    "assessor_mapping": SAMPLE.replace("assessor: Liu Yang", "assessor: {a: 1}"),
    "unknown_language": SAMPLE.replace("language: en", "language: klingon"),
    "notes_list": SAMPLE + "\nnotes: [a, b]\n",
    # shape and syntax
    "not_a_mapping": "- just\n- a list\n",
    "empty": "",
    "syntax_error": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: [4"),
    "duplicate_key": SAMPLE.replace(ROADMAP, ROADMAP + "\n  " + ROADMAP),
    "tab_indent": SAMPLE.replace("  " + ROADMAP, "\t" + ROADMAP),
    "python_tag": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: !!python/object:os.system 4"),
    "alias_bomb": "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n" + SAMPLE,
    # header
    "wrong_format": SAMPLE.replace("format: maturity-answers/1", "format: maturity-answers/9"),
    "unknown_questionnaire": SAMPLE.replace("questionnaire: general@2", "questionnaire: nosuch@1"),
    "unknown_top_field": SAMPLE + "\nextra_field: 1\n",
    "bad_date": SAMPLE.replace("assessed_on: 2026-05-12", "assessed_on: 2026-13-45"),
    "unknown_industry": SAMPLE.replace("industry: machinery", "industry: spaceships"),
    "unknown_size": SAMPLE.replace("size: medium", "size: gigantic"),
    "enterprise_list": SAMPLE.replace("  name: Jining", "  - name: Jining"),
    # answers
    "unknown_question": SAMPLE.replace(ROADMAP, ROADMAP + "\n  strategy.planning.nosuch: 2"),
    "level_out_of_range": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: 9"),
    "level_negative": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: -1"),
    "level_text": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: high"),
    "level_fraction": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: 2.5"),
    "level_plus_at_top": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: 5+"),
    "percent_over_100": SAMPLE.replace("factory.equipment.cnc_rate: 74", "factory.equipment.cnc_rate: 140"),
    "share_as_fraction": SAMPLE.replace("cnc_rate: 74", "cnc_rate: 0.74"),
    "na_not_allowed": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: n/a"),
    "share_written_one_point_zero": SAMPLE.replace("cnc_rate: 74", "cnc_rate: 1.0"),
    # 400 nines: every command ended in "internal error: OverflowError", a batch stopped at it
    "number_beyond_any_float": SAMPLE.replace("cnc_rate: 74", "cnc_rate: " + "9" * 400),
    "number_beyond_any_float_quoted": SAMPLE.replace("cnc_rate: 74", f"cnc_rate: '{'9' * 400}'"),
    # 4,400 digits: more than Python turns into an int, said without a line before
    "number_beyond_any_int": SAMPLE.replace("cnc_rate: 74", "cnc_rate: " + "9" * 4400),
    # bytes read as text ("Liu Yang") where YAML that is not plain data is refused
    "assessor_binary": SAMPLE.replace(ASSESSOR, "assessor: !!binary TGl1IFlhbmc="),
    # targets (a user trying the CLI found report alone rejecting them, and without a line)
    "unknown_target": SAMPLE.replace(ASSESSOR, ASSESSOR + "\ntargets: {bogus.ind: L2}"),
    "target_level_too_high": SAMPLE.replace(ASSESSOR, ASSESSOR + "\ntargets: {operations: L9}"),
}
GOOD = {
    "sample": SAMPLE,
    "level_plus": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap: 3+"),
    "blank_answer": SAMPLE.replace(ROADMAP, "strategy.planning.roadmap:"),
    "comments_only_changed": "# a leading comment\n" + SAMPLE,
    "bom": "\ufeff" + SAMPLE,
    "share_below_one_percent": SAMPLE.replace("cnc_rate: 74", "cnc_rate: 0.74%"),
    "targets": SAMPLE.replace(ASSESSOR, ASSESSOR + "\ntargets: {operations: L3, factory.data: 4}"),
}

FORMATS = [("score", "table", "txt"), ("score", "json", "json"), ("score", "jsonl", "jsonl"),
           ("score", "csv", "csv"), ("score", "markdown", "md"), ("score", "html", "html"),
           ("report", "json", "json")]


def _codes(text: str, tmp: Path) -> dict[str, int]:
    path = tmp / "answers.yaml"
    path.write_bytes(text.encode("utf-8"))
    codes = {}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        codes["validate"] = main(["validate", str(path)])
        for command, fmt, suffix in FORMATS:
            out = tmp / f"{command}-{fmt}.{suffix}"
            args = [command, str(path), "-f", fmt, "-o", str(out)]
            codes[f"{command} {fmt}"] = main(args + (["--quiet"] if command == "score" else []))
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    return codes


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_rejected_file_is_rejected_in_every_format(name, tmp_path):
    codes = _codes(BAD[name], tmp_path)
    assert codes["validate"] != 0, f"{name}: validate accepts it"
    assert all(code != 0 for code in codes.values()), codes


@pytest.mark.parametrize("name", sorted(GOOD))
def test_an_accepted_file_is_scored_in_every_format(name, tmp_path):
    codes = _codes(GOOD[name], tmp_path)
    assert set(codes.values()) == {0}, codes
