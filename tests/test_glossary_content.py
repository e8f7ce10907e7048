"""The bundled glossary covers the seed texts' names, in every language, without collisions."""

import pytest

from workbench.core.names.latin_key import latin_key

REQUIRED = [
    "Al Qaem",
    "Obaidi",
    "Jughaifi",
    "Haditha",
    "Anbar",
    "Albu Mahal",
    "Karbouli",
    "Ain al-Asad",
    "Albu Kamal",
    "Mosul",
    "Raqqa",
    "Ramadi",
    "Fallujah",
    "Salahaddin",
    "Baghdad",
    "Tal Afar",
    "Rutbah",
    "Anah",
    "Hawijah",
    "Iraqi Kurdistan",
    "Abu Bakr al-Baghdadi",
    "Abu Harith al-Rawi",
    "Ahmad al-Salmani",
    "Sabah Karhout",
    "Ibrahim al-Jughaifi",
    "Omar al-Obaidi",
    "Mustafa Habib",
    "Islamic State",
    "IS",
    "ISIS",
    "Daesh",
    "Al Qaeda",
    "Awakening",
    "Sahwa",
    "Popular Mobilisation Units",
    "NIQASH",
]


@pytest.mark.parametrize("name", REQUIRED)
def test_required_name_has_an_entry_with_arabic_and_sorani_forms(index, name):
    matches = index.lookup(name)
    assert matches, name
    e = matches[0].entry
    assert e.ar and e.ckb and e.type in ("person", "place", "tribe", "organisation")
    assert any("\u0600" <= c <= "\u06ff" for c in e.ckb)


def test_no_two_entries_share_a_latin_key(glossary):
    owner = {}
    for e in glossary:
        for form in e.latin_forms():
            k = latin_key(form)
            if form.isupper():  # acronyms match case-sensitively, not by key
                continue
            assert owner.setdefault(k, e.id) == e.id, (form, owner[k], e.id)


def test_every_arabic_script_form_finds_its_own_entry(glossary, index):
    for e in glossary:
        for form in e.arabic_forms():
            ids = [m.entry.id for m in index.lookup(form)]
            assert e.id in ids, (form, ids)
