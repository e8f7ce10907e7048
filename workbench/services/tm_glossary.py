"""The TM after a glossary edit: only the units that name the changed entries, re-indexed.

A name added from the editor (Ctrl+L) changes the glossary's fingerprint, and a TM indexed
with the old one would ask for ``workbench tm reindex`` on the next open. Only the units
whose source names a changed entry can compare differently: :func:`refresh_for_entries`
finds them (a finder over those entries alone), indexes their names again through the
whole new glossary, and then takes the new fingerprint, so the TM is what a full reindex
makes, in a fraction of the time. It works in short transactions (a confirm's write is
never kept waiting long) and can be stopped between them; stopped, the fingerprint stays
the old one and the next open still says to reindex, which is then true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench.core.glossary import Glossary
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex


@dataclass(frozen=True)
class Refreshed:
    """What a refresh did: units looked at, units whose index changed, whether it finished."""

    checked: int
    changed: int
    finished: bool


def refresh_for_entries(
    tm,
    entry_ids: Iterable[str],
    stopped: Callable[[], bool] = lambda: False,
    step: int = 2000,
) -> Refreshed:
    """Index again the units of ``tm`` naming one of ``entry_ids`` (its glossary: the new one).

    On finishing, the TM takes its glossary's fingerprint (``tm.stale`` becomes False).
    """
    from workbench.store.db import transaction

    glossary = tm.glossary
    ids = set(entry_ids)
    changed_only = Glossary([e for e in glossary if e.id in ids], source="<changed>")
    spotter = NameFinder(NameIndex(changed_only))
    checked = changed = 0
    last = 0
    while True:
        if stopped():
            return Refreshed(checked, changed, False)
        rows = tm.con.execute(
            "SELECT id, src_lang, source, norm FROM units WHERE id > ? ORDER BY id LIMIT ?",
            (last, step),
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        checked += len(rows)
        hits = [r for r in rows if spotter.find(r[2], r[1], nested=False)]
        if not hits:
            continue
        with transaction(tm.con, tm.path):
            changed += sum(tm.renormalise(*r) for r in hits)
    tm.adopt_glossary()
    return Refreshed(checked, changed, True)
