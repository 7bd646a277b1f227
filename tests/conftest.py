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


@pytest.fixture(scope="session", autouse=True)
def _own_data_dir(tmp_path_factory):
    """User data (sessions, caches) goes to a folder of the test run, never the user's;
    tests that need their own set ``MATURITY_DATA_DIR`` themselves."""
    saved = os.environ.get("MATURITY_DATA_DIR")
    os.environ["MATURITY_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    yield
    if saved is None:
        os.environ.pop("MATURITY_DATA_DIR", None)
    else:
        os.environ["MATURITY_DATA_DIR"] = saved


@pytest.fixture(scope="session")
def general() -> maturity.Questionnaire:
    """The shipped general index (read once; questionnaires are immutable)."""
    return maturity.load_questionnaire("general")
