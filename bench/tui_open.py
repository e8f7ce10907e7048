"""Time to open the translators' app on a big project, headless (Textual's Pilot).

A project of N segments (ntrex128 English with its Arabic and Sorani as translations,
repeated) is built once; then the app is started and timed until its first screen is
drawn, and a page-down through 50 pages is timed.

    python bench/tui_open.py [--segments 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import tempfile
import time
from pathlib import Path

from workbench.core.document import Document, Paragraph
from workbench.store.project import Project, Provenance

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def build(folder: Path, n: int) -> None:
    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = (rows * (n // len(rows) + 1))[:n]
    doc = Document(
        "big",
        "en",
        [Paragraph(i + 1, "body", r["eng"].replace(". ", "; ")) for i, r in enumerate(rows)],
    )
    with Project.init(folder) as p:
        p.add_document(doc)
        segs = p.rows("ar")
        with p.con:
            pass
        for lang, col in (("ar", "arb"), ("ckb", "ckb_Arab")):
            for seg, r in zip(segs[: n // 2], rows, strict=False):
                p.set_translation(seg.segment_id, lang, r[col], "translated", Provenance("human"))


async def measure(folder: Path) -> tuple[float, float]:
    from workbench.tui.app import WorkbenchApp

    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    t = time.perf_counter()
    app = WorkbenchApp(folder, ["ar", "ckb"], "app")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - t
        t = time.perf_counter()
        for _ in range(50):
            await pilot.press("pagedown")
        await pilot.pause()
        scrolled = (time.perf_counter() - t) / 50
    return opened, scrolled


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--segments", type=int, default=10_000)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp()) / "big.workbench"
    t = time.perf_counter()
    build(folder, args.segments)
    print(f"built {args.segments} segments in {time.perf_counter() - t:.1f} s")
    opened, per_page = asyncio.run(measure(folder))
    print(
        f"| {args.segments:,} segments | open {opened:.2f} s | page down {per_page * 1000:.0f} ms |"
    )


if __name__ == "__main__":
    main()
