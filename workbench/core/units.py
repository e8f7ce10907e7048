"""Translation units: the data a translation memory stores and TMX exchanges."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """One translation unit: a source segment, its translation, and its context."""

    source: str
    target: str
    src_lang: str
    tgt_lang: str
    prev: str = ""
    next: str = ""
    origin: str = ""
    note: str = ""  # notes, one per line (TMX: one <note> each)
    props: tuple[tuple[str, str], ...] = ()  # other (type, value) properties, in order


@dataclass(frozen=True)
class ExchangeSegment:
    """A project segment as XLIFF exchanges it: key, texts, status and a note.

    Not :class:`workbench.core.document.Segment`, which is a sentence of a document
    with its offsets; this is a segment with its translation in one language.
    """

    id: str  # the stable segment key, e.g. al-qaem:p3:s2
    source: str
    target: str = ""
    status: str = "new"  # new | draft | translated | reviewed | final
    note: str = ""
    doc: str = ""
