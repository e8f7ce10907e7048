"""One right-to-left line laid out for a terminal that does no bidi: shaped, in visual order.

The table, the edit line and the panels all draw through :func:`bidi_layout`, so a word
looks the same everywhere: shaped by :mod:`workbench.tui.shaping` (joined forms, lam-alef
ligature, harakat kept), then reordered by python-bidi's implementation of the Unicode
bidi algorithm (paragraph direction R). The layout also tells, for every logical cursor
position, the screen column it stands on, which the edit line needs for its cursor.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from workbench.tui.shaping import shape


@dataclass(frozen=True)
class Layout:
    """A line in visual order and, for each logical cursor position, its screen column.

    ``columns[p]`` is the column of the character at logical position p (the cursor
    stands before it); ``columns[len(text)]`` is -1, the cell left of the line, where the
    end of a right-to-left line is. The alef of a lam-alef ligature is on the ligature's
    cell; a character that is not drawn (ZWNJ and other format characters) sits with the
    next one.
    """

    display: str
    columns: tuple[int, ...]


@lru_cache(maxsize=1024)
def bidi_layout(text: str) -> Layout:
    """Shape ``text`` and lay it out right to left (paragraph direction R)."""
    from bidi import algorithm as uba

    shaped = shape(text)
    storage = uba.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 1, "R"
    uba.get_embedding_levels(shaped.text, storage, False, False)
    for ch, at in zip(storage["chars"], shaped.origin, strict=True):
        ch["at"] = at  # the logical index survives reordering (the dicts move, not copies)
    uba.explicit_embed_and_overrides(storage, False)  # drops format characters (ZWNJ, LRE ...)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    chars = _marks_after_their_letters(storage["chars"])
    column: dict[int, int] = {}
    x = 0
    for ch in chars:
        width = cell_len(ch["ch"])
        column[ch["at"]] = x if width or not x else x - 1  # a mark is on its letter's cell
        x += width
    columns = [-1] * (len(text) + 1)
    for p in range(len(text) - 1, -1, -1):  # a dropped character sits with the next one
        columns[p] = column.get(p, columns[p + 1])
    drawn = set(shaped.origin)
    for p in range(1, len(text)):  # the alef of a lam-alef: on the ligature's cell
        if p not in drawn and unicodedata.category(text[p]) != "Cf" and p - 1 in column:
            columns[p] = columns[p - 1]
    return Layout("".join(ch["ch"] for ch in chars), tuple(columns))


def _marks_after_their_letters(chars: list[dict]) -> list[dict]:
    """Put combining marks (harakat) back after their letter in reversed runs.

    Reversing a right-to-left run puts a mark before its letter, where a terminal would
    draw it on the wrong one (the bidi algorithm's rule L3).
    """
    out: list[dict] = []
    marks: list[dict] = []
    for ch in chars:
        if unicodedata.combining(ch["ch"]) and ch["level"] % 2:
            marks.append(ch)
            continue
        out.append(ch)
        out.extend(marks)
        marks = []
    return out + marks


def visual_step(layout: Layout, position: int, step: int) -> int:
    """The logical position whose cell is the nearest one ``step`` (-1 left, 1 right) away."""
    here = layout.columns[position]
    best = position
    for p, col in enumerate(layout.columns):
        if (step < 0 and col < here and (best == position or col > layout.columns[best])) or (
            step > 0 and col > here and (best == position or col < layout.columns[best])
        ):
            best = p
    return best
