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

SCHEMA_FILES = {"questionnaire": "questionnaire.schema.json", "answers": "answers.schema.json",
                "diagnosis": "diagnosis.schema.json"}
Which = Literal["questionnaire", "answers", "diagnosis"]


def schema(which: Which) -> dict[str, Any]:
    model = {"questionnaire": Questionnaire, "answers": AnswersFile, "diagnosis": Diagnosis}[which]
    out = model.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = f"maturity {which} file"
    return out


def schema_text(which: Which) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
