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


def test_no_english_string_counts_with_s_in_parentheses():
    """Each counted string has its singular (``_ONE``) and a plain plural: a report reader
    read "6 indicator(s) improved directly"."""
    assert i18n._ONE, "the check would pass vacuously"
    assert [k for k, (en, _) in i18n._STRINGS.items() if "(s)" in en] == []
    assert [k for k, (_, one) in i18n._ONE.items() if "(s)" in one] == []


def test_the_roadmap_title_of_a_phase_with_one_direct_indicator_is_singular():
    title = t("phase_and_direct", "en", n=1, level="L2 Standardised", k=1, far="")
    assert title == "Phase 1: reach L2 Standardised with the steps below and 1 indicator improved directly"


def test_a_phase_title_says_how_many_direct_improvements_climb_two_levels_or_more():
    """Round-115 reviewers of a refinery: "phase 1 claims L5 by improving 11 indicators
    directly, several of them L2/L3 to L5"; the heading said only "11 indicators"."""
    from pathlib import Path

    import maturity
    from maturity.report import content

    plant = Path(__file__).resolve().parent / "data" / "p44-b-round118.yaml"  # the case, frozen
    q = maturity.load_questionnaire("general")
    d = maturity.diagnose(maturity.assess(q, plant), q)
    phase = d.roadmap[0]
    far = [i for i in phase.path.improvements
           if i.indicator in phase.uncovered and i.to_level - i.from_level >= 2]
    assert len(phase.uncovered) > 1 and far, "the plant no longer shows the case"
    for lang, words in (("en", f", {len(far)} of them by two levels or more"),
                        ("zh", f"（其中 {len(far)} 项需提升两级及以上）")):
        report = content.build(q, d, lang)
        assert words in report.roadmap[0][0], report.roadmap[0][0]

