"""Scoring translations against references with sacrebleu: BLEU, chrF++ and TER.

Every corpus score carries sacrebleu's signature, so numbers can be compared with
published ones. Arabic-script targets use sacrebleu's ``intl`` tokenizer for BLEU (it
separates Unicode punctuation such as ، ؛ ؟ and « »); Latin targets the standard
``13a``. Sentence BLEU uses effective order, so that a short good sentence is not 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from sacrebleu.metrics import BLEU, CHRF, TER

from workbench.core.errors import InputError
from workbench.core.languages import get_language


@dataclass(frozen=True)
class Score:
    """One metric's corpus score and signature."""

    name: str
    score: float
    signature: str


@dataclass(frozen=True)
class Report:
    """Corpus scores and per-segment scores (BLEU, chrF++, TER) of a hypothesis."""

    corpus: list[Score]
    segments: list[dict[str, float]]


def bleu_tokenizer(lang: str) -> str:
    """Sacrebleu's BLEU tokenizer for a target language."""
    return "intl" if get_language(lang).script == "Arab" else "13a"


def score(hyps: list[str], refs: list[str], lang: str) -> Report:
    """Score hypotheses against one reference each (the same number of segments)."""
    tok = bleu_tokenizer(lang)
    if len(hyps) != len(refs):
        raise InputError(
            f"{len(hyps)} hypothesis segments but {len(refs)} references: they must pair up"
        )
    if not hyps:
        raise InputError("nothing to score: no segments")
    bleu, chrf, ter = BLEU(tokenize=tok), CHRF(word_order=2), TER()
    corpus = []
    for name, metric in (("BLEU", bleu), ("chrF++", chrf), ("TER", ter)):
        s = metric.corpus_score(hyps, [refs])
        corpus.append(Score(name, round(s.score, 2), str(metric.get_signature())))
    sentence_bleu = BLEU(tokenize=tok, effective_order=True)
    segments = [
        {
            "BLEU": round(sentence_bleu.sentence_score(h, [r]).score, 2),
            "chrF++": round(chrf.sentence_score(h, [r]).score, 2),
            "TER": round(ter.sentence_score(h, [r]).score, 2),
        }
        for h, r in zip(hyps, refs, strict=True)
    ]
    return Report(corpus, segments)


def segment_chrf(hyp: str, ref: str) -> float:
    """The chrF of one segment (sacrebleu defaults: character 6-grams, beta 2), 0-100."""
    return round(CHRF().sentence_score(hyp, [ref]).score, 1)


def document_scores(hyps: list[str], refs: list[str], lang: str) -> tuple[float, float]:
    """Corpus BLEU (the language's tokenizer) and chrF of paired segments, 0-100 each."""
    if not hyps:
        raise InputError("nothing to score: no segments")
    bleu = BLEU(tokenize=bleu_tokenizer(lang)).corpus_score(hyps, [refs]).score
    return round(bleu, 1), round(CHRF().corpus_score(hyps, [refs]).score, 1)


def hter(draft: str, post_edited: str) -> float:
    """Post-editing effort: TER of the machine draft against its post-edited text, 0-100+."""
    return round(TER().sentence_score(draft, [post_edited]).score, 1)
