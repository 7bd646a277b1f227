"""Data models: the questionnaire and answers formats, and the assessment result."""

from .answers import ANSWERS_FORMAT, NA, RATING_VALUES, AnswersFile, Enterprise
from .assessment import (
    Assessment,
    DimensionResult,
    IndicatorResult,
    NextLevel,
    QuestionResult,
    Shortfall,
)
from .base import Text, tr
from .questionnaire import (
    QUESTIONNAIRE_FORMAT,
    ChecklistQuestion,
    ChoiceOption,
    ChoiceQuestion,
    Condition,
    Dimension,
    Indicator,
    LevelQuestion,
    MultiQuestion,
    NumberQuestion,
    Questionnaire,
    QuestionT,
    Scenario,
    YesNoQuestion,
)

__all__ = [
    "ANSWERS_FORMAT",
    "NA",
    "QUESTIONNAIRE_FORMAT",
    "RATING_VALUES",
    "AnswersFile",
    "Assessment",
    "ChecklistQuestion",
    "ChoiceOption",
    "ChoiceQuestion",
    "Condition",
    "Dimension",
    "DimensionResult",
    "Enterprise",
    "Indicator",
    "IndicatorResult",
    "LevelQuestion",
    "MultiQuestion",
    "NextLevel",
    "NumberQuestion",
    "QuestionResult",
    "QuestionT",
    "Questionnaire",
    "Scenario",
    "Shortfall",
    "Text",
    "YesNoQuestion",
    "tr",
]
