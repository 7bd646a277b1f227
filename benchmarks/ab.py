"""Batch scoring of this tree against an earlier commit, whole process, alternated.

Checks the earlier commit out into a temporary ``git worktree``, generates N distinct
answers files (``batch.generate``), and runs, round after round: the bare parse
(``yaml.load(CSafeLoader)`` over the same files), then ``maturity score --jobs J`` of the
old tree and of this one for each J.  Each tree runs as its own process with
``PYTHONPATH`` pointing at it, from a neutral working directory (the current directory
would shadow it).  One warm-up round is discarded; figures are medians, with the runs
printed so that a noisy round shows itself, and the median of each round's own old/new
ratio (``paired_…``), which a slow round moves least.  These machines are shared:
compare ratios.

    python benchmarks/ab.py --baseline ab00f92 [--n 2000] [--rounds 5] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from batch import BARE, generate

ROOT = Path(__file__).resolve().parent.parent


def timed(argv: list[str], env: dict[str, str] | None, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd,
                   check=False)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", required=True, help="the earlier commit")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--jobs", default="1,2")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="maturity-ab-"))
    old = tmp / "old"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.baseline],
                   check=True, capture_output=True)
    try:
        files = tmp / "files"
        generate(files, args.n)
        trees = {"old": old, "new": ROOT}
        # like for like: the old tree gets this tree's compiled line parser where its C source
        # is the same (a worktree has none: it ran the pure-Python parser, 1.44x "slower"), and
        # both trees are byte-compiled first (the new one had its __pycache__, the old none)
        source = old / "maturity" / "_speedups.c"
        same_c = source.exists() and source.read_bytes() == (ROOT / "maturity" / "_speedups.c").read_bytes()
        for so in (ROOT / "maturity").glob("_speedups*.so") if same_c else ():
            shutil.copy(so, old / "maturity" / so.name)
        print(f"old tree has the compiled parser: {bool(list((old / 'maturity').glob('_speedups*.so')))}; "
              f"new tree: {bool(list((ROOT / 'maturity').glob('_speedups*.so')))}")
        for tree in trees.values():
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "maturity")], check=False,
                           capture_output=True, env={k: v for k, v in os.environ.items()
                                                     if k != "PYTHONDONTWRITEBYTECODE"})
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "bare": ([sys.executable, "-c", BARE, str(files)], None)}
        for jobs in args.jobs.split(","):
            for tag, tree in trees.items():
                env = {**os.environ, "PYTHONPATH": str(tree)}
                commands[f"{tag}_jobs{jobs}"] = ([sys.executable, "-m", "maturity", "score", str(files), "-f",
                                                  "jsonl", "-o", os.devnull, "--jobs", jobs, "--quiet"], env)
        runs: dict[str, list[float]] = {k: [] for k in commands}
        for round_ in range(args.rounds + 1):
            for key, (argv, env) in commands.items():
                elapsed = timed(argv, env, tmp)
                if round_:
                    runs[key].append(elapsed)
        med = {k: statistics.median(v) for k, v in runs.items()}
        print(f"files: {args.n}")
        for key, value in med.items():
            print(f"{key}_s: {value:.2f}  (runs {' '.join(f'{x:.2f}' for x in runs[key])})")
        for jobs in args.jobs.split(","):
            for tag in trees:
                print(f"{tag}_ratio_jobs{jobs}_vs_bare_parse: {med['bare'] / med[f'{tag}_jobs{jobs}']:.2f}")
            print(f"new_vs_old_jobs{jobs}: {med[f'old_jobs{jobs}'] / med[f'new_jobs{jobs}']:.2f}")
            # the two trees ran back to back in each round: the median of the rounds' own
            # ratios is less moved by a slow round than the ratio of the medians
            paired = [o / n for o, n in zip(runs[f"old_jobs{jobs}"], runs[f"new_jobs{jobs}"], strict=True)]
            print(f"paired_new_vs_old_jobs{jobs}: {statistics.median(paired):.2f}  "
                  f"(rounds {' '.join(f'{x:.2f}' for x in paired)})")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                       check=False, capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
