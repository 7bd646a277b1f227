"""Evaluate fast YAML parsers against PyYAML's CSafeLoader on the answers format.

For each parser that is installed (``pip install yaml-rs ryaml rapidyaml``; none of them is
a dependency of maturity): does it give the same Python objects as the safe loader on
every committed answers file, how fast is it (median of --runs passes over the files,
parsers alternated within each pass), and what does it do with the YAML 1.1-vs-1.2 and
safety cases that matter for answers files (``yes``/``NO``/``on``, ``1:10``, dates,
octal, tags, duplicate keys, aliases, two documents, deep nesting).

    python benchmarks/yaml_parsers.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from maturity import _lines  # noqa: E402
from maturity._yaml import fast_parse  # noqa: E402

CASES = {
    "yes": "a: yes", "NO": "a: NO", "on": "a: on", "1:10": "a: 1:10", "date": "a: 2026-05-12",
    "k+": "a: 3+", "octal": "a: 0o12", "1_000": "a: 1_000", "n/a": "a: n/a",
    "duplicate key": "a: 1\na: 2", "python tag": "a: !!python/object:os.system x",
    "alias": "x: &a [1, 2]\ny: *a", "two documents": "a: 1\n---\nb: 2",
    "deep": "a: " + "[" * 2000 + "]" * 2000,
}


def python_fast_parse(text: str):
    """``fast_parse`` as an install without a C compiler runs it: the Python line parser."""
    compiled, _lines._compiled = _lines._compiled, None
    try:
        return fast_parse(text)
    finally:
        _lines._compiled = compiled


def parsers() -> dict:
    out = {"CSafeLoader": lambda t: yaml.load(t, Loader=yaml.CSafeLoader),
           "maturity fast_parse (Python line parser)": python_fast_parse}
    if _lines._compiled is not None:
        out["maturity fast_parse (compiled line parser)"] = fast_parse
    try:
        import yaml_rs
        out["yaml-rs"] = yaml_rs.loads
    except ImportError:
        pass
    try:
        import ryaml
        out["ryaml"] = ryaml.loads
    except ImportError:
        pass
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    answers = ROOT / "docs" / "calibration" / "answers"
    texts = [p.read_text("utf-8") for p in sorted(answers.rglob("*.yaml"))]
    ps = parsers()
    safe = ps["CSafeLoader"]
    expected = [safe(t) for t in texts]
    print(f"files: {len(texts)}")
    for name, f in ps.items():
        same = sum(1 for t, e in zip(texts, expected, strict=True) if _try(f, t) == e)
        print(f"{name}: equal to the safe loader on {same} of {len(texts)}")
    times: dict[str, list[float]] = {n: [] for n in ps}
    for _ in range(args.runs):
        for name, f in ps.items():
            t0 = time.perf_counter()
            for t in texts:
                f(t)
            times[name].append(time.perf_counter() - t0)
    base = statistics.median(times["CSafeLoader"])
    for name, v in times.items():
        m = statistics.median(v)
        print(f"{name}: {1000 * m / len(texts):.2f} ms per file, {base / m:.2f}x the safe loader")
    for case, text in CASES.items():
        print(f"{case}: " + " | ".join(f"{n} {_show(f, text)}" for n, f in ps.items()))
    return 0


def _try(f, text):
    try:
        return f(text)
    except Exception as exc:  # a parser's error is a result here
        return type(exc).__name__


def _show(f, text) -> str:
    value = _try(f, text)
    return value if isinstance(value, str) and value[:1].isupper() and "Error" in value else repr(value)[:30]


if __name__ == "__main__":
    raise SystemExit(main())
