"""What if functions run elsewhere were tailored out of the grade? (round 86, not adopted)

For every committed answers file of the general index, scores the answers as they are and
again with every question of the indicators of the functions the enterprise says others
run for it (``enterprise.run_elsewhere``) left out, as if answered n/a, and counts the
files whose grade lies in the plant's expected range either way. Prints the files whose
grade or score moves, then one line per figure. Usage::

    python benchmarks/tailoring.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibration  # the script beside this one

import maturity
from maturity.engine import plan_for, resolve_production_type
from maturity.improve import restore_values
from maturity.model.answers import NA


def main() -> None:
    expected = calibration.expected()
    scored = [s for s in calibration.score_round("after") if not s.sme]
    in_range = [0, 0]
    for s in scored:
        a = s.assessment
        q = maturity.load_questionnaire(a.questionnaire)
        indicators = {i for f in q.functions if f.id in (a.enterprise.run_elsewhere or [])
                      for i in f.indicators}
        values = restore_values(q, a.answers)
        tailored = values | {qid: NA for qid in q.questions if qid.rsplit(".", 1)[0] in indicators}
        after = plan_for(q, resolve_production_type(q, a.enterprise)).run(tailored, a.enterprise)
        rng = expected[s.plant]["expected_grade"]
        in_range[0] += calibration.in_range(a.level, rng)
        in_range[1] += calibration.in_range(after.level, rng)
        if a.level != after.level or abs(a.score - after.score) > 0.05:
            print(f"{s.path.name}: {sorted(a.enterprise.run_elsewhere or [])} "
                  f"L{a.level} {a.score:.2f} -> L{after.level} {after.score:.2f} "
                  f"(expected {rng['min']}-{rng['max']})")
    print(f"files: {len(scored)}")
    print(f"in_expected_range_as_scored: {in_range[0] / len(scored):.3f}")
    print(f"in_expected_range_tailored: {in_range[1] / len(scored):.3f}")


if __name__ == "__main__":
    main()
