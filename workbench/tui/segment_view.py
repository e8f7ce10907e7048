"""The segment table: one row per segment, columns English | Arabic | Kurdish.

Drawn through Textual's line API (a ScrollView that renders only the visible lines), so
tens of thousands of segments open and scroll without building a widget per row.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.rtl import visual

STATUS = {
    "new": ("·", "grey50"),
    "draft": ("✎", "yellow"),
    "translated": ("✓", "green"),
    "reviewed": ("✓", "bold green"),
    "final": ("■", "bold cyan"),
}
RTL = {"ar", "ckb"}


@dataclass
class Row:
    """One segment: its key, source, and per language target and status."""

    segment_id: int
    key: str
    para: int
    source: str
    targets: dict[str, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)


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
        self._lines: list[tuple[int, list[Segment]]] = []  # (row index, segments)
        self._row_start: list[int] = []
        self._width = 0

    # --- layout -------------------------------------------------------------------

    def relayout(self) -> None:
        """Wrap every row for the current width (called on resize and after edits)."""
        width = max(self.size.width, 40)
        self._width = width
        ncols = 1 + len(self.langs)
        colw = max((width - 4 - 3 * (ncols - 1)) // ncols, 8)
        self._lines, self._row_start = [], []
        for i, row in enumerate(self.rows):
            self._row_start.append(len(self._lines))
            cells = [textwrap.wrap(row.source, colw) or [""]]
            for lang in self.langs:
                text = row.targets.get(lang, "")
                wrapped = textwrap.wrap(text, colw) or [""]
                if lang in RTL:
                    wrapped = [visual(x, self.rtl_mode) for x in wrapped]
                cells.append(wrapped)
            height = max(len(c) for c in cells)
            first_para = i == 0 or self.rows[i - 1].para != row.para
            for k in range(height):
                segs = [Segment(("¶ " if first_para and k == 0 else "  "), Style(color="grey42"))]
                for c, (lines, lang) in enumerate(zip(cells, ["en", *self.langs], strict=True)):
                    text = lines[k] if k < len(lines) else ""
                    pad = colw - cell_len(text)
                    if lang in RTL:
                        segs.append(Segment(" " * max(pad, 0) + text))
                    else:
                        segs.append(Segment(text + " " * max(pad, 0)))
                    if c < ncols - 1:
                        mark = " │ "
                        if k == 0 and c < len(self.langs):
                            sym, colour = STATUS.get(
                                row.status.get(self.langs[c], "new"), STATUS["new"]
                            )
                            segs.append(Segment(" "))
                            segs.append(Segment(sym, Style.parse(colour)))
                            segs.append(Segment(" "))
                            continue
                        segs.append(Segment(mark, Style(color="grey35")))
                self._lines.append((i, segs))
            self._lines.append((i, [Segment("─" * (width - 1), Style(color="grey23"))]))
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        """Rewrap when the terminal size changes."""
        self.relayout()

    def render_line(self, y: int) -> Strip:
        """One visible line (only those on screen are ever drawn)."""
        _, scroll_y = self.scroll_offset
        n = scroll_y + y
        if n >= len(self._lines):
            return Strip.blank(self.size.width)
        row, segs = self._lines[n]
        strip = Strip(segs)
        if row == self.current:
            strip = strip.apply_style(Style(bgcolor="grey19"))
        return strip.crop_extend(0, self.size.width, None)

    # --- moving ---------------------------------------------------------------------

    def watch_current(self, old: int, new: int) -> None:
        """Keep the current row visible and tell the app."""
        if self._row_start and 0 <= new < len(self._row_start):
            top = self._row_start[new]
            if top < self.scroll_offset.y or top >= self.scroll_offset.y + self.size.height - 2:
                self.scroll_to(y=max(top - 2, 0), animate=False)
        self.refresh()
        self.post_message(self.Moved(new))

    def move(self, delta: int) -> None:
        """Go ``delta`` segments down (negative: up)."""
        if self.rows:
            self.current = min(max(self.current + delta, 0), len(self.rows) - 1)
