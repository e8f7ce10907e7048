"""The segment table: one row per segment, columns English | Arabic | Kurdish.

Drawn through Textual's line API (a ScrollView that renders only the visible lines), so
tens of thousands of segments open and scroll without building a widget per row.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.marked import marked_line, segments
from workbench.tui.rtl import visual, visual_mixed

STATUS = {
    "new": ("·", "grey50"),
    "draft": ("✎", "yellow"),
    "translated": ("✓", "green"),
    "reviewed": ("✓", "bold green"),
    "final": ("■", "bold cyan"),
}
#: A draft propagated from a confirmed repetition.
PROPAGATED = ("⇉", "magenta")
RTL = {"ar", "ckb"}


@lru_cache(maxsize=8)
def _wrapper(width: int) -> re.Pattern[str]:
    # the longest run of at most `width` characters that ends before a space or the end;
    # failing that (a word longer than the column), `width` characters of it
    return re.compile(rf"\S.{{0,{width - 1}}}(?=\s|$)|\S{{1,{width}}}")


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap into lines of at most ``width`` characters (at least one line).

    A regular expression does it in C: 20 times faster than textwrap, which matters when
    a 100,000-segment project is wrapped at open and on every resize.
    """
    if len(text) <= width:
        return [text]
    return _wrapper(width).findall(text) or [""]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a loop that makes many small acyclic objects.

    Each collection walks every live object, so on a 100,000-segment project the loops that
    build rows and wrap them spent half their time in the collector; reference counting
    still frees everything, and the collector runs again afterwards.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@dataclass(eq=False)  # rows are compared by identity: finding one is fast
class Row:
    """One segment: its key, source, and per language target and status."""

    segment_id: int
    key: str
    para: int
    source: str
    targets: dict[str, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # where the target came from


def origin_label(origin: str, engine: str | None, model: str | None, match: float | None) -> str:
    """A short provenance: 'machine: hf opus-mt-en-ar', 'memory 99%', or '' for a person."""
    if origin == "machine":
        return f"machine: {engine or '?'} {model or ''}".strip()
    if origin == "memory":
        return f"memory {match:.0f}%" if match is not None else "memory"
    if origin == "propagated":  # copied from a confirmed repetition
        return f"propagated {match:.0f}%" if match is not None else "propagated"
    return ""


class SegmentView(ScrollView, can_focus=True):
    """All segments, wrapped in columns; the current one highlighted."""

    current = reactive(0)

    class Moved(Message):
        """The current segment changed."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, rows: list[Row], langs: list[str], rtl_mode: str, **kw) -> None:
        """Show ``rows`` with a target column per language in ``langs``."""
        super().__init__(**kw)
        self.rows = rows
        self.langs = langs
        self.rtl_mode = rtl_mode
        self._row_start: list[int] = []  # the first line of each row (then its rule line)
        self._total = 0  # lines in all
        self._wrapped: list[list[list[str]]] = []
        self._drawn: dict[tuple[int, int], list[Segment]] = {}
        self._width = 0
        self._colw = 8
        self._pos = {row.segment_id: i for i, row in enumerate(rows)}
        self._marker = None  # (spans of a text, columns): the last search's hit, marked

    def set_marker(self, spans, langs: set[str]) -> None:
        """Mark what ``spans(text)`` finds in the current row's ``langs`` columns ('en': source)."""
        self._marker = (spans, langs)
        self.refresh()

    def set_rows(self, rows: list[Row], current: int = 0) -> None:
        """Show ``rows`` instead (a filter changed), with row ``current`` highlighted."""
        self.rows = rows
        self._pos = {row.segment_id: i for i, row in enumerate(rows)}
        self.relayout()
        if self.current == current:
            self.mutate_reactive(SegmentView.current)  # the row there changed: tell the app
        else:
            self.current = current

    # --- layout -------------------------------------------------------------------

    def relayout(self) -> None:
        """Wrap every row for the current width (called on resize and after edits).

        Only the logical text is wrapped here (row heights need it); shaping, visual order
        and styling happen when a line is drawn, for the lines on screen only.
        """
        width = max(self.size.width, 40)
        self._width = width
        ncols = 1 + len(self.langs)
        self._colw = max((width - 4 - 3 * (ncols - 1)) // ncols, 8)
        wrapped: list[list[list[str]]] = []
        starts: list[int] = []
        total = 0
        wrap_long = _wrapper(self._colw).findall
        colw, langs = self._colw, self.langs
        # the loop of a 100,000-segment open, kept lean; it makes 400,000 small lists, and
        # the collector would walk every live object again and again meanwhile (2 of the
        # 4.7 s of a 100,000-segment open): none of them can form a cycle, so it waits
        with collector_paused():
            for row in self.rows:
                src = row.source
                cells = [[src] if len(src) <= colw else wrap_long(src) or [""]]
                targets = row.targets
                for lang in langs:
                    t = targets.get(lang, "")
                    cells.append([t] if len(t) <= colw else wrap_long(t) or [""])
                wrapped.append(cells)
                starts.append(total)
                total += max(map(len, cells)) + 1  # its lines, then the rule under it
        self._wrapped, self._row_start, self._total = wrapped, starts, total
        self._drawn: dict[tuple[int, int], list[Segment]] = {}
        self.virtual_size = Size(width, total)
        self.refresh()

    def _wrap(self, row: Row) -> list[list[str]]:
        colw = self._colw
        return [wrap(row.source, colw), *(wrap(row.targets.get(x, ""), colw) for x in self.langs)]

    def index_of(self, row: Row) -> int | None:
        """The position of ``row`` among those shown, or None."""
        at = self._pos.get(row.segment_id)
        return at if at is not None and self.rows[at] is row else None

    def update_segment(self, segment_id: int) -> None:
        """Redraw the row of a segment, if it is shown."""
        index = self._pos.get(segment_id)
        if index is not None:
            self.update_row(index)

    def update_row(self, index: int) -> None:
        """Redraw one row after an edit (relayout only when its height changed)."""
        old = self._wrapped[index]
        new = self._wrap(self.rows[index])
        self._drawn = {k: v for k, v in self._drawn.items() if k[0] != index}
        if max(len(c) for c in new) != max(len(c) for c in old):
            self.relayout()
            return
        self._wrapped[index] = new
        self.refresh()

    def _draw(self, i: int, k: int) -> list[Segment]:
        """The segments of line k of row i (k = -1: the rule under the row)."""
        key = (i, k)
        marking = self._marker is not None and i == self.current and k >= 0
        got = None if marking else self._drawn.get(key)  # (a marked line is never kept)
        if got is not None:
            return got
        if k < 0:
            got = [Segment("─" * (self._width - 1), Style(color="grey23"))]
        else:
            row, cells, colw = self.rows[i], self._wrapped[i], self._colw
            first_para = i == 0 or self.rows[i - 1].para != row.para
            got = [Segment(("¶ " if first_para and k == 0 else "  "), Style(color="grey42"))]
            langs = ["en", *self.langs]
            for c, (lines, lang) in enumerate(zip(cells, langs, strict=True)):
                text = lines[k] if k < len(lines) else ""
                if marking and lang in self._marker[1] and self._marker[0](text):
                    shown = marked_line(text, self._marker[0](text), lang in RTL, self.rtl_mode)
                    pad = " " * max(colw - shown.cell_len, 0)
                    got += (
                        [Segment(pad), *segments(shown)]
                        if lang in RTL
                        else [*segments(shown), Segment(pad)]
                    )
                else:
                    if lang in RTL:
                        text = visual(text, self.rtl_mode)
                    else:  # Arabic quoted in English ("photo: موقع داعش") is turned in place
                        text = visual_mixed(text, self.rtl_mode)
                    pad = " " * max(colw - cell_len(text), 0)
                    got.append(Segment(pad + text if lang in RTL else text + pad))
                if c < len(langs) - 1:
                    if k == 0:
                        sym, colour = STATUS.get(
                            row.status.get(self.langs[c], "new"), STATUS["new"]
                        )
                        if sym == "✎" and row.origin.get(self.langs[c], "").startswith("propa"):
                            sym, colour = PROPAGATED  # a draft copied from a repetition
                        got += [Segment(" "), Segment(sym, Style.parse(colour)), Segment(" ")]
                    else:
                        got.append(Segment(" │ ", Style(color="grey35")))
        if marking:
            return got
        if len(self._drawn) > 5000:
            self._drawn.clear()
        self._drawn[key] = got
        return got

    def on_resize(self) -> None:
        """Rewrap when the terminal size changes; the current row stays on screen."""
        self.relayout()
        self.call_after_refresh(self.show_current)  # once the scroll bars are laid out

    def render_line(self, y: int) -> Strip:
        """One visible line (only those on screen are ever drawn)."""
        _, scroll_y = self.scroll_offset
        n = scroll_y + y
        if n >= self._total:
            return Strip.blank(self.size.width)
        row = bisect_right(self._row_start, n) - 1
        k = n - self._row_start[row]
        if k == len(max(self._wrapped[row], key=len)):
            k = -1  # the rule under the row
        strip = Strip(self._draw(row, k))
        if row == self.current:
            strip = strip.apply_style(Style(bgcolor="grey19"))
        return strip.crop_extend(0, self.size.width, None)

    # --- moving ---------------------------------------------------------------------

    def watch_current(self, old: int, new: int) -> None:
        """Keep the current row visible and tell the app."""
        self.show_current()
        self.refresh()
        self.post_message(self.Moved(new))

    def show_current(self) -> None:
        """Scroll the current row into view if it is not (once the table is laid out)."""
        at = self.current
        if self._row_start and 0 <= at < len(self._row_start):
            top = self._row_start[at]
            if top < self.scroll_offset.y or top >= self.scroll_offset.y + self.size.height - 2:
                self.scroll_to(y=max(top - 2, 0), animate=False)

    def move(self, delta: int) -> None:
        """Go ``delta`` segments down (negative: up)."""
        if self.rows:
            self.current = min(max(self.current + delta, 0), len(self.rows) - 1)
