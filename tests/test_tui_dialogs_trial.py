"""The dialogs after the translator's trial (items 1, 2, 9, 10, 12, 13 of trial 1).

Find and replace reaches its replace line from the keyboard; the add-a-name dialog reaches
every field, starts with the existing entry's type and lets the keyboard choose another
name of the source; an add keeps the TM's glossary fingerprint true; the glossary panel
wraps right-to-left forms without splitting a bracketed list; the help's columns align;
notices sit where they cover least, the unsaved-changes question next to the edit line.
"""

from __future__ import annotations

import shutil
from functools import partial

import pytest

from tests.conftest import GLOSSARY, TEXTS
from tests.helpers import app_env
from tests.helpers.app_env import until
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.formats.article import read_document
from workbench.formats.glossary_tsv import load_glossary
from workbench.store.project import Project

run_app = partial(app_env.run_app, rtl="terminal")


@pytest.fixture
def tsv(tmp_path):
    """A copy of the repository's glossary, to add names to."""
    path = tmp_path / "names.tsv"
    shutil.copy(GLOSSARY, path)
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The al-qaem article with two Arabic drafts and one confirmed target."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
        rows = {r.key: r for r in p.rows("ar")}
        p.save_edit(rows["al-qaem:p1:s1"].segment_id, "ar", "مدينة تنظيم داعش", "draft")
        p.save_edit(rows["al-qaem:p2:s1"].segment_id, "ar", "قال تنظيم داعش", "draft")
    return folder


def stored(project, lang="ar"):
    """key -> (target, status) of the targets stored in ``lang``."""
    with Project.open(project) as p:
        return {r.key: (r.target, r.status) for r in p.rows(lang) if r.target}


def preview(app) -> str:
    return str(app.screen.query_one("#replace-preview").render())


# --- item 1: find and replace from the keyboard ---------------------------------------------


def test_tab_and_enter_reach_the_replace_line_and_replace(project, tsv):
    from workbench.tui.widgets.replace_dialog import ReplaceDialog

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, ReplaceDialog), "the dialog")
        dialog = app.screen
        await pilot.press(*"تنظيم داعش", "tab", *"داعش")
        find = dialog.query_one("#replace-find").value
        with_ = dialog.query_one("#replace-with").value
        await until(pilot, lambda: "2 matches in 2 segments" in preview(app), "the preview")
        await pilot.press("shift+tab")
        back = app.focused.id
        await pilot.press("down")
        down = app.focused.id
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ReplaceDialog), "closed")
        return find, with_, back, down

    find, with_, back, down = run_app(project, finder, script)
    assert (find, with_) == ("تنظيم داعش", "داعش")
    assert (back, down) == ("replace-find", "replace-with")
    got = stored(project)
    assert got["al-qaem:p1:s1"] == ("مدينة داعش", "draft")
    assert got["al-qaem:p2:s1"] == ("قال داعش", "draft")


def test_enter_in_the_find_line_goes_to_an_empty_replace_line_and_changes_nothing(project, tsv):
    from workbench.tui.widgets.replace_dialog import ReplaceDialog

    finder = NameFinder(NameIndex(load_glossary(tsv)))
    before = stored(project)

    async def script(app, pilot):
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, ReplaceDialog), "the dialog")
        await pilot.press(*"داعش", "enter")
        first = app.focused.id, isinstance(app.screen, ReplaceDialog)
        await pilot.press(*"غير موجود")  # into the replace line
        await pilot.press("shift+tab", "ctrl+a", *"كلمة غائبة", "tab", "enter")
        await until(pilot, lambda: "nothing to replace" in preview(app), "says so")
        return first, isinstance(app.screen, ReplaceDialog)

    first, still_open = run_app(project, finder, script)
    assert first == ("replace-with", True)  # not a replacement with nothing
    assert still_open
    assert stored(project) == before


# --- item 2: the add-a-name dialog from the keyboard ----------------------------------------


def _row_index(app, key):
    return next(i for i, r in enumerate(app.rows) if r.key == key)


def test_ctrl_l_starts_on_the_name_the_form_resembles_with_the_entrys_type(project, tsv):
    """p24:s2 names Ramadi, Fallujah, Salahaddin: a new Sorani Salahaddin picks Salahaddin."""
    from workbench.tui.widgets.name_dialog import NameDialog

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        await pilot.press("tab")  # ckb
        app.view.current = _row_index(app, "al-qaem:p24:s2")
        await pilot.pause()
        await pilot.press("enter", *"سەلاحەددینی نوێ", "ctrl+a", "ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        d = app.screen
        await until(pilot, lambda: d.query_one("#name-type").value == "place", "the type")
        first = d.query_one("#name-en").value, d.query_one("#name-form").value
        known = str(d.query_one("#name-known").render())
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, NameDialog), "closed")
        return first, known

    (name, form), known = run_app(project, finder, script, langs=("ar", "ckb"))
    assert (name, form) == ("Salahaddin", "سەلاحەددینی نوێ")
    assert "in the glossary as salahaddin" in known and "type: place" in known
    entry = load_glossary(tsv).get("salahaddin")
    assert "سەلاحەددینی نوێ" in entry.ckb_variants and entry.type == "place"


def test_tab_reaches_every_field_and_up_down_choose_another_name(project, tsv):
    """From the form: Up/Down go through the source's names, each with its entry's type;
    Tab goes round source, name, form and type; a new name's type is typed (a beginning)."""
    from workbench.tui.widgets.name_dialog import NameDialog

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        app.view.current = _row_index(app, "al-qaem:p24:s2")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        d = app.screen

        def seen():
            return d.query_one("#name-en").value, d.query_one("#name-type").value

        names = [seen()]
        for _ in range(3):
            await pilot.press("down")
            await pilot.pause()
            names.append(seen())
        await pilot.press("up")
        await pilot.pause()
        names.append(seen())
        focus = [app.focused.id]
        for _ in range(4):
            await pilot.press("tab")
            focus.append(app.focused.id)
        await pilot.press("shift+tab")
        focus.append(app.focused.id)
        # the English name typed over: a new entry, of the type typed
        await pilot.press("ctrl+a", *"Hit", "tab", *"الحيت", "tab")
        await pilot.press(*"pl")
        await until(pilot, lambda: "type: place" in str(d.query_one("#name-known").render()), "t")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, NameDialog), "closed")
        return names, focus

    names, focus = run_app(project, finder, script)
    assert names == [
        ("Ramadi", "place"),
        ("Fallujah", "place"),
        ("Salahaddin", "place"),
        ("Ramadi", "place"),  # round again
        ("Salahaddin", "place"),
    ]
    assert focus == ["name-form", "name-type", "name-source", "name-en", "name-form", "name-en"]
    entry = load_glossary(tsv).get("hit")
    assert entry is not None and entry.ar == "الحيت" and entry.type == "place"


def test_the_islamic_state_is_an_organisation_in_the_dialog(project, tsv):
    from workbench.tui.widgets.name_dialog import NameDialog

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        app.view.current = _row_index(app, "al-qaem:p3:s1")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        d = app.screen
        await pilot.pause()
        got = d.query_one("#name-en").value, d.query_one("#name-type").value
        await pilot.press("tab", *"person")  # the entry's type stays
        await pilot.pause()
        return got, d.query_one("#name-type").value

    got, after = run_app(project, finder, script)
    assert got == ("Islamic State", "organisation")
    assert after == "organisation"


# --- item 12: the help's columns ------------------------------------------------------------


def _drawn(widget) -> list[str]:
    """The lines a widget draws now, as text."""
    from textual.geometry import Region

    size = widget.size
    return ["".join(s.text for s in strip) for strip in widget.render_lines(Region(0, 0, *size))]


def test_the_help_columns_align_whatever_the_description(project, tsv):
    from workbench.tui.help_screen import HelpScreen

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.pause()
        return _drawn(app.screen.query_one("#help"))

    lines = run_app(project, finder, script)
    rows = {"ctrl+r": "replace", "down,j": "next", "ctrl+l": "add_name", "q": "quit"}
    starts = {}
    for key, id_ in rows.items():
        line = next(x for x in lines if x.strip().startswith(key + " "))
        assert line.rstrip().endswith(" " + id_), line
        starts[key] = (line.index(key), line.rindex(" " + id_) + 1)
        what = line[starts[key][0] + len(key) : starts[key][1]].strip()
        assert what and "  " not in what  # the description alone, in its column
    assert len({s for s, _ in starts.values()}) == 1  # keys in one column
    assert len({i for _, i in starts.values()}) == 1  # ids in one column


# --- item 9: the TM after a name is added ---------------------------------------------------

RAWI = """---
id: rawi.en
story: rawi
lang: en
title: Officials meet
---

Omar al-Rawi met the governor in Al Qaem on Monday.
"""


def test_a_name_added_from_the_editor_leaves_the_tm_indexed_for_the_new_glossary(
    tmp_path, tsv, monkeypatch
):
    from workbench.core.units import Unit
    from workbench.store.tm import TranslationMemory
    from workbench.tui.widgets.name_dialog import NameDialog

    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    doc = tmp_path / "rawi.en.md"
    doc.write_text(RAWI, encoding="utf-8")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(doc))
    glossary = load_glossary(tsv)
    path = tmp_path / "tm.sqlite"
    tm = TranslationMemory(path, glossary)
    tm.add([Unit("Omar al-Rawi spoke on Sunday.", "تحدث عمر الراوي يوم الأحد.", "en", "ar")])
    tm.add([Unit("Fighters left Al Qaem.", "غادر المقاتلون القائم.", "en", "ar")])
    finder = NameFinder(NameIndex(glossary))
    before = dict(tm.con.execute("SELECT source, norm FROM units"))

    async def script(app, pilot):
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        await pilot.press(*"عمر الراوي", "enter")  # the form: focused first
        await until(pilot, lambda: not isinstance(app.screen, NameDialog), "closed")
        await until(pilot, lambda: getattr(app, "tm_refresh", None) is not None, "started")
        await until(pilot, lambda: not tm.stale, "taken")
        return [n.message for n in app._notifications]

    tm.stale = True  # (set back by the refresh only)
    notes = run_app(folder, finder, script, tm=tm)
    assert any("re-indexed in the background" in n for n in notes), notes
    assert not any("the TM use it now" in n for n in notes)
    norms = dict(tm.con.execute("SELECT source, norm FROM units"))
    tm.close()
    new = load_glossary(tsv)
    assert new.get("omar-al-rawi") is not None
    reopened = TranslationMemory(path, new)
    assert not reopened.stale  # no "indexed with another glossary" on the next open
    reopened.reindex()  # what a full reindex makes: the same
    assert dict(reopened.con.execute("SELECT source, norm FROM units")) == norms
    rawi = "Omar al-Rawi spoke on Sunday."
    assert norms[rawi] != before[rawi]  # the new name is a name in the TM now
    assert norms["Fighters left Al Qaem."] == before["Fighters left Al Qaem."]
    reopened.close()


def test_a_stopped_refresh_leaves_the_tm_saying_it_needs_a_reindex(tmp_path, tsv):
    from workbench.core.units import Unit
    from workbench.services.glossary_edit import add_name
    from workbench.services.tm_glossary import refresh_for_entries
    from workbench.store.tm import TranslationMemory

    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path, load_glossary(tsv)) as tm:
        tm.add([Unit("Omar al-Rawi spoke.", "تحدث عمر الراوي.", "en", "ar")])
    added = add_name(tsv, "Omar al-Rawi", "ar", "عمر الراوي")
    with TranslationMemory(path, added.glossary) as tm:
        assert tm.stale
        done = refresh_for_entries(tm, [added.entry.id], stopped=lambda: True)
        assert not done.finished and tm.stale
    with TranslationMemory(path, added.glossary) as tm:
        assert tm.stale  # still true: the next open says to reindex
        done = refresh_for_entries(tm, [added.entry.id])
        assert (done.checked, done.changed, done.finished) == (1, 1, True)
    with TranslationMemory(path, load_glossary(tsv)) as tm:
        assert not tm.stale


# --- item 10: the glossary panel's wrapped right-to-left forms ------------------------------


@pytest.mark.parametrize("columns", [160, 120, 230])
def test_the_glossary_panel_wraps_whole_fields_so_brackets_stay_paired(project, tsv, columns):
    """p1:s1 names al-Baghdadi: 'ckb: ئەبووبەکر بەغدادی (ئەبوبەکر بەغدادی)' is not cut inside
    its brackets (each line is put in visual order on its own)."""
    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        app.view.current = _row_index(app, "al-qaem:p1:s1")
        await until(pilot, lambda: "Baghdadi" in "\n".join(_drawn(app.context_panel)), "panel")
        return _drawn(app.context_panel)

    lines = app_env.run_app(project, finder, script, rtl="app", size=(columns, 40))
    names = [x.rstrip() for x in lines if x.strip()]
    assert any("ckb:" in x for x in names), names
    for line in names:
        assert line.count("(") == line.count(")"), line
    ckb = next(x for x in names if "ckb:" in x)
    shaped = ckb[ckb.index("ckb:") :].split("  ")[0]
    assert shaped.endswith(")") and shaped.count("(") == 1  # the variant, whole, in brackets


# --- item 13: notices where they cover least ------------------------------------------------


def test_notices_sit_bottom_right_and_the_edit_lines_own_are_said_under_it(project, tsv):
    """The welcome is not over the English column; Ctrl+G's name and the unsaved-changes
    question are said in the hint line right under the edit line, not in toasts."""
    from textual.widgets._toast import Toast

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        await until(pilot, lambda: app.screen.query(Toast), "the welcome")
        await pilot.pause()
        welcome = [t.region for t in app.screen.query(Toast)]
        english = app.view.region.width // 3  # (the English column: the left third)
        app.clear_notifications()
        app.view.current = _row_index(app, "al-qaem:p1:s1")
        await pilot.press("enter", "ctrl+g")
        after_g = (len(app._notifications), str(app.query_one("#hint").render()))
        await pilot.press(*" x", "escape")
        await pilot.pause()
        edit, hint = app.query_one("#edit").region, app.query_one("#hint").region
        asked = str(app.query_one("#hint").render()), len(app._notifications)
        await pilot.press("ctrl+s")
        await pilot.pause()
        return welcome, english, after_g, asked, (edit, hint), str(app.query_one("#hint").render())

    welcome, english, after_g, asked, (edit, hint), closed = run_app(
        project, finder, script, toasts=True, first_run=True, size=(160, 45)
    )
    assert welcome and all(r.x >= english for r in welcome)  # never over the English
    assert all(r.bottom <= edit.y for r in welcome)  # nor the edit line (nor the hint)
    assert after_g[0] == 0 and "Baghdadi →" in after_g[1]  # no toast: the hint line says it
    assert "Esc again discards them" in asked[0] and asked[1] == 0
    assert hint.y == edit.bottom  # right under the edit line
    assert "Esc again" not in closed  # gone with the line
