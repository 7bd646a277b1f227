"""Advanced process control runs on units that are linked and fed continuously under one
control system, the state of ``factory.equipment.automation`` level 3 for process plants.

Its prerequisite, the equipment indicator at level 3, also counts the CNC rate and the
digital-equipment rate, so PLC lines with material moved by hand (copper-tube casting,
rolling and drawing) and batch reactors met it; reviewers rated the card "does not fit" at
all three such plants, six votes of six (rounds 150 and 151, docs/calibration.md). The rule
has a price, pinned by the ``2+`` case: at the glass-fibre plant p88, whose ``b`` assessor
answered 2+ (cakes moved by hand from winding to drying) while its tank furnaces run under
DCS, both readers had rated the card "fits"."""

from __future__ import annotations

import pytest

from .strategies import assess_answers, offered, plant_answers

PLANT = {"industry": "nonferrous", "production_type": "process", "size": "large"}


def _plant(q, automation):
    """A process plant at L3 whose CNC and digital-equipment rates are high, so that the
    equipment indicator is at level 3 whatever ``automation`` says."""
    return plant_answers(q, 3, **{"factory.equipment.automation": automation,
                                  "factory.equipment.cnc_rate": 90, "factory.equipment.digital_rate": 90})


@pytest.mark.parametrize("automation, offers", [(2, False), ("2+", False), (3, True)])
def test_process_control_is_offered_only_where_the_units_run_linked(general, automation, offers):
    answers = _plant(general, automation)
    a = assess_answers(general, answers, **PLANT)
    assert a.level == 3 and a.indicator("factory.equipment").level >= 3  # the indicator alone lets it in
    assert ("advanced_process_control" in offered(general, answers, **PLANT)) is offers
