"""Shared test configuration."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

import maturity

# CI runs are reproducible (same examples every run) and keep no example database.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def general() -> maturity.Questionnaire:
    """The shipped general index (read once; questionnaires are immutable)."""
    return maturity.load_questionnaire("general")
