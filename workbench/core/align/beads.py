"""Beads (groups of aligned sentences), the Vecalign file format, and alignment scores.

A bead pairs a run of source sentences with a run of target sentences: 1-1, 1-2, 2-1,
2-2, 1-0 (a source sentence with no translation), 0-1, and longer 1-n / n-1. Vecalign's
format writes one bead per line, 0-based indices and an optional score::

    [0]:[0, 1]:0.873
    [1]:[]:0.000
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Bead:
    """Source and target sentence indices (consecutive, possibly empty) and a score 0-1."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> str:
        """'1-1', '2-1', '1-0' ..."""
        return f"{len(self.src)}-{len(self.tgt)}"

    def vecalign(self) -> str:
        """The bead as one line of Vecalign's format."""
        return (
            f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]:{self.score:.3f}"
        )


_LINE = re.compile(r"^\[([\d,\s]*)\]:\[([\d,\s]*)\](?::([-\d.eE]+))?\s*$")


def parse_vecalign(text: str) -> list[Bead]:
    """Beads from Vecalign-format text (ValueError naming the line when malformed)."""
    beads = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE.match(line.strip())
        if not m:
            raise ValueError(f"line {n}: not a Vecalign bead: {line.strip()[:60]!r}")
        src = tuple(int(x) for x in m.group(1).split(",") if x.strip())
        tgt = tuple(int(x) for x in m.group(2).split(",") if x.strip())
        beads.append(Bead(src, tgt, float(m.group(3) or 0.0)))
    return beads


@dataclass(frozen=True)
class AlignScore:
    """Strict (exact bead) and link (sentence pair) precision, recall and F1."""

    strict_p: float
    strict_r: float
    strict_f1: float
    link_p: float
    link_r: float
    link_f1: float


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_alignment(predicted: list[Bead], gold: list[Bead]) -> AlignScore:
    """Strict and link scores of predicted beads against gold beads.

    Strict: beads that match a gold bead exactly (null beads 1-0/0-1 included, as deleted
    sentences must be found too). Link: (source, target) sentence pairs implied by
    non-null beads.
    """
    pk = {(b.src, b.tgt) for b in predicted}
    gk = {(b.src, b.tgt) for b in gold}
    sp, sr, sf = _prf(len(pk & gk), len(pk), len(gk))

    def links(beads: list[Bead]) -> set[tuple[int, int]]:
        return {(s, t) for b in beads for s in b.src for t in b.tgt}

    pl, gl = links(predicted), links(gold)
    lp, lr, lf = _prf(len(pl & gl), len(pl), len(gl))
    return AlignScore(sp, sr, sf, lp, lr, lf)
