"""Round 170: the figures of the shop-floor reporting and customer-service
re-assessment, as registered in docs/calibration.md (what decides their levels; the index of
the change: CHANGE below; ``benchmarks/reassess.py`` says how they are computed).  The
sessions answered both questions; each question is scored and decided on its own, with only
its answers (and, for customer service, its level-5 follow-up) replaced.
Run from a checkout: python docs/calibration/reassess/round170/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

CHANGE = "c09bbe77"
ASKED = (("operations.execution.shopfloor",),
         ("business.service.customer_service", "business.service.shared_service"))

if __name__ == "__main__":
    reassess.figures_each(HERE, CHANGE, ASKED, verbose="-v" in sys.argv)
