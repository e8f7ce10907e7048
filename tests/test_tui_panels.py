"""The app's panels: the context panel, the score line, the header and notifications.

Each widget owns its state, timers and workers; these tests drive the real app with Pilot
and check what the store holds and what the panels show.
"""

from __future__ import annotations

import asyncio
from functools import partial

import pytest

from tests.conftest import TEXTS
from tests.helpers import app_env
from tests.helpers.app_env import seed_project, until
from workbench.store.project import Project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return seed_project(tmp_path / "proj")


@pytest.fixture
def seed_tm(tmp_path, glossary):
    from workbench import services
    from workbench.store.tm import TranslationMemory

    tm = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    services.tm_add_texts(tm, str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    yield tm
    tm.close()


def stored(project, lang="ar"):
    with Project.open(project) as p:
        return {r.key: r for r in p.rows(lang)}


def panel(app, selector: str) -> str:
    """What a panel shows, as plain text."""
    return str(app.query_one(selector).render())


# --- item 1: a name twice in one target ---------------------------------------------------


run_app = partial(app_env.run_app, rtl="terminal")


def test_a_target_naming_haditha_twice_is_inserted_and_confirmed(project, finder, seed_tm):
    """g 10 (p6:s2, Haditha twice), 1 (the TM match), F8: no KeyError, confirmed in the store."""

    async def script(app, pilot):
        await until(pilot, lambda: "ar" in app.spellings, "the spelling index")
        await pilot.press("g", "1", "0", "enter")
        await pilot.pause()
        assert app.row.key == "al-qaem:p6:s2"
        await until(pilot, lambda: "[1]" in panel(app, "#context"), "the TM match")
        await pilot.press("1")
        await pilot.pause()
        inserted = app.row.targets["ar"]
        await pilot.press("f8")
        await pilot.pause()
        app.view.current = next(i for i, r in enumerate(app.rows) if r.key == "al-qaem:p6:s2")
        await pilot.pause()
        await pilot.press("enter", "enter")  # edit it again and confirm: no crash either
        await pilot.pause()
        return inserted

    inserted = run_app(project, finder, script, tm=seed_tm)
    assert inserted.count("حديثة") == 2
    row = stored(project)["al-qaem:p6:s2"]
    assert (row.target, row.status) == (inserted, "translated")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "قاتلوا في حديثة، وتبعد حديثة ١٥٠ كيلومترا."),
        ("ckb", "لە حەدیسە شەڕیان کرد؛ حەدیسە دوورە."),
    ],
)
def test_reopened_with_haditha_twice_enter_enter_confirms(project, finder, lang, text):
    """The target was stored before: the index is built from it at open, then edited."""
    with Project.open(project) as p:
        seg = next(r for r in p.rows(lang) if r.key == "al-qaem:p6:s2")
        p.set_translation(seg.segment_id, lang, text, "draft")

    async def script(app, pilot):
        await until(pilot, lambda: lang in app.spellings, "the spelling index")
        if lang != app.lang:
            await pilot.press("tab")
        await pilot.press("g", "1", "0", "enter")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()

    run_app(project, finder, script)
    row = stored(project, lang)["al-qaem:p6:s2"]
    assert (row.target, row.status) == (text, "translated")


# --- item 7: only a verbatim match is a 100 ------------------------------------------------


def test_a_leveraged_match_shows_99_with_its_names_and_stores_the_score_shown(
    project, finder, seed_tm
):
    """A match with a name put in the glossary's form: 99, not 100, everywhere.

    The title's own translation names Baghdadi in an admitted form (البغدادي): it is the
    stored translation word for word, a 101 (trial 1, item 4). p2:s1 has a second unit whose
    target writes the Islamic State in a deprecated form: leveraged to داعش, at 99.
    """
    from workbench.core.units import Unit

    with Project.open(project) as p:
        p2s1 = p.rows("ar")[1].source
    deprecated = "مع فقدان تنظيم الدولة الإسلامية سيطرته على الأراضي العراقية"
    seed_tm.add([Unit(p2s1, deprecated, "en", "ar")])

    async def script(app, pilot):
        await until(pilot, lambda: "[1]" in panel(app, "#context"), "the title's TM match")
        title = panel(app, "#context")
        app.view.current = 1  # p2:s1: its stored translation in context, and the leveraged one
        await until(pilot, lambda: "[2]" in panel(app, "#context"), "p2:s1's two matches")
        shown = panel(app, "#context")
        await pilot.press("2")
        await pilot.pause()
        return title, shown, panel(app, "#context"), app.matches

    title, shown, after, best = run_app(project, finder, script, tm=seed_tm)
    assert "[1] 101%" in title and "→" not in title  # the title word for word
    assert "[1] 101%" in shown and "[2] 99%" in shown
    assert "تنظيم الدولة الإسلامية → داعش" in shown  # what was substituted
    row = stored(project)["al-qaem:p2:s1"]
    assert (row.origin, row.match, row.status) == ("memory", 99.0, "draft")
    assert row.target == "مع فقدان داعش سيطرته على الأراضي العراقية"
    assert "from memory 99%" in after  # the provenance says what the panel said
    assert best[0].kind == "context" and not best[0].substitutions
    assert best[0].target == best[0].stored_target


def test_the_tm_scores_a_leveraged_exact_match_below_a_verbatim_one(tmp_path, glossary):
    from workbench.core.units import Unit
    from workbench.store.tm import LEVERAGED, TranslationMemory

    src = "The Islamic State group left Anah."
    with TranslationMemory(tmp_path / "tm.sqlite", glossary) as tm:
        tm.add([Unit(src, "غادر تنظيم الدولة الإسلامية عانة", "en", "ar", "Before.", "After.")])
        (m,) = tm.lookup(src, "en", "ar", prev="Before.", following="After.")
        assert (m.score, m.kind) == (LEVERAGED, "leveraged") and m.score < 100
        assert m.substitutions == [("تنظيم الدولة الإسلامية", "داعش")]
        assert tm.lookup(src, "en", "ar", threshold=100) == []  # only verbatim is a 100
        tm.add([Unit(src, "غادر داعش عانة", "en", "ar", "Before.", "After.")])
        best = tm.lookup(src, "en", "ar", prev="Before.", following="After.")
        assert [(x.score, x.kind) for x in best] == [(101, "context"), (99, "leveraged")]
        assert best[0].target == best[0].stored_target


# --- item 9: matches looked up again when the TM changed -----------------------------------


def add_texts_elsewhere(tm_path) -> None:
    """``workbench tm add-texts`` in another process, as a translator would run it."""
    import os
    import subprocess
    import sys

    from tests.conftest import GLOSSARY

    env = {**os.environ, "WORKBENCH_GLOSSARY": str(GLOSSARY)}
    args = [sys.executable, "-m", "workbench", "tm", "add-texts"]
    args += [str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"), "--tm", str(tm_path)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_matches_follow_a_tm_changed_by_another_process(project, finder, glossary, tmp_path):
    from workbench.store.tm import TranslationMemory

    path = tmp_path / "empty-tm.sqlite"
    tm = TranslationMemory(path, glossary)

    async def script(app, pilot):
        app.view.current = 2  # p2:s2, visited before the TM has anything
        await pilot.pause()
        before = panel(app, "#context")
        app.view.current = 1  # then p2:s1, where the translator stays
        await pilot.pause()
        await asyncio.to_thread(add_texts_elsewhere, path)
        # the panel notices by itself (its own timer reads the TM's data_version)
        await until(pilot, lambda: "[1]" in panel(app, "#context"), "the new match on p2:s1")
        app.view.current = 2  # the segment seen before: looked up again, not from a cache
        await pilot.pause()
        return before, panel(app, "#context"), app.matches

    try:
        before, again, matches = run_app(project, finder, script, tm=tm)
    finally:
        tm.close()
    assert "[1]" not in before
    assert "[1] 101%" in again and matches and matches[0].origin == "al-qaem.en.md"


def test_a_key_inserts_the_match_shown_even_if_the_tm_changed_since(
    project, finder, seed_tm, tmp_path
):
    from workbench.core.units import Unit
    from workbench.store.tm import TranslationMemory

    async def script(app, pilot):
        app.view.current = 1
        await until(pilot, lambda: "[1] 101%" in panel(app, "#context"), "the match")
        shown = app.matches[0].target
        with TranslationMemory(seed_tm.path, seed_tm.glossary) as other:  # another connection
            other.add([Unit(app.row.source, "ترجمة أخرى", "en", "ar", origin="other")])
        await pilot.press("1")  # at once: before the panel's timer looked again
        await pilot.pause()
        return shown

    shown = run_app(project, finder, script, tm=seed_tm)
    assert stored(project)["al-qaem:p2:s1"].target == shown


# --- item 12: timers and workers end with their widget -------------------------------------


def test_quitting_while_the_scores_are_computed_stops_every_panel_timer_and_worker(
    project, finder, seed_tm, monkeypatch
):
    import threading

    from workbench import services
    from workbench.tui.widgets import score_line
    from workbench.tui.widgets.score_line import ScoreLine

    services.add_reference(str(project), str(TEXTS / "al-qaem.ar.md"))
    computing, release = threading.Event(), threading.Event()
    real = score_line.document_scores

    def slow_scores(*args):
        computing.set()
        release.wait(60)
        return real(*args)

    monkeypatch.setattr(score_line, "document_scores", slow_scores)
    seen = {}

    async def script(app, pilot):
        await pilot.press("enter", *"موطن البغدادي", "enter")  # a target: a passage to score
        await until(pilot, computing.is_set, "the scores worker")
        await pilot.press("enter", *"نص", "enter")  # (on p2:s1) the score line's timer is set
        seen["widgets"] = (app.score_line, app.header_bar, app.context_panel)
        seen["workers"] = [w for w in app.workers if w.node is app.score_line]

        def release_once_closing():  # the worker finishes while the screen is torn down
            end = threading.Event()
            while app.is_running and not end.wait(0.01):
                pass
            release.set()

        threading.Thread(target=release_once_closing, daemon=True).start()

    run_app(project, finder, script, tm=seed_tm)  # re-raises any error met on the way out
    release.set()
    scores, header, context = seen["widgets"]
    assert seen["workers"] and all(w.is_cancelled or w.is_finished for w in seen["workers"])
    for widget in (scores, header, context):
        assert not any(t._task for t in widget._timers), widget  # every timer stopped
    assert not scores.post_message(ScoreLine.Computed({"ar": "late"}))  # dropped: gone
    assert stored(project)["al-qaem:p2:s1"].target == "نص"


# --- item 13: notifications hide nothing being edited --------------------------------------


def toast_regions(app):
    from textual.widgets._toast import Toast

    return [t.region for t in app.screen.query(Toast)]


def test_the_glossary_name_is_said_under_the_edit_line_not_in_a_toast(project, finder):
    async def script(app, pilot):
        await pilot.press("enter", *"موطن", "ctrl+g")
        await until(pilot, lambda: "→" in str(app.query_one("#hint").render()), "the hint")
        await pilot.pause()
        return toast_regions(app)

    # (trial 1, item 13: a toast per Ctrl+G stacked up over the English of the segment)
    assert run_app(project, finder, script, rtl="app", toasts=True) == []


def test_the_first_run_greeting_stays_off_the_english_and_the_hint(project, finder, seed_tm):
    async def script(app, pilot):
        await until(pilot, lambda: toast_regions(app), "the greeting")
        regions = [app.query_one(x).region for x in ("#context", "#qa", "#scores", "#hint")]
        return toast_regions(app), regions, app.size

    toasts, regions, size = run_app(
        project, finder, script, tm=seed_tm, toasts=True, first_run=True
    )
    for toast in toasts:  # bottom right, over the right end of the panels (trial 1, item 13)
        assert toast.x >= size.width // 3  # never over the English column
        assert not toast.overlaps(regions[-1])  # nor the hint line (nor the edit line under it)


def test_q_right_after_a_confirm_exits_cleanly_with_the_panels_timers_pending(
    project, finder, seed_tm
):
    from workbench import services

    services.add_reference(str(project), str(TEXTS / "al-qaem.ar.md"))
    seen = {}

    async def script(app, pilot):
        await pilot.press("enter", *"موطن", "enter", "q")  # the score and header timers set
        await until(pilot, lambda: not app.is_running, "the app to quit")
        seen["app"] = app

    run_app(project, finder, script, tm=seed_tm)  # re-raises an error met while quitting
    assert seen["app"].return_code == 0
    assert stored(project)["al-qaem:p1:s1"].target == "موطن"
