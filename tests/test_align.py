"""Sentence alignment: beads, edge cases, scores, the Vecalign format, and reuse."""

import pytest

from tests.conftest import TEXTS
from workbench.core.align.beads import Bead, parse_vecalign, score_alignment
from workbench.core.align.reuse import find_reuse
from workbench.core.align.sentence import align_sentences
from workbench.core.segment import segment_document
from workbench.formats.article import read_document
from workbench.testing.align_devset import make_bitext


def sents(lang):
    return [s.text for s in segment_document(read_document(TEXTS / f"al-qaem.{lang}.md"))]


EN, AR, CKB = sents("en"), sents("ar"), sents("ckb")


def pairs(beads):
    return [(b.src, b.tgt) for b in beads]


def covers_everything(beads, n, m):
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    return src == list(range(n)) and tgt == list(range(m))


@pytest.mark.parametrize(("tgt", "lang"), [(AR, "ar"), (CKB, "ckb")])
def test_the_demo_translations_align_one_to_one_with_high_scores(tgt, lang):
    al = align_sentences(EN, tgt, "en", lang)
    assert pairs(al.beads) == [((i,), (i,)) for i in range(69)]
    assert al.is_translation
    assert sum(b.score for b in al.beads) / 69 > 0.6


def test_merges_and_deletions_are_found_including_at_both_ends():
    src = EN[:30]
    tgt = list(AR[:30])
    tgt[5:7] = [tgt[5] + " " + tgt[6]]  # 2-1 at source 5, 6
    del tgt[0]  # source 0 has no translation: 1-0 at the start
    extra = "هذه جملة إضافية لا مقابل لها في النص الإنجليزي، عن الطقس في أربيل يوم ٣ أيار."
    tgt.append(extra)  # 0-1 at the end
    al = align_sentences(src, tgt, "en", "ar")
    p = pairs(al.beads)
    assert p[0] == ((0,), ())
    assert ((5, 6), (4,)) in p
    assert p[-1] == ((), (len(tgt) - 1,))
    assert covers_everything(al.beads, len(src), len(tgt))


def test_split_into_many_target_sentences_is_one_bead():
    src = [
        "The IS group has been able to exploit the differences between the two tribes in Al Qaem for their own purposes and eventually forced all of the local tribes to swear allegiance to the them, in 2015."
    ]
    tgt = [
        "واستطاع داعش استغلال الخلافات.",
        "وكان ذلك بين العشيرتين في القائم.",
        "لمصلحته.",
        "وأجبر في النهاية كل العشائر المحلية على مبايعته عام ٢٠١٥.",
    ]
    al = align_sentences(src, tgt, "en", "ar")
    assert pairs(al.beads) == [((0,), (0, 1, 2, 3))]


def test_empty_sides_and_one_line_files():
    assert pairs(align_sentences([], ["a", "b"], "en", "ar").beads) == [((), (0,)), ((), (1,))]
    assert pairs(align_sentences(["a"], [], "en", "ar").beads) == [((0,), ())]
    assert align_sentences([], [], "en", "ar").beads == []
    one = align_sentences([EN[3]], [AR[3]], "en", "ar")
    assert pairs(one.beads) == [((0,), (0,))] and one.beads[0].score > 0.5


def test_wildly_different_lengths_still_cover_both_sides():
    src = EN[:40]
    tgt = AR[:4]
    al = align_sentences(src, tgt, "en", "ar")
    assert covers_everything(al.beads, 40, 4)


def test_arabic_indic_digits_anchor_numbers():
    src = ["Troops moved 150 kilometres.", "They moved 400 kilometres.", "It was 2014."]
    tgt = ["تحرك الجنود ٤٠٠ كيلومتر.", "كان ذلك عام ٢٠١٤."]
    al = align_sentences(src, tgt, "en", "ar")
    assert pairs(al.beads) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


def test_a_target_that_is_no_translation_gets_low_scores():
    import csv

    from tests.conftest import shared_file
    from workbench import services

    path = shared_file("ntrex128/ntrex128.eng-arb-ckb-kmr.tsv")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    unrelated = [r["ckb_Arab"] for r in rows[:69]]  # real Sorani news, not this article
    sim = services.aligner_similarity("en", "ckb")
    al = align_sentences(EN, unrelated, "en", "ckb", None, sim)
    assert not al.is_translation and al.anchor_agreement < 0.2
    assert max(b.score for b in al.beads) < 0.3
    right = align_sentences(EN, CKB, "en", "ckb", None, sim)
    assert right.is_translation and right.anchor_agreement > 0.9
    assert sum(b.score for b in right.beads) / len(right.beads) > 0.6


def test_vecalign_format_round_trip_and_errors():
    beads = [Bead((0,), (0, 1), 0.873), Bead((1,), (), 0.0), Bead((), (2,), 0.0)]
    text = "".join(b.vecalign() + "\n" for b in beads)
    assert text.splitlines()[0] == "[0]:[0, 1]:0.873"
    assert parse_vecalign(text) == beads
    with pytest.raises(ValueError, match="line 2"):
        parse_vecalign("[0]:[0]\nnot a bead\n")


def test_scores_strict_and_link():
    gold = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), ())]
    pred = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), ())]
    s = score_alignment(pred, gold)
    assert (s.strict_p, s.strict_r) == (0.5, 2 / 3)
    assert (s.link_p, s.link_r) == (1.0, 2 / 3)


def test_devset_beads_are_consistent():
    import random

    bt = make_bitext("x", [(f"s{i}", f"t{i}") for i in range(200)], random.Random(1))
    assert covers_everything(bt.gold, len(bt.src), len(bt.tgt))
    kinds = {b.kind for b in bt.gold}
    assert {"1-1", "2-1", "1-2", "1-0", "0-1"} <= kinds


def test_reuse_of_the_seed_article(finder):
    derived = list(segment_document(read_document(TEXTS / "al-qaim-stronghold.en.md")))
    original = list(segment_document(read_document(TEXTS / "al-qaem.en.md")))
    found = {m.derived.id: m for m in find_reuse(derived, original, "en", finder)}
    m = found["al-qaim-stronghold:p3:s3"]  # reordered: the 2nd article's p3 is the 1st's p12-13
    assert [o.id for o in m.originals] == ["al-qaem:p13:s1"] and m.similarity == 100
    assert [(e.type, e.original, e.derived) for e in m.edits] == [
        ("respelling", "The IS group", "ISIS"),
        ("respelling", "Al Qaem", "al-Qaim"),
    ]
    cut = found["al-qaim-stronghold:p5:s1"]  # shortened
    assert [o.id for o in cut.originals] == ["al-qaem:p16:s1"]
    assert ("deletion", "who could not be named for security reasons", "") in [
        (e.type, e.original, e.derived) for e in cut.edits
    ]
    assert found["al-qaim-stronghold:p1:s1"].originals == []  # new headline
    assert sum(1 for m in found.values() if m.originals) == 10


def test_reuse_finds_merged_original_sentences(finder):
    from workbench.core.document import Segment

    orig = [
        Segment("o", 1, 1, "body", "Two tribes share power in the Al Qaem area.", 0, 0),
        Segment("o", 1, 2, "body", "Both have fought for years.", 0, 0),
    ]
    der = [
        Segment(
            "d",
            1,
            1,
            "body",
            "Two tribes share power in the al-Qaim area and both have fought for years.",
            0,
            0,
        )
    ]
    (m,) = find_reuse(der, orig, "en", finder)
    assert [o.sent for o in m.originals] == [1, 2]
