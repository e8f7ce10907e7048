"""A translation's whole state and its edit history: what undo and redo restore.

Every write of a translation records one history row holding the state before and after
it: the text and status, and (since schema 3) the provenance, the machine draft and the
note as JSON. Undo puts the *before* state back, redo the *after* state, all together, so
an undone MT draft leaves no machine origin, engine or draft behind. Rows written before
schema 3 have no JSON and restore only text and status, as they always did.

history.undone: 0 live, 1 undone (redo brings it back), 2 undone and then superseded by a
new edit of the same segment (no redo any more).

Undoing or redoing one row is a compare-and-set: it applies only while the segment still
holds what that row left there (for undo) or found there (for redo), checked in the same
transaction, so a step never overwrites work that came later from elsewhere.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Literal

#: What an undo or redo of one history row did: applied; nothing to do (the row is no
#: longer live, or no longer undone); or refused, because the segment changed since.
Outcome = Literal["done", "none", "changed"]

_PROV = ("origin", "engine", "model", "checksum", "match", "tm_origin", "machine_draft", "note")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class State:
    """Everything stored for one segment in one language."""

    target: str = ""
    status: str = "new"
    origin: str = "none"
    engine: str | None = None
    model: str | None = None
    checksum: str | None = None
    match: float | None = None
    tm_origin: str | None = None
    machine_draft: str | None = None
    note: str = ""

    def provenance_json(self) -> str:
        """The state less text and status, as stored in history.state_before/state_after."""
        d = asdict(self)
        return json.dumps({k: d[k] for k in _PROV}, ensure_ascii=False)

    def but(self, **changes: object) -> State:
        """A copy with ``changes``."""
        return replace(self, **changes)


def read_state(con: sqlite3.Connection, segment_id: int, lang: str) -> State:
    """The stored state of a segment's translation (a new, empty one when there is none)."""
    got = con.execute(
        "SELECT target, status, origin, engine, model, checksum, match, tm_origin, "
        "machine_draft, note FROM translations WHERE segment_id = ? AND lang = ?",
        (segment_id, lang),
    ).fetchone()
    return State(*got) if got else State()


def write_state(con: sqlite3.Connection, segment_id: int, lang: str, s: State) -> None:
    """Store ``s`` as the segment's translation (inside the caller's transaction)."""
    con.execute(
        "INSERT INTO translations (segment_id, lang, target, status, origin, engine, "
        "model, checksum, match, tm_origin, machine_draft, note, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (segment_id, lang) DO UPDATE SET target = excluded.target, "
        "status = excluded.status, origin = excluded.origin, engine = excluded.engine, "
        "model = excluded.model, checksum = excluded.checksum, match = excluded.match, "
        "tm_origin = excluded.tm_origin, machine_draft = excluded.machine_draft, "
        "note = excluded.note, updated_at = excluded.updated_at",
        (
            segment_id,
            lang,
            s.target,
            s.status,
            s.origin,
            s.engine,
            s.model,
            s.checksum,
            s.match,
            s.tm_origin,
            s.machine_draft,
            s.note,
            _now(),
        ),
    )


def record(con: sqlite3.Connection, segment_id: int, lang: str, before: State, after: State) -> int:
    """One history row (inside the caller's transaction); it ends the redo chain. Its id."""
    con.execute(  # undone edits can no longer be redone after a new one
        "UPDATE history SET undone = 2 WHERE segment_id = ? AND lang = ? AND undone = 1",
        (segment_id, lang),
    )
    cur = con.execute(
        "INSERT INTO history (segment_id, lang, at, before, after, status_before, "
        "status_after, origin, state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            segment_id,
            lang,
            _now(),
            before.target,
            after.target,
            before.status,
            after.status,
            after.origin,
            before.provenance_json(),
            after.provenance_json(),
        ),
    )
    return int(cur.lastrowid)


def step_target(con: sqlite3.Connection, segment_id: int, lang: str, undo: bool) -> int | None:
    """The history row a segment's own undo (newest live) or redo (oldest undone) takes."""
    flag, order = (0, "DESC") if undo else (1, "ASC")
    got = con.execute(
        f"SELECT id FROM history WHERE segment_id = ? AND lang = ? AND undone = ? "
        f"ORDER BY id {order} LIMIT 1",
        (segment_id, lang, flag),
    ).fetchone()
    return got[0] if got else None


def replay(con: sqlite3.Connection, hid: int, undo: bool) -> tuple[Outcome, int, str]:
    """Undo (or redo) history row ``hid`` inside the caller's transaction.

    Returns (outcome, segment id, language). It applies only when the row is the next step
    of its segment's chain and the segment still holds what the row says it held.
    """
    got = con.execute(
        "SELECT segment_id, lang, before, after, status_before, status_after, "
        "state_before, state_after, undone FROM history WHERE id = ?",
        (hid,),
    ).fetchone()
    if got is None:
        return "none", 0, ""
    sid, lang, before, after, st_before, st_after, js_before, js_after, undone = got
    if undone != (0 if undo else 1):
        return "none", sid, lang
    if step_target(con, sid, lang, undo) != hid:
        return "changed", sid, lang  # a later edit of the segment comes first
    now = read_state(con, sid, lang)
    expect, (text, status, js) = (
        ((after, st_after), (before, st_before, js_before))
        if undo
        else ((before, st_before), (after, st_after, js_after))
    )
    if (now.target, now.status) != expect:
        return "changed", sid, lang  # written meanwhile without a history row of ours
    if js is None:  # a row from before schema 3: text and status only
        con.execute(
            "UPDATE translations SET target = ?, status = ?, updated_at = ? "
            "WHERE segment_id = ? AND lang = ?",
            (text, status, _now(), sid, lang),
        )
    else:
        write_state(con, sid, lang, State(text, status, **json.loads(js)))
    con.execute("UPDATE history SET undone = ? WHERE id = ?", (1 if undo else 0, hid))
    return "done", sid, lang
