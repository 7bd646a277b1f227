"""Round 128: the figures of the roadmap re-assessment, as registered in docs/calibration.md.

Each of the 166 general-index files is scored three ways: as the round found it (the
original answers, read at 797e25e) and with its roadmap answer and follow-up replaced by the
control sessions' (Ca for `a`, Cb for `b`), both against the index before the round
(2385eb4, the old wording); and with them replaced by the new sessions' (A, B) against the
index of 797e25e (the new wording).
Run from a checkout: python docs/calibration/reassess/round128/score.py [-v]
"""

import statistics
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration as cal  # noqa: E402

import maturity  # noqa: E402

QUESTION = "strategy.planning.roadmap"
FOLLOW_UP = "strategy.planning.partner_projects"
READINGS = (("orig", None), ("ctrl", {"a": "Ca", "b": "Cb"}), ("new", {"a": "A", "b": "B"}))
GROUPS = ((1, 21), (22, 42), (43, 63), (64, 83))


def original(plant, side):
    """The answers file as the round found it (the commit that registered the round)."""
    return yaml.safe_load(subprocess.run(
        ["git", "-C", str(ROOT), "show", f"797e25e:docs/calibration/answers/after/{plant}-{side}.yaml"],
        capture_output=True, text=True, check=True).stdout)


def session(kind, plant):
    n = int(plant[1:])
    group = next(g for g, (lo, hi) in enumerate(GROUPS, 1) if lo <= n <= hi)
    return yaml.safe_load((HERE / f"{kind}{group}" / f"{plant}.yaml").read_text(encoding="utf-8"))


def main(verbose):
    old = cal.questionnaire_at("2385eb4")
    index = {"orig": old, "ctrl": old, "new": cal.questionnaire_at("797e25e")}
    expected, panel = cal.expected(), cal.panel()
    writer = dict.fromkeys(index, 0)
    above = dict.fromkeys(index, 0)
    in_panel = dict.fromkeys(index, 0)
    levels = {k: {"L3": [], "L4+": [], "other": []} for k in index}
    pairs = dict.fromkeys(index, 0)
    plants = 0
    for n in range(1, GROUPS[-1][1] + 1):
        plant = f"p{n:02d}"
        rng = expected[plant]["expected_grade"]
        band = "L4+" if rng["min"] >= 4 else "L3" if rng["min"] == 3 else "other"
        given = {}
        for side in ("a", "b"):
            doc = original(plant, side)
            for name, kinds in READINGS:
                got = doc if kinds is None else \
                    cal.with_answers(doc, session(kinds[side], plant), (QUESTION, FOLLOW_UP))
                grade = maturity.assess(index[name], got).level
                writer[name] += cal.in_range(grade, rng)
                above[name] += grade > rng["max"]
                in_panel[name] += cal.in_range(grade, panel.get(plant, {}).get("range"))
                answer = got["answers"].get(QUESTION)
                given[name, side] = answer
                if cal.answer_level(answer) is not None:
                    levels[name][band].append(cal.answer_level(answer))
                if verbose:
                    print(plant, side, name, answer, f"L{grade}")
        plants += 1
        for name in index:
            pairs[name] += str(given[name, "a"]) == str(given[name, "b"])
    files = 2 * plants
    for name in index:
        mean = {b: f"{statistics.mean(v):.2f}" if v else "-" for b, v in levels[name].items()}
        print(f"{name}: in writers' ranges {writer[name]}/{files}, above {above[name]}, "
              f"in panel's {in_panel[name]}/{files}, exact a-b pairs {pairs[name]}/{plants}, "
              f"mean roadmap level: plants written at L3 {mean['L3']}, at L4-L5 {mean['L4+']}, "
              f"others {mean['other']}")


if __name__ == "__main__":
    main("-v" in sys.argv)
