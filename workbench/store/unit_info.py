"""Where a TM unit came from and when: what the TM panel says about a match.

A unit learned from a confirm carries ``x-`` props (translator, confirmed time, project,
document, segment); an imported one has its origin (the file or TMX it came from) and
the time it was added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitInfo:
    """A unit's origin, who made it and its date (YYYY-MM-DD, '' if unknown)."""

    origin: str
    translator: str
    date: str
    status: str


def unit_info(con, unit_id: int) -> UnitInfo | None:
    """The origin, translator and date of unit ``unit_id`` (None: no such unit now)."""
    row = con.execute(
        "SELECT origin, created_at, props FROM units WHERE id = ?", (unit_id,)
    ).fetchone()
    if row is None:
        return None
    origin, created, props = row
    try:
        pairs = dict((str(k), str(v)) for k, v in json.loads(props)) if props else {}
    except (ValueError, TypeError):
        pairs = {}
    date = pairs.get("x-confirmed") or created or ""
    who, status = pairs.get("x-translator", ""), pairs.get("x-status", "")
    return UnitInfo(origin or "", who, date[:10], status)
