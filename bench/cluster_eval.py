"""Pair precision / recall / F1 and B-cubed of ``glossary cluster`` on the person-name dev set.

The set is built by ``workbench.testing.cluster_devset`` (seeded; or read with ``--set``).
Each part (``dev``, the held-apart ``held``) is clustered as one list of names, as a
translator would paste it; then every pair of mentions counts: same person and same group
is a true pair, different people in one group a false one. Figures are given for the whole
part and for its sources (glossary, NTREX, composed Iraqi families; the Arabic-name rows are
glossary + composed + NTREX's Arabic names). It runs what ``glossary cluster --no-glossary``
runs (:func:`cluster_people` by spelling alone); ``--glossary`` adds the bundled glossary's
links as the plain command does (its people's rows are then known by construction), and
``--arab`` adds their Arabic and Sorani forms to the lists too.

    python bench/cluster_eval.py                 # both parts, table
    python bench/cluster_eval.py --show 10       # and the first wrong merges / splits
    python bench/cluster_eval.py --json out.json
    python bench/cluster_eval.py --places        # GeoNames Syria's Latin names, one group a place

``--places`` checks that the person rules leave place names alone: every Latin alternate of
the places in ``../shared/data/geonames_sy`` (a string two places share left out), clustered
as one list, one gold group per place.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.core.names.cluster import cluster_people
from workbench.testing.cluster_devset import Mention, build, read_tsv


def pair_counts(gold: list[str], group: list[int], keep: list[bool]) -> tuple[int, int, int]:
    """(true pairs, predicted pairs, gold pairs) over the mentions with ``keep`` set."""
    tp = pred = truth = 0
    idx = [i for i, k in enumerate(keep) if k]
    by_group = Counter(group[i] for i in idx)
    by_gold = Counter(gold[i] for i in idx)
    by_both = Counter((group[i], gold[i]) for i in idx)
    pred = sum(n * (n - 1) // 2 for n in by_group.values())
    truth = sum(n * (n - 1) // 2 for n in by_gold.values())
    tp = sum(n * (n - 1) // 2 for n in by_both.values())
    return tp, pred, truth


def bcubed(gold: list[str], group: list[int], keep: list[bool]) -> tuple[float, float]:
    """B-cubed precision and recall over the mentions with ``keep`` set."""
    idx = [i for i, k in enumerate(keep) if k]
    if not idx:
        return 1.0, 1.0
    by_group = Counter(group[i] for i in idx)
    by_gold = Counter(gold[i] for i in idx)
    by_both = Counter((group[i], gold[i]) for i in idx)
    p = sum(by_both[(group[i], gold[i])] / by_group[group[i]] for i in idx) / len(idx)
    r = sum(by_both[(group[i], gold[i])] / by_gold[gold[i]] for i in idx) / len(idx)
    return p, r


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(mentions: list[Mention], with_arab: bool = False, glossary=None) -> dict:  # type: ignore[no-untyped-def]
    """Figures per part and source; also the wrong merges and the missed pairs."""
    out: dict = {}
    for part in ("dev", "held"):
        ms = [m for m in mentions if m.part == part and (with_arab or m.script == "latin")]
        texts = [m.text for m in ms]
        groups = cluster_people(texts, glossary)
        group = [0] * len(ms)
        for g, members in enumerate(groups):
            for i in members:
                group[i] = g
        gold = [m.person for m in ms]
        arabic_named = {"glossary", "composed"}
        rows = {
            "all": [True] * len(ms),
            "arabic names": [
                m.source in arabic_named or m.person in ("walid al moualem", "bashar al assad")
                for m in ms
            ],
            "glossary": [m.source == "glossary" for m in ms],
            "ntrex": [m.source == "ntrex" for m in ms],
            "composed": [m.source == "composed" for m in ms],
        }
        fig: dict = {}
        for name, keep in rows.items():
            tp, pred, truth = pair_counts(gold, group, keep)
            p = tp / pred if pred else 1.0
            r = tp / truth if truth else 1.0
            bp, br = bcubed(gold, group, keep)
            fig[name] = {
                "mentions": sum(keep),
                "people": len({gold[i] for i, k in enumerate(keep) if k}),
                "pairs": truth,
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(_f1(p, r), 3),
                "b3_precision": round(bp, 3),
                "b3_recall": round(br, 3),
                "b3_f1": round(_f1(bp, br), 3),
            }
        wrong = []
        for members in groups:
            people = {gold[i] for i in members}
            if len(people) > 1:
                wrong.append([texts[i] for i in members])
        missed = []
        for a, b in combinations(range(len(ms)), 2):
            if gold[a] == gold[b] and group[a] != group[b]:
                missed.append((texts[a], texts[b]))
        out[part] = {"figures": fig, "wrong_groups": wrong, "missed_pairs": missed}
    return out


def place_figures() -> dict:
    """Pair precision / recall of clustering GeoNames Syria's Latin names (gold: the place)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from geonames_eval import is_latin, load_places

    names: list[str] = []
    gold: list[str] = []
    for p in load_places():
        for f in sorted({p["name"], *p["latin"]}):
            if is_latin(f):
                names.append(f)
                gold.append(p["id"])
    count = Counter(names)
    keep = [count[n] == 1 for n in names]
    group = [0] * len(names)
    for g, members in enumerate(cluster_people(names)):
        for i in members:
            group[i] = g
    tp, pred, truth = pair_counts(gold, group, keep)
    return {"names": sum(keep), "precision": round(tp / pred, 3), "recall": round(tp / truth, 3)}


def main(argv: list[str] | None = None) -> int:
    """Command line: print the table (and examples), or write JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", help="a dev set TSV (default: build it, seeded)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--glossary", action="store_true", help="join by the bundled glossary")
    ap.add_argument("--arab", action="store_true", help="add Arabic-script forms (and --glossary)")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong groups / misses")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--places", action="store_true", help="GeoNames Syria places instead")
    args = ap.parse_args(argv)
    if args.places:
        f = place_figures()
        print(f"places: {f['names']} names, pair precision {f['precision']:.3f}, "
              f"recall {f['recall']:.3f}")  # fmt: skip
        return 0
    mentions = read_tsv(args.set) if args.set else build(args.seed)
    glossary = None
    if args.glossary or args.arab:
        from workbench.formats.glossary_tsv import load_glossary
        from workbench.testing.cluster_devset import GLOSSARY

        glossary = load_glossary(GLOSSARY)
    res = evaluate(mentions, with_arab=args.arab, glossary=glossary)
    print(f"{'part':5} {'rows':13} {'ment':>5} {'ppl':>4} {'pairs':>5}  "
          f"{'P':>5} {'R':>5} {'F1':>5}   {'B3 P':>5} {'B3 R':>5} {'B3 F1':>5}")  # fmt: skip
    for part, r in res.items():
        for name, f in r["figures"].items():
            print(f"{part:5} {name:13} {f['mentions']:5} {f['people']:4} {f['pairs']:5}  "
                  f"{f['precision']:5.3f} {f['recall']:5.3f} {f['f1']:5.3f}   "
                  f"{f['b3_precision']:5.3f} {f['b3_recall']:5.3f} {f['b3_f1']:5.3f}")  # fmt: skip
        if args.show:
            for g in r["wrong_groups"][: args.show]:
                print(f"  {part} wrong: {' | '.join(g)}")
            for a, b in r["missed_pairs"][: args.show]:
                print(f"  {part} missed: {a}  ~  {b}")
    if args.json:
        figs = {p: r["figures"] for p, r in res.items()}
        Path(args.json).write_text(json.dumps(figs, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
