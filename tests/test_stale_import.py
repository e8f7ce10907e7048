"""An older XLIFF never overwrites newer work; an empty target never replaces a translation.

Every export carries the revision of each target; an import lists the segments the project
changed since the export as conflicts and applies them only with --force. The exports stay
valid against the official XLIFF 2.1 (core + metadata module) and 1.2 schemas.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEXTS
from workbench.store.project import Project

EN = str(TEXTS / "al-qaem.en.md")
SCHEMAS = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "schemas"
P2S1 = "al-qaem:p2:s1"
FIXED = "يرفع مقاتلو داعش علماً في القائم."


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)


def _project(run, tmp_path: Path) -> str:
    proj = str(tmp_path / "proj")
    assert run("project", "init", proj).code == 0
    assert run("project", "add", proj, EN).code == 0
    return proj


def _export(run, proj: str, path: Path, version: str = "2.1") -> Path:
    r = run(
        "export", proj, "--format", "xliff", "--xliff-version", version, "--lang", "ar",
        "--out", str(path),
    )  # fmt: skip
    assert r.code == 0, r.err
    return path


def _set_unit(path: Path, unit_id: str, target: str, state: str, version: str = "2.1") -> None:
    """Give one unit of an exported file a target and a state, as a CAT tool would."""
    text = path.read_text(encoding="utf-8")
    if version == "2.1":
        pat = re.compile(
            rf'(<unit id="{re.escape(unit_id)}">.*?<segment id="s1") state="[^"]*"'
            r'( subState="[^"]*")?(>\s*<source>.*?</source>)(\s*<target>.*?</target>)?',
            re.S,
        )
        new = rf'\1 state="{state}"\3<target>{target}</target>'
    else:
        pat = re.compile(
            rf'(<trans-unit id="{re.escape(unit_id)}">\s*<source>.*?</source>)'
            r"(\s*<target[^>]*>.*?</target>|\s*<target[^>]*/>)?",
            re.S,
        )
        new = rf'\1<target state="{state}">{target}</target>'
    text, n = pat.subn(new, text, count=1)
    assert n == 1
    path.write_text(text, encoding="utf-8")


def _state(proj: str, key: str) -> tuple[str, str, int]:
    """(target, status, history rows) of a segment's ar translation."""
    with Project.open(proj) as p:
        row = next(r for r in p.rows("ar") if r.key == key)
        return row.target, row.status, len(p.history(row.segment_id, "ar"))


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_an_older_export_does_not_overwrite_a_newer_fix(run, tmp_path, version):
    from workbench.store.project import Provenance

    proj = _project(run, tmp_path)
    with Project.open(proj) as p:  # a machine draft of p2:s1
        sid = next(r.segment_id for r in p.rows("ar") if r.key == P2S1)
        p.set_translation(sid, "ar", "مسودة الآلة", "draft", Provenance("machine", "ct2", "m"))
    old = _export(run, proj, tmp_path / "old.xlf", version)
    fixed = tmp_path / "fixed.xlf"
    shutil.copy(old, fixed)
    _set_unit(fixed, P2S1, FIXED, "translated", version)  # the translator fixes it in the file
    r = run("import", str(fixed), "--project", proj)
    assert r.code == 0 and "applied: 1 updated, 68 unchanged" in r.out
    assert _state(proj, P2S1) == (FIXED, "translated", 2)

    # now the older export: its p2:s1 is older than the project's
    r = run("import", str(old), "--project", proj)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "applied: 0 updated, 68 unchanged" in lines[0]
    assert "not applied: 1 conflict (changed in the project since the export" in lines[1]
    assert lines[2].startswith(f"  conflict {P2S1}: ")
    assert "(project translated, file draft; the file holds the old target)" in lines[2]
    assert _state(proj, P2S1) == (FIXED, "translated", 2)  # nothing written, no history

    data = json.loads(run("import", str(old), "--project", proj, "--json").out)
    assert data["applied"] == {"updated": [], "forced": []} and data["unchanged"] == 68
    assert data["not_applied"]["conflicts"] == [
        {
            "id": P2S1,
            "project_status": "translated",
            "file_status": "draft",
            "edited_in_file": False,
        }
    ]
    assert _state(proj, P2S1) == (FIXED, "translated", 2)

    r = run("import", str(old), "--project", proj, "--force")
    assert "applied: 1 updated (1 forced over newer project work)" in r.out
    assert _state(proj, P2S1) == ("مسودة الآلة", "draft", 3)


def test_only_segments_the_project_changed_are_held_back(run, tmp_path):
    proj = _project(run, tmp_path)
    with Project.open(proj) as p:
        rows = {r.key: r for r in p.rows("ar")}
        p.set_translation(rows["al-qaem:p3:s1"].segment_id, "ar", "مسودة", "draft")
    xlf = _export(run, proj, tmp_path / "p.xlf")
    with Project.open(proj) as p:
        for key in ("al-qaem:p3:s1", "al-qaem:p4:s1", "al-qaem:p5:s1"):  # changed in the app
            p.set_translation(rows[key].segment_id, "ar", "من التطبيق", "translated")
    _set_unit(xlf, "al-qaem:p1:s1", "موطن البغدادي الجديد", "translated")  # only in the file
    _set_unit(xlf, "al-qaem:p4:s1", "من الملف", "reviewed")  # in both
    data = json.loads(run("import", str(xlf), "--project", proj, "--json").out)
    assert data["applied"]["updated"] == ["al-qaem:p1:s1"]
    conflicts = {c["id"]: c["edited_in_file"] for c in data["not_applied"]["conflicts"]}
    assert conflicts == {"al-qaem:p3:s1": False, "al-qaem:p4:s1": True}
    assert data["not_applied"]["empty_target"] == ["al-qaem:p5:s1"]  # empty in the file
    assert _state(proj, "al-qaem:p1:s1")[:2] == ("موطن البغدادي الجديد", "translated")
    assert _state(proj, "al-qaem:p3:s1")[:2] == ("من التطبيق", "translated")
    assert _state(proj, "al-qaem:p4:s1")[:2] == ("من التطبيق", "translated")


def _translate_twenty(proj: str) -> dict[str, str]:
    with Project.open(proj) as p:
        done = {}
        for r in p.rows("ar")[:20]:
            p.set_translation(r.segment_id, "ar", f"ترجمة {r.para}-{r.sent}", "translated")
            done[r.key] = f"ترجمة {r.para}-{r.sent}"
    return done


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_an_export_taken_before_any_translation_blanks_nothing(run, tmp_path, version):
    proj = _project(run, tmp_path)
    early = _export(run, proj, tmp_path / "early.xlf", version)
    done = _translate_twenty(proj)
    r = run("import", str(early), "--project", proj)
    assert r.code == 0 and "applied: 0 updated" in r.out
    with Project.open(proj) as p:
        now = {r.key: (r.target, r.status) for r in p.rows("ar")}
    assert {k: now[k] for k in done} == {k: (t, "translated") for k, t in done.items()}


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_an_empty_target_never_replaces_a_translation_even_without_revisions(
    run, tmp_path, version
):
    proj = _project(run, tmp_path)
    early = _export(run, proj, tmp_path / "early.xlf", version)
    text = early.read_text(encoding="utf-8")  # as from a tool that drops unknown metadata
    text = re.sub(r"\s*<mda:metadata>.*?</mda:metadata>", "", text, flags=re.S)
    text = re.sub(r"\s*<context-group .*?</context-group>", "", text, flags=re.S)
    assert "revision" not in text
    early.write_text(text, encoding="utf-8")
    done = _translate_twenty(proj)
    for extra in ([], ["--force"]):
        r = run("import", str(early), "--project", proj, *extra)
        assert r.code == 0
        assert "applied: 0 updated, 49 unchanged" in r.out
        assert "not applied: 20 empty targets (the project's translation kept)" in r.out
    with Project.open(proj) as p:
        now = {r.key: r.target for r in p.rows("ar")}
    assert {k: now[k] for k in done} == done


# --- the exports stay valid XLIFF -----------------------------------------------------


def _schema(tmp_path: Path, version: str, flavour: str = "strict"):
    etree = pytest.importorskip("lxml.etree")
    if not SCHEMAS.is_dir():
        pytest.fail(f"{SCHEMAS}: the official schemas are missing")
    if version == "1.2":
        return etree.XMLSchema(
            etree.parse(str(SCHEMAS / f"xliff-1.2/xliff-core-1.2-{flavour}.xsd"))
        )
    core = (SCHEMAS / "xliff-2.1/xliff_core_2.0.xsd").as_uri()
    mda = (SCHEMAS / "xliff-2.1/metadata.xsd").as_uri()
    both = tmp_path / "xliff21-with-metadata.xsd"
    both.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="urn:oasis:names:tc:xliff:document:2.0" schemaLocation="{core}"/>'
        f'<xs:import namespace="urn:oasis:names:tc:xliff:metadata:2.0" schemaLocation="{mda}"/>'
        "</xs:schema>",
        encoding="utf-8",
    )
    return etree.XMLSchema(etree.parse(str(both)))


@pytest.mark.parametrize(
    ("version", "flavour"), [("2.1", "core+metadata"), ("1.2", "strict"), ("1.2", "transitional")]
)
def test_exports_with_revisions_are_valid_xliff(run, tmp_path, version, flavour):
    from lxml import etree

    proj = _project(run, tmp_path)
    with Project.open(proj) as p:
        rows = p.rows("ar")
        p.set_translation(rows[0].segment_id, "ar", "موطن", "reviewed", note="checked")
        p.set_translation(rows[1].segment_id, "ar", "مسودة", "draft")
    xlf = _export(run, proj, tmp_path / "p.xlf", version)
    text = xlf.read_text(encoding="utf-8")
    assert text.count("revision") >= 69
    schema = _schema(tmp_path, version, flavour)
    doc = etree.parse(str(xlf))
    assert schema.validate(doc), schema.error_log
    if version == "2.1":  # the module's elements are checked, not skipped: a bad one fails
        bad = text.replace('<mda:meta type="revision">', '<mda:meta kind="revision">', 1)
        assert not schema.validate(etree.fromstring(bad.encode()))
