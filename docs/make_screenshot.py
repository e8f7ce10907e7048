"""Render the README's screenshots of the main screen on the seed article.

- docs/main-screen.svg: English | Arabic | Sorani, taken in ``--rtl terminal`` mode,
  because SVG viewers apply the bidi algorithm themselves (as Konsole does); in a
  terminal that does no bidi, ``--rtl app`` shows the same screen.
- docs/sorani-app-mode.svg: English | Sorani in ``--rtl app`` mode, the app's own shaping
  and visual order, cell for cell as a terminal that does no bidi draws it. The SVG's text
  is marked ``unicode-bidi: bidi-override; direction: ltr`` so that the viewer draws the
  characters in the order the app put them instead of reordering them a second time.

    python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from workbench import services
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.core.segment import segment_document
from workbench.formats.article import read_document
from workbench.store.project import Project, Provenance
from workbench.tui.app import WorkbenchApp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: keeps the viewer from reordering the app's visual order (it is already in screen order)
NO_VIEWER_BIDI = "text { unicode-bidi: bidi-override; direction: ltr; }\n"


def build_project(count: int) -> Path:
    """A project of the seed article with its first ``count`` Arabic and Sorani segments."""
    folder = Path(tempfile.mkdtemp()) / "al-qaem.workbench"
    with Project.init(folder) as p:
        p.add_document(read_document(ROOT / "texts" / "al-qaem.en.md"))
        for lang in ("ar", "ckb"):
            tr = list(segment_document(read_document(ROOT / "texts" / f"al-qaem.{lang}.md")))
            for row, seg in zip(p.rows(lang)[:count], tr[:count], strict=False):
                status = "reviewed" if row.para < 3 else "translated" if row.para < 5 else "draft"
                p.set_translation(row.segment_id, lang, seg.text, status, Provenance("human"))
    return folder


async def shoot(folder: Path, langs: list[str], rtl: str, name: str, *keys: str) -> Path:
    """Open ``folder`` in ``rtl`` mode, press ``keys``, save docs/``name``."""
    finder = NameFinder(NameIndex(services.open_glossary(ROOT / "glossaries" / "names.tsv")))
    app = WorkbenchApp(folder, langs, rtl, finder)
    async with app.run_test(size=(160, 44)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(DOCS))
    return DOCS / name


def without_viewer_bidi(svg: Path) -> None:
    """Mark the SVG's text so that viewers draw it in the order it is written."""
    text = svg.read_text(encoding="utf-8")
    svg.write_text(text.replace("<style>", "<style>\n" + NO_VIEWER_BIDI, 1), encoding="utf-8")


async def main() -> None:
    """Build a project from the seed texts and save both screenshots."""
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    # SVG viewers (browsers, librsvg) do their own bidi, like Konsole: render in
    # "terminal" mode, or the app's visual order would be reversed a second time
    await shoot(
        build_project(12), ["ar", "ckb"], "terminal", "main-screen.svg", "down", "down", "down"
    )
    sorani = await shoot(build_project(40), ["ckb"], "app", "sorani-app-mode.svg", "down", "down")
    without_viewer_bidi(sorani)


if __name__ == "__main__":
    asyncio.run(main())
