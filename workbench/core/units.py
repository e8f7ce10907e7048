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
