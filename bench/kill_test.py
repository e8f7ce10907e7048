"""SIGKILL a project writer many times at random moments; count kills survived.

Each round starts a writer process that commits edits one by one and prints each after its
commit; it is killed after a random 0.05-0.5 s. After every kill the project is reopened:
``PRAGMA integrity_check`` must say ok and every edit the writer reported must be there.

    python bench/kill_test.py [--kills 200]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workbench.formats.article import read_document
from workbench.store.db import integrity_ok
from workbench.store.project import Project

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "proj"
        with Project.init(folder) as p:
            p.add_document(read_document(ROOT / "texts" / "al-qaem.en.md"))
        reported: dict[str, set[str]] = {}
        survived = edits = 0
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        t0 = time.perf_counter()
        for k in range(args.kills):
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.helpers.writer",
                    str(folder),
                    "ar",
                    str(k * 1_000_000),
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            proc.stdout.readline()  # started and committed once
            time.sleep(rng.uniform(0.05, 0.5))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            for line in proc.stdout.read().splitlines():
                sid, text = line.split("\t")
                reported.setdefault(sid, set()).add(text)
                edits += 1
            with Project.open(folder) as p:
                ok = integrity_ok(p.con) and all(
                    texts <= {h[2] for h in p.history(int(sid), "ar")}
                    for sid, texts in reported.items()
                )
            survived += ok
        dt = time.perf_counter() - t0
    print("| kills | survived (integrity ok, no reported edit lost) | edits reported | seconds |")
    print("|---|---|---|---|")
    print(f"| {args.kills} | {survived} | {edits} | {dt:.0f} |")


if __name__ == "__main__":
    main()
