"""Render docs/main-screen.svg: the main screen on the seed article with its translations.

The screenshot is taken in ``--rtl terminal`` mode because SVG viewers apply the bidi
algorithm themselves (as Konsole does); in a terminal that does no bidi, ``--rtl app``
shows the same screen.

    python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from workbench import services
from workbench.core.name_finder import NameFinder
from workbench.core.name_index import NameIndex
from workbench.core.segment import segment_document
from workbench.formats.article import read_document
from workbench.store.project import Project, Provenance
from workbench.tui.app import WorkbenchApp

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    """Build a project from the seed texts and save its screenshot."""
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    folder = Path(tempfile.mkdtemp()) / "al-qaem.workbench"
    with Project.init(folder) as p:
        p.add_document(read_document(ROOT / "texts" / "al-qaem.en.md"))
        for lang in ("ar", "ckb"):
            tr = list(segment_document(read_document(ROOT / "texts" / f"al-qaem.{lang}.md")))
            for row, seg in zip(p.rows(lang)[:12], tr[:12], strict=False):
                status = "reviewed" if row.para < 3 else "translated" if row.para < 5 else "draft"
                p.set_translation(row.segment_id, lang, seg.text, status, Provenance("human"))
    finder = NameFinder(NameIndex(services.open_glossary(ROOT / "glossaries" / "names.tsv")))
    # SVG viewers (browsers, librsvg) do their own bidi, like Konsole: render in
    # "terminal" mode, or the app's visual order would be reversed a second time
    app = WorkbenchApp(folder, ["ar", "ckb"], "terminal", finder)
    async with app.run_test(size=(160, 44)) as pilot:
        await pilot.press("down", "down", "down")
        await pilot.pause()
        app.save_screenshot(filename="main-screen.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
