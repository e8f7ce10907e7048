"""The texts/ folder: clean articles with metadata, and translations that match them."""

import re

import pytest

from tests.conftest import TEXTS
from workbench.formats.article import read_document

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
BOILERPLATE = [
    "Your email address has been registered",
    "republish",
    "Brunnenstraße",
    "Our other projects",
    "Media in Cooperation and Transition\n",
]


@pytest.mark.parametrize("path", sorted(TEXTS.glob("*.*.md")), ids=lambda p: p.name)
def test_article_files_are_clean_and_carry_metadata(path):
    raw = path.read_text(encoding="utf-8")
    doc = read_document(path)
    assert doc.id == path.name.split(".")[0]
    assert doc.lang == path.name.split(".")[1]
    for key in (
        "id",
        "story",
        "lang",
        "title",
        "author",
        "date",
        "place",
        "source" if doc.lang == "en" else "translator",
    ):
        assert key in doc.meta, key
    body = raw.split("\n---\n", 1)[1]
    for junk in BOILERPLATE:
        assert junk not in body
    assert doc.paragraphs[0].kind == "title"


def test_captions_appear_once_and_are_marked():
    doc = read_document(TEXTS / "al-qaem.en.md")
    captions = [p.text for p in doc.paragraphs if p.kind == "caption"]
    assert len(captions) == 2
    assert len(set(captions)) == 2
    assert doc.text.count("An IS group fighter in Al Qaem.") == 1


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_translations_follow_the_english_paragraph_for_paragraph(lang):
    en = read_document(TEXTS / "al-qaem.en.md")
    tr = read_document(TEXTS / f"al-qaem.{lang}.md")
    assert [p.kind for p in tr.paragraphs] == [p.kind for p in en.paragraphs]
    assert tr.meta["translation-of"] == "al-qaem.en"
    assert "not NIQASH" in tr.meta["translator"]
    # numbers survive translation, whatever the digits (40,000 may become ٤٠ ألف)
    for p_en, p_tr in zip(en.paragraphs, tr.paragraphs, strict=True):
        wanted = {n for n in _numbers(p_en.text) if n in (20, 150, 400, 600, 2007, 2014)}
        assert wanted <= _numbers(p_tr.text), (lang, p_en.number)


def _numbers(text):
    return {
        int(m.replace(",", ""))
        for m in re.findall(r"\d[\d,]*", text.translate(DIGITS))
        if m[0] != ","
    }
