"""Round 125's registered test: the fresh plants p76-p83 under met_share 0.50 and 0.45.

Scores every general-index answers file of the fresh plants
(``docs/calibration/answers/after/pNN-a.yaml``, ``-b.yaml``) against the general index with
each share, and compares the grades with the writer's range
(``docs/calibration/expected/pNN.yaml``).  The rule (docs/calibration.md, round 125):
0.45 is kept if it puts no file above its range that 0.50 does not, and at least as many
files in range as 0.50.

    python docs/calibration/reassess/round125/score.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

import maturity

ROOT = Path(__file__).resolve().parents[2]
PLANTS = range(76, 84)
SHARES = (0.5, 0.45)


def with_share(q: maturity.Questionnaire, share: float) -> maturity.Questionnaire:
    return q.model_copy(update={"scoring": q.scoring.model_copy(update={"met_share": share})})


def main() -> int:
    base = maturity.load_questionnaire("general")
    indices = {s: with_share(base, s) for s in SHARES}
    in_range = dict.fromkeys(SHARES, 0)
    above = {s: set() for s in SHARES}
    print("| file | writer | " + " | ".join(f"met_share {s:.2f}" for s in SHARES) + " |")
    print("|---|---|" + "---|" * len(SHARES))
    for n in PLANTS:
        exp = yaml.safe_load((ROOT / "expected" / f"p{n}.yaml").read_text())["expected_grade"]
        for who in "ab":
            path = ROOT / "answers" / "after" / f"p{n}-{who}.yaml"
            cells = []
            for s in SHARES:
                a = maturity.assess(indices[s], path)
                ok = exp["min"] <= a.level <= exp["max"]
                in_range[s] += ok
                if a.level > exp["max"]:
                    above[s].add(path.name)
                cells.append(f"L{a.level} {a.score:.3f}" + ("" if ok else " ✗"))
            rng = f"{exp['min']}" if exp["min"] == exp["max"] else f"{exp['min']}–{exp['max']}"
            print(f"| p{n}-{who} | {rng} | " + " | ".join(cells) + " |")
    old, new = SHARES
    for s in SHARES:
        print(f"in_range_{s:.2f}: {in_range[s]}  above_{s:.2f}: {len(above[s])}")
    kept = not (above[new] - above[old]) and in_range[new] >= in_range[old]
    print(f"rule: {'0.45 kept' if kept else '0.50 stays'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
