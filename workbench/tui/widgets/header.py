"""The header line: the column labels with each language's progress, and the filter.

It counts the confirmed segments of each shown language itself, a moment after the last
change (an MT run changes many in a row), with a timer that ends with the widget.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from workbench.tui.rtl import visual_mixed
from workbench.tui.segment_view import Row

#: Column labels.
NAMES = {
    "en": "English",
    "ar": "Arabic (العربية)",
    "ckb": "Kurdish, Sorani (کوردی)",
    "kmr": "Kurdish, Kurmanji",
}
CONFIRMED = ("translated", "reviewed", "final")
#: Seconds after the last change before the progress is counted again.
DELAY = 0.2


class ProjectHeader(Static):
    """``English (69)  │  Arabic ✓ 12/69  │  …`` and, when a filter is on, what it shows."""

    DEFAULT_CSS = "ProjectHeader { height: 1; text-style: bold; background: $boost; }"

    class Changed(Message):
        """Statuses changed: count the progress again (soon)."""

        bubble = False

    class Filtered(Message):
        """A filter was applied: ``label`` says what it shows ('' for everything)."""

        bubble = False

        def __init__(self, label: str) -> None:
            """The filter's label."""
            super().__init__()
            self.label = label

    def __init__(
        self, rows: Callable[[], list[Row]], langs: list[str], rtl_mode: str, **kw
    ) -> None:
        """A header over ``rows()`` (every segment of the project) for ``langs``."""
        self._rows = rows
        self._langs = langs
        self._rtl_mode = rtl_mode
        self._label = ""
        self._timer: Timer | None = None
        self._counts = self.count()
        super().__init__(self.text(), **kw)

    def count(self) -> str:
        """The labels with each language's progress: confirmed of all."""
        rows = self._rows()
        total = len(rows)
        labels = [f"{NAMES['en']} ({total})"]
        for lang in self._langs:
            done = sum(1 for r in rows if r.status.get(lang) in CONFIRMED)
            labels.append(f"{NAMES.get(lang, lang)} ✓ {done}/{total}")
        return visual_mixed("  " + "  │  ".join(labels), self._rtl_mode)

    def text(self) -> str:
        """What the header shows now."""
        shown = f"    [reverse] {self._label} [/reverse]" if self._label else ""
        return self._counts + shown

    def on_project_header_changed(self, _: Changed) -> None:
        """Count again once the changes pause."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DELAY, self._recount)

    def on_project_header_filtered(self, message: Filtered) -> None:
        """Show the filter's label (and the counts as they are now)."""
        self._label = message.label
        self._recount()

    def _recount(self) -> None:
        self._timer = None
        self._counts = self.count()
        self.update(self.text())
