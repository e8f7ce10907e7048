"""Leverage the second seed article against a TM of the first: plain vs variant-aware %.

The first article's English segments and their Arabic (or Sorani) translations from
texts/ go into a fresh TM; each segment of al-qaim-stronghold.en.md is looked up. The
table shows, per segment, the best plain fuzzy score (names compared letter by letter)
beside the best variant-aware score (names compared through the glossary).

    python bench/tm_seeds.py [--lang ar|ckb]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from workbench import services
from workbench.core.segment import segment_document
from workbench.core.units import Unit
from workbench.formats.article import read_document
from workbench.store.tm import TranslationMemory

ROOT = Path(__file__).resolve().parent.parent


def seed_units(lang: str) -> list[Unit]:
    """Units from the first article and its translation, with context."""
    en = list(segment_document(read_document(ROOT / "texts" / "al-qaem.en.md")))
    tr = list(segment_document(read_document(ROOT / "texts" / f"al-qaem.{lang}.md")))
    return [
        Unit(
            e.text,
            t.text,
            "en",
            lang,
            en[i - 1].text if i else "",
            en[i + 1].text if i + 1 < len(en) else "",
            "texts/al-qaem",
        )
        for i, (e, t) in enumerate(zip(en, tr, strict=True))
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", default="ar")
    args = ap.parse_args()
    glossary = services.open_glossary(ROOT / "glossaries" / "names.tsv")
    with (
        tempfile.TemporaryDirectory() as tmp,
        TranslationMemory(Path(tmp) / "tm.sqlite", glossary) as tm,
    ):
        tm.add(seed_units(args.lang))
        segs = list(segment_document(read_document(ROOT / "texts" / "al-qaim-stronghold.en.md")))
        print("| segment | plain % | variant-aware % | best unit (start) |")
        print("|---|---|---|---|")
        gains = []
        for s in segs:
            found = tm.lookup(s.text, "en", args.lang, threshold=0, limit=20)
            plain = max((m.plain for m in found), default=0.0)
            best = found[0] if found else None
            variant = best.score if best else 0.0
            gains.append(variant - plain)
            start = best.source[:40].replace("|", "/") + "…" if best else ""
            print(f"| {s.id} {s.text[:50]}… | {plain:.0f} | {variant:.0f} | {start} |")
        print(f"\nmean gain: {sum(gains) / len(gains):.1f} points over {len(gains)} segments")


if __name__ == "__main__":
    main()
