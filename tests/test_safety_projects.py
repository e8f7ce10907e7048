"""Data safety of projects: a translation never replaces its source; story ids stay names.

Each test runs the real command line (or the real ``open`` command with the app replaced by
a stub that returns at once) and then looks at what the project store and the file system
hold afterwards.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import TEXTS
from workbench.core.errors import InputError
from workbench.formats.xliff import NS2
from workbench.services import segment_file
from workbench.store.project import Project

EN, AR = TEXTS / "al-qaem.en.md", TEXTS / "al-qaem.ar.md"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)


def _snapshot(folder: Path) -> dict:
    """What the project holds: documents, translations into ar, history rows."""
    with Project.open(folder) as p:
        docs = [(name, lang) for _, name, lang, _ in p.documents()]
        rows = {r.key: (r.source, r.target, r.status) for r in p.rows("ar")}
        history = p.con.execute("SELECT count(*) FROM history").fetchone()[0]
    return {"docs": docs, "rows": rows, "history": history}


def _filled_project(run, tmp_path: Path, n: int = 20) -> Path:
    """init P; add the English article; import an XLIFF with ``n`` translated units."""
    proj = tmp_path / "P"
    assert run("project", "init", str(proj)).code == 0
    assert run("project", "add", str(proj), str(EN)).code == 0
    xlf = tmp_path / "filled.xlf"
    run("export", str(proj), "--format", "xliff", "--lang", "ar", "--out", str(xlf))
    tree = ET.parse(xlf)
    ar = {s.id: s.text for s in segment_file(str(AR))[1]}
    for unit in list(tree.getroot().iter(f"{{{NS2}}}unit"))[:n]:
        seg = unit.find(f"{{{NS2}}}segment")
        seg.set("state", "translated")
        ET.SubElement(seg, f"{{{NS2}}}target").text = ar[unit.get("id")]
    tree.write(xlf, encoding="utf-8", xml_declaration=True)
    r = run("import", str(xlf), "--project", str(proj))
    assert r.code == 0 and f"{n} updated" in r.out, r.out + r.err
    return proj


def test_adding_the_translation_of_a_project_document_is_refused_and_wipes_nothing(run, tmp_path):
    proj = _filled_project(run, tmp_path)
    before = _snapshot(proj)
    assert sum(1 for *_, st in before["rows"].values() if st == "translated") == 20
    assert before["history"] == 20

    r = run("project", "add", str(proj), str(AR))
    assert r.code == 1 and "new segments" not in r.out
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: ")
    assert "translation of 'al-qaem'" in lines[0]
    assert f"workbench project add-reference {proj} {AR}" in lines[0]
    assert _snapshot(proj) == before  # the English source, 20 translations, 20 history rows

    # the same refusal when --lang would pass the Arabic text off as the English source
    r = run("project", "add", str(proj), str(AR), "--lang", "en")
    assert r.code == 1 and "translation of 'al-qaem'" in r.err
    assert _snapshot(proj) == before

    # nothing of a mixed call is written either
    other = TEXTS / "al-qaim-stronghold.en.md"
    r = run("project", "add", str(proj), str(other), str(AR))
    assert r.code == 1
    assert _snapshot(proj) == before

    # what the error says to run instead works, and leaves the translations alone
    r = run("project", "add-reference", str(proj), str(AR))
    assert r.code == 0 and "69 reference passages" in r.out
    assert _snapshot(proj) == before


def test_a_translation_with_another_story_id_but_translation_of_is_refused(run, tmp_path):
    proj = _filled_project(run, tmp_path, n=3)
    before = _snapshot(proj)
    renamed = tmp_path / "qaem-arabic.ar.md"
    renamed.write_text(
        AR.read_text(encoding="utf-8").replace("story: al-qaem\n", "story: qaem-arabic\n"),
        encoding="utf-8",
    )
    r = run("project", "add", str(proj), str(renamed))
    assert r.code == 1 and "translation of 'al-qaem'" in r.err
    assert _snapshot(proj) == before


def test_the_store_refuses_a_document_of_the_same_story_in_another_language(tmp_path):
    from workbench.formats.article import read_document

    with Project.init(tmp_path / "p") as p:
        p.add_document(read_document(EN))
        first = p.rows("ar")[0]
        p.set_translation(first.segment_id, "ar", "موطن", "translated")
        with pytest.raises(InputError):
            p.add_document(read_document(AR))
        assert p.row(first.segment_id, "ar").target == "موطن"
        assert [lang for *_, lang, _ in p.documents()] == ["en"]


@pytest.fixture
def stub_app(monkeypatch):
    """``workbench open`` with the app replaced by a stub that returns at once."""
    import workbench.tui.app as app_module

    opened = []

    class StubApp:
        BINDINGS = app_module.WorkbenchApp.BINDINGS
        unsaved = None  # nothing was left in an edit line

        def __init__(self, folder, langs, *args, **kwargs):
            opened.append((Path(folder), langs))

        def run(self):
            return None

    monkeypatch.setattr(app_module, "WorkbenchApp", StubApp)
    return opened


def _open(args: list[str]):
    from click.testing import CliRunner

    from workbench.main import cli

    return CliRunner().invoke(cli, ["open", *args], catch_exceptions=False)


def test_opening_a_translation_beside_its_project_keeps_the_source(run, tmp_path, stub_app):
    for lang in ("en", "ar"):
        shutil.copy(TEXTS / f"al-qaem.{lang}.md", tmp_path)
    folder = tmp_path / "al-qaem.workbench"
    r = _open([str(tmp_path / "al-qaem.en.md"), "--to", "ar"])
    assert r.exit_code == 0, r.output
    with Project.open(folder) as p:
        for row in p.rows("ar")[:5]:
            p.set_translation(row.segment_id, "ar", "نص " + row.key, "translated")
    before = _snapshot(folder)

    r = _open([str(tmp_path / "al-qaem.ar.md"), "--to", "ar"])
    assert r.exit_code == 0, r.output
    assert stub_app[-1] == (folder, ["ar"])
    after = _snapshot(folder)
    assert after["docs"] == [("al-qaem", "en")]
    assert after["rows"] == before["rows"] and after["history"] == before["history"] == 5
    assert "translation of al-qaem" in r.output
    with Project.open(folder) as p:  # the Arabic file is the reference it is
        assert [(d, lang) for d, lang, _ in p.reference_docs()] == [("al-qaem", "ar")]


def test_opening_a_translation_first_opens_its_source_beside_it(tmp_path, stub_app):
    for lang in ("en", "ar"):
        shutil.copy(TEXTS / f"al-qaem.{lang}.md", tmp_path)
    r = _open([str(tmp_path / "al-qaem.ar.md"), "--to", "ar"])
    assert r.exit_code == 0, r.output
    folder = tmp_path / "al-qaem.workbench"
    assert _snapshot(folder)["docs"] == [("al-qaem", "en")]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".workbench"] == [folder.name]


# --- item 4: story ids are names ------------------------------------------------------


def _article(tmp_path: Path, story: str, name: str = "evil.en.md") -> Path:
    text = EN.read_text(encoding="utf-8").replace("story: al-qaem\n", f"story: {story}\n", 1)
    p = tmp_path / "in" / name
    p.parent.mkdir(exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize("story", ["{abs}/an/absolute/name", "../escaped", "a/b", "..", ".hidden"])
def test_a_story_id_that_is_a_path_is_refused_in_one_line(run, tmp_path, story, stub_app):
    story = story.replace("{abs}", str(tmp_path / "abs"))
    src = _article(tmp_path, story)
    out = tmp_path / "work" / "outdir"
    out.mkdir(parents=True)
    assert run("project", "init", str(tmp_path / "work" / "P")).code == 0
    before = _files(tmp_path)
    for args in (
        ["translate", str(src), "--to", "ar", "--engine", "memory", "--out", str(out)],
        ["project", "add", str(tmp_path / "work" / "P"), str(src)],
        ["segment", str(src)],
    ):
        r = run(*args)
        assert r.code == 1, (args, r.out)
        lines = r.err.strip().splitlines()
        assert len(lines) == 1 and "is not a name" in lines[0] and "Traceback" not in r.err
    with pytest.raises(InputError, match="is not a name"):
        _open([str(src)])
    assert not stub_app
    made = _files(tmp_path) - before
    assert all(m.startswith("home") for m in made), made  # the TM and MT cache, nothing else
    assert not (tmp_path / "abs").exists()
    assert not (tmp_path / "work" / "escaped.ar.md").exists()
    assert not any(p.name.endswith(".workbench") for p in tmp_path.rglob("*"))


def test_open_of_a_bad_story_id_is_one_line_through_the_entry_point(tmp_path):
    import subprocess
    import sys

    src = _article(tmp_path, "../escaped")
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "open", str(src)],
        capture_output=True,
        text=True,
        env={"WORKBENCH_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"workbench: error: {src}: front matter: story id '../escaped' is not a name "
        "(use letters, digits, '-', '_' and '.', starting with a letter or digit)"
    ]
    assert not (tmp_path / "escaped.workbench").exists()
    assert not any(p.name.endswith(".workbench") for p in tmp_path.rglob("*"))


def test_a_file_name_that_is_not_a_name_gives_a_safe_story_id(run, tmp_path):
    body = "# A title\n\nOne sentence here.\n"
    p = tmp_path / "My Story (draft).en.md"
    p.write_text(body, encoding="utf-8")
    r = run("segment", str(p))
    assert r.code == 0 and r.out.startswith("My-Story-draft:p1:s1\t")


def test_output_paths_stay_under_the_folder_asked_for(tmp_path):
    from workbench.core.story_id import path_under

    assert path_under(tmp_path, "a.ar.md") == tmp_path / "a.ar.md"
    for bad in ("../x.ar.md", str(tmp_path.parent / "x.md"), "sub/../../x"):
        with pytest.raises(InputError, match="outside"):
            path_under(tmp_path, bad)


# --- item 10: a full disk during tm import says what was committed --------------------


def test_a_full_disk_during_tm_import_says_what_was_committed(run, tmp_path, monkeypatch):
    import re

    from workbench import services
    from workbench.core.units import Unit
    from workbench.formats.tmx import units_to_tmx
    from workbench.store.tm import TranslationMemory

    total = 5000
    units = [
        Unit(
            f"Sentence {i} is about the market in Mosul.",
            f"الجملة {i} عن السوق في الموصل.",
            "en",
            "ar",
        )
        for i in range(total)
    ]
    tmx = tmp_path / "big.tmx"
    tmx.write_text(units_to_tmx(units, "en"), encoding="utf-8")
    with TranslationMemory(tmp_path / "scratch.sqlite") as scratch:  # pages per 1,000 units
        first = scratch.con.execute("PRAGMA page_count").fetchone()[0]
        scratch.add(units[:1000])
        per_batch = scratch.con.execute("PRAGMA page_count").fetchone()[0] - first

    real_open = services.open_tm

    def small_disk(*args, **kwargs):  # the TM may grow by about 2.5 batches, then is full
        tm = real_open(*args, **kwargs)
        pages = tm.con.execute("PRAGMA page_count").fetchone()[0]
        tm.con.execute(f"PRAGMA max_page_count = {pages + int(per_batch * 2.5)}")
        return tm

    monkeypatch.setattr(services, "open_tm", small_disk)
    path = tmp_path / "tm.sqlite"
    r = run("tm", "import", str(tmx), "--tm", str(path))
    assert r.code == 1 and "Traceback" not in r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and "nothing was written" not in lines[0], lines
    m = re.search(r"the disk filled up: ([\d,]+) units were added and committed", lines[0])
    assert m, lines[0]
    committed = int(m.group(1).replace(",", ""))
    assert 0 < committed < total and committed % 1000 == 0
    assert f"the other {total - committed:,} were not written" in lines[0]
    with TranslationMemory(path) as tm:
        assert tm.count() == committed  # exactly what the line says is in the TM

    monkeypatch.setattr(services, "open_tm", real_open)  # space again: the rest goes in
    r = run("tm", "import", str(tmx), "--tm", str(path))
    assert f"{total - committed:,} units added, {committed:,} already present" in r.out
    with TranslationMemory(path) as tm:
        assert tm.count() == total
