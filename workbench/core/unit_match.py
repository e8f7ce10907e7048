"""Matching the units of a file from another tool to a project's segments.

A file made by another tool (translate-toolkit's ``po2xliff``, a CAT tool that renumbers
units) keeps the texts but not the segment ids. Each unit whose id the project does not
know is matched, in this order:

1. by the **location** the unit names, when that is a segment id (our 1.2 exports write it;
   it survives ``xliff2po`` and ``po2xliff`` as ``#: al-qaem:p3:s2``);
2. by its **source text** (whitespace collapsed), among the segments no other unit took:
   where several segments have that text, the one whose neighbours (the previous and next
   source text) are the unit's neighbours in the file wins, else the first in document
   order.

Nothing here reads files or the store: the caller passes ids and texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Matched:
    """One file unit matched to a project segment."""

    file_id: str
    id: str  # the project's segment id
    by: str  # "location" | "source" | "source+context"


def _norm(text: str) -> str:
    return " ".join(text.split())


def match_units(
    units: Sequence[tuple[str, str]],
    segments: Sequence[tuple[str, str]],
    locations: Mapping[str, str] | None = None,
) -> dict[str, Matched]:
    """Match file units ``(id, source)`` to project segments ``(id, source)``.

    Units whose id is a project id are not matched again (the caller takes them as they
    are); the result maps each other unit's file id to its segment, where one was found.
    """
    known = {sid for sid, _ in segments}
    where = locations or {}
    taken = {uid for uid, _ in units if uid in known}
    out: dict[str, Matched] = {}
    pending: list[int] = []
    for i, (uid, _source) in enumerate(units):
        if uid in known:
            continue
        loc = where.get(uid, "")
        if loc in known and loc not in taken:
            taken.add(loc)
            out[uid] = Matched(uid, loc, "location")
        else:
            pending.append(i)
    if not pending:
        return out
    by_text: dict[str, list[int]] = {}
    for j, (_sid, source) in enumerate(segments):
        by_text.setdefault(_norm(source), []).append(j)

    def around(seq: Sequence[tuple[str, str]], k: int) -> tuple[str, str]:
        prev = _norm(seq[k - 1][1]) if k > 0 else ""
        nxt = _norm(seq[k + 1][1]) if k + 1 < len(seq) else ""
        return prev, nxt

    for i in pending:
        uid, source = units[i]
        free = [j for j in by_text.get(_norm(source), []) if segments[j][0] not in taken]
        if not free:
            continue
        pick, by = free[0], "source"
        if len(free) > 1:
            context = around(units, i)
            same = [j for j in free if around(segments, j) == context]
            if not same:  # one neighbour in common is better than none
                same = [
                    j
                    for j in free
                    if context[0] == around(segments, j)[0] or context[1] == around(segments, j)[1]
                ]
            if same:
                pick, by = same[0], "source+context"
        sid = segments[pick][0]
        taken.add(sid)
        out[uid] = Matched(uid, sid, by)
    return out
