"""Where the TUI saves an export outside tests and kiosks: the user's downloads folder."""

from __future__ import annotations

from maturity.tui.screens.result import export_folder


def test_a_missing_downloads_folder_is_made_not_a_failed_export(tmp_path, monkeypatch):
    """A user on a fresh account saw every export fail with "No such file or directory"."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs there
    folder = export_folder()
    assert folder == tmp_path / "Downloads" and folder.is_dir()


def test_where_no_downloads_folder_can_be_made_the_working_folder_is_used(tmp_path, monkeypatch):
    import platformdirs

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")  # no folder can be made under it, even by root
    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: blocked / "Downloads")
    monkeypatch.chdir(tmp_path)
    assert export_folder() == tmp_path
