"""Fuzzing the inputs (issue #11): whatever a file holds, the answer is a located
``MaturityError`` or a result, never a traceback, and every output format gives the
same verdict as ``maturity validate``.

The default size runs in CI; ``FUZZ_EXAMPLES=10000 pytest -m fuzz tests/test_fuzz.py``
runs the long variant.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import maturity
from maturity.batch import score_raw
from maturity.errors import MaturityError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "docs" / "examples" / "machinery-plant.yaml"
TEXT = SAMPLE.read_text("utf-8")
SHORT = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

BOUND = 20.0
"""Seconds any one input may take: a hang (a pipe read, a runaway parse) fails the test."""

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                    st.text(max_size=20), st.dates())
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=12)


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid answers file with one to three fields replaced by arbitrary data."""
    doc = yaml.safe_load(TEXT)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["top", "enterprise", "answers", "notes"]))
        if where == "top":
            key = draw(st.sampled_from([*doc, "extra"]))
            doc[key] = draw(values)
        elif where == "enterprise" and isinstance(doc.get("enterprise"), dict):
            field = draw(st.sampled_from([*doc["enterprise"], "name", "id", "size"]))
            doc["enterprise"][field] = draw(values)
        elif where == "answers" and isinstance(doc.get("answers"), dict) and doc["answers"]:
            doc["answers"][draw(st.sampled_from(sorted(doc["answers"])))] = draw(values)
        elif isinstance(doc.get("notes"), dict) or where == "notes":
            doc["notes"] = {draw(st.text(max_size=30)): draw(values)}
    return doc


def _one_verdict(doc: Any) -> None:
    fast = score_raw(doc, "fuzz", None)
    located = score_raw(doc, "fuzz", None, detail=True)  # the library's own path
    assert fast.ok == located.ok, (fast.errors, located.errors)
    if fast.ok:
        assert (fast.level, round(fast.score, 9)) == (located.level, round(located.score, 9))


@SHORT
@given(mutated_documents())
def test_the_fast_path_and_the_located_path_give_one_verdict(doc):
    _one_verdict(doc)


@st.composite
def mangled_texts(draw: st.DrawFn) -> str:
    """The sample's text truncated, with bytes flipped, lines doubled or nested deeply."""
    text = TEXT
    kind = draw(st.sampled_from(["truncate", "flip", "duplicate", "nest", "second-document", "huge"]))
    if kind == "truncate":
        text = text[:draw(st.integers(0, len(text)))]
    elif kind == "flip":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        text = data.decode("utf-8", errors="replace")
    elif kind == "duplicate":
        lines = text.splitlines(keepends=True)
        i = draw(st.integers(0, len(lines) - 1))
        text = "".join([*lines[:i + 1], lines[i], *lines[i + 1:]])
    elif kind == "nest":
        text = text + "\nextra: " + "[" * draw(st.integers(50, 3000)) + "]" * 1
    elif kind == "second-document":
        text = text + "\n---\n" + text
    else:
        text = text.replace("name: ", "name: " + "x" * draw(st.integers(10_000, 200_000)), 1)
    return text


def _verdicts(text: str, tmp: Path) -> tuple[bool, bool]:
    path = tmp / "fuzz.yaml"
    path.write_text(text, "utf-8")
    try:
        answers = maturity.load_answers(path)
        maturity.assess(maturity.questionnaire_for(answers), answers)
        library = True
    except MaturityError:
        library = False
    raw_ok = True
    try:
        from maturity import _yaml

        raw = _yaml.fast_parse(text, str(path))
    except MaturityError:
        raw_ok = False
    batch = raw_ok and score_raw(raw, str(path), text).ok
    return library, batch


@SHORT
@given(mangled_texts())
def test_a_mangled_file_gives_a_located_error_or_a_result_the_same_in_every_path(tmp_path_factory, text):
    library, batch = _verdicts(text, tmp_path_factory.mktemp("fuzz"))
    assert library == batch


QTEXT = (ROOT / "tests" / "data" / "five_kinds.yaml").read_text("utf-8")


@st.composite
def mangled_questionnaires(draw: st.DrawFn) -> str:
    lines = QTEXT.splitlines(keepends=True)
    kind = draw(st.sampled_from(["truncate", "flip", "drop-line", "indent"]))
    if kind == "truncate":
        return QTEXT[:draw(st.integers(0, len(QTEXT)))]
    if kind == "flip":
        data = bytearray(QTEXT.encode("utf-8"))
        for _ in range(draw(st.integers(1, 6))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(32, 126))
        return data.decode("utf-8", errors="replace")
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "drop-line":
        return "".join(lines[:i] + lines[i + 1:])
    return "".join([*lines[:i], "  " + lines[i], *lines[i + 1:]])


def _questionnaire_check(text: str, tmp: Path) -> None:
    from maturity.loading import check_questionnaire_file

    path = tmp / "five_kinds.yaml"
    path.write_text(text, "utf-8")
    started = time.perf_counter()
    try:
        q, issues = check_questionnaire_file(path)
    except MaturityError as exc:  # anything else escaping fails the test
        q, issues = None, list(exc.issues)
    if q is None:
        assert issues and all(i.file for i in issues), "an invalid index says where, in a file"
    assert time.perf_counter() - started < BOUND


def _cli_check(text: str, tmp: Path) -> None:
    from maturity.cli import main

    path = tmp / "a.yaml"
    path.write_text(text, "utf-8")
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        codes = {"validate": main(["validate", str(path)])}
        for fmt in ("table", "json", "csv"):
            codes[fmt] = main(["score", str(path), "-f", fmt, "-o", str(tmp / f"o.{fmt}"), "--quiet"])
    assert len(set(codes.values())) == 1 and codes["validate"] in (0, 1), codes
    assert "internal error" not in err.getvalue() and "Traceback" not in err.getvalue()
    assert time.perf_counter() - started < BOUND


@SHORT
@given(mangled_questionnaires())
def test_a_mangled_questionnaire_is_a_located_error_or_a_valid_index(tmp_path_factory, text):
    _questionnaire_check(text, tmp_path_factory.mktemp("q"))


@SHORT
@given(mangled_texts())
def test_every_cli_format_gives_the_verdict_of_validate(tmp_path_factory, text):
    _cli_check(text, tmp_path_factory.mktemp("cli"))


@pytest.mark.fuzz
@LONG
@given(st.one_of(mutated_documents().map(lambda d: ("doc", d)), mangled_texts().map(lambda t: ("text", t)),
                 mangled_questionnaires().map(lambda t: ("index", t)),
                 mangled_texts().map(lambda t: ("cli", t))))
def test_long_fuzzing_run(tmp_path_factory, case):
    kind, value = case
    tmp = tmp_path_factory.mktemp("fuzz")
    if kind == "doc":
        _one_verdict(value)
    elif kind == "index":
        _questionnaire_check(value, tmp)
    elif kind == "cli":
        _cli_check(value, tmp)
    else:
        library, batch = _verdicts(value, tmp)
        assert library == batch
