"""Start-up of the command line, whole process, against a bare interpreter.

Each command is started as a user starts it (``python -m maturity …``) and timed from
start to exit; the runs alternate with ``python -c pass`` (the baseline: interpreter and
site start-up), one warm-up round is discarded, and each figure is the median of
``--runs`` rounds.  Issue #10 asks that ``--version``, ``--help`` and ``validate`` start
within 0.1 s of the baseline and without Textual (``tests/test_packaging.py`` checks the
imports).  ``validate FILE`` is timed too: it loads and checks the index, which is the
command's work, not its start-up.  The package's bytecode is written first (into its
``__pycache__``, whatever PYTHONDONTWRITEBYTECODE says), as an installed package has it;
figures of sessions before the thirty-first, taken on an uncompiled checkout where the
variable was set, are not comparable.  Usage:

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from batch import byte_compiled, timed  # the batch benchmark's compile step and whole-process timer

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "docs" / "calibration" / "answers" / "after" / "p04-a.yaml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    byte_compiled()  # as an installed package starts
    py = [sys.executable, "-m", "maturity"]
    commands = {
        "bare": [sys.executable, "-c", "pass"],
        "version": [*py, "--version"],
        "help": [*py, "--help"],
        "validate_help": [*py, "validate", "--help"],
        "validate_file": [*py, "validate", str(SAMPLE)],
    }
    runs: dict[str, list[float]] = {k: [] for k in commands}
    for round_ in range(args.runs + 1):
        for key, argv in commands.items():
            elapsed = timed(argv)
            if round_:
                runs[key].append(elapsed)
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"bare_python_s: {med['bare']:.3f}")
    for key in ("version", "help", "validate_help", "validate_file"):
        print(f"{key}_s: {med[key]:.3f}")
        print(f"{key}_over_bare_s: {med[key] - med['bare']:.3f}")


if __name__ == "__main__":
    main()
