"""Which glossary entries a set of texts spells more than one way.

Two occurrences of an entry are the *same spelling* when they differ only in letter case
(Latin) or in letter forms that normalisation folds (Arabic script: hamza, alef, yeh, kaf,
harakat; Sorani suffixes and Arabic clitics are not part of a spelling), or, for a one-word
Arabic nisba adjective, in its article and inflection (الأمريكي, الأمريكية, أمريكي). The article and
Sorani ە count: محمد الحسن and محمد حسن are two spellings, as are نەینەوا and نینەوا.
Different spellings are classed as:

* ``spelling``: the same name respelled (same transliteration key): Obaidi / Obeidi,
  Al Qaem / al-Qaim;
* ``alias``: another name for the entry (different key): the IS group / ISIS.

The scope says where: ``within`` one file (``within`` lists the files that mix spellings),
or only ``across`` files (each file consistent on its own, but the files disagree);
``across`` is also set when files disagree as well as mixing spellings inside.

:func:`find_misspellings` reports what folding hides: an Arabic-script spelling that differs
from the entry's listed forms only by the usual typing confusions (القايم for القائم), with
the form the glossary writes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workbench.core.glossary import Entry
from workbench.core.names.arabic_script import (
    arabic_key,
    arabic_spelling_key,
    is_arabic_script,
    misspelling_of,
)
from workbench.core.names.latin_key import latin_key
from workbench.core.names.name_finder import NameHit


def spelling_norm(spelling: str) -> str:
    """The form under which two occurrences count as one spelling."""
    if is_arabic_script(spelling):
        return "ar:" + arabic_spelling_key(spelling)
    return " ".join(spelling.split()).lower()


#: The endings of an Arabic nisba adjective: -i, and its feminine and plurals (أمريكي,
#: أمريكية, أمريكيون, أمريكيين, أمريكيات).
_NISBA_ENDINGS = ("يين", "يون", "يات", "ية", "يه", "ي")


def inflection_norm(spelling: str) -> str:
    """The spelling norm of :func:`find_inconsistencies`: inflection is not a respelling.

    A one-word Arabic nisba adjective loses its article and inflection: الأمريكية,
    الأمريكي and أمريكي are one spelling (gender and definiteness agree with the noun).
    Names keep their article (محمد الحسن and محمد حسن stay two spellings).
    """
    if is_arabic_script(spelling) and len(spelling.split()) == 1:
        word = spelling[2:] if spelling.startswith("ال") and len(spelling) > 4 else spelling
        for ending in _NISBA_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return "ar-nisba:" + arabic_spelling_key(word[: -len(ending)] + "ي")
    return spelling_norm(spelling)


def name_key(spelling: str) -> str:
    """The transliteration key of a spelling, in its script."""
    return arabic_key(spelling) if is_arabic_script(spelling) else latin_key(spelling)


@dataclass
class Spelling:
    """One way an entry is written, with where it occurs."""

    text: str  # the most frequent surface form of this spelling
    count: int
    files: dict[str, int]


@dataclass
class Inconsistency:
    """An entry written in more than one way."""

    entry: Entry
    kind: str  # "spelling" or "alias"
    scope: str  # "within" or "across"
    spellings: list[Spelling] = field(default_factory=list)
    within: list[str] = field(default_factory=list)  # files that mix spellings
    across: bool = False  # files disagree: some file uses a spelling another file lacks
    lang: str = ""  # the language of the files compared

    def describe_scope(self) -> str:
        """'within FILE', 'across files' or both, for people."""
        parts = ["within " + ", ".join(self.within)] if self.within else []
        if self.across:
            parts.append("across files")
        return "; ".join(parts)


def find_inconsistencies(
    hits_by_file: dict[str, list[NameHit]], langs: dict[str, str] | None = None
) -> list[Inconsistency]:
    """Entries spelled more than one way within or across the files, spellings first.

    Files are compared only with files of the same language (``langs``: path -> tag), so
    an Arabic and a Sorani spelling of one name are not an inconsistency.
    """
    langs = langs or {}
    # (entry id, lang) -> norm -> (surface counter, file counter)
    table: dict[tuple[str, str], dict[str, tuple[Counter[str], Counter[str]]]] = defaultdict(dict)
    entries: dict[str, Entry] = {}
    for path, hits in hits_by_file.items():
        lang = langs.get(path, "")
        for h in hits:
            if _other_script(h.spelling, lang):
                continue  # English left in an Arabic article (untranslated), or the reverse
            entries[h.entry.id] = h.entry
            norm = inflection_norm(h.spelling)
            surfaces, files = table[h.entry.id, lang].setdefault(norm, (Counter(), Counter()))
            surfaces[h.spelling] += 1
            files[path] += 1
    out = []
    for (entry_id, lang), by_norm in table.items():
        if len(by_norm) < 2:
            continue
        spellings = [
            Spelling(surfaces.most_common(1)[0][0], sum(surfaces.values()), dict(files))
            for surfaces, files in by_norm.values()
        ]
        spellings.sort(key=lambda s: -s.count)
        # a short form beside the full name is how news names people and bodies (first
        # mention in full): البغدادي after أبو بكر البغدادي, PMU after Popular Mobilisation Units
        texts = [s.text for s in spellings]
        spellings = [s for s in spellings if not any(_short_form(s.text, t) for t in texts)]
        if len(spellings) < 2:
            continue
        keys = {name_key(s.text) for s in spellings}
        kind = "spelling" if len(keys) == 1 else "alias"
        per_file: dict[str, int] = Counter()
        for s in spellings:
            for f in s.files:
                per_file[f] += 1
        within = sorted(f for f, n in per_file.items() if n > 1)
        used = {f: frozenset(s.text for s in spellings if f in s.files) for f in per_file}
        across = len(set(used.values())) > 1
        scope = "within" if within else "across"
        out.append(Inconsistency(entries[entry_id], kind, scope, spellings, within, across, lang))
    out.sort(key=lambda i: (i.kind != "spelling", i.lang, i.entry.id))
    return out


#: Words an acronym leaves out (Islamic State of Iraq and Syria: ISIS).
_ACRONYM_SKIP = frozenset({"of", "and", "the", "al", "el", "for", "in"})


def _other_script(spelling: str, lang: str) -> bool:
    """A Latin spelling in an Arabic or Sorani file, or an Arabic-script one in English."""
    if lang in ("ar", "ckb"):
        return not is_arabic_script(spelling)
    if lang == "en":
        return is_arabic_script(spelling)
    return False


def _words_of(spelling: str) -> list[str]:
    """A spelling's words as compared for short forms (Arabic folded, Latin lower case)."""
    if is_arabic_script(spelling):
        return [arabic_spelling_key(w) for w in spelling.split()]
    return [w.lower() for w in re.findall(r"[^\W_]+", spelling)]


def _short_form(short: str, full: str) -> bool:
    """Is ``short`` a short form of ``full``?

    Its last or first words (البغدادي of أبو بكر البغدادي, Baghdadi of Abu Bakr
    al-Baghdadi), or, in capitals, its initials (PMU of Popular Mobilisation Units).
    """
    s, f = _words_of(short), _words_of(full)
    if not s or len(s) >= len(f):
        return False
    if f[-len(s) :] == s or f[: len(s)] == s:
        return True
    initials = "".join(w[0] for w in f if w not in _ACRONYM_SKIP)
    return len(s) == 1 and short.isupper() and s[0] == initials.lower()


@dataclass
class Misspelling:
    """A spelling of an entry that is wrong, with the right form.

    ``kind`` is ``misspelled`` (an Arabic-script name mistyped: القايم for القائم) or
    ``deprecated`` (a variant the glossary's house style says is wrong: عانه for عانة).
    """

    entry: Entry
    lang: str  # the language of the files it occurs in ('' when unknown)
    spelling: str  # as written in the files
    right: str  # the glossary's form it mistypes
    count: int = 0
    files: dict[str, int] = field(default_factory=dict)
    kind: str = "misspelled"


def _listed_forms(entry: Entry, lang: str) -> tuple[str, ...]:
    """The Arabic-script forms a spelling in ``lang`` is compared with (both when unknown)."""
    if lang in ("ar", "ckb"):
        return entry.forms(lang)
    return entry.arabic_forms()


def find_misspellings(
    hits_by_file: dict[str, list[NameHit]], langs: dict[str, str] | None = None
) -> list[Misspelling]:
    """Arabic-script spellings of entries that mistype a listed form, most frequent first.

    A listed form (preferred or variant) is never a misspelling, and neither is an
    inflection (الأمريكية beside الأمريكي, ـين/ـون plurals, Sorani suffixes, which the finder
    strips); see :func:`workbench.core.names.arabic_script.misspelling_of`.
    """
    langs = langs or {}
    found: dict[tuple[str, str, str], Misspelling] = {}
    for path, hits in hits_by_file.items():
        lang = langs.get(path, "")
        for h in hits:
            if h.nested or not is_arabic_script(h.spelling):
                continue
            listed = _listed_forms(h.entry, lang)
            right = misspelling_of(h.spelling, listed)
            if right is None:
                continue
            if lang and h.entry.is_deprecated(lang, right):
                right = h.entry.preferred(lang) or right
            m = found.setdefault(
                (h.entry.id, lang, h.spelling), Misspelling(h.entry, lang, h.spelling, right)
            )
            m.count += 1
            m.files[path] = m.files.get(path, 0) + 1
    return sorted(found.values(), key=lambda m: (m.lang, m.entry.id, -m.count, m.spelling))


def find_deprecated(
    hits_by_file: dict[str, list[NameHit]], langs: dict[str, str]
) -> list[Misspelling]:
    """Names written in a variant the house style deprecates, with the preferred form.

    Only files of a known language are checked (a form may be deprecated in one language
    and preferred in another).
    """
    found: dict[tuple[str, str, str], Misspelling] = {}
    for path, hits in hits_by_file.items():
        lang = langs.get(path, "")
        for h in hits:
            if h.nested or not lang or not h.entry.deprecated:
                continue
            norm = spelling_norm(h.spelling)
            listed = next((f for f in h.entry.forms(lang) if spelling_norm(f) == norm), None)
            right = h.entry.preferred(lang)
            if listed is None or not right or not h.entry.is_deprecated(lang, listed):
                continue
            m = found.setdefault(
                (h.entry.id, lang, h.spelling),
                Misspelling(h.entry, lang, h.spelling, right, kind="deprecated"),
            )
            m.count += 1
            m.files[path] = m.files.get(path, 0) + 1
    return sorted(found.values(), key=lambda m: (m.lang, m.entry.id, -m.count, m.spelling))
