"""The glossary grows from the editor (issue 11, item 4), and Ctrl+N chooses a name to insert.

A name marked in the source (or the one under the cursor) with its Arabic or Sorani form
becomes a new entry, or a new form of the entry the glossary has, written as one line of
the TSV under its lock; the app uses it at once in QA, the names MT protects (the shared
finder) and the TM.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import partial

import pytest

from tests.conftest import GLOSSARY, ROOT, TEXTS
from tests.helpers import app_env
from tests.helpers.app_env import until
from workbench.core.errors import InputError, WorkbenchError
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.formats.article import read_document
from workbench.formats.glossary_tsv import load_glossary
from workbench.services.glossary_edit import add_name
from workbench.store.project import Project

STORY = """---
id: rawi.en
story: rawi
lang: en
title: Officials meet
---

Omar al-Rawi met the governor in Al Qaem on Monday.

Fighters left Al Qaem.
"""


@pytest.fixture
def tsv(tmp_path):
    path = tmp_path / "names.tsv"
    shutil.copy(GLOSSARY, path)
    return path


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines only in before, lines only in after), in order."""
    a, b = before.split("\n"), after.split("\n")
    return [x for x in a if x not in b], [x for x in b if x not in a]


# --- the service: one line ------------------------------------------------------------------


run_app = partial(app_env.run_app, rtl="terminal")


def test_a_new_name_is_one_line_appended_and_a_variant_changes_only_its_line(tsv):
    before = tsv.read_text(encoding="utf-8")
    added = add_name(tsv, "Omar al-Rawi", "ar", "عمر الراوي")
    after = tsv.read_text(encoding="utf-8")
    assert added.how == "new" and added.entry.id == "omar-al-rawi"
    gone, new = changed_lines(before, after)
    assert gone == [] and len(new) == 1 and new[0].startswith("omar-al-rawi\tperson\tOmar al-Rawi")
    assert after.startswith(before)  # nothing above it moved
    assert load_glossary(tsv).get("omar-al-rawi").ar == "عمر الراوي"

    added = add_name(tsv, "Omar al-Rawi", "ckb", "عومەر ڕاوی")  # its Sorani form: same line
    assert added.how == "form"
    added = add_name(tsv, "Al Qaem", "ar", "القائم الحدودية", entry_id="al-qaem")
    assert added.how == "variant"
    gone, new = changed_lines(after, tsv.read_text(encoding="utf-8"))
    assert len(gone) == len(new) == 2  # the two entries' lines, nothing else
    entry = load_glossary(tsv).get("al-qaem")
    assert entry.ar == "القائم" and "القائم الحدودية" in entry.ar_variants
    assert add_name(tsv, "Al Qaem", "ar", "القائم").how == "known"  # nothing written


def test_bad_input_is_one_line_and_writes_nothing(tsv, tmp_path):
    before = tsv.read_text(encoding="utf-8")
    for args in (("", "ar", "x"), ("Omar", "ar", " "), ("Omar", "fr", "x")):
        with pytest.raises(InputError):
            add_name(tsv, *args)
    with pytest.raises(InputError):
        add_name(tsv, "Omar", "ar", "عمر", type_="pet")
    with pytest.raises(InputError):
        add_name(tmp_path / "names.tbx", "Omar", "ar", "عمر")
    broken = tmp_path / "broken.tsv"
    broken.write_text("not\ta glossary\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="header must be"):
        add_name(broken, "Omar", "ar", "عمر")
    assert broken.read_text(encoding="utf-8") == "not\ta glossary\n"
    assert tsv.read_text(encoding="utf-8") == before


def test_two_translators_adding_names_at_once_both_land(tsv):
    code = (
        "import sys\n"
        "from workbench.services.glossary_edit import add_name\n"
        "path, who = sys.argv[1:]\n"
        "for n in range(15):\n"
        "    add_name(path, f'Person {who} Number {n}', 'ar', f'شخص {who} {n}')\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(tsv), who], cwd=ROOT)
        for who in ("Alpha", "Beta")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    glossary = load_glossary(tsv)
    names = {e.en for e in glossary}
    for who in ("Alpha", "Beta"):
        assert {f"Person {who} Number {n}" for n in range(15)} <= names
    assert not list(tsv.parent.glob(".names.tsv.*"))  # no temporary file left


# --- the app --------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    doc = tmp_path / "rawi.en.md"
    doc.write_text(STORY, encoding="utf-8")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(doc))
    return folder


def test_ctrl_l_adds_the_unknown_name_of_the_source_and_the_app_uses_it_at_once(
    project, tsv, tmp_path
):
    from workbench.store.tm import TranslationMemory
    from workbench.tui.widgets.name_dialog import NameDialog

    glossary = load_glossary(tsv)
    finder = NameFinder(NameIndex(glossary))
    tm = TranslationMemory(tmp_path / "tm.sqlite", glossary)

    async def script(app, pilot):
        app.view.current = next(i for i, r in enumerate(app.rows) if "Rawi" in r.source)
        await pilot.pause()
        await pilot.press("enter", *"التقى", "ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        dialog = app.screen
        name = dialog.query_one("#name-en").value
        known = str(dialog.query_one("#name-known").render())
        await pilot.press(*"عمر الراوي", "enter")
        await until(pilot, lambda: not isinstance(app.screen, NameDialog), "closed")
        await pilot.pause()
        row = app.edit_row
        qa = app.qa_text(row, "التقى المحافظ في القائم")  # the name left out
        return name, known, app.query_one("#edit").value, str(qa), row.source

    name, known, line, qa, source = run_app(project, finder, script, tm=tm)
    assert name == "Omar al-Rawi"  # the first name of the source the glossary lacks
    assert "not in the glossary" in known
    assert line == "التقى"  # the edit line kept its text
    entry = load_glossary(tsv).get("omar-al-rawi")
    assert entry is not None and entry.ar == "عمر الراوي" and entry.type == "person"
    assert "Omar al-Rawi is missing (glossary: عمر الراوي)" in qa  # QA knows it now
    assert "omar-al-rawi" in {h.entry.id for h in finder.find(source, "en")}  # MT protects it
    assert "omar-al-rawi" in {h.entry.id for h in tm.finder.find(source, "en")}  # and the TM
    tm.close()


def test_moving_in_the_source_takes_the_name_there_and_a_known_name_gets_a_variant(project, tsv):
    from workbench.tui.widgets.name_dialog import NameDialog

    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        app.view.current = next(i for i, r in enumerate(app.rows) if "Rawi" in r.source)
        await pilot.pause()
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        dialog = app.screen
        source = dialog.query_one("#name-source")
        source.cursor_position = source.value.index("Qaem")  # onto "Al Qaem"
        await until(pilot, lambda: dialog.query_one("#name-en").value == "Al Qaem", "moved")
        await pilot.pause()
        known = str(dialog.query_one("#name-known").render())
        dialog.query_one("#name-form").focus()
        await pilot.press(*"القائم الغربية", "enter")
        await until(pilot, lambda: not isinstance(app.screen, NameDialog), "closed")
        return known

    known = run_app(project, finder, script)
    assert "in the glossary as al-qaem" in known
    entry = load_glossary(tsv).get("al-qaem")
    assert "القائم الغربية" in entry.ar_variants and entry.ar == "القائم"


def test_esc_adds_nothing(project, tsv):
    from workbench.tui.widgets.name_dialog import NameDialog

    before = tsv.read_text(encoding="utf-8")
    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(app.screen, NameDialog), "the dialog")
        await pilot.press(*"شيء", "escape")
        await until(pilot, lambda: not isinstance(app.screen, NameDialog), "closed")

    run_app(project, finder, script)
    assert tsv.read_text(encoding="utf-8") == before


def test_ctrl_n_chooses_which_name_of_the_source_to_insert(tsv, tmp_path, monkeypatch):
    from workbench.tui.widgets.name_picker import NamePicker

    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "qaem"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
    finder = NameFinder(NameIndex(load_glossary(tsv)))

    async def script(app, pilot):
        # the title names Baghdadi, then Al Qaem: choose the second without the first
        await pilot.press("enter", "ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, NamePicker), "the picker")
        labels = list(app.screen.labels)
        await pilot.press("ctrl+n", "enter")  # cycle to the next name, insert it
        await until(pilot, lambda: not isinstance(app.screen, NamePicker), "closed")
        first = app.query_one("#edit").value
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, NamePicker), "the picker again")
        highlighted = app.screen.query_one("#names").highlighted
        await pilot.press("1")  # by number
        await until(pilot, lambda: not isinstance(app.screen, NamePicker), "closed")
        return labels, first, highlighted, app.query_one("#edit").value, app.focused.id

    labels, first, highlighted, second, focused = run_app(folder, finder, script)
    assert "البغدادي" in labels[0] and "القائم" in labels[1]
    assert first == "القائم"
    assert highlighted == 0  # the first name the text still lacks
    assert second == "القائم أبو بكر البغدادي"
    assert focused == "edit"  # back in the edit line
