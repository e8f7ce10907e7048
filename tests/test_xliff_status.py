"""XLIFF 1.2 statuses as 1.2 tools read them, XLIFF 1.1 (po2xliff) import, ids matched by text.

Issue 13: 1.2 exports wrote no ``approved="yes"`` (translate-toolkit read every unit as
fuzzy); po2xliff's 1.1 was refused; relabelled units were all "unknown ids"; a target with
``state="needs-translation"`` came in as "new with a target".
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import TEXTS
from workbench.core.unit_match import match_units
from workbench.core.units import ExchangeSegment
from workbench.formats.xliff import NS12, read_xliff, segments_to_xliff, status12
from workbench.store.project import Project

EN = str(TEXTS / "al-qaem.en.md")
T = f"{{{NS12}}}"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))


def _project(run, tmp_path: Path) -> str:
    proj = str(tmp_path / "proj")
    assert run("project", "init", proj).code == 0
    assert run("project", "add", proj, EN).code == 0
    return proj


def _rows(proj: str) -> dict[str, tuple[str, str, str]]:
    with Project.open(proj) as p:
        return {r.key: (r.target, r.status, r.note) for r in p.rows("ar")}


FIVE = [
    ExchangeSegment("d:p1:s1", "New one.", "", "new", "", "d"),
    ExchangeSegment("d:p1:s2", "Draft one.", "مسودة", "draft", "MT, check names", "d"),
    ExchangeSegment("d:p1:s3", "Translated one.", "مترجم", "translated", "", "d"),
    ExchangeSegment("d:p1:s4", "Reviewed one.", "مراجع", "reviewed", "", "d"),
    ExchangeSegment("d:p1:s5", "Final one.", "نهائي", "final", "", "d"),
]


def test_xliff12_marks_confirmed_units_approved_with_a_state_from_the_12_list():
    root = ET.fromstring(segments_to_xliff(FIVE, "en", "ar", "1.2"))
    got = {}
    for tu in root.iter(T + "trans-unit"):
        target = tu.find(T + "target")
        got[tu.get("id")] = (tu.get("approved"), None if target is None else target.get("state"))
    assert got == {
        "d:p1:s1": (None, None),  # no target element at all
        "d:p1:s2": (None, "needs-review-translation"),
        "d:p1:s3": ("yes", "translated"),
        "d:p1:s4": ("yes", "signed-off"),
        "d:p1:s5": ("yes", "final"),
    }
    note = root.find(f".//{T}note")
    assert (note.get("from"), note.text) == ("translator", "MT, check names")
    where = root.find(f".//{T}context-group[@purpose='location']/{T}context")
    assert (where.get("context-type"), where.text) == ("sourcefile", "d:p1:s1")
    back = read_xliff(segments_to_xliff(FIVE, "en", "ar", "1.2").encode(), "x.xlf")
    assert [s.status for s in back.segments] == [s.status for s in FIVE]
    assert back.locations["d:p1:s3"] == "d:p1:s3"


@pytest.mark.parametrize(
    ("target", "approved", "expected"),
    [
        ('<target state="needs-translation">ن</target>', None, "draft"),  # po2xliff fuzzy
        ('<target state="needs-translation">ن</target>', "no", "draft"),
        ('<target state="new">ن</target>', None, "draft"),
        ('<target state="needs-review-translation">ن</target>', None, "draft"),
        ('<target state="needs-l10n">ن</target>', None, "draft"),
        ('<target state-qualifier="fuzzy-match">ن</target>', None, "draft"),
        ('<target state-qualifier="mt-suggestion">ن</target>', None, "draft"),
        ('<target state="x-fuzzy">ن</target>', None, "draft"),
        ("<target>ن</target>", "no", "draft"),  # translate-toolkit's fuzzy
        ("<target>ن</target>", None, "translated"),
        ("<target>ن</target>", "yes", "translated"),
        ('<target state="translated">ن</target>', None, "translated"),  # OmegaT, Okapi
        ('<target state="translated">ن</target>', "yes", "translated"),
        ('<target state="needs-translation">ن</target>', "yes", "translated"),
        ('<target state="signed-off">ن</target>', "yes", "reviewed"),
        ('<target state="final">ن</target>', None, "final"),
        ('<target state="needs-translation"></target>', None, "new"),
        ("<target/>", "no", "new"),
        ("", None, "new"),
    ],
)
def test_12_and_11_targets_read_as_1x_tools_write_them(target, approved, expected):
    attr = f' approved="{approved}"' if approved else ""
    for ns in ("1.2", "1.1"):
        data = (
            f'<xliff xmlns="urn:oasis:names:tc:xliff:document:{ns}" version="{ns}">'
            '<file original="a" source-language="en-US" target-language="ar" datatype="po">'
            f'<body><trans-unit id="1"{attr}><source>s</source>{target}</trans-unit>'
            "</body></file></xliff>"
        ).encode()
        assert read_xliff(data, "x.xlf").segments[0].status == expected, ns
    el = ET.fromstring(target) if target else None
    assert status12(el, (el.text or "") if el is not None else "", approved) == expected


def _po2xliff_style(project_rows, picks) -> str:
    """A translated XLIFF 1.1 as translate-toolkit's po2xliff writes it: other ids, a header."""
    units = [
        '<trans-unit xml:space="preserve" id="1" approved="no" restype="x-gettext-domain-header">'
        "<source>Content-Type: text/plain; charset=UTF-8\n</source>"
        '<target state="translated">Content-Type: text/plain; charset=UTF-8\n</target>'
        "</trans-unit>"
    ]
    for n, (key, target, fuzzy, note) in enumerate(picks, start=2):
        source = project_rows[key]
        approved = "no" if fuzzy else "yes"
        state = "needs-translation" if fuzzy else "translated"
        extra = (
            '<context-group name="po-entry" purpose="information">'
            f'<context context-type="x-po-trancomment">{note}</context></context-group>'
            f'<note from="po-translator">{note}</note>'
            if note
            else ""
        )
        units.append(
            f'<trans-unit xml:space="preserve" id="{n}" approved="{approved}">'
            f'<source>{source}</source><target state="{state}">{target}</target>{extra}'
            "</trans-unit>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">'
        '<file original="al-qaem.po" source-language="en-US" datatype="plaintext" '
        f'target-language="ar"><body>{"".join(units)}</body></file></xliff>'
    )


def test_po2xliff_11_file_with_other_ids_comes_in_matched_by_source_text(run, tmp_path):
    proj = _project(run, tmp_path)
    with Project.open(proj) as p:
        sources = {r.key: r.source.replace("&", "&amp;") for r in p.rows("ar")}
    picks = [
        ("al-qaem:p1:s1", "موطن البغدادي الجديد", False, "headline"),
        ("al-qaem:p2:s1", "مع فقدان داعش السيطرة", True, ""),
        ("al-qaem:p3:s1", "لافتة تعلن وجود الدولة الإسلامية.", False, ""),
    ]
    xlf = tmp_path / "al-qaem.ar.xlf"
    xlf.write_text(_po2xliff_style(sources, picks), encoding="utf-8")
    r = run("import", str(xlf), "--project", proj)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "applied: 3 updated, 0 unchanged" in lines[0]
    assert "not applied: nothing" in lines[1]
    assert "matched: 3 units whose ids the project does not have (3 by source text)" in lines[2]
    now = _rows(proj)
    assert now["al-qaem:p1:s1"] == ("موطن البغدادي الجديد", "translated", "headline")
    assert now["al-qaem:p2:s1"] == ("مع فقدان داعش السيطرة", "draft", "")  # fuzzy: a draft
    assert now["al-qaem:p3:s1"][:2] == ("لافتة تعلن وجود الدولة الإسلامية.", "translated")
    assert sum(1 for t, s, _ in now.values() if s == "new") == 66

    data = json.loads(run("import", str(xlf), "--project", proj, "--json").out)
    assert data["unchanged"] == 3 and data["applied"]["updated"] == []
    assert data["matched"] == [
        {"file_id": "2", "id": "al-qaem:p1:s1", "by": "source"},
        {"file_id": "3", "id": "al-qaem:p2:s1", "by": "source"},
        {"file_id": "4", "id": "al-qaem:p3:s1", "by": "source"},
    ]


def test_a_unit_matching_no_id_and_no_source_stays_unknown(run, tmp_path):
    proj = _project(run, tmp_path)
    text = _po2xliff_style({"x": "A sentence the story does not have."}, [("x", "جملة", False, "")])
    xlf = tmp_path / "other.xlf"
    xlf.write_text(text, encoding="utf-8")
    r = run("import", str(xlf), "--project", proj)
    assert r.code == 0
    assert "not applied: 1 unknown ids (matched by neither id nor source text)" in r.out
    assert "matched:" not in r.out
    assert all(s == "new" for _, s, _ in _rows(proj).values())


def test_needs_translation_target_comes_in_as_a_draft_not_new(run, tmp_path):
    proj = _project(run, tmp_path)
    out = tmp_path / "p.xlf"
    assert run("export", proj, "--format", "xliff", "--xliff-version", "1.2", "--lang", "ar",
               "--out", str(out)).code == 0  # fmt: skip
    text = out.read_text(encoding="utf-8")
    old = '<trans-unit id="al-qaem:p2:s2">\n        <source>Could this be Iraq’s new extremist capital?</source>'
    assert old in text
    text = text.replace(old, old + '<target state="needs-translation">هل هذه عاصمة؟</target>')
    out.write_text(text, encoding="utf-8")
    r = run("import", str(out), "--project", proj)
    assert "applied: 1 updated, 68 unchanged" in r.out
    assert _rows(proj)["al-qaem:p2:s2"] == ("هل هذه عاصمة؟", "draft", "")


def test_a_file_without_target_language_needs_lang(run, tmp_path):
    proj = _project(run, tmp_path)
    with Project.open(proj) as p:
        sources = {r.key: r.source.replace("&", "&amp;") for r in p.rows("ar")}
    text = _po2xliff_style(sources, [("al-qaem:p1:s1", "موطن", False, "")])
    xlf = tmp_path / "nolang.xlf"
    xlf.write_text(text.replace(' target-language="ar"', ""), encoding="utf-8")
    r = run("import", str(xlf), "--project", proj)
    assert r.code == 1 and "names no target language; give it with --lang" in r.err
    assert run("import", str(xlf), "--project", proj, "--lang", "ckb").code == 0
    with Project.open(proj) as p:
        assert next(r for r in p.rows("ckb") if r.key == "al-qaem:p1:s1").target == "موطن"


def test_the_lang_option_must_agree_with_the_file(run, tmp_path):
    proj = _project(run, tmp_path)
    out = tmp_path / "p.xlf"
    run("export", proj, "--format", "xliff", "--lang", "ar", "--out", str(out))
    r = run("import", str(out), "--project", proj, "--lang", "ckb")
    assert r.code == 1 and "target language is ar, not ckb" in r.err


def test_repeated_sources_are_told_apart_by_their_neighbours():
    segments = [
        ("d:p1:s1", "Intro."),
        ("d:p1:s2", "Stay calm."),
        ("d:p2:s1", "Middle."),
        ("d:p2:s2", "Stay calm."),
        ("d:p3:s1", "End."),
    ]
    # the file has only the second repetition, with its neighbours, under other ids
    units = [("7", "Middle."), ("8", "Stay  calm."), ("9", "End.")]
    found = match_units(units, segments)
    assert {k: (m.id, m.by) for k, m in found.items()} == {
        "7": ("d:p2:s1", "source"),
        "8": ("d:p2:s2", "source+context"),
        "9": ("d:p3:s1", "source"),
    }
    # a location naming a project id wins; a known id is left as it is
    found = match_units([("d:p1:s1", "Intro."), ("x", "Stay calm.")], segments, {"x": "d:p2:s2"})
    assert {k: (m.id, m.by) for k, m in found.items()} == {"x": ("d:p2:s2", "location")}
