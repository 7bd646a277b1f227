"""The calibration corpus (``docs/calibration/answers/after``) read, assessed against each
file's own index and diagnosed once per test run.

Many tests check a rule over every reference plant; diagnosing the corpus takes some
25 s, and seven modules each did it on their own, some several times.  The tests only
read what this holds: nothing enforces it (the answers' and the questionnaire's dicts and
lists are plain), so a test that needs a changed copy makes one (``model_copy``).  The
questionnaire is the package's shared one (``questionnaire_for(..., shared=True)``: a
fresh copy per file took some 380 MB).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import maturity
from maturity.model.answers import AnswersFile
from maturity.model.assessment import Assessment
from maturity.model.diagnosis import Diagnosis
from maturity.model.questionnaire import Questionnaire

CAL = Path(__file__).resolve().parents[1] / "docs" / "calibration" / "answers" / "after"

GENERAL = "p[0-9]*[0-9]-[ab].yaml"
"""Every general-index file of the corpus, both sides (``p07-a.yaml``, ``p100-b.yaml``; not
the SME index's ``p07-sme-a.yaml``): plant ids have two digits or more."""
GENERAL_B = "p[0-9]*[0-9]-b.yaml"
"""The ``b`` side of every general-index file (the one each report in the corpus is of)."""


@dataclass(frozen=True)
class Plant:
    """One answers file of the corpus: its name, answers, index, assessment, diagnosis."""

    name: str
    answers: AnswersFile
    q: Questionnaire
    a: Assessment
    d: Diagnosis


@functools.cache
def plant(name: str) -> Plant:
    """The corpus file ``name`` (e.g. ``"p61-b.yaml"``), diagnosed with the defaults."""
    answers = maturity.load_answers(CAL / name)
    q = maturity.questionnaire_for(answers, shared=True)
    a = maturity.assess(q, answers)
    return Plant(name, answers, q, a, maturity.diagnose(a, q))


def plants(pattern: str) -> list[Plant]:
    """Every corpus file whose name matches ``pattern``, in name order."""
    return [plant(p.name) for p in sorted(CAL.glob(pattern))]


def names(pattern: str) -> list[str]:
    """The names of the corpus files matching ``pattern`` (for ``parametrize``)."""
    return [p.name for p in sorted(CAL.glob(pattern))]
