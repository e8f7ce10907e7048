"""``project analyze`` does not count a segment's own learned unit as its match (issue 11).

Confirming a segment teaches the project's TM and the user's TM a unit filed under that
segment; analysing the project again must not find the segment in the TM "at 101" because
of what it taught. The same unit is a real match for any other segment or project, and a
unit that came from elsewhere (an import) still counts.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import GLOSSARY, TEXTS
from workbench import services
from workbench.formats.article import read_document
from workbench.services.learning import Learner, open_learning_tms, project_tm_path
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory

CONFIRMED = {1: "ترجمة أولى مؤكدة", 2: "ترجمة ثانية مؤكدة", 3: "ترجمة ثالثة مؤكدة"}


@pytest.fixture
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("WORKBENCH_HOME", str(h))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    return h


def make_project(folder):
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
    return folder


def confirm(folder, positions):
    """Confirm rows at ``positions`` as the app does (store edit, then the TMs learn)."""
    glossary = services.open_glossary(str(GLOSSARY))
    with Project.open(folder) as p:
        rows = p.rows("ar")
        tms = open_learning_tms(folder, glossary)
        try:
            learner = Learner(p, tms, "Layla Hassan")
            for i in positions:
                p.save_edit(rows[i].segment_id, "ar", CONFIRMED[i], "translated")
                assert learner.sync(rows[i].segment_id, "ar", confirmed_now=True)
        finally:
            for tm in tms:
                tm.close()
        return [rows[i].source for i in positions]


def analysed(run, folder, *extra):
    r = run("project", "analyze", str(folder), "--lang", "ar", "--json", *extra)
    assert r.code == 0, r.err
    return json.loads(r.out)["totals"]["ar"]["bands"]


@pytest.fixture
def project(tmp_path, home):
    return make_project(tmp_path / "proj")


def test_a_confirmed_segment_is_not_its_own_101(project, home, run):
    sources = confirm(project, [1, 2, 3])
    # the units are there: a lookup of the source finds each at 101 (its context)
    with TranslationMemory(home / "tm.sqlite", services.open_glossary(str(GLOSSARY))) as tm:
        assert tm.count() == 3
        assert tm.lookup(sources[1], "en", "ar")[0].target == CONFIRMED[2]
    for tm_args in ((), ("--tm", str(project_tm_path(project)))):  # user TM, project TM
        bands = analysed(run, project, *tm_args)
        assert bands["101"]["segments"] == 0 and bands["100"]["segments"] == 0, tm_args
        assert bands["95-99"]["segments"] == 0, tm_args


def test_another_project_with_the_same_text_matches_the_learned_units(project, tmp_path, run):
    confirm(project, [1, 2, 3])
    other = make_project(tmp_path / "other")
    bands = analysed(run, other)
    # the same article, the same neighbours: three context matches from the first project
    assert bands["101"]["segments"] == 3


def test_an_imported_unit_with_the_same_source_still_counts(project, run):
    confirm(project, [1, 2, 3])
    en, ar = TEXTS / "al-qaem.en.md", TEXTS / "al-qaem.ar.md"
    assert run("tm", "add-texts", str(en), str(ar)).code == 0  # the published translation
    bands = analysed(run, project)
    # every segment has its published translation in the TM (a 101, or a 99 where the
    # published Arabic spells a name unlike the glossary), the confirmed ones too
    assert bands["101"]["segments"] + bands["95-99"]["segments"] == 69
    assert bands["new"]["segments"] == 0


def test_a_confirm_changes_nothing_in_its_own_projects_analysis(project, run):
    before = analysed(run, project)
    confirm(project, [2])
    assert analysed(run, project) == before  # its own unit is not a match
    with Project.open(project) as p:
        sid = p.rows("ar")[2].segment_id
        assert p.undo(sid, "ar")
    assert analysed(run, project) == before
