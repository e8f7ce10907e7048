"""A target that names the same glossary entry twice is indexed, edited and cleared safely.

The app crashed with ``KeyError: 'ar:حديثة'`` when a segment naming Haditha twice was saved
a second time (issue item 1). Every language is covered: Arabic, Sorani and Kurmanji.
"""

import pytest

from workbench.core.names.spelling_index import SpellingIndex

#: (language, a target naming Haditha twice, the same twice in another spelling)
TWICE = [
    (
        "ar",
        "قاتلوا في حديثة، وتبعد حديثة ١٥٠ كيلومترا.",
        "قاتلوا في حديثه، وتبعد حديثه ١٥٠ كيلومترا.",
    ),
    ("ckb", "لە حەدیسە شەڕیان کرد؛ حەدیسە دوورە.", "لە حەدیسه شەڕیان کرد؛ حەدیسه دوورە."),
    ("kmr", "Li Hedîse şer kirin; Hedîse dûr e.", "Li Hedise şer kirin; Hedise dûr e."),
]


@pytest.mark.parametrize(("lang", "text", "other"), TWICE, ids=[t[0] for t in TWICE])
def test_a_name_twice_in_one_target_can_be_saved_again_and_cleared(finder, lang, text, other):
    index = SpellingIndex(finder, lang)
    hits = [h for h in finder.find(text, lang, nested=False) if h.entry.id == "haditha"]
    assert len(hits) == 2, "the test text must name Haditha twice"
    index.set("s1", text)
    index.set("s1", text)  # saved again (the crash)
    index.set("s2", text)
    assert index.warnings("s1", text) == []
    index.set("s1", other)  # edited to another spelling, twice
    others = [h for h in finder.find(other, lang, nested=False) if h.entry.id == "haditha"]
    if others and others[0].spelling != hits[0].spelling:
        (w,) = index.warnings("s1", other)  # one warning, though the name is there twice
        assert w.code == "name-elsewhere" and "s2" in w.message
    index.set("s1", "")
    index.set("s2", "")
    index.set("s1", text)  # and back from nothing
    assert index.warnings("s1", text) == []


def test_a_name_twice_in_two_spellings_in_one_target(finder):
    index = SpellingIndex(finder, "ckb")
    both = "لە حەدیسە شەڕیان کرد؛ حەدیسه دوورە."
    index.set("s1", both)
    index.set("s1", both)
    index.set("s2", "گەیشتنە حەدیسە.")
    (w,) = index.warnings("s2", "گەیشتنە حەدیسە.")
    assert "حەدیسه" in w.message and "s1" in w.message
    index.set("s1", "")
    assert index.warnings("s2", "گەیشتنە حەدیسە.") == []
