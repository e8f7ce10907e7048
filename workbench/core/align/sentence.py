"""Monotonic sentence alignment of a text with its translation.

Dynamic programming over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, and 1-n / n-1 up to 5) in a
band around the diagonal. A bead's cost adds:

* a prior for its shape (1-1 is common, 1-0 rare);
* a length cost in the spirit of Gale and Church: the target's characters against the
  source's times the bitext's length ratio, squared over a variance that grows with length;
* anchors (:mod:`workbench.core.align.anchors`): each shared number, punctuation mark,
  Latin token or name skeleton lowers the cost; each reliable anchor on one side only
  raises it.

Rows of the table are filled with numpy, one bead shape at a time; the 0-1 bead, which
depends on the same row, is resolved with a running minimum. Memory is O(rows x band):
10,000 x 10,000 sentences take seconds and a few MB.

Each bead of the result gets a score in [0, 1]. A target that is no translation of the
source shares almost no anchors; then every score is scaled down and
``Alignment.is_translation`` is False.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from workbench.core.align.anchors import Anchors, sentence_anchors
from workbench.core.align.beads import Bead
from workbench.core.errors import InputError

#: Bead shapes and their prior probabilities.
BEADS: list[tuple[int, int, float]] = [
    (1, 1, 0.85), (1, 0, 0.01), (0, 1, 0.01), (2, 1, 0.045), (1, 2, 0.045), (2, 2, 0.01),
    (1, 3, 0.005), (3, 1, 0.005), (1, 4, 0.002), (4, 1, 0.002), (1, 5, 0.001), (5, 1, 0.001),
]  # fmt: skip
MAX_SPAN = 5


@dataclass
class Params:
    """Weights of the cost terms (tuned on the ntrex128 development bitexts)."""

    variance: float = 6.8  # Gale-Church's s^2, per source character
    w_length: float = 1.0
    w_reliable: float = 2.0  # reward per shared reliable anchor
    w_name: float = 1.5  # reward per shared name skeleton
    w_unmatched: float = 0.4  # cost per reliable anchor on one side only
    null_cost: float = -2.0  # added to a 1-0 or 0-1 bead's prior cost
    w_similarity: float = 3.0  # reward per unit of the extra (lexical or MT) similarity
    band: int = 0  # half-width; 0 = automatic


@dataclass
class Alignment:
    """The beads covering both texts in order, and whether it looks like a translation."""

    beads: list[Bead]
    is_translation: bool
    anchor_agreement: float  # share of reliable anchors that found a partner


def _band(n: int, m: int, params: Params) -> int:
    if params.band:
        return params.band
    # wide enough for the drift deletions and merges cause, narrow enough for 10k lines:
    # 8% of the length, at least 30, at most 120 beyond the difference in length
    return int(min(max(30, 0.08 * max(n, m), abs(n - m) + 20), 120 + abs(n - m)))


#: The most sentences on either side of one alignment (about a minute and 0.5 GB at the limit).
MAX_ALIGN_SENTENCES = 20_000
#: The most cells of the dynamic-programming table (rows x band): about 400 MB of tables.
MAX_ALIGN_CELLS = 12_000_000


def check_size(n: int, m: int, params: Params | None = None) -> None:
    """InputError (one line) when ``n`` x ``m`` sentences are beyond what one alignment takes."""
    if max(n, m) > MAX_ALIGN_SENTENCES:
        raise InputError(
            f"{n:,} and {m:,} sentences: an alignment takes at most {MAX_ALIGN_SENTENCES:,} "
            "a side; split the texts (by article or chapter) and align the parts"
        )
    if n and m and (n + 1) * (2 * _band(n, m, params or Params()) + 1) > MAX_ALIGN_CELLS:
        raise InputError(
            f"{n:,} and {m:,} sentences differ too much in number to be one text and its "
            "translation; align matching parts"
        )


def align_sentences(
    src: list[str],
    tgt: list[str],
    src_lang: str,
    tgt_lang: str,
    params: Params | None = None,
    extra_similarity: Callable[[str, str], float] | None = None,
) -> Alignment:
    """Align two lists of sentences monotonically; every sentence is in exactly one bead.

    ``extra_similarity(src_text, tgt_text) -> 0..1`` (for example chrF of the source's
    machine translation against the target) adds one more signal to 1-1 beads.
    """
    p = params or Params()
    n, m = len(src), len(tgt)
    check_size(n, m, p)
    if n == 0 or m == 0:
        beads = [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
        return Alignment(beads, False, 0.0)
    sa = [sentence_anchors(s, src_lang) for s in src]
    ta = [sentence_anchors(t, tgt_lang) for t in tgt]
    ls = np.array([len(s) for s in src], dtype=np.float64)
    lt = np.array([len(t) for t in tgt], dtype=np.float64)
    ratio = max(lt.sum(), 1.0) / max(ls.sum(), 1.0)
    cls = np.concatenate([[0.0], np.cumsum(ls)])
    clt = np.concatenate([[0.0], np.cumsum(lt)])
    rs = np.array([len(a.reliable) for a in sa], dtype=np.float64)
    rt = np.array([len(a.reliable) for a in ta], dtype=np.float64)
    crs = np.concatenate([[0.0], np.cumsum(rs)])
    crt = np.concatenate([[0.0], np.cumsum(rt)])

    w = _band(n, m, p)
    centre = np.round(np.arange(n + 1) * (m / n)).astype(int)
    lo = np.clip(centre - w, 0, m)
    hi = np.clip(centre + w, 0, m)
    width = int((hi - lo).max()) + 1

    # pair scores near the band (row s holds targets mlo[s] .. mlo[s] + mwidth - 1)
    mlo = np.clip(lo - MAX_SPAN, 0, m)
    mwidth = width + 2 * MAX_SPAN + 1
    rel_m, name_m = anchor_matrices(sa, ta, mlo, mwidth)
    ns = np.array([len(a.names) for a in sa], dtype=np.float64)
    nt = np.array([len(a.names) for a in ta], dtype=np.float64)
    mats, caps_s, caps_t = [rel_m, name_m], [rs, ns], [rt, nt]
    weights = [p.w_reliable, p.w_name]
    if extra_similarity is not None:
        mats.append(_similarity_matrix(extra_similarity, src, tgt, mlo, mwidth))
        caps_s.append(np.ones(n))
        caps_t.append(np.ones(m))
        weights.append(p.w_similarity)
    pair = np.stack(mats).astype(np.float32)  # (K, n, mwidth)
    cap_s, cap_t, wvec = np.stack(caps_s), np.stack(caps_t), np.array(weights)

    ctx_len = _Len(cls, clt, crs, crt, ratio, p)
    inf = np.inf
    cost = np.full((n + 1, width), inf)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    cost[0, 0 - lo[0]] = 0.0
    priors = [-math.log(pr) for _, _, pr in BEADS]
    zero_one = next(bi for bi, (a, b, _) in enumerate(BEADS) if (a, b) == (0, 1))
    offsets = np.arange(1, MAX_SPAN + 1)
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        row = cost[i, : len(js)].copy()
        brow = back[i, : len(js)].copy()
        if i > 0:
            # the pair scores of sources i-5 .. i-1 with targets j-1 .. j-5, in one gather
            srcs = np.arange(i - MAX_SPAN, i)
            s_ok = srcs >= 0
            sc = np.clip(srcs, 0, n - 1)
            tg = js[None, :] - offsets[:, None]  # (5, W)
            t_ok = tg >= 0
            kk = tg[None, :, :] - mlo[sc][:, None, None]  # (5, 5, W)
            ok = s_ok[:, None, None] & t_ok[None] & (kk >= 0) & (kk < mwidth)
            near = np.where(ok[None], pair[:, sc[:, None, None], np.clip(kk, 0, mwidth - 1)], 0.0)
            caps = (cap_s[:, sc] * s_ok, np.where(t_ok[None], cap_t[:, np.clip(tg, 0, m - 1)], 0.0))
            for bi, (a, b, _) in enumerate(BEADS):
                if a == 0 or a > i:
                    continue
                prev = i - a
                kp = js - b - lo[prev]
                ok_prev = (kp >= 0) & (js - b >= 0) & (js - b <= hi[prev])
                base = np.where(ok_prev, cost[prev, np.clip(kp, 0, width - 1)], inf)
                c = base + priors[bi] + _bead_cost(a, b, i, js, ctx_len, near, caps, wvec)
                better = c < row
                row = np.where(better, c, row)
                brow = np.where(better, bi, brow)
        # 0-1 beads: row[k] = min(row[k], row[k-1] + c01[k]), as a running minimum
        c01 = np.zeros(len(js))
        c01[1:] = priors[zero_one] + p.null_cost + p.w_unmatched * (crt[js[1:]] - crt[js[1:] - 1])
        acc = np.cumsum(c01)
        best = np.minimum.accumulate(row - acc) + acc
        from_left = best < row - 1e-12
        row = np.where(from_left, best, row)
        brow = np.where(from_left, zero_one, brow)
        cost[i, : len(js)] = row
        back[i, : len(js)] = brow

    # trace back from (n, m)
    beads_idx: list[tuple[int, int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = j - lo[i]
        if not 0 <= k < width or back[i, k] < 0:
            raise RuntimeError("alignment band too narrow")  # pragma: no cover
        a, b, _ = BEADS[back[i, k]]
        beads_idx.append((i - a, j - b, int(back[i, k])))
        i, j = i - a, j - b
    beads_idx.reverse()
    sim_of = None
    if extra_similarity is not None:

        def sim_of(s_idx: tuple[int, ...], t_idx: tuple[int, ...]) -> float:
            return float(
                np.mean([max(extra_similarity(src[s], tgt[t]) for t in t_idx) for s in s_idx])
            )

    return _scored(beads_idx, sa, ta, ls, lt, ratio, p, sim_of)


@dataclass
class _Len:
    """Prefix sums the length and unmatched-anchor terms read."""

    cls: np.ndarray  # source lengths
    clt: np.ndarray
    crs: np.ndarray  # reliable anchor counts
    crt: np.ndarray
    ratio: float
    p: Params


def anchor_matrices(
    sa: list[Anchors], ta: list[Anchors], mlo: np.ndarray, mwidth: int
) -> tuple[np.ndarray, np.ndarray]:
    """Shared reliable and name anchors of each source with the targets near the band.

    Built from inverted indexes over the targets' anchors, not pair by pair.
    """
    n = len(sa)
    rel = np.zeros((n, mwidth))
    nam = np.zeros((n, mwidth))
    rel_post: dict[str, list[int]] = defaultdict(list)
    name_post: dict[str, list[int]] = defaultdict(list)
    for t, a in enumerate(ta):
        for x in a.reliable:
            rel_post[x].append(t)
        for x in a.names:
            name_post[x].append(t)
    rp = {k: np.array(v) for k, v in rel_post.items()}
    npo = {k: np.array(v) for k, v in name_post.items()}
    for s, a in enumerate(sa):
        lo_s = mlo[s]
        # a capitalised source word may be kept as a Latin token in an Arabic-script target
        for keys, post, out in (
            (a.reliable | {x for x in a.names if x.startswith("l:")}, rp, rel),
            (a.names, npo, nam),
        ):
            for x in keys:
                ts = post.get(x)
                if ts is None:
                    continue
                ts = ts[np.searchsorted(ts, lo_s) : np.searchsorted(ts, lo_s + mwidth)]
                out[s, ts - lo_s] += 1
    return rel, nam


def _similarity_matrix(
    fn: Callable[[str, str], float], src: list[str], tgt: list[str], mlo: np.ndarray, mwidth: int
) -> np.ndarray:
    """The extra similarity of each source with the targets near the band."""
    if hasattr(fn, "matrix"):
        got = fn.matrix(src, tgt, mlo, mwidth)
        if got is not None:
            return got
    out = np.zeros((len(src), mwidth))
    for s in range(len(src)):
        for k in range(mwidth):
            t = mlo[s] + k
            if t >= len(tgt):
                break
            out[s, k] = fn(src[s], tgt[t])
    return out


def _bead_cost(
    a: int,
    b: int,
    i: int,
    js: np.ndarray,
    ln: _Len,
    near: np.ndarray,
    caps: tuple[np.ndarray, np.ndarray],
    wvec: np.ndarray,
) -> np.ndarray:
    """Cost of the beads (a source, b target sentences) ending at row i, columns js.

    ``near[k, x, d-1, :]`` holds pair score k of source i-5+x with target j-d. Each sentence
    is credited for what it shares with its best partner in the bead, and half of what it
    shares with the others, at most its own number of anchors (``caps``): merging
    sentences then gains nothing from an anchor repeated in neighbours.
    """
    p = ln.p
    if b == 0:
        return p.null_cost + p.w_unmatched * (ln.crs[i] - ln.crs[i - a]) + 0.0 * js
    l1 = ln.cls[i] - ln.cls[i - a]
    jb = np.clip(js - b, 0, None)
    l2 = ln.clt[js] - ln.clt[jb]
    z2 = (l2 - ln.ratio * l1) ** 2 / (p.variance * (l1 * ln.ratio + l2) / 2 + 1.0)
    sub = near[:, MAX_SPAN - a :, :b, :]  # (K, a, b, W)
    tot_s, best_s = sub.sum(axis=2), sub.max(axis=2)
    cred_s = np.minimum(best_s + 0.5 * (tot_s - best_s), caps[0][:, MAX_SPAN - a :, None]).sum(
        axis=1
    )
    tot_t, best_t = sub.sum(axis=1), sub.max(axis=1)
    cred_t = np.minimum(best_t + 0.5 * (tot_t - best_t), caps[1][:, :b, :]).sum(axis=1)
    reward = wvec @ ((cred_s + cred_t) / 2)
    unmatched = (ln.crs[i] - ln.crs[i - a] - cred_s[0]) + (ln.crt[js] - ln.crt[jb] - cred_t[0])
    return p.w_length * z2 / 2 - reward + p.w_unmatched * np.maximum(unmatched, 0)


def _scored(
    beads_idx: list[tuple[int, int, int]],
    sa: list[Anchors],
    ta: list[Anchors],
    ls: np.ndarray,
    lt: np.ndarray,
    ratio: float,
    p: Params,
    sim_of: Callable[[tuple[int, ...], tuple[int, ...]], float] | None = None,
) -> Alignment:
    """Beads with scores in [0, 1]; scaled down when the texts share almost no anchors."""
    out = []
    matched = total = 0
    for s0, t0, bi in beads_idx:
        a, b, _ = BEADS[bi]
        src = tuple(range(s0, s0 + a))
        tgt = tuple(range(t0, t0 + b))
        if not a or not b:
            out.append(Bead(src, tgt, 0.0))
            total += sum(len(sa[s].reliable) for s in src) + sum(len(ta[t].reliable) for t in tgt)
            continue
        l1 = float(ls[list(src)].sum())
        l2 = float(lt[list(tgt)].sum())
        z2 = (l2 - ratio * l1) ** 2 / (p.variance * (l1 * ratio + l2) / 2 + 1.0)
        length_p = math.exp(-z2 / 2)
        srel = set().union(*(sa[s].reliable for s in src))
        trel = set().union(*(ta[t].reliable for t in tgt))
        snames = set().union(*(sa[s].names for s in src))
        tnames = set().union(*(ta[t].names for t in tgt))
        shared = len(srel & trel) + len(snames & {x for x in trel if x.startswith("l:")})
        shared_names = len(snames & tnames)
        present = len(srel | trel)
        matched += 2 * shared
        total += len(srel) + len(trel)
        evidence = (shared + 0.5 * shared_names) / max(present - shared, 1)
        anchor_p = min(1.0, evidence) if (present or shared_names) else 0.5
        if sim_of is None:
            score = 0.5 * length_p + 0.5 * anchor_p
        else:  # lexical evidence: a fair share of the words have their translation opposite
            lexical = min(1.0, 2.5 * sim_of(src, tgt))
            score = 0.4 * length_p + 0.3 * anchor_p + 0.3 * lexical
        out.append(Bead(src, tgt, round(score, 3)))
    agreement = matched / total if total else 0.0
    is_translation = total < 8 or agreement >= 0.2
    if not is_translation:
        out = [Bead(b.src, b.tgt, round(b.score * 0.2, 3)) for b in out]
    return Alignment(out, is_translation, agreement)
