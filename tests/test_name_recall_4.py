"""Issue 14, fourth round: the last Latin respellings, and 5-fold precision measured honestly.

* An Arabic reading one consonant class off, for long names only: s for ش (Damasko, the
  Czech and Slovak name of Damascus, دمشق), c or k for ج (Ceramana = جرمانا, Carablus =
  جرابلس), k for خ (Akterine = أخترين), d for ت (Tell Arfad = تل رفعت). GeoNames Latn+ar
  name-only 0.981 / 0.722 -> 0.982 / 0.730 (recall at precision 0.98, whatever the step:
  0.724 -> 0.736).
* A first word "madinat" (city of): Madinat Halab is Aleppo, mdynt hms is Homs.
* Features: how close the query's consonants are to the entry's Arabic-script readings
  (for any candidate and for a fuzzy one), and whether the entry has an Arabic form at all:
  a fuzzy key whose consonants also agree with the Arabic name is surer (Polish Dajr ez-Zaur
  = دير الزور, Lithuanian Homsas = حمص). Latn+ar name-only 0.982 / 0.730 -> 0.981 / 0.739,
  5-fold 0.973 / 0.841 -> 0.973 / 0.846 (held-apart name-only 0.707 -> 0.714).
* ``bench/geonames_eval.py`` counts the ambiguous queries (another place's listed form, two
  places with one name) and reports the figures without them too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers.geonames import geonames_eval_output
from tests.helpers.places import place_glossary, place_index
from workbench.cli import cli as cli_main
from workbench.core.names.name_confidence import threshold
from workbench.core.names.name_index import NameIndex
from workbench.formats.glossary_tsv import dump_glossary_tsv

ROOT = Path(__file__).resolve().parent.parent

#: Syrian places (GeoNames' main name and first Arabic-script name) and look-alikes.
_PLACES = [
    ("damascus", "Damascus", "دمشق"),
    ("ad-dimas", "Ad Dimas", "الديماس"),
    ("jaramana", "Jaramana", "جرمانا"),
    ("jarabulus", "Jarabulus", "جرابلس"),
    ("akhtarin", "Akhtarin", "أخترين"),
    ("tall-rifat", "Tall Rif'at", "تل رفعت"),
    ("aleppo", "Aleppo", "حلب"),
    ("homs", "Homs", "حمص"),
    ("shaqra", "Shaqra", "شقراء"),
    ("thawrah", "Madinat ath Thawrah", "مدينة الثورة"),
    ("thawra-village", "Ath Thawrah", "الثورة"),
]


def _index() -> NameIndex:
    """The places above as a glossary index."""
    return place_index(_PLACES)


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Damasko", "damascus"),  # Czech, Slovak: s for ش
        ("Damaska", "damascus"),
        ("Ceramana", "jaramana"),  # Turkish c (j) read as k by the key
        ("Carablus", "jarabulus"),
        ("Akterine", "akhtarin"),  # French, k for خ
        ("Tell Arfad", "tall-rifat"),  # d for ت
    ],
)
def test_an_arabic_reading_one_consonant_off_finds_a_long_name(query, entry):
    """GeoNames' spellings of these places: one consonant of the Arabic form read otherwise."""
    (m,) = _index().lookup(query)
    assert (m.entry.id, m.how, m.rule) == (entry, "arabic", "arabic-one-off")
    assert m.confidence >= threshold()


def test_a_short_name_one_consonant_off_is_no_candidate():
    """Three consonants are too few: Sakra (skr) is not شقراء (Skr) through the Arabic."""
    assert not [c for c in _index().candidates("Sakra") if c.rule == "arabic-one-off"]


def test_an_exact_reading_is_preferred_to_one_off():
    """Dimashq reads دمشق exactly: no one-off candidate of the same entry."""
    cands = _index().candidates("Dimashq")
    assert cands[0].entry.id == "damascus" and cands[0].rule == ""


@pytest.mark.parametrize(
    ("query", "entry"),
    [("Madinat Halab", "aleppo"), ("mdynt hms", "homs"), ("Medinat Damasko", "damascus")],
)
def test_city_of_before_a_name_is_the_name(query, entry):
    """GeoNames: Madinat Halab (Aleppo), mdynt hms (Homs): "city of" X is X."""
    (m,) = _index().lookup(query)
    assert m.entry.id == entry


def test_a_listed_name_with_madinat_stays_its_own_entry():
    """Madinat ath Thawrah is listed: it is that entry, not the village Ath Thawrah."""
    (m,) = _index().lookup("Madinat ath Thawrah")
    assert m.entry.id == "thawrah"


def test_glossary_lookup_cli_finds_the_one_off_and_city_of_spellings(tmp_path):
    """`glossary lookup --json Damasko` and `... "Madinat Halab"` through the real CLI."""
    path = tmp_path / "syria.tsv"
    glossary = place_glossary(_PLACES)
    path.write_text(dump_glossary_tsv(glossary), encoding="utf-8")
    for query, entry in (("Damasko", "damascus"), ("Madinat Halab", "aleppo")):
        res = CliRunner().invoke(
            cli_main, ["glossary", "--glossary", str(path), "lookup", "--json", query]
        )
        assert res.exit_code == 0, res.output
        (r,) = json.loads(res.output)
        assert r["id"] == entry, r


def test_geonames_eval_reports_the_ambiguous_queries_apart():
    """Rows without the ambiguous queries; the figures this round reached (floors)."""
    out = geonames_eval_output()

    def row(label: str) -> tuple[int, float, float]:
        line = next(ln for ln in out.splitlines() if ln.startswith(f"| {label}"))
        cells = line.split("|")
        return int(cells[2]), float(cells[3]), float(cells[4])

    all_q, p, r = row("Latn+ar name-only |")
    assert p >= 0.98 and r >= 0.735, (p, r)  # 0.981 / 0.722 before this round
    unamb_q, p, r = row("Latn+ar 5-fold, unambiguous (")
    assert 0 < all_q - row("Latn+ar name-only, unambiguous (")[0] < 50
    assert p >= 0.98 and r >= 0.85, (p, r)  # 0.984 / 0.852 before this round
    assert unamb_q < row("Latn+ar 5-fold |")[0]


def test_ambiguity_is_another_places_listed_form_or_a_shared_name():
    """Salakhed listed for Şalkhad is ambiguous as a query of Şalākhid; two Şūrān share one."""
    sys.path.insert(0, str(ROOT / "bench"))
    from geonames_eval import ambiguity

    places = [
        {"id": "1", "name": "Şalkhad"},
        {"id": "2", "name": "Şalākhid"},
        {"id": "3", "name": "Şūrān"},
        {"id": "4", "name": "Şūrān"},
        {"id": "6", "name": "Idlib"},
    ]
    forms = {"1": ["Şalkhad", "Salakhed"], "2": ["Şalākhid"], "3": ["Şūrān"], "4": ["Şūrān"]}
    test = ambiguity(places, forms)
    assert test("2", "Salakhed") and not test("1", "Salakhed")
    assert test("3", "Suran") and test("4", "Souran")
    assert not test("6", "Idleb")


_FUZZY_PLACES = [
    ("deir-ez-zor", "Deir ez-Zor", "دير الزور"),
    ("dayr-hafir", "Dayr Hafir", "دير حافر"),
    ("az-zor", "Az Zor", "الزور"),
    ("homs", "Homs", "حمص"),
    ("damascus", "Damascus", "دمشق"),
]


@pytest.mark.parametrize(("query", "entry"), [("Homsas", "homs")])
def test_a_fuzzy_key_that_agrees_with_the_arabic_name_is_an_answer(query, entry):
    """Lithuanian Homsas (GeoNames): a close key, and the consonants agree with حمص; listed
    without the Arabic form it stays a candidate only. (Polish Dajr ez-Zaur, once a fuzzy
    match here, is now read with j as y, Dayr ez-Zaur: a key match, test_name_recall_5.)"""
    with_ar = place_index(_FUZZY_PLACES)
    (m,) = with_ar.lookup(query)
    assert (m.entry.id, m.how) == (entry, "fuzzy")
    latin_only = place_index(_FUZZY_PLACES, with_arabic=False)
    d = latin_only.decide(query)
    assert d.matches == [] and d.candidates[0].entry.id == entry


_KARMAH = [
    ("al-karimah", "Al Karimah", "الكريمة"),
    ("al-karamah", "Al Karamah", "الكرامة"),
    ("maharda", "Maharda", "محردة"),
]


def test_two_entries_both_sure_give_no_answer():
    """GeoNames' Al Karmah (a name of Maharda) is as close to Al Karimah as to Al Karamah:
    both pass the threshold with one confidence, so the answer was whichever id sorts first;
    now none, and both are listed. (GeoNames, against ``--threshold 0.98`` which ignores the
    rule: no right answer lost, Latn+ar 5-fold precision 0.973 -> 0.974, unambiguous 0.983
    -> 0.985.) bghdad keeps Baghdad (0.995) over al-Baghdadi (0.981): not a tie."""
    index = place_index(_KARMAH)
    d = index.decide("Al Karmah")
    assert d.matches == []
    assert {c.entry.id for c in d.candidates[:2]} == {"al-karimah", "al-karamah"}
    assert all(c.confidence >= threshold() for c in d.candidates[:2])
    (m,) = index.lookup("Al Karimah")  # a listed form is still its entry
    assert m.entry.id == "al-karimah"


def test_glossary_lookup_cli_lists_both_sure_entries_and_exits_1(tmp_path):
    """`glossary lookup --json "Al Karmah"`: id null, both entries among the candidates."""
    path = tmp_path / "karmah.tsv"
    glossary = place_glossary(_KARMAH)
    path.write_text(dump_glossary_tsv(glossary), encoding="utf-8")
    res = CliRunner().invoke(
        cli_main, ["glossary", "--glossary", str(path), "lookup", "--json", "Al Karmah"]
    )
    assert res.exit_code == 1, res.output
    (r,) = json.loads(res.output)
    assert r["id"] is None, r
    assert {c["id"] for c in r["candidates"][:2]} == {"al-karimah", "al-karamah"}, r
