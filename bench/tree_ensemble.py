"""A small gradient-boosted tree ensemble (logistic loss) in numpy, for bench/calibrate_names.py.

Histogram splits on at most 8 quantile bins per feature (finer bins let a tree isolate one
frequent ratio value, which sends a few wrong answers to certainty), depth-limited trees,
leaf steps capped, shrinkage.
Deterministic: the same data gives the same trees. A tree is written as nested tuples
``(feature, threshold, left, right)`` with float leaves, ``x[feature] < threshold`` going
left, which is what ``workbench.core.names.name_confidence`` evaluates in pure Python.
"""

from __future__ import annotations

import numpy as np

Tree = "tuple | float"


def _edges(x: np.ndarray, bins: int) -> list[np.ndarray]:
    """Quantile cut points of each feature column."""
    qs = np.linspace(0, 1, bins + 1)[1:-1]
    return [np.unique(np.quantile(x[:, j], qs)) for j in range(x.shape[1])]


def _grow(xb, g, h, idx, depth, edges, lam, min_hess, max_leaf=2.0):
    """One tree on the rows ``idx`` (binned features ``xb``, gradients, hessians).

    A leaf's Newton step is capped at ``max_leaf``: rows the trees are already sure of have
    tiny hessians, and an uncapped step there sends a few wrong answers to certainty.
    """
    grad, hess = g[idx].sum(), h[idx].sum()
    leaf = float(np.clip(-grad / (hess + lam), -max_leaf, max_leaf))
    if depth == 0 or len(idx) < 20:
        return leaf
    base = grad * grad / (hess + lam)
    best_gain, best = 0.0, None
    for j, cuts in enumerate(edges):
        n = len(cuts) + 1
        if n < 2:
            continue
        gl = np.cumsum(np.bincount(xb[idx, j], weights=g[idx], minlength=n))[:-1]
        hl = np.cumsum(np.bincount(xb[idx, j], weights=h[idx], minlength=n))[:-1]
        gr, hr = grad - gl, hess - hl
        gain = gl * gl / (hl + lam) + gr * gr / (hr + lam) - base
        gain[(hl < min_hess) | (hr < min_hess)] = -1.0
        b = int(np.argmax(gain))
        if gain[b] > best_gain:
            best_gain, best = float(gain[b]), (j, b)
    if best is None:
        return leaf
    j, b = best
    go_left = xb[idx, j] <= b  # bin <= b  <=>  x < cuts[b]
    return (
        j,
        round(float(edges[j][b]), 6),
        _grow(xb, g, h, idx[go_left], depth - 1, edges, lam, min_hess, max_leaf),
        _grow(xb, g, h, idx[~go_left], depth - 1, edges, lam, min_hess, max_leaf),
    )


def _predict(tree, x: np.ndarray) -> np.ndarray:
    """A tree's leaf values for rows of x."""
    out = np.empty(len(x))

    def walk(t, idx):
        if not isinstance(t, tuple):
            out[idx] = t
            return
        j, thr, left, right = t
        m = x[idx, j] < thr
        walk(left, idx[m])
        walk(right, idx[~m])

    walk(tree, np.arange(len(x)))
    return out


def fit_trees(
    x: np.ndarray,
    y: np.ndarray,
    rounds: int = 150,
    depth: int = 3,
    rate: float = 0.1,
    bins: int = 8,
    lam: float = 10.0,
    min_hess: float = 30.0,
    max_leaf: float = 2.0,
) -> tuple[float, list]:
    """(bias, trees) of a boosted ensemble; the logit is bias + sum of the trees' leaves."""
    edges = _edges(x, bins)
    xb = np.stack([np.searchsorted(e, x[:, j], side="right") for j, e in enumerate(edges)], 1)
    p0 = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    bias = float(np.log(p0 / (1 - p0)))
    f = np.full(len(y), bias)
    trees = []
    idx = np.arange(len(y))
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-f))
        tree = _grow(xb, p - y, p * (1 - p), idx, depth, edges, lam, min_hess, max_leaf)
        tree = _scale(tree, rate)
        f += _predict(tree, x)
        trees.append(tree)
    return round(bias, 6), trees


def _scale(tree, rate: float):
    """The tree with its leaves multiplied by the learning rate (rounded for the file)."""
    if not isinstance(tree, tuple):
        return round(tree * rate, 6)
    j, thr, left, right = tree
    return (j, thr, _scale(left, rate), _scale(right, rate))


def predict_trees(model: tuple[float, list], x: np.ndarray) -> np.ndarray:
    """Probabilities (0-1) of rows of x under (bias, trees)."""
    bias, trees = model
    f = np.full(len(x), bias)
    for t in trees:
        f += _predict(t, x)
    return 1.0 / (1.0 + np.exp(-f))
