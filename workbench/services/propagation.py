"""Repetitions propagate: a confirmed target is copied to the project's other repetitions.

When a segment is confirmed, every other segment of the project whose source is a
repetition of it (:mod:`workbench.core.repetitions`: whitespace and case aside, names
through the glossary) and whose target is empty or a machine, memory or propagated draft
(never a confirmed target, nor a draft a translator typed) gets the same text as a draft of
origin ``propagated``: match 101 where the neighbours agree too, else 100, and the
segment it came from as its ``tm_origin``. All of them are written in one transaction,
each a compare-and-set, and their history rows come back so the caller can undo them
together with the confirm.
"""

from __future__ import annotations

from workbench.core.repetitions import RepetitionIndex
from workbench.store.learned import CONFIRMED, state, write_drafts
from workbench.store.project import Project, Provenance


def propagate(
    project: Project, index: RepetitionIndex, segment_id: int, lang: str, key: str
) -> list[tuple[int, int]]:
    """Copy segment ``segment_id``'s confirmed target in ``lang`` to its repetitions.

    ``key`` is the confirmed segment's id (``doc:pP:sS``), recorded in each copy. Returns
    (segment id, history row id) of each draft written.
    """
    source = state(project, segment_id, lang)
    if source.status not in CONFIRMED or not source.target.strip():
        return []
    drafts = []
    for other in index.others(segment_id):
        now = state(project, other, lang)
        if now.status in CONFIRMED:
            continue  # a confirmed target is the translator's: never replaced
        if now.origin == "human" and now.target.strip():
            continue  # nor is a draft a translator typed: only empty, MT and TM drafts take it
        score = 101.0 if index.in_context(segment_id, other) else 100.0
        if (now.target, now.origin, now.match) == (source.target, "propagated", score):
            continue  # already holds it
        prov = Provenance("propagated", match=score, tm_origin=key)
        drafts.append((other, (now.target, now.status), source.target, prov))
    return write_drafts(project, lang, drafts) if drafts else []
