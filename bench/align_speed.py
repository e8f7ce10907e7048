"""Time and peak memory of sentence alignment on 1,000 and 10,000-sentence bitexts.

The bitexts are ntrex128 en-ar sentences (repeated to the size wanted) perturbed like the
development set (merges and dropped lines). Each size runs in a fresh process so that peak
memory (ru_maxrss) is its own.

    python bench/align_speed.py [--sizes 1000,10000] [--no-lexicon]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_one(size: int, lexicon: bool) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    import csv

    from align_eval import COLUMNS, DATA  # noqa: F401

    from workbench.core.align.beads import score_alignment
    from workbench.core.align.sentence import align_sentences
    from workbench.services import aligner_similarity
    from workbench.testing.align_devset import make_bitext

    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        rows = [
            (r["eng"], r["arb"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
    pairs = (rows * (size // len(rows) + 1))[:size]
    bt = make_bitext("speed", pairs, random.Random(5))
    sim = aligner_similarity("en", "ar", lexicon)
    t = time.perf_counter()
    al = align_sentences(bt.src, bt.tgt, "en", "ar", None, sim)
    dt = time.perf_counter() - t
    s = score_alignment(al.beads, bt.gold)
    return {
        "size": size,
        "src": len(bt.src),
        "tgt": len(bt.tgt),
        "seconds": round(dt, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "strict_f1": round(s.strict_f1, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, not args.no_lexicon)))
        return
    print("| sentences (src x tgt) | lexicon | seconds | peak memory MB (process) | strict F1 |")
    print("|---|---|---|---|---|")
    for size in (int(x) for x in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(size)] + (
            ["--no-lexicon"] if args.no_lexicon else []
        )
        r = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        print(
            f"| {r['src']:,} x {r['tgt']:,} | {'no' if args.no_lexicon else 'yes'} | "
            f"{r['seconds']} | {r['peak_mb']} | {r['strict_f1']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
