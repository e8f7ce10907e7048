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

from rapidfuzz.distance import Levenshtein

from workbench.core.languages import get_language
from workbench.core.tm_match import NamedText, name_norm, plain_norm, query_words

#: Private-use characters: the entry symbols of names in a unit's normalised source.
_NAME_SYMBOL = re.compile("[\ue000-\uf8ff]")
#: The score of an exact or context match whose names leveraging changed (as lookup's).
LEVERAGED = 99.0


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
    tm, probe: Probe, langs: list[str], *, threshold: float = 50.0, candidates: int = 200
) -> dict[str, float | None]:
    """Target language -> the best match score (101, 100, 99, fuzzy) or None below threshold.

    The score is the one the first of ``tm.lookup(...)``'s matches would have, except that
    the segment's own learned unit is not counted.
    """
    best: dict[str, float | None] = dict.fromkeys(langs, None)
    if not probe.text.strip():
        return best
    src = get_language(probe.src).tag
    tags = {get_language(lang).tag: lang for lang in langs}
    query = name_norm(probe.text, src, tm.finder, tm._query_code)
    plain_q = plain_norm(probe.text)
    flat = " ".join(probe.text.split())
    named = bool(query.hits) or tm.finder is None
    top = dict.fromkeys(tags, threshold)  # fuzzy: the best so far (a cutoff for the next)
    found: dict[str, float] = {}
    same_source: dict[str, list[tuple[float, str, str]]] = {}
    for _uid, tgt, source, target, uprev, unext, norm, learned in _rows(
        tm, probe.text, query, src, list(tags), candidates
    ):
        lang = tags[tgt]
        if learned is not None and learned == probe.own.get(lang):
            continue  # what this very segment taught the TM
        cut = min(top[tgt], 99.0) / 100
        if named or _NAME_SYMBOL.search(norm):
            plain = 100.0 * Levenshtein.normalized_similarity(
                plain_q, plain_norm(source), score_cutoff=cut
            )
            variant = (
                100.0 * Levenshtein.normalized_similarity(query.norm, norm, score_cutoff=cut)
                if tm.finder is not None
                else plain
            )
        else:  # no names on either side: the normalised texts are the plain ones
            plain = variant = 100.0 * Levenshtein.normalized_similarity(
                query.norm, norm, score_cutoff=cut
            )
        if plain >= 100.0 and " ".join(source.split()) == flat:
            context = (probe.prev or probe.following) and (
                uprev == probe.prev and unext == probe.following
            )
            same_source.setdefault(tgt, []).append((101.0 if context else 100.0, source, target))
            continue
        score = min(max(plain, variant), 99.0)
        if score >= top[tgt] and score > 0:
            top[tgt] = score
            found[tgt] = score
    for tgt, rows in same_source.items():
        for score, source, target in sorted(rows, key=lambda r: -r[0]):
            _, subs = tm._leverage(query, source, target, src, tgt)
            score = LEVERAGED if subs else score
            found[tgt] = max(found.get(tgt, 0.0), score)
            if not subs:
                break  # the stored translation word for word: nothing below beats it
    for tgt, score in found.items():
        if score >= threshold:
            best[tags[tgt]] = score
    return best


def _rows(tm, text: str, query: NamedText, src: str, tgts: list[str], n: int) -> list:
    """The candidates lookup would take, for every language of ``tgts`` at once.

    (id, target language, source, target, prev, next, norm, learned_from) of the units
    sharing the query's rarest words (the top ``n`` of the word index, then those of
    ``tgts``), and of the units with the same source.
    """
    marks = ",".join("?" * len(tgts))
    cols = "u.id, u.tgt_lang, u.source, u.target, u.prev, u.next, u.norm, u.learned_from"
    exact = tm.con.execute(
        f"SELECT {cols} FROM units u WHERE u.src_lang = ? AND u.tgt_lang IN ({marks}) "
        "AND u.source = ?",
        (src, *tgts, text),
    ).fetchall()
    words = query_words(query.norm)
    if not words:
        return exact
    qmarks = ",".join("?" * len(words))
    df = dict(tm.con.execute(f"SELECT term, df FROM terms WHERE term IN ({qmarks})", words))
    # the same choice as TranslationMemory._candidates: the rarest words, common ones left
    known = sorted((w for w in words if w in df), key=lambda w: df[w])
    cap = max(1000, tm.count_estimate() // 20)
    known = [w for w in known if df[w] <= cap][:4] or known[:1]
    if not known:
        return exact
    expr = " OR ".join('"' + w.replace('"', '""') + '"' for w in known)
    rows = tm.con.execute(
        f"SELECT {cols} FROM "
        "(SELECT rowid, rank FROM units_fts WHERE units_fts MATCH ? ORDER BY rank LIMIT ?) f "
        f"JOIN units u ON u.id = f.rowid WHERE u.src_lang = ? AND u.tgt_lang IN ({marks})",
        (expr, n, src, *tgts),
    ).fetchall()
    seen = {r[0] for r in rows}
    return rows + [r for r in exact if r[0] not in seen]
