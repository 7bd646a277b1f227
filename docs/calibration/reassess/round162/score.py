"""Round 162: the figures of the warehouse re-assessment, as registered in
docs/calibration.md (what decides levels 2, 3 and 4 of operations.warehousing.warehouse;
the index of the change: 62cd252; ``benchmarks/reassess.py`` says how they are computed),
and the third test: how far a generous and a strict session part on the readings sample
with the new excerpt (Gn, Sn) and with the old one (Gc, Sc).
Run from a checkout: python docs/calibration/reassess/round162/score.py [-v]
"""

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration as cal  # noqa: E402
import reassess  # noqa: E402

QUESTIONS = ("operations.warehousing.warehouse", "operations.warehousing.shared_stock")
READINGS = ("p02", "p04", "p06", "p08", "p12", "p18", "p23", "p28")


def parted(generous: Path, strict: Path) -> float:
    """Summed over the readings sample: the level difference between the two sessions'
    answers (folders ``generous`` and ``strict``) to the warehouse question (a blank against
    a level counts the level)."""
    total = 0.0
    for plant in READINGS:
        got = [cal.answer_level(yaml.safe_load((folder / f"{plant}.yaml").read_text(encoding="utf-8"))
                                ["answers"].get(QUESTIONS[0])) for folder in (generous, strict)]
        total += abs((got[0] or 0) - (got[1] or 0))
        if "-v" in sys.argv:
            print(plant, generous.name, strict.name, *got)
    return total


if __name__ == "__main__":
    reassess.reassessed(HERE, "62cd252", QUESTIONS, 20, "-v" in sys.argv)
    print(f"readings sample, generous against strict, summed level difference: "
          f"old excerpt {parted(HERE / 'Gc', HERE / 'Sc'):.1f}, "
          f"new excerpt {parted(HERE / 'Gn', HERE / 'Sn'):.1f}")
