"""House style: preferred, admitted and deprecated forms per language, from TSV to TBX to QA."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.glossary import Entry, Glossary
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_guard import protect, restore
from workbench.core.names.name_index import NameIndex
from workbench.core.qa import check_segment
from workbench.core.units import Unit
from workbench.formats.glossary_tsv import dump_glossary_tsv, load_glossary, parse_glossary_tsv
from workbench.formats.tbx import glossary_to_tbx, parse_tbx
from workbench.store.tm import TranslationMemory

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossaries" / "names.tsv"
HEADER = "id\ttype\ten\ten_variants\tar\tar_variants\tckb\tckb_variants\tkmr\tnote\n"
ROW = "anah\tplace\tAnah\t'Anah | !Aana\tعانة\t!عانه | العانة\tعانە\t!عانه\t\tTown on the Euphrates.\n"


@pytest.fixture(scope="module")
def house() -> Glossary:
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="module")
def finder(house) -> NameFinder:
    return NameFinder(NameIndex(house))


def _codes(ws, prefix="name"):
    return [(w.code, w.detail) for w in ws if w.code.startswith(prefix)]


# --- the TSV -------------------------------------------------------------------------------


def test_marks_say_which_variants_are_deprecated_per_language():
    g = parse_glossary_tsv(HEADER + ROW)
    e = g.get("anah")
    assert e.ar_variants == ("عانه", "العانة")  # the mark is not part of the form
    assert e.status("ar", "عانة") == "preferred"
    assert e.status("ar", "عانه") == "deprecated"
    assert e.status("ar", "العانة") == "admitted"
    assert e.status("ckb", "عانه") == "deprecated" and e.status("en", "Aana") == "deprecated"
    assert e.status("en", "'Anah") == "admitted" and e.status("ar", "Anah") == ""
    assert not g.flag_admitted


def test_an_old_tsv_loads_with_every_variant_admitted(house):
    old = HEADER + ROW.replace("!", "")
    e = parse_glossary_tsv(old).get("anah")
    assert e.deprecated == () and e.status("ar", "عانه") == "admitted"
    assert dump_glossary_tsv(parse_glossary_tsv(old)) == old  # written back unchanged


def test_tsv_round_trip_keeps_marks_and_the_house_setting():
    text = "# house-style: flag-admitted\n" + HEADER + ROW
    g = parse_glossary_tsv(text)
    assert g.flag_admitted
    again = parse_glossary_tsv(dump_glossary_tsv(g))
    assert again.flag_admitted and list(again) == list(g)
    assert dump_glossary_tsv(again) == text


def test_an_unknown_house_style_option_is_one_line_naming_the_line(tmp_path, run):
    bad = tmp_path / "g.tsv"
    bad.write_text("# house-style: flag-everything\n" + HEADER + ROW, encoding="utf-8")
    r = run("glossary", "--glossary", str(bad), "lookup", "Anah")
    assert r.code == 1
    assert r.err.count("\n") == 1 and "workbench: error:" in r.err
    assert "g.tsv:1:" in r.err and "flag-everything" in r.err and "flag-admitted" in r.err


def test_the_bundled_glossary_marks_its_wrong_variants(house):
    assert house.get("anah").status("ar", "عانه") == "deprecated"  # the note says: write عانة
    assert house.get("islamic-state").status("ar", "تنظيم الدولة الإسلامية") == "deprecated"
    assert house.get("abu-bakr-al-baghdadi").status("ar", "البغدادي") == "admitted"
    assert house.get("albu-kamal").status("ar", "أبو كمال") == "admitted"


# --- TBX administrativeStatus --------------------------------------------------------------


def test_tbx_writes_and_reads_the_three_statuses():
    g = parse_glossary_tsv(HEADER + ROW)
    tbx = glossary_to_tbx(g)
    assert tbx.count("preferredTerm-admn-sts") == 3  # en, ar, ckb
    assert tbx.count("deprecatedTerm-admn-sts") == 3  # Aana, عانه (ar), عانه (ckb)
    assert tbx.count("admittedTerm-admn-sts") == 2  # 'Anah, العانة
    back = parse_tbx(tbx.encode("utf-8"))
    assert list(back) == list(g)
    assert back.get("anah").deprecated == g.get("anah").deprecated


def test_tbx_from_other_tools_superseded_and_v2_normative_authorization():
    v2 = """<?xml version="1.0"?>
<martif type="TBX"><text><body>
<termEntry id="anah">
 <langSet xml:lang="en"><tig><term>Anah</term></tig></langSet>
 <langSet xml:lang="ar-IQ">
  <tig><term>عانه</term><termNote type="normativeAuthorization">deprecatedTerm</termNote></tig>
  <tig><term>عانة</term><termNote type="normativeAuthorization">preferredTerm</termNote></tig>
  <tig><term>العانة</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
  </tig>
 </langSet>
 <langSet xml:lang="ckb"><tig><term>عانە</term>
  <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>"""
    e = parse_tbx(v2.encode("utf-8")).get("anah")
    assert e.ar == "عانة" and e.ar_variants == ("عانه", "العانة")
    assert e.status("ar", "عانه") == e.status("ar", "العانة") == "deprecated"
    # a language with only a deprecated term has no preferred form to write
    assert e.ckb == "" and e.status("ckb", "عانە") == "deprecated"


def test_export_then_import_through_the_cli_keeps_deprecated_marks(tmp_path, run):
    tbx = tmp_path / "names.tbx"
    assert run("glossary", "--glossary", str(GLOSSARY), "export", "--out", str(tbx)).code == 0
    into = tmp_path / "copy.tsv"
    r = run("glossary", "--glossary", str(into), "import", str(tbx))
    assert r.code == 0, r.err
    copy = load_glossary(into)
    assert [e.deprecated for e in copy] == [e.deprecated for e in load_glossary(GLOSSARY)]
    assert "!عانه" in into.read_text(encoding="utf-8")


def test_import_replace_keeps_the_house_setting_once(tmp_path, run):
    tsv = tmp_path / "g.tsv"
    tsv.write_text("# my notes\n# house-style: flag-admitted\n" + HEADER + ROW, encoding="utf-8")
    tbx = tmp_path / "g.tbx"
    tbx.write_text(glossary_to_tbx(parse_glossary_tsv(HEADER + ROW)), encoding="utf-8")
    assert run("glossary", "--glossary", str(tsv), "import", "--replace", str(tbx)).code == 0
    text = tsv.read_text(encoding="utf-8")
    assert text.count("house-style") == 1 and text.startswith("# my notes\n")
    assert load_glossary(tsv).flag_admitted


# --- QA ------------------------------------------------------------------------------------


def test_qa_flags_a_deprecated_form_with_the_preferred_one(finder):
    ws = check_segment("They reached Anah.", "وصلوا إلى عانه.", "en", "ar", finder)
    assert _codes(ws) == [("name-deprecated", "عانة")]
    assert "عانه" in ws[0].message and "عانة" in ws[0].message


def test_qa_leaves_an_admitted_variant_alone(finder):
    ws = check_segment("Al-Baghdadi spoke.", "تحدث البغدادي.", "en", "ar", finder)
    assert _codes(ws) == []


def test_qa_flags_admitted_variants_when_the_house_wants(tmp_path, house):
    strict = tmp_path / "strict.tsv"
    strict.write_text(
        "# house-style: flag-admitted\n" + GLOSSARY.read_text(encoding="utf-8"), encoding="utf-8"
    )
    finder = NameFinder(NameIndex(load_glossary(strict)))
    ws = check_segment("Al-Baghdadi spoke.", "تحدث البغدادي.", "en", "ar", finder)
    assert _codes(ws) == [("name-form", "أبو بكر البغدادي")]
    # and a caller may ask for it either way
    relaxed = check_segment("Al-Baghdadi spoke.", "تحدث البغدادي.", "en", "ar", finder,
                            flag_admitted=False)  # fmt: skip
    assert _codes(relaxed) == []


def test_qa_a_mistyped_deprecated_form_points_to_the_preferred_one():
    row = "tal-afar\tplace\tTal Afar\t\tتلعفر\t!تل أعفر\t\t\t\t\n"
    finder = NameFinder(NameIndex(parse_glossary_tsv(HEADER + row)))
    src = "They reached Tal Afar."
    typo = check_segment(src, "وصلوا إلى تل اعفر.", "en", "ar", finder)
    assert _codes(typo) == [("name-misspelled", "تلعفر")]  # not the deprecated تل أعفر
    wrong = check_segment(src, "وصلوا إلى تل أعفر.", "en", "ar", finder)
    assert _codes(wrong) == [("name-deprecated", "تلعفر")]


def test_glossary_check_reports_deprecated_forms(tmp_path, run):
    f = tmp_path / "a.txt"
    f.write_text("سيطر تنظيم الدولة الإسلامية على عانة.\n\nثم غادر داعش عانه.\n", encoding="utf-8")
    r = run("glossary", "--glossary", str(GLOSSARY), "check", "--lang", "ar", "--json", str(f))
    out = json.loads(r.out)
    got = sorted((d["id"], d["spelling"], d["right"], d["where"][0]) for d in out["deprecated"])
    assert got == [
        ("anah", "عانه", "عانة", f"{f}:p2"),
        ("islamic-state", "تنظيم الدولة الإسلامية", "داعش", f"{f}:p1"),
    ]
    text = run("glossary", "--glossary", str(GLOSSARY), "check", "--lang", "ar", str(f))
    assert "Deprecated by the house style" in text.out and "is deprecated: write عانة" in text.out
    assert run("glossary", "--glossary", str(GLOSSARY), "check", "--strict", str(f)).code == 3


# --- what MT restoration and TM leverage write -----------------------------------------


def test_mt_restoration_writes_the_preferred_form_over_a_deprecated_one(finder):
    guarded = protect("IS fighters left Anah.", "en", "ar", finder)
    output = "غادر مقاتلو تنظيم الدولة الإسلامية عانه."  # the model translated the names itself
    r = restore(output, guarded, "ar", finder)
    assert r.text == "غادر مقاتلو داعش عانة." and r.ok


def test_tm_leverage_writes_the_preferred_form(tmp_path, house):
    src = "The Islamic State group left Anah in 2016."
    with TranslationMemory(tmp_path / "tm.sqlite", house) as tm:
        tm.add([Unit(src, "غادر تنظيم الدولة الإسلامية عانه عام ٢٠١٦.", "en", "ar")])
        best = tm.lookup("ISIS left Anah in 2016.", "en", "ar")[0]
    assert best.target == "غادر داعش عانة عام ٢٠١٦."


def test_an_entry_built_in_code_is_all_admitted():
    e = Entry(id="x", type="place", en="X", ar="س", ar_variants=("ص",))
    assert e.status("ar", "ص") == "admitted" and not e.is_deprecated("ar", "ص")
