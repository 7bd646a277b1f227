"""Round 144: the figures of the business-planning re-assessment, as registered in
docs/calibration.md (round 143 replicated; the index of the change: 45b11c6; ``benchmarks/reassess.py``
says how they are computed).
Run from a checkout: python docs/calibration/reassess/round144/score.py [-v]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reassess  # noqa: E402

QUESTIONS = ("business.planning.budgeting", "business.planning.joint_plans")

if __name__ == "__main__":
    # the registered rule sums rounds 143 and 144 (round 143's figures, from its score.py)
    print("round 143: new pairs 93, control 95; new in writers' ranges 173, control 169")
    reassess.reassessed(Path(__file__).resolve().parent, "45b11c6", QUESTIONS, 20, "-v" in sys.argv)
