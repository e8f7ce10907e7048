"""How long a confirm takes: store edit + propagation + the TM writes, with a large TM.

Uses bench/tm_fixture.py's cached TM of N units (bench/tm_scale.py's synthetic units,
default 1,000,000; built on first use, then kept under /tmp), or ``--db``, and a project of
S segments (default 10,000: ntrex128 sentences, every tenth one repeated elsewhere, so
confirms propagate), then confirms K segments (default 200) as the app does and reports
p50 / p95 in ms of

- the UI thread's part: ``save_edit``, propagation to the repetitions and who confirmed
  it (one transaction, one durable commit, as the app does);
- the TM writer thread's part: the unit learned into the project's TM and the large TM
  (one transaction each), replacing what was learned from the segment before (it writes
  nothing to the project);
- both together.

The units the confirms taught the large TM are taken out again at the end, so the cached
TM stays as it was for the next run.

    python bench/confirm_speed.py [--units 1000000] [--segments 10000] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from tm_fixture import cached_tm  # noqa: E402
from tm_scale import base_pairs, generate  # noqa: E402

from workbench import services  # noqa: E402
from workbench.core.document import Document, Paragraph  # noqa: E402
from workbench.core.names.name_finder import NameFinder  # noqa: E402
from workbench.core.names.name_index import NameIndex  # noqa: E402
from workbench.core.repetitions import build_index  # noqa: E402
from workbench.services.learning import Learner, learned_key  # noqa: E402
from workbench.services.propagation import propagate  # noqa: E402
from workbench.store.db import transaction  # noqa: E402
from workbench.store.learned import record_confirmation  # noqa: E402
from workbench.store.project import Project  # noqa: E402
from workbench.store.tm import TranslationMemory  # noqa: E402


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[max(int(len(xs) * p) - 1, 0)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--segments", type=int, default=10_000)
    ap.add_argument("--confirms", type=int, default=200)
    ap.add_argument("--db", help="TM file to fill (or reuse, if it holds --units already)")
    args = ap.parse_args()
    glossary = services.open_glossary(ROOT / "glossaries" / "names.tsv")
    finder = NameFinder(NameIndex(glossary))
    tmp = tempfile.TemporaryDirectory()
    big_path = Path(args.db) if args.db else cached_tm(args.units)
    with TranslationMemory(big_path, glossary) as tm:
        t = time.perf_counter()
        gen = generate(args.units * 2)
        while tm.count() < args.units:
            need = args.units - tm.count()
            tm.add([u for _, u in zip(range(min(need, 50_000)), gen, strict=False)], batch=5000)
        print(f"TM: {tm.count():,} units ({time.perf_counter() - t:.0f} s to fill)", flush=True)
    # a project: documents of 100 segments, one paragraph each sentence
    pairs = [s for s, _, lang in base_pairs() if lang == "ar" and len(s) > 30]
    rng = random.Random(3)
    sources = [pairs[i % len(pairs)] for i in range(args.segments)]
    for i in range(0, args.segments, 10):  # every tenth repeats an earlier sentence
        sources[i] = sources[rng.randrange(max(i, 1))]
    folder = Path(tmp.name) / "proj"
    with Project.init(folder) as p:
        for d in range(0, args.segments, 100):
            paras = [Paragraph(n + 1, "body", s) for n, s in enumerate(sources[d : d + 100])]
            p.add_document(Document(f"doc{d // 100}", "en", paras, {}, f"doc{d}.md"))
    with Project.open(folder) as p:
        rows = p.rows("ar")
        t = time.perf_counter()
        index = build_index([(r.segment_id, r.doc, "en", r.source) for r in rows], finder)
        print(f"project: {len(rows):,} segments; repetition index {time.perf_counter() - t:.1f} s")
        tms = [
            TranslationMemory(folder / "tm.sqlite", glossary),
            TranslationMemory(big_path, glossary),
        ]
        learner = Learner(p, tms, "bench")
        ui, writer, propagated = [], [], 0
        picks = rng.sample(rows, args.confirms)
        for r in picks:
            t0 = time.perf_counter()
            with transaction(p.con, p.path):  # as the app: the confirm, its copies, who
                p.save_edit(r.segment_id, "ar", f"ترجمة {r.segment_id}", "translated")
                propagated += len(propagate(p, index, r.segment_id, "ar", r.key))
                record_confirmation(p, r.segment_id, "ar", "bench")
            t1 = time.perf_counter()
            learner.sync(r.segment_id, "ar")
            t2 = time.perf_counter()
            ui.append((t1 - t0) * 1000)
            writer.append((t2 - t1) * 1000)
        total = [a + b for a, b in zip(ui, writer, strict=True)]
        for r in picks:  # the large TM as it was: what the confirms taught it goes again
            tms[1].forget(learned_key(p, r.key, "ar"))
        for tm in tms:
            tm.close()
    load = os.getloadavg()[0]
    print(f"{args.confirms} confirms, {propagated} propagated drafts (load average {load:.1f})")
    print("| part | p50 ms | p95 ms |")
    print("|---|---|---|")
    for name, xs in (
        ("UI thread: store edit + propagation", ui),
        ("TM writer: both TMs learn", writer),
        ("confirm in all", total),
    ):
        print(f"| {name} | {statistics.median(xs):.1f} | {pct(xs, 0.95):.1f} |")
    tmp.cleanup()


if __name__ == "__main__":
    main()
