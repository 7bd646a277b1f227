"""Interface strings: English says "1 question", never "1 question(s)"."""

from __future__ import annotations

import string

import pytest

from maturity import i18n
from maturity.i18n import t


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _args(key: str, count: int) -> dict[str, object]:
    en, zh = i18n._STRINGS[key]
    args: dict[str, object] = {f: "X" for f in _fields(en) | _fields(zh)}
    args[i18n._ONE[key][0]] = count
    return args


@pytest.mark.parametrize("key", sorted(i18n._ONE))
def test_a_count_of_one_reads_in_the_singular_and_any_other_count_in_the_plural(key):
    one = t(key, "en", **_args(key, 1))
    assert "(s)" not in one
    assert one == i18n._ONE[key][1].format(**_args(key, 1))
    assert t(key, "en", **_args(key, 2)) == i18n._STRINGS[key][0].format(**_args(key, 2))
    assert t(key, "en", **_args(key, 2)) != one
    assert t(key, "zh", **_args(key, 1)) == i18n._STRINGS[key][1].format(**_args(key, 1))


@pytest.mark.parametrize("key", sorted(i18n._ONE))
def test_a_singular_asks_for_no_argument_its_plural_does_not_have(key):
    count, one = i18n._ONE[key]
    assert key in i18n._STRINGS
    assert count in _fields(i18n._STRINGS[key][0])
    assert _fields(one) <= _fields(i18n._STRINGS[key][0])


def test_every_english_string_with_a_counted_noun_has_its_singular():
    counted = sorted(k for k, (en, _) in i18n._STRINGS.items() if "(s)" in en)
    assert counted, "the check would pass vacuously"
    assert [k for k in counted if k not in i18n._ONE] == []


def test_the_roadmap_title_of_a_phase_with_one_direct_indicator_is_singular():
    title = t("phase_and_direct", "en", n=1, level="L2 Standardised", k=1)
    assert title == "Phase 1: reach L2 Standardised with the steps below and 1 indicator improved directly"
