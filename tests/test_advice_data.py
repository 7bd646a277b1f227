"""The data platform is its own step, not the last item of the digital infrastructure.

Round-46 reviewers rated "Digital infrastructure" "already has" at a cement plant (p18)
and a copper smelter (p29) whose historians sit behind a firewall: the step's description
is the controlled link and the long-term store, both in place, yet it was offered for the
platform that joins shop-floor and business data, which the description (rescaled in
rounds 32-34 to leave large platforms out) does not promise."""

from __future__ import annotations

import pytest

from .strategies import offered, plant_answers


def _plant(q, collection=3, **override):
    return plant_answers(q, 2, items=False, **{
        "factory.network.infrastructure": 3, "factory.network.networking_rate": 90,
        "factory.data.collection": collection, "factory.data.platform": False, **override})


def _offered(q, answers, size):
    return offered(q, answers, industry="machinery", production_type="discrete", size=size)


@pytest.mark.parametrize("size, collection, platform", [
    ("medium", 3, True), ("large", 2, True), ("small", 3, False), ("medium", 1, False)])
def test_a_plant_with_the_link_and_the_store_is_offered_the_platform_not_the_infrastructure(
        general, size, collection, platform):
    offered = _offered(general, _plant(general, collection), size)
    assert ("data_platform" in offered) is platform
    if collection == 3:
        assert "digital_infrastructure" not in offered  # what it describes is in place


def test_the_platform_is_offered_only_where_it_is_missing(general):
    has_one = _plant(general, **{"factory.data.platform": True})
    assert "data_platform" not in _offered(general, has_one, "large")


def test_the_infrastructure_never_claims_the_platform(general):
    (sc,) = [s for s in general.scenarios if s.id == "digital_infrastructure"]
    assert "factory.data.platform" not in {t.question for t in sc.delivers}
    (plat,) = [s for s in general.scenarios if s.id == "data_platform"]
    assert plat.builds_on == ["digital_infrastructure"]


@pytest.mark.parametrize("share, offered", [(0, False), (5, True)])
def test_fault_prediction_needs_some_condition_data_to_learn_from(general, share, offered):
    """The machining job shop p30 (medium, no key machine monitored online) was offered
    fault diagnosis and prediction; where no key equipment was monitored, reviewers rated
    it "does not fit" 74 times of 86, where some was, "fits" 285 times of 310 (round 100).
    The card's own need, condition data collected over time, is now required."""
    from pathlib import Path

    import maturity

    # p30-b as its assessor answered it before round 111: the re-read leadership answer
    # lifts its strategy, and the path to L4 no longer runs through equipment management
    frozen = Path(__file__).resolve().parent / "data" / "p30-b-round110.yaml"
    doc = maturity.load_answers(frozen).model_dump(mode="json", exclude_none=True)
    doc["answers"]["operations.equipment.monitoring_share"] = share
    from maturity.diagnosis import diagnose

    a = maturity.assess(general, doc)
    ids = {r.scenario for r in diagnose(a, general).recommendations}
    assert ("fault_diagnosis_prediction" in ids) is offered
