"""What if functions run elsewhere were tailored out of the grade, from some level up?

For every committed answers file of the general index, scores the answers as they are and
again with the requirements of the indicators of the functions the enterprise says others
run for it (``enterprise.run_elsewhere``) left out of the level scores from level
``--levels-from`` upward (1: the whole sub-domain, as if answered n/a; round 86, not
adopted; 4: only what levels 4 and 5 ask, the rule registered in round 96). Counts the
files whose grade lies in the writer's expected range and in the blind panel's range
either way. Prints the files whose grade or score moves, then one line per figure.
Usage::

    python benchmarks/tailoring.py                   # the whole sub-domain
    python benchmarks/tailoring.py --levels-from 4   # levels 4 and 5 only
    python benchmarks/tailoring.py --from 43         # only plants p43 and later
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibration  # the script beside this one

import maturity
from maturity.engine import plan_for, resolve_production_type
from maturity.improve import restore_values


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
    for s in scored:
        a = s.assessment
        q = maturity.load_questionnaire(a.questionnaire)
        plan = plan_for(q, resolve_production_type(q, a.enterprise))
        others = {i for f in q.functions if f.id in (a.enterprise.run_elsewhere or [])
                  for i in f.indicators}
        values = restore_values(q, a.answers)
        shares = {}
        for iid in plan.inds:
            mine = plan.indicator_shares(iid, values, a.enterprise)
            if iid in others:
                mine = [x if lv < args.levels_from else None for lv, x in enumerate(mine, 1)]
            shares[iid] = mine
        level, score = plan.total(shares)
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
