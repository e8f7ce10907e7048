"""Scoring what ``translate --out`` wrote against the published reference article.

Both are articles: paired by segment id when segmented alike, else through the sentence
aligner; per-segment rows are named by segment id.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import TEXTS
from workbench.core.names.name_guard import protect

EN = str(TEXTS / "al-qaem.en.md")
AR = str(TEXTS / "al-qaem.ar.md")


class Reference:
    """A stand-in model that answers each source segment with the reference's segment."""

    name, model_id, checksum = "hf", "reference", "7e7e"
    should_stop = None

    def __init__(self, finder, split: str | None = None) -> None:
        from workbench.services.glossary import segment_file

        src = segment_file(EN)[1]
        ref = {s.id: s.text for s in segment_file(AR)[1]}
        self.answer = {}
        for s in src:
            text = ref[s.id]
            if s.id == split:  # the "model" cuts this sentence in two
                words = text.split()
                text = " ".join(words[:4]) + ". " + " ".join(words[4:])
            self.answer[protect(s.text, "en", "ar", finder).text] = text

    def translate(self, texts, src, tgt, options):
        return [self.answer[t] for t in texts]


@pytest.fixture
def translated(run, tmp_path, monkeypatch, finder):
    from workbench import services

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(services, "model_dir", lambda *a: Path("reference"))

    def translate(split: str | None = None) -> Path:
        monkeypatch.setattr(services, "open_engine", lambda *a, **k: Reference(finder, split))
        out = tmp_path / (split or "plain").replace(":", "-")
        r = run("translate", EN, "--to", "ar", "--out", str(out), "--force")
        assert r.code == 0, r.err
        return out / "al-qaem.ar.md"

    return translate


def test_a_translate_article_scores_against_its_reference_by_segment_id(run, translated):
    hyp = translated()
    r = run("score", str(hyp), AR, "--lang", "ar", "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["paired_by"] == "segment ids" and len(data["segments"]) == 69
    assert data["segments"][0]["id"] == "al-qaem:p1:s1"
    assert data["corpus"]["chrF++"]["score"] > 90  # the reference itself, names respelled
    r = run("score", str(hyp), AR, "--lang", "ar", "--segment")
    assert r.code == 0 and "(69 segments paired by segment ids)" in r.out
    rows = [line.split()[0] for line in r.out.splitlines()[6:]]
    assert rows[:2] == ["al-qaem:p1:s1", "al-qaem:p2:s1"] and "0" not in rows


def test_differently_segmented_articles_pair_through_the_aligner(run, translated):
    hyp = translated(split="al-qaem:p5:s1")  # one sentence came out as two
    r = run("score", str(hyp), AR, "--lang", "ar", "--json")
    assert r.code == 0, r.err  # no "70 hypothesis segments but 69 references"
    data = json.loads(r.out)
    assert data["paired_by"] == "alignment"
    ids = [s["id"] for s in data["segments"]]
    assert "al-qaem:p5:s1+al-qaem:p5:s2" in ids  # the two halves joined against the one
    assert len(ids) == 69 and data["unpaired"] == {"hyp": [], "ref": []}
    joined = data["segments"][ids.index("al-qaem:p5:s1+al-qaem:p5:s2")]
    assert joined["chrF++"] > 80


def test_plain_files_still_pair_line_by_line(run, tmp_path):
    hyp, ref = tmp_path / "h.txt", tmp_path / "r.txt"
    hyp.write_text("جملة أولى.\nجملة ثانية.\n", encoding="utf-8")
    ref.write_text("جملة أولى.\nجملة ثالثة.\n", encoding="utf-8")
    data = json.loads(run("score", str(hyp), str(ref), "--lang", "ar", "--json").out)
    assert [s["index"] for s in data["segments"]] == [0, 1] and "id" not in data["segments"][0]
    r = run("score", str(hyp), AR, "--lang", "ar")  # a text of lines against an article
    assert r.code == 1 and "must pair up" in r.err and r.err.count("\n") == 1
