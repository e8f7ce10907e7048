"""Undo and redo in the app (Pilot): u takes back the last action wherever it was.

And with it text, status, provenance and the machine draft; U / R step through the history
of the segment under the cursor; confirming a TM or MT draft as is keeps its origin.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.conftest import TEXTS
from tests.helpers import app_env
from tests.helpers.app_env import seed_project
from workbench.store.project import Project, Provenance

MT = Provenance("machine", "ct2", "opus-mt-en-ar", "c0")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return seed_project(tmp_path / "proj")


class FakeMT:
    """A stand-in model: 'آلي <n>' for each text."""

    name, model_id, checksum = "ct2", "opus-mt-en-ar", "c0"
    should_stop = None

    def translate(self, texts, src, tgt, options):
        return [f"آلي {n}" for n, _ in enumerate(texts)]


run_app = partial(app_env.run_app, engine_for=lambda _: FakeMT())


async def until_mt_done(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def stored(project, lang="ar"):
    with Project.open(project) as p:
        return {r.key: r for r in p.rows(lang)}


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


def test_undo_after_mt_on_a_human_draft_restores_its_provenance(project, finder):
    async def script(app, pilot):
        await pilot.press("enter", *"مسودتي", "ctrl+s")  # a human draft of p1:s1
        await pilot.press("T")  # MT of this segment over it
        await until_mt_done(app, pilot)
        after_mt = (app.row.targets["ar"], app.row.origin["ar"])
        await pilot.press("u")
        await pilot.pause()
        return after_mt, app.row.origin["ar"], str(app.query_one("#context").render())

    after_mt, origin, context = run_app(project, finder, script)
    assert after_mt == ("آلي 0", "machine: ct2 opus-mt-en-ar")
    first = stored(project)["al-qaem:p1:s1"]
    assert (first.target, first.status, first.origin) == ("مسودتي", "draft", "human")
    assert (first.engine, first.model, first.machine_draft) == (None, None, None)
    assert origin == "" and "machine" not in context  # the panel no longer says "from machine"


def test_undo_right_after_a_confirm_takes_it_back_and_goes_there(project, finder):
    async def script(app, pilot):
        await pilot.press("enter", *"نص", "enter")  # confirm p1:s1, on to p2:s1
        await pilot.pause()
        moved_to = app.row.key
        await pilot.press("u")
        await pilot.pause()
        return moved_to, app.row.key, notes(app)

    moved_to, back_at, messages = run_app(project, finder, script)
    assert moved_to == "al-qaem:p2:s1" and back_at == "al-qaem:p1:s1"
    assert stored(project)["al-qaem:p1:s1"].status == "new"
    assert any("undone: al-qaem:p1:s1 [ar]" in m for m in messages), messages
    assert not any("nothing to undo" in m for m in messages)


def test_undo_goes_to_the_language_and_row_of_the_last_action_and_redo_brings_it_back(
    project, finder
):
    async def script(app, pilot):
        await pilot.press("down", "enter", *"عربي", "ctrl+s")  # ar of p2:s1
        await pilot.press("tab", "down", "down", "down")  # elsewhere, in Kurdish
        await pilot.pause()
        away = (app.lang, app.row.key)
        await pilot.press("u")
        await pilot.pause()
        undone = (app.lang, app.row.key, app.row.targets["ar"])
        await pilot.press("tab", "up", "r")
        await pilot.pause()
        redone = (app.lang, app.row.key, app.row.targets["ar"])
        await pilot.press("r")
        await pilot.pause()
        return away, undone, redone, notes(app)

    away, undone, redone, messages = run_app(project, finder, script)
    assert away[0] == "ckb" and away[1] != "al-qaem:p2:s1"
    assert undone == ("ar", "al-qaem:p2:s1", "")
    assert redone == ("ar", "al-qaem:p2:s1", "عربي")
    assert stored(project)["al-qaem:p2:s1"].target == "عربي"
    assert any("nothing to redo in this session" in m for m in messages)


def test_u_takes_back_every_draft_of_one_mt_run_at_once(project, finder):
    async def script(app, pilot):
        app.view.current = 60
        await pilot.press("t")  # the rest of the document
        await until_mt_done(app, pilot)
        drafted = sum(1 for r in app.all_rows if r.status["ar"] == "draft")
        app.view.current = 0
        await pilot.press("u")
        await pilot.pause()
        return drafted, app.view.current, notes(app)

    drafted, current, messages = run_app(project, finder, script)
    assert drafted == 9
    assert all(r.status == "new" and r.machine_draft is None for r in stored(project).values())
    assert current == 60 and any(f"undone: {drafted} segments" in m for m in messages)


def test_confirming_an_mt_or_tm_draft_as_is_keeps_its_origin_and_an_edit_is_human(
    project, finder, glossary, tmp_path
):
    from workbench import services
    from workbench.store.tm import TranslationMemory

    with Project.open(project) as p:
        rows = p.rows("ar")
        p.set_translation(rows[0].segment_id, "ar", "عنوان آلي", "draft", MT)
        p.set_translation(rows[2].segment_id, "ar", "سؤال آلي", "draft", MT)
    tm = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    services.tm_add_texts(tm, str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))

    async def script(app, pilot):
        await pilot.press("ctrl+enter")  # p1:s1 as it is; on to p2:s1
        await pilot.pause()
        await pilot.press("1")  # p2:s1: the TM's 100% match as a draft
        await pilot.pause()
        await pilot.press("enter", "enter")  # open the edit line, confirm it unchanged
        await pilot.pause()
        app.view.current = 2
        await pilot.press("enter", "end", *" جدا", "enter")  # p2:s2 edited, then confirmed
        await pilot.pause()

    try:
        run_app(project, finder, script, tm=tm)
    finally:
        tm.close()
    rows = stored(project)
    first, tm_row, edited = rows["al-qaem:p1:s1"], rows["al-qaem:p2:s1"], rows["al-qaem:p2:s2"]
    assert (first.status, first.origin, first.engine, first.model) == (
        "translated",
        "machine",
        "ct2",
        "opus-mt-en-ar",
    )
    assert (tm_row.status, tm_row.origin) == ("translated", "memory")
    assert tm_row.match >= 100  # the match score stays (101: an in-context match)
    assert (edited.target, edited.status, edited.origin) == ("سؤال آلي جدا", "translated", "human")
    assert edited.machine_draft == "سؤال آلي"  # kept for HTER
    with Project.open(project) as p:
        assert p.hter(edited.segment_id, "ar") > 0


def test_big_u_steps_through_this_segments_history_from_earlier_sessions(project, finder):
    with Project.open(project) as p:
        sid = p.rows("ar")[0].segment_id
        p.set_translation(sid, "ar", "قديم", "draft", MT)
        p.set_translation(sid, "ar", "أقدم", "translated")

    async def script(app, pilot):
        await pilot.press("u")  # nothing done in this session yet
        await pilot.pause()
        said = notes(app)  # now: a note lasts 5 s, and a loaded machine takes longer than that
        await pilot.press("U")
        await pilot.pause()
        one = (app.row.targets["ar"], app.row.origin["ar"])
        await pilot.press("U", "R")
        await pilot.pause()
        return said, one, app.row.targets["ar"]

    messages, one, last = run_app(project, finder, script)
    assert any("nothing to undo in this session (U / R" in m for m in messages)
    assert one == ("قديم", "machine: ct2 opus-mt-en-ar") and last == "قديم"
    assert stored(project)["al-qaem:p1:s1"].origin == "machine"
