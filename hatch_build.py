"""Build hook: compile ``maturity/_speedups.c``, the line parser of answers files in C.

The extension is optional.  Where no C compiler is found, or the compile fails, the
package installs as pure Python and ``maturity._lines`` parses in Python: the same
objects, a few times slower (``docs/performance.md``).  Set ``MATURITY_PURE=1`` to skip
it.  An editable install (``pip install -e``) builds it next to the source, where the
checkout's own modules import it; a wheel carries it and is tagged for the platform.

The compiler and its flags are those Python was built with (``sysconfig``), as setuptools
would use; the source's SHA-256 is compiled in as ``SOURCE_SHA``, so that a test can tell
a stale build from a fresh one.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("maturity") / "_speedups.c"


def link_command() -> list[str] | None:
    """The command that compiles and links an extension for this Python (``LDSHARED``), if
    Python names one, its headers are there and its compiler is on the PATH; else None
    (the tests ask the same question to know whether the compiled parser must exist)."""
    link = shlex.split(sysconfig.get_config_var("LDSHARED") or "")
    include = sysconfig.get_paths().get("include")
    if not link or not include or not Path(include, "Python.h").exists() or shutil.which(link[0]) is None:
        return None
    return link


def compile_extension(source: Path, target: Path) -> str | None:
    """Compile ``source`` into the extension module ``target``; the error, or None."""
    link = link_command()
    if link is None:
        return "no C compiler for this Python (sysconfig LDSHARED, Python.h)"
    include = sysconfig.get_paths()["include"]
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    flags = shlex.split(sysconfig.get_config_var("CFLAGS") or "")
    command = [*link, *flags, "-O2", "-fPIC", f"-I{include}",
               f'-DMATURITY_SOURCE_SHA="{sha}"', str(source), "-o", str(target)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return str(exc)
    if done.returncode != 0:
        return (done.stderr or done.stdout).strip()[-2000:]
    return None


class SpeedupsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get("MATURITY_PURE"):
            return
        root = Path(self.root)
        name = "_speedups" + (sysconfig.get_config_var("EXT_SUFFIX") or ".so")
        if version == "editable":
            target = root / "maturity" / name
        else:
            self._scratch = tempfile.mkdtemp(prefix="maturity-build-")
            target = Path(self._scratch) / name
        error = compile_extension(root / SOURCE, target)
        if error is not None:
            self.app.display_warning(f"maturity: the C line parser was not built, the Python one "
                                     f"will be used ({error})")
            return
        if version != "editable":
            build_data["force_include"][str(target)] = f"maturity/{name}"
            build_data["pure_python"] = False
            build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
