"""TM leverage and match kinds from the translator's trial (trial 1, items 4 and 5).

Item 4: a unit whose source names the same glossary entry as the query keeps its target's
name when that is a listed (preferred or admitted) form of the entry; only another entry's
name, or a deprecated form, is rewritten. The segment's own confirmed unit comes back at
101/100, word for word.

Item 5: the TM panel calls a match "context" only when it is a 101.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import GLOSSARY, TEXTS
from workbench import services
from workbench.core.units import Unit
from workbench.formats.article import read_document
from workbench.services.learning import Learner, open_learning_tms
from workbench.store.project import Project
from workbench.store.tm import Match, TranslationMemory

#: What the trial's translator confirmed for al-qaem:p1:s1 (the name in its short form).
P1S1_AR = "بيت البغدادي الجديد: مدينة القائم العراقية قد تكون عاصمة المتطرفين الجديدة"


@pytest.fixture
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("WORKBENCH_HOME", str(h))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    return h


@pytest.fixture(scope="module")
def house():
    return services.open_glossary(str(GLOSSARY))


def confirm_p1s1(folder, house) -> tuple[str, str, str]:
    """Confirm al-qaem:p1:s1 in Arabic as the app does; its source and neighbours."""
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
    with Project.open(folder) as p:
        rows = p.rows("ar")
        tms = open_learning_tms(folder, house)
        try:
            p.save_edit(rows[0].segment_id, "ar", P1S1_AR, "translated")
            assert Learner(p, tms, "Layla Hassan").sync(rows[0].segment_id, "ar", True)
        finally:
            for tm in tms:
                tm.close()
        return rows[0].source, "", rows[1].source


def lookup(run, text, *extra):
    r = run("tm", "lookup", text, "--src", "en", "--tgt", "ar", "--json", *extra)
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_own_confirmed_unit_comes_back_word_for_word(tmp_path, home, run, house):
    source, _prev, nxt = confirm_p1s1(tmp_path / "proj", house)
    assert source.startswith("Baghdadi's New Home")
    best = lookup(run, source)[0]
    assert (best["score"], best["kind"]) == (100.0, "exact")
    assert best["target"] == best["stored_target"] == P1S1_AR
    assert best["substitutions"] == []
    # with its neighbour it is the context match, still unchanged
    best = lookup(run, source, "--next", nxt)[0]
    assert (best["score"], best["kind"], best["target"]) == (101.0, "context", P1S1_AR)
    # the text output says so too: no "name: البغدادي -> أبو بكر البغدادي"
    r = run("tm", "lookup", source, "--src", "en", "--tgt", "ar")
    assert r.code == 0 and "100% exact" in r.out and "->" not in r.out
    assert "أبو بكر" not in r.out
    # and the store holds what the translator wrote
    with TranslationMemory(home / "tm.sqlite", house) as tm:
        assert [u.target for u in tm.units("en", "ar")] == [P1S1_AR]


def test_a_listed_form_of_the_same_entry_stays_in_a_fuzzy_match(tmp_path, house):
    with TranslationMemory(tmp_path / "tm.sqlite", house) as tm:
        tm.add(
            [
                Unit(
                    "Baghdadi spoke in Mosul in 2014.",
                    "تحدث البغدادي في الموصل عام ٢٠١٤.",
                    "en",
                    "ar",
                )
            ]
        )
        best = tm.lookup("Abu Bakr al-Baghdadi spoke in Mosul in 2014.", "en", "ar")[0]
    # the same person in both sources: the admitted البغدادي is not "corrected"
    assert best.target == "تحدث البغدادي في الموصل عام ٢٠١٤." and best.substitutions == []


def test_another_entrys_name_is_substituted(tmp_path, house):
    with TranslationMemory(tmp_path / "tm.sqlite", house) as tm:
        tm.add(
            [Unit("Ahmad al-Salmani spoke in Mosul.", "تحدث أحمد السلماني في الموصل.", "en", "ar")]
        )
        best = tm.lookup("Omar al-Obaidi spoke in Mosul.", "en", "ar")[0]
    assert best.target == "تحدث عمر العبيدي في الموصل."
    assert best.substitutions == [("أحمد السلماني", "عمر العبيدي")]
    assert best.kind == "fuzzy"


def test_a_deprecated_form_of_the_same_entry_is_replaced_at_99(tmp_path, house):
    src = "The Islamic State group left Anah in 2016."
    with TranslationMemory(tmp_path / "tm.sqlite", house) as tm:
        tm.add([Unit(src, "غادر داعش عانه عام ٢٠١٦.", "en", "ar")])  # !عانه is deprecated
        best = tm.lookup(src, "en", "ar")[0]
    assert best.target == "غادر داعش عانة عام ٢٠١٦."
    assert (best.score, best.kind) == (99.0, "leveraged")
    assert best.stored_target == "غادر داعش عانه عام ٢٠١٦."


def test_preferred_form_of_the_same_entry_is_an_exact_100(tmp_path, house):
    src = "The Islamic State group left Anah in 2016."
    with TranslationMemory(tmp_path / "tm.sqlite", house) as tm:
        tm.add([Unit(src, "غادر داعش عانة عام ٢٠١٦.", "en", "ar")])
        best = tm.lookup("ISIS left Anah in 2016.", "en", "ar")[0]
        same = tm.lookup(src, "en", "ar")[0]
    assert best.target == "غادر داعش عانة عام ٢٠١٦." and best.substitutions == []
    assert (same.score, same.kind) == (100.0, "exact")


# --- item 5: the panel's label -------------------------------------------------------


P9S1_AR = "القائم هي رأس الأفعى التي هي داعش."


def test_panel_labels_a_77_fuzzy_fuzzy_after_showing_the_unit_as_context(
    tmp_path, home, finder, house
):
    """Confirm p9:s1, look at it (its own unit: 101 context), then at p25:s2 (77 %)."""
    from tests.helpers import app_env
    from tests.helpers.app_env import seed_project, until

    folder = seed_project(tmp_path / "proj")
    with Project.open(folder) as p:
        rows = p.rows("ar")
        keys = [r.key for r in rows]
        p9s1 = rows[keys.index("al-qaem:p9:s1")]
        tms = open_learning_tms(folder, house)
        try:
            p.save_edit(p9s1.segment_id, "ar", P9S1_AR, "translated")
            assert Learner(p, tms, "Layla Hassan").sync(p9s1.segment_id, "ar", True)
        finally:
            for tm in tms:
                tm.close()

    def panel(app) -> str:
        return str(app.query_one("#context").render())

    async def script(app, pilot):
        app.view.current = keys.index("al-qaem:p9:s1")
        await until(pilot, lambda: "[1] 101%" in panel(app), "p9:s1's own unit in context")
        own = panel(app)
        app.view.current = keys.index("al-qaem:p25:s2")
        await until(pilot, lambda: "[1] 77%" in panel(app), "p25:s2's fuzzy match")
        return own, panel(app)

    own, fuzzy = app_env.run_app(folder, finder, script, user_tm=True, rtl="terminal")
    assert "context" in own
    assert "fuzzy" in fuzzy and "context" not in fuzzy
    assert "al-qaem:p9:s1" in fuzzy  # where the unit came from is still said
    assert " │ " not in own  # the segment's own source: no differences to show
    assert " │ " in fuzzy  # a fuzzy match's differences from the segment's source


def test_match_kind_says_context_only_for_a_101():
    from workbench.tui.widgets.context_panel import match_kind

    assert match_kind(_match(101.0, "context")) == "context"
    assert match_kind(_match(100.0, "exact")) == "exact"
    assert match_kind(_match(99.0, "leveraged")) == "leveraged"
    assert match_kind(_match(77.0, "fuzzy")) == "fuzzy"
    assert match_kind(_match(77.0, "context")) == "fuzzy"  # a kind left over is not believed


def _match(score: float, kind: str) -> Match:
    return Match("a b c", "أ ب ج", score, score, kind, "proj/al-qaem:p9:s1", 1, "أ ب ج")
