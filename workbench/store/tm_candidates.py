"""The units a fuzzy TM lookup scores: those sharing the most of a query's rarest words.

A near-duplicate of a sentence shares its rare words; a common word only costs time. So a
lookup takes the query's :data:`RARE_WORDS` rarest known words (words in more than a
twentieth of the units, at least 1,000, left out unless no other word is known), reads
each one's units from the word index, and keeps the :data:`CANDIDATES` units with the
highest sum of the words' inverse document frequencies, among the units sharing at least
two of the words when there are any (ties in a fixed scrambled order of the ids, so that
neither old nor new units are favoured). Every score is then
computed on these candidates (:meth:`TranslationMemory.lookup`, ``project analyze``).

Why not FTS5's ``ORDER BY rank``: bm25 reads each matching row's length, which costs
about 3 µs a row; a query of a 1M-unit TM matches thousands of rows, and ranking them was
nine tenths of ``project analyze``. Reading a word's rows as one ``group_concat`` and
ranking them with numpy is ten times faster, and on a 1M-unit TM finds the best match
at least as often (BENCHMARKS.md, "Fuzzy candidates").
"""

from __future__ import annotations

import math
from sqlite3 import Connection

import numpy as np

from workbench.core.tm_match import query_words

#: How many of a query's rarest words find its candidates.
RARE_WORDS = 6
#: How many candidates are scored (over all target languages; then those of the language).
CANDIDATES = 200
#: A word in more than 1/COMMON_SHARE of the units (at least 1,000) is too common to look up by.
COMMON_SHARE = 20
#: Multiplier of the ids that orders ties (Knuth's multiplicative hash).
_SCRAMBLE = 0x9E3779B1


def rarest_words(con: Connection, norm: str, units: int) -> list[tuple[str, int]]:
    """The query's rarest known index words with their document frequencies, rarest first.

    ``units`` is (an upper bound of) the number of units: words in more than a twentieth
    of them (at least 1,000) are left out, unless no other word is known.
    """
    words = query_words(norm)
    if not words:
        return []
    marks = ",".join("?" * len(words))
    df = dict(con.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", words))
    known = sorted((w for w in words if w in df), key=lambda w: df[w])
    cap = max(1000, units // COMMON_SHARE)
    chosen = [w for w in known if df[w] <= cap][:RARE_WORDS] or known[:1]
    return [(w, df[w]) for w in chosen]


class Postings:
    """Words' unit ids kept between lookups (``project analyze``: words recur), bounded.

    Up to ``budget`` ids in all; past that, words are read again each time. Shared by
    threads: a dict's get and set are atomic, and a word read twice holds the same ids.
    """

    def __init__(self, budget: int = 8_000_000) -> None:
        """An empty cache of at most ``budget`` unit ids."""
        self.budget = budget
        self._ids: dict[str, np.ndarray] = {}
        self._held = 0

    def get(self, con: Connection, word: str) -> np.ndarray:
        """The ids of the units with ``word`` (from the cache, or read and kept)."""
        found = self._ids.get(word)
        if found is None:
            found = _rows_with(con, word)
            if self._held + len(found) <= self.budget:
                self._ids[word] = found
                self._held += len(found)
        return found


def _rows_with(con: Connection, word: str) -> np.ndarray:
    """The ids of the units whose index words include ``word`` (one read, no ranking)."""
    phrase = '"' + word.replace('"', '""') + '"'
    found = con.execute(
        "SELECT group_concat(rowid) FROM units_fts WHERE units_fts MATCH ?", (phrase,)
    ).fetchone()[0]
    if not found:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(found, dtype=np.int64, sep=",")


def candidate_ids(
    con: Connection,
    norm: str,
    units: int,
    n: int = CANDIDATES,
    postings: Postings | None = None,
) -> list[int]:
    """The ids of the ``n`` best candidates for the normalised query ``norm``, best first.

    ``units`` is (an upper bound of) the number of units, for the words' weights;
    ``postings`` keeps the words' ids for the next queries.
    """
    words = rarest_words(con, norm, units)
    if not words:
        return []
    ids_of = [postings.get(con, w) if postings else _rows_with(con, w) for w, _ in words]
    # one sort of (id, word number) keys: each id's words side by side
    keys = np.concatenate([a * 8 + j for j, a in enumerate(ids_of)])  # RARE_WORDS < 8
    if not len(keys):
        return []
    keys.sort()
    ids = keys >> 3
    idf = np.array([math.log(max(units, df + 1) / max(df, 1)) for _, df in words])
    starts = np.flatnonzero(np.concatenate(([True], ids[1:] != ids[:-1])))
    unique = ids[starts]
    score = np.add.reduceat(idf[keys & 7], starts)
    shared = np.diff(np.append(starts, len(ids)))
    if len(words) > 1 and (shared > 1).any():
        unique, score = unique[shared > 1], score[shared > 1]
    if len(unique) > n:  # those scoring at least the n-th best, then sorted
        keep = score >= np.partition(score, len(score) - n)[len(score) - n]
        unique, score = unique[keep], score[keep]
    # ties in a fixed scrambled order of the ids: neither the oldest nor the newest favoured
    best = np.lexsort(((unique * _SCRAMBLE) & 0xFFFFFFFF, -score))[:n]
    return unique[best].tolist()


def candidate_rows(
    con: Connection,
    cols: str,
    text: str,
    norm: str,
    src: str,
    tgts: list[str],
    units: int,
    n: int = CANDIDATES,
    postings: Postings | None = None,
) -> list:
    """``cols`` (of ``units u``, ``u.id`` first) of every candidate of a query in ``tgts``.

    The top ``n`` of :func:`candidate_ids` for the normalised ``norm`` (then those of the
    language pairs), and the units whose source is ``text`` itself. The fuzzy candidates
    are found by id: the language columns only filter them (``+u.``).
    """
    marks = ",".join("?" * len(tgts))
    exact = con.execute(
        f"SELECT {cols} FROM units u WHERE u.src_lang = ? AND u.tgt_lang IN ({marks}) "
        "AND u.source = ?",
        (src, *tgts, text),
    ).fetchall()
    ids = candidate_ids(con, norm, units, n, postings)
    rows = []
    if ids:
        rows = con.execute(
            f"SELECT {cols} FROM units u WHERE u.id IN ({','.join('?' * len(ids))}) "
            f"AND +u.src_lang = ? AND +u.tgt_lang IN ({marks})",
            (*ids, src, *tgts),
        ).fetchall()
    seen = {r[0] for r in rows}
    return rows + [r for r in exact if r[0] not in seen]
