"""CLI conventions: shell completion that completes (the generated bash script, run in
bash), and an empty NO_COLOR that is ignored, as no-color.org says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from maturity.cli import common, main

BASH = shutil.which("bash")


def _complete(script: Path, line: str) -> list[str]:
    """What Tab offers after ``line``, asked the way bash asks the completion function."""
    probe = f"""
source {script}
fn=$(complete -p maturity | sed -E 's/.*-F ([^ ]+).*/\\1/')
COMP_LINE={line!r}; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
"$fn" maturity "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    out = subprocess.run([BASH, "--norc", "-c", probe], capture_output=True, text=True, env=env,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    return [w.strip() for w in out.stdout.splitlines() if w.strip()]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_the_generated_bash_script_completes_commands_options_and_ids(tmp_path, capsys):
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "maturity.bash"
    script.write_text(capsys.readouterr().out, "utf-8")
    assert _complete(script, "maturity sc") == ["score", "schema"]
    assert _complete(script, "maturity score -f js") == ["json", "jsonl"]
    assert _complete(script, "maturity report -q ste") == ["steel"]
    assert "--target" in _complete(script, "maturity report --")


@pytest.mark.parametrize("shell, marker", [("zsh", "#compdef maturity"),
                                           ("fish", "complete --command maturity")])
def test_zsh_and_fish_scripts_are_printed(capsys, shell, marker):
    assert main(["completion", shell]) == 0
    assert marker in capsys.readouterr().out


class _Tty:
    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, s):
        self.text += s

    def flush(self):
        pass


@pytest.mark.parametrize("value, coloured", [(None, True), ("", True), ("1", False)])
def test_an_empty_no_color_is_ignored(monkeypatch, value, coloured):
    tty = _Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    if value is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", value)
    common._err("bad file")
    assert ("\x1b[31m" in tty.text) is coloured, repr(tty.text)


def test_the_tui_is_not_told_no_color_by_an_empty_value(monkeypatch):
    """Textual takes any NO_COLOR, even empty, as set: the shell drops an empty one."""
    seen = {}

    def fake_run(**kwargs):
        seen["no_color"] = os.environ.get("NO_COLOR")
        return 0

    monkeypatch.setattr("maturity.tui.run", fake_run)
    monkeypatch.setenv("NO_COLOR", "")
    assert main(["assess"]) == 0 and seen["no_color"] is None
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["assess"]) == 0 and seen["no_color"] == "1"


def test_the_portfolio_summary_names_what_it_counts(capsys):
    """Consultants read names, not ids, in the language asked for; columns stay aligned
    with Chinese names (two cells a character)."""
    from rich.cells import cell_len

    root = Path(__file__).resolve().parent.parent
    files = [str(p) for p in sorted((root / "docs" / "examples").glob("*.yaml"))]
    assert main(["score", *files, "--summary", "--quiet", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "经营计划与决策" in out or "营销与销售" in out, out
    assert "business.marketing" not in out and "precise_marketing" not in out, out
    rows = [line for line in out.splitlines() if line.startswith(("  组织战略", "  工厂建设", "  经营管理"))]
    assert len(rows) == 3 and len({cell_len(r) for r in rows}) == 1, rows
