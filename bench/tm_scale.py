"""A TM of N units (default 1,000,000) from ../shared/data with synthetic variation.

Base pairs: ntrex128 en-ar and en-ckb, TICO-19 en-ar and en-ckb (about 8,000). Each unit is
a base pair whose source got a few random edits (a number changed, a word dropped, two
words swapped, a word inserted, a name replaced by a glossary variant), so that the TM is
large and full of near-duplicates, as real TMs are. Measures the import rate, the database
size, and lookup latency (p50, p95 over 200 queries, top 5 matches >= 70%) at each size in
--at.

    python bench/tm_scale.py [--units 1000000] [--at 100000,1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import services
from workbench.core.units import Unit
from workbench.store.tm import TranslationMemory

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def base_pairs() -> list[tuple[str, str, str]]:
    """(source, target, target language) pairs from ntrex128 and TICO-19."""
    pairs = []
    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            pairs.append((row["eng"], row["arb"], "ar"))
            pairs.append((row["eng"], row["ckb_Arab"], "ckb"))
    for tgt, ext in (("ar", "ar"), ("ckb", "ckb")):
        en = (DATA / "tico19" / f"en-{tgt}.tico19-test.en").read_text(encoding="utf-8").splitlines()
        tr = (
            (DATA / "tico19" / f"en-{tgt}.tico19-test.{ext}")
            .read_text(encoding="utf-8")
            .splitlines()
        )
        pairs += [(e, t, tgt) for e, t in zip(en, tr, strict=False) if t.strip() != "{NS}"]
    return [(s, t, lang) for s, t, lang in pairs if s.strip() and t.strip()]


NAMES = [
    "al-Qaim",
    "Al Qaem",
    "Mosul",
    "Raqqa",
    "ISIS",
    "the IS group",
    "Haditha",
    "Anbar",
    "Fallujah",
    "Ramadi",
    "Baghdad",
    "Tal Afar",
    "Hawija",
    "Obeidi",
    "Jughaifi",
]


def vary(text: str, rng: random.Random, vocab: list[str]) -> str:
    """A few random edits of a sentence."""
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        if len(words) < 3:
            break
        op = rng.random()
        i = rng.randrange(len(words))
        if op < 0.25:
            words[i] = str(rng.randint(2, 9999))
        elif op < 0.45:
            del words[i]
        elif op < 0.65 and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
        elif op < 0.85:
            words.insert(i, rng.choice(vocab))
        else:
            words[i] = rng.choice(NAMES)
    return " ".join(words)


def generate(n: int, seed: int = 11):
    """n varied units (the first pass over the base pairs is unvaried)."""
    rng = random.Random(seed)
    pairs = base_pairs()
    vocab = sorted({w for s, _, _ in pairs[:4000] for w in s.split() if w.isalpha()})
    for i in range(n):
        s, t, lang = pairs[i % len(pairs)]
        yield Unit(s if i < len(pairs) else vary(s, rng, vocab), t, "en", lang, origin="bench")


def queries(k: int = 200, seed: int = 5) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = base_pairs()
    vocab = sorted({w for s, _, _ in pairs[:4000] for w in s.split() if w.isalpha()})
    picks = rng.sample(pairs, k)
    return [(vary(s, rng, vocab), lang) for s, _, lang in picks]


def measure(tm: TranslationMemory) -> tuple[float, float, float]:
    """p50, p95 (ms) and the share of queries with at least one match >= 70%."""
    times, hit = [], 0
    qs = queries()
    for q, lang in qs[:20]:  # warm the page cache
        tm.lookup(q, "en", lang)
    for q, lang in qs:
        t = time.perf_counter()
        found = tm.lookup(q, "en", lang, limit=5, threshold=70)
        times.append((time.perf_counter() - t) * 1000)
        hit += bool(found)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], hit / len(qs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--at", default="100000,1000000")
    ap.add_argument("--db", help="TM file (default: a temporary one)")
    ap.add_argument("--no-glossary", action="store_true")
    args = ap.parse_args()
    marks = sorted(int(x) for x in args.at.split(",") if int(x) <= args.units)
    glossary = (
        None if args.no_glossary else services.open_glossary(ROOT / "glossaries" / "names.tsv")
    )
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "tm.sqlite"
    print(
        "| units | import units/s (cumulative) | DB size MB | lookup p50 ms | p95 ms "
        "| queries with a match >= 70% |"
    )
    print("|---|---|---|---|---|---|")
    with TranslationMemory(path, glossary) as tm:
        gen = generate(args.units * 2)
        done, import_s = 0, 0.0
        for mark in marks:
            t = time.perf_counter()
            while tm.count() < mark:  # synthetic edits can repeat a unit: count what is stored
                need = mark - tm.count()
                batch = [u for _, u in zip(range(need), gen, strict=False)]
                if not batch:
                    break
                tm.add(batch, batch=5000)
            tm.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            import_s += time.perf_counter() - t
            done = tm.count()
            size = path.stat().st_size / 1e6
            p50, p95, share = measure(tm)
            print(
                f"| {tm.count():,} | {done / import_s:,.0f} | {size:,.0f} | {p50:.1f} | "
                f"{p95:.1f} | {share:.0%} |",
                flush=True,
            )
    tmp.cleanup()


if __name__ == "__main__":
    main()
