"""The best TM score of a segment in several target languages at once (``project analyze``).

An analysis wants one number per segment and language, the score of its best match, never
the matches themselves, for thousands of segments. So, with the same candidates and the
same scores as :meth:`TranslationMemory.lookup`:

- one candidate query serves every target language: the word index knows no languages,
  and a lookup takes its top candidates before keeping those of its language, so each
  language gets exactly the candidates its own lookup would;
- a fuzzy candidate is scored in C (rapidfuzz) with a cutoff at the best score so far,
  the plain (letters only) score computed only where names make it differ;
- only the candidates with the segment's own source are leveraged (names put in the
  glossary's forms), to tell a 100/101 from a 99;
- a unit the TM learned from the segment itself (``learned_from`` is the segment's key in
  that language) is left out: a confirmed segment is not its own 101.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from workbench.core.languages import get_language
from workbench.core.tm_match import NamedText, name_norm, plain_norm
from workbench.store.tm import LEVERAGED  # an exact match whose names leveraging changed
from workbench.store.tm_candidates import CANDIDATES, Postings, candidate_rows

#: Private-use characters: the entry symbols of names in a unit's normalised source.
_NAME_SYMBOL = re.compile("[\ue000-\uf8ff]")


@dataclass(frozen=True)
class Probe:
    """A segment to score: its source, source language and neighbours in its document.

    ``own``: target language -> the key the TM files the units learned from this segment
    under (those are not matches of it).
    """

    text: str
    src: str
    prev: str = ""
    following: str = ""
    own: Mapping[str, str] = field(default_factory=dict)


def best_scores(
    tm,
    probe: Probe,
    langs: list[str],
    *,
    threshold: float = 50.0,
    candidates: int = CANDIDATES,
    postings: Postings | None = None,
) -> dict[str, float | None]:
    """Target language -> the best match score (101, 100, 99, fuzzy) or None below threshold.

    The score is the one the first of ``tm.lookup(...)``'s matches would have, except that
    the segment's own learned unit is not counted. ``postings`` keeps the words' units
    for the next segments (an analysis).
    """
    best: dict[str, float | None] = dict.fromkeys(langs, None)
    if not probe.text.strip():
        return best
    src = get_language(probe.src).tag
    tags = {get_language(lang).tag: lang for lang in langs}
    query = name_norm(probe.text, src, tm.finder, tm._query_code)
    plain_q = plain_norm(probe.text)
    by_lang: dict[str, list] = {tgt: [] for tgt in tags}
    for row in _rows(tm, probe.text, query, src, list(tags), candidates, postings):
        learned = row[4]
        if learned is not None and learned == probe.own.get(tags[row[1]]):
            continue  # what this very segment taught the TM
        by_lang[row[1]].append(row)
    memo: dict[str, str] = {}  # a source's plain form, for all languages (they share sources)
    for tgt, rows in by_lang.items():
        score = _best_of(tm, query, plain_q, probe, src, tgt, rows, threshold, memo)
        if score is not None:
            best[tags[tgt]] = score
    return best


def _best_of(
    tm,
    query: NamedText,
    plain_q: str,
    probe: Probe,
    src: str,
    tgt: str,
    rows,
    threshold: float,
    memo: dict[str, str],
) -> float | None:
    """The best score among one language's candidates (id, tgt, source, norm, learned).

    A candidate's fuzzy score is min(max(plain, variant), 99), so the best one is
    min(max(best plain, best variant), 99): searches in C. Those with the segment's own
    source (whitespace aside) are 100, 101 in context, 99 if leveraging changes names.
    """
    if not rows:
        return None
    if tm.finder is None:  # names are letters: the plain score is the only one
        searches = [(plain_q, _plains(rows, memo))]
    elif query.hits or any(_NAME_SYMBOL.search(r[3]) for r in rows):
        searches = [(query.norm, [r[3] for r in rows]), (plain_q, _plains(rows, memo))]
    else:  # no names on either side: the normalised sources are the plain ones
        searches = [(plain_q, [r[3] for r in rows])]
    found = 0.0
    for q, texts in searches:
        hit = process.extractOne(
            q, texts, scorer=Levenshtein.normalized_similarity, score_cutoff=threshold / 100
        )
        if hit is not None:
            found = max(found, min(100.0 * hit[1], 99.0))
    plains = searches[-1][1]
    flat = " ".join(probe.text.split())
    same = [
        r[0]
        for r, p in zip(rows, plains, strict=True)
        if p == plain_q and " ".join(r[2].split()) == flat
    ]
    ranked = []
    for source, target, uprev, unext in _units(tm, same):
        context = (probe.prev or probe.following) and (
            uprev == probe.prev and unext == probe.following
        )
        ranked.append((101.0 if context else 100.0, source, target))
    for score, source, target in sorted(ranked, key=lambda r: -r[0]):
        _, subs = tm._leverage(query, source, target, src, tgt)
        found = max(found, LEVERAGED if subs else score)
        if not subs:
            break  # the stored translation word for word: nothing below beats it
    return found if found >= threshold else None


def _plains(rows, memo: dict[str, str]) -> list[str]:
    """The plain form of each row's source (``memo``: those worked out before)."""
    out = []
    for r in rows:
        plain = memo.get(r[2])
        if plain is None:
            plain = memo[r[2]] = plain_norm(r[2])
        out.append(plain)
    return out


def _units(tm, ids: list[int]) -> list[tuple[str, str, str, str]]:
    """(source, target, prev, next) of the units ``ids``, in id order."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return tm.con.execute(
        f"SELECT source, target, prev, next FROM units WHERE id IN ({marks}) ORDER BY id", ids
    ).fetchall()


def _rows(
    tm, text: str, query: NamedText, src: str, tgts: list[str], n: int, postings: Postings | None
) -> list:
    """The candidates lookup would take, for every language of ``tgts`` at once.

    (id, target language, source, norm, learned_from) of the units sharing the query's
    rarest words (the top ``n``, then those of ``tgts``), and of the units with the same
    source: :func:`candidate_rows`, as lookup's.
    """
    cols = "u.id, u.tgt_lang, u.source, u.norm, u.learned_from"
    return candidate_rows(
        tm.con, cols, text, query.norm, src, tgts, tm.count_estimate(), n, postings
    )
