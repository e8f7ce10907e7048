"""Glossary names in Arabic and Sorani running text: found the same way whatever surrounds them.

A name is found, spelled and judged (listed form, misspelling, inflection) by its own words:
not by the verb before it (قال, عاد), a clitic on that verb (وقال), the word after it (إن,
أو), where the sentence starts or ends, or what else the paragraph says. Harakat are
vocalisation, not a misspelling; Sorani suffixes are inflection.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import cli as cli_main
from workbench.core.names.arabic_script import misspelling_of
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.core.qa import check_segment
from workbench.formats.glossary_tsv import load_glossary

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "glossaries" / "names.tsv"

# the glossary the problem was found with: a person with two Arabic forms, a city
GLOSSARY_TSV = (
    "id\ttype\ten\ten_variants\tar\tar_variants\tckb\tckb_variants\tkmr\tnote\n"
    "muhammad-hasan\tperson\tMuhammad al-Hasan\tMohammed Hassan\tمحمد الحسن\tمحمد حسن"
    "\tموحەممەد حەسەن\tمحەمەد حەسەن\t\tA test name.\n"
    "sulaymaniyah\tplace\tSulaymaniyah\tSulaimani\tالسليمانية\t\tسلێمانی\tسولەیمانی"
    "\tSilêmanî\tCity.\n"
)

VOCALISED = "مُحَمَّد الحَسَن"


@pytest.fixture(scope="module")
def glossary_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("glossary") / "g.tsv"
    path.write_text(GLOSSARY_TSV, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def finder(glossary_path) -> NameFinder:
    return NameFinder(NameIndex(load_glossary(glossary_path)))


@pytest.fixture(scope="module")
def house(tmp_path_factory) -> NameFinder:
    return NameFinder(NameIndex(load_glossary(NAMES)))


def _check_json(glossary: Path, path: Path) -> dict:
    res = CliRunner().invoke(
        cli_main, ["glossary", "--glossary", str(glossary), "check", "--json", str(path)]
    )
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


# --- the report: one spelling accepted in one paragraph, a misspelling in the next ----------


def test_check_finds_the_name_in_every_paragraph_and_calls_none_misspelled(glossary_path, tmp_path):
    """p1: the name was lost (إن after it joined it); p3: مُحَمَّد was a 'misspelling' of محمد;
    p2: the listed variant محمد حسن after وقال was lost (إن again)."""
    doc = tmp_path / "t4.ar.md"
    doc.write_text(
        "---\nid: t4\nlang: ar\n---\n\n"
        f"قال {VOCALISED} إن الوضع هادئ في السليمانية.\n\n"
        "وقال محمد حسن إن الطريق مغلق.\n\n"
        f"ثم عاد {VOCALISED} إلى بغداد.\n",
        encoding="utf-8",
    )
    out = _check_json(glossary_path, doc)
    names = [(n["id"], n["spelling"], n["para"]) for n in out["files"][0]["names"]]
    assert names == [
        ("muhammad-hasan", VOCALISED, 1),
        ("sulaymaniyah", "السليمانية", 1),
        ("muhammad-hasan", "محمد حسن", 2),
        ("muhammad-hasan", VOCALISED, 3),
    ]
    assert out["misspelled"] == [] and out["deprecated"] == []


def test_qa_finds_the_vocalised_name_before_in_and_says_nothing(finder):
    for target in (f"قال {VOCALISED} إن الوضع هادئ.", f"ثم عاد {VOCALISED} إلى بغداد."):
        ws = check_segment("Muhammad al-Hasan said so.", target, "en", "ar", finder)
        assert [w for w in ws if w.code.startswith("name")] == [], target


def test_qa_finds_the_listed_variant_after_a_clitic_verb(finder):
    ws = check_segment(
        "Mohammed Hassan said the road was closed.",
        "وقال محمد حسن إن الطريق مغلق.",
        "en",
        "ar",
        finder,
    )
    assert [w.code for w in ws if w.code.startswith("name")] == []


# --- the same name, whatever is around it ---------------------------------------------------

BEFORE = ["", "قال ", "عاد ", "وقال ", "ثم عاد ", "أكد ", "إن ", "أن ", "من ", "في ", "يا "]
AFTER = ["", ".", "،", " إن الوضع هادئ.", " إلى بغداد.", " أن", " أو", " و", " في", " نفسه"]


def _one_hit(finder: NameFinder, text: str, lo: int, hi: int, lang: str = "ar"):
    hits = [h for h in finder.find(text, lang) if h.start < hi and h.end > lo and not h.nested]
    assert [(h.start, h.end) for h in hits] == [(lo, hi)], (text, hits)
    return hits[0]


@pytest.mark.parametrize("name", [VOCALISED, "محمد الحسن", "محمد حسن", "مُحَمَّد حَسَن"])
def test_a_name_is_found_and_judged_alike_in_every_context(finder, name):
    for before in BEFORE:
        for after in AFTER:
            text = before + name + after
            hit = _one_hit(finder, text, len(before), len(before) + len(name))
            assert hit.entry.id == "muhammad-hasan" and hit.spelling == name, text
            assert misspelling_of(hit.spelling, hit.entry.forms("ar")) is None, text


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("القائم", "al-qaem"),
        ("عمر العبيدي", "omar-al-obaidi"),
        ("حديثة", "haditha"),
        ("الموصل", "mosul"),
        ("صلاح الدين", "salahaddin"),
        ("أبو بكر البغدادي", "abu-bakr-al-baghdadi"),
        ("مصطفى حبيب", "mustafa-habib"),
        ("الجيش العراقي", "iraqi-army"),
        ("الرَّقَّة", "raqqa"),
        ("سُورِيَا", "syria"),
        ("مُصْطَفَى حَبِيب", "mustafa-habib"),
    ],
)
def test_house_glossary_names_are_found_alike_in_every_context(house, name, entry):
    for before in BEFORE:
        for after in AFTER:
            text = before + name + after
            hit = _one_hit(house, text, len(before), len(before) + len(name))
            assert (hit.entry.id, hit.spelling) == (entry, name), text
            assert misspelling_of(hit.spelling, hit.entry.forms("ar")) is None, text


SENTENCES = [
    f"قال {VOCALISED} إن الوضع هادئ في السليمانية.",
    "وقال محمد حسن إن الطريق مغلق.",
    f"ثم عاد {VOCALISED} إلى بغداد.",
    "وصل محمد الحسن أمس، ثم غادر.",
    "التقى الوفد بمحمد حسن في السليمانية",
]
NEIGHBOURS = ["", "وأضاف أن الأمر انتهى. ", "ثم عاد محمد الحسن. ", "إن ", "قال أو "]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_has_the_same_names_whatever_paragraph_it_is_in(finder, sentence):
    """Property: the hits inside a sentence do not depend on the sentences around it."""
    alone = [(h.entry.id, h.start, h.end, h.spelling) for h in finder.find(sentence, "ar")]
    assert alone, sentence
    for before in NEIGHBOURS:
        for after in ("", " وأضاف أن الأمر انتهى.", " إن", " محمد حسن."):
            text = before + sentence + after
            lo, hi = len(before), len(before) + len(sentence)
            inside = [
                (h.entry.id, h.start - lo, h.end - lo, h.spelling)
                for h in finder.find(text, "ar")
                if lo <= h.start and h.end <= hi
            ]
            assert inside == alone, text


# --- clitics on the name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "spelling"),
    [
        ("ومحمد حسن", "محمد حسن"),
        ("فمحمد الحسن", "محمد الحسن"),
        ("بمحمد حسن", "محمد حسن"),
        ("لمحمد الحسن", "محمد الحسن"),
        ("وبمحمد حسن", "محمد حسن"),
        ("وَبِمُحَمَّد الحَسَن", VOCALISED),  # vocalised clitics: وَ and بِ are two letters
        ("لِمُحَمَّد حَسَن", "مُحَمَّد حَسَن"),
        ("للسليمانية", "السليمانية"),  # ل + ال
        ("لِلسُّلَيْمَانِيَّة", "السُّلَيْمَانِيَّة"),
        ("وللسليمانية", "السليمانية"),
    ],
)
def test_a_name_after_a_clitic_is_found_without_it(finder, word, spelling):
    for ctx in ("{}", "قال {} إن", "ثم عاد {}."):
        text = ctx.format(word)
        hits = finder.find(text, "ar")
        assert [h.spelling for h in hits] == [spelling], text
        assert misspelling_of(hits[0].spelling, hits[0].entry.forms("ar")) is None


# --- misspellings, alike in every context -----------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "forms", "right"),
    [
        ("مُحَمَّد الحَسَن", ("محمد الحسن",), None),  # vocalised: its shadda is a mark
        ("مُحَمَّد", ("محمّد",), None),  # the form writes the shadda the text has
        ("مُحَمَد", ("محمّد",), "محمّد"),  # ... and the text lacks it
        ("محمد", ("محمّد",), "محمّد"),  # a missing shadda
        ("الرقّة", ("الرقة",), "الرقة"),  # a bare shadda the glossary does not write
        ("القَايِم", ("القائم",), "القائم"),  # vocalised, still the wrong hamza seat
        ("مُحَمَّد الحَسَن", ("محمد الحسن", "محمد حسن"), None),
    ],
)
def test_harakat_are_not_misspellings_but_a_wrong_letter_is(spelling, forms, right):
    assert misspelling_of(spelling, forms) == right


def test_a_misspelling_is_reported_in_every_context(house):
    for before in BEFORE:
        for after in AFTER:
            target = f"{before}القايم{after}"
            ws = check_segment("They reached Al Qaem.", target, "en", "ar", house)
            assert [(w.code, w.detail) for w in ws if w.code.startswith("name")] == [
                ("name-misspelled", "القائم")
            ], target


# --- Sorani -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "موحەممەد حەسەن لە سلێمانی بوو.",
            [("muhammad-hasan", "موحەممەد حەسەن"), ("sulaymaniyah", "سلێمانی")],
        ),
        ("کوڕەکەی موحەممەد حەسەنی بینی.", [("muhammad-hasan", "موحەممەد حەسەن")]),  # ـی
        ("موحەممەد حەسەنیش هات.", [("muhammad-hasan", "موحەممەد حەسەن")]),  # ـیش
        ("موحەممەد حەسەنەکە گەڕایەوە.", [("muhammad-hasan", "موحەممەد حەسەن")]),  # ـەکە
        ("محەمەد حەسەنەکان هاتن.", [("muhammad-hasan", "محەمەد حەسەن")]),  # ـەکان
        ("لە سلێمانیدا بوو.", [("sulaymaniyah", "سلێمانی")]),  # ـدا
        ("سلێمانییەکان هاتن.", [("sulaymaniyah", "سلێمانی")]),  # ـ(ی)ەکان
        ("سلێمانییەکە گەورەیە.", [("sulaymaniyah", "سلێمانی")]),  # ـ(ی)ەکە
        ("سولەیمانییەکەی بینی.", [("sulaymaniyah", "سولەیمانی")]),
    ],
)
def test_sorani_suffixes_are_inflection_not_misspellings(finder, text, found):
    hits = finder.find(text, "ckb")
    assert [(h.entry.id, h.spelling) for h in hits] == found
    ws = check_segment("Muhammad al-Hasan was in Sulaimani.", text, "en", "ckb", finder)
    assert not [w for w in ws if w.code == "name-misspelled"], ws


def test_sorani_with_an_arabic_letter_is_a_misspelling_in_any_context(finder):
    """سلێمانى (Arabic alef maqsura for Sorani ی) is mistyped, with or without a suffix."""
    for ctx in ("{}", "{} بوو.", "لە {}دا", "خەڵکی {} و هەولێر"):
        target = ctx.format("سلێمانى")
        ws = check_segment("Sulaimani.", target, "en", "ckb", finder)
        assert [(w.code, w.detail) for w in ws if w.code.startswith("name")] == [
            ("name-misspelled", "سلێمانی")
        ], target


@pytest.mark.parametrize(
    ("text", "spelling"),
    [
        ("موحه\u200cممه\u200cد حه\u200cسه\u200cن گه\u200cڕایه\u200cوه\u200c", "موحەممەد حەسەن"),
        ("موحه\u200cممه\u200cد حه\u200cسه\u200cنه\u200cکه\u200c هات.", "موحەممەد حەسەن"),  # ـەکە
        ("خه\u200cڵکی سوله\u200cیمانی", "سولەیمانی"),
    ],
)
def test_sorani_typed_with_heh_and_zwnj_is_found(finder, text, spelling):
    """ە typed the Arabic-keyboard way (ه + ZWNJ) looks the same: the name is there."""
    hits = finder.find(text, "ckb")
    assert [h.spelling for h in hits] == [spelling]
    assert hits[0].surface == text[hits[0].start : hits[0].end] and "\u200c" in hits[0].surface
    ws = check_segment("Muhammad al-Hasan", text, "en", "ckb", finder)
    assert not [w for w in ws if w.code in ("name-misspelled", "name-form")], ws


# --- one spelling or two ------------------------------------------------------------------


def _inconsistent(glossary: Path, tmp_path: Path, name: str, paragraphs: list[str]) -> dict:
    doc = tmp_path / name
    doc.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = _check_json(glossary, doc)
    assert len(out["files"][0]["names"]) == len(paragraphs)  # one name a paragraph, all found
    return {i["id"]: sorted(s["text"] for s in i["spellings"]) for i in out["inconsistent"]}


def test_vocalised_and_bare_are_one_spelling(glossary_path, tmp_path):
    paragraphs = [f"قال {VOCALISED} إن الوضع هادئ.", "ثم عاد محمد الحسن إلى بغداد."]
    assert _inconsistent(glossary_path, tmp_path, "a.ar.md", paragraphs) == {}


def test_with_and_without_the_article_are_two_spellings(glossary_path, tmp_path):
    """محمد الحسن and محمد حسن are both listed, but an article should use one of them."""
    paragraphs = [f"قال {VOCALISED} إن الوضع هادئ.", "وقال محمد حسن إن الطريق مغلق."]
    got = _inconsistent(glossary_path, tmp_path, "a.ar.md", paragraphs)
    assert got == {"muhammad-hasan": sorted([VOCALISED, "محمد حسن"])}


def test_sorani_e_is_a_letter_of_the_spelling(tmp_path):
    glossary = tmp_path / "g.tsv"
    glossary.write_text(
        "id\ttype\ten\ten_variants\tar\tar_variants\tckb\tckb_variants\tkmr\tnote\n"
        "nineveh\tplace\tNineveh\tNinawa\tنينوى\tنينوا\tنەینەوا\tنینەوا\tNînewa\tProvince.\n",
        encoding="utf-8",
    )
    paragraphs = ["چەکدارەکان گەیشتنە نەینەوا.", "ڕێگای نینەوا داخراوە."]
    got = _inconsistent(glossary, tmp_path, "a.ckb.md", paragraphs)
    assert got == {"nineveh": sorted(["نەینەوا", "نینەوا"])}
    # the same spelling with a suffix or typed with heh + ZWNJ is one spelling
    paragraphs = ["گەیشتنە نەینەوا.", "لە نەینەوادا.", "نه\u200cینه\u200cوا"]
    assert _inconsistent(glossary, tmp_path, "b.ckb.md", paragraphs) == {}
