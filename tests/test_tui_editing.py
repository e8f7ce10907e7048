"""The edit line and the app's keys, driven the way a terminal sends them.

Keys go through Textual's own terminal parser (the bytes a terminal writes: "\\t" for Tab,
"\\r" for Enter) and are posted to the app in one burst, as a busy machine delivers them,
without Pilot's wait between keys; what counts is what reaches the store.
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from tests.helpers.app_env import run_app, seed_project
from workbench.store.project import Project, Provenance


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return seed_project(tmp_path / "proj")


def stored(project, lang="ar"):
    """Each segment's stored row for ``lang``, by key."""
    with Project.open(project) as p:
        return {r.key: r for r in p.rows(lang)}


def terminal_keys(data: str) -> list[events.Key]:
    """The key events Textual's terminal parser makes of the bytes ``data``."""
    return [e for e in XTermParser().feed(data) if isinstance(e, events.Key)]


async def burst(app, pilot, data: str) -> None:
    """Deliver ``data`` as a terminal would, all at once, then let the app work it off."""
    for key in terminal_keys(data):
        app.post_message(key)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def notes(app) -> list[str]:
    """The notifications shown so far."""
    return [n.message for n in app._notifications]


def qa_line(app) -> str:
    """The QA line under the table (it names the segment and the language)."""
    return str(app.query_one("#qa").render())


# --- item 2: Tab switches the target language ------------------------------------------


def test_tab_from_the_terminal_switches_the_target_language_and_back(project, finder):
    assert [k.key for k in terminal_keys("\t")] == ["tab"]

    async def script(app, pilot):
        seen = [app.lang]
        await burst(app, pilot, "\t")
        seen.append((app.lang, "[ckb" in qa_line(app), app.focused is app.view))
        await pilot.press("tab")  # Pilot's way too
        seen.append(app.lang)
        await pilot.press("shift+tab")
        seen.append(app.lang)
        return seen

    assert run_app(project, finder, script) == ["ar", ("ckb", True, True), "ar", "ckb"]


def test_tab_edits_the_other_language_and_stays_in_an_open_edit_line(project, finder):
    async def script(app, pilot):
        await burst(app, pilot, "\t\r")  # Kurdish, edit
        await burst(app, pilot, "ckb text\t")  # Tab in the line: no switch mid-edit
        seen = (app.lang, app.query_one("#edit").value, app.focused.id)
        await burst(app, pilot, "\r")
        return seen

    assert run_app(project, finder, script) == ("ckb", "ckb text", "edit")
    assert stored(project, "ckb")["al-qaem:p1:s1"].target == "ckb text"
    assert stored(project, "ar")["al-qaem:p1:s1"].target == ""


# --- item 3: the edit line opens with the cursor at the end, nothing selected -----------


@pytest.mark.parametrize(
    ("rtl", "lang", "draft"),
    [("terminal", "ar", "draft one"), ("app", "ar", "مسودة أولى"), ("app", "ckb", "ڕەشنووس")],
)
def test_the_edit_line_opens_at_the_end_with_nothing_selected(project, finder, rtl, lang, draft):
    with Project.open(project) as p:
        sid = p.rows(lang)[0].segment_id
        p.set_translation(sid, lang, draft, "draft", Provenance("machine", engine="hf"))

    async def script(app, pilot):
        if lang != app.lang:
            await pilot.press("tab")
        await burst(app, pilot, "\r")
        edit = app.query_one("#edit")
        seen = (edit.rtl, edit.selection.is_empty, edit.cursor_position == len(draft))
        await burst(app, pilot, "X\r")  # the first key typed adds to the draft
        return seen

    assert run_app(project, finder, script, rtl=rtl) == (rtl == "app", True, True)
    assert stored(project, lang)["al-qaem:p1:s1"].target == draft + "X"


def test_ctrl_a_selects_all_so_typing_replaces_the_draft(project, finder):
    with Project.open(project) as p:
        p.set_translation(p.rows("ar")[0].segment_id, "ar", "old", "draft", Provenance("human"))

    async def script(app, pilot):
        await pilot.press("enter", "ctrl+a", *"new", "enter")

    run_app(project, finder, script)
    assert stored(project)["al-qaem:p1:s1"].target == "new"


# --- item 4: Ctrl+Q in the edit line quits and keeps the text --------------------------


def test_ctrl_q_in_the_edit_line_quits_and_keeps_the_text_as_a_draft(project, finder):
    async def script(app, pilot):
        await burst(app, pilot, "\rtyped then quit")
        await pilot.press("ctrl+q")
        await pilot.pause()
        return app.is_running

    assert run_app(project, finder, script) is False
    row = stored(project)["al-qaem:p1:s1"]
    assert (row.target, row.status, row.origin) == ("typed then quit", "draft", "human")


def test_ctrl_q_under_the_help_quits_too(project, finder):
    async def script(app, pilot):
        await pilot.press("question_mark", "ctrl+q")
        await pilot.pause()
        return app.is_running

    assert run_app(project, finder, script) is False


# --- item 10: an empty edit is not confirmed -------------------------------------------


def test_enter_on_an_empty_line_does_not_confirm_and_says_so(project, finder):
    with Project.open(project) as p:
        p.set_translation(p.rows("ar")[1].segment_id, "ar", "مسودة", "draft", Provenance("human"))

    async def script(app, pilot):
        await burst(app, pilot, "\r\r")  # an empty new segment: Enter, Enter
        first = (app.query_one("#edit").has_focus, app.row.key, list(notes(app)))
        await pilot.press("escape", "down", "enter", "ctrl+a", "backspace", "enter")
        second = (app.query_one("#edit").has_focus, app.row.key)
        await pilot.press("escape", "escape")
        await pilot.press("up", "f8")  # confirming an empty target from the table
        return first, second, notes(app)

    first, second, said = run_app(project, finder, script)
    assert first[:2] == (True, "al-qaem:p1:s1")  # the line stays open on the segment
    assert len(first[2]) == 1 and "empty" in first[2][0] and "untranslated" in first[2][0]
    assert second == (True, "al-qaem:p2:s1")
    assert "nothing to confirm" in said[-1]
    rows = stored(project)
    assert (rows["al-qaem:p1:s1"].target, rows["al-qaem:p1:s1"].status) == ("", "new")
    assert (rows["al-qaem:p2:s1"].target, rows["al-qaem:p2:s1"].status) == ("مسودة", "draft")


# --- item 11: keys typed right after Enter reach the edit line --------------------------


def test_keys_typed_right_after_enter_all_reach_the_edit_line(project, finder):
    # "v", "n", "t", "f" are the table's keys (review, next, MT, filter): none may act
    async def script(app, pilot):
        await burst(app, pilot, "\rvent fast\r\rfnt and more\r")
        return app.mt_running, app.filter_name

    mt_running, filter_name = run_app(project, finder, script)
    assert (mt_running, filter_name) == (False, "all")
    rows = stored(project)
    assert (rows["al-qaem:p1:s1"].target, rows["al-qaem:p1:s1"].status) == (
        "vent fast",
        "translated",
    )
    assert (rows["al-qaem:p2:s1"].target, rows["al-qaem:p2:s1"].status) == (
        "fnt and more",
        "translated",
    )
    assert sum(1 for r in rows.values() if r.target) == 2


def test_keys_typed_right_after_confirming_reach_the_table_not_the_closed_line(project, finder):
    async def script(app, pilot):
        await burst(app, pilot, "\rone\r\rtwo")  # confirm, edit the next one at once
        seen = (app.row.key, app.edit_row.key, app.query_one("#edit").value)
        await pilot.press("escape", "escape")  # (a terminal's lone Esc waits for a timeout)
        return seen, app.query_one("#edit").has_class("editing")

    assert run_app(project, finder, script) == (("al-qaem:p2:s1",) * 2 + ("two",), False)
    rows = stored(project)
    assert rows["al-qaem:p1:s1"].target == "one"
    assert rows["al-qaem:p2:s1"].target == ""  # "two" was discarded by Esc, Esc


# --- item 16: Esc keeps typed text recoverable -----------------------------------------


def test_escape_on_changed_text_asks_first_and_a_second_escape_discards(project, finder):
    async def script(app, pilot):
        await pilot.press("enter", *"half done", "escape")
        hint = str(app.query_one("#hint").render())  # said under the edit line, no toast
        first = (app.query_one("#edit").has_focus, app.query_one("#edit").value, [hint])
        await pilot.press(*" more", "escape")  # changed again: asks again
        again = app.query_one("#edit").has_focus
        await pilot.press("ctrl+s")  # and the text is kept
        await pilot.press("enter", "escape")  # unchanged: closes at once
        unchanged = app.query_one("#edit").has_focus
        await pilot.press("down", "enter", *"throw away", "escape", "escape")
        return first, again, unchanged, app.query_one("#edit").has_focus

    first, again, unchanged, last = run_app(project, finder, script)
    assert first[:2] == (True, "half done")
    assert "Esc again discards" in first[2][-1] and "Ctrl+S" in first[2][-1]
    assert (again, unchanged, last) == (True, False, False)
    rows = stored(project)
    assert (rows["al-qaem:p1:s1"].target, rows["al-qaem:p1:s1"].status) == (
        "half done more",
        "draft",
    )
    assert rows["al-qaem:p2:s1"].target == ""


# --- data safety item 8: a full disk keeps the app open and the text in the line --------


def fill_the_disk(app) -> int:
    """Let the project's database grow by no page: every new write finds the disk full."""
    con = app.project.con
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")
    return pages


def test_a_full_disk_keeps_the_app_open_and_the_text_in_the_line_until_retried(project, finder):
    long_text = "ترجمة طويلة " * 400  # needs new pages for the row and its history

    async def script(app, pilot):
        fill_the_disk(app)
        await pilot.press("enter")
        app.query_one("#edit").insert_text_at_cursor(long_text)
        await burst(app, pilot, "\r")
        edit = app.query_one("#edit")
        during = (app.is_running, edit.has_focus, edit.value, notes(app), app.row.key)
        await pilot.press("ctrl+s")  # a draft cannot be written either
        still = (edit.has_focus, edit.value == long_text)
        app.project.con.execute("PRAGMA max_page_count = 1073741823")  # space again
        await burst(app, pilot, "\r")  # retry
        return during, still, edit.has_focus, app.row.key

    during, still, after, key = run_app(project, finder, script)
    running, focused, value, said, at = during
    assert (running, focused, value, at) == (True, True, long_text, "al-qaem:p1:s1")
    assert any("disk is full" in m for m in said)
    assert any("still in the edit line" in m for m in said)
    assert still == (True, True)
    assert (after, key) == (False, "al-qaem:p2:s1")
    row = stored(project)["al-qaem:p1:s1"]
    assert (row.target, row.status) == (long_text, "translated")


def test_quitting_on_a_full_disk_prints_the_unsaved_text(project, finder):
    from workbench.tui.app import WorkbenchApp

    async def main():
        app = WorkbenchApp(project, ["ar", "ckb"], "app", finder, None)
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            fill_the_disk(app)
            await pilot.press("enter")
            app.query_one("#edit").insert_text_at_cursor("x" * 20000)
            await pilot.press("ctrl+q")
        return app.unsaved

    why, text = asyncio.run(main())
    assert "disk is full" in why and "al-qaem:p1:s1 [ar]" in why
    assert text == "x" * 20000


def test_any_store_write_that_fails_is_said_and_the_app_stays_open(project, finder, monkeypatch):
    from workbench.store.db import StoreError

    with Project.open(project) as p:
        p.set_translation(p.rows("ar")[0].segment_id, "ar", "نص", "translated", Provenance("human"))

    async def script(app, pilot):
        def full(*args, **kwargs):
            raise StoreError(f"{app.project.path}: the disk is full; nothing was written")

        monkeypatch.setattr(app.project, "set_status", full)
        await pilot.press("v")  # a review cannot be written
        await pilot.pause()
        return app.is_running, app.row.status["ar"], notes(app)

    running, status, said = run_app(project, finder, script)
    assert (running, status) == (True, "translated")
    assert any("disk is full" in m for m in said)
    assert stored(project)["al-qaem:p1:s1"].status == "translated"


def test_enter_after_a_click_on_the_table_goes_back_to_the_open_line_with_its_text(project, finder):
    async def script(app, pilot):
        await burst(app, pilot, "\rtyped")
        app.screen.set_focus(app.view)  # as a mouse click on the table does
        await burst(app, pilot, "\r more\r")
        return app.query_one("#edit").has_class("editing")

    assert run_app(project, finder, script) is False
    row = stored(project)["al-qaem:p1:s1"]
    assert (row.target, row.status) == ("typed more", "translated")
