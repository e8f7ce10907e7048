"""Finding segments in the app: search source and targets (/), go to a segment (g).

Both use one line under the table; Enter runs it, Esc closes it. Search is
case-insensitive, starts after the current segment and wraps; it also matches Arabic
script text with or without its diacritics and tatweel, as a translator types it.
"""

from __future__ import annotations

import re

from textual.widgets import Input

from workbench.tui.segment_view import Row

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
        self.screen.set_focus(line)  # at once: the query typed right after / is the line's

    def close_find(self) -> None:
        """Hide the find line, back to the table."""
        self.query_one("#find", Input).remove_class("open")
        self.screen.set_focus(self.view)  # at once: the next key is the table's

    def run_find(self, query: str) -> None:
        """Search or go to ``query``; say so when nothing matches.

        A segment the current filter hides is still found: the filter is lifted to show it.
        """
        query = query.strip()
        self.close_find()
        if not query:
            return
        found = self.search(query) if self.find_mode == "search" else self.locate(query)
        if self.find_mode == "search" and hasattr(self, "remember_search"):
            self.remember_search(query)  # F3 finds it again; the hit is marked in the row
        if found is None:
            self.notify(f"not found: {query}", severity="warning")
            return
        at = self.view.index_of(found)
        if at is None:  # hidden by the filter
            self.apply_filter("all")
            self.notify("the filter is off, to show what was found")
            at = self.view.index_of(found)
        if at is not None:
            self.view.current = at

    def search(self, query: str) -> Row | None:
        """The next segment whose source or a shown target contains ``query``.

        Among the rows shown first (from the current one on, wrapping), then among all.
        """
        q = _fold(query)

        def hit(row: Row) -> bool:
            texts = [row.source, *(row.targets.get(x, "") for x in self.langs)]
            return any(q in _fold(t) for t in texts)

        for rows, start in ((self.rows, self.view.current), (self.all_rows, -1)):
            n = len(rows)
            for k in range(1, n + 1):
                row = rows[(start + k) % n]
                if hit(row):
                    return row
        return None

    def locate(self, query: str) -> Row | None:
        """A 1-based segment number in the project, or a segment id or its end.

        Ids as al-qaem:p2:s1, or p2:s1.
        """
        if query.isdigit():
            i = int(query) - 1
            return self.all_rows[i] if 0 <= i < len(self.all_rows) else None
        for row in self.all_rows:
            if row.key == query or row.key.endswith(":" + query):
                return row
        return None
