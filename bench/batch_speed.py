"""Batch translation on Ray Data against single-process ``translate``: articles per minute.

A random-weight model of OPUS-MT en-ar's shape (bench/mt_speed.py's build), converted to
CTranslate2 int8, translates the same N short articles (ntrex128 sentences, four per
article) three ways, each with an empty MT cache and its own output folder:

  single   one ``workbench translate`` process over all the articles;
  ray x1   ``workbench batch translate --workers 1`` (local Ray, one actor);
  ray x2   ``workbench batch translate --workers 2`` (two actors, one thread each).

Ray's overhead is stated as the ratio ray x1 / single in articles per minute.

    python bench/batch_speed.py [--articles 200] [--length 16] [--tiny] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles(folder: Path, n: int) -> list[str]:
    """N articles of four ntrex128 sentences each."""
    from bench.mt_speed import sentences

    lines = sentences(n * 4)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        body = " ".join(lines[(4 * i) % len(lines) : (4 * i) % len(lines) + 4])
        p = folder / f"a{i:04d}.en.md"
        p.write_text(f"---\nid: a{i:04d}\nlang: en\n---\n\n{body}\n", encoding="utf-8")
        out.append(str(p))
    return out


def model(work: Path, tiny: bool) -> Path:
    """The CTranslate2 int8 model folder."""
    from workbench.engines.ct2 import convert

    if not tiny:
        from bench.mt_speed import build

        return build(work)[1]  # OPUS-MT's shape, converted to int8
    hf = work / "model-en-ar"
    if not hf.is_dir():
        from tests.helpers.tiny_models import build_marian

        build_marian(hf)
    ct2 = work / "model-en-ar-ct2"
    return ct2 if ct2.is_dir() else convert(hf, ct2)


def timed(cmd: list[str], home: Path) -> float:
    """Wall seconds of one command (it must succeed)."""
    env = dict(os.environ, WORKBENCH_HOME=str(home))
    env.pop("RAY_ADDRESS", None)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--length", type=int, default=16, help="--max-length of the output")
    ap.add_argument("--tiny", action="store_true", help="the tiny test model instead")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="wb-batch-"))
    srcs = articles(work / "in", args.articles)
    m = model(work, args.tiny)
    wb = [sys.executable, "-m", "workbench"]
    common = ["--to", "ar", "--engine", "ct2", "--model", str(m), "--max-length", str(args.length)]
    res = {}
    res["single"] = timed(
        [*wb, "translate", *srcs, *common, "--threads", "1", "--out", str(work / "o1")],
        work / "h1",
    )
    for n in (1, 2):
        cmd = [*wb, "batch", "translate", *srcs, *common, "--workers", str(n), "--threads", "1"]
        cmd += ["--cpus", str(n + 1), "--out", str(work / f"r{n}")]
        res[f"ray x{n}"] = timed(cmd, work / f"h-r{n}")
    kind = "tiny" if args.tiny else "OPUS-MT-size"
    print(f"{args.articles} articles, max length {args.length}, ct2 int8, {kind} random model")
    print(f"{os.cpu_count()} CPUs")
    for k, s in res.items():
        print(f"{k:<8} {s:7.1f} s  {args.articles / s * 60:7.1f} articles/min")
    print(f"ray x1 / single (articles/min): {res['single'] / res['ray x1']:.2f}")
    print(f"ray x2 / ray x1: {res['ray x1'] / res['ray x2']:.2f}")


if __name__ == "__main__":
    main()
