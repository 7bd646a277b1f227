"""Round 122: the figures of the training re-assessment, as registered in docs/calibration.md.

Each of the 150 general-index files is scored three ways: as committed (the original
answers), with its training answer and follow-up replaced by the control sessions'
(Ca for `a`, Cb for `b`) against the index as it is (the old wording), and replaced by the
new sessions' (A, B) against the index of caa0580 (the new wording).
Run from a checkout: python docs/calibration/reassess/round122/score.py [-v]
"""

import copy
import statistics
import subprocess
import sys
import tempfile
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


def new_index():
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "general.yaml"
        text = subprocess.run(["git", "-C", str(ROOT), "show", "caa0580:questionnaires/general.yaml"],
                              capture_output=True, text=True, check=True).stdout
        path.write_text(text, encoding="utf-8")
        return maturity.load_questionnaire(str(path))


def session(kind, plant):
    group = (int(plant[1:]) - 1) // 15 + 1
    return yaml.safe_load((HERE / f"{kind}{group}" / f"{plant}.yaml").read_text(encoding="utf-8"))


def replaced(doc, got):
    out = copy.deepcopy(doc)
    answers = out["answers"]
    answers[QUESTION] = got["answers"].get(QUESTION)
    answers.pop(FOLLOW_UP, None)
    if got["answers"].get(FOLLOW_UP) is not None:
        answers[FOLLOW_UP] = got["answers"][FOLLOW_UP]
    return out


def within(grade, rng):
    return rng is not None and rng["min"] <= grade <= rng["max"]


def level(value):
    text = str(value)
    if text in ("None", "n/a"):
        return None
    return float(text[:-1]) + 0.5 if text.endswith("+") else float(text)


def main(verbose):
    index = {"orig": maturity.load_questionnaire("general"), "ctrl": None, "new": new_index()}
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
                got = doc if kinds is None else replaced(doc, session(kinds[side], plant))
                grade = maturity.assess(index[name], got).level
                writer[name] += within(grade, expected[plant]["expected_grade"])
                in_panel[name] += within(grade, panel.get(plant, {}).get("range"))
                answer = got["answers"].get(QUESTION)
                given[name, side] = answer
                if level(answer) is not None:
                    levels[name].append(level(answer))
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
