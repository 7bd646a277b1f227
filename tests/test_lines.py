"""The line parser of plain answers files (``maturity._lines``): whatever it returns, the
located safe loader returns too; whatever that loader refuses, it leaves to that loader.
Checked on every committed YAML answers file, on documents ``yaml.safe_dump`` writes, and
on random edits of real answers files."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from maturity import _lines, _yaml
from maturity._lines import UNSURE, parse_lines
from maturity.errors import MaturityError

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = sorted(p for d in ("docs/calibration/answers", "docs/examples", "tests/data")
                 for p in (ROOT / d).rglob("*.yaml") if "questionnaire" not in p.name)


def lines(text: str):
    """What scoring uses: the compiled parser where it was built, the Python one after it."""
    return parse_lines(text, _yaml._plain)


def parsers(text: str) -> dict[str, object]:
    """Each parser's reading of ``text``: the compiled one alone (``None``: unsure), the
    Python one alone, and the two in turn as scoring uses them."""
    out = {"python": parse_lines(text, _yaml._plain, compiled=False), "chain": lines(text)}
    if _lines._compiled is not None:
        try:
            got = _lines._compiled(text, _yaml._plain, {})
        except Exception:  # what the resolver cannot make: unsure, as parse_lines says
            got = None
        out["compiled"] = UNSURE if got is None else got
    return out


def reference(text: str):
    """The located loader's document, or ``MaturityError`` if it refuses the text."""
    try:
        return _yaml.parse_yaml(text, "<t>")
    except MaturityError as exc:
        return exc


def agrees(text: str) -> bool:
    """The property: each parser is unsure, or it gives exactly the loader's document."""
    ref = None
    for name, got in parsers(text).items():
        if got is UNSURE:
            continue
        if ref is None:
            ref = reference(text)
        assert not isinstance(ref, Exception), (name, text, ref)
        assert got == ref and _types(got) == _types(ref), (name, text)
    return True


def _types(x):
    if isinstance(x, dict):
        return {k: _types(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_types(v) for v in x]
    return type(x).__name__


def test_every_committed_answers_file_reads_the_same():
    taken: dict[str, int] = {}
    for path in ANSWERS:
        text = path.read_text(encoding="utf-8")
        assert agrees(text)
        for name, got in parsers(text).items():
            taken[name] = taken.get(name, 0) + (got is not UNSURE)
    # the subset is what answers files are made of: nearly all of them take the fast road,
    # the compiled parser's as well as the Python one's
    assert all(n >= 0.9 * len(ANSWERS) for n in taken.values()), (taken, len(ANSWERS))


def compiled_parser_expected() -> bool:
    """Whether the install must have built the compiled parser: ``hatch_build.py`` finds
    a compiler for this Python and ``MATURITY_PURE`` is not set."""
    if os.environ.get("MATURITY_PURE"):
        return False
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook.link_command() is not None


def test_the_compiled_parser_is_built_and_current():
    """Where Python's C compiler is found, the install builds the compiled parser, and from
    the source as it is now: an edited ``_speedups.c`` needs ``pip install -e .`` again."""
    if not compiled_parser_expected():
        pytest.skip("MATURITY_PURE is set, or no C compiler: the Python parser alone")
    assert _lines._compiled is not None, "pip install -e . builds maturity/_speedups.c (hatch_build.py)"
    from maturity import _speedups

    source = (ROOT / "maturity" / "_speedups.c").read_bytes()
    assert hashlib.sha256(source).hexdigest() == _speedups.SOURCE_SHA, \
        "maturity/_speedups.c changed since it was built: run pip install -e . again"


@pytest.mark.parametrize(("text", "expected"), [
    ("a: yes\nb: NO\nc: on\nd: ~\ne:\n", {"a": True, "b": False, "c": True, "d": None, "e": None}),
    ("a: 1:10\nb: 0o12\nc: 012\nd: 1_000\ne: .5\nf: -3\ng: 0x1f\nh: 0\ni: 0.25\n",
     {"a": "1:10", "b": "0o12", "c": "012", "d": "1_000", "e": 0.5, "f": -3, "g": "0x1f", "h": 0, "i": 0.25}),
    ("d: 2026-05-12\n", {"d": dt.date(2026, 5, 12)}),
    ("a: 'it''s # not a comment'  # a comment\n", {"a": "it's # not a comment"}),
    ('a: "x: y"\nb: C# and F#\n', {"a": "x: y", "b": "C# and F#"}),
    ("a:\n- x\n- 2\nb:\n  - [p, q]\nc: []\nd: {}\n", {"a": ["x", 2], "b": [["p", "q"]], "c": [], "d": {}}),
    ("# head\na:\n  # inside\n  b: 1   # trailing\n\n  c:\n    d: 方案\n",
     {"a": {"b": 1, "c": {"d": "方案"}}}),
])
def test_the_subset_reads_as_the_safe_loader_does(text, expected):
    assert reference(text) == expected
    for name, got in parsers(text).items():
        assert got == expected, name


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                      # duplicate key: the located loader says where
    "a: 1\n---\nb: 2\n",                 # two documents
    "a:\n\tb: 1\n",                      # a tab
    "a: first line\n  second line\n",    # a multi-line plain scalar
    'a: "esc\\n"\n',                     # an escape
    "a: &x 1\nb: *x\n",                  # anchors
    "a: !!python/object:os.system x\n",  # a tag
    "a: {b: 1}\n",                       # a flow mapping
    "a: [b, c\n",                        # an unclosed flow
    "a: |\n  text\n",                    # a block scalar
    "a: b: c\n",                         # a mapping where a scalar belongs
    "  a: 1\n",                          # an indented top level
    "- a\n",                             # a list at the top
    "a: 1\r\nb: 2\r\n",                  # CR line ends
    "a:\n  b: 1\n c: 2\n",               # a bad indent
    "a: 2026-13-45\n",                   # a date that is no date
    "<<: {a: 1}\n",                      # a merge key
    "",                                  # nothing
])
def test_outside_the_subset_it_is_unsure(text):
    for name, got in parsers(text).items():
        assert got is UNSURE, name


_KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,6}(\.[a-z][a-z0-9_]{0,6}){0,2}", fullmatch=True)
_SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**6)
            | st.floats(allow_nan=False, allow_infinity=False, width=32)
            | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))
            | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
            | st.sampled_from(["yes", "No", "n/a", "1:10", "0+", "3+", "# x", "a #b", "'q'", '"q"', "-",
                               "- a", "~", "null", "=", "<<", ".inf", "-.5", "0x1F", "1e3", "[x]", "{}",
                               "a: b", "方案：完成", "fully", "partly"]))
_DOCS = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(_KEYS, inner, max_size=5), max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=st.dictionaries(_KEYS, _DOCS, min_size=1, max_size=6), flow=st.sampled_from([False, None]),
       unicode=st.booleans(), indent=st.integers(2, 4), width=st.sampled_from([40, 80, 10_000]))
def test_documents_safe_dump_writes_read_the_same(doc, flow, unicode, indent, width):
    text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=unicode, indent=indent,
                          width=width, sort_keys=False)
    assert agrees(text)


_PIECES = [*"ab1-: #'\"[]{},?|>&*!%@`\n\t.", "  ", "\n  ", "\n- ", ": ", " #", "é", "方", "\u2028", "\x7f",
           "\ufeff", "yes", "2026-01-02", "~"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_reads_as_the_loader_does_or_is_left_to_it(pieces):
    """Text made of the characters the subset looks at, in any order: no parser gives a
    document the loader does not give (nor crashes)."""
    assert agrees("".join(pieces))


_EDITS = [*" :#-'\"[]{},\n\t!&*|>%@?~.0123456789yn", ": ", " #", "\n  ", "\n- ", "- ", "  "]


_EDIT_LISTS = st.lists(
    st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "dup_line", "indent"]),
              st.sampled_from(_EDITS)), min_size=1, max_size=3)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 10**6), edits=_EDIT_LISTS)
def test_random_edits_of_real_files_never_read_differently(which, edits):
    assert agrees(_edited(which, edits))


def _edited(which: int, edits: list[tuple[float, str, str]]) -> str:
    """A real answers file with the edits made."""
    real = [p for p in ANSWERS if p.stat().st_size < 20_000]
    assume(real)
    text = real[which % len(real)].read_text(encoding="utf-8")
    for where, kind, piece in edits:
        k = int(where * len(text))
        if kind == "insert":
            text = text[:k] + piece + text[k:]
        elif kind == "delete":
            text = text[:k] + text[k + len(piece):]
        else:
            rows = text.split("\n")
            r = min(int(where * len(rows)), len(rows) - 1)
            rows.insert(r, rows[r]) if kind == "dup_line" else rows.__setitem__(r, " " + rows[r])
            text = "\n".join(rows)
    return text


@pytest.mark.fuzz
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(case=st.one_of(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
                      st.tuples(st.integers(0, 10**6), _EDIT_LISTS).map(lambda c: _edited(*c))))
def test_long_fuzzing_run_of_the_parsers(case):
    """The long run (``FUZZ_EXAMPLES=10000 pytest -m fuzz tests/test_lines.py``): random text
    and random edits of real files, through the compiled parser, the Python one and both."""
    assert agrees(case)


def test_every_kind_of_question_has_its_check():
    """``normalise`` looks each answer's check up by ``question.kind``: a kind added to the
    models without one would fail with a bare KeyError on the first answer."""
    import typing

    from maturity.model.questionnaire import QuestionT
    from maturity.normalise import _BY_KIND

    union = typing.get_args(QuestionT)[0] if typing.get_origin(QuestionT) is typing.Annotated else QuestionT
    kinds = {typing.get_args(cls.model_fields["kind"].annotation)[0] for cls in typing.get_args(union)}
    assert kinds == set(_BY_KIND)
