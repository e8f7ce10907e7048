"""An index of glossary names by transliteration key, and lookup of one name.

Scores (0-100) say how a query matched:

* 100: the query is a listed form (ignoring case, diacritics, apostrophes and hyphens);
* 90: the query's transliteration key equals a listed form's key (an unseen spelling);
* below 90: the keys are close (rapidfuzz Indel ratio on the keys >= ``fuzzy_cutoff``),
  scaled as 0.9 x ratio. Latin keys with fewer than three consonants and Arabic skeletons
  shorter than five letters never match fuzzily. An Arabic-script skeleton match also
  needs the spellings to look alike (Indel ratio of the light keys >= 70).

Short keys (one consonant, like Anah = VnV) are ambiguous; they only match when the
folded spelling is close too (the "light" key), so "Any" does not find Anah.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from workbench.core.arabic_script import arabic_key, arabic_light_key, is_arabic_script
from workbench.core.glossary import Entry, Glossary
from workbench.core.latin_key import (
    abjad_skeleton,
    alternative_key,
    consonants,
    drop_articles,
    fold,
    key_of_words,
    skeleton,
    words,
)

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+$")


def latin_light_key(name: str) -> str:
    """Folded spelling without articles, separators, doubled letters or a final -h."""
    toks = [
        t[:-1] if len(t) > 2 and t.endswith("h") and t[-2] in "aeiou" else t
        for t in drop_articles(words(name))
    ]
    out: list[str] = []
    for ch in "".join(toks):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def acronym_signature(surface_tokens: Iterable[str]) -> tuple[str, ...] | None:
    """Tokens with acronyms kept in capitals and other words folded; None if no acronym."""
    sig = []
    has = False
    for t in surface_tokens:
        if _ACRONYM.match(t):
            sig.append(t)
            has = True
        else:
            sig.append(fold(t))
    return tuple(sig) if has else None


@dataclass(frozen=True)
class NameMatch:
    """One glossary entry found for a query, with the form that matched and a score."""

    entry: Entry
    form: str
    score: float
    how: str  # "exact", "key", "fuzzy"


def is_short_key(key: str, script: str) -> bool:
    """True when a key is too short to be trusted on its own."""
    if script == "Latn":
        return consonants(key) < 2
    return len(key) < 3


class NameIndex:
    """Keys of every form of every glossary entry, for lookup and for scanning text."""

    def __init__(self, glossary: Glossary, fuzzy_cutoff: float = 85.0) -> None:
        """Index every Latin and Arabic-script form of the glossary's entries."""
        self.glossary = glossary
        self.fuzzy_cutoff = fuzzy_cutoff
        # key -> list of (entry, form); separate tables per script
        self.latin: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.latin_light: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.latin_exact: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.latin_skeleton: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.acronyms: dict[tuple[str, ...], list[tuple[Entry, str]]] = defaultdict(list)
        self.arabic: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.arabic_light: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        self.latin_prefixes: set[str] = set()
        self.arabic_prefixes: set[str] = set()
        self.first_words: set[str] = set()
        #: (entry id, Arabic-script form) -> languages it is a form of ("ar", "ckb")
        self.form_langs: dict[tuple[str, str], set[str]] = {}
        self.max_words = 1
        for entry in glossary:
            for form in entry.latin_forms():
                self._add_latin(entry, form)
            for lang in ("ar", "ckb"):
                for form in entry.forms(lang):
                    self._add_arabic(entry, form, lang)
        self._latin_keys = [k for k in self.latin if consonants(k) >= 3]
        self._arabic_keys = [k for k in self.arabic if len(k) >= 3]

    def _add_latin(self, entry: Entry, form: str) -> None:
        """Index one Latin form under its key, light key, folded spelling or acronym form."""
        self.max_words = max(self.max_words, len(re.findall(r"[^\s-]+", form)))
        sig = acronym_signature(re.findall(r"[\w'’]+", form))
        if sig is not None:
            self.acronyms[sig].append((entry, form))
            self.first_words.add(fold(sig[0]))
            return
        folded = words(form)
        if folded:
            self.first_words.add(folded[0])
        key = key_of_words(drop_articles(folded))
        if not key:
            return
        self.latin_exact[_squash(form)].append((entry, form))
        self.latin[key].append((entry, form))
        alt = alternative_key(drop_articles(folded), key)
        if alt:
            self.latin[alt].append((entry, form))
        if consonants(key) >= 3:
            self.latin_skeleton[skeleton(key)].append((entry, form))
        self.latin_light[latin_light_key(form)].append((entry, form))
        for i in range(1, len(key) + 1):
            self.latin_prefixes.add(key[:i])

    def _add_arabic(self, entry: Entry, form: str, lang: str) -> None:
        """Index one Arabic-script form under its key and light key."""
        key = arabic_key(form)
        if not key:
            return
        self.form_langs.setdefault((entry.id, form), set()).add(lang)
        self.max_words = max(self.max_words, len(form.split()))
        self.arabic[key].append((entry, form))
        self.arabic_light[arabic_light_key(form)].append((entry, form))
        for i in range(1, len(key) + 1):
            self.arabic_prefixes.add(key[:i])

    def is_latin_prefix(self, key: str) -> bool:
        """Could a longer span starting with this key still match?

        A final vowel slot I/A/U of a first word is a plain V inside a longer name.
        """
        if key in self.latin_prefixes:
            return True
        return bool(key) and key[-1] in "IAU" and key[:-1] + "V" in self.latin_prefixes

    # --- lookup of one name ----------------------------------------------------------

    def lookup(self, query: str, *, fuzzy: bool = True) -> list[NameMatch]:
        """Entries for one name, best first (all entries tied at the best score)."""
        query = query.strip()
        if not query:
            return []
        if is_arabic_script(query):
            found = self._lookup_arabic(query, fuzzy)
        else:
            found = self._lookup_latin(query, fuzzy)
            if not found and re.match(r"(?i)^(al|el)[a-z]{4,}", fold(query)):
                # a fused article: "Alqaim", "Elqaem"
                found = self._lookup_latin(query[2:], fuzzy)
        return _best(found)

    def _lookup_latin(self, query: str, fuzzy: bool) -> list[NameMatch]:
        """Latin lookup: acronym, exact spelling, key, then fuzzy key."""
        sig = acronym_signature(re.findall(r"[\w'’]+", query))
        if sig is not None and sig in self.acronyms:
            return [NameMatch(e, f, 100.0, "exact") for e, f in self.acronyms[sig]]
        exact = self.latin_exact.get(_squash(query))
        if exact:
            return [NameMatch(e, f, 100.0, "exact") for e, f in exact]
        toks = drop_articles(words(query))
        key = key_of_words(toks)
        if not key:
            return []
        if is_short_key(key, "Latn"):
            light = self.latin_light.get(latin_light_key(query), [])
            return [NameMatch(e, f, 90.0, "key") for e, f in light]
        for k in (key, alternative_key(toks, key)):
            if k and k in self.latin:
                return [NameMatch(e, f, 90.0, "key") for e, f in self.latin[k]]
        abjad = abjad_skeleton(query)
        if abjad and len(abjad) >= 3 and abjad in self.latin_skeleton:
            return [NameMatch(e, f, 85.0, "key") for e, f in self.latin_skeleton[abjad]]
        if not fuzzy or consonants(key) < 3:
            return []
        return self._fuzzy(key, self._latin_keys, self.latin)

    def _lookup_arabic(self, query: str, fuzzy: bool) -> list[NameMatch]:
        """Arabic-script lookup: light key (close spelling), key, then fuzzy key."""
        light = self.arabic_light.get(arabic_light_key(query))
        if light:
            return [NameMatch(e, f, 100.0 if f == query else 95.0, "exact") for e, f in light]
        key = arabic_key(query)
        if not key or is_short_key(key, "Arab"):
            return []
        light_query = arabic_light_key(query)
        # the skeleton drops vowel letters (المزيرعة = المزرعة): the spellings must also
        # look alike; Arabic and Sorani forms of one name do (الموصل / موسڵ: 75)
        same_key = [
            NameMatch(e, f, 90.0, "key")
            for e, f in self.arabic.get(key, ())
            if fuzz.ratio(light_query, arabic_light_key(f)) >= 70
        ]
        if same_key or not fuzzy or len(key) < 5:
            return same_key  # one edit in a 3-4 letter skeleton is another word
        return self._fuzzy(key, self._arabic_keys, self.arabic)

    def _fuzzy(
        self, key: str, keys: list[str], table: dict[str, list[tuple[Entry, str]]]
    ) -> list[NameMatch]:
        """Entries whose key is within the fuzzy cutoff of ``key``."""
        out = []
        for cand, ratio, _ in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff, limit=5
        ):
            out.extend(NameMatch(e, f, round(0.9 * ratio, 1), "fuzzy") for e, f in table[cand])
        return out


def _squash(text: str) -> str:
    """Folded spelling with only letters and digits (for exact-variant comparison)."""
    return "".join(words(text))


def _best(found: list[NameMatch]) -> list[NameMatch]:
    """Keep the best match per entry, then only the entries tied at the top score."""
    per_entry: dict[str, NameMatch] = {}
    for m in found:
        cur = per_entry.get(m.entry.id)
        if cur is None or m.score > cur.score:
            per_entry[m.entry.id] = m
    if not per_entry:
        return []
    top = max(m.score for m in per_entry.values())
    return sorted((m for m in per_entry.values() if m.score == top), key=lambda m: m.entry.id)
