"""Round 173: the figures of the third customer-service re-assessment, as registered in
docs/calibration.md (round 166's level 1 with its boundary said outright, round 170's n/a;
the index of the change: CHANGE below; ``benchmarks/reassess.py`` says how they are computed).  The control is
round 170's sessions on the same old wording (Ca, Cb; Gc, Sc on the readings sample).
Run from a checkout: python docs/calibration/reassess/round173/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "d91d3a1b"
ASKED = (("business.service.customer_service", "business.service.shared_service"),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv, control=HERE.parent / "round170")
