"""Round 122: the figures of the training re-assessment, as registered in docs/calibration.md.

Each of the 150 general-index files is scored three ways: as committed (the original
answers), with its training answer and follow-up replaced by the control sessions'
(Ca for `a`, Cb for `b`) against the index as it is (the old wording), and replaced by the
new sessions' (A, B) against the index of caa0580 (the new wording).
Run from a checkout: python docs/calibration/reassess/round122/score.py [-v]
"""

import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration as cal  # noqa: E402

import maturity  # noqa: E402

QUESTION = "strategy.talent.training"
FOLLOW_UP = "strategy.talent.external_training"
READINGS = (("orig", None), ("ctrl", {"a": "Ca", "b": "Cb"}), ("new", {"a": "A", "b": "B"}))


def session(kind, plant):
    group = (int(plant[1:]) - 1) // 15 + 1
    return yaml.safe_load((HERE / f"{kind}{group}" / f"{plant}.yaml").read_text(encoding="utf-8"))


def main(verbose):
    index = {"orig": maturity.load_questionnaire("general"), "ctrl": None,
             "new": cal.questionnaire_at("caa0580")}
    index["ctrl"] = index["orig"]
    expected, panel = cal.expected(), cal.panel()
    writer = dict.fromkeys(index, 0)
    in_panel = dict.fromkeys(index, 0)
    levels = {k: [] for k in index}
    pairs = dict.fromkeys(index, 0)
    for n in range(1, 76):
        plant = f"p{n:02d}"
        given = {}
        for side in ("a", "b"):
            doc = yaml.safe_load((ROOT / f"docs/calibration/answers/after/{plant}-{side}.yaml").read_text())
            for name, kinds in READINGS:
                got = doc if kinds is None else \
                    cal.with_answers(doc, session(kinds[side], plant), (QUESTION, FOLLOW_UP))
                grade = maturity.assess(index[name], got).level
                writer[name] += cal.in_range(grade, expected[plant]["expected_grade"])
                in_panel[name] += cal.in_range(grade, panel.get(plant, {}).get("range"))
                answer = got["answers"].get(QUESTION)
                given[name, side] = answer
                if cal.answer_level(answer) is not None:
                    levels[name].append(cal.answer_level(answer))
                if verbose:
                    print(plant, side, name, answer, f"L{grade}")
        for name in index:
            pairs[name] += str(given[name, "a"]) == str(given[name, "b"])
    for name in index:
        print(f"{name}: in writers' ranges {writer[name]}/150, in panel's {in_panel[name]}/150, "
              f"mean training level {statistics.mean(levels[name]):.3f} (n={len(levels[name])}), "
              f"exact a-b pairs {pairs[name]}/75")


if __name__ == "__main__":
    main("-v" in sys.argv)
