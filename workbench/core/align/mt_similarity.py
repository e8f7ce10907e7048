"""Machine translation as an alignment signal: chrF of the source's MT against each target.

A sentence and its translation look alike once the source is machine-translated: the
aligner's extra similarity becomes chrF (character 6-grams, beta 2, spaces ignored: the
metric sacrebleu computes) between the MT of a source sentence and a target sentence, as
Bleualign does with BLEU. chrF also scores paraphrase, inflection and respelled names in
part, where word lexicons score nothing. The n-grams of each text are extracted once with
sacrebleu's own extractor and cached, so the aligner's many pairs near its band cost only
counter intersections. Combined with another similarity (the shipped lexicon), the larger
one counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sacrebleu.metrics.helpers import extract_all_char_ngrams

CHAR_ORDER = 6
BETA = 2.0


def chrf(hyp: list[Counter[str]], ref: list[Counter[str]]) -> float:
    """The chrF (0-1) of a hypothesis against a reference, from their character n-grams.

    Precision and recall are averaged over the orders both sides have, then combined as
    F-beta: sacrebleu's sentence chrF divided by 100.
    """
    precision = recall = 0.0
    orders = 0
    for h, r in zip(hyp, ref, strict=True):
        n_hyp, n_ref = sum(h.values()), sum(r.values())
        if n_hyp and n_ref:
            match = sum((h & r).values())
            precision += match / n_hyp
            recall += match / n_ref
            orders += 1
    if not orders or not (precision + recall):
        return 0.0
    precision, recall = precision / orders, recall / orders
    return (1 + BETA**2) * precision * recall / (BETA**2 * precision + recall)


class MTSimilarity:
    """Similarity of (source, target): chrF of the source's MT against the target."""

    def __init__(
        self, mt_of: dict[str, str], base: Callable[[str, str], float] | None = None
    ) -> None:
        """``mt_of`` maps each source sentence to its MT; ``base``, another similarity."""
        self.mt_of = mt_of
        self.base = base
        self._cache: dict[str, list[Counter[str]]] = {}

    def grams(self, text: str) -> list[Counter[str]]:
        """The character 1..6-grams of ``text`` (cached)."""
        got = self._cache.get(text)
        if got is None:
            got = self._cache[text] = extract_all_char_ngrams(text, CHAR_ORDER, False)
        return got

    def __call__(self, src: str, tgt: str) -> float:
        """0..1; 0 for a source without MT."""
        mt = self.mt_of.get(src, "")
        score = chrf(self.grams(mt), self.grams(tgt)) if mt else 0.0
        return max(score, self.base(src, tgt)) if self.base is not None else score
