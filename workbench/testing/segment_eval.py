"""Scoring a segmenter against known sentence boundaries (used by tests and bench/)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.segment import split_sentences


@dataclass
class BoundaryScore:
    """Precision, recall and F1 of predicted sentence boundaries."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of predicted boundaries that are real."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of real boundaries that were found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


_FINAL = ".!?؟…"
_CLOSING = "\"'”’»)]"


def _punctuated(sentence: str) -> bool:
    """Does the sentence end in sentence-final punctuation (before closing quotes)?"""
    return sentence.rstrip().rstrip(_CLOSING)[-1:] in tuple(_FINAL)


def score_boundaries(
    documents: list[list[str]], lang: str, *, punctuated_only: bool = False
) -> BoundaryScore:
    """Join each document's gold sentences with spaces, segment, and compare boundaries.

    With ``punctuated_only``, gold boundaries after a sentence with no final punctuation
    (a headline, a line ending in a bare closing quote) are left out of the score, and so
    are predictions there: no segmenter can see them once the lines are joined.
    """
    tp = fp = fn = 0
    for sentences in documents:
        text, gold, pos = "", set(), 0
        ignored: set[int] = set()
        for i, s in enumerate(sentences):
            s = " ".join(s.split())
            if i:
                text += " "
                pos += 1
            text += s
            pos += len(s)
            if i < len(sentences) - 1:
                if punctuated_only and not _punctuated(s):
                    ignored.add(pos)
                else:
                    gold.add(pos)
        predicted = {e for _, e in split_sentences(text, lang)[:-1]} - ignored
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return BoundaryScore(tp, fp, fn)
