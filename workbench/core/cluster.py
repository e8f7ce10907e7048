"""Grouping spellings of the same name, with no glossary needed.

Two Latin names are spellings of one name when their transliteration keys are equal
("Khamis al-Obeidi" = "Khamis al-Obaidi"), or when they have the same number of words and
each pair of words has an equal key or, for words with three or more consonants, keys that
differ by at most one slot ("Karhout" / "Karhut" already share a key; "Jughaifi" /
"Jghaifi" differ by one). Given names must agree: "Khalid al-Obaidi" stays apart from
"Khamis al-Obaidi". Arabic-script names group by their Arabic key (light key when short).
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import Levenshtein

from workbench.core.arabic_script import arabic_key, arabic_light_key, is_arabic_script
from workbench.core.latin_key import consonants, drop_articles, key_of_words, words


def _word_keys(name: str) -> tuple[str, ...]:
    """Per-word keys of a Latin name, articles dropped."""
    return tuple(key_of_words([w]) for w in drop_articles(words(name)))


def _words_match(a: str, b: str) -> bool:
    """Do two word keys spell the same word?"""
    if a == b:
        return True
    if min(consonants(a), consonants(b)) < 3:
        return False
    return Levenshtein.distance(a, b) <= 1


def same_name(a: str, b: str) -> bool:
    """Are two Latin-script strings spellings of the same name?"""
    ka, kb = _word_keys(a), _word_keys(b)
    if not ka or not kb:
        return False
    if "".join(ka) == "".join(kb):
        return True
    return len(ka) == len(kb) and all(_words_match(x, y) for x, y in zip(ka, kb, strict=True))


def _block(name: str) -> str:
    """A coarse key that every spelling of one name shares (its first consonant slot)."""
    if is_arabic_script(name):
        k = arabic_key(name)
        return "A" + (k if len(k) >= 3 else arabic_light_key(name))
    joined = "".join(_word_keys(name))
    first = next((c for c in joined if c not in "VIAU"), "")
    return "L" + first


def cluster_names(names: list[str]) -> list[list[int]]:
    """Group indices of ``names`` that spell the same name; every index in exactly one group.

    Groups are ordered by their first member; members keep input order.
    """
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        if name.strip():
            blocks[_block(name)].append(i)
    for key, members in blocks.items():
        if key.startswith("A"):
            for i in members[1:]:
                parent[find(i)] = find(members[0])
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if find(i) != find(j) and same_name(names[i], names[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(names)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
