"""Learn the name-match confidence from GeoNames Syria; write core/names/name_weights.py.

    python bench/calibrate_names.py [--target 0.98 | --precision P] [--trees] [--dry-run]
                                    [--out FILE]

Learning data: every candidate that ``NameIndex.scored_candidates`` returns for the Latin
and Arabic-script queries of bench/geonames_eval.py (name-only and 5-fold protocols, and for
Latin both again with entries that also list their Arabic name, the Latn+ar protocol), plus
"absent" queries (the alternates of one place in five, asked of an index that lacks that
place: every candidate is wrong, as for a name the glossary does not have). Places of the
held-apart fold (id divisible by five, ``geonames_eval.held_apart``) are never learnt from.

1. A logistic regression (numpy, L2) of "this candidate is the right entry" on the features
   of ``name_confidence.FEATURES``, one weight set per script; with ``--trees``, for Latin
   script a small gradient-boosted tree ensemble (bench/tree_ensemble.py: 150 trees of
   depth 3), which ``name_confidence`` then uses: it sees interactions a linear weighting
   cannot (a fuzzy
   match is trustworthy with a wide margin and a long key, not with either alone).
2. A calibration table: for each query, its top candidate's raw score; the confidence of a
   raw score t is the precision of the answers with raw >= t (made monotone, conservatively),
   at 80 breakpoints (40 placed the 0.98 step coarsely: Latn+ar name-only recall 0.722
   against 0.730 with 80, at the same precision 0.982).
   For the trees the raw scores are out-of-fold (4 folds of the learning places, each scored
   by trees that never saw it), so the confidence is not the trees' own optimism.
3. The threshold (the confidence an answer needs): ``--target`` (0.98, the goal's
   precision); with ``--precision P``, the lowest confidence at which the Latin name-only
   answers reach P *out of fold* (each learning place scored by weights learnt without its
   quarter of the places), never chosen on the held-apart places. Either way the
   out-of-fold name-only precision and recall at the threshold are printed.

It prints the out-of-fold and held-apart precision and recall at the threshold.
Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geonames_eval import build_index, held_apart, load_places, protocols
from tree_ensemble import fit_trees, predict_trees

from workbench.core.names.name_confidence import FEATURES

OUT = Path(__file__).resolve().parent.parent / "workbench" / "core" / "names" / "name_weights.py"


def absent(place_id: str) -> bool:
    """Places left out of the index in the 'absent' protocol (none of them held apart)."""
    return int(place_id) % 5 == 1


def collect(places, script):
    """(features, label, query number, held apart) of every candidate, and the query count."""
    rows = []
    qn = 0
    runs = list(protocols(places, script))
    # absent: the name-only index without one place in five; their queries have no answer
    name, base, queries = runs[0]
    kept = [p for p in places if not absent(p["id"])]
    runs.append(("absent", base, [(pid, q) for pid, q in queries if absent(pid)]))
    # small: a glossary of 40 places (like the bundled one), asked its own places' alternates
    # and the next 40 places' (which it lacks): a lone close candidate is often another name
    groups = [places[i : i + 40] for i in range(0, len(places), 40)]
    by_place = {}
    for pid, q in queries:
        by_place.setdefault(pid, []).append((pid, q))
    for g, nxt in zip(groups, groups[1:] + groups[:1], strict=True):
        qs = [x for p in g + nxt for x in by_place.get(p["id"], [])]
        runs.append(("small", (base, g), qs))
    if script == "Latn":  # entries that also list their Arabic name (geonames_eval Latn+ar)
        runs += [(f"{n}+ar", f, q) for n, f, q in protocols(places, script, with_arabic=True)]
    for name, forms, queries in runs:
        if name == "small":
            forms, group = forms
            index = build_index(group, forms)
        else:
            index = build_index(kept if name == "absent" else places, forms)
        for pid, q in queries:
            qn += 1
            for m, feats in index.scored_candidates(q):
                rows.append(
                    (
                        feats,
                        m.entry.id == pid,
                        qn,
                        held_apart(pid),
                        name not in ("absent", "small"),
                        pid,
                    )
                )
    return rows, qn


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    """Logistic regression by gradient descent (bias last); deterministic."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    lr = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0]
        w -= lr * grad
    return w


def fit_newton(x: np.ndarray, y: np.ndarray, l2: float = 1e-4, iters: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method (bias last, not penalised); deterministic.

    Converges in a few steps where gradient descent needs thousands, so the Latin model
    (45 features, 20,000 candidates) is fitted to the optimum, not stopped early.
    """
    xb = np.hstack([x, np.ones((len(x), 1))])
    n = len(y)
    w = np.zeros(xb.shape[1])
    pen = l2 * np.eye(xb.shape[1])
    pen[-1, -1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) / n + pen @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb / n + pen + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def raw_of(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Raw scores of feature rows."""
    return 1.0 / (1.0 + np.exp(-(x @ w[:-1] + w[-1])))


def tops(rows, raw):
    """Per query: (raw score of the top candidate, it is right, held apart)."""
    best: dict[int, tuple[float, bool, bool]] = {}
    for (_, label, qn, held, *_), r in zip(rows, raw, strict=True):
        if qn not in best or r > best[qn][0]:
            best[qn] = (float(r), bool(label), held)
    return list(best.values())


def table(top: list[tuple[float, bool, bool]], points: int = 80) -> list[tuple[float, float]]:
    """(raw, confidence) breakpoints: precision of answers at raw >= t, monotone."""
    top = sorted(top, key=lambda t: -t[0])
    cuts = sorted({round(t[0], 4) for t in top})
    if len(cuts) > points:
        cuts = [cuts[int(i * (len(cuts) - 1) / (points - 1))] for i in range(points)]
    out = []
    for c in cuts:
        given = [t for t in top if t[0] >= c]
        out.append([c, sum(t[1] for t in given) / len(given) if given else 1.0])
    for i in range(len(out) - 2, -1, -1):  # never more confident than a higher score
        out[i][1] = min(out[i][1], out[i + 1][1])
    return [(round(a, 4), round(b, 4)) for a, b in out]


def conf_of(raw: float, tab: list[tuple[float, float]]) -> float:
    """The table's confidence for a raw score (the step below it)."""
    c = 0.0
    for x, y in tab:
        if raw >= x:
            c = y
    return c


def place_fold(pid: str, k: int = 4) -> int:
    """The out-of-fold split of the learning places (ids not divisible by five)."""
    return (int(pid) // 5) % k


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, **kw) -> np.ndarray:
    """Each row scored by trees learnt without its fold of places."""
    raw = np.zeros(len(y))
    for k in sorted(set(folds.tolist())):
        model = fit_trees(x[folds != k], y[folds != k], **kw)
        raw[folds == k] = predict_trees(model, x[folds == k])
    return raw


def choose_threshold(train, x, y, tab, precision: float | None, target: float) -> float:
    """``target``, or the lowest table confidence whose out-of-fold Latin name-only
    precision >= ``precision``; prints the out-of-fold precision and recall there.

    Out of fold: four folds of the learning places, each scored by Newton-fitted weights
    that never saw it; only the name-only dev queries count (the protocol of the goal).
    """
    folds = np.array([place_fold(r[5]) for r in train])
    oof = np.zeros(len(y))
    for k in sorted(set(folds.tolist())):
        w = fit_newton(x[folds != k], y[folds != k])
        oof[folds == k] = raw_of(x[folds == k], w)
    sel = [i for i, r in enumerate(train) if r[4] and r[2] in NAME_ONLY]
    top = tops([train[i] for i in sel], oof[sel])
    queries = QUERIES["out-of-fold", "name-only"]
    cuts = sorted({b for _, b in tab} | {target})
    for c in cuts:
        given = [t for t in top if conf_of(t[0], tab) >= c]
        right = sum(t[1] for t in given)
        p = right / len(given) if given else 1.0
        if (precision is None and c == target) or (precision is not None and p >= precision):
            print(
                f"threshold {c}: out-of-fold Latin name-only precision {p:.3f}, "
                f"recall {right / queries:.3f}"
            )
            return c
    return max(cuts)


def report(label: str, rows, raw, tab, target: float) -> None:
    """Precision and recall of the top answers at the threshold, per protocol."""
    for proto in ("name-only", "5-fold"):
        sel = [i for i, r in enumerate(rows) if (r[2] in NAME_ONLY) == (proto == "name-only")]
        if not sel:
            continue
        top = tops([rows[i] for i in sel], raw[sel])
        queries = QUERIES[label, proto]
        given = [t for t in top if conf_of(t[0], tab) >= target]
        right = sum(t[1] for t in given)
        print(
            f"  {label} {proto}: {len(given)} answers at >= {target}, right {right} "
            f"(precision {right / len(given) if given else 1:.3f}, "
            f"recall {right / queries if queries else 0:.3f} of {queries} queries)"
        )


#: query numbers of the name-only protocol, and query counts per (rows, protocol)
NAME_ONLY: set[int] = set()
QUERIES: dict[tuple[str, str], int] = {}


def _count_queries(places, script: str) -> None:
    """Fill NAME_ONLY and QUERIES (learning and held-apart places, per protocol)."""
    NAME_ONLY.clear()
    QUERIES.clear()
    qn = 0
    for name, _forms, queries in protocols(places, script):
        for pid, _q in queries:
            qn += 1
            if name == "name-only":
                NAME_ONLY.add(qn)
            label = "held-apart" if held_apart(pid) else "out-of-fold"
            QUERIES[label, name] = QUERIES.get((label, name), 0) + 1


def main() -> None:
    """Learn, calibrate, print the held-apart figures and write name_weights.py."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--target", type=float, default=0.98, help="confidence an answer needs")
    ap.add_argument(
        "--precision",
        type=float,
        default=None,
        help="instead: the threshold giving this out-of-fold Latin name-only precision",
    )
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the file")
    ap.add_argument(
        "--trees",
        action="store_true",
        help="Latin script: boosted trees calibrated out-of-fold instead of the logistic weights",
    )
    ap.add_argument(
        "--out", type=Path, default=OUT, help="file to write (default: the shipped one)"
    )
    args = ap.parse_args()
    places = load_places()
    weights, tables, trees = {}, {}, {}
    for script in ("Latn", "Arab"):
        rows, _ = collect(places, script)
        train = [r for r in rows if not r[3]]
        x = np.array([r[0] for r in train], dtype=float)
        y = np.array([r[1] for r in train], dtype=float)
        # Latin: Newton's method; the small Arabic set keeps the early-stopped descent
        w = fit_newton(x, y) if script == "Latn" else fit(x, y)
        weights[script] = w
        # the confidence means precision on the dev protocols (absent queries only teach)
        dev_at = [i for i, r in enumerate(train) if r[4]]
        dev = [train[i] for i in dev_at]
        if script == "Latn" and args.trees:
            _count_queries(places, script)
            folds = np.array([place_fold(r[5]) for r in train])
            oof = out_of_fold(x, y, folds)
            tab = table(tops(dev, oof[dev_at]))
            trees[script] = fit_trees(x, y)
            report("out-of-fold", dev, oof[dev_at], tab, args.target)
            held = [r for r in rows if r[3] and r[4]]
            hx = np.array([r[0] for r in held], dtype=float)
            report("held-apart", held, predict_trees(trees[script], hx), tab, args.target)
            tables[script] = tab
            continue
        tab = table(tops(dev, raw_of(np.array([r[0] for r in dev], dtype=float), w)))
        tables[script] = tab
        if script == "Latn":
            _count_queries(places, script)
            args.target = choose_threshold(train, x, y, tab, args.precision, args.target)
        held = [r for r in rows if r[3] and r[4]]
        if held:
            hx = np.array([r[0] for r in held], dtype=float)
            ht = tops(held, raw_of(hx, w))
            given = [t for t in ht if conf_of(t[0], tab) >= args.target]
            right = sum(t[1] for t in given)
            print(
                f"{script}: {len(train)} candidates learnt from; held-apart top answers at "
                f">= {args.target}: {len(given)}, right {right} "
                f"(precision {right / len(given) if given else 1:.3f})"
            )
    lines = [
        '"""Learnt weights of the name-match confidence. '
        'Written by ``python bench/calibrate_names.py``."""',
        "",
        "# Feature order (workbench.core.names.name_confidence.FEATURES):",
        *(f"#   {i}: {f}" for i, f in enumerate(FEATURES)),
        "WEIGHTS: dict[str, tuple[tuple[float, ...], float]] = {",
    ]
    for script, w in weights.items():
        lines.append(f'    "{script}": (')
        lines.append("        (")
        lines += [f"            {v:.4f},  # {f}" for v, f in zip(w[:-1], FEATURES, strict=True)]
        lines.append("        ),")
        lines.append(f"        {w[-1]:.4f},")
        lines.append("    ),")
    lines += [
        "}",
        "#: (raw score, confidence) breakpoints, raw ascending.",
        "CALIBRATION: dict[str, list[tuple[float, float]]] = {",
    ]
    for script, tab in tables.items():
        lines.append(f'    "{script}": [')
        lines += [f"        ({a}, {b})," for a, b in tab]
        lines.append("    ],")
    if not trees:
        lines += ["}", f"THRESHOLD = {args.target}", ""]
    else:
        lines += [
            "}",
            "#: Boosted trees per script (bias, trees); a tree is (feature, threshold, left,",
            "#: right) with x[feature] < threshold going left; leaves are logit increments.",
            "TREES: dict[str, tuple[float, tuple]] = {",
        ]
    for script, (bias, ts) in trees.items():
        lines.append(f'    "{script}": (')
        lines.append(f"        {bias!r},")
        lines.append("        (")
        lines += [f"            {t!r}," for t in ts]
        lines.append("        ),")
        lines.append("    ),")
    if trees:
        lines += ["}", f"THRESHOLD = {args.target}", ""]
    text = "\n".join(lines)
    if args.dry_run:
        print(text)
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
