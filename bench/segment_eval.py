"""Sentence-boundary precision/recall/F1 on ntrex128 (each document's sentences joined).

python bench/segment_eval.py
"""

from __future__ import annotations

import csv
import os
from collections import defaultdict
from pathlib import Path

from workbench.testing.segment_eval import score_boundaries

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def documents(column: str) -> list[list[str]]:
    docs: dict[str, list[str]] = defaultdict(list)
    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            docs[row["doc_id"]].append(row[column])
    return list(docs.values())


def main() -> None:
    print("| language | boundaries | P | R | F1 | punctuated: P | R | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for column, lang in (("eng", "en"), ("arb", "ar"), ("ckb_Arab", "ckb"), ("kmr", "kmr")):
        docs = documents(column)
        a = score_boundaries(docs, lang)
        b = score_boundaries(docs, lang, punctuated_only=True)
        print(
            f"| {lang} | {a.tp + a.fn} | {a.precision:.3f} | {a.recall:.3f} | {a.f1:.3f} | "
            f"{b.precision:.3f} | {b.recall:.3f} | {b.f1:.3f} |"
        )


if __name__ == "__main__":
    main()
