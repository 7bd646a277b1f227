"""The figures of a re-assessment round (rounds 140 on), from the round's registration in
``docs/calibration/reassess/roundN/round.yaml`` (``load_round``: the index of the change,
the plants per session, each question asked with its follow-ups and, where it is not the
round's own, its control): for each question, ``reassessed`` and, with readings sessions
(rounds 162 on), the room they leave (``figures``); and, for a round kept, the edit that
gives the answers files its sessions' answers (``apply_round``, rounds 164 on):

    python benchmarks/reassess.py --figures docs/calibration/reassess/round166 [-v]
    python benchmarks/reassess.py --apply docs/calibration/reassess/round166 \
        operations.safety.hazardous_work operations.safety.solutions_adopted
"""

from __future__ import annotations

import re
import statistics
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibration as cal
import yaml
from reassess_edit import apply_round, session_path

import maturity
from maturity.model import ChecklistQuestion
from maturity.model.answers import RATING_VALUES

TOP = 4
"""Count (5) of the rule (procedure step 7, from round 185): the question's mean level over the
files of plants whose writer's range starts at ``TOP`` or higher."""

MARGIN = {"level": 0.25, "rating": 0.075}
"""How far count (5)'s mean may fall below the control's: a quarter of a level, and for
checklists decided together (round 211 on) a quarter of the step from partly to mostly."""

COUNT_FROM = {4: 184, 5: 185}
"""The round from which each count after the first three is part of the rule (procedure step
7: each was added after a round's figures showed the rule lacked it)."""


@dataclass(frozen=True)
class Figures:
    """One reading's figures of a question (``reassessed``): files in the writers' and the
    panel's ranges, exact ``a``-``b`` pairs, files on which the consistency checks fire, and
    the question's mean level over all its answers and over those of plants written at
    ``TOP`` or higher (None where there are none).  For checklists decided together (round
    211 on) a pair is an item both sessions rate alike, and a mean is of the items' rating
    values."""

    writer: int
    in_panel: int
    pairs: int
    flagged: int
    mean: float | None
    top: float | None


def verdict(ctrl: Figures, new: Figures, old_room: float, new_room: float, round_no: int,
            kind: str = "level") -> list[str]:
    """The counts of the keep rule (procedure step 7) that the new wording fails against its
    control, as the rule stood at round ``round_no``; an empty list: kept.  ``kind``: "level",
    or "rating" for checklists decided together (count 5's ``MARGIN``, and the messages)."""
    failed = []
    if new.pairs < ctrl.pairs:
        failed.append(f"(1) exact pairs {new.pairs} against {ctrl.pairs}")
    if new.writer < ctrl.writer:
        failed.append(f"(2) files in the writers' ranges {new.writer} against {ctrl.writer}")
    if not new_room < old_room:
        places = 1 if kind == "level" else 2
        failed.append(f"(3) readings room {new_room:.{places}f} against {old_room:.{places}f}")
    if round_no >= COUNT_FROM[4] and new.flagged > ctrl.flagged:
        failed.append(f"(4) consistency checks firing in {new.flagged} files against {ctrl.flagged}")
    if (round_no >= COUNT_FROM[5] and None not in (new.top, ctrl.top)
            and new.top < ctrl.top - MARGIN[kind]):
        failed.append(f"(5) {kind} at L{TOP}-L5 plants {new.top:.3f} against {ctrl.top:.3f}")
    return failed


CONTROL_ARMS = ("Ca", "Cb", "Gc", "Sc")
"""A round's control sessions for the ``a`` and ``b`` files and its generous and strict
readings on the old excerpt, unless its ``round.yaml`` names others (``arms``)."""


def checklist_items(index: maturity.Questionnaire, qids: tuple[str, ...]
                    ) -> dict[str, tuple[str, ...]] | None:
    """Each of ``qids`` with its items when every one is a checklist (round 211 on: one rating
    scale, read for several checklists decided together); None when any is not, or is not in
    ``index``."""
    found = [index.questions.get(q, (None, None, None))[2] for q in qids]
    if not all(isinstance(q, ChecklistQuestion) for q in found):
        return None
    return {qid: tuple(i.id for i in q.items) for qid, q in zip(qids, found, strict=True)}


def item_answers(answers: Mapping, items: Mapping[str, tuple[str, ...]]) -> list[object]:
    """The answer to every item of the checklists ``items`` in ``answers``, in order: None
    for an item, or a whole checklist, left out (or written as the word None), and n/a for
    each item of a checklist answered n/a as a whole."""
    out: list[object] = []
    for qid, ids in items.items():
        got = answers.get(qid)
        if str(got) == "n/a":
            out += ["n/a"] * len(ids)
            continue
        got = got if isinstance(got, Mapping) else {}
        out += [cal.given(got.get(i)) for i in ids]
    return out


def rating(value: object) -> float | None:
    """An item's rating value (fully 1 … not 0, or a number from 0 to 1 as the answers format
    allows it); None for a blank, n/a or anything else."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    return RATING_VALUES.get(str(value))


def alike(a: list[object], b: list[object], checklist: bool = False) -> int:
    """The exact ``a``-``b`` pairs among two files' answers, taken in order: answers written
    alike; for checklists (round 211 on) items rated alike, an item neither session rated
    being no pair."""
    return sum(str(x) == str(y) and not (checklist and x is None)
               for x, y in zip(a, b, strict=True))


def reassessed(here: Path, change: str, qids: tuple[str, ...], group: int, verbose: bool = False,
               control: Path | None = None, arms: tuple[str, ...] = CONTROL_ARMS[:2]
               ) -> dict[str, Figures]:
    """Print and return (by reading: ``orig``, ``ctrl``, ``new``) the figures of a
    re-assessment round (rounds 140 on): each general-index file scored as the sessions found
    it (the index before ``change``), with its answers to ``qids`` replaced by the control
    sessions' (``arms``, by default ``Ca`` and ``Cb``, in ``control``, by default ``here``)
    against the index before ``change``, and by the new sessions' (``A``, ``B``) against the
    index at ``change``; sessions answered the plants in groups of ``group`` (``A1`` the
    first). The exact ``a``-``b`` pairs and the mean level are those of ``qids[0]``;
    ``flagged`` counts the files on which the index's consistency checks fire (round 183: an
    answer a kept help leads to must not be one the index's own checks call inconsistent),
    ``involved`` those with a finding on one of ``qids``; ``top`` is the mean level of
    ``qids[0]`` over the files of plants whose writer's range starts at ``TOP`` or higher
    (round 184: a wording that makes readers agree by reading advanced plants low).  Checklists
    decided together (``checklist_items``, round 211 on) count items instead: a pair is an item
    the two sessions rate alike, and the means are of the items' rating values.  A mean
    says over how many answers it is taken (a blank or n/a is none). An answer written as the
    word None (one session of round 145) is no answer. A round may take an earlier round's
    sessions on the same old wording as its control (round 163 reuses round 162's ``Ca``,
    ``Cb``; round 178 round 175's ``A``, ``B``)."""
    def session(name: str, kind: str, plant: str) -> dict:
        base = (control or here) if name == "ctrl" else here
        return yaml.safe_load(session_path(base, kind, plant, group).read_text(encoding="utf-8"))

    readings = (("orig", None), ("ctrl", dict(zip("ab", arms, strict=True))), ("new", {"a": "A", "b": "B"}))
    index = {"orig": cal.questionnaire_at(f"{change}^"), "new": cal.questionnaire_at(change)}
    index["ctrl"] = index["orig"]
    exp, pan = cal.expected(), cal.panel()
    writer, in_panel, pairs = dict.fromkeys(index, 0), dict.fromkeys(index, 0), dict.fromkeys(index, 0)
    flagged, involved = dict.fromkeys(index, 0), dict.fromkeys(index, 0)
    levels: dict[str, list[float]] = {k: [] for k in index}
    top: dict[str, list[float]] = {k: [] for k in index}
    files = 0
    items = checklist_items(index["orig"], qids)
    for plant, docs in cal.plants_at(change):  # as the sessions found them
        given = {}
        for side, doc in docs.items():
            files += 1
            for name, kinds in readings:
                got = doc if kinds is None else cal.with_answers(doc, session(name, kinds[side], plant), qids)
                scored = maturity.assess(index[name], got)
                grade = scored.level
                findings = maturity.consistency(scored, index[name])
                flagged[name] += bool(findings)
                involved[name] += any(f.question in qids or f.other in qids for f in findings)
                writer[name] += cal.in_range(grade, exp[plant]["expected_grade"])
                in_panel[name] += cal.in_range(grade, pan.get(plant, {}).get("range"))
                if items is None:
                    given[name, side] = [got["answers"].get(qids[0])]
                    found = [cal.answer_level(given[name, side][0])]
                else:
                    given[name, side] = item_answers(got["answers"], items)
                    found = list(map(rating, given[name, side]))
                found = [v for v in found if v is not None]
                levels[name] += found
                if (cal.lowest(exp.get(plant)) or 0) >= TOP:
                    top[name] += found
                if verbose:
                    print(plant, side, name, *(got["answers"].get(q) for q in qids), f"L{grade}")
        for name in index:
            pairs[name] += alike(given[name, "a"], given[name, "b"], checklist=items is not None)
    what = f"{qids[0].rsplit('.', 1)[1]} level" if items is None else "rating of the items"
    most = files // 2 * (1 if items is None else sum(map(len, items.values())))
    for name in ("orig", "ctrl", "new"):
        print(f"{name}: in writers' ranges {writer[name]}/{files}, in panel's {in_panel[name]}/{files}, "
              f"mean {what} {_mean(levels[name])}, "
              f"exact a-b pairs {pairs[name]}/{most}, consistency checks firing in {flagged[name]} "
              f"({involved[name]} on these questions), "
              f"mean {'level' if items is None else 'rating'} at plants written at L{TOP}-L5 "
              f"{_mean(top[name])}")
    return {name: Figures(writer[name], in_panel[name], pairs[name], flagged[name],
                          _average(levels[name]), _average(top[name])) for name in index}


def _average(values: list[float]) -> float | None:
    """The mean of ``values``, None when there are none."""
    return statistics.mean(values) if values else None


def _mean(values: list[float]) -> str:
    """A mean with the number of answers it is taken over; a dash when there are none."""
    avg = _average(values)
    return f"{avg:.3f} over {len(values)}" if avg is not None else "- (no answers)"


READINGS = ("p02", "p04", "p06", "p08", "p12", "p18", "p23", "p28")
"""The readings sample of rounds 80 and 161: one generous and one strict session per plant."""


def parted(generous: Path, strict: Path, question: str, verbose: bool = False,
           items: Mapping[str, tuple[str, ...]] | None = None) -> float:
    """Summed over the readings sample: the level difference between the answers of a
    generous and a strict session (folders ``generous`` and ``strict``, one ``pNN.yaml`` per
    plant) to ``question`` (rounds 162 on).  A blank or n/a counts as level 0, so n/a against
    0 is no room: the measure is of the levels, not of whether the question applies.  With
    ``items`` (checklists decided together, ``checklist_items``): the difference in rating
    values, summed over every item of those checklists."""
    total = 0.0
    for plant in READINGS:
        docs = [yaml.safe_load((folder / f"{plant}.yaml").read_text(encoding="utf-8"))["answers"]
                for folder in (generous, strict)]
        if items is None:
            got = [[cal.answer_level(d.get(question))] for d in docs]
        else:
            got = [list(map(rating, item_answers(d, items))) for d in docs]
        total += sum(abs((g or 0) - (s or 0)) for g, s in zip(*got, strict=True))
        if verbose:
            print(plant, generous.name, strict.name, question, *(g if items else g[0] for g in got))
    return round(total, 6)  # sums of 0.3s and 0.2s: equal rooms compare equal (count 3)


KEYS = {"change", "group", "readings", "note", "asked"}
ASKED_KEYS = {"questions", "control", "arms"}


@dataclass(frozen=True)
class Asked:
    """One question a round decided on its own: the question, then its follow-ups; the
    folder of its control sessions and their names (control ``a``, control ``b``, and with
    readings the generous and strict sessions on the old excerpt)."""

    questions: tuple[str, ...]
    control: Path
    arms: tuple[str, ...]


@dataclass(frozen=True)
class Round:
    """A round's registration (``round.yaml``), its defaults filled in."""

    here: Path
    change: str
    group: int
    readings: bool
    note: str | None
    asked: tuple[Asked, ...]

    @property
    def pending(self) -> bool:
        """Registered, its sessions not yet in (a round is registered before any session
        reads the new wording)."""
        return not any(self.here.glob("A1/p*.yaml"))


def load_round(here: Path) -> Round:
    """``here/round.yaml`` checked: ``change`` a quoted commit (an unquoted all-digit hash
    would load as a number), ``group`` the plants per session (default 20), ``readings``
    false for rounds 140-147 (no generous and strict sessions), an optional ``note`` (figures
    registered by hand, printed first), and ``asked``: per question decided on its own,
    ``questions`` (the question, then its follow-ups) and, where the control is not this
    round's ``Ca``, ``Cb``, ``Gc``, ``Sc``, the ``control`` round (an earlier one) and its
    sessions' names (``arms``: two, and two readings with ``readings``)."""
    spec = yaml.safe_load((here / "round.yaml").read_text(encoding="utf-8"))
    where = f"{here / 'round.yaml'}"
    if not isinstance(spec, dict) or set(spec) - KEYS or not spec.get("asked"):
        raise ValueError(f"{where}: keys {sorted(KEYS)}, with asked")
    change = spec.get("change")
    if not isinstance(change, str) or not re.fullmatch(r"[0-9a-f]{7,40}", change):
        raise ValueError(f"{where}: change must be a quoted commit, not {change!r}")
    readings = spec.get("readings", True)
    asked = []
    for entry in spec["asked"]:
        if set(entry) - ASKED_KEYS or not entry.get("questions"):
            raise ValueError(f"{where}: each asked entry has questions, and may name control and arms")
        control = here.parent / entry.get("control", here.name)
        if control != here and not int(control.name[5:]) < int(here.name[5:]):
            raise ValueError(f"{where}: the control {control.name} is not an earlier round")
        arms = tuple(entry.get("arms", CONTROL_ARMS if readings else CONTROL_ARMS[:2]))
        if len(arms) != (4 if readings else 2):
            raise ValueError(f"{where}: arms names {4 if readings else 2} sessions, not {list(arms)}")
        asked.append(Asked(tuple(entry["questions"]), control, arms))
    return Round(here, change, spec.get("group", 20), readings, spec.get("note"), tuple(asked))


def figures(here: Path, verbose: bool = False) -> None:
    """Print a round's figures as its ``round.yaml`` registers them (``load_round``): for each
    question asked, with only its answers replaced, ``reassessed``'s figures and, with
    readings, the room the generous and strict sessions leave on it (old excerpt: the
    control's, new: ``Gn``, ``Sn``)."""
    r = load_round(here)
    if r.pending:
        raise SystemExit(f"{here.name}: registered, no sessions yet")
    if r.note:
        print(r.note)
    for a in r.asked:
        if r.readings:
            print(f"== {a.questions[0]}")
        f = reassessed(here, r.change, a.questions, r.group, verbose, control=a.control, arms=a.arms[:2])
        if r.readings:
            items = checklist_items(cal.questionnaire_at(f"{r.change}^"), a.questions)  # cached
            old = parted(a.control / a.arms[2], a.control / a.arms[3], a.questions[0], verbose, items)
            new = parted(here / "Gn", here / "Sn", a.questions[0], verbose, items)
            unit, places = ("level", 1) if items is None else ("rating", 2)
            print(f"readings sample, generous against strict, summed {unit} difference: "
                  f"old excerpt {old:.{places}f}, new excerpt {new:.{places}f}")
            failed = verdict(f["ctrl"], f["new"], old, new, int(here.name[5:]), unit)
            print("by the rule's counts: " + ("kept" if not failed else "not kept, " + "; ".join(failed)))


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="A re-assessment round's figures, or, for a round kept, "
                                 "give the answers files its sessions' answers.")
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--figures", type=Path, metavar="ROUND_DIR",
                      help="print the round's figures as its round.yaml registers them")
    what.add_argument("--apply", type=Path, metavar="ROUND_DIR",
                      help="the round's folder (docs/calibration/reassess/roundN, sessions A1…, B1…)")
    ap.add_argument("questions", nargs="*", help="with --apply: the question reworded, then its follow-ups, "
                    "as one entry of the round's round.yaml asks them")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --figures: every file's answers")
    args = ap.parse_args()
    here = (args.figures if args.figures is not None else args.apply).resolve()
    if args.figures is not None:
        if args.questions:
            ap.error("--figures takes the round's questions from its round.yaml")
        figures(here, args.verbose)
    else:  # every round applied (164 on) has a round.yaml: its group, and the questions checked
        r = load_round(here)
        if args.verbose or tuple(args.questions) not in {a.questions for a in r.asked}:
            ap.error(f"--apply {here.name}: the questions as one entry of its round.yaml asks them "
                     f"({'; '.join(' '.join(a.questions) for a in r.asked)}), and no -v")
        changed = apply_round(here, tuple(args.questions), r.group, here.name.replace("round", "round "))
        print(f"{changed} answers files changed")
