"""The figures of a re-assessment round (rounds 140 on): one function that each round's
``docs/calibration/reassess/roundN/score.py`` calls with the round's change, questions
and group size, instead of a copy of the same scoring loop in every round.
"""

from __future__ import annotations

import copy
import json
import re
import statistics
from pathlib import Path

import calibration as cal
import yaml

import maturity


def reassessed(here: Path, change: str, qids: tuple[str, ...], group: int, verbose: bool = False,
               control: Path | None = None) -> None:
    """Print the figures of a re-assessment round (rounds 140 on): each general-index file
    scored as the sessions found it (the index before ``change``), with its answers to
    ``qids`` replaced by the control sessions' (``Ca``, ``Cb`` in ``here``) against the index
    before ``change``, and by the new sessions' (``A``, ``B``) against the index at
    ``change``; sessions answered the plants in groups of ``group`` (``A1`` the first).  The
    exact ``a``-``b`` pairs and the mean level are those of ``qids[0]``.  An answer written
    as the word None (one session of round 145) is no answer.  ``control``: the folder of an
    earlier round whose control sessions answered the same old wording (round 163 reuses
    round 162's); by default ``here``."""
    def session(kind: str, plant: str) -> dict:
        base = (control or here) if kind.startswith("C") else here
        folder = base / f"{kind}{(int(plant[1:]) - 1) // group + 1}"
        return yaml.safe_load((folder / f"{plant}.yaml").read_text(encoding="utf-8"))

    def replaced(doc: dict, got: dict) -> dict:
        out = copy.deepcopy(doc)
        for qid in qids:
            out["answers"].pop(qid, None)
            if got["answers"].get(qid) not in (None, "None"):
                out["answers"][qid] = got["answers"][qid]
        return out

    readings = (("orig", None), ("ctrl", {"a": "Ca", "b": "Cb"}), ("new", {"a": "A", "b": "B"}))
    index = {"orig": cal.questionnaire_at(f"{change}^"), "new": cal.questionnaire_at(change)}
    index["ctrl"] = index["orig"]
    exp, pan = cal.expected(), cal.panel()
    writer, in_panel, pairs = dict.fromkeys(index, 0), dict.fromkeys(index, 0), dict.fromkeys(index, 0)
    levels: dict[str, list[float]] = {k: [] for k in index}
    files = 0
    for plant, docs in cal.plants_at(change):  # as the sessions found them
        given = {}
        for side, doc in docs.items():
            files += 1
            for name, kinds in readings:
                got = doc if kinds is None else replaced(doc, session(kinds[side], plant))
                grade = maturity.assess(index[name], got).level
                writer[name] += cal.in_range(grade, exp[plant]["expected_grade"])
                in_panel[name] += cal.in_range(grade, pan.get(plant, {}).get("range"))
                given[name, side] = got["answers"].get(qids[0])
                level = cal.answer_level(given[name, side])
                if level is not None:
                    levels[name].append(level)
                if verbose:
                    print(plant, side, name, *(got["answers"].get(q) for q in qids), f"L{grade}")
        for name in index:
            pairs[name] += str(given[name, "a"]) == str(given[name, "b"])
    for name in index:
        print(f"{name}: in writers' ranges {writer[name]}/{files}, in panel's {in_panel[name]}/{files}, "
              f"mean {qids[0].rsplit('.', 1)[1]} level {statistics.mean(levels[name]):.3f}, "
              f"exact a-b pairs {pairs[name]}/{files // 2}")


READINGS = ("p02", "p04", "p06", "p08", "p12", "p18", "p23", "p28")
"""The readings sample of rounds 80 and 161: one generous and one strict session per plant."""


def parted(generous: Path, strict: Path, question: str, verbose: bool = False) -> float:
    """Summed over the readings sample: the level difference between the answers of a
    generous and a strict session (folders ``generous`` and ``strict``, one ``pNN.yaml`` per
    plant) to ``question`` (a blank against a level counts the level; rounds 162 on)."""
    total = 0.0
    for plant in READINGS:
        got = [cal.answer_level(yaml.safe_load((folder / f"{plant}.yaml").read_text(encoding="utf-8"))
                                ["answers"].get(question)) for folder in (generous, strict)]
        total += abs((got[0] or 0) - (got[1] or 0))
        if verbose:
            print(plant, generous.name, strict.name, question, *got)
    return total


def _written(value: object) -> str:
    """An answer as an answers file writes it (a session's yes/no may have loaded as a bool)."""
    if value is True or value is False:
        return "yes" if value else "no"
    return str(value)


def replace_answers(path: Path, got: dict, qids: tuple[str, ...], label: str) -> None:
    """A kept round's rule (rounds 164 on): in the answers file ``path``, the answers to
    ``qids`` (a level question and its level-5 follow-up) become the session's ``got``, and
    their notes the session's reasons, prefixed ``label`` ("round 164: …").  The file is
    edited as text, so the template's comments and every other answer stay as they were;
    a follow-up the session leaves unanswered is taken out, one it answers is written just
    after its question."""
    main, *follow = qids
    answers, reasons = got["answers"], got.get("reasons") or {}
    lines = path.read_text(encoding="utf-8").split("\n")
    notes_at = lines.index("notes:") if "notes:" in lines else len(lines)
    key = re.compile("^  (" + "|".join(re.escape(q) for q in qids) + "):")
    out, seen = [], False
    for line in lines[:notes_at]:
        m = key.match(line)
        if m and m.group(1) != main:
            continue  # written again below, after its question, if it is answered now
        if m:
            seen = True
            out.append(f"  {main}: {_written(answers[main])}")
            out += [f"  {q}: {_written(answers[q])}" for q in follow if answers.get(q) is not None]
            continue
        out.append(line)
    assert seen, path
    kept = [n for n in lines[notes_at + 1:] if not key.match(n)]
    while kept and kept[-1] == "":
        kept.pop()
    given = [f"  {q}: {json.dumps(f'{label}: {reasons[q]}', ensure_ascii=False)}"
             for q in qids if answers.get(q) is not None and reasons.get(q)]
    had_notes = notes_at < len(lines)
    text = "\n".join([*out, "notes:", *kept, *given]) + "\n" if had_notes or given else "\n".join(out)
    path.write_text(text, encoding="utf-8")
    check = yaml.safe_load(text)["answers"]
    for q in qids:
        assert _written(check.get(q)) == _written(answers.get(q)), (path, q)


def apply_round(here: Path, qids: tuple[str, ...], group: int, label: str) -> None:
    """Every general-index answers file takes its session's answers to ``qids``: the ``A``
    sessions' for the ``a`` files, the ``B`` sessions' for the ``b`` files, in groups of
    ``group`` plants by number (``A1`` the first)."""
    for path in sorted((cal.CAL / "answers" / "after").glob("p*-[ab].yaml")):
        if not re.fullmatch(r"p\d+-[ab]", path.stem):
            continue  # the SME index's files (pNN-sme-a) are another questionnaire
        plant, side = path.stem.split("-")
        session = here / f"{side.upper()}{(int(plant[1:]) - 1) // group + 1}" / f"{plant}.yaml"
        replace_answers(path, yaml.safe_load(session.read_text(encoding="utf-8")), qids, label)

