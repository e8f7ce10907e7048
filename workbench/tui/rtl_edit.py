"""Editing right-to-left text in terminals that do no bidi: shaped, visual, right-aligned.

Textual's Input draws its value in logical order from the left, so Arabic and Sorani read
backwards and unjoined in most terminals. :class:`RtlInput` keeps Input's editing (the
value, typing, deleting, selection and its keys stay logical), and only draws and moves
differently when right-to-left is on: the line is shaped and put in visual order exactly
as the table draws it (:func:`workbench.tui.rtl_layout.bidi_layout`: joined forms, the
lam-alef ligature, harakat on their letter), right-aligned; the cursor is drawn on the
cell of the character it stands before; Left and Right move to the neighbouring cell on
screen, the way the eye expects (so Left goes forward in Arabic, and through a number
or an English word inside it left to right).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual.binding import Binding
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import Input

from workbench.tui.rtl_layout import Layout, bidi_layout, visual_step

__all__ = ["Layout", "RtlInput", "bidi_layout", "visual_step"]


class RtlInput(Input):
    """Textual's Input, drawn and moved right to left while ``rtl`` is on.

    Tab stays in the line (Textual would move the focus away from an unfinished edit).
    Focusing it selects nothing (the first key typed must not replace a draft); Ctrl+A
    selects all, Home and End go to the start and the end.
    """

    BINDINGS: ClassVar = [
        Binding("tab,shift+tab", "stay", show=False),
        Binding("ctrl+a", "select_all", "Select all", show=False),
    ]
    rtl = False

    def __init__(self, *args, **kwargs) -> None:
        """An Input that does not select its text when it takes the focus."""
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def action_stay(self) -> None:
        """Keep the focus in the edit line."""

    def _layout(self) -> Layout:
        return bidi_layout(self.value)

    def _origin(self, layout: Layout) -> int:
        """The screen column of the line's column 0 (right-aligned; scrolled to the cursor)."""
        width = self.scrollable_content_region.width
        length = cell_len(layout.display)
        left = width - length  # right-aligned, one free cell left of the text for the end
        cursor = layout.columns[self.cursor_position]
        if left >= 1:
            return left
        # longer than the line: keep the cursor on screen, the line's start when possible
        return min(max(left, 1 - cursor), width - 1 - cursor)

    def render_line(self, y: int) -> Strip:
        """The value in visual order, right-aligned, with the cursor and selection."""
        if not self.rtl or not self.value or y != 0:
            return super().render_line(y)
        layout = self._layout()
        width = self.scrollable_content_region.width + 1
        origin = self._origin(layout)
        cells = [" "] * width
        styles = [self.rich_style] * width
        x = origin
        for ch in layout.display:
            if not cell_len(ch):  # a mark: drawn with the letter before it
                if 0 < x <= width:
                    cells[x - 1] += ch
                continue
            if 0 <= x < width:
                cells[x] = ch
            x += cell_len(ch)
        if self.has_focus:
            start, end = sorted(self.selection)
            chosen = self.get_component_rich_style("input--selection")
            for p in range(start, end):
                at = origin + layout.columns[p]
                if 0 <= at < width:
                    styles[at] = self.rich_style + chosen
            if self._cursor_visible:
                at = origin + layout.columns[self.cursor_position]
                if 0 <= at < width:
                    styles[at] = self.rich_style + self.get_component_rich_style("input--cursor")
        return Strip([Segment(c, s) for c, s in zip(cells, styles, strict=True)])

    @property
    def cursor_screen_offset(self) -> Offset:
        """Where the terminal's own cursor goes (input methods place their window there)."""
        if not self.rtl:
            return super().cursor_screen_offset
        layout = self._layout()
        x, y, _, _ = self.content_region
        return Offset(x + self._origin(layout) + layout.columns[self.cursor_position], y)

    def _cell_offset_to_index(self, offset: int) -> int:
        """The logical position under a mouse click (or drag) at content column ``offset``."""
        if not self.rtl:
            return super()._cell_offset_to_index(offset)
        layout = self._layout()
        column = offset - self._origin(layout)
        if column < 0:
            return len(self.value)  # left of the line: its end
        at = [p for p, col in enumerate(layout.columns[:-1]) if col == column]
        return at[0] if at else 0  # right of the line: its start

    def action_cursor_left(self, select: bool = False) -> None:
        """One cell left on screen (forward in right-to-left text)."""
        if not self.rtl:
            return super().action_cursor_left(select)
        self._move_to(visual_step(self._layout(), self.cursor_position, -1), select)

    def action_cursor_right(self, select: bool = False) -> None:
        """One cell right on screen (back in right-to-left text)."""
        if not self.rtl:
            return super().action_cursor_right(select)
        self._move_to(visual_step(self._layout(), self.cursor_position, 1), select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        """A word left on screen: the next word in right-to-left text."""
        if self.rtl:
            return super().action_cursor_right_word(select)
        return super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        """A word right on screen: the previous word in right-to-left text."""
        if self.rtl:
            return super().action_cursor_left_word(select)
        return super().action_cursor_right_word(select)

    def _move_to(self, position: int, select: bool) -> None:
        if select:
            self.selection = type(self.selection)(self.selection.start, position)
        else:
            self.cursor_position = position
