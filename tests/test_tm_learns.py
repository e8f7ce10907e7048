"""The memory learns as the translator works (issue 11, item 1).

A confirm in the app goes into the project's TM and the user's TM at once, with context and
origin; `tm lookup` finds it at 101/100 right after; re-confirming replaces the unit, undo
takes it out; confirmed targets of an XLIFF import are learned too.
"""

from __future__ import annotations

import json
import time

from tests.conftest import TEXTS
from tests.helpers import app_env
from workbench.formats.article import read_document
from workbench.services.settings import Settings
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory

ARABIC = "نص عربي مؤكد"


def run_app(project, finder, home, script, settings=None):
    """The app over ``project`` as translator Layla Hassan (or ``settings``), home at ``home``."""
    return app_env.run_app(
        project,
        finder,
        script,
        user_tm=True,
        settings=settings or Settings("Layla Hassan"),
        home=home,
    )


async def learned(app, pilot):
    """Wait (generous deadline) until the app's TM writer has written what it was given."""
    deadline = time.monotonic() + 30
    while not app.learner.wait_idle(0.05):
        assert time.monotonic() < deadline, "the TM writer did not finish"
        await pilot.pause()


def lookup(run, text, *extra):
    r = run("tm", "lookup", text, "--src", "en", "--tgt", "ar", "--json", *extra)
    assert r.code == 0, r.err
    return json.loads(r.out)


def rows(project, lang="ar"):
    with Project.open(project) as p:
        return p.rows(lang)


def test_a_confirm_in_the_app_is_in_both_tms_at_once_with_context_and_origin(
    project, finder, home, run
):
    first = rows(project)[0]
    second = rows(project)[1]

    async def script(app, pilot):
        await pilot.press("enter", *ARABIC, "enter")
        await learned(app, pilot)

    run_app(project, finder, home, script)
    # the user's TM, as `tm lookup` sees it: a context match (101) with the neighbours
    found = lookup(run, first.source, "--next", second.source)
    assert found[0]["score"] == 101 and found[0]["target"] == ARABIC
    assert found[0]["origin"] == f"proj/{first.key}"
    assert lookup(run, first.source)[0]["score"] == 100
    # the project's own TM holds it too, with who and where as props
    for path in (project / "tm.sqlite", home / "tm.sqlite"):
        with TranslationMemory(path) as tm:
            (unit,) = list(tm.units("en", "ar"))
        assert (unit.source, unit.target, unit.prev, unit.next) == (
            first.source,
            ARABIC,
            "",
            second.source,
        )
        props = dict(unit.props)
        assert props["x-translator"] == "Layla Hassan"
        assert props["x-document"] == "al-qaem" and props["x-segment"] == first.key
        assert props["x-project"] == str(project) and props["x-confirmed"]


def test_reconfirming_replaces_the_unit_and_undo_takes_it_out(project, finder, home, run):
    first = rows(project)[0]

    async def script(app, pilot):
        await pilot.press("enter", *ARABIC, "enter")
        await pilot.press("up", "enter", "ctrl+a", *"نص آخر", "enter")  # confirmed again
        await learned(app, pilot)
        with TranslationMemory(home / "tm.sqlite") as tm:
            assert [u.target for u in tm.units("en", "ar")] == ["نص آخر"]
        await pilot.press("u")  # the second confirm undone: the first text is learned again
        await learned(app, pilot)
        with TranslationMemory(home / "tm.sqlite") as tm:
            assert [u.target for u in tm.units("en", "ar")] == [ARABIC]
        await pilot.press("u")  # the first undone too: nothing learned from the segment
        await learned(app, pilot)

    run_app(project, finder, home, script)
    assert lookup(run, first.source) == []
    for path in (project / "tm.sqlite", home / "tm.sqlite"):
        with TranslationMemory(path) as tm:
            assert tm.count() == 0


def test_a_review_mark_is_learned_and_a_draft_over_a_confirm_takes_it_out(project, finder, home):
    async def script(app, pilot):
        await pilot.press("enter", *ARABIC, "enter", "up", "v")  # confirmed, then reviewed
        await learned(app, pilot)
        with TranslationMemory(home / "tm.sqlite") as tm:
            (unit,) = list(tm.units("en", "ar"))
        assert dict(unit.props)["x-status"] == "reviewed"
        await pilot.press("up", "enter", *" ناقص", "ctrl+s")  # back to a draft
        await learned(app, pilot)
        with TranslationMemory(home / "tm.sqlite") as tm:
            assert tm.count() == 0

    run_app(project, finder, home, script)


def test_the_panel_shows_the_learned_unit_for_a_repetition(tmp_path, finder, home):
    # two documents with the same sentence: the second one's TM match is the first's confirm
    folder = tmp_path / "two"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
    (tmp_path / "b.en.md").write_text("Hello there.\n\nThe market reopened today.\n")
    (tmp_path / "a.en.md").write_text("The market reopened today.\n")
    with Project.open(folder) as p:
        p.add_document(read_document(tmp_path / "a.en.md"))
    no_prop = Settings("Layla", propagate=False)

    async def script(app, pilot):
        app.go_to_segment(next(r.segment_id for r in app.all_rows if r.key == "a:p1:s1"), "ar")
        await pilot.press("enter", *ARABIC, "enter")
        await learned(app, pilot)
        with TranslationMemory(home / "tm.sqlite", app.tm.glossary) as tm:
            found = tm.lookup("The market reopened today.", "en", "ar")
        assert found[0].target == ARABIC and found[0].score == 100

    run_app(folder, finder, home, script, no_prop)


def test_the_service_learns_replaces_and_forgets(project, home):
    from workbench.services.learning import Learner, open_learning_tms

    with Project.open(project) as p:
        r = p.rows("ar")[3]
        tms = open_learning_tms(project)
        learner = Learner(p, tms, "Azad")
        p.save_edit(r.segment_id, "ar", "أ", "translated")
        assert learner.sync(r.segment_id, "ar", confirmed_now=True)
        p.save_edit(r.segment_id, "ar", "ب", "final")
        assert learner.sync(r.segment_id, "ar", confirmed_now=True)
        assert [u.target for tm in tms for u in tm.units()] == ["ب", "ب"]
        found = tms[1].lookup(r.source, "en", "ar")
        assert found[0].target == "ب" and found[0].score == 100
        p.undo(r.segment_id, "ar")
        p.undo(r.segment_id, "ar")
        assert not learner.sync(r.segment_id, "ar")
        assert [tm.count() for tm in tms] == [0, 0]
        assert tms[1].lookup(r.source, "en", "ar") == []  # the word index forgot it too
        for tm in tms:
            tm.close()


def test_an_imported_xliff_with_confirmed_targets_is_learned(project, home, run, tmp_path):
    xlf = tmp_path / "p.ar.xlf"
    assert (
        run("export", str(project), "--format", "xliff", "--lang", "ar", "--out", str(xlf)).code
        == 0
    )
    first = rows(project)[0]
    text = xlf.read_text(encoding="utf-8")
    # translate the first unit in the file, as another CAT tool would, and mark it final
    at = text.index(f'id="{first.key}"') if f'id="{first.key}"' in text else text.index("<unit")
    seg = text.index("<segment", at)
    head_end = text.index(">", seg)
    src_end = text.index("</source>", head_end) + len("</source>")
    text = (
        text[:seg]
        + '<segment state="final">'
        + text[head_end + 1 : src_end]
        + f"<target>{ARABIC}</target>"
        + text[text.index("</segment>", src_end) :]
    )
    xlf.write_text(text, encoding="utf-8")
    r = run("import", str(xlf), "--project", str(project))
    assert r.code == 0, r.err
    assert lookup(run, first.source)[0]["target"] == ARABIC
    with TranslationMemory(project / "tm.sqlite") as tm:
        assert [u.target for u in tm.units()] == [ARABIC]
