"""Precision and recall of the name matcher on GeoNames' Syrian places.

Each place of ../shared/data/geonames_sy is a glossary entry. Its Latin alternates (and,
separately, its Arabic-script alternates) are queries that should find that place and no
other. Two protocols, both through the real NameIndex.lookup:

* name-only: the index holds each place's main GeoNames name (and its Arabic-script names
  for the Arabic run); every other alternate is an unseen spelling;
* 5-fold: alternates are split in five folds; each fold is queried against an index of the
  main names plus the other four folds (a glossary that lists some variants).

Latin queries are asked twice: "Latn", entries with Latin forms only (the old figure), and
"Latn+ar", entries that also list their place's first Arabic-script GeoNames name, as a real
glossary entry has its Arabic form (the queries are the same Latin alternates; a Latin
alternate that romanises the Arabic name, Halab for حلب, is then found through that form).

A query's answer is the one entry whose calibrated confidence reaches the threshold (none
below it). precision = right answers / answers given; recall = right answers / queries.
Places with an id divisible by five are the held-apart fold: bench/calibrate_names.py never
learns from them, and their figures are printed separately.
Queries identical (after folding) to an indexed form of their place are not "unseen" and
are left out; so are airport-style codes (ALP, DAM).

*Ambiguous* queries are counted, and also reported apart: a query that is (after folding) a
form the index lists for another place (GeoNames gives Salakhed to both Şalkhad and
Şalākhid), or whose place shares its main name with another place (two villages called
Şūrān). No matcher can tell which place such a query means; the rows "unambiguous" leave
them out.

    python bench/geonames_eval.py [--no-fuzzy] [--curve] [--threshold C] [--errors]
                                  [--with-arabic]

``--errors`` prints the Latin queries of the learning places (never the held-apart ones)
that lookup gets wrong, grouped by cause: a wrong answer, the right entry top but below the
threshold, lower in the candidate list, not among the candidates, or no candidate at all.
``--with-arabic``: --errors and --curve for the Latn+ar protocol.
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

from workbench.core.glossary import Entry, Glossary
from workbench.core.names.arabic_script import arabic_light_key, is_arabic_script
from workbench.core.names.latin_key import words
from workbench.core.names.name_confidence import HOWS, threshold
from workbench.core.names.name_index import NameIndex

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
    """Folded letters and digits only (for 'is this spelling already listed')."""
    return "".join(words(s))


def held_apart(pid: str) -> bool:
    """The fold of places never used for learning (bench/calibrate_names.py): one in five."""
    return int(pid) % 5 == 0


def build_index(places, index_forms) -> NameIndex:
    """A glossary of the places with the given forms (place id -> forms), indexed."""
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
    return NameIndex(Glossary(entries))


def unseen(place, q, indexed, script):
    """Is the query a spelling the index does not already list for its place?"""
    norm = arabic_light_key if script == "Arab" else squash
    return norm(q) not in {norm(f) for f in indexed}


def protocols(places, script, with_arabic=False):
    """(protocol, index forms, queries) for name-only and for each of the five folds.

    ``with_arabic`` (Latin run): each entry also lists its place's first Arabic-script
    GeoNames name, as a real glossary entry has its Arabic form; the queries stay the
    Latin alternates.
    """
    field = "latin" if script == "Latn" else "arabic"
    ar_forms = {p["id"]: p["arabic"][:1] if with_arabic or script == "Arab" else [] for p in places}
    base = {p["id"]: [p["name"], *ar_forms[p["id"]]] for p in places}
    queries = [
        (p["id"], q)
        for p in places
        for q in (p[field] if script == "Latn" else p["arabic"][1:])
        if unseen(p, q, base[p["id"]], script)
    ]
    yield "name-only", base, queries
    rng = random.Random(7)
    folds = {p["id"]: [rng.randrange(5) for _ in p[field]] for p in places}
    for k in range(5):
        forms = {
            p["id"]: [p["name"]]
            + [a for a, f in zip(p[field], folds[p["id"]], strict=True) if f != k]
            + (ar_forms[p["id"]] if script == "Latn" else [])
            for p in places
        }
        qs = [
            (p["id"], a)
            for p in places
            for a, f in zip(p[field], folds[p["id"]], strict=True)
            if f == k and unseen(p, a, forms[p["id"]], script)
        ]
        yield "5-fold", forms, qs


def ambiguity(places, forms):
    """A test ``(place id, query) -> bool``: is the query ambiguous in this index?

    Ambiguous: the query folds to a form listed for another place, or its place's main
    name folds to another place's main name (two places with one name).
    """
    listed: dict[str, set[str]] = {}
    for pid, fs in forms.items():
        for f in fs:
            if not is_arabic_script(f):
                listed.setdefault(squash(f), set()).add(pid)
    mains: dict[str, set[str]] = {}
    for p in places:
        mains.setdefault(squash(p["name"]), set()).add(p["id"])
    main_of = {p["id"]: squash(p["name"]) for p in places}

    def test(pid: str, q: str) -> bool:
        return bool(listed.get(squash(q), set()) - {pid}) or len(mains[main_of[pid]]) > 1

    return test


def answers(places, script, fuzzy, with_arabic=False):
    """protocol -> [(place id, answered id or None, confidence, how, answered, ambiguous)]."""
    out: dict[str, list] = {}
    for name, forms, queries in protocols(places, script, with_arabic):
        index = build_index(places, forms)
        is_ambiguous = ambiguity(places, forms)
        rows = out.setdefault(name, [])
        for pid, q in queries:
            d = index.decide(q, fuzzy=fuzzy)
            top = d.candidates[0] if d.candidates else None
            rows.append(
                (
                    pid,
                    top.entry.id if top else None,
                    top.confidence if top else 0.0,
                    top.how if top else None,
                    bool(d.matches),  # what lookup answers (the shipped decision)
                    script == "Latn" and is_ambiguous(pid, q),
                )
            )
    return out


#: --errors groups, in the order printed
CAUSES = (
    "wrong answer",
    "right entry top, below the threshold",
    "right entry lower in the list",
    "right entry not among the candidates",
    "no candidate",
)


def errors(places, with_arabic=False) -> None:
    """Print the misses and false answers of the learning places, grouped by cause."""
    names = {p["id"]: p["name"] for p in places}
    for proto in ("name-only", "5-fold"):
        groups: dict[str, list[str]] = {c: [] for c in CAUSES}
        for name, forms, queries in protocols(places, "Latn", with_arabic):
            if name != proto:
                continue
            index = build_index(places, forms)
            is_ambiguous = ambiguity(places, forms)
            for pid, q in queries:
                if held_apart(pid):
                    continue
                d = index.decide(q)
                ids = [c.entry.id for c in d.candidates]
                if d.matches and d.matches[0].entry.id == pid:
                    continue
                if d.matches:
                    cause = CAUSES[0]
                elif not ids:
                    cause = CAUSES[4]
                elif ids[0] == pid:
                    cause = CAUSES[1]
                elif pid in ids:
                    cause = CAUSES[2]
                else:
                    cause = CAUSES[3]
                cands = ", ".join(
                    f"{names[c.entry.id]} ({c.how}{' ' + c.rule if c.rule else ''} "
                    f"{c.confidence:.3f})"
                    for c in d.candidates[:3]
                )
                mark = " (ambiguous)" if is_ambiguous(pid, q) else ""
                groups[cause].append(f"{q} [{names[pid]}]{mark} -> {cands or '-'}")
        for cause, lines in groups.items():
            label = "Latn+ar" if with_arabic else "Latn"
            print(f"\n## {label} {proto}, learning places: {cause} ({len(lines)})\n")
            for ln in lines:
                print(f"- {ln}")


def figures(rows, threshold, only=None):
    """Precision, recall and counts of the answers given at ``threshold`` or more.

    ``threshold`` None: the answers ``NameIndex.lookup`` gives (the shipped decision).
    ``only``: a test of the place id, or "unambiguous" (leave out the ambiguous queries).
    """
    if only == "unambiguous":
        rows = [r for r in rows if not r[5]]
    else:
        rows = [r for r in rows if only is None or only(r[0])]
    if threshold is None:
        given = [r for r in rows if r[4]]
    else:
        given = [r for r in rows if r[1] is not None and r[2] >= threshold]
    right = [r for r in given if r[1] == r[0]]
    hows = {h: sum(1 for r in right if r[3] == h) for h in HOWS}
    return {
        "queries": len(rows),
        "answered": len(given),
        "precision": len(right) / len(given) if given else 1.0,
        "recall": len(right) / len(rows) if rows else 0.0,
        **hows,
    }


def main() -> None:
    """Print the precision/recall table (and with --curve the curve over thresholds)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-fuzzy", action="store_true", help="keys only, no fuzzy fallback")
    ap.add_argument("--curve", action="store_true", help="precision/recall over thresholds")
    ap.add_argument(
        "--threshold", type=float, default=None, help="answer at this confidence (default: shipped)"
    )
    ap.add_argument(
        "--errors", action="store_true", help="the learning places' misses, grouped by cause"
    )
    ap.add_argument(
        "--with-arabic",
        action="store_true",
        help="--errors and --curve: the Latn+ar protocol (entries also list their Arabic name)",
    )
    args = ap.parse_args()
    if not (DATA / "geonames_sy").exists():
        sys.exit(f"{DATA}/geonames_sy not found")
    if args.errors:
        errors(load_places(), args.with_arabic)
        return
    t = time.perf_counter()
    places = load_places()
    thr = args.threshold
    tag = " (no fuzzy)" if args.no_fuzzy else ""
    print(
        f"answers at confidence >= {thr:g}\n"
        if thr is not None
        else f"answers as lookup gives them (threshold {threshold():g})\n"
    )
    print(
        "| protocol | queries | precision | recall | found by exact / key / respelling / letters / "
        "arabic / abjad / fuzzy |"
    )
    print("|---|---|---|---|---|")
    all_rows = {}
    # Latn: entries list the main name only; Latn+ar: and their Arabic name (same queries)
    for script, with_ar, shown in (
        ("Latn", False, "Latn"),
        ("Latn", True, "Latn+ar"),
        ("Arab", False, "Arab"),
    ):
        for name, rows in answers(places, script, not args.no_fuzzy, with_ar).items():
            all_rows[(shown, name)] = rows
            n_amb = sum(1 for r in rows if r[5])
            views = [("", None), (", held-apart places", held_apart)]
            if n_amb:
                views.append((f", unambiguous ({n_amb} ambiguous left out)", "unambiguous"))
            for label, only in views:
                r = figures(rows, thr, only)
                found = " / ".join(str(r[h]) for h in HOWS)
                print(
                    f"| {shown} {name}{label}{tag} | {r['queries']} | {r['precision']:.3f} | "
                    f"{r['recall']:.3f} | {found} |"
                )
    if args.curve:
        latin = "Latn+ar" if args.with_arabic else "Latn"
        for script, name in ((latin, "name-only"), (latin, "5-fold")):
            rows = all_rows[(script, name)]
            print(
                f"\n{script} {name}: precision / recall at confidence >= c "
                "(all places; held-apart places)\n"
            )
            print("| c | precision | recall | held-apart precision | held-apart recall |")
            print("|---|---|---|---|---|")
            for c in (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99):
                a, h = figures(rows, c), figures(rows, c, held_apart)
                print(
                    f"| {c:g} | {a['precision']:.3f} | {a['recall']:.3f} | "
                    f"{h['precision']:.3f} | {h['recall']:.3f} |"
                )
    print(f"\n{time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
