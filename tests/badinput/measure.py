"""Run ``workbench ARGS`` and, on exit, write this process's peak memory (MB) to a file.

Usage: ``python -m tests.badinput.measure PEAK_FILE ARGS...`` (the runner's subprocess).
"""

from __future__ import annotations

import atexit
import resource
import sys
from pathlib import Path


def _write_peak(path: str) -> None:
    Path(path).write_text(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")


if __name__ == "__main__":
    atexit.register(_write_peak, sys.argv[1])
    from workbench.main import main

    main(sys.argv[2:])
