"""Defects a code review found in the changes of the session of 2026-12-07, each checked
to fail before its fix (the reviewer's reproductions, kept)."""

from __future__ import annotations

import datetime as dt
import re
import types
from pathlib import Path

import pytest

import maturity

EX = Path(__file__).resolve().parents[1] / "docs" / "examples"


def test_a_yaml_timestamp_is_said_to_have_a_time_of_day_not_shown_as_python():
    doc = ("format: maturity-answers/1\nquestionnaire: general@2\n"
           "assessed_on: 2026-05-12T10:00:00\nanswers: {}\n")
    with pytest.raises(maturity.MaturityError) as info:
        maturity.parse_answers(doc)
    message = info.value.issues[0].message
    assert "datetime.datetime(" not in message and "a date with a time of day" in message


def test_render_refuses_what_is_no_diagnosis_and_a_language_it_has_not(monkeypatch):
    a = maturity.assess(EX / "machinery-plant.yaml")
    with pytest.raises(maturity.ArgumentError):
        maturity.render(a)  # type: ignore[arg-type]
    d = maturity.diagnose(a)
    with pytest.raises(maturity.UsageError, match="lang must be en or zh"):
        maturity.render(d, "html", "fr")
    monkeypatch.setenv("FORCE_COLOR", "1")  # plain text stays plain
    assert "\x1b[" not in maturity.render(d, "text")


def test_a_choice_answer_s_id_is_read_in_any_case_as_a_multi_select_s():
    from maturity.normalise import normalise

    q = maturity.load_questionnaire(str(EX / "custom-index" / "data_practices.yaml"))
    question = next(x[2] for k, x in q.questions.items() if k.endswith(".a1"))
    assert normalise(question, "Some", len(q.levels)) == "some"


def test_unknown_profile_notes_past_the_first_problems_get_no_near_id_search(monkeypatch):
    from maturity import normalise as module

    calls = []
    real = module.hint
    def counted(*args: object) -> str:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "hint", counted)
    doc = ("format: maturity-answers/1\nquestionnaire: general@2\nanswers: {}\nnotes:\n"
           + "".join(f"  enterprise.nam{i}: n\n" for i in range(400)))
    with pytest.raises(maturity.AnswersError):
        maturity.assess(maturity.parse_answers(doc))
    assert len(calls) <= module.MAX_HINTS


def test_a_thousands_comma_is_not_told_to_become_a_decimal_point():
    from maturity.tui.widgets.number import NumberAnswer

    q = maturity.load_questionnaire("sme")
    field = types.SimpleNamespace(question=q.questions["results.market.revenue_growth"][2], lang="en",
                                  range_text=lambda: "a number")
    with pytest.raises(ValueError) as info:
        NumberAnswer.check(field, "1,200")  # type: ignore[arg-type]
    assert "1.200" not in str(info.value)
    with pytest.raises(ValueError, match=r"point, 2\.5"):
        NumberAnswer.check(field, "2,5")  # type: ignore[arg-type]


def test_a_full_width_semicolon_parts_a_checklist_cell_too():
    from maturity.tabular import _value

    assert _value("duties=fully；key_users=mostly") == {"duties": "fully", "key_users": "mostly"}


def test_three_dates_close_together_get_labels_apart():
    from maturity.model.diagnosis import History, HistoryPoint
    from maturity.report.history import chart

    days = [dt.date(2025, 1, 1), dt.date(2025, 1, 20), dt.date(2025, 2, 5), dt.date(2026, 6, 1)]
    h = History(enterprise="A", questionnaire="general@2", points=tuple(
        HistoryPoint(source=f"s{i}", assessed_on=d, level=1, score=1.0, score_max=5.0)
        for i, d in enumerate(days)))
    svg = chart(h, maturity.load_questionnaire("general"), "en")
    pos = [(float(x), float(y)) for x, y in
           re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>\d{4}-\d\d-\d\d<', svg)]
    assert len(pos) == 4
    assert not [(p, r) for i, p in enumerate(pos) for r in pos[i + 1:]
                if p[1] == r[1] and abs(p[0] - r[0]) < 72]


def test_an_industry_with_no_near_id_still_reads_as_sentences():
    doc = ("format: maturity-answers/1\nquestionnaire: general@2\n"
           "enterprise: {name: A, industry: 'IT'}\nanswers: {}\n")
    with pytest.raises(maturity.MaturityError) as info:
        maturity.parse_answers(doc)
    assert "equipment). The index's own" in info.value.issues[0].message


def test_a_chinese_report_names_the_profile_fields_of_its_notes_in_chinese():
    doc = ("format: maturity-answers/1\nquestionnaire: general@2\nenterprise: {name: A, id: X1}\n"
           "answers: {strategy.planning.roadmap: 2}\n"
           "notes: {enterprise.name: 全称见营业执照, enterprise.id: 统一代码}\n")
    md = maturity.render(maturity.diagnose(maturity.assess(maturity.parse_answers(doc))), "markdown", "zh")
    assert "- 名称：全称见营业执照" in md and "- 标识号：统一代码" in md and "- name：" not in md


def test_usage_errors_of_diagnose_and_what_if_carry_codes_for_programs():
    """An embedder found `diagnose(r, target=9)` with no issues and the issues of a bad
    target or what-if change with an empty ``code``, which the docs promise to programs."""
    a = maturity.assess(EX / "machinery-plant.yaml")
    cases = [(lambda: maturity.diagnose(a, target=9), "bad_target"),
             (lambda: maturity.diagnose(a, targets={"x": 3}), "bad_target"),
             (lambda: maturity.what_if(a, {"nope": 1}), "not_found"),
             (lambda: maturity.what_if(a, {"strategy.planning.roadmap": 9}), "bad_value")]
    for call, code in cases:
        with pytest.raises(maturity.UsageError) as info:
            call()
        assert [i.code for i in info.value.issues] == [code]


def test_an_assessment_dated_in_the_future_is_refused_at_its_line():
    """A consultant's assessed_on: 2030-01-01 was accepted silently, and would come last in
    any history."""
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    doc = f"format: maturity-answers/1\nquestionnaire: general@2\nassessed_on: {future}\nanswers: {{}}\n"
    with pytest.raises(maturity.MaturityError) as info:
        maturity.parse_answers(doc)
    (issue,) = info.value.issues
    assert issue.line == 3 and f"{future} is in the future" in issue.message
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()  # a day of grace (time zones)
    assert maturity.parse_answers(doc.replace(future, tomorrow)).assessed_on.isoformat() == tomorrow
