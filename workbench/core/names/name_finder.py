"""Finding glossary names in running text, in Latin and Arabic script.

A name is a run of up to ``NameIndex.max_words`` words joined only by spaces or hyphens.
The longest run whose transliteration key is in the index wins. Latin runs must start at a
capitalised word, an article (al-, el-, ash-...) or the first word of a listed form ("the IS
group"), and must contain a capital letter; acronyms (IS, ISIS, PMU) match only in capitals.
Arabic-script words may carry clitics: Arabic و ف ب ل ك (and لل for ل + ال) in front,
Sorani ی دا ەوە ەکە ەکان یش... behind. A name found inside a longer one ("al-Obaidi" in
"Omar al-Obaidi") is reported too, as a nested hit, when it belongs to another entry.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from workbench.core.glossary import Entry
from workbench.core.names.arabic_script import (
    _dedupe,
    _key_word,
    arabic_light_key,
    arabic_words,
    misspelling_of,
    normalize,
)
from workbench.core.names.latin_key import (
    ARTICLES,
    SUN_ARTICLES,
    alternative_key,
    consonants,
    drop_articles,
    key_of_words,
    respelling_keys,
    words,
)
from workbench.core.names.name_confidence import threshold
from workbench.core.names.name_index import (
    NameIndex,
    acronym_signature,
    is_short_key,
    latin_light_key,
)
from workbench.core.textio import BIDI_CONTROLS

# possessive (++, *+): the same matches, but a 10 MB run of letters keeps no backtracking
# state per character (1.4 GB with a plain + on "AbAb...")
_TOKEN = re.compile(
    r"(?:[^\W\d_]|[\u064b-\u065f\u0670\u0640\u200c\u200d])++(?:['’ʿʾ](?:[^\W\d_])++)*+"
)
_JOIN = re.compile(r"^(?:[ \u00a0]+|[ \u00a0]*[-\u2010\u2011][ \u00a0]*)$")
_POSSESSIVES = ("'s", "’s")
_BIDI = {ord(c): None for c in BIDI_CONTROLS}

_ARABIC_SCRIPT_LANGS = {"ar": {"ar"}, "ckb": {"ckb", "ar"}}
_CKB_SUFFIXES = (
    "ییەکانی",
    "ییەکان",
    "یەکانی",
    "یەکان",
    "ەکانی",
    "ەکان",
    "یەکەی",  # after a final vowel ی: سلێمانییەکە is سلێمانی + ەکە
    "یەکە",
    "ەکەی",
    "ەکە",
    "یەوە",
    "ەوە",
    "ەیان",
    "یان",
    "وە",
    # "in" + the copula: داعشدایە (is in/under ISIS), موسڵدان (they are in Mosul)
    "یدایە",
    "دایە",
    "داین",
    "دایت",
    "دان",
    "دام",
    "ەوەیە",
    "یدا",
    "دا",
    "یش",
    "ش",
    "یی",
    "ی",
    "ە",
)


@dataclass(frozen=True)
class NameHit:
    """A glossary name found in a text: where, as what surface, and how sure."""

    entry: Entry
    start: int
    end: int
    surface: str
    form: str
    score: float
    nested: bool = False
    core: str = ""  # the name as spelled, without Arabic clitics or Sorani suffixes
    clitic: bool = False  # a clitic or suffix was removed to find it
    confidence: float = 1.0  # calibrated as for a lookup (see name_confidence)

    @property
    def spelling(self) -> str:
        """The spelling of the name itself (surface without clitics)."""
        return self.core or self.surface


class _Tok(NamedTuple):
    """One word token: offsets, text, and whether it is in Arabic script."""

    start: int
    end: int
    text: str
    arabic: bool


@dataclass(frozen=True)
class _Scan:
    """One text being scanned: its tokens and which neighbours a name may join."""

    text: str
    toks: list[_Tok]
    joinable: list[bool]
    langs: frozenset[str]  # glossary languages whose Arabic-script forms may match
    sorani: bool  # the text is Sorani: normalise Arabic-keyboard spellings first
    c: _Caches  # the index this scan uses, with its caches


@dataclass
class _Caches:
    """An index and what was found with it (bounded): they are replaced together."""

    index: NameIndex
    spans: dict[str, tuple] = field(default_factory=dict)
    arabic: dict[tuple, list] = field(default_factory=dict)
    confidence: dict[str, list] = field(default_factory=dict)
    texts: dict[tuple, list[NameHit]] = field(default_factory=dict)
    starts: dict[str, bool] = field(default_factory=dict)


#: A word longer than this (characters) is no name and is skipped: no key is made of it.
MAX_NAME_WORD = 64


@lru_cache(maxsize=1 << 16)
def _folded(token: str) -> str:
    """The folded letters of one token (cached: running text repeats its words)."""
    return "".join(words(token))


def _tokens(text: str, lo: int = 0, hi: int | None = None) -> list[_Tok]:
    """Word tokens of ``text[lo:hi]`` with offsets in ``text``; a possessive 's is left outside.

    A token longer than MAX_NAME_WORD is left out (and so never joins its neighbours).
    """
    out = []
    for m in _TOKEN.finditer(text, lo, len(text) if hi is None else hi):
        s, e, t = m.start(), m.end(), m.group()
        if e - s > MAX_NAME_WORD:
            continue
        if t.endswith(_POSSESSIVES):
            e -= 2
            t = t[:-2]
        arabic = "\u0600" <= t[0] <= "\u06ff" or "\ufb50" <= t[0] <= "\ufeff"
        out.append(_Tok(s, e, t, arabic))
    return out


def _joins(gap: str) -> bool:
    """May the words either side of ``gap`` be one name (spaces or a hyphen between)?"""
    return gap == " " or _JOIN.match(gap.translate(_BIDI)) is not None


def _may_start(first: str, index: NameIndex) -> bool:
    """Could a Latin name start at this word (a capital, a listed first word, an article)?"""
    fw = _folded(first)
    is_article = fw in ARTICLES or fw in SUN_ARTICLES
    return first[0].isupper() or fw in index.first_words or is_article


def _with_confidence(hit: NameHit, c: _Caches) -> NameHit:
    """The hit with the confidence a lookup of its spelling gives its entry.

    A listed spelling is sure; an unseen one is as sure as ``NameIndex.decide`` says
    (without the fuzzy step, which running text never uses).
    """
    if hit.score >= 99:
        return hit
    cands = c.confidence.get(hit.spelling)
    if cands is None:
        cands = c.index.candidates(hit.spelling, fuzzy=False)
        _put(c.confidence, hit.spelling, cands, _SPAN_CACHE_SIZE)
    conf = next((m.confidence for m in cands if m.entry.id == hit.entry.id), None)
    return replace(hit, confidence=threshold() if conf is None else conf)


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]*")


def _letters(word: str) -> int:
    """How many letters a word has (harakat, shadda and tatweel not counted)."""
    return len(word) - sum(len(m) for m in _MARKS.findall(word))


def _drop_letter(word: str) -> str:
    """The word without its first letter and the marks on it (وَ, بِ, لِ: one clitic)."""
    return word[_MARKS.match(word, 1).end() :]


def _proclitic_forms(word: str) -> list[tuple[str, bool]]:
    """The word itself and the word without Arabic proclitics (flag: stripped).

    A conjunction (و, ف) may come first, then a preposition (ب, ل, ك); لل is ل + ال.
    Harakat are no letters: وَبِمُحَمَّد loses وَبِ as وبمحمد loses وب.
    """
    forms = [(word, False)]
    rests = [word]
    if word[:1] in ("و", "ف") and _letters(word) > 3:
        rests.append(_drop_letter(word))
    for rest in rests:
        if rest is not word:
            forms.append((rest, True))
        after_l = _drop_letter(rest) if rest[:1] == "ل" else ""
        if after_l[:1] == "ل" and _letters(rest) > 4:
            forms.append(("ال" + _drop_letter(after_l), True))
        elif rest[:1] in ("ب", "ل", "ك") and _letters(rest) > 3:
            forms.append((_drop_letter(rest), True))
    return forms


_HEH_ZWNJ = "\u0647\u200c"


def _sorani_letters(tok: _Tok) -> _Tok:
    """A Sorani token with ە typed the Arabic-keyboard way (heh + ZWNJ) written as ە.

    موحه‌ممه‌د حه‌سه‌نه‌که‌ is موحەممەد حەسەنەکە on screen: the name is found and its
    suffix stripped as in text typed with ە (offsets stay those of the text).
    """
    if not tok.arabic or _HEH_ZWNJ not in tok.text:
        return tok
    return tok._replace(text=tok.text.replace(_HEH_ZWNJ, "ە"))


def _suffix_forms(word: str) -> list[str]:
    """The word itself and the word without one Sorani suffix."""
    forms = [word]
    for s in _CKB_SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            forms.append(word[: -len(s)])
    return forms


def _ortho(text: str) -> str:
    """Spelling compared letter for letter, ignoring only keyboard and typing variants."""
    return " ".join(normalize(text, "ckb").split())


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """The matching key of one Arabic-script word (cached: each span keys its words again)."""
    return "".join(_key_word(w) for w in arabic_words(word))


def _span_key(keys: list[str]) -> str:
    """The key of a span from its words' keys; '' when a word after the first adds nothing.

    Keys are joined with doubled letters collapsed (as the index joins a form's words), so a
    word that is only the letter the key ends with (إن, key ن, after الحسن) or has no key
    (أو "or") would vanish into the name: such a span is no name of its words.
    """
    key = _dedupe(keys[0])
    for part in keys[1:]:
        longer = _dedupe(key + part)
        if key and longer == key:
            return ""
        key = longer
    return key


class NameFinder:
    """Scans texts for the names of one glossary index."""

    def __init__(self, index: NameIndex) -> None:
        """Use ``index`` for keys; the finder itself holds no per-text state.

        It keeps bounded caches (what each span of words matched, each spelling's
        confidence, the hits of short texts already scanned): running text repeats its
        words and sentences. Setting ``index`` (a glossary that changed) empties them.
        """
        self.index = index

    @property
    def index(self) -> NameIndex:
        """The glossary index names are found with."""
        return self._c.index

    @index.setter
    def index(self, index: NameIndex) -> None:
        # one assignment: a scan in another thread keeps the index and caches it began with
        self._c = _Caches(index)

    def find(self, text: str, lang: str | None = None, *, nested: bool = True) -> list[NameHit]:
        """All names in ``text``, in order; nested hits follow the hit that contains them.

        ``lang`` restricts Arabic-script matching: Arabic text is matched against the
        glossary's Arabic forms, Sorani text against Sorani and Arabic forms (an Arabic
        common word must not be taken for a Sorani spelling of a name). Without it, all.
        A text of up to ``_TEXT_CACHE_CHARS`` characters scanned before answers from the cache.
        """
        c = self._c
        if len(text) > _TEXT_CACHE_CHARS:
            return self._find(text, lang, nested, c)
        key = (text, lang, nested)
        hits = c.texts.get(key)
        if hits is None:
            hits = self._find(text, lang, nested, c)
            _put(c.texts, key, hits, _TEXT_CACHE_SIZE)
        return list(hits)

    def _find(self, text: str, lang: str | None, nested: bool, c: _Caches) -> list[NameHit]:
        """``find`` without the cache of whole texts, a long text a piece at a time."""
        if len(text) <= CHUNK_CHARS:
            return self._find_in(text, 0, len(text), lang, nested, c)
        hits: list[NameHit] = []
        for lo, hi in chunk_spans(text):
            hits.extend(self._find_in(text, lo, hi, lang, nested, c))
        return hits

    def _find_in(
        self, text: str, lo: int, hi: int, lang: str | None, nested: bool, c: _Caches
    ) -> list[NameHit]:
        """The names in ``text[lo:hi]`` (offsets in ``text``)."""
        toks = _tokens(text, lo, hi)
        joinable = [_joins(text[a.end : b.start]) for a, b in itertools.pairwise(toks)]
        joinable.append(False)
        if lang == "ckb":
            toks = [_sorani_letters(t) for t in toks]
        langs = frozenset(_ARABIC_SCRIPT_LANGS.get(lang or "", {"ar", "ckb"}))
        scan = _Scan(text, toks, joinable, langs, lang == "ckb", c)
        hits: list[NameHit] = []
        starts = c.starts
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not tok.arabic:
                may = starts.get(tok.text)
                if may is None:
                    may = _may_start(tok.text, c.index)
                    _put(starts, tok.text, may, _SPAN_CACHE_SIZE)
                if not may:  # most words: no Latin name can start here
                    i += 1
                    continue
            best = None
            # the longest span sure enough; a shorter one when a longer is not (a word
            # after a name must not make it vanish)
            for n, hit in self._options_at(scan, i, len(toks), exclude=None):
                hit = _with_confidence(hit, c)
                if hit.confidence >= threshold():
                    best = (n, hit)
                    break
            if best is None:
                i += 1
                continue
            n, hit = best
            hits.append(hit)
            if nested and n > 1:
                hits.extend(self._nested(scan, i, i + n, hit.entry.id))
            i += n
        return hits

    def _nested(self, scan: _Scan, lo: int, hi: int, outer: str) -> list[NameHit]:
        """Hits of other entries inside tokens [lo, hi) of a longer hit."""
        out = []
        j = lo
        while j < hi:
            options = self._options_at(scan, j, hi, exclude=outer)
            if not options:
                j += 1
                continue
            # inside a name, only a listed spelling
            listed = [(n, h) for n, h in options if h.score >= 99 and not h.clitic]
            n, hit = listed[0] if listed else options[0]
            if listed:
                out.append(replace(hit, nested=True))
            j += n
        return out

    def _options_at(
        self, scan: _Scan, i: int, hi: int, exclude: str | None
    ) -> list[tuple[int, NameHit]]:
        """The names starting at token i, longest first (Latin: the longest only)."""
        if scan.toks[i].arabic:
            return self._match_arabic(scan, i, hi, exclude)
        best = self._match_latin(scan, i, hi, exclude)
        return [] if best is None else [best]

    # --- Latin ---------------------------------------------------------------------

    def _match_latin(
        self, scan: _Scan, i: int, hi: int, exclude: str | None
    ) -> tuple[int, NameHit] | None:
        idx = scan.c.index
        text, toks, joinable = scan.text, scan.toks, scan.joinable
        first = toks[i].text
        fw = _folded(first)
        is_article = fw in ARTICLES or fw in SUN_ARTICLES
        if not (first[0].isupper() or fw in idx.first_words or is_article):
            return None
        if fw in SUN_ARTICLES and not first.isupper() and not _hyphen_after(text, toks, i):
            return None  # English "as Sabah", "an Anbar MP": only "as-Sabah" is an article
        best: tuple[int, NameHit] | None = None
        folded: list[str] = []
        for n in range(1, idx.max_words + 1):
            j = i + n - 1
            if j >= hi or toks[j].arabic:
                break
            folded.append(_folded(toks[j].text))
            span = toks[i : j + 1]
            surface = text[span[0].start : span[-1].end]
            cached = scan.c.spans.get(surface)
            if cached is None:  # what a span matches depends on its text alone
                cached = self._latin_span(idx, surface, span, folded, fw, first)
                _put(scan.c.spans, surface, cached, _SPAN_CACHE_SIZE)
            sig, key, found = cached
            found = [x for x in found if x[0].id != exclude]
            if found:
                e, f, score = found[0]
                best = (n, NameHit(e, span[0].start, span[-1].end, surface, f, score))
            if not joinable[j]:
                break
            last = folded[-1]
            if last in ARTICLES or (last in SUN_ARTICLES and _hyphen_after(text, toks, j)):
                continue  # an article inside a name: "Ibrahim al-Jughaifi"
            if sig is None and not idx.is_latin_prefix(key):
                if not any(_ACR_START.match(t.text) for t in toks[j + 1 : j + 2]):
                    break
        return best

    def _latin_span(
        self, idx: NameIndex, surface: str, span: list[_Tok], folded: list[str], fw: str, first: str
    ) -> tuple[tuple[str, ...] | None, str, list]:
        """(acronym signature, key, (entry, form, score) candidates) of one Latin span."""
        sig = acronym_signature(t.text for t in span)
        if sig is not None:
            return sig, "", [(e, f, 100.0) for e, f in idx.acronyms.get(sig, ())]
        toks_ = drop_articles(folded)
        key = key_of_words(toks_)
        found = self._latin_candidates(idx, key, surface, span)
        alt = alternative_key(toks_, key)
        if not found and alt:
            found = self._latin_candidates(idx, alt, surface, span)
        if not found and len(span) == 1 and _FUSED.match(fw) and first[0].isupper():
            # a fused article: "They left Alqaim."
            found = self._latin_candidates(idx, key_of_words([fw[2:]]), surface[2:], span)
        if not found and consonants(key) >= 3:
            # romanisation conventions one key cannot merge (Faluya, Ramadiyah)
            for k in respelling_keys(surface).values():
                cands = self._latin_candidates(idx, k, surface, span)
                found = [(e, f, min(sc, 88.0)) for e, f, sc in cands]
                if found:
                    break
        return sig, key, found

    def _latin_candidates(self, idx: NameIndex, key: str, surface: str, span: list[_Tok]) -> list:
        """(entry, form, score) for a Latin span's key, with the capital and short-key guards."""
        cands = idx.latin.get(key)
        if not cands:
            return []
        if not any(t.text[0].isupper() for t in span):
            cands = [(e, f) for e, f in cands if f == f.lower()]
        # a lower-case word in the span must be part of the form ("the IS group", "Iraqi
        # army"), or an article: "America a", "So are" are not names
        lower = {w for t in span if not t.text[0].isupper() for w in words(t.text)}
        lower -= ARTICLES | SUN_ARTICLES
        if lower:
            cands = [(e, f) for e, f in cands if lower <= set(words(f))]
        light_surface = latin_light_key(surface)
        if is_short_key(key, "Latn"):
            light = {(e.id, f) for e, f in idx.latin_light.get(light_surface, ())}
            cands = [(e, f) for e, f in cands if (e.id, f) in light]
        elif consonants(key) == 2:
            # two consonants (Qaem = kVm, Syria = sVrA) are shared by many words and names
            # (Kim, Sarah): the spelling must be close to a listed one as well
            close = {e.id for e, f in cands if fuzz.ratio(light_surface, latin_light_key(f)) >= 70}
            cands = [(e, f) for e, f in cands if e.id in close]
        exact = "".join(words(surface))
        return sorted(
            ((e, f, 100.0 if "".join(words(f)) == exact else 90.0) for e, f in cands),
            key=lambda x: -x[2],
        )

    # --- Arabic script -------------------------------------------------------------

    def _match_arabic(
        self, scan: _Scan, i: int, hi: int, exclude: str | None
    ) -> list[tuple[int, NameHit]]:
        """The best name of each length starting at Arabic-script token i, longest first.

        Every word after the first must add to the span's key: a short word whose key the
        name's last letter absorbs (إن after الحسن: the key of "محمد الحسن إن" is the key of
        "محمد الحسن") is not part of the name.
        """
        idx = scan.c.index
        text, toks, joinable = scan.text, scan.toks, scan.joinable
        by_length: list[tuple[int, NameHit]] = []
        token = toks[i].text
        # stripped forms first: on a tie the name is reported without its clitics
        heads = _proclitic_forms(token)
        heads = heads[1:] + heads[:1]
        for n in range(1, idx.max_words + 1):
            j = i + n - 1
            if j >= hi or not toks[j].arabic:
                break
            middle = [t.text for t in toks[i + 1 : j]]
            middle_keys = [_word_key(w) for w in middle]
            alive = False
            best: NameHit | None = None
            for head, stripped in heads:
                tails = _suffix_forms(toks[j].text)
                for tail in tails[1:] + tails[:1]:
                    if n == 1:
                        cut = len(token) - len(tail)  # length of the removed suffix
                        word = head[: len(head) - cut] if cut else head
                        if len(word) < 2:
                            continue
                        words_ = [word]
                        key = _dedupe(_word_key(word))
                    else:
                        words_ = [head, *middle, tail]
                        key = _span_key([_word_key(head), *middle_keys, _word_key(tail)])
                    if not key:
                        continue
                    alive = alive or key in idx.arabic_prefixes
                    found = self._arabic_candidates(scan, key, words_, stripped, exclude)
                    if not found:
                        continue
                    e, f, score = found[0]
                    clitic = stripped or tail != toks[j].text
                    # a word the glossary lists as it stands (tried last) beats a listed
                    # form plus a suffix (Sorani بەغدادی, al-Baghdadi, is not بەغداد
                    # "Baghdad" + ـی); otherwise a tie keeps the stripped form found first
                    if (
                        best is None
                        or score > best.score
                        or (score == best.score == 100.0 and not clitic)
                    ):
                        surface = text[toks[i].start : toks[j].end]
                        best = NameHit(
                            e,
                            toks[i].start,
                            toks[j].end,
                            surface,
                            f,
                            score,
                            core=" ".join(words_),
                            clitic=clitic,
                        )
            if best is not None:
                by_length.append((n, best))
            if not joinable[j] or not alive:
                break
        return by_length[::-1]

    def _arabic_candidates(
        self, scan: _Scan, key: str, words_: list[str], stripped: bool, exclude: str | None
    ) -> list:
        """(entry, form, score) for an Arabic-script key, with the short-key guard."""
        if key not in scan.c.index.arabic:
            return []
        memo = (key, tuple(words_), stripped, scan.langs, scan.sorani)
        found = scan.c.arabic.get(memo)
        if found is None:  # each candidate is kept or dropped on its own: filter after
            found = self._arabic_scored(scan, key, words_, stripped)
            _put(scan.c.arabic, memo, found, _SPAN_CACHE_SIZE)
        return [x for x in found if x[0].id != exclude] if exclude else found

    def _arabic_scored(self, scan: _Scan, key: str, words_: list[str], stripped: bool) -> list:
        """``_arabic_candidates`` for every entry (uncached)."""
        idx = scan.c.index
        langs = scan.langs
        cands = [
            (e, f)
            for e, f in idx.arabic.get(key, ())
            if idx.form_langs.get((e.id, f), set()) & langs
        ]
        if not cands:
            return []
        span = " ".join(w for w in words_ if w)
        if scan.sorani:
            span = normalize(span, "ckb")  # Sorani typed on an Arabic keyboard (حەدیسه)
        light_key = arabic_light_key(span)
        light = {(e.id, f) for e, f in idx.arabic_light.get(light_key, ())}
        if len(words_) > 1:
            # a span of several words must resemble a form of several words, from its first word
            first = arabic_light_key(words_[0])
            cands = [
                (e, f)
                for e, f in cands
                if 1 < len(f.split()) >= len(words_) - 1
                and (
                    (e.id, f) in light
                    or (
                        fuzz.ratio(light_key, arabic_light_key(f)) >= 80
                        and fuzz.ratio(first, arabic_light_key(f.split()[0])) >= 70
                    )
                )
            ]
        else:
            word = words_[0]
            if word.startswith("ال"):
                # names written without the article never take it: النقاش is "the debate"
                cands = [
                    (e, f)
                    for e, f in cands
                    if f.startswith("ال") or "ar" not in idx.form_langs.get((e.id, f), set())
                ]
            if stripped and len(key) < 4:
                # a short skeleton (رق, سر) after a clitic: letter for letter (وسوريا, not
                # ورقة "paper"), or a mistyping of it (والقايم for والقائم, reported by QA)
                exact_word = _ortho(word)
                cands = [
                    (e, f)
                    for e, f in cands
                    if _ortho(f) == exact_word or misspelling_of(word, (f,)) is not None
                ]
            else:
                # a skeleton is shared by common words (المسؤول / الموصل, بأكمله /
                # البوكمال): the spelling must be the form's, or very close to it
                cands = [
                    (e, f)
                    for e, f in cands
                    if (e.id, f) in light
                    or (len(key) >= 4 and fuzz.ratio(light_key, arabic_light_key(f)) >= 85)
                    # a mistyping with the article (الرقه for الرقة): without it a final
                    # heh is as often "his" (حديثه, his talk, is not حديثة)
                    or (word.startswith("ال") and misspelling_of(word, (f,)) is not None)
                ]
        exact = _ortho(span)
        return sorted(
            (
                (e, f, 100.0 if _ortho(f) == exact else 99.0 if (e.id, f) in light else 90.0)
                for e, f in cands
            ),
            key=lambda x: -x[2],
        )


#: A text longer than this is scanned a piece at a time (its word tokens held for one piece).
CHUNK_CHARS = 1 << 16
_CUT = re.compile(r"[\n.,;:!?؟،؛]")


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Spans ``(lo, hi)`` that cover ``text``, each about ``size`` characters or more.

    Each cut follows a line break or a punctuation mark at or after ``size`` characters:
    no name (nor a run of capitalised words) spans it, so scanning the pieces finds what
    scanning the whole text would. Without one within ``4 * size`` characters the cut is at
    a space (a name across it is missed: text without punctuation for 256 KB).
    """
    lo, n = 0, len(text)
    while lo < n:
        if n - lo <= size:
            yield lo, n
            return
        m = _CUT.search(text, lo + size, lo + 4 * size)
        if m is not None:
            hi = m.end()
        else:
            space = text.find(" ", lo + 4 * size)
            hi = n if space < 0 else space + 1
        yield lo, hi
        lo = hi


#: Texts up to this many characters keep their hits (a segment; not a whole article).
_TEXT_CACHE_CHARS = 4000
_TEXT_CACHE_SIZE = 1 << 14
_SPAN_CACHE_SIZE = 1 << 17


def _put(cache: dict, key: object, value: object, size: int) -> None:
    """Store in a bounded cache: when it is full, it is emptied (no per-hit bookkeeping)."""
    if len(cache) >= size:
        cache.clear()
    cache[key] = value


_ACR_START = re.compile(r"^[A-Z]{2,}$")
_FUSED = re.compile(r"^(?:al|el)[a-z]{4,}$")


def _hyphen_after(text: str, toks: list[_Tok], i: int) -> bool:
    """True when token i is followed by a hyphen that joins it to the next token."""
    if i + 1 >= len(toks):
        return False
    return (
        "-" in text[toks[i].end : toks[i + 1].start]
        or "\u2011" in text[toks[i].end : toks[i + 1].start]
    )
