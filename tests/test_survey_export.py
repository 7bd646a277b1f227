"""A survey built from the index and exported by the survey platform is read as it is.

A first-time user put the general index's questions on 问卷星 and exported the answers:
numbered headers (``4、以下哪种描述……``), the option picked written out as its text, the
options ticked in one cell joined by ``┋``, checklist ratings as the TUI words them
(完全满足 …).  Every row was refused.  Each of these now reads as the ids would; what
matches no text, or more than one, is still refused at its cell.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import maturity
from maturity.batch import score_files
from maturity.model.base import tr
from maturity.normalise import normalise

ROADMAP = "strategy.planning.roadmap"
SYSTEMS = "factory.integration.systems"
MES = "operations.execution.mes"
GOVERNANCE = "factory.data.governance"


@pytest.fixture(scope="module")
def general() -> maturity.Questionnaire:
    return maturity.load_questionnaire("general")


def _question(q, qid):
    return q.questions[qid][2]


def _export(path: Path, q, lang: str, **cells: str) -> Path:
    """A 问卷星-like export: its own columns, then numbered questions headed by their text."""
    head = ["序号", "提交答卷时间", "所用时间", "来源", "来自IP", "1、企业名称", "2、所属行业", "3、企业规模"]
    row = ["1", "2026/5/12 10:00:00", "300秒", "手机提交", "1.2.3.4(浙江-杭州)", "甲", "汽车", "中型企业"]
    for n, (qid, cell) in enumerate(cells.items(), start=4):
        head.append(f"{n}、{tr(_question(q, qid.replace('__', '.')).text, lang)}")
        row.append(cell)
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(["评估指标", *head])
    w.writerow(["general@2", *row])
    path.write_text(text.getvalue(), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_survey_export_with_question_texts_and_answer_texts_is_read_as_ids(tmp_path, general, lang):
    roadmap, systems = _question(general, ROADMAP), _question(general, SYSTEMS)
    ticked = [systems.options[0], systems.options[2]]
    path = _export(tmp_path / "wjx.csv", general, lang, **{
        ROADMAP.replace(".", "__"): tr(roadmap.anchors[2], lang),
        SYSTEMS.replace(".", "__"): "┋".join(tr(o.text, lang) for o in ticked),
        MES.replace(".", "__"): "是" if lang == "zh" else "yes"})
    (row,) = score_files([str(path)])
    assert row.ok, row.errors
    a = maturity.assess(general, maturity.load_answers(path))
    assert a.answers[ROADMAP] == 2
    assert a.answers[SYSTEMS] == sorted(o.id for o in ticked)
    assert a.answers[MES] is True
    assert a.enterprise.industry == "automotive" and a.enterprise.size == "medium"


def test_a_text_that_is_no_answer_is_refused_at_its_cell_naming_the_options(tmp_path, general):
    path = _export(tmp_path / "wjx.csv", general, "zh", **{
        ROADMAP.replace(".", "__"): "规划正在编制中", SYSTEMS.replace(".", "__"): "ERP┋自研系统"})
    (row,) = score_files([str(path)])
    assert not row.ok
    assert any(ROADMAP in e and "规划正在编制中" in e and "(column J)" in e for e in row.errors), row.errors
    assert any(SYSTEMS in e and "自研系统" in e for e in row.errors), row.errors


def test_ratings_in_the_tui_s_words_and_level_texts_in_yaml_too(general):
    governance = _question(general, GOVERNANCE)
    first, second = governance.items[0].id, governance.items[1].id
    assert normalise(governance, {first: "完全满足", second: "partly met"}, 5) == {first: 1.0, second: 0.5}
    roadmap = _question(general, ROADMAP)
    for k, text in roadmap.anchors.items():
        for lang in ("en", "zh"):
            assert normalise(roadmap, tr(text, lang) + " ", 5) == k
    with pytest.raises(ValueError, match="got 'high'"):
        normalise(roadmap, "high", 5)


def test_a_semicolon_inside_an_answer_s_text_does_not_split_it(tmp_path, general):
    """The English level texts have semicolons: a cell that holds one stays one answer,
    while ids split at semicolons as before."""
    roadmap = _question(general, ROADMAP)
    text = tr(roadmap.anchors[1], "en")
    assert ";" in text
    path = _export(tmp_path / "wjx.csv", general, "en", **{ROADMAP.replace(".", "__"): text,
                                                          SYSTEMS.replace(".", "__"): "erp; mes"})
    a = maturity.assess(general, maturity.load_answers(path))
    assert a.answers[ROADMAP] == 1 and a.answers[SYSTEMS] == ["erp", "mes"]


def test_a_question_text_two_indices_ask_is_settled_by_the_index_given_with_q(tmp_path, general):
    """The general and the SME index ask 企业日常使用信息系统开展以下哪些业务？ under different
    ids: a table without a questionnaire column, scored with -q general@2, called the column
    an unknown question id (found by review)."""
    systems = _question(general, SYSTEMS)
    path = tmp_path / "wjx.csv"
    path.write_text(f"企业名称,1、{tr(systems.text, 'zh')}[多选题]\n"
                    f"甲,{tr(systems.options[0].text, 'zh')}┋{tr(systems.options[1].text, 'zh')}\n", "utf-8")
    (row,) = score_files([str(path)], "general@2")
    assert row.ok, row.errors
    assert row.answered == 1
    from maturity.loading import table_answers
    from maturity.normalise import check_answers

    values = check_answers(general, table_answers(str(path), "general@2"))  # report -q, one row
    assert values[SYSTEMS] == {o.id for o in systems.options[:2]}



def test_a_table_without_a_questionnaire_column_is_for_the_questionnaire_given(tmp_path, general):
    """maturity.assess(q, "survey.csv") said "questionnaire: required field is missing" for
    a one-row export without a questionnaire column, though q was given (as -q is)."""
    path = tmp_path / "one.csv"
    path.write_text(f"企业名称,{ROADMAP}\n甲,3\n", "utf-8")
    assert maturity.assess(general, path).answers[ROADMAP] == 3
    with pytest.raises(maturity.MaturityError, match="questionnaire"):
        maturity.assess(path)  # no questionnaire given or named: still an error


def test_a_decimal_comma_share_with_its_sign_in_a_semicolon_file(tmp_path, general):
    path = tmp_path / "t.csv"
    path.write_text("questionnaire;enterprise.name;factory.equipment.cnc_rate\ngeneral@2;甲;0,5%\n", "utf-8")
    a = maturity.assess(general, path)
    assert a.answers["factory.equipment.cnc_rate"] == "0.5%"
