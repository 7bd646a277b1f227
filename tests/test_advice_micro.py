"""Maintenance on a system is no step for a micro firm (rounds 159/160, docs/calibration.md).

Every reader of the corpus's three micro firms (13 to 22 machines, no maintenance staff)
rated *Equipment maintenance management* "does not fit" ("a machine register in Excel and a
paper checklist"); small firms rate it "fits" 17 times of 19, medium and large ones 21 of 21.
A firm that does not state its size is not left out (a property not stated excludes
nothing)."""

from __future__ import annotations

import pytest

from .strategies import offered, plant_answers


@pytest.mark.parametrize("size, offers", [("micro", False), ("small", True), ("medium", True),
                                           ("large", True), (None, True)])
def test_maintenance_on_a_system_is_not_offered_to_a_micro_firm(general, size, offers):
    answers = plant_answers(general, 2, items=False)  # no equipment register, no plan
    enterprise = {"industry": "machinery", "production_type": "discrete"} | ({"size": size} if size else {})
    assert ("equipment_maintenance" in offered(general, answers, **enterprise)) is offers
