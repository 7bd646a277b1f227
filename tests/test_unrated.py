"""A checklist item left without a rating counts as not met, and the report says that it
was not rated instead of stating it as missing.

Why: the assessors of a semiconductor plant (p17) left three supplier items blank; the
report listed them under "Not yet in place here" and said "Every question that applies
was answered", and reviewers rated digital supply-chain management "already has" (5 of 5)
against a plant that runs an SRM: the report had turned "not known" into "not there"."""

from __future__ import annotations

from pathlib import Path

import pytest

from maturity.diagnosis import diagnose, unrated
from maturity.i18n import t
from maturity.improve import restore_values
from maturity.model.diagnosis import QuestionChange
from maturity.report.content import build
from maturity.report.inplace import missing

from .strategies import assess_answers as _assess
from .strategies import bottom_answer

CAL = Path(__file__).resolve().parent.parent / "docs" / "calibration" / "answers" / "after"

QID = "business.procurement.supplier_collab"


def _answers(q, collab, level=2):
    answers = {qid: min(level, max(x.anchors)) if x.kind == "level" else bottom_answer(x)
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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_step_whose_whole_gap_is_unrated_is_offered_as_a_check_first(lang):
    """Round 49: the reviewer of p17 saw every missing item of its supply-chain step marked
    "not rated" and still rated the step "already has" ("the listed gaps come from
    checklist items nobody rated").  A step whose whole gap nobody rated is offered as a
    check: its title and its reason say so; rated "not", the same gap is a project again."""
    import maturity

    doc = maturity.load_answers(CAL / "p17-b.yaml").model_dump(mode="json", exclude_none=True)
    blank = {"rating", "portal", "e_sourcing"}
    assert all(doc["answers"][QID].get(i) is None for i in blank)  # the assessor left them blank
    for answers, check in ((doc, True),
                           ({**doc, "answers": {**doc["answers"],
                                                QID: {**doc["answers"][QID], **dict.fromkeys(blank, "not")}}},
                            False)):
        q = maturity.load_questionnaire("general")
        a = maturity.assess(q, answers)
        d = diagnose(a, q)
        (r,) = [r for r in d.recommendations if r.scenario == "digital_supply_chain_management"]
        assert ("unrated" in r.reasons) is check
        if check:  # a check of the answers, in no phase (round-50 and round-51 reviewers)
            assert r.phase == 0
            assert all(o.rank < r.rank for o in d.recommendations if o.phase)
        report = build(q, d, lang)
        view = next(v for v in report.recommendations if v.rank == r.rank)
        assert (t("check_suffix", lang) in view.name) is check
        assert (t("why_unrated", lang) in view.why[0]) is check
