"""Name consistency across a project's targets, kept current segment by segment."""

from workbench.core.names.spelling_index import SpellingIndex


def test_a_name_spelled_unlike_other_segments_is_flagged_until_they_agree(finder):
    index = SpellingIndex(finder, "ar")
    index.set("a:p1:s1", "وصل المقاتلون إلى عانة.")
    index.set("a:p2:s1", "غادروا عانة أمس.")
    assert index.warnings("a:p1:s1", "وصل المقاتلون إلى عانة.") == []
    index.set("a:p3:s1", "ثم عادوا إلى عانه.")  # the glossary's variant, otherwise spelled
    (w,) = index.warnings("a:p3:s1", "ثم عادوا إلى عانه.")
    assert w.code == "name-elsewhere" and "عانه: spelled عانة in 2 other segments" in w.message
    (w,) = index.warnings("a:p1:s1", "وصل المقاتلون إلى عانة.")
    assert "spelled عانه in a:p3:s1" in w.message
    index.set("a:p3:s1", "ثم عادوا إلى عانة.")  # the edit replaces what the segment had
    assert index.warnings("a:p1:s1", "وصل المقاتلون إلى عانة.") == []
    index.set("a:p3:s1", "")
    assert index.warnings("a:p3:s1", "") == []


def test_each_name_is_flagged_once_and_other_names_do_not_interfere(finder):
    index = SpellingIndex(finder, "ar")
    index.set("s1", "الموصل والرمادي")
    index.set("s2", "عانه وعانه والموصل")
    assert index.warnings("s1", "الموصل والرمادي") == []
    assert len(index.warnings("s3", "عانة وعانة")) == 1
