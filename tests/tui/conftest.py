"""TUI tests: each gets its own data directory and finds the bilingual test index."""

from __future__ import annotations

import pytest

from .helpers import DATA


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(DATA))
    return tmp_path / "data"
