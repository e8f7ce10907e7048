"""Precision and recall of the name matcher on GeoNames' Syrian places.

Each place of ../shared/data/geonames_sy is a glossary entry. Its Latin alternates (and,
separately, its Arabic-script alternates) are queries that should find that place and no
other. Two protocols, both through the real NameIndex.lookup:

* name-only: the index holds each place's main GeoNames name (and its Arabic-script names
  for the Arabic run); every other alternate is an unseen spelling;
* 5-fold: alternates are split in five folds; each fold is queried against an index of the
  main names plus the other four folds (a glossary that lists some variants).

A query's answer is every entry tied at the best score. precision = right entries returned
/ all entries returned; recall = queries whose answer contains the right place / queries.
Queries identical (after folding) to an indexed form of their place are not "unseen" and
are left out; so are airport-style codes (ALP, DAM).

    python bench/geonames_eval.py [--fuzzy/--no-fuzzy]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import time
import unicodedata
from pathlib import Path

from workbench.core.arabic_script import arabic_light_key, is_arabic_script
from workbench.core.glossary import Entry, Glossary
from workbench.core.latin_key import words
from workbench.core.name_index import NameIndex

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def is_latin(s: str) -> bool:
    """Latin letters (any diacritics), spaces, hyphens and apostrophes only."""
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch) or ch in " -'’ʿʾ`.()":
            continue
        if not ("a" <= ch.lower() <= "z" or ch in "ıłøæßəđþðħ"):
            return False
    return any(c.isalpha() for c in s)


def _arabic_only(s: str) -> bool:
    """Arabic-script letters and spaces only (no Latin mixed in, as in 'ladhqyہ')."""
    return is_arabic_script(s) and all(
        c.isspace() or "\u0600" <= c <= "\u06ff" or c in "\u200c\u200d" for c in s
    )


def load_places() -> list[dict]:
    """Places with their main name, Latin alternates and Arabic-script alternates."""
    path = DATA / "geonames_sy" / "cities500_SY_alternatenames.tsv"
    out = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            alts = [a.strip() for a in row["alternatenames(|-separated)"].split("|") if a.strip()]
            latin = [a for a in alts if is_latin(a) and not (a.isupper() and len(a) <= 4)]
            arabic = [a for a in alts if _arabic_only(a) and len(a.split()) <= 4]
            out.append(
                {"id": row["geonameid"], "name": row["name"], "latin": latin, "arabic": arabic}
            )
    return out


def squash(s: str) -> str:
    return "".join(words(s))


def evaluate(places, index_forms, queries, script, fuzzy):
    """index_forms: place id -> list of forms; queries: list of (place id, query)."""
    entries = []
    for p in places:
        forms = index_forms.get(p["id"], [])
        latin = [f for f in forms if not is_arabic_script(f)]
        arabic = [f for f in forms if is_arabic_script(f)]
        entries.append(
            Entry(
                id=p["id"],
                type="place",
                en=latin[0] if latin else p["name"],
                en_variants=tuple(latin[1:]),
                ar=arabic[0] if arabic else "",
                ar_variants=tuple(arabic[1:]),
            )
        )
    index = NameIndex(Glossary(entries))
    returned = right = found = n = 0
    by_how = {"exact": 0, "key": 0, "fuzzy": 0}
    for pid, q in queries:
        n += 1
        matches = index.lookup(q, fuzzy=fuzzy)
        ids = {m.entry.id for m in matches}
        returned += len(ids)
        if pid in ids:
            right += 1
            found += 1
            by_how[matches[0].how] += 1
    precision = right / returned if returned else 1.0
    return {
        "queries": n,
        "recall": found / n if n else 0.0,
        "precision": precision,
        "answered": returned,
        **by_how,
    }


def unseen(place, q, indexed, script):
    """Is the query a spelling the index does not already list for its place?"""
    norm = arabic_light_key if script == "Arab" else squash
    return norm(q) not in {norm(f) for f in indexed}


def run(fuzzy: bool) -> list[tuple[str, dict]]:
    places = load_places()
    rows = []
    for script, field in (("Latn", "latin"), ("Arab", "arabic")):
        # name-only
        base = {
            p["id"]: ([p["name"]] if script == "Latn" else [p["name"], *p["arabic"][:1]])
            for p in places
        }
        queries = [
            (p["id"], q)
            for p in places
            for q in (p[field] if script == "Latn" else p["arabic"][1:])
            if unseen(p, q, base[p["id"]], script)
        ]
        rows.append((f"{script} name-only", evaluate(places, base, queries, script, fuzzy)))
        # 5-fold
        rng = random.Random(7)
        folds = {p["id"]: [rng.randrange(5) for _ in p[field]] for p in places}
        total = {
            "queries": 0,
            "answered": 0,
            "right": 0,
            "found": 0,
            "exact": 0,
            "key": 0,
            "fuzzy": 0,
        }
        for k in range(5):
            forms = {
                p["id"]: [p["name"]]
                + [a for a, f in zip(p[field], folds[p["id"]], strict=True) if f != k]
                for p in places
            }
            qs = [
                (p["id"], a)
                for p in places
                for a, f in zip(p[field], folds[p["id"]], strict=True)
                if f == k and unseen(p, a, forms[p["id"]], script)
            ]
            r = evaluate(places, forms, qs, script, fuzzy)
            total["queries"] += r["queries"]
            total["answered"] += r["answered"]
            total["found"] += round(r["recall"] * r["queries"])
            total["right"] += round(r["precision"] * r["answered"])
            for h in ("exact", "key", "fuzzy"):
                total[h] += r[h]
        rows.append(
            (
                f"{script} 5-fold",
                {
                    "queries": total["queries"],
                    "recall": total["found"] / total["queries"],
                    "precision": total["right"] / total["answered"] if total["answered"] else 1.0,
                    "answered": total["answered"],
                    "exact": total["exact"],
                    "key": total["key"],
                    "fuzzy": total["fuzzy"],
                },
            )
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-fuzzy", action="store_true", help="keys only, no fuzzy fallback")
    args = ap.parse_args()
    if not (DATA / "geonames_sy").exists():
        sys.exit(f"{DATA}/geonames_sy not found")
    t = time.perf_counter()
    rows = run(fuzzy=not args.no_fuzzy)
    print("| protocol | queries | precision | recall | found by exact / key / fuzzy |")
    print("|---|---|---|---|---|")
    for name, r in rows:
        print(
            f"| {name}{'' if not args.no_fuzzy else ' (no fuzzy)'} | {r['queries']} | "
            f"{r['precision']:.3f} | {r['recall']:.3f} | {r['exact']} / {r['key']} / {r['fuzzy']} |"
        )
    print(f"\n{time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
