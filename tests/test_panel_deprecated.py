"""The app's glossary lines mark the variants the house style deprecates (issue 11 leftover)."""

import pytest

from tests.helpers.app_env import run_app, seed_project
from workbench.core.glossary import Entry
from workbench.tui.widgets.context_panel import name_line


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return seed_project(tmp_path / "proj")


def test_the_panel_lists_deprecated_variants_apart_and_marked(project, finder):
    async def script(app, pilot):
        await pilot.press("slash", *"Islamic State group", "enter")
        await pilot.pause()
        return str(app.query_one("#context").render())

    panel = run_app(project, finder, script, rtl="terminal", size=(200, 40))
    # the glossary: Arabic داعش preferred, !تنظيم الدولة الإسلامية and !الدولة الإسلامية
    # deprecated; Sorani داعش preferred, !دەوڵەتی ئیسلامی deprecated
    line = next(x for x in panel.splitlines() if x.startswith("▸ Islamic State"))
    assert "ar: داعش (deprecated: تنظيم الدولة الإسلامية, الدولة الإسلامية)" in line
    assert "ckb: داعش (deprecated: دەوڵەتی ئیسلامی)" in line
    # never listed as if accepted: every deprecated form comes after the mark
    for form in ("تنظيم الدولة الإسلامية", "دەوڵەتی ئیسلامی"):
        assert line.index(form) > line.index("deprecated:")


def test_admitted_variants_stay_as_they_were_and_deprecated_ones_follow():
    entry = Entry(
        "anah",
        "place",
        "Anah",
        ("al-Anah", "Aana", "'Anah", "Anna"),
        "عانة",
        ("عانه", "عانا", "عانى"),
        deprecated=(("ar", "عانه"), ("en", "Anna")),
    )
    line = name_line(entry, ["ar"])
    # admitted: up to three English and two Arabic variants; the deprecated apart
    assert line.startswith("▸ Anah (al-Anah, Aana, 'Anah; deprecated: Anna)  ")
    assert "ar: عانة (عانا, عانى; deprecated: عانه)" in line
    plain = Entry("x", "place", "Haditha", ("Hadithah",), "حديثة", ("حديثه",))
    assert name_line(plain, ["ar"]) == "▸ Haditha (Hadithah)  ar: حديثة (حديثه)"
