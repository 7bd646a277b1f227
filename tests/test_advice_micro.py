"""Maintenance on a system is no step for a micro firm (rounds 159/160, docs/calibration.md).

Every reader of the corpus's three micro firms (13 to 22 machines, no maintenance staff)
rated *Equipment maintenance management* "does not fit" ("a machine register in Excel and a
paper checklist"); small firms rate it "fits" 17 times of 19, medium and large ones 21 of 21."""

from __future__ import annotations

import pytest

from .test_advice_data import _offered, _plant

MAINTENANCE = "operations.equipment.maintenance_mgmt"


@pytest.mark.parametrize("size, offered", [("micro", False), ("small", True), ("medium", True)])
def test_maintenance_on_a_system_is_not_offered_to_a_micro_firm(general, size, offered):
    nothing = {i.id: "not" for i in general.questions[MAINTENANCE][2].items}
    plant = _plant(general, **{MAINTENANCE: nothing})
    assert ("equipment_maintenance" in _offered(general, plant, size)) is offered
