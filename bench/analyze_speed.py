"""How long ``workbench project analyze`` takes: a 10,000-segment project, a 1M-unit TM.

The TM is bench/tm_fixture.py's cached one (built on first use: tens of minutes); the
project (documents of 100 segments, ntrex128/TICO-19 sentences with a few random edits,
every tenth segment a repetition) is built once beside it. Runs the real command in a
fresh process (``python -m workbench project analyze PROJECT --tm TM --json``), as a
translator would, and reports the wall time and the bands.

    python bench/analyze_speed.py [--units 1000000] [--segments 10000] [--lang ar --lang ckb]
        [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from tm_fixture import CACHE, build_project, cached_tm  # noqa: E402


def main() -> None:
    """Build (or reuse) the TM and the project, run analyze, print the time and bands."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--segments", type=int, default=10_000)
    ap.add_argument("--lang", action="append", help="target language (default: ar and ckb)")
    ap.add_argument("--tm", type=Path, help="TM file (default: the cached --units one)")
    ap.add_argument("--workers", type=int, help="analyze --workers (default: its own)")
    args = ap.parse_args()
    tm = args.tm or cached_tm(args.units)
    folder = build_project(CACHE / f"analyze-{args.segments}", args.segments, varied=True)
    cmd = [sys.executable, "-m", "workbench", "project", "analyze", str(folder), "--tm", str(tm)]
    for lang in args.lang or []:
        cmd += ["--lang", lang]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    env = dict(os.environ, WORKBENCH_HOME=str(CACHE / "home"))
    t = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, env=env, cwd=ROOT)
    took = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime
    if done.returncode:
        sys.exit(f"analyze failed ({done.returncode}): {done.stderr.strip()}")
    got = json.loads(done.stdout)
    load = os.getloadavg()
    print(" ".join(cmd[1:]) + " --json")
    print(
        f"{args.segments:,} segments x {len(got['totals'])} languages: {took:.1f} s wall, "
        f"{cpu:.1f} s CPU (load average {load[0]:.1f})"
    )
    print("| lang | " + " | ".join(got["bands"]) + " |")
    print("|---|" + "---|" * len(got["bands"]))
    for lang, c in got["totals"].items():
        cells = " | ".join(str(c["bands"][b]["segments"]) for b in got["bands"])
        print(f"| {lang} | {cells} |")


if __name__ == "__main__":
    main()
