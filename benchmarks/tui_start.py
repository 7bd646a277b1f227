"""How long `maturity assess` takes to show its first frame, whole process, in tmux.

Each run starts a fresh tmux session at 80x24 running the command, and polls the pane
(`tmux capture-pane`, every 10 ms) until the welcome screen's title is drawn; the time
from starting the session to that frame is the figure. A baseline run does the same for
a Python process that prints the title and waits (interpreter start and tmux's own
overhead, which every command pays). Runs alternate candidate and baseline; medians of
--runs rounds after one warm-up round. The first round after installing (cold caches)
is printed separately. These machines are shared: read the medians and their difference.

    python benchmarks/tui_start.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

TITLE_EN = "Digital-transformation maturity self-assessment"
BASELINE = f"import time; print({TITLE_EN!r}, flush=True); time.sleep(30)"


def first_frame(command: str, needle: str, env: dict[str, str], timeout: float = 20.0) -> float:
    name = f"bench-{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                    "env", *[f"{k}={v}" for k, v in env.items()], "sh", "-c", command], check=True)
    try:
        while time.perf_counter() - start < timeout:
            pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True,
                                  text=True).stdout
            if needle in pane:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise TimeoutError(f"{command!r}: no frame with {needle!r} in {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    keep = f"bench-keep-{uuid.uuid4().hex[:8]}"  # keeps the tmux server up between runs
    subprocess.run(["tmux", "new-session", "-d", "-s", keep, "sleep", "600"], check=True)
    try:
        measure(args.runs)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keep], capture_output=True)


def measure(rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="maturity-tui-") as data:
        env = {"MATURITY_DATA_DIR": data, "MATURITY_LANG": "en", "TERM": "xterm-256color"}
        tui = f"{shlex.quote(sys.executable)} -m maturity assess"
        base = f"{shlex.quote(sys.executable)} -c {shlex.quote(BASELINE)}"
        cold = first_frame(tui, TITLE_EN, env)
        runs: dict[str, list[float]] = {"tui": [], "baseline": []}
        for k in range(rounds + 1):
            t = first_frame(tui, TITLE_EN, env)
            b = first_frame(base, TITLE_EN, env)
            if k:
                runs["tui"].append(t)
                runs["baseline"].append(b)
        med = {k: statistics.median(v) for k, v in runs.items()}
        print(f"first_frame_first_run_s: {cold:.2f}")
        print(f"first_frame_s_median: {med['tui']:.2f}")
        print(f"baseline_s_median: {med['baseline']:.2f}")
        print(f"first_frame_minus_baseline_s: {med['tui'] - med['baseline']:.2f}")
        print("runs_s: " + " ".join(f"{x:.2f}" for x in runs["tui"]))


if __name__ == "__main__":
    main()
