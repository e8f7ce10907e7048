"""Right to left: who does bidi, the app's visual layout, and its cursor steps."""

import pytest

from workbench.tui.rtl import detect, terminal_modes
from workbench.tui.rtl_edit import bidi_layout, visual_step


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("WORKBENCH_RTL", "KONSOLE_VERSION", "MLTERM", "VTE_VERSION"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("env", "mode", "modes"),
    [
        ({}, "app", ("", "")),
        ({"KONSOLE_VERSION": "230804"}, "terminal", ("", "")),
        ({"MLTERM": "3.9.3"}, "terminal", ("", "")),
        ({"VTE_VERSION": "7600"}, "app", ("\x1b[8l", "\x1b[8h")),
        ({"VTE_VERSION": "7600", "WORKBENCH_RTL": "terminal"}, "terminal", ("", "")),
    ],
)
def test_auto_detects_who_does_bidi_and_tells_vte_to_stop(clean_env, env, mode, modes):
    for name, value in env.items():
        clean_env.setenv(name, value)
    assert detect("auto") == mode
    assert terminal_modes(detect("auto")) == modes
    assert detect("app") == "app" and detect("terminal") == "terminal"


def test_layout_shapes_reverses_and_keeps_numbers_and_latin_in_order():
    layout = bidi_layout("مدينة 2014 in ISIS")
    assert layout.display == "in ISIS 2014 ﺔﻨﻳﺪﻣ"
    # the first letter is at the right end, the end of the line left of everything
    assert layout.columns[0] == len(layout.display) - 1 and layout.columns[-1] == -1


def test_layout_keeps_harakat_on_their_letter_and_brackets_mirrored():
    layout = bidi_layout("بَغ")  # ba, fatha, ghain
    assert layout.display == "ﻎﺑَ"  # the fatha follows the ba it belongs to
    assert layout.columns[0] == layout.columns[1] == 1
    assert bidi_layout("(القائم)").display == "(ﻢﺋﺎﻘﻟﺍ)"


def test_sorani_letters_without_presentation_forms_stay_and_zwnj_takes_no_cell():
    layout = bidi_layout("ماڵی\u200cنوێ")
    assert "ڵ" in layout.display and "ێ" in layout.display
    assert "\u200c" not in layout.display and len(layout.display) == 7
    assert layout.columns[4] == layout.columns[5]  # the ZWNJ sits with the next letter


def test_visual_steps_walk_the_screen_cells_in_order():
    text = "مدينة 2014"
    layout = bidi_layout(text)
    at, seen = len(text), []
    for _ in range(len(text)):
        at = visual_step(layout, at, 1)
        seen.append(layout.columns[at])
    assert seen == list(range(len(text)))  # one cell to the right each time
    assert visual_step(layout, 0, 1) == 0  # nothing right of the line's start


def test_wrap_fills_lines_greedily_and_cuts_only_overlong_words():
    from workbench.tui.segment_view import wrap

    text = "Fighters left al-Qaim for Rawa and Anah in 2016."
    lines = wrap(text, 16)
    assert lines == ["Fighters left", "al-Qaim for Rawa", "and Anah in", "2016."]
    assert all(len(x) <= 16 for x in lines)
    assert wrap("short", 16) == ["short"] and wrap("", 16) == [""]
    assert wrap("x" * 20, 8) == ["xxxxxxxx", "xxxxxxxx", "xxxx"]
    assert wrap("مدينة القائم قرب الحدود السورية", 12) == ["مدينة القائم", "قرب الحدود", "السورية"]


def test_a_mixed_line_keeps_its_latin_order_and_turns_only_the_arabic_runs():
    from workbench.tui.rtl import visual_mixed

    assert visual_mixed("Al Qaem  ar: القائم  kmr: Qaîm", "app") == "Al Qaem  ar: ﻢﺋﺎﻘﻟﺍ  kmr: Qaîm"
    assert visual_mixed("ar: القائم", "terminal") == "ar: القائم"
    assert visual_mixed("no Arabic here (2014)", "app") == "no Arabic here (2014)"


def test_numbers_after_an_arabic_word_stay_outside_its_run():
    from workbench.tui.rtl import visual, visual_mixed

    assert visual_mixed("Arabic (العربية) ✓ 0/69", "app") == "Arabic (ﺔﻴﺑﺮﻌﻟﺍ) ✓ 0/69"
    name = "أبو بكر البغدادي"
    assert visual_mixed(f"ar: {name}  kmr: x", "app") == f"ar: {visual(name, 'app')}  kmr: x"
    assert visual(name, "app").startswith("ﻱ")  # the last letter of the run comes first


def test_a_lam_alef_ligature_is_one_cell_and_the_cursor_steps_over_it_whole():
    text = "سلام"  # seen, lam, alef, meem: the lam-alef is drawn as one ligature
    layout = bidi_layout(text)
    assert layout.display == "\ufee1\ufefc\ufeb3"  # meem alone after the alef
    assert layout.columns == (2, 1, 1, 0, -1)  # the alef is on the ligature's cell
    right, at = [], len(text)
    while (step := visual_step(layout, at, 1)) != at:
        at = step
        right.append(at)
    assert right == [3, 1, 0]  # meem, the ligature (before its lam), seen
    left, at = [], 0
    while (step := visual_step(layout, at, -1)) != at:
        at = step
        left.append(at)
    assert left == [1, 3, 4]  # never between the lam and its alef


def test_harakat_take_no_cell_and_the_cursor_skips_them():
    text = "صدّ"  # sad, dal, shadda
    layout = bidi_layout(text)
    assert layout.display == "\ufeaa\u0651\ufebb"  # the shadda right after its dal
    assert layout.columns == (1, 0, 0, -1)
    assert visual_step(layout, 3, 1) == 1 and visual_step(layout, 1, -1) == 3
