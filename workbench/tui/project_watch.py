"""Noticing other writers: another translator's app, an import, ``translate --project``.

A worker thread of the app holds its own read connection to the project and polls
``PRAGMA data_version`` (it changes when any other connection commits, the app's own
included). When it moved, the thread reads the shown languages' targets and statuses and
hands the app the (segment, language) pairs that differ from its last look; the app
re-reads those from its own connection and redraws them. Nothing of this runs on the UI
thread but the redraw.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

#: Seconds between looks at ``PRAGMA data_version``.
POLL = 0.25

_SNAPSHOT = (
    "SELECT segment_id, lang, target, status, origin, match FROM translations "
    "WHERE lang IN ({marks})"
)


def snapshot(con: sqlite3.Connection, langs: list[str]) -> dict[tuple[int, str], tuple]:
    """(segment id, language) -> (target, status, origin, match) for ``langs``."""
    sql = _SNAPSHOT.format(marks=",".join("?" * len(langs)))
    return {(r[0], r[1]): r[2:] for r in con.execute(sql, langs)}


def watch(
    db: Path,
    langs: list[str],
    changed: Callable[[list[tuple[int, str]]], None],
    cancelled: Callable[[], bool],
    poll: float = POLL,
) -> None:
    """Poll the project ``db`` until ``cancelled()``; report changed (segment, language)."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return  # no watching (the app works on; a read-only mount has no other writers)
    try:
        version = con.execute("PRAGMA data_version").fetchone()[0]
        seen = snapshot(con, langs)
        while not cancelled():
            time.sleep(poll)
            try:
                now = con.execute("PRAGMA data_version").fetchone()[0]
                if now == version:
                    continue
                version = now
                fresh = snapshot(con, langs)
            except sqlite3.Error:
                continue  # busy a moment (a migration, a checkpoint): the next look
            diff = [k for k, v in fresh.items() if seen.get(k) != v]
            diff += [k for k in seen if k not in fresh]
            seen = fresh
            if diff and not cancelled():
                changed(diff)
    finally:
        con.close()
