"""How long a diagnosis takes: in process per enterprise, and as a whole `maturity report`.

Generates --n distinct realistic answers files for the general index (the generator of
benchmarks/batch.py), then measures:

  (a) in process: `maturity.diagnose(assessment, q)` for each file (distinct inputs),
      median and 90th percentile in milliseconds, with the time to `assess` beside it;
  (b) whole process: `python -m maturity report FILE -f json -o /dev/null` on --runs of
      the files, alternated with a baseline process `python -m maturity --version` (the
      start-up every command pays); medians, and their difference, which is the work;
  (c) the same for an enterprise with every answer at the bottom and `--target L5`, the
      longest path search there is (and its `diagnose` in process, median of 5).

With --energy-minor every enterprise (the worst case too) says that energy is a minor cost
to it (``enterprise.energy_intensive: no``), so energy is a minor indicator and the path
search runs a second time without it wherever its first path lifts energy; without the
flag no indicator is minor and that second search never runs. With --run-elsewhere every
enterprise (the worst case too) says its group runs its purchasing, sales, transport and
service, whose indicators the path search lifts last.

These machines are shared: read the medians and the ratio to the start-up baseline.

    python benchmarks/diagnosis.py [--n 200] [--runs 7] [--energy-minor] [--run-elsewhere]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

import maturity


def _batch():
    """benchmarks/batch.py (a script, not a package): its answers generator and timer."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_batch", Path(__file__).with_name("batch.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--energy-minor", action="store_true",
                    help="every enterprise says energy is a minor cost to it")
    ap.add_argument("--run-elsewhere", action="store_true",
                    help="every enterprise says its group runs purchasing, sales, transport and service")
    args = ap.parse_args()
    minor = {"energy_intensive": False} if args.energy_minor else {}
    if args.run_elsewhere:
        minor["run_elsewhere"] = ["purchasing", "sales", "transport", "service"]
    q = maturity.load_questionnaire("general")
    bench = _batch()
    bench.byte_compiled()  # every process below, `--version` and `report`, starts from bytecode
    realistic, timed = bench.realistic, bench.timed
    rnd = random.Random(5)
    with tempfile.TemporaryDirectory(prefix="maturity-diag-") as tmp:
        root = Path(tmp)
        files = []
        for k in range(args.n):
            path = root / f"e{k:04d}.yaml"
            doc = realistic(q, rnd, k)
            doc["enterprise"] = {**doc.get("enterprise", {}), **minor}
            path.write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
            files.append(path)
        zero = {qid: (0 if x.kind == "level" else False if x.kind == "yesno" else
                      {i.id: "not" for i in x.items} if x.kind == "checklist" else
                      [] if x.kind == "multi" else (x.min if x.better == "higher" else x.max))
                for qid, (_, _, x) in q.questions.items()}
        zero_file = root / "zero.yaml"
        zero_file.write_text(yaml.safe_dump({"format": "maturity-answers/1", "questionnaire": q.ref,
                                             "enterprise": {"name": "Zero", **minor}, "answers": zero}),
                             "utf-8")

        assess_ms, diag_ms = [], []
        for path in files:
            answers = maturity.load_answers(path)
            t0 = time.perf_counter()
            a = maturity.assess(q, answers)
            t1 = time.perf_counter()
            maturity.diagnose(a, q)
            t2 = time.perf_counter()
            assess_ms.append((t1 - t0) * 1000)
            diag_ms.append((t2 - t1) * 1000)
        print(f"enterprises: {args.n}")
        print(f"assess_ms_median: {statistics.median(assess_ms):.1f}")
        print(f"diagnose_ms_median: {statistics.median(diag_ms):.0f}")
        print(f"diagnose_ms_p90: {statistics.quantiles(diag_ms, n=10)[-1]:.0f}")
        zero_a = maturity.assess(q, maturity.load_answers(zero_file))
        zero_ms = []
        for _ in range(5):
            t0 = time.perf_counter()
            maturity.diagnose(zero_a, q, target=len(q.levels))
            zero_ms.append((time.perf_counter() - t0) * 1000)
        print(f"diagnose_zero_target_top_ms_median: {statistics.median(zero_ms):.0f}")

        py = [sys.executable, "-m", "maturity"]
        base, report, worst = [], [], []
        for k in range(args.runs + 1):
            path = files[k % len(files)]
            b = timed([*py, "--version"])
            r = timed([*py, "report", str(path), "-f", "json", "-o", os.devnull])
            w = timed([*py, "report", str(zero_file), "--target", "L5", "-f", "json", "-o", os.devnull])
            if k:  # the first round warms the caches
                base.append(b)
                report.append(r)
                worst.append(w)
        mb, mr, mw = (statistics.median(x) for x in (base, report, worst))
        print(f"startup_s_median: {mb:.2f}")
        print(f"report_s_median: {mr:.2f}")
        print(f"report_work_s: {mr - mb:.2f}")
        print(f"report_vs_startup: {mr / mb:.2f}")
        print(f"report_zero_target_L5_s_median: {mw:.2f}")


if __name__ == "__main__":
    main()
