"""A model that is not ours, brought as data (docs/examples/custom-index/): labelled
answers that carry values, shared option sets, the mean method without gates, and a
report without manufacturing words.  Its scores equal the model's own rule (OWASP
SAMM v2's structure: streams summed, then averaged upward), computed here independently
from the raw files."""

from __future__ import annotations

import re
from pathlib import Path
from statistics import mean

import pytest
import yaml

import maturity
from maturity.cli import main
from maturity.report import content, html, markdown

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "examples" / "custom-index"
INDEX = FOLDER / "data_practices.yaml"
ANSWERS = FOLDER / "answers.yaml"
MANUFACTURING = re.compile(r"plant|enterprise|factory|manufactur|industr|production|digital|scenario"
                           r"|企业|工厂|制造|数字化", re.I)


STREAMS: dict[str, float] = {}


def _samm(index: dict, answers: dict[str, str]) -> tuple[dict, dict, float]:
    """The rule as the model states it: a stream scores the sum of its answers' values
    (0-3), a practice the mean of its streams, a function the mean of its practices, the
    whole the mean of its functions.  Streams are the questions' first letter (their
    ``group``); stream sums land in ``STREAMS`` (practice id + ``/`` + stream)."""
    sets = {s["id"]: {o["id"]: o["value"] for o in s["options"]} for s in index["option_sets"]}
    practices, functions = {}, {}
    STREAMS.clear()
    for dim in index["dimensions"]:
        for ind in dim["indicators"]:
            streams: dict[str, float] = {}
            for q in ind["questions"]:
                qid = f"{dim['id']}.{ind['id']}.{q['id']}"
                value = sets[q["options"]].get(answers.get(qid), 0.0)  # unanswered: 0
                streams[q["id"][0]] = streams.get(q["id"][0], 0.0) + value
            practices[f"{dim['id']}.{ind['id']}"] = mean(streams.values())
            STREAMS.update({f"{dim['id']}.{ind['id']}/{k}": v for k, v in streams.items()})
        functions[dim["id"]] = mean(practices[f"{dim['id']}.{i['id']}"] for i in dim["indicators"])
    return practices, functions, mean(functions.values())


@pytest.fixture(scope="module")
def index() -> dict:
    return yaml.safe_load(INDEX.read_text("utf-8"))


def test_the_example_validates_without_a_warning(capsys):
    assert main(["validate", str(INDEX), str(ANSWERS)]) == 0
    out = capsys.readouterr()
    assert "warning" not in (out.out + out.err).lower()


def test_its_scores_equal_the_models_own_rule(index):
    answers = yaml.safe_load(ANSWERS.read_text("utf-8"))["answers"]
    a = maturity.assess(ANSWERS)  # the index is found beside the answers that name it
    practices, functions, whole = _samm(index, answers)
    for pid, score in practices.items():
        assert a.indicator(pid).score == pytest.approx(score, abs=1e-12), pid
    for fid, score in functions.items():
        assert a.dimension(fid).score == pytest.approx(score, abs=1e-12), fid
    for key, total in STREAMS.items():  # each stream's own score: the level between
        pid, stream = key.split("/")
        assert a.indicator(pid).group(stream).score == pytest.approx(total, abs=1e-12), key
    assert a.score == pytest.approx(whole, abs=1e-12) and a.score_max == 3
    bands = index["scoring"]["bands"]
    assert a.level == max([b["level"] for b in bands if whole >= b["min"]], default=0)


@pytest.mark.parametrize("seed", range(6))
def test_any_answers_score_by_the_models_own_rule(index, seed):
    """Random answer sets, some unanswered, against the same independent computation."""
    import random

    rnd = random.Random(seed)
    q = maturity.load_questionnaire(str(INDEX))
    answers = {qid: rnd.choice([o.id for o in x.choices]) for qid, (_, _, x) in q.questions.items()
               if rnd.random() < 0.85}
    a = maturity.assess(q, answers)
    practices, functions, whole = _samm(index, answers)
    assert [a.indicator(p).score for p in practices] == pytest.approx(list(practices.values()))
    assert [a.dimension(f).score for f in functions] == pytest.approx(list(functions.values()))
    assert a.score == pytest.approx(whole)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_its_report_has_no_manufacturing_words(lang):
    a = maturity.assess(ANSWERS)
    report = content.build(maturity.load_questionnaire(str(INDEX)), maturity.diagnose(a), lang)
    assert report.title == "Data management practices report"
    page = re.sub(r"<style>.*?</style>", " ", html.render(report), flags=re.S)  # class names aside
    for text in (markdown.render(report), re.sub(r"<[^>]+>", " ", page)):
        found = sorted({m.group(0).lower() for m in MANUFACTURING.finditer(text)})
        assert not found, found


def test_its_template_asks_for_no_industry_or_production_type(capsys):
    assert main(["template", "-q", str(INDEX)]) == 0
    out = capsys.readouterr().out
    assert "  industry:" not in out and "  production_type:" not in out
    assert "#    half: Yes, for about half of them" in out


@pytest.mark.parametrize(("title", "said"), [
    ('"T</title><script>alert(1)</script>"', "HTML markup"),
    ('"<img src=x onerror=alert(1)>"', "HTML markup"),
    ('"Clears \\e[2J the screen"', "U+001B"),
    ('"Window \\e]0;X\\a title"', "U+001B"),
    ('"Reversed \\u202e text"', "U+202E"),
    ('"Data ![x](http://evil.invalid/p.png) practices"', "Markdown link or image"),
    ('"[click](javascript:alert(1))"', "Markdown link or image"),
])
def test_an_index_whose_text_carries_markup_or_control_characters_is_refused_at_its_line(
        tmp_path, capsys, title, said):
    """An index can come in a folder of answers from someone else (the tool looks it up
    there): an adversarial tester's title reached the Markdown report as a live <script>,
    and its escape sequences cleared the terminal and retitled the window."""
    folder = tmp_path / "ci"
    folder.mkdir()
    lines = INDEX.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = f"title: {title}"
    (folder / INDEX.name).write_text("\n".join(lines), "utf-8")
    (folder / ANSWERS.name).write_text(ANSWERS.read_text("utf-8"), "utf-8")
    assert main(["validate", str(folder / INDEX.name)]) == 1
    err = capsys.readouterr().err
    assert f"{INDEX.name}:{at + 1}: title: " in err and said in err
    assert main(["report", str(folder / ANSWERS.name), "-f", "markdown"]) != 0
    out, err = capsys.readouterr()
    assert "<script" not in out and "\x1b" not in out and said in err


def test_an_index_text_may_compare_numbers():
    from maturity.model.base import _plain

    for text in ("below 5 % (<5 %)", "a share < 50 %", "x <= 3", "更新频率 <1 小时", "a [b] (c)", "[1]"):
        assert _plain(text) == text
