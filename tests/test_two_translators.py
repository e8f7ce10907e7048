"""Two translators on one story (issue 11, item 8), and picking up where you left off (9).

The app notices another process's writes within a second (PRAGMA data_version, polled off
the UI thread): the row and the header counts change without reloading. A confirm of a
segment that changed under the translator is not written but asks keep mine / take
theirs / view both. Reopening goes to the segment and language last edited; the info line
names the status in words.
"""

from __future__ import annotations

import subprocess
import sys
import time

from tests.conftest import ROOT
from tests.helpers import app_env
from workbench.services.settings import Settings
from workbench.store.project import Project
from workbench.tui.widgets.conflict_dialog import ConflictDialog


def other_translator(folder, key, lang, text, status="translated"):
    """The other translator's confirm, from another process."""
    code = (
        "import sys\n"
        "from workbench.store.project import Project\n"
        "f, key, lang, text, status = sys.argv[1:]\n"
        "with Project.open(f) as p:\n"
        "    r = next(r for r in p.rows(lang) if r.key == key)\n"
        "    p.save_edit(r.segment_id, lang, text, status)\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(folder), key, lang, text, status], check=True, cwd=ROOT
    )


def run_app(project, finder, home, script, settings=None):
    """The app over ``project`` as translator Layla (or ``settings``), home at ``home``."""
    return app_env.run_app(
        project, finder, script, settings=settings or Settings("Layla"), home=home
    )


async def until(pilot, test, what):
    deadline = time.monotonic() + 30
    while not test():
        assert time.monotonic() < deadline, what
        await pilot.pause(0.05)


def header(app) -> str:
    return str(app.query_one("#header").render())


def row(app, key):
    return next(r for r in app.all_rows if r.key == key)


def stored(project, key, lang="ar"):
    with Project.open(project) as p:
        return next(r for r in p.rows(lang) if r.key == key)


def test_the_other_translators_confirms_appear_without_reloading(project, finder, home):
    async def script(app, pilot):
        assert "Kurdish, Sorani (کوردی) ✓ 0/69" in header(app) or "0/69" in header(app)
        other_translator(project, "al-qaem:p3:s1", "ckb", "دەقی کوردی")
        other_translator(project, "al-qaem:p3:s2", "ckb", "دەقی دووەم")
        target = row(app, "al-qaem:p3:s2")
        await until(pilot, lambda: target.status.get("ckb") == "translated", "not noticed")
        assert target.targets["ckb"] == "دەقی دووەم"
        await until(pilot, lambda: "2/69" in header(app), "the header did not count them")

    run_app(project, finder, home, script)


def test_a_confirm_over_their_change_asks_and_keep_mine_writes_mine(project, finder, home):
    async def script(app, pilot):
        await pilot.press("enter", *"نصي")  # p1:s1 [ar], open in the edit line
        other_translator(project, "al-qaem:p1:s1", "ar", "نصهم")
        await until(pilot, lambda: row(app, "al-qaem:p1:s1").targets.get("ar") == "نصهم", "x")
        await pilot.press("enter")  # confirm: asked, nothing written
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog), "no question")
        assert stored(project, "al-qaem:p1:s1").target == "نصهم"
        await pilot.press("b")  # view both
        both = str(app.screen.query_one("#both").render())
        assert "mine:" in both and "theirs:" in both  # (shaped: app-mode right to left)
        assert (app.screen.mine, app.screen.theirs) == ("نصي", "نصهم")
        assert app.screen.query_one("#both").has_class("open")
        await pilot.press("k")  # keep mine
        await pilot.pause()
        assert not isinstance(app.screen, ConflictDialog)
        assert not app.query_one("#edit").has_class("editing")

    run_app(project, finder, home, script)
    got = stored(project, "al-qaem:p1:s1")
    assert (got.target, got.status, got.origin) == ("نصي", "translated", "human")


def test_take_theirs_drops_mine_and_esc_keeps_my_text_in_the_line(project, finder, home):
    async def script(app, pilot):
        await pilot.press("enter", *"نصي")
        other_translator(project, "al-qaem:p1:s1", "ar", "نصهم")
        await until(pilot, lambda: row(app, "al-qaem:p1:s1").targets.get("ar") == "نصهم", "x")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog), "no question")
        await pilot.press("escape")  # not now: my text stays in the open line
        await pilot.pause()
        edit = app.query_one("#edit")
        assert edit.has_class("editing") and edit.value == "نصي"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog), "no question")
        await pilot.press("t")  # take theirs
        await pilot.pause()
        assert not edit.has_class("editing")
        return row(app, "al-qaem:p1:s1").targets["ar"]

    assert run_app(project, finder, home, script) == "نصهم"
    got = stored(project, "al-qaem:p1:s1")
    assert (got.target, got.status) == ("نصهم", "translated")


def test_reopening_goes_to_the_last_edited_segment_and_language(project, finder, home):
    async def first(app, pilot):
        app.go_to_segment(row(app, "al-qaem:p6:s2").segment_id, "ckb")
        await pilot.press("enter", *"کوردی", "enter")  # confirmed; the cursor moves on
        await pilot.pause()
        assert app.row.key != "al-qaem:p6:s2"

    async def second(app, pilot):
        await pilot.pause()
        return app.row.key, app.lang, str(app.query_one("#qa").render())

    run_app(project, finder, home, first)
    key, lang, qa = run_app(project, finder, home, second)
    assert (key, lang) == ("al-qaem:p6:s2", "ckb")
    assert qa.startswith("al-qaem:p6:s2 [ckb] translated · ")
    assert (home / "positions.json").is_file()


def test_without_a_position_file_the_projects_last_edit_is_used(project, finder, home):
    other_translator(project, "al-qaem:p8:s3", "ar", "نص", "draft")

    async def script(app, pilot):
        await pilot.pause()
        return app.row.key, app.lang, str(app.query_one("#qa").render())

    key, lang, qa = run_app(project, finder, home, script)
    assert (key, lang) == ("al-qaem:p8:s3", "ar") and " draft · " in qa
