"""Round 138: the figures of the network and control-system protection re-assessment, as
registered in docs/calibration.md.

Each of the 190 general-index files is scored three ways: as committed (the original
answers, the index before the change), with its network and protection answers replaced by
the control sessions' (Ca for `a`, Cb for `b`) against the index before the change, and
replaced by the new sessions' (A, B), with the new follow-up and checklist item, against the
index of the change (0965acd).  ``--only network`` or ``--only ics`` scores the new sessions'
answers of one change alone against an index with that change alone (the other question
keeps the control's answers and old wording): the rule's second test when one change is not
kept by the first.
Run from a checkout: python docs/calibration/reassess/round138/score.py [-v] [--only network|ics]
"""

import copy
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[4]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import calibration as cal  # noqa: E402

import maturity  # noqa: E402

CHANGE, BEFORE = "0965acd", "0965acd^"
NETWORK, AVAILABILITY = "factory.network.infrastructure", "factory.network.availability"
ICS, COMPLIANCE, ITEM = "factory.security.ics", "factory.security.compliance", "personal_accounts"
LEVELS = {"network": NETWORK, "ics": ICS}
READINGS = (("orig", None), ("ctrl", {"a": "Ca", "b": "Cb"}), ("new", {"a": "A", "b": "B"}))


def session(kind, plant):
    group = (int(plant[1:]) - 1) // 19 + 1
    return yaml.safe_load((HERE / f"{kind}{group}" / f"{plant}.yaml").read_text(encoding="utf-8"))


def replaced(doc, got, changes):
    """The answers document with the session's answers to the questions of ``changes``
    (the level question, and for a change in force its follow-up or checklist item)."""
    out = copy.deepcopy(doc)
    answers = out["answers"]
    for qid in (NETWORK, ICS):
        answers.pop(qid, None)
        if got["answers"].get(qid) is not None:
            answers[qid] = got["answers"][qid]
    if "network" in changes and got["answers"].get(AVAILABILITY) is not None:
        answers[AVAILABILITY] = got["answers"][AVAILABILITY]
    if "ics" in changes:
        rating = (got["answers"].get(COMPLIANCE) or {}).get(ITEM)
        if rating is not None:
            answers[COMPLIANCE] = {**(answers.get(COMPLIANCE) or {}), ITEM: rating}
    return out


def index_with(changes):
    """The general index before the change with the named changes of 0965acd in force."""
    if set(changes) == {"network", "ics"}:
        return cal.questionnaire_at(CHANGE)
    if not changes:
        return cal.questionnaire_at(BEFORE)
    before = cal.text_at(BEFORE, "questionnaires/general.yaml")
    after = cal.text_at(CHANGE, "questionnaires/general.yaml")
    # the change's two parts lie in separate sections: take the network section from one
    # text and the security section (with the scenarios and checks) from the other
    cut_a, cut_b = "      - id: network\n", "      - id: integration\n"

    def part(text):
        i, j = text.index(cut_a), text.index(cut_b)
        return text[:i], text[i:j], text[j:]

    head_b, net_b, rest_b = part(before)
    _, net_a, rest_a = part(after)
    text = head_b + (net_a if "network" in changes else net_b) + (rest_a if "ics" in changes else rest_b)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "general.yaml"
        path.write_text(text, encoding="utf-8")
        return maturity.load_questionnaire(str(path))


def main(verbose, only):
    changes = (only,) if only else ("network", "ics")
    index = {"orig": cal.questionnaire_at(BEFORE), "new": index_with(changes)}
    index["ctrl"] = index["orig"]
    expected, panel = cal.expected(), cal.panel()
    writer = dict.fromkeys(index, 0)
    in_panel = dict.fromkeys(index, 0)
    levels = {(k, q): [] for k in index for q in LEVELS}
    pairs = {(k, q): 0 for k in index for q in (*LEVELS, "availability", "accounts")}
    for plant, docs in cal.plants_at(CHANGE):  # as the sessions found them
        given = {}
        for side, doc in docs.items():
            for name, kinds in READINGS:
                if kinds is None:
                    got = doc
                elif name == "ctrl":
                    got = replaced(doc, session(kinds[side], plant), ())
                else:
                    new = session(kinds[side], plant)
                    got = replaced(doc, new, changes)
                    if only:  # the other question as the control read it
                        ctrl = session(READINGS[1][1][side], plant)
                        other = ICS if only == "network" else NETWORK
                        got["answers"].pop(other, None)
                        if ctrl["answers"].get(other) is not None:
                            got["answers"][other] = ctrl["answers"][other]
                grade = maturity.assess(index[name], got).level
                writer[name] += cal.in_range(grade, expected[plant]["expected_grade"])
                in_panel[name] += cal.in_range(grade, panel.get(plant, {}).get("range"))
                a = got["answers"]
                for q, qid in LEVELS.items():
                    given[name, q, side] = a.get(qid)
                    if cal.answer_level(a.get(qid)) is not None:
                        levels[name, q].append(cal.answer_level(a.get(qid)))
                given[name, "availability", side] = a.get(AVAILABILITY)
                given[name, "accounts", side] = (a.get(COMPLIANCE) or {}).get(ITEM)
                if verbose:
                    print(plant, side, name, a.get(NETWORK), a.get(AVAILABILITY), a.get(ICS),
                          (a.get(COMPLIANCE) or {}).get(ITEM), f"L{grade}")
        for key in pairs:
            pairs[key] += str(given[(*key, "a")]) == str(given[(*key, "b")])
    for name in index:
        mean = {q: statistics.mean(levels[name, q]) for q in LEVELS}
        print(f"{name}: in writers' ranges {writer[name]}/190, in panel's {in_panel[name]}/190, "
              f"mean network {mean['network']:.3f}, mean ics {mean['ics']:.3f}, exact a-b pairs: "
              + ", ".join(f"{q} {pairs[name, q]}/95" for q in (*LEVELS, "availability", "accounts")))


if __name__ == "__main__":
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    main("-v" in sys.argv, only)
