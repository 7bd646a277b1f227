"""TUI tests: every test gets its own data directory and the app built as the CLI builds it."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"
