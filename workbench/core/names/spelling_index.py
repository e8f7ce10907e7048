"""How each glossary name is spelled across a project's targets, kept current per segment.

QA warns when a segment spells a name otherwise than other segments of the same project do
("الرمادي here, الرمادى in 3 other segments"), even where the glossary accepts both or has
no form for the language. The index is built once from every target and then updated one
segment at a time as the translator edits; it is safe to read from a worker thread while
the app writes to it.
"""

from __future__ import annotations

import threading

from workbench.core.names.consistency import spelling_norm
from workbench.core.names.name_finder import NameFinder
from workbench.core.qa import QAWarning


class SpellingIndex:
    """Spellings of glossary names in one target language, by segment."""

    def __init__(self, finder: NameFinder, lang: str) -> None:
        """An empty index for targets in ``lang``."""
        self.finder = finder
        self.lang = lang
        self._by_entry: dict[str, dict[str, dict[str, str]]] = {}  # entry -> norm -> seg -> sp.
        self._of_segment: dict[str, list[tuple[str, str]]] = {}  # seg -> (entry, norm)
        self._lock = threading.Lock()

    def set(self, segment: str, text: str) -> None:
        """Record the names of ``segment``'s target ``text`` (replacing what it had)."""
        # a name met twice in one target ("Haditha ... Haditha") is one (entry, spelling)
        # of the segment: recorded once, so it is also removed once
        found: dict[tuple[str, str], str] = {}
        for h in self.finder.find(text, self.lang, nested=False) if text else []:
            found.setdefault((h.entry.id, spelling_norm(h.spelling)), h.spelling)
        with self._lock:
            for entry, norm in self._of_segment.pop(segment, ()):
                spellings = self._by_entry.get(entry, {})
                segs = spellings.get(norm, {})
                segs.pop(segment, None)
                if not segs:
                    spellings.pop(norm, None)
                if not spellings:
                    self._by_entry.pop(entry, None)
            for (entry, norm), spelling in found.items():
                self._by_entry.setdefault(entry, {}).setdefault(norm, {})[segment] = spelling
            if found:
                self._of_segment[segment] = list(found)

    def warnings(self, segment: str, text: str) -> list[QAWarning]:
        """A warning for each name of ``text`` spelled otherwise in other segments."""
        out = []
        seen = set()
        for h in self.finder.find(text, self.lang, nested=False) if text else []:
            mine = spelling_norm(h.spelling)
            if (h.entry.id, mine) in seen:
                continue
            seen.add((h.entry.id, mine))
            with self._lock:
                others = [
                    (spelling, seg)
                    for norm, segs in self._by_entry.get(h.entry.id, {}).items()
                    if norm != mine
                    for seg, spelling in segs.items()
                    if seg != segment
                ]
            if others:
                spelling, seg = others[0]
                n = len(others)
                where = f"{n} other segments, e.g. {seg}" if n > 1 else seg
                out.append(
                    QAWarning(
                        "name-elsewhere",
                        f"{h.spelling}: spelled {spelling} in {where}",
                        spelling,
                    )
                )
        return out
