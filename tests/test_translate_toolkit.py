"""Round trips through translate-toolkit's own readers and writers (a dev dependency).

workbench → translate-toolkit: our XLIFF 1.2 read by its ``xlifffile`` and converted by its
``xliff2po``; edited there and written back; imported. translate-toolkit → workbench: a PO
file converted by its ``po2xliff`` (XLIFF 1.1, other ids), imported, exported again and
read back by translate-toolkit. Statuses, notes, ids and Arabic text survive both ways.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from translate.convert.po2xliff import po2xliff
from translate.convert.xliff2po import xliff2po
from translate.storage import po, xliff
from translate.storage.workflow import StateEnum

from tests.conftest import TEXTS
from tests.helpers.xliff_schema import assert_valid_xliff
from workbench.store.project import Project

EN = str(TEXTS / "al-qaem.en.md")
#: Arabic with harakat, a right-to-left mark, guillemets and Arabic-Indic digits
AR = "قالَ المسؤولُ‏ «إنَّ القائمَ» آمنةٌ منذ ٢٠١٧ & <غداً>"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))


def _project(run, tmp_path: Path) -> tuple[str, dict[str, str]]:
    """69 segments: 5 drafts (2 with notes), 5 translated, 3 reviewed, 2 final, 54 new."""
    proj = str(tmp_path / "proj")
    assert run("project", "init", proj).code == 0
    assert run("project", "add", proj, EN).code == 0
    plan = ["draft"] * 5 + ["translated"] * 5 + ["reviewed"] * 3 + ["final"] * 2
    with Project.open(proj) as p:
        rows = p.rows("ar")
        for i, (r, status) in enumerate(zip(rows, plan, strict=False)):
            note = f"ملاحظة {i}: check al-Obaidi/al-Obeidi" if i in (1, 7) else ""
            p.set_translation(r.segment_id, "ar", f"{AR} {i}", status, note=note)
        return proj, {r.key: r.source for r in rows}


def _export12(run, proj: str, path: Path) -> Path:
    r = run("export", proj, "--format", "xliff", "--xliff-version", "1.2", "--lang", "ar",
            "--out", str(path))  # fmt: skip
    assert r.code == 0, r.err
    return path


def _rows(proj: str) -> dict[str, tuple[str, str, str]]:
    with Project.open(proj) as p:
        return {r.key: (r.target, r.status, r.note) for r in p.rows("ar")}


def _tt_id(unit) -> str:  # type: ignore[no-untyped-def]
    return unit.xmlelement.get("id")


def test_our_xliff12_as_translate_toolkit_reads_it(run, tmp_path):
    proj, sources = _project(run, tmp_path)
    data = _export12(run, proj, tmp_path / "p.xlf").read_bytes()
    store = xliff.xlifffile.parsestring(data)
    units = store.units
    assert [_tt_id(u) for u in units] == list(sources)  # ids, in order
    assert [u.source for u in units] == list(sources.values())
    assert sum(u.isfuzzy() for u in units) == 5  # only the drafts (issue: all 15 were)
    assert sum(u.istranslated() for u in units) == 10
    assert sum(not u.target for u in units) == 54
    states = [u.get_state_n() for u in units]
    assert states.count(StateEnum.NEEDS_REVIEW) == 5  # draft: needs-review-translation
    assert states.count(StateEnum.UNREVIEWED) == 5  # translated
    assert states.count(StateEnum.FINAL) == 3  # reviewed: signed-off
    assert states.count(StateEnum.FINAL + 1) == 2  # final
    assert [u.target.encode() for u in units[:15]] == [f"{AR} {i}".encode() for i in range(15)]
    assert [u.getnotes("translator") for u in units[:8]] == [
        "",
        "ملاحظة 1: check al-Obaidi/al-Obeidi",
        *[""] * 5,
        "ملاحظة 7: check al-Obaidi/al-Obeidi",
    ]
    # xliff2po: fuzzy, translated and empty entries, ids as locations, notes as comments
    pofile = po.pofile.parsestring(bytes(xliff2po().convertstore(data)))
    entries = [u for u in pofile.units if not u.isheader()]
    assert len(entries) == 69
    assert sum(u.isfuzzy() for u in entries) == 5
    assert sum(u.istranslated() for u in entries) == 10
    assert [u.getlocations() for u in entries] == [[k] for k in sources]
    assert entries[7].getnotes("translator") == "ملاحظة 7: check al-Obaidi/al-Obeidi"
    assert entries[0].target.encode() == f"{AR} 0".encode()


def test_edited_in_translate_toolkit_and_imported_back(run, tmp_path):
    proj, sources = _project(run, tmp_path)
    keys = list(sources)
    data = _export12(run, proj, tmp_path / "p.xlf").read_bytes()
    store = xliff.xlifffile.parsestring(data)
    units = {_tt_id(u): u for u in store.units}
    units[keys[20]].settarget("ترجمة جديدة من فيرتال")  # a new unit translated
    units[keys[0]].markfuzzy(False)  # a draft accepted: translated
    units[keys[6]].markfuzzy(True)  # a translated one sent back: fuzzy
    units[keys[11]].addnote("راجعه المحرر", origin="translator")
    back = tmp_path / "from-tt.xlf"
    back.write_bytes(bytes(store))
    r = run("import", str(back), "--project", proj, "--json")
    assert r.code == 0, r.err
    report = json.loads(r.out)
    assert sorted(report["applied"]["updated"]) == sorted([keys[20], keys[0], keys[6], keys[11]])
    assert report["unchanged"] == 65 and report["matched"] == []
    assert report["units_with_revision"] == 69  # translate-toolkit kept our revisions
    now = _rows(proj)
    assert now[keys[20]] == ("ترجمة جديدة من فيرتال", "translated", "")
    assert now[keys[0]][:2] == (f"{AR} 0", "translated")
    assert now[keys[6]][:2] == (f"{AR} 6", "draft")
    assert now[keys[11]] == (f"{AR} 11", "reviewed", "راجعه المحرر")
    assert now[keys[13]][1] == "final" and now[keys[7]][2].startswith("ملاحظة 7")
    # the stale check still works on translate-toolkit's file: import it once more after
    # the project moved on, and the moved segment is a conflict
    with Project.open(proj) as p:
        sid = next(r.segment_id for r in p.rows("ar") if r.key == keys[30])
        p.set_translation(sid, "ar", "من التطبيق", "translated")
    units[keys[30]].settarget("من الملف")
    back.write_bytes(bytes(store))
    report = json.loads(run("import", str(back), "--project", proj, "--json").out)
    assert [c["id"] for c in report["not_applied"]["conflicts"]] == [keys[30]]
    assert _rows(proj)[keys[30]][0] == "من التطبيق"


def _po_from_translator(sources: dict[str, str], with_locations: bool) -> po.pofile:
    """A PO file as a translator's gettext tool holds it: 4 translated, 2 fuzzy, 1 noted."""
    store = po.pofile()
    store.updateheader(add=True, Language="ar", Content_Type="text/plain; charset=UTF-8")
    for i, (key, source) in enumerate(sources.items()):
        unit = store.addsourceunit(source)
        if with_locations:
            unit.addlocation(key)
        if i < 6:
            unit.target = f"{AR} {i}"
            unit.markfuzzy(i in (2, 5))
        if i == 3:
            unit.addnote("مراجعة الاسم", origin="translator")
    return store


@pytest.mark.parametrize("with_locations", [False, True])
def test_po2xliff_output_comes_in_and_goes_back_to_po_unchanged(run, tmp_path, with_locations):
    proj, sources = _project(run, tmp_path)
    with Project.open(proj) as p:  # start from an untouched project
        for r in p.rows("ar"):
            p.set_translation(r.segment_id, "ar", "", "new", note="")
    pofile = _po_from_translator(sources, with_locations)
    pofile.filename = "al-qaem.ar.po"
    converted = po2xliff().convertstore(pofile)
    assert b'version="1.1"' in converted  # translate-toolkit writes XLIFF 1.1
    xlf = tmp_path / "al-qaem.ar.xlf"
    xlf.write_bytes(converted)
    r = run("import", str(xlf), "--project", proj)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "applied: 6 updated, 63 unchanged" in lines[0]
    how = "by the location they name" if with_locations else "by source text"
    assert f"matched: 69 units whose ids the project does not have (69 {how})" in lines[2]
    now = _rows(proj)
    keys = list(sources)
    assert [now[k][1] for k in keys[:7]] == [
        "translated",
        "translated",
        "draft",  # fuzzy comes in as a draft
        "translated",
        "translated",
        "draft",
        "new",
    ]
    assert [now[k][0].encode() for k in keys[:6]] == [f"{AR} {i}".encode() for i in range(6)]
    assert now[keys[3]][2] == "مراجعة الاسم"

    # and back: our 1.2 export, read by translate-toolkit, gives the translator's PO again
    out = _export12(run, proj, tmp_path / "back.xlf")
    assert_valid_xliff(out)
    again = po.pofile.parsestring(bytes(xliff2po().convertstore(out.read_bytes())))
    entries = [u for u in again.units if not u.isheader()]
    original = [u for u in pofile.units if not u.isheader()]
    assert len(entries) == len(original) == 69
    assert [(u.source, u.target, u.isfuzzy()) for u in entries] == [
        (u.source, u.target, u.isfuzzy()) for u in original
    ]
    assert [u.getnotes("translator") for u in entries] == [
        u.getnotes("translator") for u in original
    ]
    assert [u.getlocations() for u in entries] == [[k] for k in keys]  # our ids, both ways
