"""The project store: edits committed at once, history and undo, HTER, crash and concurrency."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, TEXTS
from workbench.core.errors import InputError
from workbench.formats.article import read_document
from workbench.store.db import StoreError, integrity_ok
from workbench.store.project import DB_NAME, Project, Provenance


@pytest.fixture
def project(tmp_path):
    p = Project.init(tmp_path / "proj")
    p.add_document(read_document(TEXTS / "al-qaem.en.md"))
    yield p
    p.close()


def test_documents_become_segments_with_stable_keys(project):
    rows = project.rows("ar")
    assert len(rows) == 69
    assert rows[0].key == "al-qaem:p1:s1" and rows[0].kind == "title" and rows[0].status == "new"
    assert project.journal_mode == "wal"


def test_an_edit_is_visible_to_another_connection_at_once(project):
    sid = project.rows("ar")[3].segment_id
    project.set_translation(sid, "ar", "نص مترجم", "translated")
    other = sqlite3.connect(project.path)
    assert other.execute(
        "SELECT target, status FROM translations WHERE segment_id = ?", (sid,)
    ).fetchone() == ("نص مترجم", "translated")


def test_history_undo_and_hter(project):
    sid = project.rows("ckb")[0].segment_id
    project.set_translation(
        sid, "ckb", "ماڵی نوێی بەغدادی", "draft", Provenance("machine", "hf", "nllb", "c1")
    )
    assert project.hter(sid, "ckb") == 0.0
    project.set_translation(sid, "ckb", "ماڵە نوێیەکەی ئەبووبەکر بەغدادی", "translated")
    assert project.hter(sid, "ckb") > 0
    assert [h[2] for h in project.history(sid, "ckb")] == [
        "ماڵی نوێی بەغدادی",
        "ماڵە نوێیەکەی ئەبووبەکر بەغدادی",
    ]
    assert project.undo(sid, "ckb")
    row = project.rows("ckb")[0]
    assert (row.target, row.status, row.machine_draft) == (
        "ماڵی نوێی بەغدادی",
        "draft",
        "ماڵی نوێی بەغدادی",
    )
    assert project.undo(sid, "ckb")
    assert project.rows("ckb")[0].target == "" and project.rows("ckb")[0].status == "new"
    assert not project.undo(sid, "ckb")


def test_redo_reapplies_undone_edits_until_a_new_edit(project):
    sid = project.rows("ar")[2].segment_id
    project.set_translation(sid, "ar", "أ", "draft")
    project.set_translation(sid, "ar", "ب", "translated")
    assert not project.redo(sid, "ar")  # nothing undone yet
    assert project.undo(sid, "ar") and project.undo(sid, "ar")
    assert project.rows("ar")[2].target == ""
    assert project.redo(sid, "ar")
    assert (project.rows("ar")[2].target, project.rows("ar")[2].status) == ("أ", "draft")
    assert project.redo(sid, "ar")
    assert (project.rows("ar")[2].target, project.rows("ar")[2].status) == ("ب", "translated")
    assert not project.redo(sid, "ar")
    # undo, then a new edit: the undone edit is gone from the redo chain
    assert project.undo(sid, "ar")
    project.set_translation(sid, "ar", "ج", "translated")
    assert project.undo(sid, "ar")
    assert project.rows("ar")[2].target == "أ"
    assert project.redo(sid, "ar")
    assert project.rows("ar")[2].target == "ج"
    assert not project.redo(sid, "ar")


def test_re_adding_a_document_keeps_translations_of_unchanged_segments(project, tmp_path):
    rows = project.rows("ar")
    project.set_translation(rows[1].segment_id, "ar", "ترجمة", "translated")
    project.set_translation(rows[2].segment_id, "ar", "ترجمة ٢", "translated")
    text = (TEXTS / "al-qaem.en.md").read_text(encoding="utf-8")
    changed = tmp_path / "al-qaem.en.md"
    changed.write_text(
        text.replace("Could this be Iraq’s new extremist capital?", "Is this the new capital?"),
        encoding="utf-8",
    )
    _, added = project.add_document(read_document(changed))
    assert added == 1
    after = {r.key: r for r in project.rows("ar")}
    assert after["al-qaem:p2:s1"].target == "ترجمة"
    assert (
        after["al-qaem:p2:s2"].target == ""
        and after["al-qaem:p2:s2"].source == "Is this the new capital?"
    )


def test_bad_status_and_language(project):
    sid = project.rows("ar")[0].segment_id
    with pytest.raises(InputError, match="unknown status"):
        project.set_translation(sid, "ar", "x", "done")
    with pytest.raises(InputError, match="unknown language"):
        project.set_translation(sid, "xx", "x")


def test_open_requires_a_project_folder(tmp_path):
    with pytest.raises(InputError, match="not a workbench project"):
        Project.open(tmp_path)
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        Project.init(f)


def test_unwritable_place_is_one_clear_error():
    with pytest.raises(StoreError) as exc:
        Project.init("/proc/workbench-project")
    assert "\n" not in str(exc.value)


def test_full_disk_loses_nothing_already_stored(project):
    rows = project.rows("ar")
    project.set_translation(rows[0].segment_id, "ar", "محفوظ", "translated")
    pages = project.con.execute("PRAGMA page_count").fetchone()[0]
    project.con.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    with pytest.raises(StoreError, match="disk is full"):
        for r in rows[1:]:
            project.set_translation(r.segment_id, "ar", "ن" * 5000, "translated")
    project.con.execute("PRAGMA max_page_count = 1073741823")
    assert project.rows("ar")[0].target == "محفوظ"
    assert integrity_ok(project.con)


def _spawn(module, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.helpers.{module}", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_writer_killed_at_any_moment_loses_no_committed_edit(project):
    """SIGKILL a writer in the middle of its edits, many times; reopen each time."""
    folder = project.folder
    project.close()
    rng = random.Random(3)
    kills = 0
    reported: dict[str, list[str]] = {}
    for round_ in range(15):
        proc = _spawn("writer", folder, "ar", round_ * 100_000)
        lines = [proc.stdout.readline()]  # it has committed at least one edit
        deadline = time.monotonic() + rng.uniform(0.3, 1.2)  # then a kill at a random moment
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        kills += 1
        lines += proc.stdout.read().splitlines(keepends=True)  # committed before the kill
        for line in lines:
            if line.endswith("\n"):
                sid, text = line.rstrip("\n").split("\t")
                reported.setdefault(sid, []).append(text)
        with Project.open(folder) as p:
            assert integrity_ok(p.con)
            for sid, texts in reported.items():
                stored = {h[2] for h in p.history(int(sid), "ar")}
                assert set(texts) <= stored
    assert kills == 15 and sum(map(len, reported.values())) >= 15


@pytest.mark.parametrize("no_wal", [False, True])
def test_a_reader_and_a_writer_at_once(project, monkeypatch, no_wal):
    if no_wal:
        monkeypatch.setenv("WORKBENCH_NO_WAL", "1")
    folder = project.folder
    project.close()
    writer = _spawn("writer", folder, "ckb", 0)
    assert writer.stdout.readline()  # the writer has committed its first edit
    reader = _spawn("reader", folder, "ckb", 240)  # a deadline, not a measure: it stops early
    out, err = reader.communicate(timeout=300)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert reader.returncode == 0, err
    assert "locked" not in err
    reads, first, last = map(int, out.split())
    # it read again and again while the writer kept committing, and saw the commits land
    # (how many reads fit in a second is a benchmark, not a test: the machine may be busy)
    assert reads >= 3 and last - first >= 3
    with Project.open(folder) as p:
        assert p.journal_mode == ("delete" if no_wal else "wal")
        assert integrity_ok(p.con)


def test_project_is_a_folder_with_one_database(project):
    assert (project.folder / DB_NAME).is_file()
