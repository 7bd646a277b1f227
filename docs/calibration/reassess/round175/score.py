"""Round 175: the figures of the second plan re-assessment, as registered in
docs/calibration.md (what decides level 2, and round 174's sentence for levels 3 and 4; the
index of the change: CHANGE below; ``benchmarks/reassess.py`` says how they are computed).
The control is round 174's sessions on the same old wording (Ca, Cb; Gc, Sc on the readings
sample).
Run from a checkout: python docs/calibration/reassess/round175/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "0afc5df8"
ASKED = (("strategy.planning.roadmap", "strategy.planning.partner_projects"),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv, control=HERE.parent / "round174")
