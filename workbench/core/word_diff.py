"""Word-level differences between a TM match's source and the segment being translated.

What a translator reads in the TM panel: the match's source with the words that differ
from the current source marked, the way CAT tools show a fuzzy match. Words are compared
case-insensitively, without the punctuation around them; a glossary name counts as one
word standing for its entry, so "al-Qaim" and "Al Qaem" are the same word and a
different name is one change. Names come in as spans (start, end, key) found by the
caller (the name finder); no UI or glossary code here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

#: A piece of the match's source as shown: its text and what it is.
EQUAL, OLD, NEW = "equal", "old", "new"
_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$")


@dataclass(frozen=True)
class Piece:
    """A run of the diff line and what it is.

    ``equal``: in both sources; ``old``: only in the match's source; ``new``: only in the
    current source, shown where it would stand.
    """

    text: str
    kind: str


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    key: str


def _tokens(text: str, names: list[tuple[int, int, str]]) -> list[_Token]:
    """Words of ``text``; the words inside one name span make one token keyed by the name."""
    out: list[_Token] = []
    spans = sorted(names)
    k = 0
    for m in _TOKEN.finditer(text):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        if k < len(spans) and spans[k][0] < m.end() and m.start() < spans[k][1]:
            start, end, key = spans[k]
            a, b = min(start, m.start()), max(end, m.end())
            if out and out[-1].key == "\x00" + key and out[-1].end >= start:
                out[-1] = _Token(out[-1].start, b, out[-1].key)  # the name's next word
            else:
                out.append(_Token(a, b, "\x00" + key))
            continue
        word = _EDGE.sub("", m.group()).casefold() or m.group()
        out.append(_Token(m.start(), m.end(), word))
    return out


def word_diff(
    old: str,
    new: str,
    old_names: list[tuple[int, int, str]] | None = None,
    new_names: list[tuple[int, int, str]] | None = None,
) -> list[Piece]:
    """The match source ``old`` against the current source ``new``, as pieces to show.

    Pieces run in the order of ``old``: its words ``equal`` or ``old``, with the current
    source's words ``new`` where they would stand. ``*_names``: (start, end, key) of the
    glossary names in each text (key: the entry id).
    """
    a, b = _tokens(old, old_names or []), _tokens(new, new_names or [])
    matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    pieces: list[Piece] = []

    def add(text: str, kind: str) -> None:
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = Piece(pieces[-1].text + text, kind)
        else:
            pieces.append(Piece(text, kind))

    pos = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 < i2:
            gap = old[pos : a[i1].start]  # the space before
            if pieces and pieces[-1].kind == NEW and not gap[:1].isspace():
                gap = " " + gap
            add(gap, EQUAL)
            add(old[a[i1].start : a[i2 - 1].end], EQUAL if op == "equal" else OLD)
            pos = a[i2 - 1].end
        if op in ("insert", "replace") and j1 < j2:
            if pieces and not pieces[-1].text[-1:].isspace():
                add(" ", EQUAL)  # (the space after it comes with the next word of old)
            add(new[b[j1].start : b[j2 - 1].end], NEW)
    add(old[pos:], EQUAL)
    return [p for p in pieces if p.text]


def changed_words(pieces: list[Piece]) -> int:
    """How many pieces differ (0: the same words)."""
    return sum(p.kind != EQUAL for p in pieces)
