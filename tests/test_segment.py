"""Sentence segmentation for en, ar, ckb with stable ids; scored on ntrex128."""

import csv
from collections import defaultdict

import pytest

from tests.conftest import TEXTS, shared_file
from workbench.core.document import Document, Paragraph
from workbench.core.segment import segment_document, split_sentences
from workbench.testing.segment_eval import score_boundaries


def sents(text, lang="en"):
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. army arrived. It was 1.5 km away.",
            ["The U.S. army arrived.", "It was 1.5 km away."],
        ),
        ("He met Gen. Smith and Capt. Omar in the U.S. on Monday.", None),
        ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
        (
            "There were 40,000 soldiers. Dr. Ahmad said so.",
            ["There were 40,000 soldiers.", "Dr. Ahmad said so."],
        ),
        ("“We almost killed him.” He left.", ["“We almost killed him.”", "He left."]),
        ("“They are wrong,” he said. “Go!”", ["“They are wrong,” he said.", "“Go!”"]),
        ("It was placed by the IS group. (photo: x)", None),
        ("Wait... what happened?", None),
        ("J. K. Rowling wrote it.", None),
    ],
)
def test_english(text, expected):
    assert sents(text) == (expected or [text])


def test_arabic_punctuation_and_abbreviations():
    text = "قال د. أحمد إن الوضع صعب، لكنه مستقر؛ هل هذا صحيح؟ نعم. «ستعود» الحياة!"
    assert sents(text, "ar") == [
        "قال د. أحمد إن الوضع صعب، لكنه مستقر؛ هل هذا صحيح؟",
        "نعم.",
        "«ستعود» الحياة!",
    ]


def test_sorani():
    assert sents("ئەمە ڕاستە. بەڵام، چی؟ باشە! ٢٠١٤.٥ نییە.", "ckb") == [
        "ئەمە ڕاستە.",
        "بەڵام، چی؟",
        "باشە!",
        "٢٠١٤.٥ نییە.",
    ]


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_segment_ids_are_stable_and_titles_stay_whole():
    doc = Document(
        "story",
        "en",
        [
            Paragraph(1, "title", "Al Qaem: A City. Maybe The Capital?"),
            Paragraph(2, "body", "One. Two."),
            Paragraph(3, "caption", "A banner. It was placed there. (photo: x)"),
        ],
    )
    segs = list(segment_document(doc))
    assert [s.id for s in segs] == [
        "story:p1:s1",
        "story:p2:s1",
        "story:p2:s2",
        "story:p3:s1",
        "story:p3:s2",
    ]
    assert segs[0].text == "Al Qaem: A City. Maybe The Capital?"
    assert doc.paragraphs[1].text[segs[2].start : segs[2].end] == "Two."


def test_seed_translations_segment_one_to_one():
    from workbench.formats.article import read_document

    counts = {}
    for lang in ("en", "ar", "ckb"):
        doc = read_document(TEXTS / f"al-qaem.{lang}.md")
        per_para = defaultdict(int)
        for s in segment_document(doc):
            per_para[s.para] += 1
        counts[lang] = dict(per_para)
    assert counts["en"] == counts["ar"] == counts["ckb"]
    assert sum(counts["en"].values()) == 69


def _ntrex_documents(column):
    path = shared_file("ntrex128/ntrex128.eng-arb-ckb-kmr.tsv")
    docs = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            docs[row["doc_id"]].append(row[column])
    return list(docs.values())


@pytest.mark.parametrize(
    ("column", "lang", "floor"),
    [("eng", "en", 0.97), ("arb", "ar", 0.97), ("ckb_Arab", "ckb", 0.97), ("kmr", "kmr", 0.93)],
)
def test_ntrex128_boundaries_are_recovered(column, lang, floor):
    """Each document's sentences joined into one paragraph: the punctuated boundaries come
    back (Kurmanji's reference often starts sentences in lower case, hence its floor)."""
    score = score_boundaries(_ntrex_documents(column), lang, punctuated_only=True)
    assert score.tp > 1400
    assert score.f1 >= floor, (score.precision, score.recall)
