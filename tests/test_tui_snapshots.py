"""Golden SVG screenshots of the main screen with Arabic and Kurdish (pytest-textual-snapshot).

The SVGs under tests/__snapshots__/ are the approved screens; a change in what the app
draws fails here with a visual diff report. After checking the report, accept a
deliberate change with ``python -m pytest tests/test_tui_snapshots.py --snapshot-update``.
The dev extra pins the Textual that drew them.
"""

import pytest

from tests.conftest import TEXTS
from workbench.core.segment import segment_document
from workbench.formats.article import read_document
from workbench.store.project import Project, Provenance

SIZE = (130, 36)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The seed article with Arabic and Sorani targets in every status and provenance."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "proj"
    statuses = ["final", "translated", "draft", "draft", "new"]
    machine = Provenance("machine", "ct2", "opus-mt-en-ar", "c0")
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
        rows = p.rows("ar")
        for lang in ("ar", "ckb"):
            texts = [s.text for s in segment_document(read_document(TEXTS / f"al-qaem.{lang}.md"))]
            for row, text, status in zip(rows[:5], texts, statuses, strict=False):
                if status != "new":
                    prov = machine if status == "draft" else Provenance("human")
                    p.set_translation(row.segment_id, lang, text, status, prov)
    return folder


def app_for(project, finder, rtl="app"):
    from workbench.tui.app import WorkbenchApp

    return WorkbenchApp(project, ["ar", "ckb"], rtl, finder, None)


async def settle(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_shaped_by_the_app(snap_compare, project, finder):
    assert snap_compare(app_for(project, finder), terminal_size=SIZE, run_before=settle)


def test_main_screen_left_to_a_bidi_terminal(snap_compare, project, finder):
    assert snap_compare(app_for(project, finder, "terminal"), terminal_size=SIZE, run_before=settle)


def test_editing_arabic_right_to_left(snap_compare, project, finder):
    async def edit(pilot):
        await settle(pilot)
        await pilot.press("down", "down", "enter", "end", "left", "left")
        pilot.app.query_one("#edit").cursor_blink = False
        await pilot.pause()

    assert snap_compare(app_for(project, finder), terminal_size=SIZE, run_before=edit)
