"""The name machinery, the cases mutation testing found unchecked (bench/mutation.py).

Each test states a behaviour a translator relies on, with real spellings: vowel-less
(abjad) romanisations find their place, distinct names keep distinct keys, a protected
name comes back in the glossary's form. BENCHMARKS.md has the scores per module.
"""

from pathlib import Path

import pytest

from workbench.core.names.latin_key import abjad_skeleton, latin_key, skeleton
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
]


@pytest.fixture(scope="module")
def syria(tmp_path_factory) -> NameIndex:
    path = Path(tmp_path_factory.mktemp("glossary")) / "syria.tsv"
    rows = [f"{i}\tplace\t{en}\t{var}\t{ar}\t\t\t\t\t\n" for i, en, var, ar in SYRIA]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return NameIndex(load_glossary(path))


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
    ],
)
def test_abjad_romanisations_find_their_place(syria, abjad, place):
    assert ids(syria, abjad)[:1] == [place]


def test_abjad_skeletons_are_the_consonants_without_article_or_ending():
    assert abjad_skeleton("alslmyt") == "slm"
    assert abjad_skeleton("jrabls") == "jrbls"  # a final s is a root letter: kept
    assert abjad_skeleton("alflwjh") == abjad_skeleton("flwjh") == "flj"
    assert abjad_skeleton("drzwr") == "drzr"
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
