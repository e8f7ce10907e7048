"""Which sentences of a derived article come from an original, even reordered or respelled.

For every sentence of the derived text, every sentence of the original and every pair of
consecutive original sentences (a merge) is a candidate, in any order (reuse is not
monotonic). Texts are compared with glossary names replaced by one symbol per entry, so
"ISIS" meets "the IS group" and "al-Qaim" meets "Al Qaem"; the score is the Indel
similarity (0-100) of the normalised texts, and the plain score (names as letters) is kept
beside it. A derived sentence scoring below ``threshold`` (60) is new text. Spellings that
differ only in case (a sentence-initial "Al-Qaim") are not respellings.

The edits of a match come from a word diff in which names are single tokens: a name token
present on both sides with different spellings is a *respelling*; other differences are
*insertions*, *deletions* and *substitutions* of words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

import numpy as np
from rapidfuzz import fuzz, process

from workbench.core.document import Segment
from workbench.core.names.name_finder import NameFinder, NameHit
from workbench.core.tm_match import NAME_BASE, NamedText, name_norm, plain_norm

_TOKEN = re.compile(r"[\ue000-\uf8ff]|\w+(?:['’]\w+)*|[^\w\s]")


@dataclass
class Edit:
    """One difference between an original sentence and its reuse."""

    type: str  # respelling | insertion | deletion | substitution
    original: str
    derived: str
    entry: str | None = None


@dataclass
class ReuseMatch:
    """A derived sentence and where it comes from."""

    derived: Segment
    originals: list[Segment]
    similarity: float
    plain: float
    edits: list[Edit] = field(default_factory=list)


class _Coder:
    """Numbers glossary entries for the private-use name symbols."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def __call__(self, entry_id: str) -> int:
        return self.codes.setdefault(entry_id, len(self.codes) + 1)


def _tokens(norm: str) -> list[str]:
    return _TOKEN.findall(norm)


def find_reuse(
    derived: list[Segment],
    original: list[Segment],
    lang: str = "en",
    finder: NameFinder | None = None,
    threshold: float = 60.0,
) -> list[ReuseMatch]:
    """For each derived segment, its best source in the original (or none)."""
    code = _Coder()
    d_norm = [name_norm(s.text, lang, finder, code) for s in derived]
    o_norm = [name_norm(s.text, lang, finder, code) for s in original]
    candidates: list[tuple[list[int], str, list[NameHit], str]] = []
    for i, (seg, nt) in enumerate(zip(original, o_norm, strict=True)):
        candidates.append(([i], nt.norm, nt.hits, seg.text))
        if i + 1 < len(original) and original[i + 1].para == seg.para:
            nxt = o_norm[i + 1]
            shift = len(seg.text) + 1
            hits = nt.hits + [_shifted(h, shift) for h in nxt.hits]
            candidates.append(
                ([i, i + 1], nt.norm + " " + nxt.norm, hits, seg.text + " " + original[i + 1].text)
            )
    out = []
    choose = _Chooser([c[1] for c in candidates], [len(c[0]) for c in candidates])
    choose.prepare(len(derived))
    seen: dict[str, ReuseMatch] = {}  # a repeated sentence is matched once
    for seg, dn in zip(derived, d_norm, strict=True):
        again = seen.get(seg.text)
        if again is not None:
            out.append(replace(again, derived=seg, edits=list(again.edits)))
            continue
        out.append(_match_one(seg, dn, choose, candidates, original, threshold))
        seen[seg.text] = out[-1]
    return out


def _match_one(
    seg: Segment,
    dn: NamedText,
    choose: _Chooser,
    candidates: list[tuple[list[int], str, list[NameHit], str]],
    original: list[Segment],
    threshold: float,
) -> ReuseMatch:
    """The best source of one derived sentence (none below ``threshold``), with its edits."""
    k = choose(dn.norm)
    if k is None:
        return ReuseMatch(seg, [], 0.0, 0.0)
    score = choose.score
    idx, norm, hits, text = candidates[k]
    plain = fuzz.ratio(plain_norm(seg.text), plain_norm(text))
    if score < threshold:  # new text; the closest original sentence is not its source
        return ReuseMatch(seg, [], round(score, 1), round(plain, 1))
    edits = _edits(dn.norm, dn.hits, seg.text, norm, hits, text)
    return ReuseMatch(seg, [original[i] for i in idx], round(score, 1), round(plain, 1), edits)


#: Up to this many sentence pairs, every derived sentence is compared with every candidate.
EXACT_PAIRS = 2_000_000
#: Beyond it, a sentence is compared with the candidates sharing one of its rarest words.
RARE_WORDS = 5


class _Chooser:
    """The best candidate for a derived sentence: highest Indel similarity, then the shorter.

    Small inputs compare every pair (in C, rapidfuzz's cdist). Large ones (over
    EXACT_PAIRS pairs) compare a sentence only with the candidates that share one of its
    RARE_WORDS rarest words, so the work grows with the texts rather than their product:
    reused text shares its rare words with its source.
    """

    def __init__(self, norms: list[str], sizes: list[int]) -> None:
        """Index the candidates' normalised texts; ``sizes`` 1 for a sentence, 2 for a merge."""
        self.norms, self.sizes = norms, sizes
        self.score = 0.0
        self.index: dict[str, list[int]] | None = None

    def prepare(self, n_derived: int) -> None:
        """Build the word index when ``n_derived`` x candidates is beyond EXACT_PAIRS."""
        if n_derived * len(self.norms) <= EXACT_PAIRS:
            return
        self.index = {}
        for k, norm in enumerate(self.norms):
            for w in set(_tokens(norm)):
                if len(w) > 1 or not w.isalnum():
                    self.index.setdefault(w, []).append(k)

    def __call__(self, norm: str) -> int | None:
        """The index of the best candidate for ``norm`` (None without candidates)."""
        if not self.norms:
            return None
        if self.index is None:
            ids = None
            scores = process.cdist([norm], self.norms, scorer=fuzz.ratio, dtype=np.float64)[0]
        else:
            words = sorted(
                {w for w in _tokens(norm) if w in self.index}, key=lambda w: len(self.index[w])
            )
            ids = sorted({k for w in words[:RARE_WORDS] for k in self.index[w]})
            if not ids:
                self.score = 0.0
                return None
            scores = process.cdist(
                [norm], [self.norms[k] for k in ids], scorer=fuzz.ratio, dtype=np.float64
            )[0]
        top = scores.max()
        ties = [int(x) for x in (scores == top).nonzero()[0]]
        pick = next((t for t in ties if self._size(ids, t) == 1), ties[0])
        self.score = float(top)
        return pick if ids is None else ids[pick]

    def _size(self, ids: list[int] | None, t: int) -> int:
        return self.sizes[t if ids is None else ids[t]]


def _shifted(hit: NameHit, shift: int) -> NameHit:
    return replace(hit, start=hit.start + shift, end=hit.end + shift)


def _names_in_order(norm: str, hits: list[NameHit]) -> list[NameHit]:
    """The hits behind the name symbols of a normalised text, in order."""
    return hits[: sum(1 for c in norm if NAME_BASE <= ord(c) <= 0xF8FF)]


def _edits(
    d_norm: str,
    d_hits: list[NameHit],
    d_text: str,
    o_norm: str,
    o_hits: list[NameHit],
    o_text: str,
) -> list[Edit]:
    """Word-level differences, names as single tokens."""
    dt, ot = _tokens(d_norm), _tokens(o_norm)
    d_names = iter(_names_in_order(d_norm, d_hits))
    o_names = iter(_names_in_order(o_norm, o_hits))

    def show(tokens: list[str], names) -> str:
        words = []
        for t in tokens:
            if len(t) == 1 and NAME_BASE <= ord(t) <= 0xF8FF:
                h = next(names, None)
                words.append(h.surface if h else t)
            else:
                words.append(t)
        return " ".join(words)

    edits: list[Edit] = []
    sm = difflib.SequenceMatcher(a=ot, b=dt, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            for t in ot[a0:a1]:
                if len(t) == 1 and NAME_BASE <= ord(t) <= 0xF8FF:
                    oh, dh = next(o_names, None), next(d_names, None)
                    if oh and dh and oh.surface.lower() != dh.surface.lower():
                        edits.append(Edit("respelling", oh.surface, dh.surface, oh.entry.id))
            continue
        before = show(ot[a0:a1], o_names)
        after = show(dt[b0:b1], d_names)
        kind = {"delete": "deletion", "insert": "insertion"}.get(op, "substitution")
        edits.append(Edit(kind, before, after))
    return edits
