"""How far a generous and a strict reading of the same facts move a plant's grade.

Issue #9: agreement between two assessors means little if it holds only because they
happened to read alike.  For a sample of reference plants, two more assessor sessions
fill in the whole template from the same profile, one told to take the higher of two
defensible answers wherever the facts leave two ("generous"), the other the lower one
("strict"); both are told never to go beyond or below what the facts plainly show
(``docs/calibration/readings/brief.txt``).  The distance between the two is the room the
level descriptions leave for a reading; the per-question table says where that room is.

    python benchmarks/readings.py [--questions N] [--rise N] [--dir FOLDER]

Prints one figure per line (``reading_*``) and, with ``--questions``, the questions where
the two readings differ most; with ``--rise``, the questions whose room costs the most:
how far the strict file's total rises when that one question takes the generous file's
answer, summed over the plants (round 161).  The answers are ``docs/calibration/answers/readings/
pNN-generous.yaml`` and ``pNN-strict.yaml``.
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibration  # the script beside this one

import maturity

_round = cache(calibration.score_round)
"""Each answers folder scored once per run: the figures and both tables read the same."""


def figures(folder: str = "readings") -> dict[str, float]:
    exp = calibration.expected()
    read = {}
    for s in _round(folder):
        if not s.sme and s.assessor in ("generous", "strict"):
            read.setdefault(s.plant, {})[s.assessor] = s
    pairs = {p: v for p, v in read.items() if len(v) == 2}
    if not pairs:
        return {}
    swing = [v["generous"].assessment.score - v["strict"].assessment.score for v in pairs.values()]
    # the two ordinary assessors of the same plants, for scale
    after = {}
    for s in _round("after"):
        if not s.sme and s.plant in pairs:
            after.setdefault(s.plant, []).append(s.assessment.score)
    files = [s for v in pairs.values() for s in v.values()]
    return {
        "reading_plants": len(pairs),
        "reading_score_swing_mean": mean(swing),
        "reading_score_swing_max": max(swing),
        "reading_score_swing_min": min(swing),
        "reading_grade_differs": calibration._share(
            [v["generous"].assessment.level != v["strict"].assessment.level for v in pairs.values()]),
        "reading_in_expected_range": calibration._share(
            [calibration.in_range(s.assessment.level, exp[s.plant]["expected_grade"]) for s in files]),
        "assessors_score_diff_same_plants": mean(abs(v[0] - v[1]) for v in after.values() if len(v) == 2),
    }


def plant_table(folder: str = "readings") -> list[str]:
    exp = calibration.expected()
    rows = ["| plant | expected | generous | strict | assessors a, b |", "|---|---|---|---|---|"]
    scored = [s for s in _round(folder) if not s.sme]
    after = {(s.plant, s.assessor): s for s in _round("after") if not s.sme}
    for plant in sorted({s.plant for s in scored}):
        got = {s.assessor: s.assessment for s in scored if s.plant == plant}
        if len(got) < 2:
            continue
        e = exp[plant]["expected_grade"]
        rng = str(e["min"]) if e["min"] == e["max"] else f"{e['min']}–{e['max']}"
        ab = ", ".join(f"L{after[(plant, k)].assessment.level} {after[(plant, k)].assessment.score:.2f}"
                       for k in ("a", "b") if (plant, k) in after)
        rows.append(f"| {plant} | {rng} | L{got['generous'].level} {got['generous'].score:.2f} | "
                    f"L{got['strict'].level} {got['strict'].score:.2f} | {ab} |")
    return rows


def rise_table(folder: str = "readings", top: int = 15) -> list[str]:
    """The questions whose room costs the most score: for each plant, the strict file
    re-scored with one question given the generous file's answer (or left blank where the
    generous file left it blank), the rise of its total summed over the plants where the two
    files part on that question."""
    scored = {(s.plant, s.assessor): s for s in _round(folder) if not s.sme}
    rise: dict[str, list[float]] = {}
    refused: list[str] = []
    for plant in sorted({p for p, _ in scored}):
        if (plant, "generous") not in scored or (plant, "strict") not in scored:
            continue
        strict = maturity.load_answers(scored[plant, "strict"].path)
        generous = maturity.load_answers(scored[plant, "generous"].path).answers
        q = maturity.questionnaire_for(strict)
        assert scored[plant, "generous"].assessment.questionnaire == strict.questionnaire, plant
        base = scored[plant, "strict"].assessment.score
        for qid in sorted(set(strict.answers) | set(generous)):
            if strict.answers.get(qid) == generous.get(qid):
                continue
            answers = {k: v for k, v in strict.answers.items() if k != qid}
            if qid in generous:
                answers[qid] = generous[qid]
            # one question at a time: a level-5 follow-up swapped alone rises by nothing where
            # the strict answer to its question does not open it (the engine ignores it)
            try:
                got = maturity.assess(q, strict.model_copy(update={"answers": answers})).score
            except maturity.MaturityError as exc:  # said under the table, not dropped silently
                refused.append(f"{plant} {qid}: {exc}")
                continue
            rise.setdefault(qid, []).append(got - base)
    rows = ["| question | plants | strict total's rise, summed | largest |", "|---|---|---|---|"]
    for qid, ups in sorted(rise.items(), key=lambda kv: -sum(kv[1]))[:top]:
        rows.append(f"| `{qid}` | {len(ups)} | {sum(ups):+.3f} | {max(ups):+.3f} |")
    return rows + [f"refused swap: {r}" for r in refused]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--questions", type=int, nargs="?", const=20, default=0,
                    help="list the N questions where the two readings differ most (default 20)")
    ap.add_argument("--rise", type=int, nargs="?", const=15, default=0,
                    help="list the N questions whose generous answer lifts the strict total most "
                         "(default 15)")
    ap.add_argument("--dir", default="readings",
                    help="folder under docs/calibration/answers (default: readings)")
    args = ap.parse_args(argv)
    results = figures(args.dir)
    if not results:
        print(f"no generous/strict pairs under docs/calibration/answers/{args.dir}", file=sys.stderr)
        return 1
    for key, value in results.items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    print()
    print("\n".join(plant_table(args.dir)))
    if args.questions:
        scored = [s for s in _round(args.dir) if s.assessor in ("generous", "strict")]
        print()
        print("\n".join(calibration.question_table(scored, args.questions)))
    if args.rise:
        print()
        print("\n".join(rise_table(args.dir, args.rise)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
