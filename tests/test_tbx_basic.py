"""TBX export keeps to TBX-Basic's picklists; TBX v2 (martif) and v3 both read.

TBX-Basic allows ``partOfSpeech`` adjective, noun, other, verb, adverb only (issue 13: every
term was ``properNoun``, 310 Schematron errors); that a term is a proper name goes into a
``note`` of its ``termSec``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import GLOSSARY
from workbench.formats.glossary_tsv import load_glossary
from workbench.formats.tbx import NS, PARTS_OF_SPEECH, glossary_to_tbx, parse_tbx

Q = f"{{{NS}}}"
ADMIN = {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}


def test_every_term_note_is_from_the_tbx_basic_picklists(run, tmp_path):
    out = tmp_path / "names.tbx"
    r = run("glossary", "export", "--format", "tbx", "--out", str(out))
    assert r.code == 0, r.err
    root = ET.parse(out).getroot()
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    pos = [t.text for t in root.iter(Q + "termNote") if t.get("type") == "partOfSpeech"]
    terms = list(root.iter(Q + "term"))
    assert len(pos) == len(terms) > 300  # one per term, as before
    assert set(pos) == {"noun"} and set(pos) <= set(PARTS_OF_SPEECH)
    admin = {t.text for t in root.iter(Q + "termNote") if t.get("type") == "administrativeStatus"}
    assert admin <= ADMIN
    assert {t.get("type") for t in root.iter(Q + "termNote")} == {
        "partOfSpeech",
        "administrativeStatus",
    }
    # the proper-name information is kept, in a note of each name's termSec
    glossary = load_glossary(GLOSSARY)
    names = sum(len(e.forms(lang)) for e in glossary if e.type != "term" for lang in
                ("en", "ar", "ckb", "kmr"))  # fmt: skip
    proper = [n for ts in root.iter(Q + "termSec") for n in ts.findall(Q + "note")]
    assert len(proper) == names > 0 and {n.text for n in proper} == {"proper name"}
    for ts in root.iter(Q + "termSec"):  # TBX order: term, termNotes, then notes
        tags = [c.tag.removeprefix(Q) for c in ts]
        assert tags[0] == "term" and tags[-1] in ("termNote", "note")
        assert tags[1:3] == ["termNote", "termNote"]


def test_v3_export_round_trips():
    glossary = load_glossary(GLOSSARY)
    again = parse_tbx(glossary_to_tbx(glossary).encode("utf-8"))
    assert [(e.id, e.type, e.en, e.ar, e.ckb, e.en_variants) for e in again] == [
        (e.id, e.type, e.en, e.ar, e.ckb, e.en_variants) for e in glossary
    ]


MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
 <martifHeader><fileDesc><sourceDesc><p>from memoQ</p></sourceDesc></fileDesc></martifHeader>
 <text><body>
  <termEntry id="qaem">
   <note>type: place</note>
   <descrip type="definition">Town on the Syrian border.</descrip>
   <langSet xml:lang="en-US">
    <tig><term>Al Qaem</term><termNote type="partOfSpeech">properNoun</termNote>
     <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>al-Qaim</term><termNote type="partOfSpeech">noun</termNote></termGrp></ntig>
   </langSet>
   <langSet xml:lang="ar"><tig><term>القائم</term></tig></langSet>
   <langSet xml:lang="ckb"><tig><term>قائیم</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>"""


def test_tbx_v2_martif_reads_with_any_part_of_speech(run, tmp_path):
    g = parse_tbx(MARTIF.encode(), "memoq.tbx")
    (e,) = list(g)
    assert (e.id, e.type, e.en, e.en_variants, e.ar, e.ckb, e.note) == (
        "qaem",
        "place",
        "Al Qaem",
        ("al-Qaim",),
        "القائم",
        "قائیم",
        "Town on the Syrian border.",
    )
    # and through the command line into a glossary TSV
    tsv = tmp_path / "g.tsv"
    header = [
        ln for ln in GLOSSARY.read_text(encoding="utf-8").splitlines() if ln.startswith("id\t")
    ]
    tsv.write_text(header[0] + "\n", encoding="utf-8")
    src = tmp_path / "memoq.tbx"
    src.write_text(MARTIF, encoding="utf-8")
    r = run("glossary", "--glossary", str(tsv), "import", str(src))
    assert r.code == 0, r.err
    row = [ln for ln in tsv.read_text(encoding="utf-8").splitlines() if ln.startswith("qaem\t")]
    assert row and "القائم" in row[0] and "al-Qaim" in row[0]
