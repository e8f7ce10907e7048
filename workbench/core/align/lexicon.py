"""A bilingual word lexicon for sentence alignment: learning it, and scoring with it.

Learned from a line-aligned corpus by the Dice coefficient of co-occurrence
(2 c(e,f) / (c(e) + c(f))), keeping for each English word its best translations. The
lexicons shipped in ``workbench/data/`` were learned from TICO-19 (CC0; 2,100 en-ar and
en-ckb sentence pairs, COVID-19 domain), a different corpus from the ntrex128 news used
to evaluate the aligner. Arabic-script words are folded (letter forms, article, proclitics
و ب ل ف, common Sorani suffixes) so that inflected forms meet.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from workbench.core.names.arabic_script import arabic_light_key

DATA = Path(__file__).resolve().parent.parent.parent / "data"
_EN = re.compile(r"[a-z]+")
_AR = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\u200c]+")
STOP = frozenset(
    """a an the and or but of to in on at by for from with as is are was were be been it its
    this that these those he she they we you i his her their our your not no do does did has
    have had will would can could may might also than then there here which who whom what
    when where how all any some more most other into about over after before such so if""".split()
)
_PROCLITICS = re.compile("^(?:[وف]?[بلك]?)(?=ال.{2})|^[وف](?=.{3})")
_SUFFIXES = ("ەکانی", "ەکان", "ەکەی", "ەکە", "ەوە", "یەکان", "یان", "ی", "دا", "ش")


def en_words(text: str) -> set[str]:
    """Content words of an English sentence."""
    return {w for w in _EN.findall(text.lower()) if len(w) > 1 and w not in STOP}


@lru_cache(maxsize=200_000)
def _fold_ar(word: str) -> str:
    w = word.replace("\u200c", "")
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    if w.startswith("لل") and len(w) > 4:
        w = "ال" + w[2:]  # li + al
    w = _PROCLITICS.sub("", w)
    w = arabic_light_key(w)  # drops the article
    if w[:1] in ("و", "ب", "ل", "ف") and len(w) > 3:
        w = w[1:]
    return w


def ar_words(text: str) -> set[str]:
    """Folded words of an Arabic or Sorani sentence."""
    return {f for w in _AR.findall(text) if len(f := _fold_ar(w)) > 1}


def learn(
    pairs: Iterable[tuple[str, str]], top: int = 5, min_count: int = 2, min_dice: float = 0.2
) -> dict[str, list[tuple[str, float]]]:
    """English word -> its best translations with their Dice scores."""
    ce: Counter[str] = Counter()
    cf: Counter[str] = Counter()
    cef: Counter[tuple[str, str]] = Counter()
    for en, tr in pairs:
        e, f = en_words(en), ar_words(tr)
        ce.update(e)
        cf.update(f)
        cef.update((x, y) for x in e for y in f)
    best: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (e, f), c in cef.items():
        if c < min_count:
            continue
        dice = 2 * c / (ce[e] + cf[f])
        if dice >= min_dice:
            best[e].append((f, dice))
    return {e: sorted(v, key=lambda x: -x[1])[:top] for e, v in best.items()}


def save(lexicon: dict[str, list[tuple[str, float]]], path: Path) -> None:
    """Write a lexicon as TSV: english, translation, dice."""
    lines = [f"{e}\t{f}\t{d:.3f}" for e in sorted(lexicon) for f, d in lexicon[e]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@lru_cache(maxsize=8)
def load(tgt_lang: str) -> dict[str, frozenset[str]] | None:
    """The shipped en-``tgt_lang`` lexicon, or None when there is none."""
    path = DATA / f"lexicon.en-{tgt_lang}.tsv"
    if not path.is_file():
        return None
    out: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        e, f, _ = line.split("\t")
        out[e].add(f)
    return {e: frozenset(v) for e, v in out.items()}


class LexicalSimilarity:
    """Share of words with a lexicon translation on the other side, both ways (0-1)."""

    def __init__(self, lexicon: dict[str, frozenset[str]], english_first: bool = True) -> None:
        """``english_first``: the first argument of a call is the English sentence."""
        self.lex = lexicon
        self.english_first = english_first
        self._cache_e: dict[str, tuple[set[str], set[str]]] = {}
        self._cache_f: dict[str, set[str]] = {}

    def _e(self, text: str) -> tuple[set[str], set[str]]:
        got = self._cache_e.get(text)
        if got is None:
            words = {w for w in en_words(text) if w in self.lex}
            trans = set().union(*(self.lex[w] for w in words)) if words else set()
            got = self._cache_e[text] = (words, trans)
        return got

    def _f(self, text: str) -> set[str]:
        got = self._cache_f.get(text)
        if got is None:
            got = self._cache_f[text] = ar_words(text)
        return got

    def __call__(self, a: str, b: str) -> float:
        """Similarity of a sentence pair."""
        en, tr = (a, b) if self.english_first else (b, a)
        words, trans = self._e(en)
        f = self._f(tr)
        if not words or not f:
            return 0.0
        covered_f = len(f & trans) / len(f)
        covered_e = sum(1 for w in words if self.lex[w] & f) / len(words)
        return (covered_e + covered_f) / 2

    def matrix(self, src: list[str], tgt: list[str], mlo, mwidth: int):
        """Similarities of each source with the targets mlo[s] .. mlo[s] + mwidth - 1.

        The same values as calling the object on each pair, from an inverted index over
        the targets' words; None when the English text is the target (then pair by pair).
        """
        import numpy as np

        if not self.english_first:
            return None
        f_sets = [self._f(t) for t in tgt]
        f_len = np.array([len(f) for f in f_sets] + [0] * (mwidth + 1), dtype=np.float64)
        post: dict[str, list[int]] = defaultdict(list)
        for t, fs in enumerate(f_sets):
            for f in fs:
                post[f].append(t)
        arr = {f: np.array(v) for f, v in post.items()}
        out = np.zeros((len(src), mwidth))

        def window(f: str, lo: int) -> np.ndarray:
            ts = arr.get(f)
            if ts is None:
                return np.empty(0, dtype=int)
            return ts[np.searchsorted(ts, lo) : np.searchsorted(ts, lo + mwidth)] - lo

        for s, text in enumerate(src):
            words, trans = self._e(text)
            if not words:
                continue
            lo = int(mlo[s])
            cf = np.zeros(mwidth)
            for f in trans:
                cf[window(f, lo)] += 1
            ce = np.zeros(mwidth)
            for w in words:
                hits = [window(f, lo) for f in self.lex[w]]
                if hits:
                    ce[np.unique(np.concatenate(hits))] += 1
            fl = f_len[lo : lo + mwidth]
            out[s] = np.where(fl > 0, (ce / len(words) + cf / np.maximum(fl, 1)) / 2, 0.0)
        return out
