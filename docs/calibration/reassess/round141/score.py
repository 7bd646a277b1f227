"""Round 141: the figures of the continuous-improvement re-assessment, as registered in
docs/calibration.md (the index of the change: 01f1d7d; ``benchmarks/reassess.py``
says how they are computed).
Run from a checkout: python docs/calibration/reassess/round141/score.py [-v]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reassess  # noqa: E402

QUESTIONS = ("strategy.lean.improvement",)

if __name__ == "__main__":
    reassess.reassessed(Path(__file__).resolve().parent, "01f1d7d", QUESTIONS, 19, "-v" in sys.argv)
