"""Issue 14, fifth round: Russian romanisations, and Arabic names written letter for letter.

* A Latin spelling with the marks of a romanised Russian spelling (GOST: э eh, й j, я ja,
  ь ', ж zh) is also looked up as English would spell it: Ehs-Suvejda = Es-Suveyda,
  Dejr-ehz-Zor = Deyr-ez-Zor, Ehl'-Kurajja = El-Kurayya. GeoNames lists such a spelling for
  most Syrian towns. Latn+ar name-only (threshold 0.98, shipped weights of round 4) 0.981 /
  0.740 -> 0.981 / 0.750.
* A vowel-less query read letter for letter against the entry's Arabic form (how
  ``letters``: alkswt = الكسوة, hmat = حماة, krymt = الكريمة and not الكرامة), and word by
  word through the Arabic reading (ʿyn albydt = عين البيضاء). With the weights rebuilt and
  the round's other rules (gh is no jim, a nisba ending is another word): Latn+ar name-only
  0.984 / 0.777, 5-fold 0.980 / 0.891 (unambiguous 0.990 / 0.900).
* The weights no longer depend on themselves: when a query is looked up twice (Madinat X,
  a Russian reading), each entry keeps the candidate with the stronger match score, not the
  more confident one, so ``bench/calibrate_names.py`` gives one file for one data set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers.geonames import geonames_eval_output
from tests.helpers.places import place_glossary, place_index
from workbench.cli import cli as cli_main
from workbench.core.glossary import Entry, Glossary
from workbench.core.names.arabic_script import letter_romanisations
from workbench.core.names.latin_key import abjad_word_skeleton, russian_reading
from workbench.core.names.name_confidence import threshold
from workbench.core.names.name_index import NameIndex
from workbench.formats.glossary_tsv import dump_glossary_tsv

ROOT = Path(__file__).resolve().parent.parent

#: Syrian places with GeoNames' main name and first Arabic-script name, and look-alikes.
_PLACES = [
    ("as-suwayda", "As-Suwayda", "السويداء"),
    ("as-sawda", "As Sawda", "السوداء"),
    ("as-sanamayn", "As Sanamayn", "الصنمين"),
    ("deir-ez-zor", "Deir ez-Zor", "دير الزور"),
    ("qanawat", "Qanawat", "قنوات"),
    ("al-qurayya", "Al Qurayya", "القريا"),
    ("al-kiswah", "Al Kiswah", "الكسوة"),
    ("hamah", "Hamah", "حماة"),
    ("basir", "Basir", "بصير"),
    ("al-karimah", "Al Karimah", "الكريمة"),
    ("al-karamah", "Al Karamah", "الكرامة"),
    ("as-sijn", "As Sijn", "السجن"),
    ("as-siin", "As Si'in", "السعن"),
    ("an-nabk", "An Nabk", "النبك"),
    ("ayn-al-bayda", "Ayn al Bayda", "عين البيضاء"),
    ("latakia", "Latakia", "اللاذقية"),
]


def _index(with_arabic: bool = True) -> NameIndex:
    """The places above as a glossary index (with or without their Arabic forms)."""
    return place_index(_PLACES, with_arabic)


@pytest.mark.parametrize(
    ("spelling", "reading"),
    [
        ("Ehl'-Kunejtra", "el-kuneytra"),  # Эль-Кунейтра
        ("Dejr-ehz-Zor", "deyr-ez-zor"),
        ("Dehjr-ehz-Zor", "deyr-ez-zor"),
        ("Ehs-Sidzhn", "es-sijn"),  # dzh is the jim
        ("Suvejda", "suveyda"),
        ("Lázikíja", "lazikiya"),
        ("Kafranbel'", "kafranbel"),
        ("Eht-Tell'-ehl'-Ab'jad", "et-tell-el-abyad"),
    ],
)
def test_a_russian_romanisation_is_read_as_english_spells_it(spelling, reading):
    """GeoNames' Russian-derived spellings of Syrian towns (Al Qunayţirah, Deir ez-Zor...)."""
    assert russian_reading(spelling) == reading


@pytest.mark.parametrize("spelling", ["Sijn", "As Sijn", "Kal'at al Madik", "Hajin", "Deir"])
def test_an_arabic_j_or_an_ain_is_not_russian(spelling):
    """Sijn's j is the jim (السجن), Kal'at's apostrophe the ain: no Russian reading."""
    assert russian_reading(spelling) is None


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Ehs-Suvejda", "as-suwayda"),
        ("Suvejda", "as-suwayda"),
        ("Ehs-Sanamejn", "as-sanamayn"),
        ("Dejr-ehz-Zor", "deir-ez-zor"),
        ("Ehl'-Kanavat", "qanawat"),
        ("Ehl'-Kurajja", "al-qurayya"),
        ("Latakija", "latakia"),
        ("Dajr ez-Zaur", "deir-ez-zor"),  # Polish j for y too
    ],
)
def test_a_russian_spelling_finds_its_entry_through_its_reading(query, entry):
    """Each is a GeoNames alternate; found by key through the reading, marked as such."""
    for index in (_index(), _index(with_arabic=False)):
        (m,) = index.lookup(query)
        assert (m.entry.id, m.how, m.rule) == (entry, "key", "russian")
        assert m.confidence >= threshold()


def test_a_russian_reading_of_ladhiqiya_is_found_through_the_arabic_form():
    """Lazikija: z for ذ; only the Arabic form اللاذقية makes it Latakia, not a fuzzy guess."""
    (m,) = _index().lookup("Lazikija")
    assert (m.entry.id, m.how, m.rule) == ("latakia", "arabic", "russian")
    assert _index(with_arabic=False).lookup("Lazikija") == []


def test_sijn_stays_sijn():
    """The j of Sijn read as y would make it As Si'in (السعن): it is not read so."""
    (m,) = _index().lookup("Sijn")
    assert m.entry.id == "as-sijn"


def test_a_ghain_is_never_read_as_an_egyptian_jim():
    """Al Ghaniyah (a name of Kafr Buhum) is not Jinniyah through g for j: its gh is غ.
    Faluga's plain g still is (Fallujah). GeoNames Latn+ar 5-fold: 2 wrong answers fewer,
    precision 0.9795 -> 0.9808."""
    index = NameIndex(
        Glossary(
            [
                Entry(id="jinniyah", type="place", en="Jinniyah", ar="جنية"),
                Entry(id="fallujah", type="place", en="Fallujah", ar="الفلوجة"),
            ]
        )
    )
    assert all(c.rule != "j-as-g" for c in index.candidates("Al Ghaniyah"))
    assert index.lookup("Al Ghaniyah") == []
    (m,) = index.lookup("Faluga")
    assert (m.entry.id, m.rule) == ("fallujah", "j-as-g")


def test_letter_romanisations_of_an_arabic_name():
    """Every letter written; ة as t or h; each also without its articles; Sorani: none."""
    assert letter_romanisations("حماة") == {"hmat", "hmah"}
    assert {"alkswt", "kswt"} <= letter_romanisations("الكسوة")
    assert "ynalbyda" in letter_romanisations("عين البيضاء")
    assert letter_romanisations("موسڵ") == frozenset()
    assert letter_romanisations("حَمـاة") == {"hmat", "hmah"}  # harakat and tatweel: nothing
    assert "hr" in letter_romanisations("الحر")  # al-Hurr: four letters, the article goes
    assert letter_romanisations("الف") == {"alf"}  # three: no article to drop


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("alkswt", "al-kiswah"),
        ("hmat", "hamah"),
        ("bsyr", "basir"),
        ("krymt", "al-karimah"),  # y: الكريمة, not الكرامة
        ("alkramt", "al-karamah"),
        ("alnbk", "an-nabk"),
        ("alladhqyt", "latakia"),
    ],
)
def test_a_name_written_letter_for_letter_is_its_arabic_form(query, entry):
    """GeoNames' letter-for-letter alternates; without the Arabic form, no such answer."""
    (m,) = _index().lookup(query)
    assert (m.entry.id, m.how) == (entry, "letters")
    assert m.confidence >= threshold()
    assert all(c.how != "letters" for c in _index(with_arabic=False).candidates(query))


def test_a_letter_for_letter_spelling_of_two_words_is_read_word_by_word():
    """ʿyn albydt (عين البيضة in GeoNames) against عين البيضاء: each word's article and teh
    marbuta go, so the skeleton nbd is the Arabic reading's."""
    assert abjad_word_skeleton("ʿyn albydt") == "nbd"
    assert abjad_word_skeleton("alnbk") == "nbk"
    assert abjad_word_skeleton("jrabls") == "jrbls"  # no article, no teh marbuta: all kept
    assert abjad_word_skeleton("byt zlyn") == "btzln"  # بيت: three letters keep their t
    assert abjad_word_skeleton("alkm") == "lkm"  # four letters: too short for al + a name
    assert abjad_word_skeleton("Ayn al Bayda") is None  # vowels: not letter for letter
    # an English name that shares nothing with it: only the Arabic reading can find it
    index = NameIndex(
        Glossary([Entry(id="spring", type="place", en="White Spring", ar="عين البيضاء")])
    )
    (m,) = index.lookup("ʿyn albydt")
    assert (m.entry.id, m.how) == ("spring", "arabic")


_BGN = [
    ("salkhad", "Şalkhad"),
    ("salakhid", "Şalākhid"),
    ("basir", "Başīr"),
    ("deir-ez-zor", "Deir ez-Zor"),
    ("dayr-hafir", "Dayr Ḩāfir"),
    ("sanamayn", "Aş Şanamayn"),
    ("sarmin", "Sarmīn"),
]


@pytest.mark.parametrize(
    ("query", "entry", "rule"),
    [
        ("slkhd", "salkhad", "s-cedilla"),  # صلخد: BGN ş is the sad
        ("bsyr", "basir", "s-cedilla"),
        ("snmyn", "sanamayn", "s-cedilla"),
        ("alsnmyn", "sanamayn", "s-cedilla"),  # the article dropped
        ("dyr alzwr", "deir-ez-zor", ""),  # word by word: dr + zr
    ],
)
def test_a_vowel_less_spelling_finds_a_latin_only_entry(query, entry, rule):
    """GeoNames' letter-for-letter alternates, against entries with their Latin names only
    (no Arabic form): the abjad skeleton, word by word, and with BGN ş read as s. GeoNames
    Latn name-only 0.688 -> 0.692 (precision 0.978 both)."""
    index = place_index(_BGN)
    (m,) = index.lookup(query)
    assert (m.entry.id, m.how, m.rule) == (entry, "abjad", rule)


def test_glossary_lookup_cli_reports_how_and_the_rule(tmp_path):
    """`glossary lookup --json alkswt`: found by `letters`, exit code 0; Ehs-Suvejda: by
    key, rule `russian`, in the JSON and in the text."""
    path = tmp_path / "syria.tsv"
    glossary = place_glossary(_PLACES)
    path.write_text(dump_glossary_tsv(glossary), encoding="utf-8")
    res = CliRunner().invoke(
        cli_main, ["glossary", "--glossary", str(path), "lookup", "--json", "alkswt"]
    )
    assert res.exit_code == 0, res.output
    (r,) = json.loads(res.output)
    assert (r["id"], r["how"], r["rule"]) == ("al-kiswah", "letters", None), r
    res = CliRunner().invoke(
        cli_main, ["glossary", "--glossary", str(path), "lookup", "--json", "Ehs-Suvejda"]
    )
    (r,) = json.loads(res.output)
    assert (r["id"], r["how"], r["rule"]) == ("as-suwayda", "key", "russian"), r
    assert r["candidates"][0]["rule"] == "russian"
    res = CliRunner().invoke(
        cli_main, ["glossary", "--glossary", str(path), "lookup", "Ehs-Suvejda"]
    )
    assert "as-suwayda (place, key russian 90)" in res.output, res.output


def test_geonames_eval_reaches_the_goal_on_latn_ar_name_only():
    """The issue's goals on Latn+ar, every query counted: name-only precision >= 0.98 with
    recall >= 0.75, 5-fold recall >= 0.85 at precision 0.98 (floors of this round)."""
    out = geonames_eval_output()

    def row(label: str) -> tuple[float, float]:
        line = next(ln for ln in out.splitlines() if ln.startswith(f"| {label}"))
        cells = line.split("|")
        return float(cells[3]), float(cells[4])

    p, r = row("Latn+ar name-only |")
    assert p >= 0.98 and r >= 0.77, (p, r)  # 0.981 / 0.740 before this round
    p, r = row("Latn+ar 5-fold, unambiguous (")
    assert p >= 0.98 and r >= 0.89, (p, r)  # 0.985 / 0.857 before
    p, r = row("Latn+ar 5-fold |")
    assert p >= 0.98 and r >= 0.88, (p, r)  # 0.974 / 0.849 before
    p, r = row("Latn name-only |")
    assert p >= 0.975 and r >= 0.68, (p, r)  # 0.979 / 0.666 before


def test_a_sorani_word_the_glossary_lists_beats_a_form_plus_a_suffix():
    """بەغدادی is listed for al-Baghdadi; read as بەغداد (a Baghdad variant) + ـی it was
    Baghdad, so Ctrl+G in the Sorani column inserted the full name again. بەغدادەوە (from
    Baghdad) is still Baghdad."""
    from workbench.core.names.name_finder import NameFinder

    glossary = Glossary(
        [
            Entry(id="baghdad", type="place", en="Baghdad", ar="بغداد", ckb="بەغدا",
                  ckb_variants=("بەغداد",)),
            Entry(id="baghdadi", type="person", en="Abu Bakr al-Baghdadi",
                  ar="أبو بكر البغدادي", ckb="ئەبووبەکر بەغدادی", ckb_variants=("بەغدادی",)),
        ]
    )  # fmt: skip
    finder = NameFinder(NameIndex(glossary))
    hits = finder.find("ماڵی نوێی بەغدادی: شاری قائیم", lang="ckb")
    assert [(h.entry.id, h.spelling) for h in hits] == [("baghdadi", "بەغدادی")]
    hits = finder.find("هاتە بەغدادەوە", lang="ckb")
    assert [h.entry.id for h in hits] == ["baghdad"]


def test_a_reading_does_not_replace_a_stronger_match_of_the_name_as_written():
    """Majdel Shams: the j is the jim (مجدل), a key match as written; its Russian reading
    Maydel is only a fuzzy one, and the entry keeps the key match."""
    index = NameIndex(
        Glossary(
            [
                Entry(id="majdal", type="place", en="Majdal Shams"),
                Entry(id="maydal", type="place", en="Maydal"),
            ]
        )
    )
    best = next(c for c in index.candidates("Majdel Shams") if c.entry.id == "majdal")
    assert (best.how, best.rule, best.score) == ("key", "", 90.0)
    (m,) = index.lookup("Majdel Shams")
    assert m.entry.id == "majdal"


def test_on_a_tie_the_query_as_written_is_kept():
    """Madinat Haleb is a key match of the listed Madinet Halab, and Haleb one of Halab:
    equal scores, so the candidate shown is the whole query's."""
    index = NameIndex(
        Glossary(
            [Entry(id="aleppo", type="place", en="Aleppo", en_variants=("Halab", "Madinet Halab"))]
        )
    )
    (c,) = index.candidates("Madinat Haleb")
    assert (c.how, c.form) == ("key", "Madinet Halab")


def test_a_listed_russian_spelling_is_not_read_again():
    """Kunejtra listed for Al Qunaytirah is that entry: its reading Kuneytra, another
    entry's name here, is not looked up (a listed spelling is the answer by definition)."""
    index = NameIndex(
        Glossary(
            [
                Entry(id="qunaytirah", type="place", en="Al Qunaytirah", en_variants=("Kunejtra",)),
                Entry(id="other", type="place", en="Kuneytra"),
            ]
        )
    )
    cands = index.candidates("Kunejtra")
    assert cands[0].entry.id == "qunaytirah" and cands[0].how == "exact"
    assert all(c.rule != "russian" for c in cands)


def test_a_reading_is_looked_up_without_fuzzy_matching_when_asked():
    """fuzzy=False (names in running text): the reading finds key matches only."""
    index = _index()
    assert [c.how for c in index.candidates("Suvejda", fuzzy=False)] == ["key"]
    assert all(c.how != "fuzzy" for c in index.candidates("Ehl'-Kunejtr", fuzzy=False))
    assert any(c.how == "fuzzy" for c in index.candidates("Ehl'-Kunejtr"))


def test_city_of_is_looked_up_without_fuzzy_matching_when_asked():
    """Madinat Halabb: the name after "city of" is found only through the loose Arabic
    reading of حلب, which fuzzy=False (running text) does not ask for."""
    index = NameIndex(Glossary([Entry(id="aleppo", type="place", en="Aleppo", ar="حلب")]))
    assert [(c.entry.id, c.how) for c in index.candidates("Madinat Halabb")] == [
        ("aleppo", "arabic")
    ]
    assert index.candidates("Madinat Halabb", fuzzy=False) == []


@pytest.mark.parametrize(
    ("text", "entry", "spelling"),
    [
        ("لەژێر دەسەڵاتی داعشدایە،", "islamic-state", "داعش"),  # is under ISIS control
        ("هێزەکانیان لە قائیمدایە", "al-qaem", "قائیم"),
        ("ئێستا لە موسڵدان", "mosul", "موسڵ"),  # they are in Mosul
        ("ئەو هێزانە لە عێراقدان", "iraq", "عێراق"),
        ("ئەو پارەیە لە موسڵەوەیە", "mosul", "موسڵ"),  # is from Mosul
    ],
)
def test_a_sorani_name_with_in_and_the_copula_is_found(text, entry, spelling):
    """A translator's trial: «داعشدایە» was no name, so QA said ISIS was missing and Ctrl+G
    inserted داعش a second time. The bundled glossary's Sorani forms."""
    from workbench.core.names.name_finder import NameFinder
    from workbench.formats.glossary_tsv import load_glossary

    finder = NameFinder(NameIndex(load_glossary(ROOT / "glossaries" / "names.tsv")))
    assert [(h.entry.id, h.spelling) for h in finder.find(text, lang="ckb")] == [(entry, spelling)]


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Anbari", "anbar"),  # a surname (Abu Ali al-Anbari), confidence 1.000 before
        ("al-Anbari", "anbar"),
        ("Syrian", "syria"),  # an adjective, 0.987 before
        ("Mosuli", "mosul"),
        ("Fallujan", "fallujah"),
        ("Americans", "united-states"),
    ],
)
def test_a_name_with_a_nisba_or_demonym_ending_is_not_the_place(query, entry):
    """A translator's trial with the bundled glossary: Anbari was Anbar at confidence 1.000,
    so a surname would be written الأنبار. Now a candidate only (exit code 1). GeoNames
    Latn+ar name-only 0.983 / 0.778 -> 0.984 / 0.777 (homsi, manbiji: Georgian and Chinese
    forms of Homs and Manbij, now no answer; Shadadi no longer the wrong Şadad)."""
    from workbench.formats.glossary_tsv import load_glossary

    index = NameIndex(load_glossary(ROOT / "glossaries" / "names.tsv"))
    d = index.decide(query)
    assert d.matches == [] and d.candidates and d.candidates[0].entry.id == entry
    assert d.candidates[0].confidence < threshold()
    (m,) = index.lookup(entry.replace("-", " ") if entry != "united-states" else "America")
    assert m.entry.id == entry  # the name itself still is


@pytest.mark.parametrize(
    ("query", "entry", "how", "rule"),
    [
        ("al-Jaysh al-Iraqi", "iraqi-army", "arabic", None),
        ("alqaym", "al-qaem", "letters", None),
        ("almwsl", "mosul", "letters", None),
        ("Ehl'-Kaim", "al-qaem", "key", "russian"),
        ("Ehr-Ramadi", "ramadi", "key", "russian"),
        ("Ehl'-Falludzha", "fallujah", "key", "russian"),
    ],
)
def test_the_readme_lookup_examples_hold_with_the_bundled_glossary(query, entry, how, rule):
    """README, names: each example, through the CLI and the glossary a new user has."""
    res = CliRunner().invoke(
        cli_main,
        [
            "glossary",
            "--glossary",
            str(ROOT / "glossaries" / "names.tsv"),
            "lookup",
            "--json",
            query,
        ],
    )
    assert res.exit_code == 0, res.output
    (r,) = json.loads(res.output)
    assert (r["id"], r["how"], r["rule"]) == (entry, how, rule), r
