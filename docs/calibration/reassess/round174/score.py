"""Round 174: the figures of the plan re-assessment, as registered in docs/calibration.md
(how to read levels 3 and 4 when the plan's projects are not listed; the index of the
change: CHANGE below; ``benchmarks/reassess.py`` says how they are computed).  The sessions
answered the plan and its level-5 follow-up.
Run from a checkout: python docs/calibration/reassess/round174/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "ebcf3ba0"
ASKED = (("strategy.planning.roadmap", "strategy.planning.partner_projects"),)

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv)
