"""Learn the shipped alignment lexicons from TICO-19 (CC0): workbench/data/lexicon.en-*.tsv.

python bench/build_lexicon.py
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.core.align.lexicon import DATA, learn, save

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def main() -> None:
    for tgt in ("ar", "ckb"):
        folder = SHARED / "tico19"
        en = (folder / f"en-{tgt}.tico19-test.en").read_text(encoding="utf-8").splitlines()
        tr = (folder / f"en-{tgt}.tico19-test.{tgt}").read_text(encoding="utf-8").splitlines()
        pairs = [(e, t) for e, t in zip(en, tr, strict=False) if t.strip() and t.strip() != "{NS}"]
        lex = learn(pairs)
        save(lex, DATA / f"lexicon.en-{tgt}.tsv")
        print(
            f"en-{tgt}: {len(pairs)} pairs -> {len(lex)} English words, "
            f"{sum(len(v) for v in lex.values())} entries"
        )


if __name__ == "__main__":
    main()
