"""A checklist item left without a rating counts as not met, and the report says that it
was not rated instead of stating it as missing.

Why: the assessors of a semiconductor plant (p17) left three supplier items blank; the
report listed them under "Not yet in place here" and said "Every question that applies
was answered", and reviewers rated digital supply-chain management "already has" (5 of 5)
against a plant that runs an SRM: the report had turned "not known" into "not there"."""

from __future__ import annotations

import pytest

from maturity.diagnosis import diagnose, unrated
from maturity.i18n import t
from maturity.improve import restore_values
from maturity.model.diagnosis import QuestionChange
from maturity.report.content import build
from maturity.report.inplace import missing

from .strategies import assess_answers as _assess
from .strategies import bottom_answer

QID = "business.procurement.supplier_collab"


def _answers(q, collab):
    answers = {qid: min(2, max(x.anchors)) if x.kind == "level" else bottom_answer(x)
               for qid, (_, _, x) in q.questions.items()}
    answers[QID] = collab
    return answers


def _items(q):
    return [i.id for i in q.questions[QID][2].items]


def test_only_the_items_left_blank_in_an_answered_checklist_are_unrated(general):
    items = _items(general)
    rated = {items[0]: "fully", items[1]: "not"}
    collab = {**rated, items[2]: None}  # a blank, as the template leaves it
    a = _assess(general, _answers(general, collab), industry="machinery", production_type="discrete")
    got = unrated(general, restore_values(general, a.answers), a)
    assert {f"{QID}.{i}" for i in items if i not in rated} <= set(got)
    assert f"{QID}.{items[1]}" not in got  # rated "not" is an answer
    # questions that were not asked (a follow-up whose gate is closed) have no unrated items
    asked = {r.id for d in a.dimensions for i in d.indicators for r in i.questions if r.status == "answered"}
    assert all(ref.rsplit(".", 1)[0] in asked for ref in got)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_marks_an_unrated_item_and_counts_it_under_completeness(general, lang):
    items = _items(general)
    collab = {items[0]: "fully", items[1]: "not"}
    a = _assess(general, _answers(general, collab), industry="machinery", production_type="discrete")
    values = restore_values(general, a.answers)
    change = QuestionChange(question=QID, from_level=0, to_level=5, items=tuple(items[1:3]))
    said = missing(general, (change,), values, lang)
    mark = t("not_rated", lang)
    assert mark not in said[0] and mark in said[1]  # "not" is not "not rated"
    d = diagnose(a, general)
    assert f"{QID}.{items[2]}" in d.completeness.unrated
    text = build(general, d, lang).completeness_text
    assert t("unrated_items", lang, n=len(d.completeness.unrated), items="X").split("X")[0] in text


def test_a_checklist_with_every_item_rated_has_nothing_unrated(general):
    collab = dict.fromkeys(_items(general), "partly")
    a = _assess(general, _answers(general, collab), industry="machinery", production_type="discrete")
    assert not [r for r in unrated(general, restore_values(general, a.answers), a) if r.startswith(QID)]
