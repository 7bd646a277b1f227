"""Which level descriptions the plants written at a grade reach least.

For a level k (``--level``, default 4), takes the general-index answers files of the
plants whose writer expected grade k or higher (the lower end of the range in
``docs/calibration/expected/pNN.yaml``) and, for every level question they answered, the
share of those files whose answer reaches level k.  A description that no plant of the
grade reaches is either a capability of the grade above or a detail the profiles do not
report: a lead for a wording round (docs/calibration.md, round 125), never a figure to
tune answers to.

    python benchmarks/reach.py [--level 4] [--top 15] [--min-files 10]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibration  # the script beside this one

import maturity
from maturity.delivery import question_state


def reach(scored: list[calibration.Scored], exp: dict[str, dict], level: int
          ) -> dict[str, tuple[int, int]]:
    """Question id → (files reaching ``level``, files answering it) over the general-index
    files of plants expected at ``level`` or higher (a plant without an expected grade is
    left out); level questions with a description at ``level`` only."""
    q = maturity.load_questionnaire("general")
    out: dict[str, tuple[int, int]] = {}
    for s in scored:
        low = calibration.lowest(exp.get(s.plant))
        if s.sme or not s.assessment.questionnaire.startswith("general@") or low is None or low < level:
            continue
        for qid, (status, reached) in question_state(s.assessment).items():
            found = q.questions.get(qid)
            if status != "answered" or found is None or found[2].kind != "level" \
                    or level not in found[2].anchors:
                continue
            hit, n = out.get(qid, (0, 0))
            out[qid] = (hit + (reached >= level), n + 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--level", type=int, default=4, choices=range(1, 6), help="the level k (default 4)")
    ap.add_argument("--top", type=int, default=15, help="how many questions to list (at least 1)")
    ap.add_argument("--min-files", type=int, default=10, help="leave out questions fewer files answer")
    args = ap.parse_args(argv)
    if args.top < 1:
        ap.error("--top must be at least 1")
    exp = calibration.expected()
    counts = reach(calibration.score_round("after"), exp, args.level)
    plants = sorted(p for p, e in exp.items() if (calibration.lowest(e) or 0) >= args.level)
    print(f"plants_expected_at_least_L{args.level}: {len(plants)}")
    ranked = sorted((hit / n, qid, hit, n) for qid, (hit, n) in counts.items() if n >= args.min_files)
    if not ranked:
        most = max((n for _, n in counts.values()), default=0)
        print(f"no question is answered in {args.min_files} files or more (at most {most}); "
              "lower --min-files")
        return 0
    print(f"| question | files reaching level {args.level} | files answering | share |")
    print("|---|---|---|---|")
    for share, qid, hit, n in ranked[:args.top]:
        print(f"| `{qid}` | {hit} | {n} | {share:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
