"""History in the store: undo and redo restore text, status, provenance and machine draft.

Also: confirming as is keeps the origin, an edit becomes human keeping its machine draft,
compare-and-set writes, undo steps that never overwrite later work, and projects made
before schema 3 still open and undo as they did.
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import TEXTS
from workbench.formats.article import read_document
from workbench.store.db import migrate
from workbench.store.project import DB_NAME, Project, Provenance
from workbench.store.schema import PROJECT_MIGRATIONS

MT = Provenance("machine", "ct2", "opus-mt-en-ar", "c0")
TM = Provenance("memory", match=100.0, tm_origin="tm.sqlite")


@pytest.fixture
def project(tmp_path):
    with Project.init(tmp_path / "proj") as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
        yield p


def state(p: Project, sid: int, lang: str = "ar") -> tuple:
    r = p.row(sid, lang)
    return (r.target, r.status, r.origin, r.engine, r.model, r.match, r.machine_draft, r.note)


def test_undo_of_mt_over_a_human_draft_restores_its_provenance_and_redo_the_mt(project):
    sid = project.rows("ar")[0].segment_id
    project.set_translation(sid, "ar", "مسودتي", "draft")  # a translator's draft
    human = state(project, sid)
    project.set_translation(sid, "ar", "ترجمة آلية", "draft", MT, note="names missing after MT")
    machine = state(project, sid)
    assert machine[2:5] == ("machine", "ct2", "opus-mt-en-ar") and machine[6] == "ترجمة آلية"
    assert project.undo(sid, "ar")
    assert state(project, sid) == human  # origin human, no engine, no machine draft, no note
    assert project.hter(sid, "ar") is None
    assert project.redo(sid, "ar")
    assert state(project, sid) == machine


def test_a_memory_match_over_an_mt_draft_drops_the_draft_and_undo_brings_it_back(project):
    sid = project.rows("ar")[1].segment_id
    project.set_translation(sid, "ar", "آلي", "draft", MT)
    machine = state(project, sid)
    project.set_translation(sid, "ar", "من الذاكرة", "draft", TM)
    r = project.row(sid, "ar")
    assert (r.origin, r.match, r.machine_draft) == ("memory", 100.0, None)
    assert project.undo(sid, "ar") and state(project, sid) == machine


def test_confirming_as_is_keeps_the_origin_and_an_edit_keeps_the_draft_for_hter(project):
    a, b, c = (r.segment_id for r in project.rows("ar")[:3])
    project.set_translation(a, "ar", "نص آلي هنا", "draft", MT)
    project.set_translation(b, "ar", "من الذاكرة", "draft", TM)
    project.set_translation(c, "ar", "نص آلي هنا", "draft", MT)
    assert project.save_edit(a, "ar", "نص آلي هنا", "translated")
    assert project.save_edit(b, "ar", "من الذاكرة", "translated")
    assert project.save_edit(c, "ar", "نص بشري هنا", "translated")
    assert state(project, a) == (
        "نص آلي هنا", "translated", "machine", "ct2", "opus-mt-en-ar", None, "نص آلي هنا", "",
    )  # fmt: skip
    assert state(project, b)[:6] == ("من الذاكرة", "translated", "memory", None, None, 100.0)
    assert state(project, c) == (
        "نص بشري هنا", "translated", "human", None, None, None, "نص آلي هنا", "",
    )  # fmt: skip
    assert project.hter(a, "ar") == 0.0 and project.hter(c, "ar") > 0
    assert project.save_edit(a, "ar", "نص آلي هنا", "translated") is None  # nothing changed
    assert project.undo(a, "ar") and state(project, a)[1:3] == ("draft", "machine")


def test_a_compare_and_set_write_is_refused_when_the_target_changed(project):
    sid = project.rows("ar")[0].segment_id
    seen = ("", "new")
    project.set_translation(sid, "ar", "بشري", "translated")
    n = len(project.history(sid, "ar"))
    assert project.set_translation(sid, "ar", "آلي", "draft", MT, expect=seen) is None
    assert state(project, sid)[:3] == ("بشري", "translated", "human")
    assert len(project.history(sid, "ar")) == n  # nothing written, not even history
    assert project.set_translation(sid, "ar", "آلي", "draft", MT, expect=("بشري", "translated"))


def test_an_undo_step_never_overwrites_a_later_edit_from_elsewhere(project, tmp_path):
    a, b = (r.segment_id for r in project.rows("ar")[:2])
    first = project.set_translation(a, "ar", "واحد", "draft")
    second = project.set_translation(b, "ar", "اثنان", "draft")
    with Project.open(project.folder) as other:  # another program edits segment a
        other.set_translation(a, "ar", "غيري", "translated")
    assert project.undo_entries([first]) == [("changed", a, "ar")]
    assert state(project, a)[:2] == ("غيري", "translated")
    assert project.undo_entries([second]) == [("done", b, "ar")]
    assert project.undo_entries([second]) == [("none", b, "ar")]  # already undone
    assert project.redo_entries([second]) == [("done", b, "ar")]
    assert state(project, b)[:2] == ("اثنان", "draft")


def test_a_project_from_before_schema_3_opens_and_its_old_history_still_undoes(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    con = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    migrate(con, PROJECT_MIGRATIONS[:2])  # a project made by the previous release
    con.execute(
        "INSERT INTO documents (id, name, path, lang, added_at) VALUES (1, 'd', 'd.md', 'en', 'x')"
    )
    con.execute(
        "INSERT INTO segments (id, doc_id, key, para, sent, kind, source) "
        "VALUES (1, 1, 'd:p1:s1', 1, 1, 'body', 'Hello')"
    )
    con.execute(
        "INSERT INTO translations (segment_id, lang, target, status, origin, engine, model, "
        "machine_draft, updated_at) VALUES (1, 'ar', 'آلي', 'draft', 'machine', 'hf', 'm', "
        "'آلي', 'x')"
    )
    con.execute(
        "INSERT INTO history (segment_id, lang, at, before, after, status_before, "
        "status_after, origin) VALUES (1, 'ar', 'x', '', 'آلي', 'new', 'draft', 'machine')"
    )
    con.close()
    with Project.open(folder) as p:
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == len(PROJECT_MIGRATIONS) >= 3
        p.set_translation(1, "ar", "بشري", "translated")  # a new edit: full state recorded
        assert p.undo(1, "ar")
        assert state(p, 1)[:5] == ("آلي", "draft", "machine", "hf", "m")
        assert p.undo(1, "ar")  # the old row: text and status come back, as before
        assert state(p, 1)[:2] == ("", "new")
        assert p.redo(1, "ar") and p.redo(1, "ar")
        assert state(p, 1)[:3] == ("بشري", "translated", "human")
