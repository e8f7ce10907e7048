"""QA checks of translated segments."""

from workbench.core.qa import check_segment, name_consistency

SRC = "The Islamic State group has been in control of the Al Qaem area since August 2014."


def codes(ws):
    return [w.code for w in ws]


def test_a_good_translation_has_no_warning(finder):
    assert check_segment(SRC, "يسيطر داعش على منطقة القائم منذ آب ٢٠١٤.", "en", "ar", finder) == []


def test_empty_and_copied_targets(finder):
    assert codes(check_segment(SRC, "  ", "en", "ar", finder)) == ["empty"]
    assert "copy" in codes(check_segment(SRC, SRC, "en", "ar", finder))


def test_numbers_are_compared_across_digit_systems():
    assert check_segment("It was 2014.", "كان ذلك عام ٢٠١٤.", "en", "ar") == []
    ws = check_segment("It was 2014, 150 km away.", "كان ذلك عام ٢٠١٥ على بعد ١٥٠ كم.", "en", "ar")
    assert [(w.code, w.detail) for w in ws] == [("number", "2014")]
    assert check_segment("There were 40,000 soldiers.", "كان هناك ٤٠ ألف جندي.", "en", "ar") == []


def test_missing_and_misspelled_names(finder):
    ws = check_segment(
        SRC, "يسيطر تنظيم الدولة الإسلامية على المنطقة منذ آب ٢٠١٤.", "en", "ar", finder
    )
    assert ("name-missing", "القائم") in [(w.code, w.detail) for w in ws]
    assert ("name-deprecated", "داعش") in [(w.code, w.detail) for w in ws]


def test_arabic_letters_in_sorani_and_the_reverse(finder):
    ws = check_segment("Fighters left Mosul.", "چەكدارەكان موسڵيان بەجێهێشت.", "en", "ckb", finder)
    script = [w for w in ws if w.code == "script"]
    assert script and "ك (use ک)" in script[0].message and "ي (use ی)" in script[0].message
    ws = check_segment("It was 2014.", "کان ذلک عام ٢٠١٤.", "en", "ar")
    assert [w.code for w in ws] == ["script"]


def test_name_consistency_across_a_project(finder):
    targets = [
        ("p1", "Şervanan Mûsil berdan."),
        ("p2", "Ew li Musil in."),
        ("p3", "Mûsil mezin e."),
    ]
    got = name_consistency(targets, "kmr", finder)
    assert got == {"mosul": {"Mûsil": ["p1", "p3"], "Musil": ["p2"]}}
    # a hamza seat or alef form is orthography, not another spelling
    same = [("p1", "وصل داعش إلى القائم."), ("p2", "القايم مدينة حدودية.")]
    assert name_consistency(same, "ar", finder) == {}
