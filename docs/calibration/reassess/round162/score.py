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
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

import reassess  # noqa: E402

QUESTIONS = ("operations.warehousing.warehouse", "operations.warehousing.shared_stock")


def parted(generous: Path, strict: Path) -> float:
    """The readings sample's summed level difference on the warehouse question
    (``reassess.parted``)."""
    return reassess.parted(generous, strict, QUESTIONS[0], "-v" in sys.argv)


if __name__ == "__main__":
    reassess.reassessed(HERE, "62cd252", QUESTIONS, 20, "-v" in sys.argv)
    print(f"readings sample, generous against strict, summed level difference: "
          f"old excerpt {parted(HERE / 'Gc', HERE / 'Sc'):.1f}, "
          f"new excerpt {parted(HERE / 'Gn', HERE / 'Sn'):.1f}")
