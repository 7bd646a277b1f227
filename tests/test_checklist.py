"""A checklist's check and rating against their definitions, written here from
``docs/methodology.md`` and ``docs/answers-format.md`` rather than from the code: the
engine takes shortcuts for the common answer (every rating a word, every item known;
items walked level by level), and these properties hold them to the plain rules for
every answer, common or not."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maturity.model import Questionnaire
from maturity.model.answers import NA, RATING_VALUES
from maturity.normalise import ItemError, normalise
from maturity.rating import EPS, rate

T = {"en": "t", "zh": "t"}
ITEMS = [  # id, level, weight, n/a allowed: levels with one item, several, none (4)
    ("a", 1, 1.0, False), ("b", 2, 0.5, True), ("c", 2, 2.0, False), ("d", 3, 1.0, True),
    ("e", 5, 0.3, False), ("f", 5, 0.7, True), ("g", 5, 1.0, False)]
N = 5


def _checklist() -> Any:
    raw = {
        "format": "maturity-questionnaire/1", "id": "t", "version": 1, "title": "t",
        "levels": [{"id": f"L{k}", "name": f"level {k}"} for k in range(1, N + 1)],
        "scoring": {"method": "cmmm", "bands": [{"level": k, "min": k - 0.2} for k in range(1, N + 1)]},
        "dimensions": [{"id": "d", "name": "d", "indicators": [{"id": "i", "name": "i", "questions": [
            {"id": "c", "kind": "checklist", "text": "c", "items": [
                {"id": i, "level": lv, "weight": w, "text": i, **({"allow_na": True} if na else {})}
                for i, lv, w, na in ITEMS]},
            {"id": "other", "kind": "checklist", "text": "o", "items": [  # for "n/a" at the top
                {"id": "x", "level": 1, "text": "x"}]}]}]}],
    }
    return Questionnaire.model_validate(raw).questions["d.i.c"][2]


QUESTION = _checklist()
RATINGS = st.one_of(st.sampled_from([*RATING_VALUES, "n/a", "N/A", " not applicable "]),
                    st.sampled_from([1, 0.8, 0.5, 0, 0.0, 1.0]),  # the numeric forms
                    st.sampled_from(["Fully", "half", 0.7, 2, True, None, [1], {"x": 1}]))
ANSWERS = st.dictionaries(st.sampled_from([i for i, *_ in ITEMS] + ["zz", 3]), RATINGS, max_size=9)


def _expected_check(value: dict[Any, Any]) -> dict[str, Any] | list[Any]:
    """The rules of a checklist answer: blank items are unrated; an unknown item, or a rating
    that is neither one of the four words, n/a (where the item allows it) nor one of their
    numbers, is an error at that item; the errors (a list of every bad item, in order)
    when there is any."""
    allow = {i: na for i, _, _, na in ITEMS}
    out: dict[str, Any] = {}
    bad = []
    for item, rating in value.items():
        if rating is None:
            continue
        if item not in allow:
            bad.append(item)
        elif isinstance(rating, str) and _word(rating) in RATING_VALUES:  # "Fully", as Excel writes it
            out[item] = RATING_VALUES[_word(rating)]
        elif isinstance(rating, str) and rating.strip().lower() in {"n/a", "na", "not applicable"}:
            if not allow[item]:
                bad.append(item)
            out[item] = NA
        elif not isinstance(rating, bool) and isinstance(rating, int | float) \
                and rating in RATING_VALUES.values():
            out[item] = float(rating)
        else:
            bad.append(item)
    return bad or out


def _word(text: str) -> str:
    """A rating word as written, give or take case, width, spaces and a closing full stop."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold().rstrip("。.")


@settings(max_examples=400, deadline=None)
@given(ANSWERS)
def test_a_checklist_answer_is_checked_by_its_rules_whatever_path_it_takes(value):
    expected = _expected_check(value)
    if isinstance(expected, list):  # every bad item is named, not only the first
        with pytest.raises(ItemError) as exc:
            normalise(QUESTION, value, N)
        assert [item for item, _ in exc.value.problems] == expected
        return
    got = normalise(QUESTION, value, N)
    assert got == expected
    assert all(type(x) is float or x == NA for x in got.values())


def _expected_rating(value: dict[str, Any], threshold: float) -> tuple[dict[int, float], float, int]:
    """Each level with rated items: the weighted mean of its items' ratings (an unrated item
    is 0, an n/a one is left out); the fraction: the same over all items; the level reached:
    the highest level whose every level with items, up to it, meets the threshold."""
    by_level: dict[int, list[tuple[float, float]]] = {}
    for item, lv, w, _ in ITEMS:
        r = value.get(item, 0.0)
        if r != NA:
            by_level.setdefault(lv, []).append((w, r))
    shares = {lv: sum(w * r for w, r in xs) / sum(w for w, _ in xs) for lv, xs in sorted(by_level.items())}
    rated = [(w, r) for xs in by_level.values() for w, r in xs]
    fraction = sum(w * r for w, r in rated) / sum(w for w, _ in rated) if rated else 0.0
    reached = 0
    for lv in sorted(shares):
        if shares[lv] + EPS < threshold:
            break
        reached = lv
    return shares, fraction, reached


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([i for i, *_ in ITEMS]),
                       st.sampled_from([*RATING_VALUES.values(), NA])),
       st.sampled_from([0.8, 0.5, 1.0]))
def test_a_checked_checklist_rates_as_its_definition_says(value, threshold):
    ratings, fraction, reached = rate(QUESTION, value, N, threshold)
    shares, want_fraction, want_reached = _expected_rating(value, threshold)
    assert ratings.keys() == shares.keys()  # a level whose every item is n/a asks nothing
    assert list(ratings) == sorted(ratings)
    for lv, share in shares.items():
        assert ratings[lv] == pytest.approx(share, abs=1e-12)
    assert fraction == pytest.approx(want_fraction, abs=1e-12)
    assert reached == want_reached


def test_an_unanswered_checklist_rates_zero_at_each_of_its_levels():
    assert rate(QUESTION, None, N, 0.8) == ({1: 0.0, 2: 0.0, 3: 0.0, 5: 0.0}, 0.0, 0)
