"""The project store, pinned down where mutation testing found the suite silent: what a
document, an edit, an undo or a reference leaves in the database (see BENCHMARKS.md)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from workbench.core.document import Document, Paragraph
from workbench.core.errors import InputError
from workbench.store.db import StoreError
from workbench.store.project import (
    DB_NAME,
    STATUSES,
    XLIFF2_STATE,
    ChangedUnderYou,
    Project,
    Provenance,
    now,
)
from workbench.store.schema import PROJECT_MIGRATIONS

MT = Provenance("machine", "ct2", "opus", "c0")
TM = Provenance("memory", match=100.0, tm_origin="tm.sqlite")


def doc(name: str = "story", lang: str = "en", second: str = "Second one is there.", **meta):
    return Document(
        name,
        lang,
        [
            Paragraph(1, "title", "A title"),
            Paragraph(2, "body", f"First one is here. {second}"),
            Paragraph(3, "quote", "A quote."),
        ],
        meta or {"story": name},
        f"{name}.{lang}.md",
    )


@pytest.fixture
def project(tmp_path):
    with Project.init(tmp_path / "proj") as p:
        p.add_document(doc())
        yield p


def ids(p: Project, lang: str = "ar") -> list[int]:
    return [r.segment_id for r in p.rows(lang)]


def stored(p: Project, sid: int, lang: str = "ar") -> tuple | None:
    return p.con.execute(
        "SELECT target, status, origin, engine, model, checksum, match, tm_origin, "
        "machine_draft, note FROM translations WHERE segment_id = ? AND lang = ?",
        (sid, lang),
    ).fetchone()


# --- opening ---------------------------------------------------------------------------------


def test_now_is_utc_to_the_second():
    stamp = now()
    assert stamp.endswith("+00:00") and len(stamp) == len("2026-01-01T00:00:00+00:00")


def test_the_xliff_states_cover_every_status():
    assert set(XLIFF2_STATE) == set(STATUSES)
    assert XLIFF2_STATE["draft"] == "initial" and XLIFF2_STATE["reviewed"] == "reviewed"


def test_init_makes_nested_folders_and_opens_an_existing_project(tmp_path):
    folder = tmp_path / "a" / "b" / "proj"
    with Project.init(folder) as p:
        p.add_document(doc())
        assert p.path == folder / DB_NAME and p.folder == folder
    with Project.init(folder) as again:  # init on a project opens it, keeping its documents
        assert [d[1] for d in again.documents()] == ["story"]
        assert again.con.execute("PRAGMA user_version").fetchone()[0] == len(PROJECT_MIGRATIONS)


def test_init_where_a_folder_cannot_be_made_is_one_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the project folder") as exc:
        Project.init(tmp_path / "file" / "proj")
    assert "\n" not in str(exc.value)


def test_open_by_the_database_file_and_refuse_an_empty_one(project, tmp_path):
    with Project.open(project.path) as p:
        assert p.folder == project.folder and len(p.rows("ar")) == 4
    other = tmp_path / "other.sqlite"
    other.write_text("")
    with pytest.raises(InputError, match="not a workbench project"):
        Project.open(other)  # a file, but not workbench.sqlite
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / DB_NAME).write_bytes(b"")
    with pytest.raises(InputError, match=r"empty file \(0 bytes\)"):
        Project.open(empty)
    with pytest.raises(InputError, match="empty file"):
        Project.open(empty / DB_NAME)
    assert (empty / DB_NAME).stat().st_size == 0  # left as it was


def test_open_read_only_writes_nothing_and_an_old_schema_is_migrated(project, tmp_path):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "نص", "translated")
    with Project.open(project.folder, readonly=True) as ro:
        assert ro.con.read_only
        assert ro.row(sid, "ar").target == "نص"
        with pytest.raises(StoreError):
            ro.set_translation(sid, "ar", "آخر")
    assert project.row(sid, "ar").target == "نص"
    # a project of an older schema is opened writable and brought up to date
    old = tmp_path / "old"
    old.mkdir()
    con = sqlite3.connect(old / DB_NAME)
    con.executescript(PROJECT_MIGRATIONS[0])
    con.execute("PRAGMA user_version = 1")
    con.close()
    with Project.open(old, readonly=True) as p:
        assert not p.con.read_only
        assert p.con.execute("PRAGMA user_version").fetchone()[0] == len(PROJECT_MIGRATIONS)
        assert p.journal_mode == "wal"


# --- documents ---------------------------------------------------------------------------------


def test_add_document_stores_segments_meta_and_counts_new_ones(tmp_path):
    with Project.init(tmp_path / "p") as p:
        doc_id, added = p.add_document(doc(author="A. Writer"))
        assert added == 4
        assert p.documents() == [(doc_id, "story", "en", "story.en.md")]
        assert p.document_id("story") == doc_id
        meta, added_at = p.con.execute(
            "SELECT meta, added_at FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        assert json.loads(meta) == {"author": "A. Writer"} and added_at.endswith("+00:00")
        rows = p.rows("ar")
        assert [(r.key, r.para, r.sent, r.kind, r.source) for r in rows] == [
            ("story:p1:s1", 1, 1, "title", "A title"),
            ("story:p2:s1", 2, 1, "body", "First one is here."),
            ("story:p2:s2", 2, 2, "body", "Second one is there."),
            ("story:p3:s1", 3, 1, "quote", "A quote."),
        ]
        assert {(r.target, r.status, r.origin, r.note) for r in rows} == {("", "new", "none", "")}
        assert p.segment_count("story") == 4
        second_id, added = p.add_document(doc("other"))
        assert added == 4 and second_id != doc_id
        assert [d[1] for d in p.documents()] == ["story", "other"]
        assert [r.key for r in p.rows("ar", "other")] == [
            "other:p1:s1",
            "other:p2:s1",
            "other:p2:s2",
            "other:p3:s1",
        ]
        assert len(p.rows("ar")) == 8 and p.segment_count("other") == 4


def test_re_adding_keeps_unchanged_segments_replaces_changed_and_drops_gone_ones(project):
    first, _, second, quote = ids(project)
    project.set_translation(first, "ar", "عنوان", "translated")
    project.set_translation(second, "ar", "الثانية", "translated")
    shorter = Document(
        "story",
        "en",
        [Paragraph(1, "title", "A title"), Paragraph(2, "body", "First one is here. Changed.")],
        {"story": "story", "v": "2"},
        "moved/story.en.md",
    )
    doc_id, added = project.add_document(shorter)
    assert added == 1  # only the changed sentence is new
    rows = {r.key: r for r in project.rows("ar")}
    assert list(rows) == ["story:p1:s1", "story:p2:s1", "story:p2:s2"]
    assert rows["story:p1:s1"].target == "عنوان" and rows["story:p1:s1"].segment_id == first
    assert rows["story:p2:s2"].source == "Changed." and rows["story:p2:s2"].target == ""
    assert project.documents() == [(doc_id, "story", "en", "moved/story.en.md")]
    meta = project.con.execute("SELECT meta FROM documents").fetchone()[0]
    assert json.loads(meta)["v"] == "2"
    assert stored(project, second) is None and stored(project, quote) is None  # cascaded


def test_a_translation_of_the_story_never_replaces_its_source(project):
    before = [(r.segment_id, r.source) for r in project.rows("ar")]
    with pytest.raises(InputError, match="is a reference, not a replacement"):
        project.add_document(doc(lang="ar"))
    assert [(r.segment_id, r.source) for r in project.rows("ar")] == before
    assert project.documents()[0][2] == "en"


def test_an_unknown_document_is_named(project):
    with pytest.raises(InputError, match="no document named 'nope'"):
        project.document_id("nope")
    with pytest.raises(InputError, match="no segment 999"):
        project.row(999, "ar")


def test_grid_holds_each_language_side_by_side_in_document_order(project):
    first, second, *_ = ids(project)
    project.set_translation(first, "ar", "عنوان", "translated", MT)
    project.set_translation(second, "ckb", "یەکەم", "draft", TM)
    grid = project.grid(["ar", "ckb"])
    assert [g[1] for g in grid] == [r.key for r in project.rows("ar")]
    assert grid[0][:4] == (first, "story:p1:s1", 1, "A title")
    assert grid[0][4:10] == ("عنوان", "translated", "machine", "ct2", "opus", None)
    assert grid[0][10:] == ("", "new", "none", None, None, None)
    assert grid[1][4:10] == ("", "new", "none", None, None, None)
    assert grid[1][10:] == ("یەکەم", "draft", "memory", None, None, 100.0)
    assert project.grid([]) == [(r[0], r[1], r[2], r[3]) for r in grid]


# --- translations ----------------------------------------------------------------------------


def test_set_translation_stores_provenance_and_the_draft_each_origin_leaves(project):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "آلي", "draft", MT, note="check")
    assert stored(project, sid) == (
        "آلي",
        "draft",
        "machine",
        "ct2",
        "opus",
        "c0",
        None,
        None,
        "آلي",
        "check",
    )
    project.set_translation(sid, "ar", "بشري", "translated")  # a person keeps the draft
    assert stored(project, sid) == (
        "بشري",
        "translated",
        "human",
        None,
        None,
        None,
        None,
        None,
        "آلي",
        "check",
    )
    project.set_translation(sid, "ar", "ذاكرة", "draft", TM, note="")  # memory drops it
    assert stored(project, sid) == (
        "ذاكرة",
        "draft",
        "memory",
        None,
        None,
        None,
        100.0,
        "tm.sqlite",
        None,
        "",
    )
    project.set_translation(sid, "ar", "منقول", "draft", Provenance("propagated"))
    assert stored(project, sid)[2] == "propagated" and stored(project, sid)[8] is None


def test_a_compare_and_set_write_writes_when_the_segment_is_unchanged(project):
    sid = ids(project)[1]
    hid = project.set_translation(sid, "ar", "أ", "draft", MT, expect=("", "new"))
    assert isinstance(hid, int) and stored(project, sid)[0] == "أ"
    assert project.set_translation(sid, "ar", "ب", "draft", MT, expect=("", "new")) is None
    assert stored(project, sid)[0] == "أ"
    assert len(project.history(sid, "ar")) == 1
    assert project.set_translation(sid, "ar", "ب", "draft", MT, expect=("أ", "draft")) > hid


def test_save_edit_of_the_same_text_changes_only_the_status(project):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "آلي", "draft", MT)
    hid = project.save_edit(sid, "ar", "آلي", "translated")
    assert isinstance(hid, int)
    assert stored(project, sid)[:5] == ("آلي", "translated", "machine", "ct2", "opus")
    assert project.save_edit(sid, "ar", "آلي", "translated") is None  # nothing to do
    assert len(project.history(sid, "ar")) == 2
    project.save_edit(sid, "ar", "بشري", "translated")
    assert stored(project, sid) == (
        "بشري",
        "translated",
        "human",
        None,
        None,
        None,
        None,
        None,
        "آلي",
        "",
    )
    with pytest.raises(InputError, match="unknown status"):
        project.save_edit(sid, "ar", "x", "done")
    with pytest.raises(InputError, match="unknown language"):
        project.save_edit(sid, "zz", "x", "draft")


def test_save_edit_refuses_when_someone_changed_the_segment_meanwhile(project):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "أ", "draft", MT)
    project.set_translation(sid, "ar", "من غيري", "translated")  # another translator
    with pytest.raises(ChangedUnderYou) as exc:
        project.save_edit(sid, "ar", "مني", "translated", expect=("أ", "draft"))
    assert (exc.value.segment_id, exc.value.lang, exc.value.now.target) == (sid, "ar", "من غيري")
    assert str(exc.value) == f"segment {sid} [ar] changed since you began editing it"
    assert stored(project, sid)[0] == "من غيري"
    # the same text and status the other one saved: nothing is lost, nothing to write
    assert project.save_edit(sid, "ar", "من غيري", "translated", expect=("أ", "draft")) is None
    assert project.save_edit(sid, "ar", "مني", "reviewed", expect=("من غيري", "translated"))
    assert stored(project, sid)[:2] == ("مني", "reviewed")


def test_set_status_keeps_text_and_provenance_and_needs_a_translation(project):
    sid, other = ids(project)[1:3]
    project.set_translation(sid, "ar", "آلي", "draft", MT)
    hid = project.set_status(sid, "ar", "reviewed")
    assert isinstance(hid, int)
    assert stored(project, sid)[:5] == ("آلي", "reviewed", "machine", "ct2", "opus")
    with pytest.raises(InputError, match="no translation to change the status of"):
        project.set_status(other, "ar", "reviewed")
    assert stored(project, other) is None
    with pytest.raises(InputError, match="unknown status"):
        project.set_status(sid, "ar", "done")
    assert project.undo(sid, "ar") and stored(project, sid)[1] == "draft"


def test_undo_entries_of_one_action_go_newest_first_and_redo_oldest_first(project):
    a, b = ids(project)[1:3]
    h1 = project.set_translation(a, "ar", "أ١", "draft")
    h2 = project.set_translation(a, "ar", "أ٢", "translated")
    h3 = project.set_translation(b, "ar", "ب", "translated")
    # given in any order, the two edits of one segment are undone newest first
    assert project.undo_entries([h1, h3, h2]) == [
        ("done", a, "ar"),
        ("done", b, "ar"),
        ("done", a, "ar"),
    ]
    assert stored(project, a)[:2] == ("", "new") and stored(project, b)[:2] == ("", "new")
    assert project.redo_entries([h2, h1, h3]) == [
        ("done", a, "ar"),
        ("done", a, "ar"),
        ("done", b, "ar"),
    ]
    assert stored(project, a)[:2] == ("أ٢", "translated") and stored(project, b)[0] == "ب"


def test_undo_entries_run_in_one_transaction(project):
    a, b = ids(project)[1:3]
    h1 = project.set_translation(a, "ar", "أ", "draft")
    h2 = project.set_translation(b, "ar", "ب", "draft")
    project.con.execute(  # the second undo will fail inside the database
        "CREATE TRIGGER no_b BEFORE UPDATE ON translations WHEN old.target = 'ب' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(StoreError, match="refused"):
        project.undo_entries([h1, h2])
    assert stored(project, a)[0] == "أ"  # the first undo went back with it
    assert [h[4] for h in project.history(a, "ar")] == [False]


def test_history_lists_edits_oldest_first_with_undone_marks(project):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "أ", "draft", MT)
    project.set_translation(sid, "ar", "ب", "translated")
    assert project.undo(sid, "ar")
    hist = project.history(sid, "ar")
    assert [(b, c, o, u) for _, b, c, o, u in hist] == [
        ("", "أ", "machine", False),
        ("أ", "ب", "human", True),
    ]
    assert all(at.endswith("+00:00") for at, *_ in hist)
    assert project.history(sid, "ckb") == []


def test_hter_needs_a_machine_draft_and_a_text(project):
    sid, other = ids(project)[1:3]
    assert project.hter(sid, "ar") is None  # no translation
    project.set_translation(other, "ar", "بشري", "translated")
    assert project.hter(other, "ar") is None  # no machine draft
    project.set_translation(sid, "ar", "واحد اثنان", "draft", MT)
    assert project.hter(sid, "ar") == 0.0
    project.set_translation(sid, "ar", "واحد ثلاثة", "translated")
    assert project.hter(sid, "ar") == 50.0
    project.set_translation(sid, "ar", "", "new")
    assert project.hter(sid, "ar") is None


def test_status_counts_count_each_segment_once(project):
    a, b, c, _ = ids(project)
    assert project.status_counts("ar") == dict.fromkeys(STATUSES, 0) | {"new": 4}
    project.set_translation(a, "ar", "أ", "draft")
    project.set_translation(b, "ar", "ب", "translated")
    project.set_translation(c, "ar", "", "new")  # a row in status new is still new
    project.set_translation(a, "ckb", "ئ", "final")
    assert project.status_counts("ar") == {
        "new": 2,
        "draft": 1,
        "translated": 1,
        "reviewed": 0,
        "final": 0,
    }
    assert project.status_counts("ckb")["final"] == 1 and project.status_counts("ckb")["new"] == 3
    with pytest.raises(InputError, match="unknown language"):
        project.status_counts("zz")


def test_post_edits_and_languages(project):
    a, b, c, d = ids(project)
    project.set_translation(a, "ar", "آلي", "draft", MT)  # a draft: not post-edited yet
    project.set_translation(b, "ar", "آلي", "draft", MT)
    project.save_edit(b, "ar", "مصحح", "translated")
    project.set_translation(c, "ar", "بشري", "reviewed")  # no machine draft
    project.set_translation(d, "ckb", "ئامێر", "draft", MT)
    project.save_edit(d, "ckb", "ئامێر", "final")
    assert project.post_edits("ar") == [(b, "آلي", "مصحح")]
    assert project.post_edits("ckb") == [(d, "ئامێر", "ئامێر")]
    assert project.languages() == ["ar", "ckb"]


def test_references_replace_the_previous_one_and_point_to_their_group_head(project):
    a, b, c, d = ids(project)
    project.set_reference("story", "ar", "old.ar.md", [([a], "قديم"), ([b], "قديم ٢")])
    project.set_reference("story", "ar", "ref.ar.md", [([a], "عنوان"), ([b, c], "جملتان")])
    project.set_reference("story", "ckb", "ref.ckb.md", [([d], "وتە")])
    assert project.references("ar") == {a: (a, "عنوان"), b: (b, "جملتان"), c: (b, "")}
    assert project.references("ckb") == {d: (d, "وتە")}
    assert project.reference_docs() == [
        ("story", "ar", "ref.ar.md"),
        ("story", "ckb", "ref.ckb.md"),
    ]
    with pytest.raises(InputError, match="no document named"):
        project.set_reference("nope", "ar", "x", [])


# --- one-line messages and failures ------------------------------------------------------------


def test_each_refusal_is_its_whole_one_line_message(project, tmp_path):
    sid = ids(project)[1]
    statuses = "use one of: new, draft, translated, reviewed, final"
    for call in (
        lambda: project.set_translation(sid, "ar", "x", "done"),
        lambda: project.save_edit(sid, "ar", "x", "done"),
        lambda: project.set_status(sid, "ar", "done"),
    ):
        with pytest.raises(InputError) as exc:
            call()
        assert str(exc.value) == f"unknown status 'done' ({statuses})"
    with pytest.raises(InputError) as exc:
        project.set_status(sid, "ar", "reviewed")
    assert str(exc.value) == "there is no translation to change the status of"
    with pytest.raises(InputError) as exc:
        project.document_id("nope")
    assert str(exc.value) == f"{project.folder}: no document named 'nope'"
    with pytest.raises(InputError) as exc:
        project.row(999, "ar")
    assert str(exc.value) == f"no segment 999 in {project.folder}"
    with pytest.raises(InputError) as exc:
        project.add_document(doc(lang="ar"))
    assert str(exc.value) == (
        f"story.ar.md: 'story' is in {project.folder} in en; a ar document of the same story "
        "is a reference, not a replacement"
    )
    with pytest.raises(InputError) as exc:
        Project.open(tmp_path)
    assert str(exc.value) == (
        f"{tmp_path}: not a workbench project (run: workbench project init {tmp_path})"
    )
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError) as exc:
        Project.init(tmp_path / "file")
    assert (
        str(exc.value) == f"{tmp_path / 'file'}: exists and is not a folder; a project is a folder"
    )


@pytest.mark.parametrize(
    ("table", "write"),
    [
        ("history", lambda p, s: p.set_translation(s, "ar", "أ")),
        ("history", lambda p, s: p.save_edit(s, "ar", "أ", "draft")),
        ("history", lambda p, s: p.set_status(s, "ar", "final")),
        ("translations", lambda p, s: p.undo(s, "ar")),
        ("translations", lambda p, s: p.undo_entries([1])),
        ("refs", lambda p, s: p.set_reference("story", "ar", "r.md", [([s], "مرجع")])),
        ("segments", lambda p, s: p.add_document(doc(second="A new sentence."))),
    ],
)
def test_a_write_that_fails_is_one_error_naming_the_database_and_leaves_nothing(
    project, table, write
):
    sid = ids(project)[2]
    project.set_translation(sid, "ar", "قبل", "draft")
    before = [list(project.con.execute(f"SELECT * FROM {t}")) for t in ("translations", "refs")]
    for event in ("INSERT", "UPDATE"):
        project.con.execute(
            f"CREATE TRIGGER no_{event} BEFORE {event} ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'the write failed'); END"
        )
    with pytest.raises(StoreError) as exc:
        write(project, sid)
    assert str(exc.value) == f"{project.path}: the write failed"
    after = [list(project.con.execute(f"SELECT * FROM {t}")) for t in ("translations", "refs")]
    assert after == before and len(project.rows("ar")) == 4


def test_an_edit_over_a_memory_match_drops_its_score_and_origin(project):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "من الذاكرة", "draft", TM)
    project.save_edit(sid, "ar", "مصحح", "translated")
    assert stored(project, sid) == (
        "مصحح",
        "translated",
        "human",
        None,
        None,
        None,
        None,
        None,
        None,
        "",
    )


def test_a_propagated_copy_over_a_machine_draft_drops_the_draft(project):
    sid = ids(project)[1]
    project.set_translation(sid, "ar", "آلي", "draft", MT)
    project.set_translation(sid, "ar", "منقول", "draft", Provenance("propagated"))
    assert stored(project, sid)[2] == "propagated" and stored(project, sid)[8] is None
    assert project.hter(sid, "ar") is None


def test_an_empty_database_file_is_refused_with_what_to_do(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"")
    with pytest.raises(InputError) as exc:
        Project.open(tmp_path)
    assert str(exc.value) == (
        f"{tmp_path / DB_NAME}: empty file (0 bytes), not a project database; restore it from "
        "a backup, or remove it and run: workbench project init"
    )


def test_a_missing_database_path_is_named_as_given(project):
    missing = project.folder / "sub" / DB_NAME
    with pytest.raises(InputError) as exc:
        Project.open(missing)
    assert str(exc.value).startswith(f"{missing}: not a workbench project")
