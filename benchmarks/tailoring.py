"""What if functions run elsewhere were tailored out of the grade? (round 86, not adopted)

For every committed answers file of the general index, scores the answers as they are and
again with every question of the indicators of the functions the enterprise says others
run for it (``enterprise.run_elsewhere``) left out, as if answered n/a, and counts the
files whose grade lies in the plant's expected range either way. Prints the files whose
grade or score moves, then one line per figure. Usage::

    python benchmarks/tailoring.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

import maturity
from maturity.engine import plan_for, resolve_production_type
from maturity.model.answers import NA
from maturity.normalise import check_answers

CAL = Path(__file__).resolve().parents[1] / "docs" / "calibration"


def main() -> None:
    expected = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in (CAL / "expected").glob("p*.yaml")}
    files = sorted(p for p in (CAL / "answers" / "after").glob("p*-[ab].yaml") if "-sme-" not in p.name)
    in_range = [0, 0]
    for path in files:
        a = maturity.load_answers(path)
        q = maturity.load_questionnaire(a.questionnaire)
        values = check_answers(q, a)
        plan = plan_for(q, resolve_production_type(q, a.enterprise))
        indicators = {i for f in q.functions if f.id in (a.enterprise.run_elsewhere or [])
                      for i in f.indicators}
        tailored = dict(values) | {qid: NA for qid in q.questions
                                   if qid.rsplit(".", 1)[0] in indicators}
        before, after = plan.run(values, a.enterprise), plan.run(tailored, a.enterprise)
        r = expected[path.stem[:3]]["expected_grade"]
        in_range[0] += r["min"] <= before.level <= r["max"]
        in_range[1] += r["min"] <= after.level <= r["max"]
        if before.level != after.level or abs(before.score - after.score) > 0.05:
            print(f"{path.name}: {sorted(a.enterprise.run_elsewhere or [])} "
                  f"L{before.level} {before.score:.2f} -> L{after.level} {after.score:.2f} "
                  f"(expected {r['min']}-{r['max']})")
    print(f"files: {len(files)}")
    print(f"in_expected_range_as_scored: {in_range[0] / len(files):.3f}")
    print(f"in_expected_range_tailored: {in_range[1] / len(files):.3f}")


if __name__ == "__main__":
    main()
