"""A line of text with some of its characters marked (a search hit), as the terminal draws it.

The marks are given in logical positions (where the characters are in the text); the
line is drawn the way the rest of the app draws it: a right-to-left line in ``app`` mode
shaped and in visual order (:func:`workbench.tui.rtl_layout.bidi_layout`, whose columns
say where each logical character ends up), anything else as it is. So a hit in Arabic is
marked on the letters the translator sees, not on the cells its logical index would be.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from workbench.tui.rtl import visual, visual_mixed

#: How a hit is marked.
HIT = Style(reverse=True, bold=True)


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u08ff" for c in text)


def marked_line(
    text: str, spans: list[tuple[int, int]], rtl: bool, mode: str, style: Style = HIT
) -> Text:
    """``text`` (one line, logical order) drawn for ``mode`` with ``spans`` styled."""
    if rtl and mode == "app" and _arabic(text):
        from workbench.tui.rtl_layout import bidi_layout

        shown = visual(text, mode)
        layout = bidi_layout(text)
        if layout.display != shown:  # (a control character was made safe): no marks
            return Text(shown)
        cols = {layout.columns[p] for a, b in spans for p in range(a, b) if p < len(text)}
        out, x = Text(), 0
        for ch in shown:
            width = cell_len(ch)
            at = x if width or not x else x - 1  # a mark is on its letter's cell
            out.append(ch, style if at in cols else None)
            x += width
        return out
    shown = visual(text, mode) if rtl else visual_mixed(text, mode)
    out = Text(shown)
    if len(shown) == len(text) and (shown == text or not _arabic(text)):
        for a, b in spans:
            out.stylize(style, a, b)
    return out


def right_aligned(line: Text, width: int) -> Text:
    """``line`` padded on the left to ``width`` cells: a right-to-left text drawn right."""
    pad = max(width - line.cell_len, 0)
    return Text(" " * pad) + line


def segments(text: Text) -> list[Segment]:
    """``text`` as Rich segments, a segment per run of one style (for a line API widget)."""
    plain = text.plain
    styles: list[Style | None] = [None] * len(plain)
    for span in text.spans:
        style = Style.parse(span.style) if isinstance(span.style, str) else span.style
        for p in range(span.start, min(span.end, len(plain))):
            styles[p] = style if styles[p] is None else styles[p] + style
    out: list[Segment] = []
    start = 0
    for p in range(1, len(plain) + 1):
        if p == len(plain) or styles[p] != styles[start]:
            out.append(Segment(plain[start:p], styles[start]))
            start = p
    return out
