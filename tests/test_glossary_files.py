"""Glossary TSV parsing and TBX-Basic export/import, including broken and hostile input."""

import pytest

from tests.conftest import GLOSSARY
from workbench.core.errors import GlossaryError
from workbench.formats.glossary_tsv import COLUMNS, dump_glossary_tsv, parse_glossary_tsv
from workbench.formats.tbx import glossary_to_tbx, parse_tbx

HEADER = "\t".join(COLUMNS)


def row(*cells):
    return "\t".join(cells)


def test_parse_reads_variants_and_all_languages():
    g = parse_glossary_tsv(
        HEADER
        + "\n"
        + row("x", "place", "Al Qaem", "al-Qaim | Al Qaim", "القائم", "", "قائیم", "", "", "n")
    )
    e = g.get("x")
    assert e.en_variants == ("al-Qaim", "Al Qaim")
    assert e.forms("ckb") == ("قائیم",)
    assert e.line == 2


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (row("x", "place", "A"), "expected 10 tab-separated columns, found 3"),
        (row("x", "city", "A", "", "", "", "", "", "", ""), "unknown type 'city'"),
        (row("", "place", "A", "", "", "", "", "", "", ""), "has no id"),
        (row("x", "place", "", "", "", "", "", "", "", ""), "no English form"),
    ],
)
def test_a_broken_row_names_the_file_and_line(bad_row, message):
    text = (
        "# comment\n"
        + HEADER
        + "\n"
        + row("ok", "place", "A", "", "", "", "", "", "", "")
        + "\n"
        + bad_row
    )
    with pytest.raises(GlossaryError) as exc:
        parse_glossary_tsv(text, "g.tsv")
    assert str(exc.value).startswith("g.tsv:4: ")
    assert message in str(exc.value)


def test_duplicate_ids_are_refused_with_both_lines():
    line = row("x", "place", "A", "", "", "", "", "", "", "")
    with pytest.raises(GlossaryError, match=r"g.tsv:3: duplicate id 'x' \(first on line 2\)"):
        parse_glossary_tsv(HEADER + "\n" + line + "\n" + line, "g.tsv")


def test_a_file_without_the_header_is_refused():
    with pytest.raises(GlossaryError, match="header"):
        parse_glossary_tsv("just some text\n", "g.tsv")


def test_tsv_round_trip_is_lossless(glossary):
    again = parse_glossary_tsv(dump_glossary_tsv(glossary))
    assert list(again) == list(glossary)


def test_tbx_round_trip_keeps_every_field(glossary):
    again = parse_tbx(glossary_to_tbx(glossary).encode("utf-8"))
    assert list(again) == list(glossary)


def test_tbx_marks_preferred_and_admitted_terms(glossary):
    tbx = glossary_to_tbx(glossary)
    assert 'type="TBX-Basic"' in tbx and 'style="dca"' in tbx
    assert "<term>القائم</term>" in tbx and "<term>قائیم</term>" in tbx
    assert tbx.count("preferredTerm-admn-sts") >= len(glossary) * 3


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&b;</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&x;</term></termSec>
</langSec></conceptEntry></body></text></tbx>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL])
def test_tbx_with_entities_or_a_dtd_is_refused_not_expanded_or_emptied(data):
    with pytest.raises(GlossaryError, match="DTD or entity"):
        parse_tbx(data, "evil.tbx")


def test_malformed_tbx_reports_the_line():
    with pytest.raises(GlossaryError, match=r"bad.tbx:3: malformed XML"):
        parse_tbx(b"<tbx>\n<text>\n<body></text></tbx>", "bad.tbx")


def test_non_tbx_xml_is_refused():
    with pytest.raises(GlossaryError, match="not a TBX document"):
        parse_tbx(b"<xliff/>", "x.tbx")


def test_tbx_v2_martif_is_read_too():
    data = """<martif type="TBX-Basic" xml:lang="en"><text><body>
    <termEntry id="mosul"><langSet xml:lang="en"><tig><term>Mosul</term></tig>
    <tig><term>Mawsil</term></tig></langSet><langSet xml:lang="ar"><tig><term>الموصل</term></tig>
    </langSet></termEntry></body></text></martif>""".encode()
    g = parse_tbx(data)
    e = g.get("mosul")
    assert (e.en, e.en_variants, e.ar, e.type) == ("Mosul", ("Mawsil",), "الموصل", "term")


def test_bundled_glossary_file_is_utf8_tsv():
    assert GLOSSARY.read_text(encoding="utf-8").count("\n") > 30
