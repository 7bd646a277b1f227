"""maturity: offline self-assessment of manufacturing digital-transformation maturity.

The public API is small and typed::

    import maturity

    q = maturity.load_questionnaire("general")        # id, id@version or path
    answers = maturity.load_answers("answers.yaml")   # or a mapping
    result = maturity.assess(q, answers)              # an immutable Assessment
    result.level, result.score, result.model_dump(mode="json")

Names are imported lazily (PEP 562) so that ``import maturity`` stays fast and
never pulls in a user interface.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_questionnaire": "maturity.loading",
    "load_answers": "maturity.loading",
    "parse_answers": "maturity.loading",
    "list_questionnaires": "maturity.catalogue",
    "questionnaire_for": "maturity.loading",
    "QuestionnaireInfo": "maturity.catalogue",
    "assess": "maturity.scoring",
    "diagnose": "maturity.diagnosis",
    "render": "maturity.report.render",
    "apply_path": "maturity.diagnosis",
    "compare": "maturity.comparison",
    "what_if": "maturity.whatif",
    "consistency": "maturity.checking",
    "merge": "maturity.merging",
    "migrate": "maturity.migrating",
    "history": "maturity.timeline",
    "History": "maturity.model.diagnosis",
    "Merged": "maturity.model.answers",
    "CheckFinding": "maturity.model.diagnosis",
    "WhatIf": "maturity.model.diagnosis",
    "AnswerChange": "maturity.model.diagnosis",
    "Diagnosis": "maturity.model.diagnosis",
    "Comparison": "maturity.model.diagnosis",
    "Change": "maturity.model.diagnosis",
    "Path": "maturity.model.diagnosis",
    "Improvement": "maturity.model.diagnosis",
    "Recommendation": "maturity.model.diagnosis",
    "Phase": "maturity.model.diagnosis",
    "QuestionChange": "maturity.model.diagnosis",
    "Benchmark": "maturity.model.diagnosis",
    "DimensionResult": "maturity.model.assessment",
    "IndicatorResult": "maturity.model.assessment",
    "QuestionResult": "maturity.model.assessment",
    "Shortfall": "maturity.model.assessment",
    "NextLevel": "maturity.model.assessment",
    "check_answers": "maturity.normalise",
    "Assessment": "maturity.model",
    "AnswersFile": "maturity.model",
    "Enterprise": "maturity.model",
    "Questionnaire": "maturity.model",
    "MaturityError": "maturity.errors",
    "InputFileError": "maturity.errors",
    "QuestionnaireError": "maturity.errors",
    "AnswersError": "maturity.errors",
    "NotFoundError": "maturity.errors",
    "UsageError": "maturity.errors",
    "ArgumentError": "maturity.errors",
    "Issue": "maturity.errors",
}

__all__ = [
    "AnswerChange",
    "AnswersError",
    "AnswersFile",
    "ArgumentError",
    "Assessment",
    "Benchmark",
    "Change",
    "CheckFinding",
    "Comparison",
    "Diagnosis",
    "DimensionResult",
    "Enterprise",
    "History",
    "Improvement",
    "IndicatorResult",
    "InputFileError",
    "Issue",
    "MaturityError",
    "Merged",
    "NextLevel",
    "NotFoundError",
    "Path",
    "Phase",
    "QuestionChange",
    "QuestionResult",
    "Questionnaire",
    "QuestionnaireError",
    "QuestionnaireInfo",
    "Recommendation",
    "Shortfall",
    "UsageError",
    "WhatIf",
    "__version__",
    "apply_path",
    "assess",
    "check_answers",
    "compare",
    "consistency",
    "diagnose",
    "history",
    "list_questionnaires",
    "load_answers",
    "load_questionnaire",
    "merge",
    "migrate",
    "parse_answers",
    "questionnaire_for",
    "render",
    "what_if",
]

if TYPE_CHECKING:  # pragma: no cover
    from .catalogue import QuestionnaireInfo, list_questionnaires
    from .checking import consistency
    from .comparison import compare
    from .diagnosis import apply_path, diagnose
    from .errors import (
        AnswersError,
        ArgumentError,
        InputFileError,
        Issue,
        MaturityError,
        NotFoundError,
        QuestionnaireError,
        UsageError,
    )
    from .loading import load_answers, load_questionnaire, parse_answers, questionnaire_for
    from .merging import merge
    from .migrating import migrate
    from .model import AnswersFile, Assessment, Enterprise, Questionnaire
    from .model.answers import Merged
    from .model.assessment import DimensionResult, IndicatorResult, NextLevel, QuestionResult, Shortfall
    from .model.diagnosis import (
        AnswerChange,
        Benchmark,
        Change,
        CheckFinding,
        Comparison,
        Diagnosis,
        History,
        Improvement,
        Path,
        Phase,
        QuestionChange,
        Recommendation,
        WhatIf,
    )
    from .normalise import check_answers
    from .report.render import render
    from .scoring import assess
    from .timeline import history
    from .whatif import what_if


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name fails

    def __getattr__(name: str) -> Any:
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module 'maturity' has no attribute {name!r}")
        value = getattr(import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)
