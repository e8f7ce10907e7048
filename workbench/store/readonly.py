"""Opening a database only to read it: archives on read-only mounts, chmod-444 files.

Commands that only read (``project status``, ``export``, ``tm lookup``...) open the
database so that they write nothing and leave nothing behind:

* where the file and its folder are writable: an ordinary connection with
  ``PRAGMA query_only`` (no journal-mode change, no migration), so SQLite removes the
  ``-wal``/``-shm`` files it made when the connection closes;
* where they are not and a writer's ``-wal`` file is there: ``mode=ro``, reading the
  writer's latest commits through it;
* where they are not and there is no ``-wal`` (a read-only mount, a chmod-444 file):
  ``immutable=1``, which creates no ``-wal``/``-shm`` files at all. A ``mode=ro``
  connection would create them with the database's own permissions there, and 0444
  ``-wal``/``-shm`` files would later block every write to the database.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from workbench.store.db import BUSY_TIMEOUT_S, Connection, StoreError, _explain


def connect_readonly(path: str | Path) -> Connection:
    """Open an existing database for reading only (see the module docstring)."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"{p}: no such database")
    writable = os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)
    wal = p.with_name(p.name + "-wal").exists()
    attempts = ["query_only"] if writable else (["ro", "immutable"] if wal else ["immutable"])
    error: BaseException | None = None
    for how in attempts:
        try:
            con = _open(p, how)
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            mode = _journal_mode(p) or con.execute("PRAGMA journal_mode").fetchone()[0].lower()
        except (sqlite3.Error, OSError) as exc:
            error = exc
            continue
        con.journal_mode = mode
        con.read_only = True
        return con
    raise StoreError(_explain(error, p)) from None


def _journal_mode(p: Path) -> str:
    """'wal' or 'delete' from the database header (immutable reads report 'delete')."""
    try:
        with p.open("rb") as f:
            header = f.read(20)
    except OSError:
        return ""
    if len(header) < 20 or not header.startswith(b"SQLite format 3\x00"):
        return ""
    return "wal" if header[18] == 2 else "delete"


def _open(p: Path, how: str) -> Connection:
    if how == "query_only":
        con = sqlite3.connect(
            p,
            timeout=BUSY_TIMEOUT_S,  # SQLite's busy timeout for every statement
            isolation_level=None,
            check_same_thread=False,
            factory=Connection,
        )
        con.execute("PRAGMA query_only = ON")
    else:
        flags = "mode=ro" + ("&immutable=1" if how == "immutable" else "")
        uri = "file:" + quote(str(p.resolve())) + "?" + flags
        con = sqlite3.connect(
            uri,
            uri=True,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
            factory=Connection,
        )
    return con


def schema_current(con: Connection, migrations: Sequence[str], path: str | Path) -> bool:
    """Whether a read-only connection sees this workbench's schema.

    False for an older schema in a writable place: the caller opens it writable instead,
    which migrates it (as any open did before). Where it cannot be written, an older or
    newer schema is a one-line StoreError.
    """
    p = Path(path)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > len(migrations):
        raise StoreError(f"{p}: made by a newer workbench (schema {version}); upgrade workbench")
    if version == len(migrations):
        return True
    if os.access(p, os.W_OK) and os.access(p.parent, os.W_OK):
        return False
    raise StoreError(
        f"{p}: made by an older workbench (schema {version}) and read-only here; open it "
        "once where it can be written to upgrade it"
    )
