"""A step that puts in place only what a level adds waits for the level below it.

Level 5 of ``operations.quality.traceability`` is level 4 (the linked trace data of
defective and good products compared, the comparison documented) and the trace crossing
company boundaries.  The identifier-resolution step puts only the crossing in place, yet
below level 4 it was proposed as the way up, its card listing the comparison as its own
gap: first in phase 1 at five plants (p34, p46, p69, p83, p100), rated "already has" where
the partners already trace by the plant's identifiers and "does not fit" where the crossing is
the group's or the customer's work (review rounds 123-198).
Round 201: the digital-twin factory, a plant model fed with live data (level 5 of factory
planning), was offered cut to level 4 (changes planned in a 3D model and chosen on simulated
figures) where the plant was at 3: a card titled "digital twin" whose gap was the 3D model and
the simulation (p68, p70, p95 "already has").
"""

from __future__ import annotations

import pytest

import maturity

from .corpus import CAL
from .strategies import offered, plant_answers

STEP = "theme_identification_resolution"
TWIN = "digital_twin_factory"


@pytest.mark.parametrize("trace, proposed", [(3, False), (4, True)])
def test_identifier_resolution_waits_for_the_documented_comparison(general, trace, proposed):
    answers = plant_answers(general, 4, **{"operations.quality.traceability": trace})
    got = offered(general, answers, industry="machinery", production_type="discrete",
                  product_kind="equipment", size="large")
    assert (STEP in got) is proposed


@pytest.mark.parametrize("plant, question, step", [
    ("p46-b", "operations.quality.traceability", STEP),  # traces in house, not yet compared
    ("p69-b", "operations.quality.traceability", STEP),
    ("p68-b", "factory.planning.layout", TWIN),  # changes not yet chosen on simulated figures
    ("p70-b", "factory.planning.layout", TWIN),
])
def test_a_plant_at_level_3_is_offered_the_top_step_only_once_at_level_4(general, plant, question, step):
    doc = maturity.load_answers(CAL / f"{plant}.yaml").model_dump(mode="json", exclude_none=True)
    assert doc["answers"][question] == 3  # the case: level 4 not shown
    before = maturity.diagnose(maturity.assess(general, doc), general)
    assert step not in {r.scenario for r in before.recommendations}
    doc["answers"][question] = 4
    after = maturity.diagnose(maturity.assess(general, doc), general)
    assert step in {r.scenario for r in after.recommendations}
