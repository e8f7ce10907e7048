"""`glossary import` into one TSV from parallel processes: every entry lands, the file is
replaced by rename, and no temporary file is left behind (not even when the write fails)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from workbench.core.errors import InputError

PROCESSES = 4
IMPORTS_EACH = 10
HEADER = "# names for the al-Qaim stories\n"


def _tbx(folder: Path, worker: int, n: int) -> Path:
    from workbench.core.glossary import Entry, Glossary
    from workbench.formats.tbx import glossary_to_tbx

    entry = Entry(id=f"w{worker}-{n}", type="person", en=f"Name {worker} {n}", ar="اسم")
    p = folder / f"w{worker}-{n}.tbx"
    p.write_text(glossary_to_tbx(Glossary([entry])), encoding="utf-8")
    return p


def _importer(worker: int, tbx_dir: str, target: str, barrier) -> None:  # type: ignore[no-untyped-def]
    """One process: wait for the others, then import its files one after another."""
    from workbench import services

    files = sorted(Path(tbx_dir).glob(f"w{worker}-*.tbx"))
    barrier.wait(timeout=120)
    for f in files:
        services.import_glossary(str(f), target)


def _ids(tsv: Path) -> set[str]:
    from workbench.formats.glossary_tsv import load_glossary

    return {e.id for e in load_glossary(tsv)}


def test_parallel_imports_into_one_tsv_keep_every_entry(tmp_path):
    tbx_dir = tmp_path / "tbx"
    tbx_dir.mkdir()
    gl_dir = tmp_path / "glossaries"
    gl_dir.mkdir()
    target = gl_dir / "gl.tsv"
    expected = set()
    for w in range(PROCESSES):
        for n in range(IMPORTS_EACH):
            _tbx(tbx_dir, w, n)
            expected.add(f"w{w}-{n}")
    for start in ("no glossary yet", "a glossary with a comment"):
        if start != "no glossary yet":
            from workbench.formats.glossary_tsv import COLUMNS

            target.write_text(HEADER + "\t".join(COLUMNS) + "\n", encoding="utf-8")
            os.chmod(target, 0o640)
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(PROCESSES)
        procs = [
            ctx.Process(target=_importer, args=(w, str(tbx_dir), str(target), barrier))
            for w in range(PROCESSES)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=300)
        assert [p.exitcode for p in procs] == [0] * PROCESSES, f"{start}: an import failed"
        assert _ids(target) == expected, f"{start}: lost {sorted(expected - _ids(target))}"
        assert sorted(p.name for p in gl_dir.iterdir()) == ["gl.tsv"], "no temporary files"
        if start == "no glossary yet":
            target.unlink()
        else:
            assert target.read_text(encoding="utf-8").startswith(HEADER)
            assert target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_glossary_and_no_temporary_file(tmp_path, monkeypatch):
    from workbench import services
    from workbench.formats.glossary_tsv import COLUMNS

    target = tmp_path / "gl.tsv"
    target.write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
    before = target.read_bytes()
    tbx = _tbx(tmp_path, 0, 0)

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(InputError, match="cannot write"):
        services.import_glossary(str(tbx), str(target))
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gl.tsv", "w0-0.tbx"]


def test_a_failed_first_import_leaves_no_file_at_all(tmp_path, monkeypatch):
    from workbench import services

    tbx = _tbx(tmp_path, 0, 0)
    monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(OSError(5, "EIO")))
    with pytest.raises(InputError):
        services.import_glossary(str(tbx), str(tmp_path / "new.tsv"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w0-0.tbx"]
