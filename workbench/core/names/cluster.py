"""Grouping spellings of the same name, with no glossary needed.

Two Latin names are spellings of one name when their transliteration keys are equal
("Khamis al-Obeidi" = "Khamis al-Obaidi"), or when they have the same number of words and
each pair of words has an equal key or, for words with three or more consonants, keys that
differ by at most one slot ("Karhout" / "Karhut" already share a key; "Jughaifi" /
"Jghaifi" differ by one). Given names must agree: "Khalid al-Obaidi" stays apart from
"Khamis al-Obaidi". Arabic-script names group by their Arabic key (light key when short).

Person names are read before they are keyed:

* titles are dropped ("Maj. Gen.", "Dr", "President": "Gen. Omar al-Obaidi" is Omar
  al-Obaidi; "Sheikh", "Haji", "Imam" only before two words or more, since Sheikh Miskin is
  a town), and a list-order name is turned round ("al-Obaidi, Omar");
* the article is dropped also when fused to a family name ("Alobaidi" = "al-Obaidi");
* ``bin`` / ``ibn`` / ``ben`` between names is dropped ("Omar bin Khalid" = "Omar Khalid"),
  the order kept: "Khalid bin Omar" is his father or his son, not him;
* a kunya is one word that only matches a kunya ("Abu Omar", "Abou Omar", "Abubakr"): Abu
  Omar is Omar's father, not Omar; so is ``Abd al-`` with its second part ("Abdul Karim",
  "Abd al-Karim", "Abdelkarim"), which never matches a bare "Karim";
* in a name of two words or more, the vowels of the given name must agree when both have
  the same vowel slots: a / u, a / ai, a / i are different names (Hassan / Hussein, Omar /
  Ammar, Saad / Said, Jamal / Jamil, Hamid / Hamad), while e goes with any vowel (Ahmed /
  Ahmad, Khaled / Khalid, Yousef / Yusuf) and o with u. Family names and places are not
  judged by their vowels (Obaidi / Ubaydi, Qadsiya / Qudsiya, Kafr / Kufr). In
  :func:`cluster_people` a spelling that fits two such names ("Hamed") joins one of them,
  never both.

:func:`cluster_people` adds two steps for name lists: a family name alone after a title or
with its article ("Judge Kavanaugh", "al-Baghdadi") joins the one person of that family
name in the list (none when two people share it), and a glossary joins the Latin and
Arabic-script spellings its entries link.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from workbench.core.names.arabic_script import (
    arabic_key,
    arabic_light_key,
    arabic_words,
    is_arabic_script,
)
from workbench.core.names.latin_key import consonants, drop_articles, key_of_words, words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.core.glossary import Entry

#: Titles and ranks dropped at the start of a name (folded, without dots).
TITLES = frozenset(
    "gen general dr doctor col colonel maj major brig brigadier capt captain lt lieutenant mr "
    "mrs ms miss prof professor president judge senator sen sir minister prime mp".split()
)
#: Titles that also open place names (Sheikh Miskin, Imam Abdallah): dropped only when two
#: words or more are left ("Sheikh Ahmad al-Salmani").
TITLES_OF_PLACES = frozenset(
    "sheikh shaikh shaykh sheik cheikh scheich haji hajji hajj imam mullah mulla emir amir".split()
)
#: First words of place names (Tall Abyad, Kafr Nabl, Deir ez-Zor): not given names, and
#: their vowels vary (Kafr / Kufr), so they are never judged by the given-name vowel rule.
PLACE_WORDS = frozenset(
    "tall tell tal tel kafr kfar kufr kafer kufer deir dayr dair der ain ayn ein jisr ras khirbet "
    "khirbat khirbit qasr bir wadi jabal jebel jabl umm beit bayt bait marj nahr hay harat "
    "madinat mazraat qaryat".split()
)
_NASAB = frozenset({"bin", "ibn", "ben", "bint", "b"})
_KUNYA = frozenset({"abu", "abou", "abo", "aboo", "abul", "abi"})
_ABD_FUSED = re.compile(r"^(?:abd[aeiou]?l|abdoul|abd[aeiou][rsdtzn])(?=[a-z]{2})")
_ALLAH = frozenset({"lah", "la", "llah", "lla", "allah"})
_OU_W = re.compile("ou[aeiy]")
_VOWEL_RUN = re.compile(r"[aeiou]+|(?<=[aeiou])y(?![aeiou])")


@dataclass(frozen=True)
class _Name:
    """A Latin name read for comparison: per-word keys and vowels."""

    keys: tuple[str, ...]
    vowels: tuple[_Vowels, ...]
    marked: bool  # written with a title or an article (so a lone word is a family name)
    person: bool = False  # two words or more, the first a given name (not Abu, Abd, Tall)


def _vowel_class(run: str) -> str:
    """U (o, u, ou), A (a, aa), D (ai, ay, ei, ae), E (e) or I (i, ee, ie, y)."""
    if run[0] in "ou":
        return "U"
    if run in ("e", "ea"):
        return "E"
    if run[0] in "ae" and len(run) > 1 and any(c in "iye" for c in run[1:]):
        return "I" if run == "ee" else "D"
    if set(run) == {"a"}:
        return "A"
    return "I"


_COMPATIBLE = {frozenset(p) for p in ("EA", "EI", "ED", "EU", "ID")}

#: How a word's vowels are compared: (vowel runs, class of each, starts with a vowel).
_Vowels = tuple[int, tuple[str, ...], bool]


def _vowels_agree(a: _Vowels, b: _Vowels) -> bool:
    """May two given names with these vowels be one name (judged only with equal slots)?"""
    if a[0] != b[0] or a[2] != b[2] or not a[0]:
        return True
    return all(x == y or frozenset((x, y)) in _COMPATIBLE for x, y in zip(a[1], b[1], strict=True))


def _given_agree(a: _Name, b: _Name) -> bool:
    """Do the given names of two person names agree in their vowels (true if not people)?"""
    return not (a.person and b.person) or _vowels_agree(a.vowels[0], b.vowels[0])


@lru_cache(maxsize=1 << 16)
def _word_key(word: str) -> str:
    """The key of one folded word, cached (given and family names recur across a list)."""
    return key_of_words([word])


@lru_cache(maxsize=1 << 16)
def _vowel_info(word: str) -> _Vowels:
    """The vowels of a folded word (none judged for a word too long to be a name)."""
    if len(word) > 40:
        return 0, (), False
    w = "w" + word[2:] if _OU_W.match(word) else word
    runs = [m.group(0) for m in _VOWEL_RUN.finditer(w.replace("y", "i") if w[:1] != "y" else w)]
    return len(runs), tuple(_vowel_class(r) for r in runs), w[:1] in "aeiou"


def _conflict(a: _Name, b: _Name) -> bool:
    """Are these look-alikes that are different people (every word close, a given name not)?"""
    return (
        len(a.keys) == len(b.keys)
        and all(_words_match(x, y) for x, y in zip(a.keys, b.keys, strict=True))
        and not _given_agree(a, b)
    )


#: Distinct readings kept per group to check a join against (look-alikes never join).
_READINGS = 16


def _tokens(name: str) -> tuple[list[str], bool]:
    """The folded words of a person name, read as the module docstring says."""
    if name.count(",") == 1:
        family, given = (p.strip() for p in name.split(","))
        if family and given:
            name = f"{given} {family}"
    toks = words(name)
    marked = False
    while len(toks) > 1 and (
        toks[0] in TITLES or (toks[0] in TITLES_OF_PLACES and len(drop_articles(toks[1:])) > 1)
    ):
        toks.pop(0)
        marked = True
    if len(toks) >= 2 and toks[-1].startswith("al") and len(toks[-1]) >= 6:
        if toks[-1][2] != "l":  # not Allawi
            toks[-1] = toks[-1][2:]
            marked = True
    out: list[str] = []
    for i, tok in enumerate(toks):
        m = _ABD_FUSED.match(tok)
        if m and tok not in ("abdul", "abdel"):
            rest = tok[m.end() :]
            out += ["abd", "allah" if rest in _ALLAH else rest]
            continue
        if tok.startswith("abu") and len(tok) >= 6 and i < len(toks) - 1:
            out += ["abu", tok[3:]]  # Abubakr
            continue
        if _OU_W.match(tok):
            tok = "w" + tok[2:]  # French ou for w: Oualid
        out.append(tok)
    marked = marked or any(t in ("al", "el") for t in out[:-1])
    out = drop_articles(out)
    return [t for i, t in enumerate(out) if not (i and t in _NASAB and i < len(out) - 1)], marked


def _read(name: str) -> _Name:
    """Per-word keys (kunya ``@`` and ``abd`` ``#`` words fused with their name) and vowels."""
    return _read_short(name) if len(name) <= 256 else _read_name(name)


@lru_cache(maxsize=1 << 16)
def _read_short(name: str) -> _Name:
    """:func:`_read` of a short name, cached (lists repeat names; clustering reads each thrice)."""
    return _read_name(name)


def _read_name(name: str) -> _Name:
    toks, marked = _tokens(name)
    keys: list[str] = []
    vowels: list[_Vowels] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        mark = ""
        if i + 1 < len(toks) and (tok in _KUNYA or tok == "abd"):
            mark = "@" if tok in _KUNYA else "#"
            i += 1
            tok = "allah" if mark == "#" and toks[i] in _ALLAH else toks[i]
        short = len(tok) <= 64
        keys.append(mark + (_word_key(tok) if short else key_of_words([tok])))
        vowels.append(_vowel_info(tok) if short else (0, (), False))
        i += 1
    kept = [(k, v) for k, v in zip(keys, vowels, strict=True) if k]
    person = len(kept) > 1 and kept[0][0][:1] not in "@#" and toks[0] not in PLACE_WORDS
    return _Name(tuple(k for k, _ in kept), tuple(v for _, v in kept), marked, person)


def _words_match(a: str, b: str) -> bool:
    """Do two word keys spell the same word?"""
    if a == b:
        return True
    if a[:1] in "@#" or b[:1] in "@#":
        if a[:1] != b[:1]:
            return False
        a, b = a[1:], b[1:]
    if min(consonants(a), consonants(b)) < 3:
        return False
    return Levenshtein.distance(a, b) <= 1


def same_name(a: str, b: str) -> bool:
    """Are two Latin-script strings spellings of the same name?"""
    return _same_keys(_read(a), _read(b))


def _block(name: str, read: _Name | None = None) -> str:
    """A coarse key that every spelling of one name shares (its first consonant slot).

    Arabic-script names: their key, and whether the last word ends in the nisba ي (البغدادي
    is not بغداد, though the key drops long vowels).
    """
    if is_arabic_script(name):
        k = arabic_key(name)
        last = arabic_words(name)[-1:]
        nisba = "=ي" if last and len(last[0]) > 2 and last[0][-1] in "يی" else ""
        return "A" + (k if len(k) >= 3 else arabic_light_key(name)) + nisba
    joined = "".join((read or _read(name)).keys)
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
    return _cluster(names, {}, veto=False)


def _cluster(names: list[str], read: dict[int, _Name], veto: bool) -> list[list[int]]:
    """:func:`cluster_names`, filling ``read`` with the reading of every Latin name.

    With ``veto``, two groups never join when they hold look-alikes that are different
    names (:func:`_conflict`), so a spelling that fits both ("Hamed": Hamid or Hamad) joins
    the first it meets, not both.
    """
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    readings: dict[int, list[_Name]] = {}  # group root -> distinct readings of its names

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a == b:
            return
        ra, rb = readings.get(a, []), readings.get(b, [])
        if veto and any(_conflict(x, y) for x in ra for y in rb):
            return  # Hamed may be Hamid or Hamad; it joins one, never both
        lo, hi = min(a, b), max(a, b)
        parent[hi] = lo
        if ra or rb:
            readings[lo] = (ra + [y for y in rb if y not in ra])[:_READINGS]

    arabic: dict[str, int] = {}
    joined: dict[tuple[str, str], list[int]] = defaultdict(list)  # (block, keys joined) -> reps
    reps: dict[tuple, int] = {}  # (block, word keys, vowels) -> the one name compared
    blocks: dict[tuple, list[int]] = defaultdict(list)
    keys: dict[int, _Name] = {}
    for i, name in enumerate(names):
        if not name.strip():
            continue
        if is_arabic_script(name):
            union(arabic.setdefault(_block(name), i), i)
            continue
        nm = read[i] = _read(name)
        block = _block(name, nm)
        ks = nm.keys
        if not ks:
            continue
        if veto:
            readings[i] = [nm]
        first = reps.setdefault((block, ks, nm.vowels), i)  # same reading: same partners
        if first != i:
            union(first, i)
            continue
        keys[i] = nm
        same_joined = joined[(block, "".join(ks))]
        for j in same_joined:  # few: one per distinct reading of one joined key
            if _same_keys(nm, keys[j]):
                union(i, j)
        same_joined.append(i)
        for v in _deletions(ks[-1]):
            blocks[(block, len(ks), v)].append(i)
    for members in blocks.values():
        if len(members) <= _SMALL_BLOCK or len(keys[members[0]].keys) == 1:
            _compare_all(members, keys, find, union)
            continue
        by_first: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for v in _deletions(keys[i].keys[0]):
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


def _same_keys(a: _Name, b: _Name) -> bool:
    """``same_name`` on names already read."""
    ka, kb = a.keys, b.keys
    if len(ka) == len(kb):
        return _given_agree(a, b) and all(_words_match(x, y) for x, y in zip(ka, kb, strict=True))
    return "".join(ka) == "".join(kb) and _given_agree(a, b)


def cluster_people(names: list[str], glossary: Iterable[Entry] | None = None) -> list[list[int]]:
    """:func:`cluster_names`, then lone family names and a glossary's links joined in.

    A group whose names are all one word, written with a title or an article ("Mr
    Kavanaugh", "al-Baghdadi"), joins the one group of longer names ending in that family
    name; with two such groups (two people share it) it stays apart. With ``glossary``,
    groups that spell one entry's forms (Latin by :func:`same_name`, Arabic script by the
    Arabic key) join, unless a group spells two entries.
    """
    read: dict[int, _Name] = {}
    groups = _cluster(names, read, veto=True)
    parent = {g[0]: g[0] for g in groups}
    root_of = {i: g[0] for g in groups for i in g}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    _join_family_names(groups, read, union)
    if glossary is not None:
        _join_glossary_links(names, read, glossary, root_of, union)
    merged: dict[int, list[int]] = defaultdict(list)
    for g in groups:
        merged[find(g[0])] += g
    return sorted((sorted(g) for g in merged.values()), key=lambda g: g[0])


def _join_family_names(groups: list[list[int]], read: dict[int, _Name], union) -> None:  # type: ignore[no-untyped-def]
    """Join each lone, marked family name to the one group of full names ending in it."""
    by_last: dict[str, set[int]] = defaultdict(set)  # deletion of a last word -> group roots
    lone: list[tuple[int, _Name]] = []
    for g in groups:
        members = [read[i] for i in g if i in read]
        if not members:
            continue
        if all(len(m.keys) == 1 for m in members):
            marked = [m for m in members if m.marked]
            if marked and marked[0].keys[0][:1] not in "@#":
                lone.append((g[0], marked[0]))
            continue
        for m in members:
            if len(m.keys) > 1:
                for v in _deletions(m.keys[-1]):
                    by_last[v].add(g[0])
    full = {g[0]: [read[i] for i in g if i in read and len(read[i].keys) > 1] for g in groups}
    for root, name in lone:
        key, vowel = name.keys[0], name.vowels[0]
        hits = {
            r
            for v in _deletions(key)
            for r in by_last.get(v, ())
            if any(
                _words_match(key, m.keys[-1]) and _vowels_agree(vowel, m.vowels[-1])
                for m in full[r]
            )
        }
        if len(hits) == 1:
            union(root, hits.pop())


def _join_glossary_links(names, read, glossary, root_of, union) -> None:  # type: ignore[no-untyped-def]
    """Join the groups that spell one glossary entry (and no other)."""
    latin: dict[tuple, list[tuple[str, _Name]]] = defaultdict(list)  # blocking key -> forms
    arab: dict[str, set[str]] = defaultdict(set)  # Arabic block -> entry ids
    for e in glossary:
        for form in (e.en, *e.en_variants):
            nm = _read(form)
            if nm.keys:
                for bk in _link_blocks(nm):
                    latin[bk].append((e.id, nm))
        for form in (e.ar, *e.ar_variants, e.ckb, *e.ckb_variants):
            if form and is_arabic_script(form):
                arab[_block(form)].add(e.id)
    entries_of: dict[int, set[str]] = defaultdict(set)  # group root -> entries it spells
    for i, name in enumerate(names):
        if not name.strip():
            continue
        if is_arabic_script(name):
            ids = arab.get(_block(name), set())
        elif read[i].keys:
            nm = read[i]
            ids = {
                eid for bk in _link_blocks(nm) for eid, f in latin.get(bk, ()) if _same_keys(nm, f)
            }
        else:
            continue
        entries_of[root_of[i]] |= ids
    by_entry: dict[str, list[int]] = defaultdict(list)
    for root, ids in entries_of.items():
        if len(ids) == 1:
            by_entry[next(iter(ids))].append(root)
    for roots in by_entry.values():
        for r in roots[1:]:
            union(roots[0], r)


def _link_blocks(nm: _Name) -> set[tuple]:
    """Blocking keys under which two names that :func:`_same_keys` joins meet at least once."""
    out: set[tuple] = {("joined", "".join(nm.keys))}
    out |= {(len(nm.keys), v) for v in _deletions(nm.keys[-1])}
    return out
