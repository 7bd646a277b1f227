"""Round 172: the figures of the second shop-floor reporting re-assessment, as registered in
docs/calibration.md (round 170's help with its level-2 boundary restated; the index of the
change: CHANGE below; ``benchmarks/reassess.py`` says how they are computed).  The control is
round 170's sessions on the same old wording (Ca, Cb; Gc, Sc on the readings sample).
Run from a checkout: python docs/calibration/reassess/round172/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "9ce95738"
ASKED = (("operations.execution.shopfloor",),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv, control=HERE.parent / "round170")
