"""JSON Schemas of the file formats, generated from the models.

The committed copies under ``questionnaires/schema/`` let editors validate and
autocomplete YAML; a test keeps them current (``maturity schema … -o``).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from .model.answers import AnswersFile
from .model.diagnosis import Diagnosis
from .model.questionnaire import Questionnaire
from .overlay import ID_LISTS, RECURSE

SCHEMA_FILES = {"questionnaire": "questionnaire.schema.json", "answers": "answers.schema.json",
                "diagnosis": "diagnosis.schema.json"}
Which = Literal["questionnaire", "answers", "diagnosis"]


FORMAT_VERSION = 1
"""The file formats' version (``maturity-questionnaire/1`` …), part of each ``$id``."""


def schema_id(which: Which) -> str:
    """The schema's stable ``$id``: an identifier, not an address (the tool is offline;
    editors find the file through the modeline's path)."""
    return f"urn:maturity:schema:{which}:{FORMAT_VERSION}"


def schema(which: Which) -> dict[str, Any]:
    model = {"questionnaire": Questionnaire, "answers": AnswersFile, "diagnosis": Diagnosis}[which]
    out = model.model_json_schema()
    if which == "questionnaire":
        out = _with_overlays(out)
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = schema_id(which)
    out["title"] = f"maturity {which} file"
    return out


_REMOVAL = {"type": "object", "additionalProperties": False, "required": ["id", "remove"],
            "properties": {"id": {"type": "string"}, "remove": {"const": True}},
            "description": "Deletes the base questionnaire's item with this id."}
_PARTS = {"dimensions": "Dimension", "indicators": "Indicator"}
"""Lists whose items an overlay merges field by field (``overlay.RECURSE``)."""
_WHOLE = (*sorted(ID_LISTS - RECURSE), "questions")
"""Lists whose items an overlay adds or replaces whole, by id (``overlay.ID_LISTS``)."""
assert set(_PARTS) == RECURSE


def _with_overlays(full: dict[str, Any]) -> dict[str, Any]:
    """A questionnaire either stands alone (every required field) or ``extends`` a base:
    then every field is optional, dimensions and indicators are merged by id field by
    field, questions, scenarios, industries and production types are added or replaced
    whole by id, and any item may be ``{id, remove: true}`` (``overlay.merge``)."""
    defs = full.pop("$defs")
    standalone = {k: v for k, v in full.items() if k not in ("title", "description")}
    defs["Questionnaire"] = standalone

    def overlay_of(node: dict[str, Any], required: list[str]) -> dict[str, Any]:
        props = dict(node["properties"])
        for key in _WHOLE:
            if key in props:
                props[key] = _items_or_removal(props[key])
        for key, name in _PARTS.items():
            if key in props:
                props[key] = {"type": "array", "items": {
                    "anyOf": [_REMOVAL, {"$ref": f"#/$defs/{name}Overlay"}]}}
        return {**node, "properties": props, "required": required}

    for name in _PARTS.values():
        defs[f"{name}Overlay"] = overlay_of(defs[name], ["id"])
    defs["QuestionnaireOverlay"] = overlay_of(standalone, ["id", "version", "extends"])
    defs["QuestionnaireOverlay"]["properties"]["extends"] = {
        "type": "string", "description": "The base questionnaire (id or id@version) this one overlays."}
    return {"description": full.get("description", ""), "$defs": defs,
            "if": {"required": ["extends"]},
            "then": {"$ref": "#/$defs/QuestionnaireOverlay"},
            "else": {"$ref": "#/$defs/Questionnaire"}}


def _items_or_removal(prop: dict[str, Any]) -> dict[str, Any]:
    prop = {k: v for k, v in prop.items() if k not in ("minItems", "default")}
    return {**prop, "items": {"anyOf": [_REMOVAL, prop["items"]]}}


def schema_text(which: Which) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
