"""Names through MT: placeholders in, glossary forms out, dropped names flagged."""

import pytest

from workbench.core.names.name_guard import placeholder, protect, restore

SRC = "ISIS has been in control of the al-Qaim area since August 2014, says Omar al-Obeidi."


@pytest.fixture
def guarded(finder):
    return protect(SRC, "en", "ar", finder)


def test_protect_replaces_each_name_with_a_placeholder(guarded):
    assert (
        guarded.text
        == "XNAME1X has been in control of the XNAME2X area since August 2014, says XNAME3X."
    )
    assert [(s.entry.id, s.source, s.target) for s in guarded.slots] == [
        ("islamic-state", "ISIS", "داعش"),
        ("al-qaem", "al-Qaim", "القائم"),
        ("omar-al-obaidi", "Omar al-Obeidi", "عمر العبيدي"),
    ]


def test_restore_tolerates_what_models_do_to_placeholders(guarded, finder):
    # spaces inside, lower case, reordered slots, and a clitic glued in front
    output = "يسيطر xname 1X على منطقة XNAME2X منذ آب ٢٠١٤، كما يقول X NAME 3 X."
    r = restore(output, guarded, "ar", finder)
    assert r.text == "يسيطر داعش على منطقة القائم منذ آب ٢٠١٤، كما يقول عمر العبيدي."
    assert r.ok and [s.n for s in r.restored] == [1, 2, 3]


def test_a_name_the_model_translated_itself_is_respelled_to_the_glossary(guarded, finder):
    output = "يسيطر تنظيم الدولة الإسلامية على منطقة XNAME2X منذ ٢٠١٤، كما يقول XNAME3X."
    r = restore(output, guarded, "ar", finder)
    assert r.text.startswith("يسيطر داعش على منطقة القائم")
    assert r.corrected == [("تنظيم الدولة الإسلامية", "داعش")] and r.ok


def test_a_dropped_or_mangled_name_flags_the_segment(guarded, finder):
    output = "يسيطر XNAME1X على المنطقة منذ ٢٠١٤، كما يقول XNAM3."
    r = restore(output, guarded, "ar", finder)
    assert not r.ok
    assert [s.entry.id for s in r.missing] == ["al-qaem", "omar-al-obaidi"]


def test_unknown_and_repeated_placeholders_are_dropped(guarded, finder):
    output = f"{placeholder(1)} {placeholder(1)} {placeholder(9)} القائم عمر العبيدي"
    r = restore(output, guarded, "ar", finder)
    assert r.text == "داعش القائم عمر العبيدي" and r.ok


def test_sorani_forms_and_names_without_a_target_form(finder):
    g = protect("Fighters reached Mosul and Rutbah.", "en", "ckb", finder)
    r = restore("چەکدارەکان گەیشتنە XNAME1X و XNAME2X.", g, "ckb", finder)
    assert r.text == "چەکدارەکان گەیشتنە موسڵ و ڕوتبە." and r.ok
    kmr = protect("Fighters reached Rutbah.", "en", "kmr", finder)  # no Kurmanji form
    assert kmr.text == "Fighters reached Rutbah." and kmr.slots == []
