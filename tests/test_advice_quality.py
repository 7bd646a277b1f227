"""Cross-company traceability comes after the documented comparison of trace data.

Level 5 of ``operations.quality.traceability`` is level 4 (the linked trace data of
defective and good products compared, the comparison documented) and the trace crossing
company boundaries.  The identifier-resolution step puts only the crossing in place, yet
below level 4 it was proposed as the way up, its card listing the comparison as its own
gap: first in phase 1 at five plants whose partners already trace by their identifiers
(p34, p46, p69, p83, p100), rated "already has" or "does not fit" (review rounds 123-198).
"""

from __future__ import annotations

import pytest

import maturity

from .corpus import CAL
from .strategies import offered, plant_answers

STEP = "theme_identification_resolution"


@pytest.mark.parametrize("trace, proposed", [(3, False), (4, True)])
def test_identifier_resolution_waits_for_the_documented_comparison(general, trace, proposed):
    answers = plant_answers(general, 4, **{"operations.quality.traceability": trace})
    got = offered(general, answers, industry="machinery", production_type="discrete",
                  product_kind="equipment", size="large")
    assert (STEP in got) is proposed


@pytest.mark.parametrize("plant", ["p46-b", "p69-b"])
def test_a_plant_that_traces_in_house_is_not_sent_to_the_partners_first(general, plant):
    doc = maturity.load_answers(CAL / f"{plant}.yaml").model_dump(mode="json", exclude_none=True)
    assert doc["answers"]["operations.quality.traceability"] == 3  # the case: level 4 not shown
    before = maturity.diagnose(maturity.assess(general, doc), general)
    assert STEP not in {r.scenario for r in before.recommendations}
    doc["answers"]["operations.quality.traceability"] = 4
    after = maturity.diagnose(maturity.assess(general, doc), general)
    assert STEP in {r.scenario for r in after.recommendations}
