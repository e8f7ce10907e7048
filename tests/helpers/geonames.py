"""The GeoNames name evaluation's output, run once per test session (it takes a while)."""

from __future__ import annotations

import subprocess
import sys
from functools import cache

from tests.conftest import ROOT, shared_file


@cache
def geonames_eval_output() -> str:
    """What ``python bench/geonames_eval.py`` prints (skips loudly without the data)."""
    shared_file("geonames_sy/cities500_SY_alternatenames.tsv")
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "geonames_eval.py")],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    ).stdout
