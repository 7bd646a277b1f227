"""Round 164 kept: the new sessions' answers to the warehouse question and its level-5
follow-up replace the 214 general files' (A for the ``a`` files, B for the ``b`` files),
their reasons becoming the notes ("round 164: …"), as the rule registered in
docs/calibration.md says (``reassess.apply_round`` edits the files as text).  Run once from a
checkout: python docs/calibration/reassess/round164/apply.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))

import reassess  # noqa: E402

if __name__ == "__main__":
    reassess.apply_round(HERE, ("operations.warehousing.warehouse", "operations.warehousing.shared_stock"),
                         20, "round 164")
