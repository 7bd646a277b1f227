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
from maturity.model.base import tr
from maturity.model.diagnosis import QuestionChange
from maturity.report.content import build
from maturity.report.inplace import missing

from . import corpus
from .corpus import CAL
from .strategies import assess_answers as _assess
from .strategies import bottom_answer

QID = "business.procurement.supplier_collab"
# answers files as read before a re-assessment round changed the case a test is about
FROZEN = Path(__file__).resolve().parent / "data"


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
def test_a_step_whose_whole_gap_is_unrated_is_a_check_of_the_answers_not_advice(lang):
    """Rounds 49-51 offered a step whose whole gap nobody rated as a check, titled so and
    in no phase; its reviewers still rated it "already has" (16 of 16 votes at p17, p34
    and p67: "an answer fix rather than a scenario").  Round 110: it is no recommendation;
    the completeness check names it beside the unrated items.  Rated "not", the same gap is
    advice again."""
    import maturity

    doc = maturity.load_answers(CAL / "p17-b.yaml").model_dump(mode="json", exclude_none=True)
    blank = {"rating", "portal", "e_sourcing"}
    assert all(doc["answers"][QID].get(i) is None for i in blank)  # the assessor left them blank
    sid = "digital_supply_chain_management"
    for answers, check in ((doc, True),
                           ({**doc, "answers": {**doc["answers"],
                                                QID: {**doc["answers"][QID], **dict.fromkeys(blank, "not")}}},
                            False)):
        q = maturity.load_questionnaire("general")
        d = diagnose(maturity.assess(q, answers), q)
        advised = [r for r in d.recommendations if r.scenario == sid]
        assert bool(advised) is not check
        assert (sid in d.completeness.to_check) is check
        assert [r.rank for r in d.recommendations] == list(range(1, len(d.recommendations) + 1))
        report = build(q, d, lang)
        name = next(sc.name for sc in q.scenarios if sc.id == sid)
        opening = t("to_check", lang, names="X").split("X")[0]
        tail = report.completeness_text.split(opening, 1)[1] if opening in report.completeness_text else ""
        assert (tr(name, lang) in tail) is check
        assert all(v.name.find(tr(name, lang)) < 0 for v in report.recommendations) is check


def test_no_recommendation_anywhere_is_only_a_check_of_unrated_items():
    """Over the calibration corpus: what the completeness check names is never also advised,
    and each one it names lacks only answers not given (items left unrated, questions left
    unanswered)."""
    from maturity.delivery import lacking, only_unrated, question_state

    named = 0
    for plant in corpus.plants("p*.yaml"):
        q, a, d, path = plant.q, plant.a, plant.d, Path(plant.name)
        advised = {r.scenario for r in d.recommendations}
        assert not advised & set(d.completeness.to_check), path.name
        values, state = restore_values(q, a.answers), question_state(a)
        scen = {sc.id: sc for sc in q.scenarios_for(a.enterprise)}
        for sid in d.completeness.to_check:  # judged on the plant's own answers
            gap = lacking(q, scen[sid], state, values)
            assert gap and only_unrated(q, gap, values, state), (path.name, sid)
            named += 1
        assert not set(d.completeness.to_check) & {s for p in d.roadmap for s in p.scenarios}
    assert named >= 3  # p17, p34 and p67 at least


def test_a_step_built_on_one_named_for_a_check_is_still_advised():
    """Review of round 110: a step outside the phases that builds on what the plant lacks
    is cut unless the list gives that foundation; one named for a check of its unrated items
    had stopped counting as given, so integrated safety management vanished from p16-a when
    its electronic work permits were left unrated.  The answers are p16-a's as read before
    round 166 (its hazardous-work answer has since risen, and the case with it is gone)."""
    import maturity

    doc = maturity.load_answers(FROZEN / "p16-a-round165.yaml").model_dump(mode="json", exclude_none=True)
    doc["answers"]["operations.safety.safety_mgmt"].pop("e_permits")
    # the network as read before round 138, when level 4 included the availability target
    # (its re-reading moved p16-a's network to 5)
    doc["answers"]["factory.network.infrastructure"] = 4
    doc["answers"]["factory.network.availability"] = True
    q = maturity.load_questionnaire("general")
    d = diagnose(maturity.assess(q, doc), q)
    assert "safety_on_system" in d.completeness.to_check
    (r,) = [r for r in d.recommendations if r.scenario == "integrated_safety_management"]
    assert "after" in r.reasons


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_completeness_line_names_the_items_each_check_turns_on(lang):
    """Review of round 110: the line said the scenarios turn on "those items" while the
    deciding ones hid behind "and 7 more"; each scenario now comes with its own."""
    import maturity

    q = maturity.load_questionnaire("general")
    d = diagnose(maturity.assess(q, maturity.load_answers(CAL / "p48-a.yaml")), q)
    assert "safety_on_system" in d.completeness.to_check
    permits = next(i for i in q.questions["operations.safety.safety_mgmt"][2].items if i.id == "e_permits")
    text = build(q, d, lang).completeness_text
    tail = text[text.index(t("to_check", lang, names="X").split("X")[0]):]
    assert tr(permits.text, lang).rstrip("。.") in tail


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_step_whose_whole_gap_is_a_question_left_unanswered_is_a_check_not_advice(lang):
    """Round 123: p39's assessors left the training question blank (the profile says
    nothing of training), and *Digital talent and skills* was advised in phase 1 for it;
    its reviewer: "the jump comes from training questions that were left unanswered, not
    from anything observed at the plant" (likewise the plan at p17, whose only gap was the
    unanswered investment question).  Like unrated items, a gap nobody answered is a check
    the completeness line names with the question; answered "0", the same gap is advice.
    The answers are p39-b's as read before round 168, whose training help has every plant
    with systems in daily use meet level 1, so its sessions answer what p39's left blank."""
    import maturity

    q = maturity.load_questionnaire("general")
    doc = maturity.load_answers(FROZEN / "p39-b-round167.yaml").model_dump(mode="json", exclude_none=True)
    qid, sid = "strategy.talent.training", "theme_digital_talent"
    assert doc["answers"].get(qid) is None  # the assessor left it blank
    for answers, check in ((doc, True), ({**doc, "answers": {**doc["answers"], qid: 0}}, False)):
        d = diagnose(maturity.assess(q, answers), q)
        assert (sid in d.completeness.to_check) is check
        assert any(r.scenario == sid for r in d.recommendations) is not check
        text = build(q, d, lang).completeness_text
        assert (tr(q.questions[qid][2].text, lang).strip() in text) is check


def test_a_follow_up_closed_under_an_unanswered_question_is_not_known_either(general):
    """A follow-up opens only when the question before it is answered high enough; left
    closed because that question was not answered at all, its answer is as unknown as the
    question's (round-124 review)."""
    from maturity.delivery import only_unrated

    gate, follow = "strategy.planning.roadmap", "strategy.planning.partner_projects"
    assert general.questions[follow][2].follow_up.question == gate
    change = [QuestionChange(question=follow, from_level=0, to_level=5)]
    assert only_unrated(general, change, {}, {gate: ("unanswered", 0), follow: ("closed", 0)})
    assert not only_unrated(general, change, {gate: 2}, {gate: ("answered", 2), follow: ("closed", 0)})


def test_no_step_advised_anywhere_has_a_whole_gap_the_plant_left_unknown(general):
    """A later phase plans on answers as they would be after the phase before, which answer
    the questions it improves directly; a step whose gap the plant's own answers leave
    unknown must stay out of it too (round-124 review: an energy-saving retrofit in phase 2
    of an L1 plant that left energy metering blank).  At least sixty plants with random
    levels and random questions left blank, drawn from a fixed seed, and more until the two
    steps a later phase would take are both named for a check (a new question changes the
    draws; round 138's availability follow-up left the first sixty without the first)."""
    import random

    from maturity.delivery import lacking, only_unrated, question_state

    rng = random.Random(0)
    scen = {sc.id: sc for sc in general.scenarios}
    named: set[str] = set()
    qids = list(general.questions)
    wanted = {"digital_infrastructure", "theme_energy_saving_retrofit"}
    for n in range(200):
        if n >= 60 and wanted <= named:
            break
        level = rng.choice([0, 1, 1, 2, 2, 3])
        answers = {qid: min(level, max(x.anchors)) if x.kind == "level" else bottom_answer(x)
                   for qid, (_, _, x) in general.questions.items()}
        for qid in qids:
            x = general.questions[qid][2]
            if x.kind == "level" and rng.random() < 0.3:
                answers[qid] = rng.randint(0, max(x.anchors))
        for qid in rng.sample(qids, rng.randint(1, 25)):
            answers.pop(qid, None)
        a = _assess(general, answers, industry="machinery", production_type="discrete")
        d = diagnose(a, general)
        state, values = question_state(a), restore_values(general, a.answers)
        for r in d.recommendations:
            gap = lacking(general, scen[r.scenario], state, values)
            assert not (gap and only_unrated(general, gap, values, state)), (r.scenario, r.phase)
        # what only a later phase would have taken is named for a check, never dropped
        # (second review: digital infrastructure, which the MES roll-out of phase 2 runs
        # on, and the retrofit had vanished from the report)
        named.update(d.completeness.to_check)
    assert wanted <= named


def test_a_check_names_the_unanswered_question_a_closed_follow_up_waits_on(general):
    """A follow-up stays closed while the question that opens it is unanswered; a check that
    turns on it names that question, or the reader does not know what to answer."""
    from maturity.report.inplace import to_check

    follow = next(k for k, (_, _, x) in general.questions.items()
                  if x.follow_up is not None and any(t.question == k for sc in general.scenarios
                                                     for t in sc.delivers))
    gate = general.questions[follow][2].follow_up.question
    sc = next(sc for sc in general.scenarios if any(t.question == follow for t in sc.delivers))
    (said,) = to_check(general, [sc], (), "en", unanswered={gate})
    assert tr(general.questions[gate][2].text, "en").strip() in said
    (said,) = to_check(general, [sc], (), "en", unanswered=set())
    assert said == tr(sc.name, "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_headline_counts_the_items_left_unrated_beside_the_completeness(general, lang, tmp_path):
    """p34's report read "Completeness 100%" above a grade that 36 unrated checklist items
    held down (they count as not met): a reader took the grade as complete, and its reviewer
    found the count only in the last section.  The headline of the report (Markdown, HTML,
    terminal) and of the one-file score panel now says how many; with every item rated it
    says the share alone, as before."""
    import io
    import re

    import yaml
    from rich.console import Console

    from maturity.cli import main
    from maturity.report.html import render as render_html
    from maturity.report.markdown import render as render_markdown
    from maturity.report.terminal import render_report

    items = _items(general)
    words = t("unrated_short", lang, n=2).split("2", 1)[1].strip()  # "items unrated" / "项未评"
    for collab, blank in (({items[0]: "fully"}, len(items) - 1), (dict.fromkeys(items, "not"), 0)):
        doc = {"format": "maturity-answers/1", "questionnaire": general.ref,
               "enterprise": {"industry": "machinery", "production_type": "discrete"},
               "answers": _answers(general, collab)}
        a = _assess(general, doc["answers"], **doc["enterprise"])
        d = diagnose(a, general)
        assert len(d.completeness.unrated) == blank
        report = build(general, d, lang)
        figure = f"{a.completeness:.0%}" + (f" · {blank} {words}" if blank else "")
        buffer = io.StringIO()
        Console(file=buffer, width=200, no_color=True).print(render_report(report))
        for text in (render_markdown(report), render_html(report), buffer.getvalue()):
            head = next(line for line in text.splitlines() if t("completeness", lang) in line)
            assert figure in head and (blank or words not in head), head
        path = tmp_path / f"a{blank}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        out = tmp_path / f"a{blank}.txt"
        assert main(["score", str(path), "--lang", lang, "-o", str(out)]) == 0
        panel = re.sub(r"[\s│]+", " ", out.read_text(encoding="utf-8"))
        assert (f"{blank} {words}" in panel) is bool(blank), panel


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_batch_format_counts_the_items_left_unrated_as_the_report_does(lang):
    """The code review of the change above: `maturity score` of several files, or of one
    file as JSON or CSV, still gave p34-a's "100%" bare while its one-file panel said "44
    items unrated".  Every batch row now carries the count (JSON `unrated`, a CSV column)
    and the tables say it as the reports do."""
    import csv
    import io
    import json

    import yaml

    import maturity
    from maturity.batch import score_path
    from maturity.report.rows import CsvWriter, HtmlWriter, JsonlWriter, MarkdownWriter, TableWriter

    path = CAL / "p34-a.yaml"
    answers = maturity.load_answers(path)
    q = maturity.questionnaire_for(answers)
    a = maturity.assess(q, answers)
    expected = len(unrated(q, restore_values(q, a.answers), a))
    # counted apart from the code under test: the items the file leaves blank under its
    # answered checklists (no item is missing from a template-made file)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    blank = sum(1 for qid, v in raw.items() if isinstance(v, dict) and any(x is not None for x in v.values())
                for x in v.values() if x is None)
    assert expected == blank > 1
    row = score_path(str(path))
    assert row.ok and row.unrated == expected
    said = t("unrated_short", lang, n=expected)
    texts = {}
    for name, kind in (("jsonl", JsonlWriter), ("csv", CsvWriter), ("md", MarkdownWriter),
                       ("html", HtmlWriter), ("table", TableWriter)):
        out = io.StringIO()
        writer = kind(out) if kind is CsvWriter else kind(out, lang=lang)
        writer.start()
        writer.row(row)
        writer.finish(None)
        texts[name] = out.getvalue()
    assert json.loads(texts["jsonl"])["unrated"] == expected
    table = list(csv.DictReader(io.StringIO(texts["csv"])))
    assert table[0]["unrated"] == str(expected)
    figure = f"{row.completeness:.0%}{said}"  # in the completeness cell, as the reports say it
    assert f"| {figure} |" in texts["md"] and f"<td class=num>{figure}</td>" in texts["html"]
    line = texts["table"].splitlines()[1]
    assert line.split()[5 if row.score_max else 3] == str(expected), line  # its own column


def test_one_item_left_unrated_is_said_in_the_singular():
    from maturity.explain import completeness_figure

    assert completeness_figure(1.0, 1, "en") == "100% · 1 item unrated"
    assert completeness_figure(1.0, 2, "en") == "100% · 2 items unrated"
    assert completeness_figure(0.5, 1, "zh") == "50% · 1 项未评"
    assert completeness_figure(1.0, 0, "en") == "100%"


def test_a_file_opened_in_the_tui_counts_its_blank_items_as_the_reports_do(tmp_path):
    """The second code review: p34-a opened in the TUI had a status line of no unrated
    items (and Ctrl+U said every question was answered) while its result card said 44: the
    TUI read the saved answers, where a blank item of a template-made file is kept as an
    empty value, and took it as rated.  It now counts on the answers as scored."""
    import shutil

    import maturity
    from maturity.session import Session
    from maturity.tui.state import AssessmentState

    path = tmp_path / "p34-a.yaml"
    shutil.copy(CAL / "p34-a.yaml", path)
    session = Session.load(path)
    q = maturity.load_questionnaire(session.questionnaire)
    state = AssessmentState(q, session)
    a = state.assessment()
    expected = unrated(q, restore_values(q, a.answers), a)
    assert len(expected) > 1 and state.unrated() == expected
