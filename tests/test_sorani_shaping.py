"""App-mode shaping: every letter joined by its Unicode joining type, one shaping everywhere.

The expected code points below are written out from the Unicode charts (Arabic
Presentation Forms-A and -B), not computed by the code under test.
"""

import unicodedata

import pytest
from rich.cells import cell_len

from tests.conftest import TEXTS
from tests.helpers.app_env import run_app
from workbench.formats.article import read_document
from workbench.store.project import Project, Provenance
from workbench.tui.rtl import visual
from workbench.tui.shaping import joining_type, shape

BEH_ISO, BEH_INI, BEH_MED, BEH_FIN = 0xFE8F, 0xFE91, 0xFE92, 0xFE90

#: The Sorani alphabet: letter -> (isolated, initial, medial, final) as app mode draws it;
#: 0 where a right-joining letter has no such position. Letters with no presentation
#: forms (ڕ ڵ ێ) are drawn as themselves; ە final is heh FINAL, isolated itself.
SORANI = {
    "ئ": (0xFE89, 0xFE8B, 0xFE8C, 0xFE8A),
    "ا": (0xFE8D, 0, 0, 0xFE8E),
    "ب": (0xFE8F, 0xFE91, 0xFE92, 0xFE90),
    "پ": (0xFB56, 0xFB58, 0xFB59, 0xFB57),
    "ت": (0xFE95, 0xFE97, 0xFE98, 0xFE96),
    "ج": (0xFE9D, 0xFE9F, 0xFEA0, 0xFE9E),
    "چ": (0xFB7A, 0xFB7C, 0xFB7D, 0xFB7B),
    "ح": (0xFEA1, 0xFEA3, 0xFEA4, 0xFEA2),
    "خ": (0xFEA5, 0xFEA7, 0xFEA8, 0xFEA6),
    "د": (0xFEA9, 0, 0, 0xFEAA),
    "ر": (0xFEAD, 0, 0, 0xFEAE),
    "ڕ": (0x0695, 0, 0, 0x0695),
    "ز": (0xFEAF, 0, 0, 0xFEB0),
    "ژ": (0xFB8A, 0, 0, 0xFB8B),
    "س": (0xFEB1, 0xFEB3, 0xFEB4, 0xFEB2),
    "ش": (0xFEB5, 0xFEB7, 0xFEB8, 0xFEB6),
    "ع": (0xFEC9, 0xFECB, 0xFECC, 0xFECA),
    "غ": (0xFECD, 0xFECF, 0xFED0, 0xFECE),
    "ف": (0xFED1, 0xFED3, 0xFED4, 0xFED2),
    "ڤ": (0xFB6A, 0xFB6C, 0xFB6D, 0xFB6B),
    "ق": (0xFED5, 0xFED7, 0xFED8, 0xFED6),
    "ک": (0xFB8E, 0xFB90, 0xFB91, 0xFB8F),
    "گ": (0xFB92, 0xFB94, 0xFB95, 0xFB93),
    "ل": (0xFEDD, 0xFEDF, 0xFEE0, 0xFEDE),
    "ڵ": (0x06B5, 0x06B5, 0x06B5, 0x06B5),
    "م": (0xFEE1, 0xFEE3, 0xFEE4, 0xFEE2),
    "ن": (0xFEE5, 0xFEE7, 0xFEE8, 0xFEE6),
    "ھ": (0xFBAA, 0xFBAC, 0xFBAD, 0xFBAB),
    "ه": (0xFEE9, 0xFEEB, 0xFEEC, 0xFEEA),
    "ە": (0x06D5, 0, 0, 0xFEEA),
    "و": (0xFEED, 0, 0, 0xFEEE),
    "ۆ": (0xFBD9, 0, 0, 0xFBDA),
    "ی": (0xFBFC, 0xFBFE, 0xFBFF, 0xFBFD),
    "ێ": (0x06CE, 0x06CE, 0x06CE, 0x06CE),
}


def codes(text: str) -> list[int]:
    return [ord(c) for c in shape(text).text]


@pytest.mark.parametrize("letter", list(SORANI))
def test_every_sorani_letter_in_every_position_and_its_neighbours_join(letter):
    iso, ini, med, fin = SORANI[letter]
    dual = bool(ini)  # a right-joining letter joins the one before it only
    assert codes(letter) == [iso]
    # initial: a following beh joins it (final) only if the letter joins forward
    assert codes(letter + "ب") == ([ini, BEH_FIN] if dual else [iso, BEH_ISO])
    # medial: the beh before is initial in every case: every Sorani letter joins back
    assert codes("ب" + letter + "ب") == (
        [BEH_INI, med, BEH_FIN] if dual else [BEH_INI, fin, BEH_ISO]
    )
    assert codes("ب" + letter) == [BEH_INI, fin]


def test_joining_types_come_from_unicode_not_from_presentation_forms():
    # the issue's letters: ێ and ڵ dual-joining, ە ڕ ۆ right-joining
    assert [joining_type(c) for c in "ێڵەڕۆ"] == ["D", "D", "R", "R", "R"]
    assert joining_type("\u200c") == "U" and joining_type("\u200d") == "C"  # ZWNJ, ZWJ
    assert joining_type("\u064e") == "T" and joining_type("\u0651") == "T"  # fatha, shadda
    assert joining_type("ء") == "U" and joining_type("a") == "U" and joining_type("ـ") == "C"


def test_the_issues_measured_words_are_joined():
    # main drew FEC9 (ain ISOLATED) 06CE FEAD FE8D FED5
    assert codes("عێراق") == [0xFECB, 0x06CE, 0xFEAE, 0xFE8D, 0xFED5]
    # main drew FEE7 FEEE 06CE FBFC (yeh ISOLATED) 06D5 FB8E 06D5 FBFC
    assert codes("نوێیەکەی") == [0xFEE7, 0xFEEE, 0x06CE, 0xFBFF, 0xFEEA, 0xFB90, 0xFEEA, 0xFBFC]
    # the table draws them right to left: the last letter first
    assert [ord(c) for c in visual("عێراق", "app")] == [0xFED5, 0xFE8D, 0xFEAE, 0x06CE, 0xFECB]


def test_zwnj_and_tatweel_break_and_make_joins():
    assert codes("ماڵی\u200cنوێ") == [
        0xFEE3,
        0xFE8E,
        0x06B5,
        0xFBFD,
        0x200C,
        0xFEE7,
        0xFEEE,
        0x06CE,
    ]
    assert codes("بـ") == [BEH_INI, 0x0640]  # tatweel is join-causing


def test_lam_alef_is_one_ligature_in_every_form():
    assert codes("لا") == [0xFEFB] and codes("سلام") == [0xFEB3, 0xFEFC, 0xFEE1]
    assert codes("لأ") == [0xFEF7] and codes("بلإ") == [BEH_INI, 0xFEFA]
    assert codes("لآ") == [0xFEF5]
    assert shape("سلام").origin == (0, 1, 3)  # the alef is drawn by the ligature
    assert codes("لَا") == [0xFEFB, 0x064E]  # a mark between them follows the ligature


def test_harakat_stay_on_their_letter_and_take_no_cell():
    for word, marks in (("تقريباً", "\u064b"), ("صدّ", "\u0651"), ("بَغ", "\u064e")):
        drawn = visual(word, "app")
        assert all(m in drawn for m in marks)
        letters = [c for c in word if not unicodedata.combining(c)]
        assert cell_len(drawn) == len(letters)
        for m in marks:  # a mark comes right after the letter it was typed on
            base = word[word.index(m) - 1]
            assert unicodedata.normalize("NFKC", drawn[drawn.index(m) - 1]) == base


# --- the app: the table and the edit line draw the same -----------------------------------

AR, CKB = "تقريباً صدّ لا سلام", "نوێیەکەی عێراق"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
        first = p.rows("ar")[0].segment_id
        p.set_translation(first, "ar", AR, "translated", Provenance("human"))
        p.set_translation(first, "ckb", CKB, "translated", Provenance("human"))
    return folder


def test_the_table_and_the_edit_line_draw_one_shaping(project, finder):
    async def script(app, pilot):
        table = "".join(s.text for s in app.view._draw(0, 0))
        edits = {}
        for lang in ("ar", "ckb"):
            await pilot.press("enter")
            await pilot.pause()
            edits[lang] = app.query_one("#edit").render_line(0).text.strip()
            await pilot.press("escape", "tab")
            await pilot.pause()
        return table, edits

    table, edits = run_app(project, finder, script)
    for lang, text in (("ar", AR), ("ckb", CKB)):
        drawn = visual(text, "app")
        assert edits[lang] == drawn  # the edit line draws what the table draws
        assert drawn in table
    assert "\ufefb" in edits["ar"] and "\ufefc" in edits["ar"]  # lam-alef: one ligature
    assert "\ufedf\ufe8e" not in edits["ar"]
    assert "\u064b" in table and "\u0651" in table  # تقريباً and صدّ keep their marks
    assert "\ufecb" in table and "\ufeea" in table  # ain INITIAL, ە FINAL drawn joined


def test_typing_next_to_a_ligature_lands_where_the_cursor_is_drawn(project, finder):
    async def script(app, pilot):
        await pilot.press("down", "enter", "ctrl+a", "backspace", *"سلام")
        await pilot.pause()
        edit = app.query_one("#edit")
        await pilot.press("right", "right")  # from the end: onto meem, onto the ligature
        on_ligature = edit.cursor_position
        await pilot.press("ب")
        await pilot.pause()
        return on_ligature, edit.value

    assert run_app(project, finder, script) == (1, "سبلام")  # before the lam, not inside


def test_a_copy_from_the_edit_line_is_the_logical_text_not_the_drawn_forms(project, finder):
    async def script(app, pilot):
        await pilot.press("tab", "enter", "ctrl+a", "ctrl+c")  # the Sorani target
        await pilot.pause()
        return app.clipboard

    assert run_app(project, finder, script) == CKB  # ە stays ە (06D5), in logical order
