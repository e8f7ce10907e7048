"""Arabic and Sorani misspellings of glossary names: reported with the right form, inflection not."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.arabic_script import misspelling_of
from workbench.core.name_finder import NameFinder
from workbench.core.name_index import NameIndex
from workbench.core.qa import check_segment
from workbench.formats.glossary_tsv import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "glossaries" / "names.tsv"


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(NameIndex(load_glossary(GLOSSARY)))


@pytest.mark.parametrize(
    ("spelling", "forms", "right"),
    [
        ("القايم", ("القائم",), "القائم"),  # hamza seat
        ("الرمادى", ("الرمادي",), "الرمادي"),  # alef maqsura for yeh
        ("حديثه", ("حديثة",), "حديثة"),  # heh for teh marbuta
        ("الانبار", ("الأنبار",), "الأنبار"),  # bare alef for hamza
        ("الفلوجه", ("الفلوجة",), "الفلوجة"),
        ("الرقه", ("الرقة",), "الرقة"),
        ("ئەمريكا", ("ئەمریکا",), "ئەمریکا"),  # Arabic yeh in Sorani
        ("الرقّة", ("الرقة",), "الرقة"),  # a shadda the glossary does not write
    ],
)
def test_typing_confusions_are_misspellings(spelling, forms, right):
    assert misspelling_of(spelling, forms) == right


@pytest.mark.parametrize(
    ("spelling", "forms"),
    [
        ("القائم", ("القائم",)),  # the listed form
        ("البغدادي", ("أبو بكر البغدادي", "البغدادي")),  # a listed variant
        ("الأمريكية", ("الأمريكي",)),  # feminine: inflection, not a respelling
        ("العبيديين", ("العبيدي",)),  # plural -in
        ("العبيديون", ("العبيدي",)),  # plural -un
        ("القائمَ", ("القائم",)),  # harakat are not a misspelling
    ],
)
def test_listed_forms_and_inflections_are_not(spelling, forms):
    assert misspelling_of(spelling, forms) is None


def test_qa_reports_a_mistyped_name_with_the_right_form(finder):
    ws = check_segment("They reached Al Qaem.", "وصلوا إلى القايم.", "en", "ar", finder)
    assert [(w.code, w.detail) for w in ws if w.code.startswith("name")] == [
        ("name-misspelled", "القائم")
    ]
    assert "القايم" in ws[0].message or any("القايم" in w.message for w in ws)


def test_qa_is_silent_on_the_right_spelling(finder):
    ws = check_segment("They reached Al Qaem.", "وصلوا إلى القائم.", "en", "ar", finder)
    assert [w for w in ws if w.code.startswith("name")] == []


def test_qa_sorani_suffix_is_not_a_misspelling(finder):
    """موسڵ with the Sorani suffix ـەکە / ـی is the name inflected, not mistyped."""
    ws = check_segment("Fighters left Mosul.", "چەکدارەکان موسڵیان بەجێهێشت.", "en", "ckb", finder)
    assert not [w for w in ws if w.code == "name-misspelled"]
