"""A cached large TM for the benches: N units of bench/tm_scale.py's synthetic units.

Filling a 1,000,000-unit TM takes tens of minutes on a small machine (the names of every
source are found through the glossary), so the file is built once and kept:
``$WORKBENCH_BENCH_CACHE`` (default ``/tmp/workbench-bench``) / ``tm-N.sqlite``. A smaller
cached TM (or ``--seed-from`` one) is copied and topped up instead of starting from zero;
the fill goes to ``tm-N.sqlite.partial`` and is renamed when complete, so a fill that was
stopped is continued, never taken for a finished one.

    python bench/tm_fixture.py [--units 1000000] [--seed-from PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from tm_scale import generate  # noqa: E402

from workbench import services  # noqa: E402
from workbench.store.tm import TranslationMemory  # noqa: E402

CACHE = Path(os.environ.get("WORKBENCH_BENCH_CACHE", "/tmp/workbench-bench"))


def _count(path: Path) -> int:
    """Units in a TM file (0 when it is missing or unreadable)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM units").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def cached_tm(units: int, seed_from: Path | None = None, log=print) -> Path:
    """The path of a TM holding ``units`` synthetic units, built (or topped up) if needed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    final = CACHE / f"tm-{units}.sqlite"
    if final.is_file() and _count(final) >= units:
        return final
    part = final.with_name(final.name + ".partial")
    if not part.is_file():
        smaller = sorted(
            (p for p in CACHE.glob("tm-*.sqlite") if _count(p) < units),
            key=_count,
        )
        start = seed_from or (smaller[-1] if smaller else None)
        if start is not None and start.is_file():
            log(f"starting from {start} ({_count(start):,} units)")
            shutil.copyfile(start, part)
    glossary = services.open_glossary(ROOT / "glossaries" / "names.tsv")
    t = time.perf_counter()
    with TranslationMemory(part, glossary) as tm:
        have = tm.count()
        gen = generate(units * 2)
        for _ in zip(range(have), gen, strict=False):  # those are in the file already
            pass
        while tm.count() < units:
            need = units - tm.count()
            batch = [u for _, u in zip(range(min(need, 20_000)), gen, strict=False)]
            if not batch:
                break
            tm.add(batch, batch=5000)
            done = tm.count()
            rate = (done - have) / max(time.perf_counter() - t, 1e-9)
            log(f"{done:,} units ({rate:,.0f} units/s)", flush=True)
        tm.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(part, final)
    for side in ("-wal", "-shm"):
        Path(str(part) + side).unlink(missing_ok=True)
    log(f"TM: {_count(final):,} units in {final} ({time.perf_counter() - t:.0f} s to fill)")
    return final


def main() -> None:
    """Build (or find) the cached TM and print its path."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--seed-from", type=Path, help="a smaller TM of the same units to top up")
    args = ap.parse_args()
    print(cached_tm(args.units, args.seed_from))


if __name__ == "__main__":
    main()


def build_project(folder: Path, segments: int, varied: bool) -> Path:
    """A project of ``segments`` segments (documents of 100, one sentence a paragraph).

    Sources are ntrex128/TICO-19 English sentences (the TM's base pairs), every tenth one
    a repetition of an earlier segment. ``varied``: each other sentence gets a few random
    edits first (as the TM's units did, with another seed), so most segments are fuzzy
    matches rather than exact ones. Built once: an existing project folder is reused.
    """
    import random

    from tm_scale import NAMES, base_pairs, vary

    from workbench.core.document import Document, Paragraph
    from workbench.store.project import Project

    if (folder / "workbench.sqlite").is_file():
        return folder
    pairs = [s for s, _, lang in base_pairs() if lang == "ar" and len(s) > 30]
    rng = random.Random(3)
    vocab = sorted({w for s in pairs[:4000] for w in s.split() if w.isalpha()} | set(NAMES))
    sources = [pairs[i % len(pairs)] for i in range(segments)]
    if varied:
        sources = [vary(s, rng, vocab) for s in sources]
    for i in range(0, segments, 10):  # every tenth repeats an earlier sentence
        sources[i] = sources[rng.randrange(max(i, 1))]
    tmp = folder.with_name(folder.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    with Project.init(tmp) as p:
        for d in range(0, segments, 100):
            paras = [Paragraph(n + 1, "body", s) for n, s in enumerate(sources[d : d + 100])]
            p.add_document(Document(f"doc{d // 100}", "en", paras, {}, f"doc{d}.md"))
    os.replace(tmp, folder)
    return folder
