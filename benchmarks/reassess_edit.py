"""The edit that gives a kept re-assessment round's session answers to the calibration's
answers files (rounds 164 on; ``reassess.py --apply``): text edits, so the template's comments
and every other answer stay as they were, each file checked key by key before any is written."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from pathlib import Path

import calibration as cal
import yaml


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


def _splice(lines: list[str], spans: list[tuple[str, int, int]], new: dict[int, list[str]]) -> list[str]:
    """``lines`` without the entries ``spans``, with each of ``new`` put where its line was."""
    gone = {i for _, a, b in spans for i in range(a, b)}
    out: list[str] = []
    for i, line in enumerate(lines):
        out += new.get(i, [])
        out += [] if i in gone else [line]
    return out + [x for i in sorted(new) if i >= len(lines) for x in new[i]]


_ITEM = re.compile(r"^    ([^\s#][^:]*):")  # a checklist item's line under its question


def _item_line(item: str, value: object) -> str:
    """One checklist item's line; a blank item (None, or the word None) is left empty."""
    value = cal.given(value)
    return f"    {item}:" + (f" {written(value)}" if value is not None else "")


def _rated(value: object) -> object:
    """An answer as the read-back check compares it: a checklist without its blank items (None,
    or the word None)."""
    if not isinstance(value, dict):
        return value
    return {i: r for i, r in value.items() if cal.given(r) is not None}


def _why(reason: object) -> object:
    """A session's reason for the notes; reasons given item by item joined in one."""
    if isinstance(reason, dict):
        return "; ".join(f"{item}: {text}" for item, text in reason.items() if text is not None)
    return reason


def _answer(qid: str, value: object, old: list[str]) -> list[str]:
    """The lines of one answer: ``  qid: value``; for a checklist (round 211 on) the
    question's line and one line per item in block style, each item written on its old line
    (``old``: the answer's lines in the file) so the template's comments above it stay, an
    item the file lacks added at the end, one the session left out made blank."""
    if not isinstance(value, dict):
        return [f"  {qid}: {written(value)}"]
    out, done = [f"  {qid}:"], set()
    for line in old[1:]:
        m = _ITEM.match(line)
        if m:
            done.add(m.group(1))
            line = _item_line(m.group(1), value.get(m.group(1)))
        out.append(line)
    return out + [_item_line(i, v) for i, v in value.items() if i not in done]


def replaced_text(text: str, got: dict, qids: tuple[str, ...], label: str) -> str:
    """The answers file ``text`` with its answers to ``qids`` (a question and its level-5
    follow-ups, or checklists decided together) and their notes taken from the session
    ``got``, the notes prefixed with ``label`` ("round 164: …"), as a kept round's rule says
    (rounds 164 on).  Edited as text, so the template's comments and every other answer stay
    as they were: the answers are written where the question's line was (a follow-up just
    after it; a checklist where its own was), the notes where the old ones were or at the end
    of the notes (reasons given item by item joined in one).  An answer the session left
    blank is taken out.  The result is checked against the original, key by key, before it
    is returned (a checklist item left blank is as good as one left out)."""
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
    was = {q: (a, b) for q, a, b in spans}
    new: dict[int, list[str]] = {}
    for q, v in answers.items():
        if v is not None:  # a checklist stays where it was (round 211 asked three together)
            a, b = was.get(q, (at, at))
            checklist = isinstance(v, dict) or any(map(_ITEM.match, lines[a:b]))
            new.setdefault(a if q in was and checklist else at, []).extend(_answer(q, v, lines[a:b]))
    out = _splice(lines, spans, new)
    notes = _block(out, "notes")
    new_notes = [f"  {q}: {json.dumps(f'{label}: {_why(reasons[q])}', ensure_ascii=False)}"
                 for q in qids if answers[q] is not None and reasons.get(q)]
    if notes is None:
        out = [*out[:len(out) - (out[-1] == "")], "notes:", *new_notes] if new_notes else out
    else:
        spans = _entries(out, notes[0] + 1, notes[1], qids)
        last = notes[1]
        while last > notes[0] + 1 and not out[last - 1].strip():
            last -= 1  # new notes go after the last entry, not after trailing blank lines
        out = _splice(out, spans, {spans[0][1] if spans else last: new_notes})
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
        if _rated(now) != _rated(answers[q]) and written(now) != written(answers[q]):
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
