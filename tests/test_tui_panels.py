"""The app's panels: the context panel, the score line, the header and notifications.

Each widget owns its state, timers and workers; these tests drive the real app with Pilot
and check what the store holds and what the panels show.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import TEXTS
from workbench.formats.article import read_document
from workbench.store.project import Project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
    return folder


@pytest.fixture
def seed_tm(tmp_path, glossary):
    from workbench import services
    from workbench.store.tm import TranslationMemory

    tm = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    services.tm_add_texts(tm, str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    yield tm
    tm.close()


def run_app(project, finder, script, rtl="terminal", langs=("ar", "ckb"), tm=None, **kw):
    """Run ``script(app, pilot)`` in the real app; return what it returns."""
    from workbench.tui.app import WorkbenchApp

    async def main():
        app = WorkbenchApp(project, list(langs), rtl, finder, tm, **kw)
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            result = await script(app, pilot)
        return result

    return asyncio.run(main())


async def until(pilot, condition, what: str, deadline: float = 30.0):
    """Wait (pausing the app) until ``condition()`` holds; fail after ``deadline`` seconds."""
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline
    while not condition():
        if loop.time() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


def stored(project, lang="ar"):
    with Project.open(project) as p:
        return {r.key: r for r in p.rows(lang)}


def panel(app, selector: str) -> str:
    """What a panel shows, as plain text."""
    return str(app.query_one(selector).render())


# --- item 1: a name twice in one target ---------------------------------------------------


def test_a_target_naming_haditha_twice_is_inserted_and_confirmed(project, finder, seed_tm):
    """g 10 (p6:s2, Haditha twice), 1 (the TM match), F8: no KeyError, confirmed in the store."""

    async def script(app, pilot):
        await until(pilot, lambda: "ar" in app.spellings, "the spelling index")
        await pilot.press("g", "1", "0", "enter")
        await pilot.pause()
        assert app.row.key == "al-qaem:p6:s2"
        await until(pilot, lambda: "[1]" in panel(app, "#context"), "the TM match")
        await pilot.press("1")
        await pilot.pause()
        inserted = app.row.targets["ar"]
        await pilot.press("f8")
        await pilot.pause()
        app.view.current = next(i for i, r in enumerate(app.rows) if r.key == "al-qaem:p6:s2")
        await pilot.pause()
        await pilot.press("enter", "enter")  # edit it again and confirm: no crash either
        await pilot.pause()
        return inserted

    inserted = run_app(project, finder, script, tm=seed_tm)
    assert inserted.count("حديثة") == 2
    row = stored(project)["al-qaem:p6:s2"]
    assert (row.target, row.status) == (inserted, "translated")
