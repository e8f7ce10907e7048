"""Sorani normalisation against ScriptNormalization's hand-made gold.

Word accuracy on word-aligned lines, before and after `normalize(text, "ckb")`, and how many
words that were already right the normaliser broke.

    python bench/normalize_eval.py
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.names.arabic_script import normalize
from workbench.testing.normalize_eval import read_pairs, score_normalizer

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def main() -> None:
    print("| input | aligned words | right before | right after | broken |")
    print("|---|---|---|---|---|")
    for name in ("Sorani-Arabic.tsv", "Sorani-Persian.tsv"):
        path = DATA / "sorani_normalization" / "scriptnormalization" / name
        pairs = read_pairs(path.read_text(encoding="utf-8"))
        r = score_normalizer(pairs, lambda t: normalize(t, "ckb"))
        print(
            f"| {name} | {r.words} | {r.right_before / r.words:.1%} | "
            f"{r.right_after / r.words:.1%} | {r.broken} |"
        )


if __name__ == "__main__":
    main()
