"""TMX: a project export holds confirmed units only (drafts on request, marked), with notes;
the TM keeps the notes and props of imported units and writes them back on export.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import TEXTS
from tests.test_tmx import _tmx_dtd
from workbench.store.project import Project

EN = str(TEXTS / "al-qaem.en.md")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)


def _project(run, tmp_path: Path) -> tuple[str, list[str]]:
    """69 segments: 12 drafts, 3 translated (one with a note), 1 reviewed, 1 final."""
    proj = str(tmp_path / "proj")
    assert run("project", "init", proj).code == 0
    assert run("project", "add", proj, EN).code == 0
    with Project.open(proj) as p:
        rows = p.rows("ar")
        plan = ["draft"] * 12 + ["translated"] * 3 + ["reviewed", "final"]
        for r, status in zip(rows, plan, strict=False):
            note = "checked with the desk" if r.key == rows[12].key else ""
            p.set_translation(r.segment_id, "ar", f"ترجمة {r.key}", status, note=note)
        return proj, [r.key for r in rows]


def _tus(path: Path) -> list[ET.Element]:
    return ET.parse(path).getroot().findall("body/tu")


def _props(tu: ET.Element) -> dict[str, str]:
    return {p.get("type"): p.text for p in tu.findall("prop")}


def test_project_tmx_holds_confirmed_units_with_notes_status_and_context(run, tmp_path):
    proj, keys = _project(run, tmp_path)
    out = tmp_path / "p.tmx"
    r = run("export", proj, "--format", "tmx", "--lang", "ar", "--out", str(out))
    assert r.code == 0, r.err
    tus = _tus(out)
    assert len(tus) == 5  # the 12 drafts are not there
    assert [_props(t)["x-status"] for t in tus] == ["translated"] * 3 + ["reviewed", "final"]
    assert [n.text for n in tus[0].findall("note")] == ["checked with the desk"]
    assert all(not t.findall("note") for t in tus[1:])
    first = _props(tus[0])
    assert first["x-origin"] == "al-qaem" and first["x-context-pre"] and first["x-context-post"]
    assert tus[0].find("tuv[2]/seg").text == f"ترجمة {keys[12]}"
    from lxml import etree

    dtd = _tmx_dtd()
    assert dtd.validate(etree.parse(str(out))), dtd.error_log.filter_from_errors()


def test_include_drafts_adds_them_marked_as_drafts(run, tmp_path):
    proj, _ = _project(run, tmp_path)
    out = tmp_path / "all.tmx"
    r = run(
        "export", proj, "--format", "tmx", "--lang", "ar", "--include-drafts", "--out", str(out)
    )
    assert r.code == 0, r.err
    statuses = [_props(t)["x-status"] for t in _tus(out)]
    assert statuses.count("draft") == 12 and len(statuses) == 17


def test_only_drafts_is_a_clear_error_naming_the_option(run, tmp_path):
    proj = str(tmp_path / "proj")
    run("project", "init", proj)
    run("project", "add", proj, EN)
    with Project.open(proj) as p:
        row = p.rows("ar")[0]
        p.set_translation(row.segment_id, "ar", "مسودة", "draft")
    r = run("export", proj, "--format", "tmx", "--lang", "ar")
    assert r.code == 1
    assert "no confirmed translations into ar to export (1 draft: --include-drafts" in r.err


TMX_WITH_NOTES = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="Trados" creationtoolversion="16" segtype="sentence"
 o-tmf="x" adminlang="en" srclang="en-US" datatype="plaintext"/>
<body>
<tu creationid="amira">
  <prop type="x-Client">NIQASH</prop><prop type="x-Domain">news</prop>
  <prop type="x-context-pre">Before.</prop>
  <note>Name as in the glossary.</note><note>Second note.</note>
  <tuv xml:lang="en-US"><seg>Al Qaem is near the border.</seg></tuv>
  <tuv xml:lang="ar-IQ"><seg>القائم قرب الحدود.</seg></tuv>
</tu>
<tu><tuv xml:lang="en"><seg>Plain unit.</seg></tuv><tuv xml:lang="ar"><seg>وحدة.</seg></tuv></tu>
</body></tmx>"""


def test_the_tm_keeps_notes_and_props_of_imported_units_and_writes_them_back(run, tmp_path):
    src = tmp_path / "in.tmx"
    src.write_text(TMX_WITH_NOTES, encoding="utf-8")
    tm = str(tmp_path / "tm.sqlite")
    r = run("tm", "import", str(src), "--tm", tm)
    assert r.code == 0 and "2 units added" in r.out, r.out + r.err
    with sqlite3.connect(tm) as con:  # in the store itself
        rows = con.execute("SELECT note, props FROM units ORDER BY id").fetchall()
    assert rows[0][0] == "Name as in the glossary.\nSecond note."
    assert '["x-Client", "NIQASH"]' in rows[0][1] and "x-context-pre" not in rows[0][1]
    assert rows[1] == ("", "")

    out = tmp_path / "out.tmx"
    assert run("tm", "export", "--out", str(out), "--tm", tm).code == 0
    first, second = _tus(out)
    assert [(p.get("type"), p.text) for p in first.findall("prop")] == [
        ("x-context-pre", "Before."),
        ("x-origin", "in.tmx"),
        ("x-Client", "NIQASH"),
        ("x-Domain", "news"),
    ]
    assert [n.text for n in first.findall("note")] == ["Name as in the glossary.", "Second note."]
    assert second.findall("note") == [] and [p.get("type") for p in second.findall("prop")] == [
        "x-origin"
    ]
    from lxml import etree

    dtd = _tmx_dtd()
    assert dtd.validate(etree.parse(str(out))), dtd.error_log.filter_from_errors()


def test_a_unit_imported_again_with_a_note_gains_it(run, tmp_path):
    tm = str(tmp_path / "tm.sqlite")
    bare = tmp_path / "bare.tmx"
    bare.write_text(TMX_WITH_NOTES.replace("<note>", "<!--").replace("</note>", "-->"))
    assert "2 units added" in run("tm", "import", str(bare), "--tm", tm).out
    full = tmp_path / "full.tmx"
    full.write_text(TMX_WITH_NOTES, encoding="utf-8")
    r = run("tm", "import", str(full), "--tm", tm)
    assert "0 units added, 2 already present" in r.out
    with sqlite3.connect(tm) as con:
        assert con.execute("SELECT count(*), max(note) FROM units").fetchone() == (
            2,
            "Name as in the glossary.\nSecond note.",
        )


def test_an_older_tm_is_migrated_and_keeps_its_units(run, tmp_path):
    from workbench.store.schema import TM_MIGRATIONS

    tm = tmp_path / "old.sqlite"
    with sqlite3.connect(tm) as con:  # a TM made before notes and props were kept
        for m in TM_MIGRATIONS[:2]:
            con.executescript(m)
        con.execute("PRAGMA user_version = 2")
        con.execute(
            "INSERT INTO units (src_lang, tgt_lang, source, target, norm, created_at) "
            "VALUES ('en', 'ar', 'Old unit.', 'وحدة قديمة.', 'old unit', 'now')"
        )
    out = tmp_path / "o.tmx"
    assert run("tm", "export", "--out", str(out), "--tm", str(tm)).code == 0
    assert [t.find("tuv[2]/seg").text for t in _tus(out)] == ["وحدة قديمة."]
