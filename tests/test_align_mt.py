"""Machine translation as an alignment signal: chrF of the source's MT against the target."""

import csv
from collections import defaultdict

import pytest
from sacrebleu.metrics import CHRF

from tests.conftest import SHARED
from workbench.core.align.beads import score_alignment
from workbench.core.align.mt_similarity import MTSimilarity
from workbench.core.align.sentence import align_sentences
from workbench.testing.align_devset import make_devset

NTREX = SHARED / "data" / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv"


def ntrex():
    with NTREX.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize(
    ("hyp", "ref"),
    [
        ("يسيطر داعش على منطقة القائم منذ آب ٢٠١٤.", "يسيطر تنظيم الدولة على القائم منذ ٢٠١٤."),
        ("Fighters left Mosul.", "The fighters left Mosul in 2017."),
        ("abc", "xyz"),
        ("a", "a b"),
    ],
)
def test_the_similarity_is_sacrebleus_chrf(hyp, ref):
    sim = MTSimilarity({"src": hyp})
    assert sim("src", ref) == pytest.approx(CHRF().sentence_score(hyp, [ref]).score / 100)
    assert sim("no MT for this one", ref) == 0.0
    assert MTSimilarity({}, base=lambda a, b: 0.25)("src", ref) == 0.25  # the larger counts


def test_the_mt_signal_places_a_deletion_the_other_signals_miss():
    rows = ntrex()
    docs = defaultdict(list)
    for row in rows:
        docs[row["doc_id"]].append((row["eng"], row["kmr"]))
    bitext = make_devset(list(docs.values()))[19]  # 55 + 55 sentences, a 1-0 and a 0-1 inside
    mt = {row["eng"]: row["kmr"] for row in rows}  # a perfect MT: the reference itself
    without = align_sentences(bitext.src, bitext.tgt, "en", "kmr")
    with_mt = align_sentences(bitext.src, bitext.tgt, "en", "kmr", None, MTSimilarity(mt))
    assert score_alignment(without.beads, bitext.gold).strict_f1 < 0.95
    assert score_alignment(with_mt.beads, bitext.gold).strict_f1 == 1.0


def test_align_with_the_memory_engine_from_the_command_line(run, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    rows = ntrex()[:40]
    src, tgt = tmp_path / "src.en.txt", tmp_path / "tgt.ar.txt"
    src.write_text("\n".join(r["eng"] for r in rows) + "\n", encoding="utf-8")
    kept = [r["arb"] for k, r in enumerate(rows) if k != 17]  # one translation missing
    tgt.write_text("\n".join(kept) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    (pairs / "a.en.txt").write_text("\n".join(r["eng"] for r in rows) + "\n", encoding="utf-8")
    (pairs / "a.ar.txt").write_text("\n".join(r["arb"] for r in rows) + "\n", encoding="utf-8")
    tm = str(tmp_path / "tm.sqlite")
    imported = run(
        "tm",
        "import-aligned",
        str(pairs / "a.en.txt"),
        str(pairs / "a.ar.txt"),
        "--src-lang",
        "en",
        "--tgt-lang",
        "ar",
        "--tm",
        tm,
    )
    assert imported.code == 0, imported.err
    r = run(
        "align",
        str(src),
        str(tgt),
        "--src-lang",
        "en",
        "--tgt-lang",
        "ar",
        "--engine",
        "memory",
        "--tm",
        tm,
    )
    assert r.code == 0, r.err
    assert "[17]:[]" in r.out  # the missing translation is a 1-0 bead at its place
    assert "[18]:[17]" in r.out and "[39]:[38]" in r.out
