"""The calibration corpus stays calibrated: every committed answers file of the current
round scores inside its plant's expected range, and the figures meet the targets.

When the index changes, re-run the assessors on the changed questions (docs/calibration.md);
never edit their answers to make this pass.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("calibration", ROOT / "benchmarks" / "calibration.py")
calibration = importlib.util.module_from_spec(_spec)
sys.modules["calibration"] = calibration  # dataclasses look their module up there
_spec.loader.exec_module(calibration)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def scored():
    return calibration.score_round("after")


@pytest.fixture(scope="module")
def expected():
    return calibration.expected()


def test_the_corpus_is_large_and_varied_enough(expected):
    assert len(expected) >= 16
    grades = {e["expected_grade"]["min"] for e in expected.values()}
    assert grades >= {0, 1, 2, 3, 4, 5}, "every grade from not-yet-L1 to L5"
    assert len({e["industry"] for e in expected.values()}) >= 8
    assert {e["production_type"] for e in expected.values()} >= {"process", "discrete"}
    assert sum(1 for e in expected.values() if e.get("expected_sme_level")) >= 4


def test_every_answers_file_scores_inside_its_plants_range(scored, expected):
    misses = []
    for s in scored:
        rng = expected[s.plant]["expected_sme_level" if s.sme else "expected_grade"]
        if not calibration.in_range(s.assessment.level, rng):
            misses.append(f"{s.path.name}: {s.assessment.level} not in {rng['min']}–{rng['max']}")
    assert not misses, misses


def test_the_calibration_targets_hold(scored, expected):
    f = calibration.figures(scored, expected)
    assert f["reference_plants"] >= 16
    assert f["in_expected_range"] >= 0.9
    assert f["assessor_grade_agreement"] >= 0.85
    assert f["assessor_kappa"] >= 0.8
    assert f["mean_abs_score_diff"] <= 0.3
    assert f["sme_in_expected_range"] >= 0.9


def test_weighted_kappa_is_one_for_identical_and_lower_for_disagreeing_raters():
    same = [(0, 0), (2, 2), (4, 4), (3, 3)]
    assert calibration.weighted_kappa(same) == pytest.approx(1.0)
    off = [(0, 1), (2, 2), (4, 3), (3, 3)]
    worse = [(0, 4), (2, 0), (4, 1), (3, 3)]
    assert calibration.weighted_kappa(worse) < calibration.weighted_kappa(off) < 1.0
