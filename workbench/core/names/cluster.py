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

from workbench.core.names.arabic_script import arabic_key, arabic_light_key, is_arabic_script
from workbench.core.names.latin_key import consonants, drop_articles, key_of_words, words


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


def _deletions(key: str) -> set[str]:
    """Blocking variants of one word key; two keys that ``_words_match`` share one.

    The key itself, and, with three or more consonants (where one edit may still be the
    same word), every key one character shorter.
    """
    if len(key) > 40 or consonants(key) < 3:
        return {key}
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


#: A block of more name keys than this is split again, by the first word's variants.
_SMALL_BLOCK = 64


def cluster_names(names: list[str]) -> list[list[int]]:
    """Group indices of ``names`` that spell the same name; every index in exactly one group.

    Groups are ordered by their first member; members keep input order. Names with equal
    keys join at once; one name of each key is compared with the others that share a
    blocking variant of the last word (then of the first word), so the work grows with the
    number of names, not its square.
    """
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    arabic: dict[str, int] = {}
    joined: dict[tuple[str, str], int] = {}  # (block, every word key joined) -> first name
    reps: dict[tuple, int] = {}  # (block, word keys) -> the one name compared
    blocks: dict[tuple, list[int]] = defaultdict(list)
    keys: dict[int, tuple[str, ...]] = {}
    for i, name in enumerate(names):
        if not name.strip():
            continue
        block = _block(name)
        if block.startswith("A"):
            union(arabic.setdefault(block, i), i)
            continue
        ks = _word_keys(name)
        if not ks:
            continue
        union(joined.setdefault((block, "".join(ks)), i), i)
        first = reps.setdefault((block, ks), i)  # same word keys: same partners
        if first != i:
            union(first, i)
            continue
        keys[i] = ks
        for v in _deletions(ks[-1]):
            blocks[(block, len(ks), v)].append(i)
    for members in blocks.values():
        if len(members) <= _SMALL_BLOCK or len(keys[members[0]]) == 1:
            _compare_all(members, keys, find, union)
            continue
        by_first: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for v in _deletions(keys[i][0]):
                by_first[v].append(i)
        for sub in by_first.values():
            _compare_all(sub, keys, find, union)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(names)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _compare_all(members: list[int], keys: dict, find, union) -> None:  # type: ignore[no-untyped-def]
    """Join every pair of ``members`` whose keys spell one name."""
    for x, i in enumerate(members):
        for j in members[x + 1 :]:
            if find(i) != find(j) and _same_keys(keys[i], keys[j]):
                union(i, j)


def _same_keys(ka: tuple[str, ...], kb: tuple[str, ...]) -> bool:
    """``same_name`` on per-word keys already computed."""
    if "".join(ka) == "".join(kb):
        return True
    return len(ka) == len(kb) and all(_words_match(x, y) for x, y in zip(ka, kb, strict=True))
