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

import json
import re
import statistics
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import calibration as cal
import yaml

import maturity

TOP = 4
"""Count (5) of the rule (procedure step 7, from round 185): the question's mean level over the
files of plants whose writer's range starts at ``TOP`` or higher."""

COUNT_FROM = {4: 184, 5: 185}
"""The round from which each count after the first three is part of the rule (procedure step
7: each was added after a round's figures showed the rule lacked it)."""


@dataclass(frozen=True)
class Figures:
    """One reading's figures of a question (``reassessed``): files in the writers' and the
    panel's ranges, exact ``a``-``b`` pairs, files on which the consistency checks fire, and
    the question's mean level over all its answers and over those of plants written at
    ``TOP`` or higher (None where there are none)."""

    writer: int
    in_panel: int
    pairs: int
    flagged: int
    mean: float | None
    top: float | None


def verdict(ctrl: Figures, new: Figures, old_room: float, new_room: float, round_no: int
            ) -> list[str]:
    """The counts of the keep rule (procedure step 7) that the new wording fails against its
    control, as the rule stood at round ``round_no``; an empty list: kept."""
    failed = []
    if new.pairs < ctrl.pairs:
        failed.append(f"(1) exact pairs {new.pairs} against {ctrl.pairs}")
    if new.writer < ctrl.writer:
        failed.append(f"(2) files in the writers' ranges {new.writer} against {ctrl.writer}")
    if not new_room < old_room:
        failed.append(f"(3) readings room {new_room:.1f} against {old_room:.1f}")
    if round_no >= COUNT_FROM[4] and new.flagged > ctrl.flagged:
        failed.append(f"(4) consistency checks firing in {new.flagged} files against {ctrl.flagged}")
    if (round_no >= COUNT_FROM[5] and None not in (new.top, ctrl.top)
            and new.top < ctrl.top - 0.25):
        failed.append(f"(5) level at L{TOP}-L5 plants {new.top:.3f} against {ctrl.top:.3f}")
    return failed


CONTROL_ARMS = ("Ca", "Cb", "Gc", "Sc")
"""A round's control sessions for the ``a`` and ``b`` files and its generous and strict
readings on the old excerpt, unless its ``round.yaml`` names others (``arms``)."""


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
    (round 184: a wording that makes readers agree by reading advanced plants low). A mean
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
                given[name, side] = got["answers"].get(qids[0])
                level = cal.answer_level(given[name, side])
                if level is not None:
                    levels[name].append(level)
                    if (cal.lowest(exp.get(plant)) or 0) >= TOP:
                        top[name].append(level)
                if verbose:
                    print(plant, side, name, *(got["answers"].get(q) for q in qids), f"L{grade}")
        for name in index:
            pairs[name] += str(given[name, "a"]) == str(given[name, "b"])
    for name in ("orig", "ctrl", "new"):
        print(f"{name}: in writers' ranges {writer[name]}/{files}, in panel's {in_panel[name]}/{files}, "
              f"mean {qids[0].rsplit('.', 1)[1]} level {_mean(levels[name])}, "
              f"exact a-b pairs {pairs[name]}/{files // 2}, consistency checks firing in {flagged[name]} "
              f"({involved[name]} on these questions), "
              f"mean level at plants written at L{TOP}-L5 {_mean(top[name])}")
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


def parted(generous: Path, strict: Path, question: str, verbose: bool = False) -> float:
    """Summed over the readings sample: the level difference between the answers of a
    generous and a strict session (folders ``generous`` and ``strict``, one ``pNN.yaml`` per
    plant) to ``question`` (rounds 162 on).  A blank or n/a counts as level 0, so n/a against
    0 is no room: the measure is of the levels, not of whether the question applies."""
    total = 0.0
    for plant in READINGS:
        got = [cal.answer_level(yaml.safe_load((folder / f"{plant}.yaml").read_text(encoding="utf-8"))
                                ["answers"].get(question)) for folder in (generous, strict)]
        total += abs((got[0] or 0) - (got[1] or 0))
        if verbose:
            print(plant, generous.name, strict.name, question, *got)
    return total


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
            old = parted(a.control / a.arms[2], a.control / a.arms[3], a.questions[0], verbose)
            new = parted(here / "Gn", here / "Sn", a.questions[0], verbose)
            print(f"readings sample, generous against strict, summed level difference: "
                  f"old excerpt {old:.1f}, new excerpt {new:.1f}")
            failed = verdict(f["ctrl"], f["new"], old, new, int(here.name[5:]))
            print("by the rule's counts: " + ("kept" if not failed else "not kept, " + "; ".join(failed)))


def session_path(here: Path, kind: str, plant: str, group: int) -> Path:
    """The file of ``plant`` in the session folder of ``kind`` (``A``, ``B``, ``Ca``, …):
    the sessions answered the plants in groups of ``group`` by number, ``A1`` the first."""
    return here / f"{kind}{(int(plant[1:]) - 1) // group + 1}" / f"{plant}.yaml"


def written(value: object) -> str:
    """``value`` as a YAML scalar that reads back as the same answer: ``2+``, ``n/a`` and
    numbers bare, a session's yes or no (a bool, or the word, quoted or not) as a bare yes
    or no, and anything else that would not read back as itself (``3 # unsure``, ``on``, a
    leading ``*``) quoted."""
    if value is True or value is False or str(value).lower() in ("yes", "no"):
        return "yes" if value is True or str(value).lower() == "yes" else "no"
    text = str(value)
    try:
        same = yaml.safe_load(f"k: {text}") == {"k": value}
    except yaml.YAMLError:
        same = False
    return text if same else json.dumps(value, ensure_ascii=False)


_TOP = re.compile(r"^[^\s#]")  # a line that starts a top-level key (not blank, not a comment)


def _block(lines: list[str], head: str) -> tuple[int, int] | None:
    """Where the top-level mapping ``head`` (``answers``, ``notes``) runs: the index of its
    key line and of the first line after it; None if the file has none.  ``notes: {…}`` in
    flow style is refused (its entries are not lines to edit)."""
    for k, line in enumerate(lines):
        m = re.match(rf"^{head}:\s*(.*)$", line)
        if m:
            if m.group(1) and not m.group(1).startswith("#"):
                raise ValueError(f"{head}: written in flow style ({m.group(1)!r}); edit it by hand")
            end = next((j for j in range(k + 1, len(lines)) if _TOP.match(lines[j])), len(lines))
            return k, end
    return None


def _entries(lines: list[str], start: int, end: int, keys: Collection[str]) -> list[tuple[str, int, int]]:
    """The entries ``keys`` between ``start`` and ``end``: each key with the span of its
    key line and the lines of its value below it (indented deeper than the key)."""
    spans = []
    k = start
    while k < end:
        m = re.match(r"^  ([^\s#][^:]*):", lines[k])
        if m and m.group(1) in keys:
            j = k + 1
            while j < end and lines[j].startswith("   "):
                j += 1
            spans.append((m.group(1), k, j))
            k = j
        else:
            k += 1
    return spans


def _splice(lines: list[str], spans: list[tuple[str, int, int]], at: int, new: list[str]) -> list[str]:
    """``lines`` without the entries ``spans``, with ``new`` put where line ``at`` was."""
    gone = {i for _, a, b in spans for i in range(a, b)}
    out: list[str] = []
    for i, line in enumerate(lines):
        out += new if i == at else []
        out += [] if i in gone else [line]
    return out + (new if at >= len(lines) else [])


def replaced_text(text: str, got: dict, qids: tuple[str, ...], label: str) -> str:
    """The answers file ``text`` with its answers to ``qids`` (a question and its level-5
    follow-ups) and their notes taken from the session ``got``, the notes prefixed with
    ``label`` ("round 164: …"), as a kept round's rule says (rounds 164 on).  Edited as text,
    so the template's comments and every other answer stay as they were: the answers are
    written where the question's line was (a follow-up just after it), the notes where the
    old ones were or at the end of the notes.  An answer the session left blank is taken
    out.  The result is checked against the original, key by key, before it is returned."""
    main = qids[0]
    answers = {q: cal.given(got["answers"].get(q)) for q in qids}
    reasons = got.get("reasons") or {}
    lines = text.split("\n")
    block = _block(lines, "answers")
    if block is None:
        raise ValueError("no answers: mapping")
    spans = _entries(lines, block[0] + 1, block[1], qids)
    at = next((a for q, a, _ in spans if q == main), None)
    if at is None:
        raise ValueError(f"{main}: not in the file's answers (the template writes every question)")
    out = _splice(lines, spans, at, [f"  {q}: {written(v)}" for q, v in answers.items() if v is not None])
    notes = _block(out, "notes")
    new_notes = [f"  {q}: {json.dumps(f'{label}: {reasons[q]}', ensure_ascii=False)}"
                 for q in qids if answers[q] is not None and reasons.get(q)]
    if notes is None:
        out = [*out[:len(out) - (out[-1] == "")], "notes:", *new_notes] if new_notes else out
    else:
        spans = _entries(out, notes[0] + 1, notes[1], qids)
        last = notes[1]
        while last > notes[0] + 1 and not out[last - 1].strip():
            last -= 1  # new notes go after the last entry, not after trailing blank lines
        out = _splice(out, spans, spans[0][1] if spans else last, new_notes)
    result = "\n".join(out)
    if not result.endswith("\n"):
        result += "\n"
    before, after = yaml.safe_load(text), yaml.safe_load(result)
    for section in ("answers", "notes"):
        b, a = dict(before.get(section) or {}), dict(after.get(section) or {})
        for q in qids:
            b.pop(q, None)
            a.pop(q, None)
        if a != b:
            raise ValueError(f"{section}: an entry other than {', '.join(qids)} changed")
    if {k: v for k, v in before.items() if k not in ("answers", "notes")} != \
            {k: v for k, v in after.items() if k not in ("answers", "notes")}:
        raise ValueError("a section other than the answers and notes changed")
    for q in qids:
        now = (after.get("answers") or {}).get(q)
        if now != answers[q] and written(now) != written(answers[q]):
            raise ValueError(f"{q}: written as {now!r}, not {answers[q]!r}")
    return result


def apply_round(here: Path, qids: tuple[str, ...], group: int, label: str) -> int:
    """Every general-index answers file takes its session's answers to ``qids``: the ``A``
    sessions' for the ``a`` files, the ``B`` sessions' for the ``b`` files.  All files are
    edited and checked first and written only when every one passed, so a failure leaves
    the calibration as it was.  Returns the number of files that changed."""
    edits = {}
    for path in sorted((cal.CAL / "answers" / "after").glob("p*-[ab].yaml")):
        if not re.fullmatch(r"p\d+-[ab]", path.stem):
            continue  # the SME index's files (pNN-sme-a) are another questionnaire
        plant, side = path.stem.split("-")
        got = yaml.safe_load(session_path(here, side.upper(), plant, group).read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        try:
            edits[path] = (text, replaced_text(text, got, qids, label))
        except ValueError as exc:
            raise SystemExit(f"{path}: {exc}; nothing written") from None
    for path, (old, new) in edits.items():
        if new != old:
            path.write_text(new, encoding="utf-8")
    return sum(old != new for old, new in edits.values())


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
