"""Questionnaires kept between runs (``maturity.index_cache``): read back only for the
same files, ignored when unreadable, off with ``MATURITY_NO_CACHE``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from maturity import index_cache
from maturity.loading import _load_checked

ROOT = Path(__file__).resolve().parent.parent


def _copy_index(tmp_path: Path) -> Path:
    folder = tmp_path / "q"
    folder.mkdir()
    shutil.copy(ROOT / "questionnaires" / "general.yaml", folder / "general.yaml")
    return folder / "general.yaml"


def _counting(path: Path, calls: list[int]):
    def load():
        calls.append(1)
        return _load_checked(str(path))
    return load


def test_a_kept_questionnaire_is_the_one_the_file_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    path = _copy_index(tmp_path)
    calls: list[int] = []
    first = index_cache.cached(path, [], _counting(path, calls))
    again = index_cache.cached(path, [], _counting(path, calls))
    assert calls == [1]  # the second came from the cache
    assert again == first and again._file == first._file
    assert len(list((tmp_path / "data" / "cache" / "questionnaires").glob("*.pickle"))) == 1


def test_any_change_to_the_files_loads_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    path = _copy_index(tmp_path)
    calls: list[int] = []
    index_cache.cached(path, [], _counting(path, calls))
    text = path.read_text("utf-8")
    path.write_text(text.replace("version: 2", "version: 3", 1), "utf-8")
    changed = index_cache.cached(path, [], _counting(path, calls))
    assert calls == [1, 1] and changed.version == 3
    (path.parent / "other.yaml").write_text("x: 1\n", "utf-8")  # a file beside it (a parent)
    index_cache.cached(path, [], _counting(path, calls))
    assert calls == [1, 1, 1]


def test_a_change_to_the_models_loads_afresh(tmp_path, monkeypatch):
    """An edited checkout keeps its version number: a questionnaire pickled by other model
    code (a field added since, such as a scenario's ``enabler``) is not read back."""
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    path = _copy_index(tmp_path)
    calls: list[int] = []
    index_cache.cached(path, [], _counting(path, calls))
    assert any(part.startswith("scenario.py\0") for part in index_cache._code())
    edited = tuple(p + "1" if p.startswith("scenario.py\0") else p for p in index_cache._code())
    monkeypatch.setattr(index_cache, "_code", lambda: edited)
    index_cache.cached(path, [], _counting(path, calls))
    assert calls == [1, 1]


def test_an_unreadable_cache_is_ignored_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    path = _copy_index(tmp_path)
    calls: list[int] = []
    index_cache.cached(path, [], _counting(path, calls))
    (kept,) = (tmp_path / "data" / "cache" / "questionnaires").glob("*.pickle")
    kept.write_bytes(b"not a pickle")
    q = index_cache.cached(path, [], _counting(path, calls))
    assert calls == [1, 1] and q.id == "general"
    assert index_cache.cached(path, [], _counting(path, calls)) == q and calls == [1, 1]


def test_no_cache_when_asked(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MATURITY_NO_CACHE", "1")
    path = _copy_index(tmp_path)
    calls: list[int] = []
    index_cache.cached(path, [], _counting(path, calls))
    index_cache.cached(path, [], _counting(path, calls))
    assert calls == [1, 1] and not (tmp_path / "data" / "cache").exists()


def test_a_second_process_scores_the_same_from_the_cache(tmp_path):
    env = {**os.environ, "MATURITY_DATA_DIR": str(tmp_path / "data")}
    sample = ROOT / "docs" / "calibration" / "answers" / "after" / "p04-a.yaml"
    argv = [sys.executable, "-m", "maturity", "score", str(sample), "-f", "json"]
    cold = subprocess.run(argv, capture_output=True, text=True, env=env, check=True, cwd=tmp_path)
    assert list((tmp_path / "data" / "cache" / "questionnaires").glob("*.pickle"))
    warm = subprocess.run(argv, capture_output=True, text=True, env=env, check=True, cwd=tmp_path)
    assert warm.stdout == cold.stdout and '"ok": true' in warm.stdout


def test_an_overlay_in_a_running_process_follows_an_edit_of_its_base(tmp_path, monkeypatch):
    """A long-running process (the TUI, `maturity serve`) that loaded an overlay, then saw
    its base edited, got the new base when it loaded the base and the old one through the
    overlay: the in-process cache knew only the overlay's own file."""
    import maturity

    folder = tmp_path / "q"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "tiny.yaml", folder / "tiny.yaml")
    (folder / "ext.yaml").write_text("format: maturity-questionnaire/1\nid: ext\nversion: 1\n"
                                     "extends: tiny@1\ntitle: Extended\n", "utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRES", str(folder))
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path / "data"))
    assert maturity.load_questionnaire("ext").levels[0].name == "Planning"
    base = folder / "tiny.yaml"
    base.write_text(base.read_text("utf-8").replace("name: Planning}", "name: Planning-edited}"), "utf-8")
    assert maturity.load_questionnaire("tiny").levels[0].name == "Planning-edited"
    assert maturity.load_questionnaire("ext").levels[0].name == "Planning-edited"
    assert maturity.load_questionnaire("ext").title == "Extended"


def test_the_files_an_overlay_extends_are_read_from_its_extends_line():
    from maturity.loading import find_questionnaire

    machinery = str(find_questionnaire("machinery").resolve())
    general = str(find_questionnaire("general").resolve())
    assert index_cache.bases(machinery, index_cache.stamp(machinery), find_questionnaire) == (general,)
    assert index_cache.bases(general, index_cache.stamp(general), find_questionnaire) == ()
