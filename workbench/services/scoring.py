"""Scoring use cases: pair a translation with its reference, then BLEU, chrF++ and TER.

Two articles (front matter, as ``translate --out`` writes and translators publish) are
paired by segment id when both are segmented alike; otherwise through the sentence
aligner, with chrF between the sentences as its signal, joining sentences where one side
merged or split them (as ``project add-reference`` does). Plain files pair line by line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from workbench.core.languages import get_language
from workbench.services.alignment import read_sentences
from workbench.services.glossary import segment_file


@dataclass
class ScorePairs:
    """Hypotheses and references paired up, with an id per pair."""

    ids: list[str]
    hyps: list[str]
    refs: list[str]
    how: str  # 'lines', 'sentences', 'segment ids' or 'alignment'
    unpaired_hyp: list[str] = field(default_factory=list)  # ids with no reference
    unpaired_ref: list[str] = field(default_factory=list)


def is_article(path: str) -> bool:
    """Whether ``path`` starts with front matter (an article, not a text of lines)."""
    if not os.path.isfile(path):  # a FIFO or device: read_text refuses it, never opened here
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.readline(8).rstrip("\r\n") == "---"
    except OSError:
        return False


def pair_for_scoring(hyp: str, ref: str, lang: str, segment: bool = False) -> ScorePairs:
    """HYP and REF paired for scoring; articles by segment id or by the aligner."""
    tag = get_language(lang).tag
    if not (segment or (is_article(hyp) and is_article(ref))):
        h, r = read_sentences(hyp, tag, False), read_sentences(ref, tag, False)
        return ScorePairs([str(i + 1) for i in range(len(h))], h, r, "lines")
    _, hs = segment_file(hyp, tag)
    _, rs = segment_file(ref, tag)
    if [s.id for s in hs] == [s.id for s in rs]:
        return ScorePairs(
            [s.id for s in hs], [s.text for s in hs], [s.text for s in rs], "segment ids"
        )
    return _aligned(hs, rs, tag)


def _aligned(hs: list, rs: list, lang: str) -> ScorePairs:
    """Pairs through the sentence aligner (same language: chrF between the sentences)."""
    from workbench.core.align.mt_similarity import MTSimilarity
    from workbench.core.align.sentence import align_sentences

    h, r = [s.text for s in hs], [s.text for s in rs]
    similarity = MTSimilarity({t: t for t in h})  # a hypothesis is its own "translation"
    al = align_sentences(h, r, lang, lang, None, similarity)
    out = ScorePairs([], [], [], "alignment")
    for b in al.beads:
        if b.src and b.tgt:
            out.ids.append("+".join(hs[i].id for i in b.src))
            out.hyps.append(" ".join(h[i] for i in b.src))
            out.refs.append(" ".join(r[j] for j in b.tgt))
        elif b.src:
            out.unpaired_hyp += [hs[i].id for i in b.src]
        else:
            out.unpaired_ref += [rs[j].id for j in b.tgt]
    return out
