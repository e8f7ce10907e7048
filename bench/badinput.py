"""The bad-input corpus at full size through every file-reading command: the table.

    python bench/badinput.py [--scale 1.0] [--limit 120] [--workers 2] [--fresh] [KIND ...]

Prints the kind x command table (rc, stderr lines, seconds, peak MB, pass) in Markdown,
then the totals; exit code 1 when a run failed (a hang, a traceback, more than one line,
a store changed by a failed command). The corpus is generated in a temporary folder.
Each run is a child forked from a warm interpreter (tests/badinput/forkserver.py);
``--fresh`` starts a new ``python`` for each instead (the seconds then include its start).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.badinput.corpus import build
from tests.badinput.runner import run_corpus, table


def main() -> None:
    """Build the corpus, run it, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kinds", nargs="*", help="only kinds whose name contains one of these")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--limit", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--fresh", action="store_true", help="a new interpreter for each run")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kinds = build(Path(tmp) / "inputs", a.scale)
        if a.kinds:
            kinds = [k for k in kinds if any(x in k.name for x in a.kinds)]
        start = time.monotonic()
        runs = run_corpus(kinds, Path(tmp) / "runs", a.limit, a.workers, fork=not a.fresh)
        print(table(runs))
        bad = [r for r in runs if not r.passed]
        print(
            f"\n{len(kinds)} kinds, {len(runs)} runs, {len(bad)} failed, "
            f"slowest {max(r.seconds for r in runs):.1f} s, "
            f"largest peak {max(r.peak_mb for r in runs):.0f} MB, "
            f"{time.monotonic() - start:.0f} s in all"
        )
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
