"""Scoring a normaliser against hand-normalised gold (used by tests and bench/)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass
class WordAccuracy:
    """Word accuracy before and after normalising, on word-aligned lines."""

    words: int
    right_before: int
    right_after: int
    broken: int  # words that were right before and wrong after


def score_normalizer(
    pairs: Iterable[tuple[str, str]], normalize: Callable[[str], str]
) -> WordAccuracy:
    """Compare (typed, gold) pairs word by word.

    Lines whose word counts differ (the gold also fixed spacing) are skipped.
    """
    total = before = after = broken = 0
    for src, gold in pairs:
        s, o, r = src.split(), normalize(src).split(), gold.split()
        if not len(s) == len(o) == len(r):
            continue
        for a, b, c in zip(s, o, r, strict=True):
            total += 1
            before += a == c
            after += b == c
            broken += a == c and b != c
    return WordAccuracy(total, before, after, broken)


def read_pairs(text: str) -> list[tuple[str, str]]:
    """(typed, gold) pairs from tab-separated lines."""
    return [tuple(line.split("\t")[:2]) for line in text.splitlines() if "\t" in line]  # type: ignore[misc]
