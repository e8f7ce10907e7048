"""--out never lands on the workbench's own databases; an existing file needs --force; writes
are atomic (a temporary file in the same folder, renamed; none left behind on failure)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, TEXTS
from workbench.core.errors import InputError

EN = TEXTS / "al-qaem.en.md"
AR = TEXTS / "al-qaem.ar.md"


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".part")))


@pytest.fixture
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    monkeypatch.setenv("WORKBENCH_HOME", str(h))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    return h


@pytest.fixture
def project(run, home, tmp_path):
    p = tmp_path / "base"
    assert run("project", "init", str(p)).code == 0
    assert run("project", "add", str(p), str(EN)).code == 0
    return p


def _segments(folder: Path) -> int:
    from workbench.store.project import Project

    with Project.open(str(folder)) as pr:
        return len(pr.rows("ar"))


def _tm_units(home: Path) -> int:
    from workbench.store.tm import TranslationMemory

    with TranslationMemory(home / "tm.sqlite") as tm:
        return tm.count()


@pytest.mark.parametrize(
    "name", ["workbench.sqlite", "workbench.sqlite-wal", "workbench.sqlite-shm"]
)
def test_export_refuses_the_projects_own_database(run, project, name):
    before = _segments(project)
    db = project / "workbench.sqlite"
    digest = _digest(db)
    for extra in ((), ("--force",)):
        r = run(
            "export",
            str(project),
            "--format",
            "xliff",
            "--lang",
            "ar",
            "--out",
            str(project / name),
            *extra,
        )
        assert r.code == 1, r
        assert r.err.startswith("workbench: error: ") and "project database" in r.err
        assert r.err.count("\n") == 1
    assert _digest(db) == digest and _segments(project) == before == 69
    assert _leftovers(project) == []


def test_tm_export_and_export_refuse_the_tm_by_path_link_and_inode(run, project, home, tmp_path):
    assert run("tm", "add-texts", str(EN), str(AR)).code == 0
    tm = home / "tm.sqlite"
    digest = _digest(tm)
    os.link(tm, tmp_path / "hard.tmx")  # the same inode under an innocent name
    (tmp_path / "soft.tmx").symlink_to(tm)
    for out in (tm, tmp_path / "hard.tmx", tmp_path / "soft.tmx"):
        r = run("tm", "export", "--out", str(out), "--force")
        assert r.code == 1 and "refusing to write over it" in r.err, (out, r)
        r = run(
            "export", str(project), "--format", "tmx", "--lang", "ar", "--out", str(out), "--force"
        )
        assert r.code == 1 and "refusing to write over it" in r.err, (out, r)
    r = run(
        "align",
        str(EN),
        str(AR),
        "--src-lang",
        "en",
        "--tgt-lang",
        "ar",
        "--segment",
        "--out",
        str(tm),
        "--force",
    )
    assert r.code == 1 and "translation memory" in r.err
    assert _digest(tm) == digest and _tm_units(home) == 69
    assert (tmp_path / "soft.tmx").is_symlink()
    assert _leftovers(home) == [] and _leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_only_with_force(run, project, home, tmp_path):
    assert run("tm", "add-texts", str(EN), str(AR)).code == 0
    cases = {
        "export": ["export", str(project), "--format", "xliff", "--lang", "ar"],
        "tm export": ["tm", "export"],
        "align": ["align", str(EN), str(AR), "--src-lang", "en", "--tgt-lang", "ar", "--segment"],
        "glossary export": ["--glossary", str(GLOSSARY), "export"],
    }
    for what, args in cases.items():
        out = tmp_path / f"{what.replace(' ', '-')}.out"
        out.write_text("my own work\n", encoding="utf-8")
        if what == "glossary export":
            args = ["glossary", *args]
        r = run(*args, "--out", str(out))
        assert r.code == 1, (what, r)
        assert r.err == f"workbench: error: {out} exists; pass --force to replace it\n", what
        assert out.read_text(encoding="utf-8") == "my own work\n", what
        ino = out.stat().st_ino
        os.chmod(out, 0o640)
        r = run(*args, "--out", str(out), "--force")
        assert r.code == 0, (what, r)
        text = out.read_text(encoding="utf-8")
        assert text != "my own work\n" and len(text) > 100, what
        assert out.stat().st_ino != ino, f"{what}: replaced by rename, not rewritten in place"
        assert out.stat().st_mode & 0o777 == 0o640, f"{what}: the file's mode is kept"
    # a new file is written without --force
    r = run("tm", "export", "--out", str(tmp_path / "new.tmx"))
    assert r.code == 0 and "<tmx" in (tmp_path / "new.tmx").read_text(encoding="utf-8")
    assert _leftovers(tmp_path) == []


def test_glossary_export_never_overwrites_the_glossary_it_read(run, tmp_path):
    gl = tmp_path / "gl.tsv"
    gl.write_bytes(GLOSSARY.read_bytes())
    digest = _digest(gl)
    r = run("glossary", "--glossary", str(gl), "export", "--out", str(gl), "--force")
    assert r.code == 1 and "this command's inputs" in r.err
    assert _digest(gl) == digest


def test_align_never_writes_over_its_inputs(run, tmp_path):
    src = tmp_path / "a.en.md"
    src.write_bytes(EN.read_bytes())
    r = run(
        "align",
        str(src),
        str(AR),
        "--src-lang",
        "en",
        "--tgt-lang",
        "ar",
        "--segment",
        "--out",
        str(src),
        "--force",
    )
    assert r.code == 1 and "inputs" in r.err
    assert src.read_bytes() == EN.read_bytes()


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    from workbench.services import files

    out = tmp_path / "x.tmx"
    out.write_text("old\n", encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(InputError, match=r"cannot write \(No space left on device\)"):
        files.write_text(out, "new\n", force=True)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.tmx"]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from workbench.services import files

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_text(tmp_path / "x.tmx", "new\n")
    assert list(tmp_path.iterdir()) == []


def test_no_clobber_write_refuses_a_file_that_appears_meanwhile(tmp_path, monkeypatch):
    from workbench.services import files

    out = tmp_path / "x.txt"
    real_fsync = os.fsync

    def someone_else_writes(fd):
        real_fsync(fd)
        out.write_text("theirs\n", encoding="utf-8")

    monkeypatch.setattr(files.os, "fsync", someone_else_writes)
    with pytest.raises(InputError, match="exists; pass --force"):
        files.write_text(out, "mine\n", force=False)
    assert out.read_text(encoding="utf-8") == "theirs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]


def test_any_sqlite_file_and_its_sidecars_are_refused(tmp_path):
    import sqlite3

    from workbench.services import files

    db = tmp_path / "notes.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    for p in (db, tmp_path / "notes.db-wal", tmp_path / "notes.db-shm"):
        assert p.exists()
        with pytest.raises(InputError, match="refusing to write over it"):
            files.write_text(p, "x", force=True)
    assert con.execute("SELECT x FROM t").fetchall() == [(1,)]
    con.close()


def test_translate_out_replaces_its_own_drafts_but_not_a_persons_file(run, home, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    src = folder / "al-qaem.en.md"
    src.write_bytes(EN.read_bytes())
    published = folder / "al-qaem.ar.md"  # the published translation beside its source
    published.write_bytes(AR.read_bytes())
    assert run("tm", "add-texts", str(EN), str(AR)).code == 0
    args = ["translate", str(src), "--to", "ar", "--engine", "memory", "--out"]
    r = run(*args, str(folder))
    assert r.code == 1 and "is not a machine draft" in r.err and "--force" in r.err, r
    assert published.read_bytes() == AR.read_bytes()
    out = tmp_path / "drafts"
    assert run(*args, str(out)).code == 0
    first = (out / "al-qaem.ar.md").read_text(encoding="utf-8")
    assert "translator: 'memory: " in first
    r = run(*args, str(out))  # a rerun replaces its own draft without asking
    assert r.code == 0, r
    assert (out / "al-qaem.ar.md").read_text(encoding="utf-8") == first
    r = run(*args, str(folder), "--force")
    assert r.code == 0 and "translator: 'memory: " in published.read_text(encoding="utf-8")
    assert src.read_bytes() == EN.read_bytes()
    assert _leftovers(folder) == [] and _leftovers(out) == []
