"""Start-up time of `workbench --help` (heavy imports must stay lazy). Target: < 0.3 s.

python bench/startup.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    exe = Path(sys.executable).parent / "workbench"
    for cmd in ([str(exe), "--help"], [str(exe), "glossary", "--help"]):
        subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            times.append(time.perf_counter() - t)
        name = " ".join(["workbench", *cmd[1:]])
        print(
            f"| `{name}` | median {statistics.median(times):.3f} s | "
            f"max {max(times):.3f} s | n={args.repeat} |"
        )


if __name__ == "__main__":
    main()
