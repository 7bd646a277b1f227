"""Round 140: the figures of the continuous-improvement re-assessment, as registered in
docs/calibration.md (the index of the change: f7827c3; ``benchmarks/reassess.py``
says how they are computed).
Run from a checkout: python docs/calibration/reassess/round140/score.py [-v]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reassess  # noqa: E402

QUESTIONS = ("strategy.lean.improvement",)

if __name__ == "__main__":
    reassess.reassessed(Path(__file__).resolve().parent, "f7827c3", QUESTIONS, 19, "-v" in sys.argv)
