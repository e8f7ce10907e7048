"""Every XLIFF workbench writes is valid against the official schemas (lxml, ../shared/schemas).

XLIFF 2.1: the core XSD with the metadata module, and the core constraints no XSD can
express (unique ids, subState only with state). XLIFF 1.2: the strict XSD. The schemas
are required in CI (WORKBENCH_REQUIRE_SCHEMAS=1); elsewhere these tests skip, listed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import workbench.formats.xliff as xliff
from tests.conftest import ROOT, TEXTS
from tests.format_base import EMPTY, RICH
from tests.helpers.xliff_schema import (
    WRITER_MODULES,
    assert_valid_xliff,
    core_constraint_errors,
    require_schemas,
    validation_errors,
)
from workbench.core.units import ExchangeSegment
from workbench.store.project import Project

EN = str(TEXTS / "al-qaem.en.md")
STATUSES = ["new", "draft", "translated", "reviewed", "final"]


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))


def _every_status_project(run, tmp_path: Path) -> str:
    proj = str(tmp_path / "proj")
    assert run("project", "init", proj).code == 0
    assert run("project", "add", proj, EN).code == 0
    assert run("project", "add", proj, str(TEXTS / "al-qaim-stronghold.en.md")).code == 0
    with Project.open(proj) as p:
        rows = p.rows("ar")
        for i, status in enumerate(STATUSES[1:] * 3):
            note = 'names: "al-Obaidi" & <al-Obeidi>' if i % 2 else ""
            p.set_translation(rows[i].segment_id, "ar", f"ترجمة {i} ‏«نص»", status, note=note)
    return proj


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_project_exports_in_every_status_are_valid(run, tmp_path, version):
    require_schemas()
    proj = _every_status_project(run, tmp_path)
    out = tmp_path / f"p.{version}.xlf"
    r = run("export", proj, "--format", "xliff", "--xliff-version", version, "--lang", "ar",
            "--out", str(out))  # fmt: skip
    assert r.code == 0, r.err
    text = out.read_text(encoding="utf-8")
    assert text.count("<file ") == 2  # two documents, two files
    assert_valid_xliff(out)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_format_writer_output_is_valid(version):
    segs = [*RICH, EMPTY, ExchangeSegment("d:p4:s1", "Kurmanji", "Kurmancî", "final", "", "d")]
    assert_valid_xliff(xliff.segments_to_xliff(segs, "en", "ckb", version, {"d:p1:s1": "ab12"}))


def test_the_schemas_do_catch_broken_files():
    require_schemas()
    good = xliff.segments_to_xliff(RICH, "en", "ar", "2.1")
    assert validation_errors(good) == []
    assert validation_errors(good.replace('state="final"', 'state="done"', 1))
    old = xliff.segments_to_xliff(RICH, "en", "ar", "1.2")
    assert validation_errors(old) == []
    assert validation_errors(old.replace('approved="yes"', 'approved="true"', 1))
    assert validation_errors(old.replace('context-type="sourcefile"', 'context-type="file"', 1))


def _doc(body: str):
    return etree.fromstring(
        f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" '
        f'trgLang="ar">{body}</xliff>'.encode()
    )


def test_core_constraints_the_xsd_cannot_express():
    ok = _doc(
        '<file id="f1"><unit id="u1"><segment id="s1" state="initial" subState="wb:draft">'
        "<source>a</source></segment></unit></file>"
    )
    assert core_constraint_errors(ok) == []
    twice = _doc(
        '<file id="f1"><unit id="u1"><segment><source>a</source></segment></unit>'
        '<unit id="u1"><segment><source>b</source></segment></unit></file>'
        '<file id="f1"><unit id="u2"><segment><source>c</source></segment></unit></file>'
    )
    assert core_constraint_errors(twice) == [
        "file id 'f1' not unique",
        "file f1: group/unit id 'u1' not unique",
    ]
    segs = _doc(
        '<file id="f"><unit id="u"><segment id="s1"><source>a</source></segment>'
        '<ignorable id="s1"><source> </source></ignorable>'
        '<segment subState="wb:draft"><source>b</source></segment></unit></file>'
    )
    assert core_constraint_errors(segs) == [
        "unit u: segment id 's1' not unique",
        "unit u: subState 'wb:draft' without state",
    ]
    # and the XSD alone lets both through: that is why this check exists
    require_schemas()
    from tests.helpers.xliff_schema import schema

    assert schema("2").validate(twice) and schema("2").validate(segs)


def test_our_exports_meet_the_core_constraints(run, tmp_path):
    proj = _every_status_project(run, tmp_path)
    text = run("export", proj, "--format", "xliff", "--lang", "ar").out
    doc = etree.fromstring(text.encode())
    assert core_constraint_errors(doc) == []
    units = re.findall(r'<unit id="([^"]+)"', text)
    assert len(units) == len(set(units)) > 69


def test_every_xliff_writer_is_checked_by_the_plugin(run, tmp_path):
    """The conftest plugin wraps segments_to_xliff wherever workbench imports it."""
    require_schemas()
    users = set()
    for path in (ROOT / "workbench").rglob("*.py"):
        if re.search(r"\bsegments_to_xliff\b", path.read_text(encoding="utf-8")):
            rel = path.relative_to(ROOT).with_suffix("")
            users.add(".".join(rel.parts))
    assert users == set(WRITER_MODULES)
    import workbench.services.exchange as exchange

    assert hasattr(exchange.segments_to_xliff, "__wrapped__")
    assert hasattr(xliff.segments_to_xliff, "__wrapped__")
