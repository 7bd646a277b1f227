"""Round 162: the figures of the warehouse re-assessment, as registered in
docs/calibration.md (what decides levels 2, 3 and 4 of operations.warehousing.warehouse;
the index of the change: 62cd252; ``benchmarks/reassess.py`` says how they are computed),
and the third test: how far a generous and a strict session part on the readings sample
with the new excerpt (Gn, Sn) and with the old one (Gc, Sc).
Run from a checkout: python docs/calibration/reassess/round162/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "62cd252"
ASKED = (("operations.warehousing.warehouse", "operations.warehousing.shared_stock"),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv)
