"""What if functions run elsewhere were tailored out of the grade, from some level up?

For every committed answers file of the general index, scores the answers as they are and
again with the requirements of the indicators of the functions the enterprise says others
run for it (``enterprise.run_elsewhere``) left out of the level scores from level
``--levels-from`` upward, through the engine's own scope (``scoring.elsewhere_up_to`` set
to K - 1): 1, the whole sub-domain, as if answered n/a (round 86, not adopted); 4, what
levels 4 and 5 ask (registered in round 96, adopted: the index as scored); 6, none. Counts the
files whose grade lies in the writer's expected range and in the blind panel's range
either way. Prints the files whose grade or score moves, then one line per figure.
Usage::

    python benchmarks/tailoring.py                   # the whole sub-domain
    python benchmarks/tailoring.py --levels-from 6   # without the round-96 rule
    python benchmarks/tailoring.py --levels-from 6 --from 43   # its test, seen from after
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibration  # the script beside this one

import maturity


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--levels-from", type=int, default=1, metavar="K",
                    help="leave out what levels K and above ask (default 1: everything)")
    ap.add_argument("--from", dest="first", type=int, default=0, metavar="N",
                    help="only plants pN and later")
    args = ap.parse_args(argv)
    expected = calibration.expected()
    panel = calibration.panel()
    scored = [s for s in calibration.score_round("after")
              if not s.sme and int(s.plant[1:]) >= args.first]
    writer, judges = [0, 0], [0, 0]
    variants: dict[str, maturity.Questionnaire] = {}
    for s in scored:
        a = s.assessment
        if a.questionnaire not in variants:  # the engine's own scope, from level K up
            q = maturity.load_questionnaire(a.questionnaire)
            variants[a.questionnaire] = q.model_copy(update={"scoring": q.scoring.model_copy(
                update={"elsewhere_up_to": args.levels_from - 1})})  # 0: the whole sub-domain
        after = maturity.assess(variants[a.questionnaire], maturity.load_answers(s.path))
        level, score = after.level, after.score
        rng = expected[s.plant]["expected_grade"]
        judged = panel.get(s.plant, {}).get("range")
        for counts, r in ((writer, rng), (judges, judged)):
            counts[0] += calibration.in_range(a.level, r)
            counts[1] += calibration.in_range(level, r)
        if a.level != level or abs(a.score - score) > 0.05:
            print(f"{s.path.name}: {sorted(a.enterprise.run_elsewhere or [])} "
                  f"L{a.level} {a.score:.2f} -> L{level} {score:.2f} "
                  f"(expected {rng['min']}-{rng['max']})")
    n = len(scored)
    print(f"files: {n}")
    print(f"in_expected_range_as_scored: {writer[0] / n:.3f}")
    print(f"in_expected_range_tailored: {writer[1] / n:.3f}")
    print(f"in_panel_range_as_scored: {judges[0] / n:.3f}")
    print(f"in_panel_range_tailored: {judges[1] / n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
