"""Round 164: the figures of the third warehouse re-assessment, as registered in
docs/calibration.md (the level-2 and level-3 sentences of rounds 162 and 163 alone; the
index of the change: fd4be73), computed as round 163's against round 162's control.
Run from a checkout: python docs/calibration/reassess/round164/score.py [-v]
"""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("round163", HERE.parent / "round163" / "score.py")
round163 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(round163)

if __name__ == "__main__":
    round163.figures(HERE, "fd4be73")
