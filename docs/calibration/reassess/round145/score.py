"""Round 145: the figures of the business-planning re-assessment (level 3), as registered in
docs/calibration.md.

Each of the 198 general-index files is scored three ways: as the sessions found it (the
original answers, the index before the change), with its budgeting answer and level-5
follow-up replaced by the control sessions' (Ca for `a`, Cb for `b`) against the index
before the change, and replaced by the new sessions' (A, B) against the index of the
change (454fe7c).
Run from a checkout: python docs/calibration/reassess/round143/score.py [-v]
"""

import copy
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration as cal  # noqa: E402

import maturity  # noqa: E402

CHANGE = "454fe7c"
LADDER, FOLLOW = "business.planning.budgeting", "business.planning.joint_plans"
READINGS = (("orig", None), ("ctrl", {"a": "Ca", "b": "Cb"}), ("new", {"a": "A", "b": "B"}))


def session(kind, plant):
    group = (int(plant[1:]) - 1) // 20 + 1
    return yaml.safe_load((HERE / f"{kind}{group}" / f"{plant}.yaml").read_text(encoding="utf-8"))


def replaced(doc, got):
    """The answers document with the session's budgeting answer and follow-up."""
    out = copy.deepcopy(doc)
    for qid in (LADDER, FOLLOW):
        out["answers"].pop(qid, None)
        # one control session (Ca3, p48) wrote the follow-up as the word None: no answer
        if got["answers"].get(qid) not in (None, "None"):
            out["answers"][qid] = got["answers"][qid]
    return out


def main(verbose):
    index = {"orig": cal.questionnaire_at(f"{CHANGE}^"), "new": cal.questionnaire_at(CHANGE)}
    index["ctrl"] = index["orig"]
    expected, panel = cal.expected(), cal.panel()
    writer = dict.fromkeys(index, 0)
    in_panel = dict.fromkeys(index, 0)
    levels = {k: [] for k in index}
    pairs = dict.fromkeys(index, 0)
    files = 0
    for plant, docs in cal.plants_at(CHANGE):  # as the sessions found them
        given = {}
        for side, doc in docs.items():
            files += 1
            for name, kinds in READINGS:
                got = doc if kinds is None else replaced(doc, session(kinds[side], plant))
                grade = maturity.assess(index[name], got).level
                writer[name] += cal.in_range(grade, expected[plant]["expected_grade"])
                in_panel[name] += cal.in_range(grade, panel.get(plant, {}).get("range"))
                given[name, side] = got["answers"].get(LADDER)
                if cal.answer_level(given[name, side]) is not None:
                    levels[name].append(cal.answer_level(given[name, side]))
                if verbose:
                    print(plant, side, name, given[name, side], got["answers"].get(FOLLOW), f"L{grade}")
        for name in index:
            pairs[name] += str(given[name, "a"]) == str(given[name, "b"])
    plants = files // 2
    for name in index:
        print(f"{name}: in writers' ranges {writer[name]}/{files}, in panel's {in_panel[name]}/{files}, "
              f"mean budgeting level {statistics.mean(levels[name]):.3f}, "
              f"exact a-b pairs {pairs[name]}/{plants}")


if __name__ == "__main__":
    main("-v" in sys.argv)
