"""Round 168: the figures of the digital-skills training and inspection-results
re-assessment, as registered in docs/calibration.md (what decides their levels; the index of
the change: CHANGE below; ``benchmarks/reassess.py`` says how they are computed).  The
sessions answered both questions; each question is scored and decided on its own, with only
its answers (and, for training, its level-5 follow-up) replaced.
Run from a checkout: python docs/calibration/reassess/round168/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "e3e21882"
ASKED = (("strategy.talent.training", "strategy.talent.external_training"),
         ("operations.quality.inspection",))

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv)
