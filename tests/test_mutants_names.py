"""The name machinery, the cases mutation testing found unchecked (bench/mutation.py).

Each test states a behaviour a translator relies on, with real spellings: vowel-less
(abjad) romanisations find their place, distinct names keep distinct keys, a protected
name comes back in the glossary's form. BENCHMARKS.md has the scores per module.
"""

from pathlib import Path

import pytest

from workbench.core.names.latin_key import (
    abjad_skeleton,
    alternative_key,
    drop_articles,
    key_of_words,
    latin_key,
    respelling_keys,
    skeleton,
    words,
)
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_guard import protect, restore
from workbench.core.names.name_index import NameIndex
from workbench.formats.glossary_tsv import load_glossary

HEADER = "id\ttype\ten\ten_variants\tar\tar_variants\tckb\tckb_variants\tkmr\tnote\n"

# Syrian and Iraqi places as they appear in the glossary, one line each
SYRIA = [
    ("salamiyah", "Salamiyah", "", "السلمية"),
    ("jarabulus", "Jarabulus", "", "جرابلس"),
    ("tadmur", "Tadmur", "Palmyra", "تدمر"),
    ("idlib", "Idlib", "", "إدلب"),
    ("deir-ez-zor", "Deir ez-Zor", "Dayr az-Zawr", "دير الزور"),
    ("fallujah", "Fallujah", "Falluja", "الفلوجة"),
    ("shaykh-miskin", "Shaykh Miskin", "", "الشيخ مسكين"),
    ("ramadi", "Ramadi", "", "الرمادي"),
]


def _syria_index(folder: Path, with_arabic: bool) -> NameIndex:
    """The SYRIA places as a glossary file, indexed (without their Arabic forms if asked)."""
    path = folder / "syria.tsv"
    rows = [
        f"{i}\tplace\t{en}\t{var}\t{ar if with_arabic else ''}\t\t\t\t\t\n"
        for i, en, var, ar in SYRIA
    ]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return NameIndex(load_glossary(path))


@pytest.fixture(scope="module")
def syria(tmp_path_factory) -> NameIndex:
    return _syria_index(Path(tmp_path_factory.mktemp("glossary")), with_arabic=True)


@pytest.fixture(scope="module")
def syria_latin(tmp_path_factory) -> NameIndex:
    """The same places without their Arabic forms (what only the Latin key can find)."""
    return _syria_index(Path(tmp_path_factory.mktemp("glossary")), with_arabic=False)


@pytest.fixture(scope="module")
def syria_finder(syria) -> NameFinder:
    return NameFinder(syria)


def ids(index: NameIndex, query: str) -> list[str]:
    """The entries a lookup finds, best first."""
    return [m.entry.id for m in index.lookup(query)]


# --- latin_key: abjad (vowel-less) romanisations --------------------------------------------


@pytest.mark.parametrize(
    ("abjad", "place"),
    [
        ("alslmyt", "salamiyah"),  # السلمية: the article al and the teh marbuta t dropped
        ("jrabls", "jarabulus"),  # جرابلس: one vowel in six letters, no article, no ending
        ("tdmr", "tadmur"),  # تدمر: four letters are enough
        ("idlb", "idlib"),  # إدلب: one vowel in four letters is still abjad
        ("drzwr", "deir-ez-zor"),  # ديرزور: w a consonant, left out of the skeleton
        ("alflwjh", "fallujah"),  # الفلوجة: the teh marbuta written h dropped too
        ("alrmdy", "ramadi"),  # الرمادي: six letters, the article still dropped
    ],
)
def test_abjad_romanisations_find_their_place(syria, syria_latin, abjad, place):
    # with the Arabic form listed, the spelling is that form letter for letter (or its
    # reading); the Latin key's abjad skeleton is what finds it without
    assert [m.entry.id for m in syria.candidates(abjad)[:1]] == [place]
    found = syria_latin.candidates(abjad)
    assert [(m.entry.id, m.how) for m in found[:1]] == [(place, "abjad")]


def test_abjad_skeletons_are_the_consonants_without_article_or_ending():
    assert abjad_skeleton("alslmyt") == "slm"
    assert abjad_skeleton("jrabls") == "jrbls"  # a final s is a root letter: kept
    assert abjad_skeleton("alflwjh") == abjad_skeleton("flwjh") == "flj"
    assert abjad_skeleton("drzwr") == "drzr"
    assert abjad_skeleton("tdmr") == "tdmr"  # four letters are enough
    assert abjad_skeleton("alrmdy") == "rmd"  # six letters: the article is still dropped
    assert abjad_skeleton("idlb") == "dlb"  # one vowel in four letters is still abjad
    assert abjad_skeleton("idlib") is None  # two in five is a vowelled spelling
    # a space inside a vowel-less romanisation changes nothing
    assert abjad_skeleton("dyr alzwr") == abjad_skeleton("dyralzwr")


@pytest.mark.parametrize("name", ["Salamiyah", "Idlib", "Hlb", "Fallujah", "al-Qaim", "Raqqa"])
def test_vowelled_or_short_spellings_are_not_abjad(name):
    assert abjad_skeleton(name) is None


def test_the_skeleton_drops_vowel_slots_and_the_semivowels():
    assert skeleton(latin_key("Fallujah")) == "flj"  # fVlVjA
    assert skeleton(latin_key("Deir ez-Zor")) == "drzr"  # the w of Zawr, the y of Dayr
    assert skeleton(latin_key("Dayr az-Zawr")) == "drzr"


# --- latin_key: the final vowel keeps its quality -----------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Salih", "Salah"),  # صالح / صلاح: the h after i is dropped, the i stays an i
        ("Falih", "Fala"),
        ("Sabih", "Saba"),
    ],
)
def test_a_final_h_after_i_keeps_the_i(a, b):
    assert latin_key(a) != latin_key(b)
    assert latin_key(a).endswith("I")


@pytest.mark.parametrize(
    ("spelling", "entry"),
    [
        ("al-Obeidee", "obaidi"),  # the nisba -i written -ee, as British and Indian papers do
        ("Karboulee", "karbouli"),
        ("Ramadee", "ramadi"),
        ("al-Jughaifee", "jughaifi"),
    ],
)
def test_a_nisba_written_ee_finds_the_name_in_i(index, spelling, entry):
    assert latin_key(spelling) == latin_key(spelling[:-2] + "i")
    found = index.lookup(spelling)
    assert [(m.entry.id, m.how) for m in found[:1]] == [(entry, "key")]


def test_a_final_u_or_o_keeps_its_quality():
    # Zakho (Kurdish Zaxo): its final o is a u, not the a of a different name
    assert latin_key("Zakho") == latin_key("Zakhu") == latin_key("Zaxo")
    assert latin_key("Zakho").endswith("U")
    assert latin_key("Zakho") not in (latin_key("Zakha"), latin_key("Zakhi"))
    assert latin_key("Nuh").endswith("U")  # نوح: the h after the u is dropped, the u stays


# --- latin_key: the French mute -e and BGN's s-cedilla -------------------------------------


def second_key(name: str) -> str | None:
    """alternative_key of a name, as the index computes it."""
    toks = drop_articles(words(name))
    return alternative_key(toks, key_of_words(toks))


@pytest.mark.parametrize(
    ("french", "plain"),
    [("Cheikh Meskîne", "Shaykh Miskin"), ("Qoubbassine", "Qubbasin"), ("Maré", "Mar")],
)
def test_a_french_mute_e_also_reads_as_nothing(french, plain):
    assert second_key(french) == latin_key(plain)
    assert latin_key(french) != latin_key(plain)  # the first reading keeps the -e as -a


@pytest.mark.parametrize(
    "name",
    [
        "Raqqa",  # a final -a is a vowel, not a mute e
        "Hamidie",  # -ie: the -iya ending, its e is not mute
        "Ane",  # three letters: too short to lose a letter
        "Miskin",
        "",
    ],
)
def test_only_a_french_mute_e_gets_a_second_key(name):
    assert second_key(name) is None


@pytest.mark.parametrize(
    ("bgn", "plain"),
    [("Ḩimş", "Hims"), ("Buşrá", "Busra"), ("Şūrān", "Suran")],  # ş for sad (ص), any position
)
def test_bgn_s_cedilla_is_also_read_as_s(bgn, plain):
    assert respelling_keys(bgn)["s-cedilla"] == latin_key(plain)
    assert "s-cedilla" not in respelling_keys(plain)


@pytest.mark.parametrize(
    ("spelling", "entry", "rule"),
    [
        ("Faluya", "fallujah", "j-as-y"),  # Spanish y for j
        ("Faluga", "fallujah", "j-as-g"),  # Egyptian g for j
        ("Khadita", "haditha", "kh-as-h"),  # Russian kh for h
        ("Ramadiyah", "ramadi", "nisba"),  # the place in -iya for its nisba in -i
        ("Rumadiya", "ramadi", "nisba"),
        ("Bagdat", "baghdad", "t-as-d"),  # Turkish devoiced final d
    ],
)
def test_a_respelling_names_the_convention_that_found_it(index, spelling, entry, rule):
    best = index.candidates(spelling)[0]
    assert (best.entry.id, best.how, best.rule, best.score) == (entry, "respelling", rule, 88.0)


def test_the_nisba_reading_is_only_for_an_iya_ending_and_keeps_the_other_words():
    assert "nisba" not in respelling_keys("Raqqa")  # a final -a is not -iya
    assert respelling_keys("Suq al-Hamidiyah")["nisba"] == latin_key("Suq Hamidi")


# --- name_guard: names through MT ---------------------------------------------------------

ARTICLE = "ISIS has been in control of the al-Qaim area since August 2014, says Omar al-Obeidi."


def test_a_name_without_a_target_form_does_not_stop_the_names_after_it(finder):
    g = protect("Fighters reached Rutbah and Mosul.", "en", "kmr", finder)  # Rutbah: no Kurmanji
    assert g.text == "Fighters reached Rutbah and XNAME1X."
    assert [(s.entry.id, s.target) for s in g.slots] == [("mosul", "Mûsil")]


def test_a_dropped_tribe_is_flagged_though_the_persons_name_holding_it_is_there(finder):
    g = protect("Omar al-Obeidi, a leader of the Obeidi tribe, spoke.", "en", "ar", finder)
    assert [s.entry.id for s in g.slots] == ["omar-al-obaidi", "obaidi"]
    r = restore("تحدث XNAME1X، أحد زعماء القبيلة.", g, "ar", finder)  # the model lost XNAME2X
    assert r.text == "تحدث عمر العبيدي، أحد زعماء القبيلة."
    assert not r.ok and [s.entry.id for s in r.missing] == ["obaidi"]


def test_a_sorani_name_the_model_wrote_itself_with_a_suffix_counts_as_there(finder):
    g = protect("Fighters came from al-Qaim.", "en", "ckb", finder)
    r = restore("چەکدارەکان لە قائیمەوە هاتن.", g, "ckb", finder)  # قائیم + ەوە, no placeholder
    assert r.ok and r.missing == [] and r.corrected == []
    assert r.text == "چەکدارەکان لە قائیمەوە هاتن."


def test_a_name_the_model_already_wrote_in_the_glossary_form_is_not_a_correction(finder):
    g = protect(ARTICLE, "en", "ar", finder)
    r = restore("يسيطر داعش على منطقة XNAME2X منذ ٢٠١٤، كما يقول XNAME3X.", g, "ar", finder)
    assert r.ok and r.corrected == []
    assert r.text == "يسيطر داعش على منطقة القائم منذ ٢٠١٤، كما يقول عمر العبيدي."


def test_a_right_name_late_in_the_sentence_does_not_stop_an_earlier_correction(finder):
    g = protect(ARTICLE, "en", "ar", finder)
    # the model translated ISIS itself (long form) and wrote Omar al-Obeidi right itself
    out = "يسيطر تنظيم الدولة الإسلامية على منطقة XNAME2X منذ ٢٠١٤، كما يقول عمر العبيدي."
    r = restore(out, g, "ar", finder)
    assert r.text == "يسيطر داعش على منطقة القائم منذ ٢٠١٤، كما يقول عمر العبيدي."
    assert r.ok and r.corrected == [("تنظيم الدولة الإسلامية", "داعش")]


def test_a_sorani_name_typed_on_an_arabic_keyboard_is_respelled_not_flagged(finder):
    g = protect("Fighters left Haditha for al-Qaim.", "en", "ckb", finder)
    # the model wrote Haditha itself, ending in the Arabic heh (ه) instead of Sorani ە
    r = restore("چەکدارەکان حەدیسه یان بەجێهێشت بەرەو XNAME2X.", g, "ckb", finder)
    assert r.ok and r.corrected == [("حەدیسه", "حەدیسە")]
    assert r.text == "چەکدارەکان حەدیسە یان بەجێهێشت بەرەو قائیم."


# --- name_finder: what a span may be --------------------------------------------------------


def spans(finder, text: str, lang: str = "en") -> list[tuple[str, str]]:
    """(entry id, surface) of the top-level names found in ``text``."""
    return [(h.entry.id, h.surface) for h in finder.find(text, lang, nested=False)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The army reached Haditha at night.", [("haditha", "Haditha")]),
        ("Fighters left ar-Rutbah at dawn.", [("rutbah", "ar-Rutbah")]),
        ("They met in Mosul at noon.", [("mosul", "Mosul")]),
    ],
)
def test_a_name_followed_by_the_word_at_does_not_take_it_in(finder, text, found):
    assert spans(finder, text) == found


def test_the_word_after_a_name_reaches_the_mt_engine(finder):
    g = protect("The army reached Haditha at night.", "en", "ar", finder)
    assert g.text == "The army reached XNAME1X at night."


def test_lower_case_words_are_not_taken_for_capitalised_names(finder):
    # every listed Latin form is capitalised: a lower-case "mosul" or "daiş" is not one
    assert spans(finder, "the convoy left mosul for daiş positions") == []
    assert spans(finder, "The convoy left Mosul for DAIŞ positions") == [
        ("mosul", "Mosul"),
        ("islamic-state", "DAIŞ"),
    ]


def test_a_one_consonant_key_needs_a_close_spelling(finder):
    # Ina has Anah's key (VnA) but not its spelling: a German first name, not the town
    assert spans(finder, "Ina Schmidt reported from Anah.") == [("anah", "Anah")]


def test_a_two_consonant_key_needs_a_close_spelling_too(finder):
    # Kim has al-Qaim's key (kVm), Sara has Syria's (sVrA): neither spelling is close
    assert spans(finder, "Kim met reporters in al-Qaim.") == [("al-qaem", "al-Qaim")]
    assert spans(finder, "Sara left Syria.") == [("syria", "Syria")]


def test_a_listed_spelling_scores_100_and_an_unseen_one_90(finder):
    hits = finder.find("From Haditha to Hadeethah.", "en")
    assert [(h.entry.id, h.surface, h.score) for h in hits] == [
        ("haditha", "Haditha", 100.0),
        ("haditha", "Hadeethah", 90.0),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Fighters reached el-Qaim.", [("al-qaem", "el-Qaim")]),  # el-, though no form has it
        ("They left Alqaim.", [("al-qaem", "Alqaim")]),  # the article fused to the name
        ("Fighters left ar-Raqqa in 2017.", [("raqqa", "ar-Raqqa")]),
        ("Fighters left ar\u2011Raqqa in 2017.", [("raqqa", "ar\u2011Raqqa")]),  # U+2011
        ("An Anbar MP said so.", [("anbar", "Anbar")]),  # English "an" is no article
        ("the head of an Anbar council", [("anbar", "Anbar")]),
    ],
)
def test_articles_belong_to_the_name_only_when_they_are_arabic(finder, text, found):
    assert spans(finder, text) == found


def test_running_text_finds_respellings_at_88_and_acronyms_at_100(finder):
    hits = finder.find("ISIS fighters fled Faluya in 2016.", "en")
    assert [(h.entry.id, h.surface, h.score) for h in hits] == [
        ("islamic-state", "ISIS", 100.0),
        ("fallujah", "Faluya", 88.0),
    ]


def test_inside_a_name_only_a_listed_spelling_is_a_nested_name(finder):
    listed = finder.find("Omar al-Obeidi spoke.", "en")
    assert [(h.entry.id, h.surface, h.nested) for h in listed] == [
        ("omar-al-obaidi", "Omar al-Obeidi", False),
        ("obaidi", "al-Obeidi", True),
    ]
    unseen = finder.find("Omar al-Obeydi spoke.", "en")  # al-Obeydi is not a listed form
    assert [(h.entry.id, h.nested) for h in unseen] == [("omar-al-obaidi", False)]


def test_a_french_mute_e_in_running_text(syria_finder):
    assert [(h.entry.id, h.surface) for h in syria_finder.find("Shelling hit Cheikh Meskîne.")] == [
        ("shaykh-miskin", "Cheikh Meskîne")
    ]


# --- name_finder: a long text is scanned a piece at a time ----------------------------------


def test_pieces_are_cut_after_punctuation_and_cover_the_text():
    from workbench.core.names.name_finder import chunk_spans

    text = "Fighters left Mosul. They reached Haditha, then Anah and Rawa by night"
    pieces = list(chunk_spans(text, 10))
    assert pieces == [(0, 20), (20, 42), (42, 70)]  # after "Mosul." and "Haditha,"
    assert [text[a:b] for a, b in pieces][:2] == ["Fighters left Mosul.", " They reached Haditha,"]
    assert list(chunk_spans("Mosul", 10)) == [(0, 5)] and list(chunk_spans("", 10)) == []


def test_without_punctuation_the_cut_is_at_a_space_after_four_sizes():
    from workbench.core.names.name_finder import chunk_spans

    assert list(chunk_spans("word " * 10, 4)) == [(0, 20), (20, 40), (40, 50)]
    assert list(chunk_spans("a" * 30 + " b c", 5)) == [(0, 31), (31, 34)]
    assert list(chunk_spans("abcdefghij", 3)) == [(0, 10)]  # no space at all: one piece


def test_a_text_longer_than_a_piece_finds_every_name_at_its_offset(finder):
    from workbench.core.names.name_finder import CHUNK_CHARS

    sentence = "Fighters left Mosul for Haditha. "
    text = sentence * (CHUNK_CHARS // len(sentence) + 2)
    hits = finder.find(text, "en")
    n = text.count(sentence)
    assert len(hits) == 2 * n
    assert {text[h.start : h.end] for h in hits} == {"Mosul", "Haditha"}
    assert hits[-1].start == len(text) - len("Haditha. ")


# --- name_index: Arabic-script lookups ------------------------------------------------------


def best(index: NameIndex, query: str, *, fuzzy: bool = True) -> tuple[str, str, float] | None:
    """(entry id, how, score) of the first candidate for ``query``."""
    cands = index.candidates(query, fuzzy=fuzzy)
    return (cands[0].entry.id, cands[0].how, cands[0].score) if cands else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("القائم", ("al-qaem", "exact", 100.0)),  # the listed form
        ("القايم", ("al-qaem", "exact", 95.0)),  # yeh for the hamza seat: a close spelling
        ("الأنبار", ("anbar", "exact", 100.0)),
        ("الانبار", ("anbar", "exact", 95.0)),  # bare alef for hamza-alef
        ("الفلوجه", ("fallujah", "key", 90.0)),  # heh for teh marbuta: the same skeleton
        ("حديثه", ("haditha", "key", 90.0)),
        ("صلاح الدبن", ("salahaddin", "fuzzy", 81.8)),  # a dotting slip in a long name
        ("تل عفز", ("tal-afar", "fuzzy", 72.0)),
    ],
)
def test_arabic_lookups_score_by_how_close_the_spelling_is(index, query, expected):
    assert best(index, query) == expected


def test_arabic_fuzzy_candidates_only_when_asked(index):
    assert best(index, "صلاح الدبن", fuzzy=False) is None
    assert best(index, "حديثه", fuzzy=False) == ("haditha", "key", 90.0)


def test_lookup_answers_a_misspelt_full_name_through_the_fuzzy_key_by_default(index):
    # "Omr" for Omar: no key matches, the fuzzy key does, and lookup tries it unasked
    assert [m.entry.id for m in index.lookup("Omr al-Obeidi")] == ["omar-al-obaidi"]
    assert index.lookup("Omr al-Obeidi", fuzzy=False) == []


def test_the_index_keeps_its_glossary(glossary, index):
    assert index.glossary is glossary  # the app and QA read its source and house settings
