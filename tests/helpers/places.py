"""Small glossaries of places for the name tests: (id, English name[, Arabic form]) rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from workbench.core.glossary import Entry, Glossary
from workbench.core.names.name_index import NameIndex


def place_glossary(rows: Iterable[Sequence[str]], with_arabic: bool = True) -> Glossary:
    """A glossary with one place per row; its Arabic form (third field) unless left out."""
    return Glossary(
        [
            Entry(
                id=row[0],
                type="place",
                en=row[1],
                ar=row[2] if with_arabic and len(row) > 2 else "",
            )
            for row in rows
        ]
    )


def place_index(rows: Iterable[Sequence[str]], with_arabic: bool = True) -> NameIndex:
    """:func:`place_glossary`, indexed."""
    return NameIndex(place_glossary(rows, with_arabic))
