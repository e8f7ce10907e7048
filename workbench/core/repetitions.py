"""Repetitions: segments of a project that say the same thing, for propagation and analysis.

Two sources are repetitions when they are the same text with whitespace and case aside,
and with each glossary name standing for its entry, so "al-Qaim" and "Al Qaem" (one
entry) make two sentences repetitions of each other. A repetition is a **context**
repetition when the sources before and after it are repetitions too.
"""

from __future__ import annotations

import re

from workbench.core.names.name_finder import NameFinder

_SPACE = re.compile(r"\s+")


def repetition_key(text: str, lang: str, finder: NameFinder | None = None) -> str:
    """The form two repetitions share: names as their entries, case and spacing folded."""
    if finder is not None:
        out, pos = [], 0
        for hit in finder.find(text, lang, nested=False):
            out.append(text[pos : hit.start])
            out.append(f"\x00{hit.entry.id}\x00")
            pos = hit.end
        out.append(text[pos:])
        text = "".join(out)
    return _SPACE.sub(" ", text).strip().casefold()


class RepetitionIndex:
    """Segment ids by repetition key, in project order, with each one's neighbours."""

    def __init__(self) -> None:
        """An empty index (fill it with :meth:`add`, in document order)."""
        self.by_key: dict[str, list[int]] = {}
        self.key_of: dict[int, str] = {}
        self.prev: dict[int, int | None] = {}
        self.next: dict[int, int | None] = {}

    def add(self, segment_id: int, key: str, prev: int | None, next_: int | None) -> None:
        """Index one segment (``prev``/``next_``: its neighbours in its document, or None)."""
        self.key_of[segment_id] = key
        self.by_key.setdefault(key, []).append(segment_id)
        self.prev[segment_id], self.next[segment_id] = prev, next_

    def __len__(self) -> int:
        """How many segments are indexed."""
        return len(self.key_of)

    def others(self, segment_id: int) -> list[int]:
        """The other segments with the same key, in project order."""
        key = self.key_of.get(segment_id)
        if key is None:
            return []
        return [s for s in self.by_key.get(key, ()) if s != segment_id]

    def _same(self, a: int | None, b: int | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return self.key_of.get(a) == self.key_of.get(b)

    def in_context(self, a: int, b: int) -> bool:
        """Whether repetitions ``a`` and ``b`` also agree in their neighbours (a 101)."""
        return self._same(self.prev.get(a), self.prev.get(b)) and self._same(
            self.next.get(a), self.next.get(b)
        )


def build_index(
    segments: list[tuple[int, str, str, str]], finder: NameFinder | None, should_stop=None
) -> RepetitionIndex:
    """Index ``segments``: (segment id, document, source language, source) in project order.

    ``should_stop()`` is asked now and then; when it says so the index built so far comes
    back (a closing app).
    """
    index = RepetitionIndex()
    for i, (sid, doc, lang, source) in enumerate(segments):
        if should_stop is not None and i % 64 == 0 and should_stop():
            break
        prev = segments[i - 1][0] if i and segments[i - 1][1] == doc else None
        nxt = segments[i + 1][0] if i + 1 < len(segments) and segments[i + 1][1] == doc else None
        index.add(sid, repetition_key(source, lang, finder), prev, nxt)
    return index
