"""Batch scoring throughput and memory, whole-process, against a bare-parse baseline.

Generates N distinct realistic answers files for the general questionnaire (random but
valid, with about 2 % invalid ones), then measures, each as a separate process started
the way a user starts it:

  (a) baseline: a Python process that walks the same folder and parses every file with
      PyYAML's C safe loader, and does nothing else;
  (b) `python -m maturity score DIR -f jsonl -o /dev/null --jobs 1`;
  (c) the same with --jobs = cores;
  (d) peak RSS of (b) with --summary at N and at 10·N distinct files (fresh processes).

The package's bytecode is compiled first, as a wheel install compiles it (the baseline's
PyYAML comes compiled from site-packages). Runs alternate a, b, c, a, b, c … so that
machine noise hits each alike; the figures are medians over --repeat rounds (after one
warm-up round that fills the file cache and is discarded). These machines are shared:
compare the ratios, not the rates. Usage:

    python benchmarks/batch.py [--n 2000] [--repeat 5] [--at-10n] [--big 100000]

--at-10n also times (a)-(c) on the 10·N files generated for (d): at N = 2,000 a process's
start-up (about 0.2 s, the imports of pydantic and the models) is some 15 % of a --jobs 1
run and runs before the workers fork, so the ratios at N are start-up bound; at 10·N they
measure the throughput of a consultant's or a platform's batch. Both are printed, neither
replaces the other.
--big M also scores M distinct files with --jobs = cores (wall time, one run).
report_worst_s is in process: every answer at its worst, the top grade as the target, the
slowest of the general index and each overlay (median of five diagnoses each).
Prints one `name: value` line per figure.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import maturity
from maturity.diagnosis import diagnose

SIZES = ("micro", "small", "medium", "large")
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's safe dumper where PyYAML has it: generating 100,000 files with the pure-Python
one took some 45 minutes."""
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
            value = round(rnd.uniform(band.min, hi), 1)
            # a share of 1 % or below is written with its sign: a bare 0.4 or 1.0 is refused
            # as a likely fraction (NumberQuestion.is_share), which would make these files
            # invalid; a whole number is written as one (``88``, as a person writes it)
            value = int(value) if value.is_integer() else value
            answers[qid] = f"{value:g}%" if 0 < value <= 1 and question.is_share() else value
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
            yaml.dump(doc, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
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


BARE = """
import os, sys, yaml
n = 0
for root, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if name.endswith(".yaml"):
            with open(os.path.join(root, name), "rb") as fh:
                try:
                    yaml.load(fh.read(), Loader=yaml.CSafeLoader)
                except yaml.YAMLError:
                    pass  # an invalid file costs a parse too
            n += 1
print(n)
"""

# The peak is read from /proc/self/status (VmHWM, this process's own memory map), not
# from getrusage: Linux carries ru_maxrss over execve from the forked copy of the parent,
# so a child started by a large benchmark process reported the parent's size as its own
# (both N and 10·N read 76.6 MiB, the benchmark's own RSS, in one run).
PEAK = """
import contextlib, io, os, sys
from maturity.cli import main
with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), \\
        contextlib.redirect_stderr(io.StringIO()):
    main(["score", sys.argv[1], "-f", "jsonl", "--jobs", "1", "--quiet", "--summary"])
with open("/proc/self/status") as fh:
    print(next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")))
"""


INDICES = ("general", "automotive", "building_materials", "electronics", "light_industry", "machinery",
           "nonferrous", "petrochemical", "steel", "textiles", "sme")


def worst_case_s(name: str, runs: int = 5) -> float:
    """In process, the median time to diagnose every answer at its worst with the top grade
    as the target (the longest path search) in one index."""
    q = maturity.load_questionnaire(name)
    zero = {qid: (0 if x.kind == "level" else False if x.kind == "yesno" else
                  {i.id: "not" for i in x.items} if x.kind == "checklist" else
                  [] if x.kind == "multi" else x.choices[0].id if x.kind == "choice" else
                  (x.min if x.better == "higher" else x.max))
            for qid, (_, _, x) in q.questions.items()}
    a = maturity.assess(q, {"format": "maturity-answers/1", "questionnaire": q.ref,
                            "enterprise": {"name": "Zero"}, "answers": zero})
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        diagnose(a, q, target=len(q.levels))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(argv: list[str]) -> float:
    """Wall time of a whole process, from start to exit."""
    start = time.perf_counter()
    subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bare(directory: Path) -> list[str]:
    return [sys.executable, "-c", BARE, str(directory)]


def score(directory: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "maturity", "score", str(directory), "-f", "jsonl",
            "-o", os.devnull, "--jobs", str(jobs), "--quiet"]


def peak_kib(directory: Path) -> int:
    out = subprocess.run([sys.executable, "-c", PEAK, str(directory)], capture_output=True,
                         text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1])


def byte_compiled() -> None:
    """Write the bytecode of the maturity that the timed processes import, as installing a
    wheel compiles it (PyYAML's and pydantic's, in site-packages, are).  Under
    PYTHONDONTWRITEBYTECODE=1 an editable checkout or a baseline worktree would otherwise
    compile every module again in every process it starts (about 55 ms of a `maturity
    report` here), and a comparison in which one side is compiled and the other is not
    flatters the compiled side.  The package is the one a child process resolves (with this
    process's environment and working directory), which under an editable install need not
    be the one this script imported."""
    probe = "import maturity, os; print(os.path.dirname(maturity.__file__))"
    where = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout.strip()
    for folder in dict.fromkeys((where, str(Path(maturity.__file__).parent))):
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--big", type=int, default=0, help="also time scoring this many distinct files")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    ap.add_argument("--memory-only", action="store_true", help="only the --summary peak RSS (d)")
    ap.add_argument("--at-10n", action="store_true",
                    help="also time (a)-(c) on the 10·N distinct files of (d), where start-up weighs less")
    args = ap.parse_args()
    if args.at_10n and args.memory_only:
        ap.error("--at-10n times (a)-(c), which --memory-only leaves out")
    cores = os.cpu_count() or 1
    byte_compiled()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="maturity-bench-"))
    try:
        small = root / "n"
        generate(small, args.n)
        print(f"files: {args.n}")
        print(f"cores: {cores}")
        if not args.memory_only:
            timings(small, args.n, args.repeat, cores)
            print(f"report_worst_s: {max(worst_case_s(name) for name in INDICES):.2f}")
        big10 = root / "10n"
        generate(big10, 10 * args.n, seed=11)  # distinct files, not copies
        if args.at_10n and not args.memory_only:
            print(f"files_10n: {10 * args.n}")
            timings(big10, 10 * args.n, args.repeat, cores, suffix="_at_10n")
        mem_n, mem_10n = peak_kib(small), peak_kib(big10)
        print(f"peak_mib_at_n: {mem_n / 1024:.1f}")
        print(f"summary_peak_mib_at_10n: {mem_10n / 1024:.1f}")
        print(f"summary_peak_ratio_10n_vs_n: {mem_10n / mem_n:.2f}")
        print(f"peak_rss_per_extra_file_kib: {(mem_10n - mem_n) / (9 * args.n):.2f}")
        if args.big:
            huge = root / "big"
            generate(huge, args.big, seed=13)
            elapsed = timed(score(huge, cores))
            print(f"big_files: {args.big}")
            print(f"big_seconds_jobs{cores}: {elapsed:.1f}")
            print(f"big_estimate_527000_minutes: {elapsed / args.big * 527_000 / 60:.1f}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def timings(small: Path, n: int, repeat: int, cores: int, suffix: str = "") -> None:
    """(a), (b) and (c), alternated, medians of ``repeat`` rounds after a warm-up; each
    figure's name ends in ``suffix``."""
    runs: dict[str, list[float]] = {"bare": [], "jobs1": [], "jobsN": []}
    argv = {"bare": bare(small), "jobs1": score(small, 1), "jobsN": score(small, cores)}
    for round_ in range(repeat + 1):
        for key, command in argv.items():
            elapsed = timed(command)
            if round_:  # round 0 warms the file cache and is discarded
                runs[key].append(elapsed)
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"files_per_s_bare_parse{suffix}: {n / med['bare']:.0f}")
    print(f"files_per_s_jobs1{suffix}: {n / med['jobs1']:.0f}")
    print(f"files_per_s_jobs{cores}{suffix}: {n / med['jobsN']:.0f}")
    print(f"ratio_single_vs_bare_parse{suffix}: {med['bare'] / med['jobs1']:.2f}")
    print(f"ratio_jobs{cores}_vs_bare_parse{suffix}: {med['bare'] / med['jobsN']:.2f}")
    print(f"ratio_jobs{cores}_vs_jobs1{suffix}: {med['jobs1'] / med['jobsN']:.2f}")
    spread = {k: (max(v) - min(v)) / statistics.median(v) for k, v in runs.items()}
    print(f"spread_max_minus_min_over_median{suffix}: "
          + " ".join(f"{k}={v:.0%}" for k, v in spread.items()))


if __name__ == "__main__":
    main()
