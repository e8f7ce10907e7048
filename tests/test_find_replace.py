"""Find and replace in targets (issue 11, item 5): literal or regex, one undo step, F3.

The core matches as the app's search does (case and Arabic diacritics ignored) and
replaces in the original text; the app previews the change, leaves confirmed targets
alone unless asked (and says so), writes every change as one action for ``u``, and F3
finds the next match without retyping it, marked in the row.
"""

from __future__ import annotations

from functools import partial

import pytest

from tests.conftest import TEXTS
from tests.helpers import app_env
from tests.helpers.app_env import until
from workbench.core.errors import InputError
from workbench.core.find_replace import Finder
from workbench.formats.article import read_document
from workbench.store.project import Project

# --- the core -----------------------------------------------------------------------------


run_app = partial(app_env.run_app, rtl="terminal")


def test_a_literal_query_ignores_diacritics_and_keeps_the_rest_of_the_text():
    f = Finder("القائم")
    text = "مدينة القَائِمِ الحدودية، والقائم"
    assert f.replace(text, "عانة") == ("مدينة عانة الحدودية، وعانة", 2)
    assert Finder("Qaim").replace("al-QAIM and qaim", "Qaem") == ("al-Qaem and Qaem", 2)
    assert Finder("a.b").spans("axb a.b") == [(4, 7)]  # literal: the dot is a dot


def test_a_regular_expression_puts_groups_back_as_written():
    f = Finder(r"(\d+) (كم)", regex=True)
    assert f.replace("نحو 20 كم من الحدود", r"\2 \1") == ("نحو كم 20 من الحدود", 1)
    assert Finder("x*", regex=True).replace("abc", "-") == ("abc", 0)  # empty matches: none
    with pytest.raises(InputError, match="not a valid regular expression"):
        Finder("(", regex=True)
    with pytest.raises(InputError, match="empty"):
        Finder("  ")
    with pytest.raises(InputError, match="group"):
        Finder("(a)", regex=True).replace("a", r"\2")


# --- the app ------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
        rows = {r.key: r for r in p.rows("ar")}
        p.save_edit(rows["al-qaem:p1:s1"].segment_id, "ar", "مدينة القائم", "draft")
        p.save_edit(rows["al-qaem:p2:s1"].segment_id, "ar", "أهل القَائِم قالوا", "draft")
        p.save_edit(rows["al-qaem:p3:s1"].segment_id, "ar", "القائم مؤكدة", "translated")
        p.save_edit(rows["al-qaem:p3:s2"].segment_id, "ckb", "القائم کوردی", "draft")
    return folder


def stored(project, lang="ar"):
    with Project.open(project) as p:
        return {r.key: (r.target, r.status) for r in p.rows(lang) if r.target}


def preview(app) -> str:
    return str(app.screen.query_one("#replace-preview").render())


def test_replace_previews_leaves_confirmed_targets_and_is_one_undo_step(project, finder):
    from workbench.tui.widgets.replace_dialog import ReplaceDialog

    before = stored(project)

    async def script(app, pilot):
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, ReplaceDialog), "the dialog")
        await pilot.press(*"القائم")
        app.screen.query_one("#replace-with").focus()
        await pilot.press(*"عانة")
        await until(pilot, lambda: "2 matches in 2 segments" in preview(app), "the preview")
        shown = preview(app)
        unchanged = stored(project)  # the preview writes nothing
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ReplaceDialog), "closed")
        replaced = stored(project)
        await pilot.press("u")  # the whole replacement, one step
        await pilot.pause()
        return shown, unchanged, replaced, stored(project)

    shown, unchanged, replaced, undone = run_app(project, finder, script)
    assert "1 confirmed target also matches: left as it is (F4 changes it too)" in shown
    assert "al-qaem:p1:s1 [draft]  مدينة القائم  →  مدينة عانة" in shown
    assert unchanged == before
    assert replaced["al-qaem:p1:s1"] == ("مدينة عانة", "draft")
    assert replaced["al-qaem:p2:s1"] == ("أهل عانة قالوا", "draft")  # with its harakat
    assert replaced["al-qaem:p3:s1"] == ("القائم مؤكدة", "translated")  # confirmed: untouched
    assert stored(project, "ckb")["al-qaem:p3:s2"][0] == "القائم کوردی"  # another language
    assert undone == before


def test_f4_includes_confirmed_targets_and_the_preview_says_so(project, finder):
    from workbench.tui.widgets.replace_dialog import ReplaceDialog

    async def script(app, pilot):
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, ReplaceDialog), "the dialog")
        await pilot.press("f2")  # a regular expression
        app.screen.query_one("#replace-find").value = r"(\S+) مؤكدة"
        app.screen.query_one("#replace-with").value = r"مؤكدة \1"
        await until(pilot, lambda: "also match" in preview(app), "left out first")
        await pilot.press("f4")
        await until(pilot, lambda: "will change" in preview(app), "included")
        shown = preview(app)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ReplaceDialog), "closed")
        return shown

    shown = run_app(project, finder, script)
    assert "1 confirmed target will change (it stays confirmed; F4 leaves it)" in shown
    assert "1 match in 1 segment to change (confirmed)" in shown
    assert stored(project)["al-qaem:p3:s1"] == ("مؤكدة القائم", "translated")  # stays confirmed


def test_f3_finds_the_next_match_without_retyping_and_marks_it_in_the_row(project, finder):
    async def script(app, pilot):
        await pilot.press("slash", *"القائم", "enter")
        await pilot.pause()
        first = app.row.key
        await pilot.press("f3")
        await pilot.pause()
        second = app.row.key
        view = app.view
        line = view.render_line(view._row_start[view.current] - view.scroll_offset.y)
        marked = "".join(s.text for s in line if s.style and s.style.reverse)
        await pilot.press("f3")
        await pilot.pause()
        return first, second, marked, app.row.key

    first, second, marked, third = run_app(project, finder, script)
    # from p1:s1 on: the targets holding القائم (with or without harakat), in order
    assert (first, second, third) == ("al-qaem:p2:s1", "al-qaem:p3:s1", "al-qaem:p3:s2")
    assert marked == "القائم"  # the match, marked in the current row


def test_nothing_to_find_again_says_so(project, finder):
    async def script(app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        return [n.message for n in app._notifications]

    assert any("nothing to find again" in n for n in run_app(project, finder, script))
