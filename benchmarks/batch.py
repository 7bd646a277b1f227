"""Batch scoring throughput and memory, measured against a bare-parse baseline.

Generates N realistic answers files for the general questionnaire (random but valid,
with a few invalid ones), then in the same run measures:

  (a) the bare parse rate of those files with PyYAML's C safe loader and nothing else,
  (b) `maturity score` with --jobs 1, and (c) with --jobs = cores,
  (d) peak memory of `maturity score` at N and 10·N files (each in a fresh process).

Timings on shared machines are noisy, so (a) and (b) are measured alternately, best of
--repeat rounds, and reported as a ratio. Usage:

    python benchmarks/batch.py [--n 2000] [--repeat 3] [--big 100000]

--big M additionally scores M files with --jobs = cores and reports the wall time.
Prints one `name: value` line per figure; the last line is `ratio_single_vs_bare_parse: X`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import maturity
from maturity.cli import main as cli

SIZES = ("micro", "small", "medium", "large")
REGIONS = ("Jiangsu", "Zhejiang", "Guangdong", "Shandong", "Chongqing", "Hubei", "Sichuan")


def realistic(q: maturity.Questionnaire, rnd: random.Random, n: int) -> dict:
    """An enterprise with a maturity around a random centre; ~92 % of questions answered."""
    centre = rnd.uniform(0.3, 4.6)
    n_levels = len(q.levels)
    answers: dict = {}
    for qid, (_, _, question) in q.questions.items():
        if rnd.random() < 0.08:
            continue
        k = max(0, min(n_levels, round(rnd.gauss(centre, 0.9))))
        if question.allow_na and rnd.random() < 0.04:
            answers[qid] = "n/a"
        elif question.kind == "level":
            answers[qid] = min(k, max(question.anchors))
        elif question.kind == "yesno":
            answers[qid] = k >= question.level
        elif question.kind == "checklist":
            answers[qid] = {i.id: ("fully" if i.level <= k else rnd.choice(["partly", "not", "mostly"]))
                            for i in question.items}
        elif question.kind == "number":
            band = next((b for b in question.bands if b.level >= k), question.bands[-1])
            hi = band.max if band.max is not None else band.min + 10
            answers[qid] = round(rnd.uniform(band.min, hi), 1)
        else:
            take = max(0, min(len(question.options), round(len(question.options) * k / n_levels)))
            answers[qid] = [o.id for o in question.options[:take]]
    industry = rnd.choice([i.id for i in q.industries])
    return {
        "format": "maturity-answers/1", "questionnaire": q.ref, "language": rnd.choice(["zh", "en"]),
        "enterprise": {"name": f"示例制造企业 {n:06d} 有限公司", "industry": industry,
                       "size": rnd.choice(SIZES), "region": rnd.choice(REGIONS)},
        "assessed_on": dt.date(2026, 1, 1) + dt.timedelta(days=rnd.randrange(300)),
        "assessor": rnd.choice(["Wang Li", "张伟", "Chen Jing"]),
        "answers": answers,
        "notes": {qid: "现场查看了相关系统和记录。"
                  for qid in rnd.sample(sorted(answers), min(5, len(answers)))},
    }


def generate(directory: Path, n: int, seed: int = 7) -> list[Path]:
    q = maturity.load_questionnaire("general")
    rnd = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        doc = realistic(q, rnd, k)
        text = f"# self-assessment of enterprise {k}, collected by the promotion centre\n" + \
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
        roll = rnd.random()
        if roll < 0.01:
            text = text.replace("answers:\n", "answers:\n  strategy.planning.roadmap: 9\n  x", 1)
        elif roll < 0.02:
            text = text.replace("answers:", "answers: [", 1)  # a syntax error
        path = directory / f"{k // 1000:03d}" / f"enterprise-{k:06d}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def bare_parse(paths: list[Path]) -> float:
    start = time.perf_counter()
    for p in paths:
        with open(p, "rb") as fh, contextlib.suppress(yaml.YAMLError):  # invalid ones cost a parse too
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def score_cli(directory: Path, jobs: int) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()):
        cli(["score", str(directory), "-f", "jsonl", "--jobs", str(jobs), "--quiet"])
    elapsed = time.perf_counter() - start
    assert out.getvalue().count("\n") > 0
    return elapsed


PEAK = """
import resource, sys, io, contextlib
from maturity.cli import main
with open("/dev/null", "w") as sink, contextlib.redirect_stdout(sink), \\
        contextlib.redirect_stderr(io.StringIO()):
    main(["score", sys.argv[1], "-f", "jsonl", "--jobs", "1", "--quiet"])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kib(directory: Path) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, str(directory)], capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip().splitlines()[-1])


def replicate(src: Path, dst: Path, times: int) -> None:
    """dst holds `times` copies of src's files (hard links where possible: cheap)."""
    for t in range(times):
        for f in src.rglob("*.yaml"):
            target = dst / f"copy{t:02d}" / f.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(f, target)
            except OSError:
                shutil.copyfile(f, target)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big", type=int, default=0, help="also time scoring this many files")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="maturity-bench-"))
    try:
        small = root / "n"
        paths = generate(small, args.n)
        print(f"files: {args.n}")
        print(f"cores: {cores}")
        bare = single = multi = float("inf")
        for _ in range(args.repeat):  # alternate, best of: noise hits both alike
            bare = min(bare, bare_parse(paths))
            single = min(single, score_cli(small, 1))
            multi = min(multi, score_cli(small, cores))
        print(f"bare_parse_files_per_s: {args.n / bare:.0f}")
        print(f"score_jobs1_files_per_s: {args.n / single:.0f}")
        print(f"score_jobs{cores}_files_per_s: {args.n / multi:.0f}")
        print(f"speedup_jobs{cores}_vs_jobs1: {single / multi:.2f}")
        big = root / "10n"
        replicate(small, big, 10)
        mem_n, mem_10n = peak_kib(small), peak_kib(big)
        print(f"peak_rss_kib_n: {mem_n}")
        print(f"peak_rss_kib_10n: {mem_10n}")
        print(f"peak_rss_ratio_10n_vs_n: {mem_10n / mem_n:.2f}")
        if args.big:
            huge = root / "big"
            replicate(small, huge, max(1, args.big // args.n))
            count = sum(1 for _ in huge.rglob("*.yaml"))
            elapsed = score_cli(huge, cores)
            print(f"big_files: {count}")
            print(f"big_seconds_jobs{cores}: {elapsed:.1f}")
        print(f"ratio_single_vs_bare_parse: {bare / single:.2f}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
