"""The direction of imports (docs/architecture.md): each module imports only from its own
layer or the layers below, so the core never depends on a view and the data flows one
way: format models → load and validate → compile and score → diagnose → render → shells."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "maturity"

LAYERS = {
    0: {"errors", "i18n", "printable", "_read", "_yaml", "_lines", "_speedups", "_io", "_cjk", "lock",
        "model",
        "model.base",
        "model.scenario",
        "model.checks", "model.migration", "model.answers", "model.questions", "model.questionnaire",
        "model.assessment", "model.diagnosis"},
    1: {"requirements", "references", "overlay", "validation", "normalise", "loading", "index_cache",
        "catalogue", "tabular", "columns", "inputs", "template", "schema", "seeds", "written",
        "target_levels"},
    2: {"rating", "numbers", "groups", "engine", "points", "shortfall", "scoring", "batch", "portfolio"},
    3: {"improve", "reaching", "direct", "delivery", "candidates", "catchup", "picking", "recommend",
        "shortlist",
        "diagnosis", "explain", "comparison", "whatif",
        "checking", "timeline", "merging", "migrating", "targets"},
    4: {"report", "report.content", "report.rows", "report.markdown", "report.html", "report.html_parts",
        "report.style",
        "report.terminal",
        "report.many", "report.history", "report.words", "report.respondents", "report.wrap",
        "report.inplace", "report.roadmap", "report.views", "report.render",
        "report.summary"},
    5: {"", "__main__", "session"},
}
"""Layer of each module (``""`` is the package's ``__init__``); every module of ``tui`` is
in the shell layer too."""


def _module(path: Path) -> str:
    parts = list(path.relative_to(PKG).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _layer(mod: str) -> int:
    if mod in ("tui", "cli") or mod.startswith(("tui.", "cli.")):
        return 5
    for layer, mods in LAYERS.items():
        if mod in mods:
            return layer
    raise AssertionError(f"maturity/{mod}: not placed in a layer of docs/architecture.md")


def _imports(text: str, mod: str, package: bool = False) -> set[str]:
    """The package modules a file imports, at module level or inside functions."""
    pkg = [p for p in (mod.split(".") if package else mod.split(".")[:-1]) if p]
    out = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = pkg[:len(pkg) - (node.level - 1)] if node.level > 1 else pkg
            if node.module:
                out.add(".".join([*base, node.module]))
            else:  # from . import x, y
                out.update(".".join([*base, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("maturity"):
            out.add(node.module.removeprefix("maturity").lstrip("."))
    return {m for m in out if (PKG / (m.replace(".", "/") + ".py")).exists()
            or (PKG / (m.replace(".", "/") + ".c")).exists()  # a compiled module (_speedups)
            or (PKG / m.replace(".", "/") / "__init__.py").exists()}


def _upward(files: dict[str, tuple[str, bool]]) -> list[str]:
    wrong = []
    for mod, (text, package) in files.items():
        for dep in _imports(text, mod, package):
            if _layer(dep) > _layer(mod):
                wrong.append(f"{mod} (layer {_layer(mod)}) imports {dep} (layer {_layer(dep)})")
    return wrong


def _sources() -> dict[str, tuple[str, bool]]:
    return {_module(p): (p.read_text("utf-8"), p.name == "__init__.py") for p in sorted(PKG.rglob("*.py"))}


def test_every_module_is_placed_and_imports_only_downwards():
    files = _sources()
    assert len(files) > 30
    wrong = _upward(files)
    assert not wrong, "\n".join(wrong)


def test_the_checker_sees_an_upward_import():
    """The test above can fail: a core module importing a view, even inside a function."""
    files = _sources()
    text, package = files["engine"]
    files["engine"] = (text + "\n\ndef f():\n    from .report import content\n", package)
    assert _upward(files) == ["engine (layer 2) imports report (layer 4)"]


def test_the_tui_uses_only_textuals_public_api():
    """Issue #13: the runtime takes any Textual 8.x, so nothing may lean on its private
    modules or attributes (``textual.widgets._select``, ``node._bindings``)."""
    private = re.compile(r"from textual[\w.]*\._\w+ import|\._bindings\b|\._selected\b")
    found = [f"{p.relative_to(PKG)}:{n}: {line.strip()}"
             for p in sorted((PKG / "tui").rglob("*.py"))
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if private.search(line)]
    assert not found, "\n".join(found)


LONGEST = 430
"""The brief's "no module over about 400 lines", as a limit that fails: ``engine`` (452) and
``batch`` (440) had grown past it unnoticed (their points roll-up and their input walking now
live in ``points`` and ``inputs``)."""
TABLES = {"i18n"}
"""Modules that are a table of strings, not code (the interface strings in both languages)."""


def _too_long(files: dict[str, tuple[str, bool]], limit: int = LONGEST) -> list[str]:
    return [f"maturity/{mod}: {text.count(chr(10))} lines" for mod, (text, _) in files.items()
            if mod not in TABLES and text.count("\n") > limit]


def test_no_module_is_much_over_400_lines():
    long = _too_long(_sources())
    assert not long, "\n".join(long)


def test_the_length_check_sees_a_long_module():
    files = _sources()
    text, package = files["batch"]
    files["batch"] = (text + "\n" * LONGEST, package)
    assert _too_long(files) == [f"maturity/batch: {(text + chr(10) * LONGEST).count(chr(10))} lines"]
