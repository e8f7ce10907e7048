"""Match scores as translators know them, and name-aware normalisation for the TM.

The fuzzy score of a translation-memory unit against a new source segment is::

    score = 100 x (1 - d / max(len(a), len(b)))

where ``d`` is the Levenshtein distance (insertions, deletions, substitutions) between the
two texts, counted in characters after lower-casing and collapsing whitespace, capped at
99 unless the texts are the same. 100 means the same text, as in other CAT tools (OmegaT
and Trados count words or characters, with small differences in penalties). Above it,
**101** is a context match: the same text with the same previous and next source segments.
Both are given only to the stored translation word for word: the same source whose
translation had names put into the glossary's forms (a leveraged match) scores **99**, so
what a translator inserts as "100" is always what the memory holds.

The **variant-aware** score uses the same formula after each glossary name is replaced by
one symbol standing for its entry, so "ISIS" and "the Islamic State group", or "al-Qaim"
and "Al Qaem", count as the same single character, and a different name as one edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from workbench.core.names.name_finder import NameFinder, NameHit

#: Private-use characters stand for glossary entries in normalised text.
NAME_BASE = 0xE000
_WORD = re.compile(r"\w+")


def plain_norm(text: str) -> str:
    r"""Lower-cased text, whitespace collapsed (str.split's whitespace: regex ``\s``)."""
    return " ".join(text.split()).lower()


def similarity(a: str, b: str) -> float:
    """The fuzzy score (0-100) of two normalised texts."""
    if not a and not b:
        return 100.0
    return 100.0 * Levenshtein.normalized_similarity(a, b)


@dataclass(frozen=True)
class NamedText:
    """A text with its glossary names replaced by entry symbols."""

    norm: str
    hits: list[NameHit]


def name_norm(text: str, lang: str, finder: NameFinder | None, code_of) -> NamedText:
    """Normalise ``text``, replacing each (top-level) glossary name by its entry's symbol.

    ``code_of(entry_id) -> int`` gives the entry's number in this TM.
    """
    if finder is None:
        return NamedText(plain_norm(text), [])
    hits = [h for h in finder.find(text, lang, nested=False)]
    out, pos = [], 0
    for h in hits:
        out.append(text[pos : h.start])
        out.append(chr(NAME_BASE + code_of(h.entry.id)))
        pos = h.end
    out.append(text[pos:])
    return NamedText(plain_norm("".join(out)), hits)


def index_words(norm: str) -> str:
    """The words to index for a normalised text: entry symbols become word tokens."""
    return re.sub("[\ue000-\uf8ff]", lambda m: f" wbn{ord(m.group()) - NAME_BASE} ", norm).strip()


def query_words(norm: str) -> list[str]:
    """Distinct index words of a normalised query, in order."""
    return list(dict.fromkeys(w.lower() for w in _WORD.findall(index_words(norm))))
