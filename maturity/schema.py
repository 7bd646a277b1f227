"""JSON Schemas of the file formats, generated from the models.

The committed copies under ``questionnaires/schema/`` let editors validate and
autocomplete YAML; a test keeps them current (``maturity schema … -o``).
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
import typing
from typing import Any, Literal

from .model.answers import AnswersFile
from .model.base import Frozen
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
    _describe_fields()
    model = {"questionnaire": Questionnaire, "answers": AnswersFile, "diagnosis": Diagnosis}[which]
    out = model.model_json_schema()
    if which == "questionnaire":
        out = _with_overlays(out)
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = schema_id(which)
    out["title"] = f"maturity {which} file"
    return out


_DESCRIBED: list[bool] = []


def _describe_fields() -> None:
    """Give every model field its attribute docstring as its description (once per
    process), and rebuild the models so that their JSON Schemas carry it: what pydantic's
    ``use_attribute_docstrings`` does at import, done only when a schema is wanted."""
    if _DESCRIBED:
        return
    classes: list[type] = []
    todo = list(Frozen.__subclasses__())
    while todo:  # in creation order: a model is made after the models it contains
        cls = todo.pop(0)
        if cls not in classes:
            classes.append(cls)
            todo += cls.__subclasses__()
    trees: dict[str, ast.Module] = {}
    for cls in classes:
        docs: dict[str, str] = {}
        for base in reversed(cls.__mro__):  # inherited fields keep their own class's words
            if isinstance(base, type) and issubclass(base, Frozen):
                docs.update(_attribute_docs(base, trees))
        for name, info in cls.model_fields.items():  # type: ignore[attr-defined]
            if info.description is None and name in docs:
                info.description = docs[name]
    done: set[type] = set()

    def rebuild(cls: type) -> None:  # the models it contains first: it copies their schemas
        if cls in done:
            return
        done.add(cls)
        for info in cls.model_fields.values():  # type: ignore[attr-defined]
            for inner in _models_in(info.annotation):
                rebuild(inner)
        cls.model_rebuild(force=True)  # type: ignore[attr-defined]

    for cls in classes:
        rebuild(cls)
    _DESCRIBED.append(True)


def _models_in(annotation: Any) -> list[type]:
    """The models a field's type names (``tuple[X, ...]``, ``X | None``, ``dict[str, X]``)."""
    if isinstance(annotation, type) and issubclass(annotation, Frozen):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _attribute_docs(cls: type, trees: dict[str, ast.Module]) -> dict[str, str]:
    """``{field: docstring}``: a string right after an annotated assignment in the class
    body, as pydantic reads them."""
    module = sys.modules[cls.__module__]
    if module.__name__ not in trees:
        trees[module.__name__] = ast.parse(inspect.getsource(module))
    node = next((n for n in ast.walk(trees[module.__name__])
                 if isinstance(n, ast.ClassDef) and n.name == cls.__name__), None)
    out: dict[str, str] = {}
    if node is None:
        return out
    for before, stmt in zip(node.body, node.body[1:], strict=False):
        if isinstance(before, ast.AnnAssign) and isinstance(before.target, ast.Name) \
                and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
                and isinstance(stmt.value.value, str):
            out[before.target.id] = inspect.cleandoc(stmt.value.value)
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
