"""Round 163: the figures of the second warehouse re-assessment, as registered in
docs/calibration.md (levels 2 and 3 as round 162, level 4 above the MRP run; the index of
the change: d65d73a; ``benchmarks/reassess.py`` says how they are computed).  The control
is round 162's sessions on the same old wording (Ca, Cb; Gc, Sc on the readings sample).
Round 164's script calls :func:`figures` with its own folder and change.
Run from a checkout: python docs/calibration/reassess/round163/score.py [-v]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUND162 = HERE.parent / "round162"
sys.path.insert(0, str(HERE.parents[3] / "benchmarks"))
sys.path.insert(0, str(ROUND162))

import reassess  # noqa: E402
from score import QUESTIONS, parted  # noqa: E402  (round 162's script)


def figures(here: Path, change: str) -> None:
    """The round's figures: its sessions in ``here`` (A, B; Gn, Sn) against round 162's
    control, on the index at ``change``."""
    reassess.reassessed(here, change, QUESTIONS, 20, "-v" in sys.argv, control=ROUND162)
    print(f"readings sample, generous against strict, summed level difference: "
          f"old excerpt {parted(ROUND162 / 'Gc', ROUND162 / 'Sc'):.1f}, "
          f"new excerpt {parted(here / 'Gn', here / 'Sn'):.1f}")


if __name__ == "__main__":
    figures(HERE, "d65d73a")
