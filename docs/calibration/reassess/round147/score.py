"""Round 147: the figures of the business-planning re-assessment, as registered in
docs/calibration.md (level 4 on round 145's level 3; the index of the change: 1c11635;
``benchmarks/reassess.py`` says how they are computed).
Run from a checkout: python docs/calibration/reassess/round147/score.py [-v]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reassess  # noqa: E402

QUESTIONS = ("business.planning.budgeting", "business.planning.joint_plans")

if __name__ == "__main__":
    reassess.reassessed(Path(__file__).resolve().parent, "1c11635", QUESTIONS, 20, "-v" in sys.argv)
