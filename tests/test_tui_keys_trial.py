"""The translator's trial (notes/trial1.md), items 3, 6, 7, 8: keys, names, reopening.

- 3: keys typed in a burst around the Ctrl+N name picker all land, in order: the key
  meant for the picker picks, every later key is typed after the pick.
- 6: reopening after Ctrl+Q from an open edit line goes to that segment and language, and
  the table shows that row.
- 7: a name inserted after an opening quote or bracket gets no space before it.
- 8: Ctrl+G inserts only a name the text lacks; none lacking, nothing, said in one line.
"""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from tests.helpers.app_env import run_app, until
from workbench.services.settings import Settings
from workbench.store.project import Project
from workbench.tui.name_insert import spaced
from workbench.tui.notices import hint_text
from workbench.tui.widgets.name_picker import NamePicker

# p21:s1 names Al Qaem, Anbar, Ahmad al-Salmani: the picker lists them in that order
P21 = "al-qaem:p21:s1"
BEGIN = "ئەحمەد سەلمانی ئەندامی پەرلەمان بۆ پارێزگای "
MIDDLE = " و دانیشتووی پێشووی "
END = " دەڵێت."
SORANI = BEGIN + "ئەنبار" + MIDDLE + "قائیم" + END


def stored(project, lang="ar"):
    """Each segment's stored row for ``lang``, by key."""
    with Project.open(project) as p:
        return {r.key: r for r in p.rows(lang)}


def terminal_keys(data: str) -> list[events.Key]:
    """The key events Textual's terminal parser makes of the bytes ``data``."""
    return [e for e in XTermParser().feed(data) if isinstance(e, events.Key)]


def post_all(app, data: str) -> None:
    """Deliver ``data`` as a terminal would: every key posted at once, nothing awaited."""
    for key in terminal_keys(data):
        app.post_message(key)


def row_of(app, key):
    return next(r for r in app.all_rows if r.key == key)


def open_on(app, key: str, lang: str) -> None:
    """Put the cursor on segment ``key`` in ``lang`` (as g and Tab would)."""
    app.go_to_segment(row_of(app, key).segment_id, lang)


# --- item 3: a burst through the Ctrl+N picker -------------------------------------------


def test_a_burst_through_two_ctrl_n_picks_types_every_key_in_order(project, finder):
    # one burst from the table: open the line, type, pick 2, type, pick 1, type, keep it
    data = "\r" + BEGIN + "\x0e2" + MIDDLE + "\x0e1" + END + "\x13"

    async def script(app, pilot):
        open_on(app, P21, "ckb")
        await pilot.pause()
        post_all(app, data)
        await until(pilot, lambda: stored(project, "ckb")[P21].status == "draft", "the draft")
        return app.focused is app.view, isinstance(app.screen, NamePicker)

    on_table, picker_open = run_app(project, finder, script)
    assert (on_table, picker_open) == (True, False)
    rows = stored(project, "ckb")
    assert (rows[P21].target, rows[P21].status) == (SORANI, "draft")
    assert [k for k, r in rows.items() if r.target] == [P21]  # no key reached the table
    assert not any(r.target for r in stored(project, "ar").values())


def test_pilot_pressing_the_whole_burst_in_one_call_keeps_every_key(project, finder):
    async def script(app, pilot):
        open_on(app, P21, "ckb")
        # confirm, then open the next unconfirmed segment (p21:s2) and confirm "x" there
        await pilot.press(
            "enter", *BEGIN, "ctrl+n", "2", *MIDDLE, "ctrl+n", "1", *END, "enter",
            "enter", "x", "enter",
        )  # fmt: skip
        await until(
            pilot, lambda: stored(project, "ckb")["al-qaem:p21:s2"].target == "x", "the second"
        )

    run_app(project, finder, script)
    rows = stored(project, "ckb")
    assert (rows[P21].target, rows[P21].status) == (SORANI, "translated")
    assert rows["al-qaem:p21:s2"].status == "translated"
    assert [k for k, r in rows.items() if r.target] == [P21, "al-qaem:p21:s2"]


def test_the_picker_moves_and_picks_with_enter_before_it_is_even_drawn(project, finder):
    # Ctrl+N, Down, Down, Up, Enter: the second name; then text, all in one burst
    data = "\r\x0e\x1b[B\x1b[B\x1b[A\r" + END + "\x13"

    async def script(app, pilot):
        open_on(app, P21, "ckb")
        await pilot.pause()
        post_all(app, data)
        await until(pilot, lambda: stored(project, "ckb")[P21].status == "draft", "the draft")

    run_app(project, finder, script)
    # the first name the text lacks is highlighted first: Al Qaem; Down, Down, Up: Anbar
    assert stored(project, "ckb")[P21].target == "ئەنبار" + END


def test_a_key_not_the_pickers_closes_it_and_is_typed(project, finder):
    # Ctrl+N then letters: the picker closes, nothing inserted, the letters are typed;
    # Ctrl+N then Esc: closed, nothing inserted
    keys = [
        *terminal_keys("\rسەر\x0eبە\x0e"),
        events.Key("escape", "\x1b"),
        *terminal_keys("زۆر\x13"),
    ]

    async def script(app, pilot):
        open_on(app, P21, "ckb")
        await pilot.pause()
        for key in keys:
            app.post_message(key)
        await until(pilot, lambda: stored(project, "ckb")[P21].status == "draft", "the draft")

    run_app(project, finder, script)
    assert stored(project, "ckb")[P21].target == "سەربەزۆر"


def test_a_number_past_the_list_rings_and_the_picker_stays_open(project, finder):
    async def script(app, pilot):
        open_on(app, P21, "ckb")
        await pilot.press("enter", "ctrl+n", "7")
        still_open = isinstance(app.screen, NamePicker)
        await pilot.press("3")
        await until(pilot, lambda: not isinstance(app.screen, NamePicker), "the picker closed")
        return still_open, app.query_one("#edit").value, app.focused.id

    still_open, value, focused = run_app(project, finder, script)
    assert still_open and focused == "edit"
    assert value == "ئەحمەد سەلمانی"


# --- item 6: reopening on the segment and language last edited, in view -------------------


def screen_rows(app) -> str:
    """What the segment table shows now, line by line."""
    view = app.view
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def test_ctrl_q_from_an_open_line_reopens_there_with_the_row_in_view(project, finder, home):
    settings = Settings("Layla")

    async def first(app, pilot):
        open_on(app, "al-qaem:p21:s2", "ar")
        await pilot.press("enter", *"مسودة", "ctrl+s")  # a draft kept
        open_on(app, "al-qaem:p24:s2", "ckb")
        await pilot.press("enter", *"ڕەمادی")
        await pilot.press("ctrl+q")  # with the line still open
        await pilot.pause()

    async def second(app, pilot):
        await until(pilot, lambda: app.row.key == "al-qaem:p24:s2", "the reopened position")
        await until(pilot, lambda: "Ramadi" in screen_rows(app), "the row on screen")
        return app.row.key, app.lang, str(app.query_one("#qa").render()), screen_rows(app)

    run_app(project, finder, first, settings=settings, home=home)
    assert stored(project, "ckb")["al-qaem:p24:s2"].target == "ڕەمادی"
    assert stored(project, "ar")["al-qaem:p21:s2"].status == "draft"
    key, lang, qa, shown = run_app(project, finder, second, settings=settings, home=home)
    assert (key, lang) == ("al-qaem:p24:s2", "ckb")
    assert qa.startswith("al-qaem:p24:s2 [ckb] draft")
    assert "Ramadi, Fallujah" in shown  # the row is drawn in the table
    assert "Baghdadi" not in shown  # not the top of the project (p1:s1)


def test_reopening_far_down_shows_the_row_at_once(project, finder, home):
    settings = Settings("Layla")

    async def first(app, pilot):
        open_on(app, "al-qaem:p24:s3", "ar")
        await pilot.press("enter", *"قاعدة", "enter")

    async def second(app, pilot):
        await until(pilot, lambda: app.row.key == "al-qaem:p24:s3", "the reopened position")
        view = app.view
        await until(pilot, lambda: view.size.height > 0, "the table laid out")
        top = view._row_start[view.current]
        return view.scroll_offset.y <= top < view.scroll_offset.y + view.size.height

    run_app(project, finder, first, settings=settings, home=home)
    assert run_app(project, finder, second, settings=settings, home=home)


# --- item 7: no space after an opening quote or bracket ------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("«", "", "«القائم"),
        ("قال «", "»", "قال «القائم»"),
        ("“", "", "“القائم"),
        ("(", ")", "(القائم)"),
        ("[", "", "[القائم"),
        ('قال "', "", 'قال "القائم'),
        ("قال", "", "قال القائم"),
        ("قال ", "", "قال القائم"),
        ("", "", "القائم"),
        ("في ", "هي", "في القائم هي"),  # in the middle of a sentence: a space after too
        ("في ", "، هي", "في القائم، هي"),
        ('كلمة"', "", 'كلمة" القائم'),  # a closing straight quote: a space
    ],
)
def test_a_name_is_spaced_as_prose(before, after, expected):
    assert before + spaced(before, "القائم", after) + after == expected


def test_ctrl_g_after_an_opening_guillemet_inserts_no_space(project, finder):
    async def script(app, pilot):
        post_all(app, "\rقال «\x07»\x13")  # Enter, text, Ctrl+G, », Ctrl+S
        await until(pilot, lambda: stored(project)["al-qaem:p1:s1"].status == "draft", "draft")

    run_app(project, finder, script, rtl="terminal")
    # p1:s1 names Baghdadi first
    assert stored(project)["al-qaem:p1:s1"].target == "قال «أبو بكر البغدادي»"


@pytest.mark.parametrize(
    ("before", "form", "expected"),
    [
        ("قال و", "القائم", "قال والقائم"),  # and: joined, as Arabic writes it
        ("و", "الجيش العراقي", "والجيش العراقي"),
        ("قال ب", "داعش", "قال بداعش"),
        ("وب", "القائم", "وبالقائم"),
        ("ل", "الجيش العراقي", "للجيش العراقي"),  # ل before the article drops its alef
        ("ول", "القائم", "وللقائم"),
        ("«و", "القائم", "«والقائم"),
        ("المول", "القائم", "المول القائم"),  # a word ending in ل is not a proclitic
        ("المعروفة بـ", "داعش", "المعروفة بـداعش"),  # a tatweel joins on purpose
    ],
)
def test_a_name_after_an_arabic_proclitic_is_joined_to_it(before, form, expected):
    assert before + spaced(before, form, "", "ar") == expected


def test_sorani_and_is_a_word_of_its_own():
    """Sorani writes و apart (عێراق و سووریا): no joining in the ckb column."""
    assert "عێراق و" + spaced("عێراق و", "سووریا", "", "ckb") == "عێراق و سووریا"


def test_ctrl_g_after_wa_joins_the_name_in_the_app(project, finder):
    """Seen in a tmux trial: «و» then Ctrl+G gave «و الجيش العراقي» with a space."""

    async def script(app, pilot):
        post_all(app, "\rقال و\x07\x13")  # Enter, text, Ctrl+G, Ctrl+S
        await until(pilot, lambda: stored(project)["al-qaem:p1:s1"].status == "draft", "draft")

    run_app(project, finder, script, rtl="terminal")
    assert stored(project)["al-qaem:p1:s1"].target == "قال وأبو بكر البغدادي"


def test_ctrl_n_after_an_opening_bracket_inserts_no_space(project, finder):
    async def script(app, pilot):
        open_on(app, P21, "ckb")
        post_all(app, "\r(\x0e2)\x13")  # Enter, (, Ctrl+N, 2, ), Ctrl+S
        await until(pilot, lambda: stored(project, "ckb")[P21].status == "draft", "draft")

    run_app(project, finder, script)
    assert stored(project, "ckb")[P21].target == "(ئەنبار)"


# --- item 8: Ctrl+G inserts only a name the text lacks ------------------------------------


def test_ctrl_g_inserts_nothing_when_the_text_has_every_name(project, finder):
    typed = "خاکی عێراق لەلایەن "

    async def script(app, pilot):
        open_on(app, "al-qaem:p2:s2", "ckb")  # its only name: Iraq
        await pilot.press("enter", *typed, "ctrl+g")
        value, said = app.query_one("#edit").value, hint_text(app)
        await pilot.press("ctrl+s")
        return value, said

    value, said = run_app(project, finder, script, rtl="terminal")
    assert value == typed
    assert stored(project, "ckb")["al-qaem:p2:s2"].target == typed
    assert "nothing inserted" in said and "عێراق" in said and "\n" not in said.strip()


def test_ctrl_g_goes_on_to_the_next_lacking_name_then_stops(project, finder):
    async def script(app, pilot):
        open_on(app, P21, "ckb")
        await pilot.press("enter", "ctrl+g", "ctrl+g", "ctrl+g", "ctrl+g")
        return app.query_one("#edit").value, hint_text(app)

    value, said = run_app(project, finder, script, rtl="terminal")
    assert value == "قائیم ئەنبار ئەحمەد سەلمانی"  # each once, in the source's order
    assert "nothing inserted" in said
