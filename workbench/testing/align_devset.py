"""Development bitexts with known gold beads, made from a line-aligned parallel corpus.

Documents are taken in order and joined into bitexts of about ``size`` sentences; then, at
random (seeded), a target pair is merged (gold 2-1), a source pair is merged (1-2), a target
line is dropped (1-0) or a source line is dropped (0-1); everything else is 1-1.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from workbench.core.align.beads import Bead


@dataclass
class Bitext:
    """Source and target sentences with their gold beads."""

    name: str
    src: list[str]
    tgt: list[str]
    gold: list[Bead]


def make_bitext(
    name: str,
    pairs: list[tuple[str, str]],
    rng: random.Random,
    p_merge: float = 0.06,
    p_drop: float = 0.03,
) -> Bitext:
    """Perturb a list of 1-1 pairs into a bitext with known beads."""
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Bead] = []
    i = 0
    while i < len(pairs):
        r = rng.random()
        s, t = pairs[i]
        if r < p_merge and i + 1 < len(pairs):  # two target sentences become one: 2-1
            src += [s, pairs[i + 1][0]]
            tgt.append(t + " " + pairs[i + 1][1])
            gold.append(Bead((len(src) - 2, len(src) - 1), (len(tgt) - 1,)))
            i += 2
            continue
        if r < 2 * p_merge and i + 1 < len(pairs):  # two source sentences become one: 1-2
            src.append(s + " " + pairs[i + 1][0])
            tgt += [t, pairs[i + 1][1]]
            gold.append(Bead((len(src) - 1,), (len(tgt) - 2, len(tgt) - 1)))
            i += 2
            continue
        if r < 2 * p_merge + p_drop:  # target line missing: 1-0
            src.append(s)
            gold.append(Bead((len(src) - 1,), ()))
        elif r < 2 * p_merge + 2 * p_drop:  # source line missing: 0-1
            tgt.append(t)
            gold.append(Bead((), (len(tgt) - 1,)))
        else:
            src.append(s)
            tgt.append(t)
            gold.append(Bead((len(src) - 1,), (len(tgt) - 1,)))
        i += 1
    return Bitext(name, src, tgt, gold)


def make_devset(docs: list[list[tuple[str, str]]], size: int = 60, seed: int = 13) -> list[Bitext]:
    """Join documents (lists of 1-1 pairs) into bitexts of about ``size`` sentences."""
    rng = random.Random(seed)
    out, cur = [], []
    for doc in docs:
        cur += doc
        if len(cur) >= size:
            out.append(make_bitext(f"bitext{len(out) + 1}", cur, rng))
            cur = []
    if cur:
        out.append(make_bitext(f"bitext{len(out) + 1}", cur, rng))
    return out
