"""The app on odd articles says what is there, in one line each (Textual Pilot; S14)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from workbench.formats.article import read_document
from workbench.store.project import Project


@pytest.fixture(autouse=True)
def _no_animations(monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def _project(tmp_path: Path, article: Path | None) -> Path:
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        if article is not None:
            p.add_document(read_document(article))
    return folder


def _notes(folder: Path, finder, article: Path | None = None) -> tuple[list[str], int]:
    """The warnings the app shows once open, and its number of rows."""
    from workbench.tui.app import WorkbenchApp

    async def main():
        app = WorkbenchApp(folder, ["ar"], "app", finder, None)
        app.opened_article = article
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            notes = [n.message for n in app._notifications if n.severity == "warning"]
            return notes, len(app.rows)

    return asyncio.run(main())


def test_an_article_of_only_a_heading_says_so(tmp_path, finder):
    article = tmp_path / "mosul.en.md"
    article.write_text("# Mosul after the battle\n", encoding="utf-8")
    notes, rows = _notes(_project(tmp_path, article), finder, article)
    assert rows == 1
    assert len(notes) == 1 and "only a heading (“Mosul after the battle”)" in notes[0]
    assert "no body text" in notes[0]


def test_several_headings_are_counted(tmp_path, finder):
    article = tmp_path / "heads.en.md"
    article.write_text("# One\n\n## Two\n\n## Three\n\n## Four\n", encoding="utf-8")
    notes, _ = _notes(_project(tmp_path, article), finder)
    assert len(notes) == 1 and "only 4 headings (“One”, “Two”, “Three” and 1 more)" in notes[0]


def test_an_unknown_lang_in_front_matter_says_what_the_text_was_taken_as(tmp_path, finder):
    article = tmp_path / "story.en.md"
    article.write_text(
        "---\nlang: xx-bogus\n---\n\nHello from Mosul. The army reached Al Qaem.\n",
        encoding="utf-8",
    )
    notes, rows = _notes(_project(tmp_path, article), finder, article)
    assert rows == 2
    assert len(notes) == 1, notes
    assert "story.en.md: its front matter says lang: xx-bogus" in notes[0]
    assert "taken as English (en)" in notes[0]


def test_a_project_without_segments_says_how_to_add_one(tmp_path, finder):
    folder = _project(tmp_path, None)
    notes, rows = _notes(folder, finder)
    assert rows == 0
    assert len(notes) == 1 and "has no segments to translate" in notes[0]
    assert f"workbench project add {folder} FILE" in notes[0]


def test_an_ordinary_article_opens_without_a_note(tmp_path, finder):
    from tests.conftest import TEXTS

    article = TEXTS / "al-qaem.en.md"
    notes, rows = _notes(_project(tmp_path, article), finder, article)
    assert rows > 10 and notes == []


def test_open_of_only_zero_width_characters_is_one_line_before_the_app(run, tmp_path, monkeypatch):
    import workbench.main  # noqa: F401  (puts `open` beside the other commands)

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    article = tmp_path / "zw.en.md"
    article.write_text("\u200b\u200b\n\u200b\ufeff\n", encoding="utf-8")
    r = run("open", str(article), "--to", "ar")
    assert r.code == 1
    assert r.err.count("\n") == 1 and r.err.startswith("workbench: error: ")
    assert "only invisible characters" in r.err
    assert not (tmp_path / "zw.workbench").exists()
