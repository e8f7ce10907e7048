"""Time `workbench glossary check` over the English side of ntrex128 (1,997 sentences).

The sentences are written one paragraph per document into a temporary Markdown file, then
the real command runs in a subprocess (start-up included), several times.

    python bench/check_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def write_ntrex(column: str, path: Path) -> int:
    """One paragraph per ntrex128 document; returns the number of sentences."""
    docs: dict[str, list[str]] = defaultdict(list)
    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            docs[row["doc_id"]].append(row[column])
    path.write_text("\n\n".join(" ".join(s) for s in docs.values()) + "\n", encoding="utf-8")
    return sum(len(s) for s in docs.values())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    exe = Path(sys.executable).parent / "workbench"
    with tempfile.TemporaryDirectory() as tmp:
        print("| text | sentences | names found | median s | min s |")
        print("|---|---|---|---|---|")
        for column, lang in (("eng", "en"), ("arb", "ar"), ("ckb_Arab", "ckb")):
            path = Path(tmp) / f"ntrex.{lang}.md"
            n = write_ntrex(column, path)
            times = []
            out = ""
            for _ in range(args.repeat):
                t = time.perf_counter()
                proc = subprocess.run(
                    [str(exe), "glossary", "check", str(path), "--json"],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                times.append(time.perf_counter() - t)
                out = proc.stdout
            import json

            names = len(json.loads(out)["files"][0]["names"])
            print(
                f"| ntrex128 {column} | {n} | {names} | {statistics.median(times):.2f} | "
                f"{min(times):.2f} |"
            )


if __name__ == "__main__":
    main()
