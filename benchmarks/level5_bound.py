"""How far could splitting the bundled level-5 descriptions move the top of the scale?

Seventeen level questions of the general index described level 5 as two states joined in
one sentence (a model-driven practice *and* a chain partner taking part), which the issue
asks to split (done in round 119). Before re-assessing them, an upper bound (docs/calibration.md, "Limits"):
for every committed answers file of the general index, every answer of 4 or more to
those questions is set to 5, as if the split made each level-5 description true, and the
file is scored again. Since round 119 each level-5 description asks one state and the
partner state is a yes/no follow-up: the bound sets both (the level at 5, the follow-up
yes). Prints the files expected at L4 or above and those whose grade moves, then how many
files reach L5 and how many expected at L4 at most would.
Usage::

    python benchmarks/level5_bound.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibration  # the script beside this one

import maturity

BUNDLED = (
    "strategy.planning.roadmap", "strategy.planning.investment", "strategy.talent.training",
    "factory.security.ics", "rd.innovation.customer", "rd.design.cad_plm", "rd.design.verification",
    "operations.warehousing.warehouse", "operations.warehousing.delivery",
    "operations.safety.environment", "operations.safety.hazardous_work",
    "business.planning.budgeting", "business.procurement.purchasing", "business.logistics.tracking",
    "business.marketing.crm", "business.marketing.customisation", "business.service.customer_service",
)
"""The level questions whose level-5 description joined two states (round 116; split in
round 119)."""


def partner_questions(q: maturity.Questionnaire) -> dict[str, list[str]]:
    """Each of the bundled questions → the yes/no follow-ups that ask its partner state."""
    out: dict[str, list[str]] = {k: [] for k in BUNDLED}
    for qid, (_, _, x) in q.questions.items():
        if x.follow_up is not None and x.follow_up.question in out:
            out[x.follow_up.question].append(qid)
    return out


def main() -> int:
    expected = calibration.expected()
    q = maturity.load_questionnaire("general")
    partners = partner_questions(q)
    reach = overshoot = 0
    print("| file | expected | now | every answer of 4 or more to them at 5, partner yes | set |")
    print("|---|---|---|---|---|")
    for path in sorted((calibration.CAL / "answers" / "after").glob("p*.yaml")):
        name = calibration.NAME.match(path.name)
        if name is None or name.group(2):  # the general index's files only, not the SME's
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not str(doc.get("questionnaire", "")).startswith("general"):
            continue
        rng = expected[name.group(1)]["expected_grade"]
        now = maturity.assess(q, doc)
        raised = [k for k in BUNDLED if str(doc["answers"].get(k)) in ("4", "4+", "5")]
        for k in raised:
            doc["answers"][k] = 5
            for f in partners.get(k, ()):  # the partner state asked apart since round 119
                doc["answers"][f] = True
        bound = maturity.assess(q, doc)
        reach += bound.level == 5
        overshoot += bound.level == 5 and rng["max"] < 5
        if rng["max"] >= 4 or bound.level != now.level:
            print(f"| {path.stem} | {rng['min']}–{rng['max']} | L{now.level} {now.score:.2f} "
                  f"| L{bound.level} {bound.score:.2f} | {len(raised)} |")
    print(f"files_at_L5_bound: {reach}")
    print(f"files_at_L5_bound_expected_below_L5: {overshoot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
