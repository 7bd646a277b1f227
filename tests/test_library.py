"""The library as an embedding program meets it: one call, results that carry their
names, questionnaires loaded from a path, every result type exported, typed so that a
misspelt name fails, stable bytes, and the web backend of docs/library.md, run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import maturity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "machinery-plant.yaml"
KINDS = Path(__file__).parent / "data" / "five_kinds.yaml"


def test_one_call_resolves_the_questionnaire_the_answers_name():
    one = maturity.assess(EXAMPLE)
    two = maturity.assess(maturity.load_questionnaire("general"), maturity.load_answers(EXAMPLE))
    assert one == two
    assert maturity.assess(str(EXAMPLE)) == one
    # the two-argument form keeps its keywords (embedding programs written before)
    assert maturity.assess(questionnaire=maturity.load_questionnaire("general"),
                           answers=maturity.load_answers(EXAMPLE)) == one
    assert maturity.assess(maturity.load_answers(EXAMPLE)) == one


def test_one_call_on_a_mapping_needs_the_answers_file_form():
    assert maturity.assess({"format": "maturity-answers/1", "questionnaire": "sme",
                            "answers": {}}).questionnaire.startswith("sme@")
    with pytest.raises(TypeError, match="names no questionnaire"):
        maturity.assess({"factory.network.coverage": 2})


def test_an_unknown_questionnaire_is_located_in_the_answers_file(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("format: maturity-answers/1\nquestionnaire: nosuch\nanswers: {}\n", "utf-8")
    with pytest.raises(maturity.AnswersError) as err:
        maturity.assess(path)
    assert err.value.issues[0].line == 2 and err.value.issues[0].field == "questionnaire"


@pytest.fixture
def elsewhere(tmp_path) -> maturity.Questionnaire:
    """A questionnaire loaded from a path that no search directory holds."""
    path = tmp_path / "private" / "five_kinds.yaml"
    path.parent.mkdir()
    shutil.copy(KINDS, path)
    return maturity.load_questionnaire(str(path))


def test_a_path_loaded_questionnaire_is_carried_to_diagnose_and_compare(elsewhere):
    with pytest.raises(maturity.NotFoundError):
        maturity.load_questionnaire(elsewhere.ref)  # not on the search path
    a = maturity.assess(elsewhere, {})
    d = maturity.diagnose(a)
    assert d.assessment is a
    assert maturity.compare(a, a).total.level_after == a.level
    with pytest.raises(maturity.NotFoundError):  # a copy does not carry it: documented
        maturity.diagnose(a.model_copy())
    assert maturity.diagnose(a.model_copy(), elsewhere).path == d.path


def test_results_carry_their_names_in_every_language():
    a = maturity.assess(EXAMPLE)
    q = maturity.load_questionnaire("general")
    for dim in q.dimensions:
        r = a.dimension(dim.id)
        assert r.label("zh") == dim.name["zh"] and r.label("en") == dim.name["en"]
        for ind in dim.indicators:
            ri = a.indicator(f"{dim.id}.{ind.id}")
            assert ri.label("zh") == ind.name["zh"]
            assert [x.label("en") for x in ri.questions] == [x.text["en"] for x in ind.questions]
    data = a.model_dump(mode="json")
    assert data["dimensions"][0]["name"]["zh"] == q.dimensions[0].name["zh"]
    assert maturity.Assessment.model_validate(data) == a


def test_equal_assessments_serialise_to_the_same_bytes():
    answers = maturity.load_answers(EXAMPLE).answers
    q = maturity.load_questionnaire("general")
    forward = maturity.assess(q, dict(answers))
    backward = maturity.assess(q, dict(reversed(list(answers.items()))))
    assert forward.model_dump_json() == backward.model_dump_json()
    assert list(forward.answers) == sorted(forward.answers)


def test_applying_the_path_reaches_its_grade():
    a = maturity.assess(EXAMPLE)
    d = maturity.diagnose(a)
    assert d.path is not None and d.path.reachable
    after = maturity.apply_path(a, d.path)
    assert after.level >= d.path.target > a.level
    changed = {k for k in after.answers if after.answers[k] != a.answers.get(k)}
    improved = {i.indicator for i in d.path.improvements}
    assert changed and all(k.rsplit(".", 1)[0] in improved for k in changed)


def test_every_result_type_is_exported():
    from maturity.model import assessment, diagnosis

    for name in ("DimensionResult", "IndicatorResult", "QuestionResult", "Shortfall", "NextLevel"):
        assert getattr(maturity, name) is getattr(assessment, name)
    for name in ("Path", "Improvement", "Recommendation", "Phase", "QuestionChange", "Change"):
        assert getattr(maturity, name) is getattr(diagnosis, name)


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    client = tmp_path / "client.py"
    client.write_text(source, "utf-8")
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                           "--follow-imports=silent", str(client)],
                          capture_output=True, text=True, cwd=ROOT)


def test_a_misspelt_name_fails_the_type_check(tmp_path):
    """The lazy ``__getattr__`` is hidden from type checkers: they see the real names."""
    pytest.importorskip("mypy")
    good = _mypy(tmp_path, "import maturity\nfrom maturity import DimensionResult\n\n"
                           "a: maturity.Assessment = maturity.assess('x.yaml')\n"
                           "d: DimensionResult = a.dimension('factory')\n"
                           "print(d.label('zh'), maturity.diagnose(a).path)\n")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = _mypy(tmp_path, "import maturity\nfrom maturity import DimensionResults\n\n"
                          "maturity.asses(1, 2)\n")
    assert bad.returncode == 1, bad.stdout
    assert re.search(r'Module "maturity" has no attribute "DimensionResults"', bad.stdout), bad.stdout
    assert re.search(r'Module has no attribute "asses"', bad.stdout), bad.stdout


def _backend_code() -> str:
    text = (ROOT / "docs" / "library.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    return next(b for b in blocks if "BaseHTTPRequestHandler" in b)


def _post(port: int, body: bytes) -> tuple[int, dict]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/", data=body, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_the_web_backend_of_the_guide_runs():
    namespace: dict = {"__name__": "backend"}
    exec(compile(_backend_code(), "docs/library.md", "exec"), namespace)
    server = namespace["serve"](0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        status, reply = _post(port, EXAMPLE.read_bytes())
        a = maturity.assess(EXAMPLE)
        assert status == 200, reply
        assert reply["grade"] == a.level and reply["score"] == round(a.score, 2)
        assert reply["dimensions"]["factory"]["name"] == a.dimension("factory").label("en")
        assert reply["next_steps"] == [r.scenario for r in maturity.diagnose(a).recommendations[:3]]
        bad = EXAMPLE.read_text("utf-8").replace("questionnaire: general@2", "questionnaire: nosuch")
        status, reply = _post(port, bad.encode())
        assert status == 422 and reply["issues"][0]["field"] == "questionnaire", reply
        status, reply = _post(port, b"- just\n- a list\n")
        assert status == 422 and "mapping" in reply["issues"][0]["message"], reply
        # read as a file is: YAML 1.2 numbers and no key given twice (yaml.safe_load, which
        # the guide's backend used, scored 7_4 as 74 and 045 as 37, and kept the later key)
        text = EXAMPLE.read_text("utf-8")
        status, reply = _post(port, text.replace("cnc_rate: 74", "cnc_rate: 7_4", 1).encode())
        assert status == 422 and reply["issues"][0]["line"] == 106, reply
        status, reply = _post(port, (text + "questionnaire: general@2\n").encode())
        assert status == 422 and "duplicate key" in reply["issues"][0]["message"], reply
        as_json = json.dumps(maturity.load_answers(EXAMPLE).model_dump(mode="json"))
        status, reply = _post(port, as_json.encode())
        assert status == 200 and reply["grade"] == a.level, reply
    finally:
        server.shutdown()
        server.server_close()


def test_no_submodule_shadows_an_exported_name():
    """Importing ``maturity.compare`` (a module named like the function) replaced
    ``maturity.compare`` with the module: ``maturity.compare(a, b)`` failed with "'module'
    object is not callable" once the CLI or the what-if had imported it.  No module of
    the package may share a name with an export."""
    import importlib
    import pkgutil
    import types

    for info in pkgutil.walk_packages(maturity.__path__, "maturity."):
        if not info.name.startswith(("maturity.tui", "maturity.__main__")):
            importlib.import_module(info.name)
    for name in maturity.__all__:
        assert not isinstance(getattr(maturity, name), types.ModuleType), name


@pytest.mark.parametrize("other", ["machinery", "sme", "general@1"])
def test_working_on_an_assessment_with_another_index_is_refused(other):
    """A developer passed the machinery overlay to diagnose an assessment of the general
    index: the plan was the overlay's, labelled general@2 (a wrong path, a wrong grade
    after apply_path); with the SME index it failed with a bare KeyError."""
    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    a = maturity.assess(sample)
    q = maturity.load_questionnaire(other)
    path = maturity.diagnose(a).path
    for call in (lambda: maturity.diagnose(a, q), lambda: maturity.apply_path(a, path, q),
                 lambda: maturity.what_if(a, {}, q)):
        with pytest.raises(maturity.UsageError, match=f"scored on general@2, not on {q.ref}"):
            call()
    again = maturity.load_questionnaire("general")  # its own index, another copy: accepted
    assert maturity.diagnose(a, again).path == maturity.diagnose(a).path


def _bad_calls():
    q = maturity.load_questionnaire("general")
    answers = maturity.load_answers(EXAMPLE)
    a = maturity.assess(q, answers)
    return {
        "assess(None, answers)": lambda: maturity.assess(None, answers),
        "assess(q, 3)": lambda: maturity.assess(q, 3),
        "assess(q, None)": lambda: maturity.assess(q, None),
        "diagnose(None)": lambda: maturity.diagnose(None),
        "diagnose(a, 'general')": lambda: maturity.diagnose(a, "general"),
        "diagnose(a, targets=[1])": lambda: maturity.diagnose(a, targets=[1]),
        "what_if(a, None)": lambda: maturity.what_if(a, None),
        "what_if(a, [1])": lambda: maturity.what_if(a, [1]),
        "apply_path(a, None)": lambda: maturity.apply_path(a, None),
        "compare(a, None)": lambda: maturity.compare(a, None),
        "compare(path, a)": lambda: maturity.compare(str(EXAMPLE), a),
        "history([None])": lambda: maturity.history([None]),
        "consistency(None)": lambda: maturity.consistency(None),
        "check_answers(q, None)": lambda: maturity.check_answers(q, None),
        "check_answers(None, answers)": lambda: maturity.check_answers(None, answers),
        "questionnaire_for(None)": lambda: maturity.questionnaire_for(None),
        "questionnaire_for(answers, 3)": lambda: maturity.questionnaire_for(answers, 3),
        "merge(None, files, names)": lambda: maturity.merge(None, [answers, answers], ["a", "b"]),
        "merge(q, [answers, path], names)": lambda: maturity.merge(q, [answers, str(EXAMPLE)], ["a", "b"]),
        "migrate(None, q, q)": lambda: maturity.migrate(None, q, q),
        "migrate(answers, 'general@1', q)": lambda: maturity.migrate(answers, "general@1", q),
    }


@pytest.mark.parametrize("name", list(_bad_calls()))
def test_an_argument_of_the_wrong_kind_is_an_argument_error_that_names_the_call(name):
    """``diagnose(None)`` raised an AttributeError from inside the scorer, ``what_if(a, [1])``
    one about ``.items``, ``assess(q, path)`` a ValueError about a dictionary update: an
    embedding program's ``except maturity.MaturityError`` let them all through."""
    with pytest.raises(maturity.ArgumentError) as exc:
        _bad_calls()[name]()
    assert isinstance(exc.value, maturity.UsageError) and isinstance(exc.value, TypeError)
    assert ", not " in str(exc.value) or "missing" in str(exc.value)
    assert [i.code for i in exc.value.issues] == ["bad_argument"]


def test_a_target_is_a_level_of_the_index_by_number_or_id():
    """``diagnose(a, target=9)`` planned for no target, unsaid; ``target="L4"`` raised a
    TypeError comparing a number with a string."""
    a = maturity.assess(EXAMPLE)
    by_id, by_number = maturity.diagnose(a, target="L4"), maturity.diagnose(a, target=4)
    assert by_id.target_path is not None and by_id == by_number
    for bad in (9, 0, "L9", True, 4.5):
        with pytest.raises(maturity.UsageError, match="give a level of general@2"):
            maturity.diagnose(a, target=bad)


def test_assess_reads_the_answers_from_a_path_beside_its_questionnaire():
    q = maturity.load_questionnaire("general")
    assert maturity.assess(q, EXAMPLE) == maturity.assess(q, str(EXAMPLE)) == maturity.assess(EXAMPLE)


def test_a_what_if_and_an_applied_path_keep_what_the_file_says_besides_its_answers():
    """A library audit: what_if and apply_path dropped the file's targets, assessor and merge
    record, so a diagnosis of the what-if lost the plan towards the file's own targets."""
    a = maturity.assess(maturity.load_answers(EXAMPLE).model_copy(
        update={"targets": {"operations": "L3"}, "assessor": "Liu Yang"}))
    d = maturity.diagnose(a)
    assert d.target_plan is not None
    for after in (maturity.what_if(a, {"factory.equipment.cnc_rate": 85}).assessment,
                  maturity.apply_path(a, d.path)):
        assert (after.targets, after.assessor, after.merged) == (a.targets, a.assessor, a.merged)
    assert maturity.diagnose(maturity.what_if(a, {"factory.equipment.cnc_rate": 85}).assessment).target_plan


def test_equal_assessments_serialise_to_the_same_bytes_whatever_the_order_of_checklist_items():
    """A library audit: the same ratings given in another order made equal assessments with
    different JSON (the guide promises the same bytes, e.g. for a cache keyed by them)."""
    q = maturity.load_questionnaire("general")
    a = maturity.assess(q, {"factory.data.governance": {"standards": "fully", "owners": "partly"}})
    b = maturity.assess(q, {"factory.data.governance": {"owners": "partly", "standards": "fully"}})
    assert a == b and a.model_dump_json() == b.model_dump_json()


@pytest.mark.parametrize(("call", "error"), [
    (lambda a, q: maturity.history([a], sources=["a.yaml", "b.yaml"]), maturity.ArgumentError),
    (lambda a, q: maturity.history(None), maturity.ArgumentError),
    (lambda a, q: maturity.merge(q, [maturity.load_answers(EXAMPLE)] * 2, ["one"]), maturity.ArgumentError),
    (lambda a, q: maturity.merge(q, None, None), maturity.ArgumentError),
    (lambda a, q: maturity.load_questionnaire(None), maturity.ArgumentError),
    (lambda a, q: a.dimension("nosuch"), maturity.NotFoundError),
    (lambda a, q: a.indicator("factory.nosuch"), maturity.NotFoundError),
], ids=["history-sources", "history-none", "merge-names", "merge-none", "load-none", "dimension",
        "indicator"])
def test_a_wrong_argument_is_a_maturity_error_of_the_documented_kind(call, error):
    """A library audit: these raised a bare ValueError from zip(), a TypeError from inside
    the loader, or a bare KeyError; a service could not tell them from internal errors."""
    a = maturity.assess(EXAMPLE)
    with pytest.raises(error) as caught:
        call(a, maturity.load_questionnaire("general"))
    assert isinstance(caught.value, maturity.MaturityError) and caught.value.issues


def test_a_results_names_are_its_own_and_read_only():
    """A library audit: a result's names and question texts were the shared questionnaire's
    own dicts, so changing one changed every later assessment and load in the process."""
    a = maturity.assess(EXAMPLE)
    with pytest.raises(TypeError):
        a.dimension("factory").name["en"] = "CORRUPTED"
    with pytest.raises(TypeError):
        a.indicator("factory.equipment").questions[0].text["en"] = "CORRUPTED"
    factory = a.dimension("factory").name["en"]
    assert maturity.load_questionnaire("general").dimensions[1].name["en"] == factory
    assert json.loads(a.model_dump_json())["dimensions"][1]["name"] == dict(a.dimension("factory").name)


def test_the_source_of_parsed_text_is_a_label_never_a_folder(tmp_path, monkeypatch):
    """An embedder passed an upload's file name as ``source``: "labeltest/answers.yaml"
    loaded a questionnaire from the server's ./labeltest/.  Only a file on disk has a folder."""
    custom = Path(__file__).resolve().parents[1] / "docs" / "examples" / "custom-index"
    (tmp_path / "labeltest").mkdir()
    for f in custom.glob("*.yaml"):
        (tmp_path / "labeltest" / f.name).write_bytes(f.read_bytes())
    monkeypatch.chdir(tmp_path)
    text = (custom / "answers.yaml").read_bytes()
    with pytest.raises(maturity.AnswersError, match="not found"):
        maturity.assess(maturity.parse_answers(text, "labeltest/answers.yaml"))
    assert maturity.assess("labeltest/answers.yaml").questionnaire == "data_practices@1"  # a file: yes


def test_a_report_is_rendered_from_the_library_as_the_cli_writes_it(tmp_path):
    """An embedder found no public way to an HTML report (only maturity.report internals)."""
    from maturity.cli import main

    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    text = sample.read_text("utf-8").replace("Jining Huaxin", "<script>x</script> &amp; Co", 1)
    path = tmp_path / "a.yaml"
    path.write_text(text, "utf-8")
    d = maturity.diagnose(maturity.assess(path))
    for fmt, suffix in (("html", "html"), ("markdown", "md"), ("json", "json")):
        out = tmp_path / f"r.{suffix}"
        assert main(["report", str(path), "-o", str(out), "--lang", "zh"]) == 0
        assert maturity.render(d, fmt, "zh") == out.read_text("utf-8"), fmt
    page = maturity.render(d, "html")
    assert "&lt;script&gt;x&lt;/script&gt; &amp;amp; Co" in page and "<script>x" not in page
    assert "Why not L3" in maturity.render(d, "text")
    with pytest.raises(maturity.UsageError, match="format must be one of"):
        maturity.render(d, "pdf")  # type: ignore[arg-type]


def test_a_result_s_targets_and_profile_cannot_be_changed_in_place():
    """An embedder changed r.targets and r.enterprise.run_elsewhere in place: the model
    claimed to be immutable and the next diagnosis planned towards the changed targets."""
    sample = Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml"
    text = sample.read_text("utf-8") + "\ntargets: {operations: L3}\n"
    r = maturity.assess(maturity.parse_answers(text, "u"))
    with pytest.raises(TypeError):
        r.targets["business"] = 5  # type: ignore[index]
    with pytest.raises(TypeError):
        r.enterprise.run_elsewhere.append("purchasing")
    assert maturity.Assessment.model_validate_json(r.model_dump_json()) == r


def test_a_stored_assessment_that_no_longer_fits_its_index_is_a_usage_error():
    """An assessment read back from JSON and edited (or scored on another version) made
    diagnose raise ValueError, ItemError or KeyError from inside (an embedder's audit)."""
    import json as _json

    a = maturity.assess(Path(__file__).resolve().parents[1] / "docs" / "examples" / "machinery-plant.yaml")
    data = _json.loads(a.model_dump_json())
    for key, value in (("strategy.planning.roadmap", 99), ("factory.integration.systems", ["zzz"]),
                       ("strategy.organisation.mechanisms", {"duties": "maybe"})):
        edited = _json.loads(_json.dumps(data))
        edited["answers"][key] = value
        with pytest.raises(maturity.UsageError, match=f"answer to {key} does not fit general@2"):
            maturity.diagnose(maturity.Assessment.model_validate(edited))
    edited = {**data, "questionnaire": "sme@2"}
    with pytest.raises(maturity.UsageError, match="answers questions that sme@2 does not have"):
        maturity.diagnose(maturity.Assessment.model_validate(edited))


def test_apply_path_refuses_the_path_of_another_assessment():
    """The SME example's path left the machinery plant as it was; the automotive example's
    lifted it to L4 (an embedder's audit)."""
    examples = Path(__file__).resolve().parents[1] / "docs" / "examples"
    r = maturity.assess(examples / "machinery-plant.yaml")
    assert maturity.apply_path(r, maturity.diagnose(r).path).level == r.level + 1
    for other in ("sme-workshop.yaml", "auto-supplier.yaml"):
        path = maturity.diagnose(maturity.assess(examples / other)).path
        with pytest.raises(maturity.UsageError, match="not of this assessment"):
            maturity.apply_path(r, path)
