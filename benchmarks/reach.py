"""Which level descriptions the plants written at a grade reach least.

For each level k from 2 up, takes the general-index answers files of the plants whose
writer expected grade k or higher (``docs/calibration/expected/pNN.yaml``, the lower end
of the range) and, for every level question they answered, the share of those files whose
answer reaches level k.  A description that no plant of the grade reaches is either a
capability of the grade above or a detail the profiles do not report: a lead for a
wording round (docs/calibration.md, round 125), never a figure to tune answers to.

    python benchmarks/reach.py [--level 4] [--top 15] [--min-files 10]
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from calibration import Scored, expected, score_round

import maturity


def reach(scored: list[Scored], exp: dict[str, dict], level: int) -> dict[str, tuple[int, int]]:
    """Question id → (files reaching ``level``, files answering it) over the general-index
    files of plants expected at ``level`` or higher; level questions only."""
    q = maturity.load_questionnaire("general")
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in scored:
        if s.sme or exp[s.plant]["expected_grade"]["min"] < level:
            continue
        for d in s.assessment.dimensions:
            for i in d.indicators:
                for r in i.questions:
                    found = q.questions.get(r.id)
                    if r.status != "answered" or found is None or found[2].kind != "level" \
                            or level not in found[2].anchors:
                        continue
                    out[r.id][1] += 1
                    out[r.id][0] += (r.level or 0) >= level
    return {k: (v[0], v[1]) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--level", type=int, default=4, help="the level k (default 4)")
    ap.add_argument("--top", type=int, default=15, help="how many questions to list")
    ap.add_argument("--min-files", type=int, default=10, help="leave out questions fewer files answer")
    args = ap.parse_args(argv)
    exp = expected()
    counts = reach(score_round("after"), exp, args.level)
    plants = sorted(p for p, e in exp.items() if e["expected_grade"]["min"] >= args.level)
    print(f"plants_expected_at_least_L{args.level}: {len(plants)}")
    print(f"| question | files reaching level {args.level} | files answering | share |")
    print("|---|---|---|---|")
    ranked = sorted((hit / n, qid, hit, n) for qid, (hit, n) in counts.items() if n >= args.min_files)
    for share, qid, hit, n in ranked[:args.top]:
        print(f"| `{qid}` | {hit} | {n} | {share:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
