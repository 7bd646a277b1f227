"""Round 125's registered test: the fresh plants p76-p83 under met_share 0.50 and 0.45.

Scores every general-index answers file of the fresh plants
(``docs/calibration/answers/after/pNN-a.yaml``, ``-b.yaml``) against the general index with
each share, and compares the grades with the writer's range
(``docs/calibration/expected/pNN.yaml``).  The rule (docs/calibration.md, round 125): 0.45
is kept if it puts no file above its range that 0.50 does not, and at least as many files
in range as 0.50.  Run from a checkout:

    python docs/calibration/reassess/round125/score.py
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration as cal  # noqa: E402

import maturity  # noqa: E402

PLANTS = range(76, 84)
OLD, NEW = 0.5, 0.45


def with_share(q: maturity.Questionnaire, share: float) -> maturity.Questionnaire:
    return q.model_copy(update={"scoring": q.scoring.model_copy(update={"met_share": share})})


def main() -> int:
    base = maturity.load_questionnaire("general")
    shares = (OLD, NEW)
    indices = {s: with_share(base, s) for s in shares}
    exp = cal.expected()
    in_range = dict.fromkeys(shares, 0)
    above: dict[float, set[str]] = {s: set() for s in shares}
    print("| file | writer | " + " | ".join(f"met_share {s:.2f}" for s in shares) + " |")
    print("|---|---|" + "---|" * len(shares))
    for n in PLANTS:
        rng = exp[f"p{n}"]["expected_grade"]
        for who in "ab":
            path = cal.CAL / "answers" / "after" / f"p{n}-{who}.yaml"
            cells = []
            for s in shares:
                a = maturity.assess(indices[s], path)
                ok = cal.in_range(a.level, rng)
                in_range[s] += ok
                if a.level > rng["max"]:
                    above[s].add(path.name)
                cells.append(f"L{a.level} {a.score:.3f}" + ("" if ok else " ✗"))
            want = f"{rng['min']}" if rng["min"] == rng["max"] else f"{rng['min']}–{rng['max']}"
            print(f"| p{n}-{who} | {want} | " + " | ".join(cells) + " |")
    for s in shares:
        print(f"in_range_{s:.2f}: {in_range[s]}  above_{s:.2f}: {len(above[s])}")
    kept = not (above[NEW] - above[OLD]) and in_range[NEW] >= in_range[OLD]
    print(f"rule: {NEW:.2f} kept" if kept else f"rule: {OLD:.2f} stays")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
