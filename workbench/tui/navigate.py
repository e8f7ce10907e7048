"""Finding segments in the app: search source and targets (/), go to a segment (g).

Both use one line under the table; Enter runs it, Esc closes it. Search is
case-insensitive, starts after the current segment and wraps; it also matches Arabic
script text with or without its diacritics and tatweel, as a translator types it.
"""

from __future__ import annotations

import re

from textual.widgets import Input

#: Arabic diacritics (harakat, superscript alef) and tatweel: ignored by search.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _fold(text: str) -> str:
    """The form searched: lower case, no Arabic diacritics or tatweel."""
    return _MARKS.sub("", text).casefold()


class NavigateMixin:
    """Actions of WorkbenchApp: / searches, g goes to a segment number or id."""

    find_mode: str = "search"

    def action_find(self, mode: str) -> None:
        """Open the find line for ``mode``: 'search' or 'goto'."""
        self.find_mode = mode
        line = self.query_one("#find", Input)
        line.placeholder = (
            "search source and targets" if mode == "search" else "segment number or id"
        )
        line.value = ""
        line.add_class("open")
        line.focus()

    def close_find(self) -> None:
        """Hide the find line, back to the table."""
        self.query_one("#find", Input).remove_class("open")
        self.view.focus()

    def run_find(self, query: str) -> None:
        """Search or go to ``query``; say so when nothing matches."""
        query = query.strip()
        self.close_find()
        if not query:
            return
        found = self.search(query) if self.find_mode == "search" else self.locate(query)
        if found is None:
            self.notify(f"not found: {query}", severity="warning")
        else:
            self.view.current = found

    def search(self, query: str) -> int | None:
        """The next segment (wrapping) whose source or a shown target contains ``query``."""
        q, n = _fold(query), len(self.rows)
        for k in range(1, n + 1):
            i = (self.view.current + k) % n
            row = self.rows[i]
            texts = [row.source, *(row.targets.get(x, "") for x in self.langs)]
            if any(q in _fold(t) for t in texts):
                return i
        return None

    def locate(self, query: str) -> int | None:
        """A 1-based segment number, or a segment id (al-qaem:p2:s1) or its end (p2:s1)."""
        if query.isdigit():
            i = int(query) - 1
            return i if 0 <= i < len(self.rows) else None
        for i, row in enumerate(self.rows):
            if row.key == query or row.key.endswith(":" + query):
                return i
        return None
