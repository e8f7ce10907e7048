"""Right to left, the cases mutation testing found unchecked (bench/mutation.py on tui/rtl.py).

Who wins when the translator's WORKBENCH_RTL and the terminal's own variables disagree; a
terminal that does its own bidi gets the text untouched; a file's escape sequences inside
an Arabic line are shown one cell each, never removed (the cursor's columns are counted on
the stored text); the Arabic blocks' first and last code points make a line Arabic-script.
"""

import pytest

from workbench.tui.rtl import detect, terminal_modes, visual, visual_mixed
from workbench.tui.rtl_layout import bidi_layout

QAIM = "مدينة القائم قرب الحدود السورية"


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("WORKBENCH_RTL", "KONSOLE_VERSION", "MLTERM", "VTE_VERSION"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("wanted", ["app", "terminal"])
@pytest.mark.parametrize("terminal", [{"KONSOLE_VERSION": "230804"}, {"MLTERM": "3.9.3"}, {}])
def test_workbench_rtl_overrides_what_the_terminal_says_it_does(clean_env, wanted, terminal):
    for name, value in terminal.items():
        clean_env.setenv(name, value)
    clean_env.setenv("WORKBENCH_RTL", wanted)
    assert detect("auto") == wanted
    assert detect() == wanted  # auto is the default


def test_workbench_rtl_app_on_konsole_still_gets_no_vte_codes(clean_env):
    clean_env.setenv("KONSOLE_VERSION", "230804")
    clean_env.setenv("WORKBENCH_RTL", "app")
    assert terminal_modes(detect()) == ("", "")  # BDSM codes are for VTE only
    clean_env.setenv("VTE_VERSION", "7600")
    assert terminal_modes(detect()) == ("\x1b[8l", "\x1b[8h")


def test_a_terminal_that_does_bidi_gets_the_arabic_line_untouched():
    assert visual(QAIM, "terminal") == QAIM
    assert visual(QAIM, "app") == bidi_layout(QAIM).display != QAIM
    assert visual("Fighters left al-Qaim in 2016.", "app") == "Fighters left al-Qaim in 2016."


@pytest.mark.parametrize("mode", ["app", "terminal"])
def test_an_escape_in_an_arabic_line_is_shown_one_cell_each_never_removed(mode):
    line = "القائم\x1b[31m قرب الحدود"  # a colour code pasted from a terminal into the file
    shown = visual(line, mode)
    assert len(shown) == len(line)  # the cursor's columns are counted on the stored text
    assert "\x1b" not in shown and "\u241b" in shown and "31m" in shown  # drawn, not removed
    mixed = visual_mixed("ar: القائم\x1b[2J kmr: Qaîm", mode)
    assert len(mixed) == len("ar: القائم\x1b[2J kmr: Qaîm")
    assert "\x1b" not in mixed and "\u241b[2J" in mixed and mixed.endswith("kmr: Qaîm")
    assert visual("al-Qaim\x1b[0m", mode) == "al-Qaim\u241b[0m"  # no Arabic: only made safe


@pytest.mark.parametrize("ch", ["\u0600", "\u08ff"])  # first and last of the Arabic blocks
def test_the_arabic_blocks_first_and_last_code_points_make_a_line_arabic(ch):
    line = f"{ch} 2014 x"
    assert visual(line, "app") == bidi_layout(line).display == f"x 2014 {ch}"
    assert visual(line, "terminal") == line
