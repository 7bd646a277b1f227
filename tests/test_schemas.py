"""The committed JSON Schemas describe every file we ship, as an editor reads them:
every questionnaire (overlays too), every example answers file and every template
validates under ``jsonschema``, and a wrong field is still an error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from maturity.loading import load_questionnaire
from maturity.schema import SCHEMA_FILES, schema_id
from maturity.template import answers_template

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "questionnaires" / "schema"
QUESTIONNAIRES = [*sorted((ROOT / "questionnaires").glob("*.yaml")),
                  ROOT / "docs" / "examples" / "custom-index" / "data_practices.yaml"]
EXAMPLES = [*sorted((ROOT / "docs" / "examples").glob("*.yaml")),
            ROOT / "docs" / "examples" / "custom-index" / "answers.yaml"]
MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's schema check sees it: dates stay strings (YAML 1.2 JSON)."""


_EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _validator(which: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / SCHEMA_FILES[which]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(which: str, text: str) -> list[str]:
    data = yaml.load(text, Loader=_EditorLoader)  # a SafeLoader subclass: safe
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in _leaves(_validator(which).iter_errors(data))]


def _leaves(errors):
    """The errors under an ``anyOf`` (an overlay item or a removal), where an editor
    points: each branch's own."""
    for e in errors:
        if e.context:
            yield from _leaves(e.context)
        else:
            yield e


@pytest.mark.parametrize("which, path", [*(("questionnaire", p) for p in QUESTIONNAIRES),
                                          *(("answers", p) for p in EXAMPLES)],
                         ids=lambda x: x.name if isinstance(x, Path) else x)
def test_every_shipped_file_validates_and_declares_its_schema(which, path):
    """Every shipped questionnaire and example answers file, as an editor checks it."""
    text = path.read_text(encoding="utf-8")
    assert _errors(which, text) == []
    first = MODELINE.fullmatch(text.splitlines()[0])
    assert first, text.splitlines()[0]
    assert (path.parent / first.group(1)).resolve() == SCHEMAS / f"{which}.schema.json"


@pytest.mark.parametrize("qid", ["general", "sme", "steel"])
def test_templates_validate_and_point_at_the_installed_schema(qid):
    text = answers_template(load_questionnaire(qid))
    assert _errors("answers", text) == []
    first = MODELINE.fullmatch(text.splitlines()[0])
    assert first and first.group(1).startswith("file://"), text.splitlines()[0]
    assert Path(first.group(1).removeprefix("file://")).resolve() == SCHEMAS / "answers.schema.json"


def test_an_overlay_is_checked_not_waved_through():
    """The overlay branch is not ``true``: an unknown field, a question without its
    kind and a removal with extra fields are errors, each at its place."""
    overlay = {"id": "x", "version": 1, "extends": "general@2", "dimensions": [
        {"id": "factory", "colour": "red", "indicators": [
            {"id": "network", "questions": [{"id": "q", "text": {"en": "Q?"}}]},
            {"id": "data", "remove": True, "name": "gone"}]}]}
    errors = _errors("questionnaire", json.dumps(overlay))
    assert any(e.startswith("dimensions/0:") and "colour" in e for e in errors), errors
    assert any(e.startswith("dimensions/0/indicators/0/questions/0") for e in errors), errors
    assert any(e.startswith("dimensions/0/indicators/1") for e in errors), errors
    assert _errors("questionnaire", json.dumps({**overlay, "dimensions": []})) == []


def test_a_standalone_questionnaire_still_needs_every_required_field():
    errors = _errors("questionnaire", json.dumps({"id": "x", "version": 1}))
    assert any("'dimensions' is a required property" in e for e in errors), errors


@pytest.mark.parametrize("which", sorted(SCHEMA_FILES))
def test_schema_ids_are_stable(which):
    schema = json.loads((SCHEMAS / SCHEMA_FILES[which]).read_text(encoding="utf-8"))
    assert schema["$id"] == schema_id(which) == f"urn:maturity:schema:{which}:1"
