"""The TM in the app (issue 11, items 3 and 6): what a match is, concordance, the analysis.

Driven through the real app with Pilot: the TM panel shows a match's kind, origin and
date and its source with the words that differ marked (names through the glossary); ``c``
searches the TM for a phrase, either side, and lists both sides, Arabic right to left;
``A`` shows the project's analysis totals, the same as ``project analyze``.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.conftest import TEXTS
from tests.helpers import app_env
from tests.helpers.app_env import seed_project, until
from workbench.core.units import Unit
from workbench.core.word_diff import NEW, OLD, word_diff
from workbench.store.project import Project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return seed_project(tmp_path / "proj")


@pytest.fixture
def tm(tmp_path, glossary):
    from workbench import services
    from workbench.store.tm import TranslationMemory

    memory = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    services.tm_add_texts(memory, str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    yield memory
    memory.close()


def source_of(project, key):
    with Project.open(project) as p:
        return next(r.source for r in p.rows("ar") if r.key == key)


# --- the TM panel: what a match is ---------------------------------------------------------


def run_app(project, finder, tm, script, rtl="terminal"):
    """The app over ``project`` with ``tm`` as its memory."""
    return app_env.run_app(project, finder, script, tm=tm, rtl=rtl)


def test_word_diff_compares_names_through_their_entries():
    old = "Fighters left al-Qaim on Monday."
    new = "Fighters left Al Qaem on Tuesday."
    pieces = word_diff(old, new, [(14, 21, "al-qaem")], [(14, 21, "al-qaem")])
    assert [p.text for p in pieces if p.kind == OLD] == ["Monday."]
    assert [p.text for p in pieces if p.kind == NEW] == ["Tuesday."]
    assert "".join(p.text for p in pieces if p.kind != NEW).split() == old.split()
    plain = word_diff(old, new)  # without the glossary the name differs too
    assert any("al-Qaim" in p.text for p in plain if p.kind == OLD)


def test_the_panel_marks_what_differs_and_says_where_the_match_came_from(project, finder, tm):
    key = "al-qaem:p2:s1"
    source = source_of(project, key)
    words = source.split()
    fuzzy = " ".join([*words[:-1], "yesterday", words[-1]])  # one word more than the segment
    tm.add([Unit(fuzzy, "ترجمة قديمة", "en", "ar", "", "", "desk/older.md")])

    async def script(app, pilot):
        app.view.current = next(i for i, r in enumerate(app.rows) if r.key == key)
        panel = app.query_one("#context")
        await until(pilot, lambda: "ترجمة قديمة" in str(panel.render()), "the fuzzy match")
        return panel.render(), app.matches

    text, matches = run_app(project, finder, tm, script)
    plain = str(text)
    fuzzy_match = next(m for m in matches if m.target == "ترجمة قديمة")
    assert fuzzy_match.kind == "fuzzy"
    line = next(ln for ln in plain.splitlines() if "desk/older.md" in ln)
    assert "fuzzy · desk/older.md · " in line  # kind, origin, then the unit's date
    assert any(ch.isdigit() for ch in line.split("desk/older.md · ")[1][:10])
    struck = [text.plain[s.start : s.end] for s in text.spans if getattr(s.style, "strike", False)]
    assert struck == ["yesterday"]  # only the word the segment lacks is marked
    exact = next(ln for ln in plain.splitlines() if ln.strip().startswith("context ·"))
    assert "al-qaem.en.md" in exact and "│" not in exact  # the same source: no diff


def test_a_learned_unit_names_its_translator_and_confirm_date(project, finder, tmp_path):
    from workbench.store.tm import TranslationMemory

    key = "al-qaem:p2:s1"
    source = source_of(project, key)
    memory = TranslationMemory(tmp_path / "tm2.sqlite")
    memory.learn(
        Unit(
            source + " Now.",
            "نص مؤكد",
            "en",
            "ar",
            "",
            "",
            "proj/al-qaem:p2:s1",
            props=(("x-translator", "Layla"), ("x-confirmed", "2025-03-04T10:00:00+00:00")),
        ),
        "k",
    )

    async def script(app, pilot):
        app.view.current = next(i for i, r in enumerate(app.rows) if r.key == key)
        panel = app.query_one("#context")
        await until(pilot, lambda: "نص مؤكد" in str(panel.render()), "the learned match")
        return str(panel.render())

    shown = run_app(project, finder, memory, script)
    memory.close()
    assert "proj/al-qaem:p2:s1 · Layla · 2025-03-04" in shown


# --- concordance -----------------------------------------------------------------------------


def test_c_searches_the_tm_for_a_phrase_and_lists_both_sides(project, finder, tm):
    from workbench.tui.widgets.concordance_screen import ConcordanceScreen

    async def script(app, pilot):
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConcordanceScreen), "the screen")
        screen = app.screen
        await pilot.press(*"albu mahal", "enter")
        await until(pilot, lambda: screen.hits, "the hits")
        either = list(screen.hits)
        shown = str(screen.query_one("#conc-hits").render())
        await pilot.press("tab")  # source only
        await until(
            pilot,
            lambda: (
                "side: source" in str(screen.query_one("#conc-status").render())
                and "hold" in str(screen.query_one("#conc-status").render())
            ),
            "source side",
        )
        source_side = list(screen.hits)
        await pilot.press("tab")  # target only: an English phrase is in no Arabic target
        await until(
            pilot,
            lambda: "no unit holds" in str(screen.query_one("#conc-status").render()),
            "the target side",
        )
        await pilot.press("escape")
        await pilot.pause()
        return either, source_side, shown, app.screen is app.screen_stack[0]

    either, source_side, shown, closed = run_app(project, finder, tm, script)
    assert either and all("albu mahal" in h.source.lower() and h.tgt_lang == "ar" for h in either)
    assert all(h.target for h in either)
    assert source_side == either
    assert either[0].target.split()[0] in shown  # the Arabic side is listed too
    assert closed


def test_an_arabic_phrase_is_found_on_the_target_side_without_its_diacritics(project, finder, tm):
    from workbench.tui.widgets.concordance_screen import ConcordanceScreen

    async def script(app, pilot):
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConcordanceScreen), "the screen")
        screen = app.screen
        await pilot.press(*"القَائِم", "enter")  # typed with harakat
        await until(pilot, lambda: screen.hits, "the hits")
        return screen.hits, screen.query_one("#conc-hits").render()

    hits, text = run_app(project, finder, tm, script, rtl="app")
    assert hits and all("القائم" in h.target for h in hits)
    assert all(h.side in ("target", "both") for h in hits)
    marked = [text.plain[s.start : s.end] for s in text.spans if getattr(s.style, "reverse", False)]
    assert marked, "the phrase is marked in the hits"
    # the Arabic lines are drawn right to left, flush right: they end at the right edge
    lines = text.plain.splitlines()
    arabic = [ln for ln in lines if any("\ufe70" <= c <= "\ufeff" for c in ln)]
    rtl_lines = [ln for ln in arabic if not ln.lstrip()[:1].isascii()]  # (not English ones)
    assert rtl_lines and all(ln.startswith(" ") for ln in rtl_lines)
    assert len({cell_len(ln) for ln in rtl_lines}) == 1  # all padded to the same right edge


# --- analysis totals ---------------------------------------------------------------------------


def test_the_app_shows_the_same_totals_as_project_analyze(project, finder, tm):
    from workbench.services.analysis import analyze
    from workbench.tui.widgets.analysis_screen import AnalysisScreen

    async def script(app, pilot):
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, AnalysisScreen), "the screen")
        screen = app.screen
        await until(pilot, lambda: screen.result is not None, "the analysis")
        await pilot.pause()
        table = screen.query_one("#analysis-table").render()
        await pilot.press("escape")
        return screen.result, table

    result, _ = run_app(project, finder, tm, script)
    expected = analyze(str(project), ["ar", "ckb"], tm, finder)
    assert result.as_json() == expected.as_json()
    ar = result.totals["ar"]
    assert sum(ar.segments.values()) == 69 and ar.segments["101"] > 0  # the TM knows the text
    assert result.totals["ckb"].segments["new"] == 69 - result.totals["ckb"].segments["repetition"]


def test_analysis_is_in_the_palette(project, finder, tm):
    async def script(app, pilot):
        return [c.title for c in app.get_system_commands(app.screen)]

    titles = run_app(project, finder, tm, script)
    assert "Analysis" in titles and "Concordance" in titles
