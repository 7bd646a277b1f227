"""JSON Schemas of the file formats, generated from the models.

The committed copies under ``questionnaires/schema/`` let editors validate and
autocomplete YAML; a test keeps them current (``maturity schema … -o``).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from .model.answers import AnswersFile
from .model.questionnaire import Questionnaire

SCHEMA_FILES = {"questionnaire": "questionnaire.schema.json", "answers": "answers.schema.json"}


def schema(which: Literal["questionnaire", "answers"]) -> dict[str, Any]:
    model = Questionnaire if which == "questionnaire" else AnswersFile
    out = model.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = f"maturity {which} file"
    return out


def schema_text(which: Literal["questionnaire", "answers"]) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
