"""Round 164 kept: the new sessions' answers to the warehouse question and its level-5
follow-up replace the 214 general files' (A for the ``a`` files, B for the ``b`` files),
their reasons becoming the notes ("round 164: …"), as the rule registered in
docs/calibration.md says.  The files are edited as text, so the template's comments and
every other answer stay as they were.  Run once from a checkout:
python docs/calibration/reassess/round164/apply.py
"""

import json
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
AFTER = HERE.parents[1] / "answers" / "after"
WAREHOUSE, SHARED = "operations.warehousing.warehouse", "operations.warehousing.shared_stock"


def written(value: object) -> str:
    if value is True or value is False:
        return "yes" if value else "no"
    return str(value)


def apply(path: Path, got: dict) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    answers, reasons = got["answers"], got.get("reasons") or {}
    notes_at = lines.index("notes:") if "notes:" in lines else None
    body = lines[:notes_at] if notes_at is not None else lines
    notes = lines[notes_at:] if notes_at is not None else []
    key = re.compile(rf"^  ({re.escape(WAREHOUSE)}|{re.escape(SHARED)}):")
    out, seen = [], False
    for line in body:
        m = key.match(line)
        if m and m.group(1) == SHARED:
            continue  # written again below, after the warehouse answer, if it is answered now
        if m:
            seen = True
            out.append(f"  {WAREHOUSE}: {written(answers[WAREHOUSE])}")
            if answers.get(SHARED) is not None:
                out.append(f"  {SHARED}: {written(answers[SHARED])}")
            continue
        out.append(line)
    assert seen, path
    kept = [n for n in notes[1:] if not key.match(n)]
    given = [f"  {q}: {json.dumps('round 164: ' + reasons[q], ensure_ascii=False)}"
             for q in (WAREHOUSE, SHARED) if answers.get(q) is not None and reasons.get(q)]
    while kept and kept[-1] == "":
        kept.pop()
    text = "\n".join([*out, "notes:", *kept, *given]) + "\n" if notes or given else "\n".join(out)
    path.write_text(text, encoding="utf-8")
    check = yaml.safe_load(text)["answers"]
    assert written(check[WAREHOUSE]) == written(answers[WAREHOUSE]), path
    assert written(check.get(SHARED)) == written(answers.get(SHARED)), path


if __name__ == "__main__":
    for path in sorted(AFTER.glob("p*-[ab].yaml")):
        if not re.fullmatch(r"p\d+-[ab]", path.stem):
            continue  # the SME index's files (pNN-sme-a) have no warehouse question
        plant, side = path.stem.split("-")
        group = (int(plant[1:]) - 1) // 20 + 1
        session = HERE / f"{'A' if side == 'a' else 'B'}{group}" / f"{plant}.yaml"
        apply(path, yaml.safe_load(session.read_text(encoding="utf-8")))
