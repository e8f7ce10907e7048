"""Commands that only read open the database read-only: archives on read-only mounts work,
and a read of a chmod-444 database leaves no ``-wal``/``-shm`` files behind.

The read-only mount is real: as an ordinary user the folder is chmod'ed read-only; as root
(whom permissions do not stop) the command runs in its own mount namespace with the folder
bind-mounted read-only (``unshare -m``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, TEXTS
from workbench.store.project import Project

EN, AR = str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md")
HEAD = "Cutting off this head would end the extremist group."


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)


def _archive(run, tmp_path: Path) -> Path:
    """A project with three translations and a TM inside it, closed cleanly."""
    folder = tmp_path / "archive"
    assert run("project", "init", str(folder)).code == 0
    assert run("project", "add", str(folder), EN).code == 0
    with Project.open(folder) as p:
        for r in p.rows("ar")[:3]:
            p.set_translation(r.segment_id, "ar", f"ترجمة {r.key}", "translated")
    tm = str(folder / "tm.sqlite")
    assert run("tm", "add-texts", EN, AR, "--tm", tm).code == 0
    return folder


def _state(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _read_only_runner(folder: Path, tmp_path: Path):
    """A function running ``workbench ARGS`` in a subprocess that sees ``folder`` read-only."""
    env = {
        "WORKBENCH_HOME": str(tmp_path / "home"),
        "WORKBENCH_GLOSSARY": str(GLOSSARY),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    base = [sys.executable, "-m", "workbench"]
    if os.geteuid() != 0:
        prefix: list[str] = []
    else:
        unshare = shutil.which("unshare")
        script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"'
        prefix = [unshare or "unshare", "-m", "sh", "-c", script, str(folder)]
        probe = subprocess.run([*prefix, "touch", str(folder / "probe")], capture_output=True)
        if probe.returncode == 0 or "Read-only file system" not in probe.stderr.decode():
            (folder / "probe").unlink(missing_ok=True)
            pytest.skip("running as root where no read-only bind mount can be made")

    def _run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*prefix, *base, *args], capture_output=True, text=True, env=env, timeout=300
        )

    return _run


@pytest.fixture
def chmod_read_only():
    """chmod a folder and its files read-only; restored afterwards (so tmp_path can go)."""
    changed: list[tuple[Path, int]] = []

    def _apply(folder: Path, files_only: bool = False) -> None:
        for p in [*folder.iterdir(), *([] if files_only else [folder])]:
            changed.append((p, p.stat().st_mode))
            p.chmod(0o555 if p.is_dir() else 0o444)

    yield _apply
    for p, mode in reversed(changed):
        p.chmod(stat.S_IMODE(mode))


def test_read_commands_work_on_a_read_only_archive_and_write_nothing(
    run, tmp_path, chmod_read_only
):
    folder = _archive(run, tmp_path)
    before = _state(folder)
    ro = _read_only_runner(folder, tmp_path)
    if os.geteuid() != 0:
        chmod_read_only(folder)

    r = ro("project", "status", str(folder), "--lang", "ar", "--json")
    assert r.returncode == 0, r.stderr
    st = json.loads(r.stdout)
    assert st["languages"]["ar"]["translated"] == 3 and st["journal_mode"] == "wal"

    xlf = tmp_path / "out" / "a.xlf"
    xlf.parent.mkdir()
    r = ro("export", str(folder), "--format", "xliff", "--lang", "ar", "--out", str(xlf))
    assert r.returncode == 0, r.stderr
    assert "ترجمة al-qaem:p1:s1" in xlf.read_text(encoding="utf-8")
    r = ro("export", str(folder), "--format", "txt", "--lang", "ar")
    assert r.returncode == 0 and r.stdout.startswith("ترجمة al-qaem:p1:s1"), r.stderr

    tm = str(folder / "tm.sqlite")
    r = ro("tm", "lookup", HEAD, "--src", "en", "--tgt", "ar", "--tm", tm, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["score"] == 100
    r = ro("tm", "export", "--tm", tm, "--out", str(tmp_path / "out" / "all.tmx"))
    assert r.returncode == 0 and "69 units" in r.stdout, r.stderr

    r = ro("project", "scores", str(folder), "--lang", "ar", "--json")
    assert r.returncode == 0, r.stderr

    # a command that writes says so in one line, and changes nothing
    r = ro("project", "add", str(folder), str(TEXTS / "al-qaim-stronghold.en.md"))
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("workbench: error: ") and "Traceback" not in r.stderr

    assert _state(folder) == before  # no -wal/-shm, not a byte changed


def test_reading_a_chmod_444_database_leaves_nothing_that_blocks_writes(
    run, tmp_path, chmod_read_only
):
    folder = _archive(run, tmp_path)
    before = _state(folder)
    chmod_read_only(folder, files_only=True)  # the folder itself stays writable
    st = json.loads(run("project", "status", str(folder), "--lang", "ar", "--json").out)
    assert st["languages"]["ar"]["translated"] == 3
    tm = str(folder / "tm.sqlite")
    assert run("tm", "lookup", HEAD, "--src", "en", "--tgt", "ar", "--tm", tm).code == 0
    assert run("export", str(folder), "--format", "tmx", "--lang", "ar").code == 0
    assert _state(folder) == before  # no -wal/-shm files beside the databases

    for p in folder.iterdir():
        p.chmod(0o644)
    r = run("project", "add", str(folder), str(TEXTS / "al-qaim-stronghold.en.md"))
    assert r.code == 0 and "17 new segments" in r.out, r.err
    assert run("tm", "add-texts", EN, AR, "--tm", tm).code == 0
    with Project.open(folder) as p:
        assert [name for _, name, _, _ in p.documents()] == ["al-qaem", "al-qaim-stronghold"]


def test_a_read_only_project_refuses_writes_in_one_line(run, tmp_path):
    from workbench.store.db import StoreError

    folder = _archive(run, tmp_path)
    with Project.open(folder, readonly=True) as p:
        row = p.rows("ar")[0]
        with pytest.raises(StoreError) as exc:
            p.set_translation(row.segment_id, "ar", "شيء آخر", "translated")
        assert "\n" not in str(exc.value) and "read-only" in str(exc.value)
    with Project.open(folder) as p:
        assert p.row(row.segment_id, "ar").target == f"ترجمة {row.key}"
    assert not [p for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]
