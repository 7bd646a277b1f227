"""Advanced process control runs on units that are linked and fed continuously under one
control system, the state of ``factory.equipment.automation`` level 3 for process plants.

Its prerequisite, the equipment indicator at level 3, also counts the CNC rate and the
digital-equipment rate, so PLC lines with material moved by hand (copper-tube casting,
rolling and drawing) and batch reactors met it; reviewers rated the card "does not fit" at
all three such plants, six votes of six, and "fits" where the units run linked (rounds 150
and 151, docs/calibration.md)."""

from __future__ import annotations

import pytest

from maturity.improve import restore_values
from maturity.recommend import candidates

from .strategies import assess_answers as _assess
from .strategies import bottom_answer


def _plant(q, automation):
    """A process plant at L3: every level answer at 3, the checklist items up to level 3
    in place, the CNC and digital-equipment rates high; only ``automation`` varies."""
    answers = {}
    for qid, (_, _, x) in q.questions.items():
        if x.kind == "level":
            answers[qid] = min(3, max(x.anchors))
        elif x.kind == "checklist":
            answers[qid] = {i.id: "fully" if (i.level or 1) <= 3 else "not" for i in x.items}
        else:
            answers[qid] = bottom_answer(x)
    answers.update({"factory.equipment.automation": automation,
                    "factory.equipment.cnc_rate": 90, "factory.equipment.digital_rate": 90})
    return answers


def _offered(q, answers):
    a = _assess(q, answers, industry="nonferrous", production_type="process", size="large")
    return {c.scenario.id for c in candidates(q, restore_values(q, a.answers), a, None, [])}


@pytest.mark.parametrize("automation, offered", [(2, False), ("2+", False), (3, True)])
def test_process_control_is_offered_only_where_the_units_run_linked(general, automation, offered):
    assert ("advanced_process_control" in _offered(general, _plant(general, automation))) is offered


def test_the_equipment_indicator_alone_no_longer_lets_hand_fed_lines_in(general):
    """The indicator reaches level 3 on the two rates while the units are fed by hand: the
    case the question-level need exists for."""
    a = _assess(general, _plant(general, 2), industry="nonferrous", production_type="process",
                size="large")
    assert a.indicator("factory.equipment").level >= 3
    assert "advanced_process_control" not in _offered(general, _plant(general, 2))
