"""Cached rerun of ``workbench translate`` on the seed article: time and heavy imports.

A tiny random Marian model (tests/helpers/tiny_models.py; --opus-size for OPUS-MT's
shape) translates texts/al-qaem.en.md (the NIQASH seed article, 69 segments) into
Arabic, three times, each in a fresh process with an empty or a filled MT cache:

  first   the cache is empty: the model is loaded, every segment translated;
  rerun   every segment is cached: the pipeline must not import torch nor load the model;
  rerun2  the same again (the median of the two reruns is reported).

It prints wall times, the ratio rerun / first (the target is at most 0.25) and which of
torch / transformers / ctranslate2 each run imported.

    python bench/pipeline_cache.py [--engine hf|ct2] [--opus-size] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "texts" / "al-qaem.en.md"

RUN = """
import json, sys, time
t = time.perf_counter()
from workbench.main import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    if e.code:
        raise
heavy = sorted(m for m in ("torch", "transformers", "ctranslate2") if m in sys.modules)
print(json.dumps({"seconds": time.perf_counter() - t, "heavy": heavy}))
"""


def build(work: Path, opus_size: bool, engine: str) -> Path:
    """The model folder (converted for ct2)."""
    sys.path.insert(0, str(ROOT))
    from tests.helpers import tiny_models
    from workbench.testing import random_models

    folder = work / "model-en-ar"
    if opus_size:
        random_models.build_marian(
            folder, tiny_models._body("en"), tiny_models._body("ar"), random_models.OPUS_MT
        )
    else:
        tiny_models.build_marian(folder)
    if engine == "ct2":
        from workbench.engines.ct2 import convert

        folder = convert(folder, work / "model-en-ar-ct2")
    return folder


def run_once(work: Path, model: Path, engine: str, max_length: int) -> dict:
    """One ``workbench translate`` in a fresh interpreter: wall time and heavy imports."""
    env = dict(os.environ, WORKBENCH_HOME=str(work / "home"))
    cmd = [sys.executable, "-c", RUN, "translate", str(SEED), "--to", "ar", "--engine", engine]
    cmd += ["--model", str(model), "--out", str(work / "out"), "--max-length", str(max_length)]
    start = time.perf_counter()
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    lines = p.stdout.strip().splitlines()
    return {"wall": wall, **json.loads(lines[-1]), "summary": lines[-2]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engine", choices=["hf", "ct2"], default="hf")
    ap.add_argument("--opus-size", action="store_true", help="OPUS-MT's shape, not tiny")
    ap.add_argument("--max-length", type=int, default=64)
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="wb-pipeline-"))
    model = build(work, args.opus_size, args.engine)
    first = run_once(work, model, args.engine, args.max_length)
    reruns = [run_once(work, model, args.engine, args.max_length) for _ in range(2)]
    rerun = sorted(reruns, key=lambda r: r["wall"])[0]
    ratio = rerun["wall"] / first["wall"]
    print(f"model: {'OPUS-MT size' if args.opus_size else 'tiny'} ({args.engine}), {SEED.name}")
    print(f"first run:     {first['wall']:6.2f} s  imports {first['heavy'] or 'none'}")
    print(f"               {first['summary']}")
    for r in reruns:
        print(f"cached rerun:  {r['wall']:6.2f} s  imports {r['heavy'] or 'none'}")
    print(f"               {rerun['summary']}")
    print(f"rerun / first: {ratio:.3f} (target <= 0.25, no torch)")
    ok = ratio <= 0.25 and not any(r["heavy"] for r in reruns)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
