"""Repetitions propagate (issue 11, item 2).

A confirm is copied to every other segment of the project with the same source (spacing,
case and name spellings through the glossary aside) that has no confirmed target, as a
draft of origin propagated (101 where the neighbours agree), drawn as such, undone with the
confirm in one step; off with a setting.
"""

from __future__ import annotations

import time

import pytest

from tests.helpers import app_env
from tests.helpers.app_env import seed_project, use_home
from workbench.services.settings import Settings, load_settings
from workbench.store.project import Project, Provenance

ARABIC = "نص عربي"


@pytest.fixture
def home(tmp_path, monkeypatch):
    return use_home(tmp_path, monkeypatch)


@pytest.fixture
def project(tmp_path, home):
    """The seed article and the later one that reuses its paragraphs with other spellings."""
    return seed_project(tmp_path / "proj", ["al-qaem.en.md", "al-qaim-stronghold.en.md"])


def run_app(project, finder, home, script, settings=None):
    """The app over ``project`` as translator Layla (or ``settings``), home at ``home``."""
    return app_env.run_app(
        project,
        finder,
        script,
        user_tm=True,
        size=(160, 40),
        settings=settings or Settings("Layla"),
        home=home,
    )


async def index_ready(app, pilot):
    """Wait (generous deadline) for the name-aware repetition index."""
    deadline = time.monotonic() + 60
    while not app.rep_index.key_of or "\x00" not in "".join(app.rep_index.by_key):
        assert time.monotonic() < deadline
        await pilot.pause(0.05)


def go(app, key):
    app.go_to_segment(next(r.segment_id for r in app.all_rows if r.key == key), "ar")


def stored(project, lang="ar"):
    with Project.open(project) as p:
        return {r.key: r for r in p.rows(lang)}


# "Two tribes share power in the Al Qaem area ..." / "... in the al-Qaim area ..."
ORIGINAL, REPEAT = "al-qaem:p12:s1", "al-qaim-stronghold:p3:s1"
# the same sentence with the same neighbours in both articles: a context repetition
CTX_ORIGINAL, CTX_REPEAT = "al-qaem:p14:s3", "al-qaim-stronghold:p4:s3"


def test_a_confirm_propagates_through_name_variants_as_marked_drafts(project, finder, home):
    async def script(app, pilot):
        await index_ready(app, pilot)
        go(app, ORIGINAL)
        await pilot.press("enter", *ARABIC, "enter")
        await pilot.pause()
        go(app, REPEAT)
        await pilot.pause()
        return str(app.query_one("#qa").render()), app.view._draw(app.view.current, 0)

    qa, drawn = run_app(project, finder, home, script)
    rows = stored(project)
    got = rows[REPEAT]
    assert (got.target, got.status, got.origin, got.match) == (ARABIC, "draft", "propagated", 100)
    with Project.open(project) as p:
        assert (
            p.con.execute(
                "SELECT tm_origin FROM translations WHERE segment_id = ? AND lang = 'ar'",
                (got.segment_id,),
            ).fetchone()[0]
            == ORIGINAL
        )
    # shown as such: in words on the info line, and its own symbol in the table
    assert "propagated" in qa
    assert any(seg.text == "⇉" for seg in drawn)


def test_a_context_repetition_gets_101(project, finder, home):
    async def script(app, pilot):
        await index_ready(app, pilot)
        go(app, CTX_ORIGINAL)
        await pilot.press("enter", *ARABIC, "enter")

    run_app(project, finder, home, script)
    got = stored(project)[CTX_REPEAT]
    assert (got.target, got.origin, got.match) == (ARABIC, "propagated", 101)


def test_only_segments_without_a_confirmed_target_get_it(project, finder, home):
    with Project.open(project) as p:
        rows = {r.key: r for r in p.rows("ar")}
        p.set_translation(rows[REPEAT].segment_id, "ar", "مؤكد سابقا", "translated")
        mt = Provenance("machine", "ct2", "opus", "c")
        p.set_translation(rows[CTX_REPEAT].segment_id, "ar", "آلي", "draft", mt)

    async def script(app, pilot):
        await index_ready(app, pilot)
        for key in (ORIGINAL, CTX_ORIGINAL):
            go(app, key)
            await pilot.press("enter", *ARABIC, "enter")

    run_app(project, finder, home, script)
    rows = stored(project)
    assert (rows[REPEAT].target, rows[REPEAT].status) == ("مؤكد سابقا", "translated")
    assert (rows[CTX_REPEAT].target, rows[CTX_REPEAT].origin) == (ARABIC, "propagated")


def test_a_draft_the_translator_typed_is_not_replaced(project, finder, home):
    with Project.open(project) as p:
        rows = {r.key: r for r in p.rows("ar")}
        p.set_translation(rows[REPEAT].segment_id, "ar", "مسودتي", "draft", Provenance("human"))

    async def script(app, pilot):
        await index_ready(app, pilot)
        go(app, ORIGINAL)
        await pilot.press("enter", *ARABIC, "enter")

    run_app(project, finder, home, script)
    got = stored(project)[REPEAT]
    assert (got.target, got.status, got.origin) == ("مسودتي", "draft", "human")


def test_one_undo_takes_back_the_confirm_and_its_copies(project, finder, home):
    async def script(app, pilot):
        await index_ready(app, pilot)
        go(app, ORIGINAL)
        await pilot.press("enter", *ARABIC, "enter")
        await pilot.pause()
        assert stored(project)[REPEAT].target == ARABIC
        await pilot.press("u")
        await pilot.pause()
        return app.all_rows

    shown = run_app(project, finder, home, script)
    rows = stored(project)
    for key in (ORIGINAL, REPEAT):
        assert (rows[key].target, rows[key].status, rows[key].origin) == ("", "new", "none")
    assert all(not r.targets.get("ar") for r in shown if r.key in (ORIGINAL, REPEAT))


def test_propagation_is_off_with_the_setting(project, finder, home, monkeypatch):
    (home / "settings.toml").write_text('translator = "Azad"\npropagate = false\n')
    settings = load_settings()
    assert settings == Settings("Azad", propagate=False)

    async def script(app, pilot):
        await index_ready(app, pilot)
        go(app, ORIGINAL)
        await pilot.press("enter", *ARABIC, "enter")

    run_app(project, finder, home, script, settings)
    rows = stored(project)
    assert rows[ORIGINAL].status == "translated" and rows[REPEAT].status == "new"
    monkeypatch.setenv("WORKBENCH_PROPAGATE", "1")
    assert load_settings().propagate


def test_a_broken_settings_file_is_one_line(home, tmp_path, capsys):
    from workbench.main import main

    (home / "settings.toml").write_text("propagate = [\n")
    doc = tmp_path / "story.en.md"
    doc.write_text("One sentence.\n")
    with pytest.raises(SystemExit) as exc:
        main(["open", str(doc)])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and err.startswith("workbench: error: ") and "settings.toml" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "story.workbench").exists()  # nothing made
