"""``benchmarks/reassess_edit.py``: the edit that gives a kept round's session answers to the
calibration's answers files (rounds 164 and 166 used it on 214 files each).  It edits text,
so each case here is a way a text edit can go wrong: a value spread over several lines, a
notes section that is missing, commented or followed by another section, a blank answer,
answers that YAML reads as something else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from .test_calibration import _bench

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
reassess = _bench("reassess_edit")  # the edit half of reassess.py
QIDS = ("ops.main.lvl", "ops.main.follow")
HEAD = "format: maturity-answers/1\nquestionnaire: five_kinds@1\n"


def _edit(text: str, answers: dict, reasons: dict | None = None) -> dict:
    out = reassess.replaced_text(text, {"answers": answers, "reasons": reasons or {}}, QIDS, "round 9")
    return yaml.safe_load(out) | {"_text": out}


def test_a_value_spread_over_lines_is_replaced_whole_and_its_neighbours_keep_theirs():
    text = HEAD + ("answers:\n  ops.main.other: 3\n  # Q: the level\n  ops.main.lvl: 1\n"
                   "  ops.main.follow:\n    - a\n    - b\n  ops.main.last: 2\n"
                   "notes:\n  ops.main.other: fine\n  ops.main.lvl: >-\n    an old long\n    note\n")
    got = _edit(text, {"ops.main.lvl": "2+", "ops.main.follow": None}, {"ops.main.lvl": "why"})
    assert got["answers"] == {"ops.main.other": 3, "ops.main.lvl": "2+", "ops.main.last": 2}
    assert got["notes"] == {"ops.main.other": "fine", "ops.main.lvl": "round 9: why"}
    assert "# Q: the level" in got["_text"]  # the template's comments stay


def test_notes_are_replaced_in_place_and_a_section_after_them_is_left_alone():
    text = HEAD + ("answers:\n  ops.main.lvl: 1\nnotes:  # evidence\n  ops.main.lvl: old\n"
                   "  ops.main.other: kept\n\ntargets:\n  ops.main.lvl: 3\n")
    got = _edit(text, {"ops.main.lvl": 2, "ops.main.follow": True},
                {"ops.main.lvl": "new", "ops.main.follow": "seen"})
    assert got["answers"] == {"ops.main.lvl": 2, "ops.main.follow": True}
    assert list(got["notes"]) == ["ops.main.lvl", "ops.main.follow", "ops.main.other"]
    assert got["targets"] == {"ops.main.lvl": 3}
    assert got["_text"].count("notes:") == 1


def test_a_file_without_notes_gets_them_only_when_there_is_a_reason():
    text = HEAD + "answers:\n  ops.main.lvl: 1\n"
    assert "notes" not in _edit(text, {"ops.main.lvl": 2})
    assert _edit(text, {"ops.main.lvl": 2}, {"ops.main.lvl": "r"})["notes"] == {"ops.main.lvl": "round 9: r"}


@pytest.mark.parametrize("given, read", [
    ("2+", "2+"), ("n/a", "n/a"), (3, 3), (True, True), ("no", False), ('"No"', False),
    ("3 # unsure", "3 # unsure"), ("on", "on"), ("*star", "*star")])
def test_answers_read_back_as_the_session_gave_them(given, read):
    value = yaml.safe_load(f"k: {given}")["k"] if isinstance(given, str) and given.startswith('"') else given
    got = _edit(HEAD + "answers:\n  ops.main.lvl: 1\n", {"ops.main.lvl": value})
    assert got["answers"]["ops.main.lvl"] == read


@pytest.mark.parametrize("blank", [None, "None"])
def test_a_blank_answer_takes_the_question_out(blank):
    got = _edit(HEAD + "answers:\n  ops.main.lvl: 1\n  ops.main.follow: yes\n", {"ops.main.lvl": blank})
    assert got["answers"] is None or "ops.main.lvl" not in got["answers"]


def test_a_file_without_the_question_or_with_flow_notes_is_refused_not_guessed():
    with pytest.raises(ValueError, match="not in the file"):
        _edit(HEAD + "answers:\n  ops.main.other: 1\n", {"ops.main.lvl": 2})
    with pytest.raises(ValueError, match="flow style"):
        _edit(HEAD + "answers:\n  ops.main.lvl: 1\nnotes: {ops.main.lvl: x}\n", {"ops.main.lvl": 2},
              {"ops.main.lvl": "r"})


def test_a_checklist_answer_is_written_item_by_item_on_the_items_old_lines():
    """Round 211 asked checklists: a session's answer is a mapping of items, each written on
    the item's old line so the template's comment above it stays, an item the file lacks
    added at the end, one the session left out made blank, in block style as the template
    writes it."""
    text = HEAD + ("answers:\n  ops.main.lvl:\n    a: not\n    # (L2) the b item\n    b: partly\n"
                   "    d: fully\n  ops.main.last: 2\n")
    got = _edit(text, {"ops.main.lvl": {"a": "mostly", "b": None, "c": "n/a"}})
    assert got["answers"] == {"ops.main.lvl": {"a": "mostly", "b": None, "d": None, "c": "n/a"},
                              "ops.main.last": 2}
    assert ("  ops.main.lvl:\n    a: mostly\n    # (L2) the b item\n    b:\n    d:\n    c: n/a\n"
            "  ops.main.last: 2\n") in got["_text"]


def test_checklists_decided_together_each_stay_where_they_were():
    """Round 211 decided three checklists together: each is written in its own place, not
    moved to the first one's, and an answer between them keeps its place too."""
    qids = ("ops.main.lvl", "ops.main.follow")
    text = HEAD + ("answers:\n  ops.main.lvl:\n    a: not\n  ops.main.mid: 2\n"
                   "  ops.main.follow:\n    # (L3) the x item\n    x: not\n")
    got = {"answers": {"ops.main.lvl": {"a": "fully"}, "ops.main.follow": {"x": "partly"}}}
    out = reassess.replaced_text(text, got, qids, "round 9")
    assert out == HEAD + ("answers:\n  ops.main.lvl:\n    a: fully\n  ops.main.mid: 2\n"
                          "  ops.main.follow:\n    # (L3) the x item\n    x: partly\n")


def test_reasons_given_item_by_item_make_one_note():
    """A session of round 211 gave its reasons for a checklist item by item: the note joins
    them, each after its item, instead of writing the mapping's Python text."""
    got = _edit(HEAD + "answers:\n  ops.main.lvl:\n    a: not\n",
                {"ops.main.lvl": {"a": "fully", "b": "not"}},
                {"ops.main.lvl": {"a": "seen on the floor", "b": "no sign"}})
    assert got["notes"] == {"ops.main.lvl": "round 9: a: seen on the floor; b: no sign"}


def test_a_checklist_answered_n_a_as_a_whole_stays_in_its_place_and_blank_items_stay_empty():
    """The second of two checklists decided together answered n/a as a whole is written on its
    own line, not moved after the first; an item a session wrote as the word None is blank, and
    a reason given item by item leaves out the items without one."""
    qids = ("ops.main.lvl", "ops.main.follow")
    text = HEAD + ("answers:\n  ops.main.lvl:\n    a: not\n  ops.main.mid: 2\n"
                   "  ops.main.follow:\n    # (L3) the x item\n    x: not\n")
    got = {"answers": {"ops.main.lvl": {"a": "None"}, "ops.main.follow": "n/a"},
           "reasons": {"ops.main.lvl": {"a": None, "b": "seen"}}}
    out = reassess.replaced_text(text, got, qids, "round 9")
    assert out.startswith(HEAD + "answers:\n  ops.main.lvl:\n    a:\n  ops.main.mid: 2\n"
                                 "  ops.main.follow: n/a\n")
    assert yaml.safe_load(out)["notes"] == {"ops.main.lvl": "round 9: b: seen"}
