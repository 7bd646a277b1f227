"""Round 164: the figures of the third warehouse re-assessment, as registered in
docs/calibration.md (the level-2 and level-3 sentences of rounds 162 and 163 alone; the
index of the change: fd4be73), computed as round 163's against round 162's control.
Run from a checkout: python docs/calibration/reassess/round164/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "fd4be73"
ASKED = (("operations.warehousing.warehouse", "operations.warehousing.shared_stock"),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv, control=HERE.parent / "round162")
