"""How often the TM's fuzzy candidates hold the best match: ours against wider searches.

For segments of bench/analyze_speed.py's project against the cached 1M-unit TM, the best
score per language (as ``project analyze`` computes it, :func:`best_scores`) is worked out
three ways:

* ``ours``: the shipped candidate search (:mod:`workbench.store.tm_candidates`: the units
  sharing the most of the six rarest words, 200 of them);
* ``bm25``: the search before it (FTS5 ``ORDER BY rank`` over the four rarest words OR-ed,
  200 rows), rebuilt here for the comparison;
* ``wide``: a reference ten times wider (the eight rarest words, words in up to a fifth of
  the units, 2,000 candidates): slow, and as near the true best as is practical.

It prints, for ``ours`` and ``bm25``, the time per segment, the share of (segment,
language) pairs in the same analysis band as ``wide``, how many scored below it, and the
latency of ``tm lookup`` (the app's TM panel: one language, top 5 >= 70) per segment.

    python bench/candidates_eval.py [--segments 800] [--start 0]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from tm_fixture import CACHE, build_project, cached_tm  # noqa: E402

import workbench.store.tm_candidates as tc  # noqa: E402
from workbench.services.analysis import band_of  # noqa: E402
from workbench.services.memory import open_tm  # noqa: E402
from workbench.store.project import Project  # noqa: E402
from workbench.store.tm_best import Probe, best_scores  # noqa: E402


def bm25_ids(con, norm: str, units: int, n: int = 200, postings=None) -> list[int]:
    """The search before this one: FTS5 bm25 over the four rarest words, OR-ed."""
    words = tc.rarest_words(con, norm, units)[:4]
    if not words:
        return []
    expr = " OR ".join('"' + w.replace('"', '""') + '"' for w, _ in words)
    sql = "SELECT rowid FROM units_fts WHERE units_fts MATCH ? ORDER BY rank LIMIT ?"
    return [r[0] for r in con.execute(sql, (expr, n))]


def lookups(tm, probes) -> tuple[float, float]:
    """(p50, p95) milliseconds of ``tm.lookup`` into Arabic, over the probes."""
    took = []
    for p in probes:
        t = time.perf_counter()
        tm.lookup(p.text, "en", "ar")
        took.append(1000 * (time.perf_counter() - t))
    took.sort()
    return took[len(took) // 2], took[int(0.95 * (len(took) - 1))]


def run(tm, probes, langs, **kw) -> tuple[float, list[dict]]:
    """(seconds, best scores) of every probe."""
    t = time.perf_counter()
    out = [best_scores(tm, p, langs, **kw) for p in probes]
    return time.perf_counter() - t, out


def main() -> None:
    """Score the segments three ways and compare with the widest."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--segments", type=int, default=800)
    ap.add_argument("--start", type=int, default=0)
    args = ap.parse_args()
    os.environ.setdefault("WORKBENCH_HOME", str(CACHE / "home"))
    tm = open_tm(str(cached_tm(1_000_000)), readonly=True)
    folder = build_project(CACHE / "analyze-10000", 10_000, varied=True)
    with Project.open(folder, readonly=True) as p:
        rows = p.rows("ar")[args.start : args.start + args.segments]
    probes = [Probe(r.source, "en") for r in rows]
    langs = ["ar", "ckb"]
    t_ours, ours = run(tm, probes, langs, postings=tc.Postings())
    lat = {"ours": lookups(tm, probes)}
    real = tc.candidate_ids
    tc.candidate_ids = bm25_ids
    t_bm25, bm25 = run(tm, probes, langs)
    lat["bm25 (before)"] = lookups(tm, probes)
    tc.candidate_ids = real
    tc.RARE_WORDS, tc.COMMON_SHARE = 8, 5
    _, wide = run(tm, probes, langs, candidates=2000)
    pairs = len(probes) * len(langs)
    print(f"{len(probes)} segments (from {args.start}) x {len(langs)} languages, 1M-unit TM")
    print(
        "| search | analysis ms per segment | same band as wide | scored below wide "
        "| lookup p50 / p95 ms |"
    )
    print("|---|---|---|---|---|")
    for name, took, got in (("ours", t_ours, ours), ("bm25 (before)", t_bm25, bm25)):
        both = [(a[x], b[x]) for a, b in zip(got, wide, strict=True) for x in langs]
        same = sum(band_of(a) == band_of(b) for a, b in both)
        lower = sum((a or 0) < (b or 0) for a, b in both)
        p50, p95 = lat[name]
        print(
            f"| {name} | {1000 * took / len(probes):.1f} | {same / pairs:.3f} | {lower} "
            f"| {p50:.1f} / {p95:.1f} |"
        )


if __name__ == "__main__":
    main()
