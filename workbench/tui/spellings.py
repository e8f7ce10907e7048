"""Project-wide name consistency in the app: a name spelled unlike the other segments.

The index of every target's names is built in a worker thread when the app opens (a
10,000-segment project takes seconds; the screen answers meanwhile) and then kept current
as targets change. Until it is ready the other QA checks show as usual. The finished
index comes back as a ``SpellingsReady`` message, which a closing app never handles.
"""

from __future__ import annotations

from textual.message import Message
from textual.worker import get_current_worker

from workbench.core.names.spelling_index import SpellingIndex
from workbench.core.qa import QAWarning
from workbench.tui.segment_view import Row


class SpellingsReady(Message):
    """The worker built the index of every shown language."""

    def __init__(self, built: dict[str, SpellingIndex]) -> None:
        """Language -> its index."""
        super().__init__()
        self.built = built


class SpellingsMixin:
    """Name consistency across the project for WorkbenchApp."""

    def init_spellings(self) -> None:
        """No index yet: edits are remembered until it is built."""
        self.spellings: dict[str, SpellingIndex] = {}
        self._spelling_dirty: set[tuple[Row, str]] = set()  # edited while the index was built

    def start_spelling_index(self) -> None:
        """Build the index of every shown language's targets in the background."""
        if self.finder is None:
            return
        snapshot = {
            lang: [(r.key, t) for r in self.all_rows if (t := r.targets.get(lang, ""))]
            for lang in self.langs
        }
        self.run_worker(lambda: self._spelling_job(snapshot), thread=True, group="spellings")

    def _spelling_job(self, snapshot: dict[str, list[tuple[str, str]]]) -> None:
        worker = get_current_worker()
        built = {}
        for lang, targets in snapshot.items():
            index = SpellingIndex(self.finder, lang)
            for key, text in targets:
                if worker.is_cancelled:
                    return
                index.set(key, text)
            built[lang] = index
        if not worker.is_cancelled:
            self.post_message(SpellingsReady(built))

    def on_spellings_ready(self, message: SpellingsReady) -> None:
        """Use the index the worker built (with the edits made meanwhile)."""
        built = self.spellings = message.built
        for row, lang in self._spelling_dirty:
            built[lang].set(row.key, row.targets.get(lang, ""))
        self._spelling_dirty.clear()
        self._show_qa()

    def spelling_changed(self, row: Row, lang: str) -> None:
        """A target changed: update the index (or remember it until the index is built)."""
        if lang in self.spellings:
            self.spellings[lang].set(row.key, row.targets.get(lang, ""))
        elif self.finder is not None:
            self._spelling_dirty.add((row, lang))

    def spelling_warnings(self, row: Row, lang: str, text: str | None = None) -> list[QAWarning]:
        """The names of ``row``'s target (or ``text``) spelled otherwise in other segments."""
        index = self.spellings.get(lang)
        if index is None:
            return []
        return index.warnings(row.key, row.targets.get(lang, "") if text is None else text)
