"""Sorani normalisation against ScriptNormalization's hand-made gold.

Word accuracy on word-aligned lines, before and after `normalize(text, "ckb")`, and how many
words that were already right the normaliser broke.

    python bench/normalize_eval.py
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.arabic_script import normalize

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def main() -> None:
    print("| input | aligned words | right before | right after | broken |")
    print("|---|---|---|---|---|")
    for name in ("Sorani-Arabic.tsv", "Sorani-Persian.tsv"):
        path = DATA / "sorani_normalization" / "scriptnormalization" / name
        total = before = after = broken = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            src, gold = line.split("\t")[:2]
            s, o, r = src.split(), normalize(src, "ckb").split(), gold.split()
            if not len(s) == len(o) == len(r):
                continue
            for a, b, c in zip(s, o, r, strict=True):
                total += 1
                before += a == c
                after += b == c
                broken += a == c and b != c
        print(f"| {name} | {total} | {before / total:.1%} | {after / total:.1%} | {broken} |")


if __name__ == "__main__":
    main()
