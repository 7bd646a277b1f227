"""Round 163: the figures of the second warehouse re-assessment, as registered in
docs/calibration.md (levels 2 and 3 as round 162, level 4 above the MRP run; the index of
the change: d65d73a; ``benchmarks/reassess.py`` says how they are computed).  The control
is round 162's sessions on the same old wording (Ca, Cb; Gc, Sc on the readings sample).
Run from a checkout: python docs/calibration/reassess/round163/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "d65d73a"
ASKED = (("operations.warehousing.warehouse", "operations.warehousing.shared_stock"),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv, control=HERE.parent / "round162")
