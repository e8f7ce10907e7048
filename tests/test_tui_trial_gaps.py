"""The translator's tmux trial, gaps in what Ctrl+G and U / R say (Pilot).

- Ctrl+G (and Ctrl+N) on a segment whose source names no glossary entry: one line under
  the edit line says so, and nothing is inserted.
- Ctrl+G with every name already in the text: the line names each as the text spells it
  (a listed variant such as بەغدادی), not the entry's preferred form.
- U / R (this segment's own history) say what they did, as u / r do: "undone: <segment>".
"""

from __future__ import annotations

import pytest

from tests.helpers.app_env import run_app, until
from tests.test_tui_keys_trial import open_on, post_all, stored
from workbench.tui.notices import hint_text

#: A segment whose source names no glossary entry ("Cutting off this head would end ...").
NAMELESS = "al-qaem:p9:s2"
#: Names Abu Bakr al-Baghdadi (preferred ckb: ئەبووبەکر بەغدادی; listed variant: بەغدادی).
BAGHDADI = "al-qaem:p17:s1"


def notes(app) -> list[str]:
    """The toasts the app has raised (Pilot records them without drawing them)."""
    return [n.message for n in app._notifications]


def drawn(app) -> list[str]:
    """The toasts as they are drawn: Textual markup read where a toast asks for it."""
    from textual.content import Content

    return [
        Content.from_markup(n.message).plain if n.markup else n.message for n in app._notifications
    ]


# --- Ctrl+G on a source without glossary names --------------------------------------------


@pytest.mark.parametrize("key", ["ctrl+g", "ctrl+n"])
def test_ctrl_g_on_a_source_without_names_says_so_under_the_line(project, finder, key):
    async def script(app, pilot):
        open_on(app, NAMELESS, "ckb")
        await pilot.press("enter", *"بڕین", key)
        value, said = app.query_one("#edit").value, hint_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(project, "ckb")[NAMELESS].status == "draft", "draft")
        return value, said, app.screen is app.screen_stack[0]

    value, said, no_picker = run_app(project, finder, script, rtl="terminal")
    assert value == "بڕین" and no_picker
    assert "no glossary names in this segment's source" in said
    assert "\n" not in said.strip()
    assert stored(project, "ckb")[NAMELESS].target == "بڕین"  # nothing inserted


def test_ctrl_g_in_a_burst_on_a_nameless_source_says_so_and_keeps_the_typing(project, finder):
    async def script(app, pilot):
        open_on(app, NAMELESS, "ar")
        await pilot.pause()
        post_all(app, "\rقطع\x07 الرأس")  # Enter, text, Ctrl+G, more text: one burst
        edit = app.query_one("#edit")
        await until(pilot, lambda: edit.value == "قطع الرأس", "the typing after Ctrl+G")
        return hint_text(app)

    said = run_app(project, finder, script, rtl="terminal")
    assert "no glossary names in this segment's source" in said


# --- "nothing inserted" names the spelling found in the text ------------------------------


def test_nothing_inserted_names_the_variant_the_text_has(project, finder):
    async def script(app, pilot):
        open_on(app, BAGHDADI, "ckb")
        await pilot.pause()
        row = app.row
        # every name of the source, Baghdadi as the listed variant بەغدادی
        forms = [
            "بەغدادی" if e.id == "abu-bakr-al-baghdadi" else e.preferred("ckb")
            for e in app.segment_names(row)
        ]
        typed = " و ".join(forms)
        await pilot.press("enter", *typed, "ctrl+g")
        return typed, app.query_one("#edit").value, hint_text(app)

    typed, value, said = run_app(project, finder, script, rtl="terminal")
    assert value == typed  # nothing inserted
    assert "nothing inserted" in said
    assert "بەغدادی" in said
    assert "ئەبووبەکر" not in said  # not the preferred ئەبووبەکر بەغدادی the text lacks


def test_nothing_inserted_still_names_the_preferred_form_when_typed(project, finder):
    typed = "خاکی عێراق لەلایەن "

    async def script(app, pilot):
        open_on(app, "al-qaem:p2:s2", "ckb")  # its only name: Iraq
        await pilot.press("enter", *typed, "ctrl+g")
        return hint_text(app)

    said = run_app(project, finder, script, rtl="terminal")
    assert "(عێراق)" in said


# --- U / R say what they did ---------------------------------------------------------------


def test_capital_u_and_r_say_undone_and_redone_like_u_and_r(project, finder):
    seg = "al-qaem:p1:s1"

    async def script(app, pilot):
        await pilot.press("enter", *"نص", "enter")  # confirm p1:s1, on to the next
        await until(pilot, lambda: stored(project)[seg].status == "translated", "confirmed")
        open_on(app, seg, "ar")
        await pilot.pause()
        await pilot.press("U")
        await until(pilot, lambda: stored(project)[seg].status == "new", "undone")
        after_undo = list(notes(app))
        await pilot.press("R")
        await until(pilot, lambda: stored(project)[seg].status == "translated", "redone")
        await pilot.press("R")  # nothing left to redo
        await pilot.pause()
        return after_undo, notes(app), drawn(app)

    after_undo, messages, shown = run_app(project, finder, script)
    # in tmux the toast read "undone: al-qaem:p1:s1 , now new": [ar] was taken for markup
    assert shown == messages
    assert any(m.startswith(f"undone: {seg} [ar]") and "new" in m for m in after_undo), after_undo
    assert any(m.startswith(f"redone: {seg} [ar]") and "translated" in m for m in messages)
    assert messages[-1] == f"nothing to redo in {seg} [ar]"
    assert stored(project)[seg].target == "نص"
