"""Opening SQLite databases safely: WAL with a checked fallback, busy timeouts, migrations.

Connections run in autocommit mode; writes go through :func:`transaction`, which takes the
write lock up front (BEGIN IMMEDIATE) so two writers queue instead of failing half-way, and
retries while another process holds the lock. A lock that outlasts the retries becomes one
clear StoreError, never a raw "database is locked".

WAL lets one process read while another writes. It needs shared memory beside the
database file, which some network and container filesystems do not provide; there SQLite
refuses WAL and we fall back to a rollback journal (set ``WORKBENCH_NO_WAL=1`` to force
the fallback where WAL is accepted but unreliable, as on NFS).
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Self

from workbench.core.errors import WorkbenchError
from workbench.core.settings import current

DISK_FULL = "the disk is full"
#: How long a statement waits for another process's lock (seconds): a writer on a rollback
#: journal (WORKBENCH_NO_WAL) can hold it for seconds on a loaded machine.
BUSY_TIMEOUT_S = 30.0


class StoreError(WorkbenchError):
    """The database cannot be opened, read or written; the message says why in one line."""

    @property
    def disk_full(self) -> bool:
        """Whether the write failed because the disk (or the database's size limit) was full."""
        return DISK_FULL in str(self)


def _explain(exc: BaseException, path: Path) -> str:
    """A one-line reason for a database failure."""
    msg = str(exc)
    low = msg.lower()
    disk_full = isinstance(exc, OSError) and exc.errno == errno.ENOSPC
    if disk_full or "disk is full" in low:  # SQLite says "database or disk is full"
        return f"{path}: {DISK_FULL}; this change was not written (what was saved before is safe)"
    if "readonly" in low or "read-only" in low or isinstance(exc, PermissionError):
        return f"{path}: cannot write here (read-only file or folder)"
    if "locked" in low or "busy" in low:
        return f"{path}: another program kept the database busy too long; try again"
    if "not a database" in low or "malformed" in low:
        return f"{path}: not a workbench database, or damaged ({msg})"
    if "unable to open" in low:
        return f"{path}: cannot open the database (does the folder exist and is it writable?)"
    return f"{path}: {msg}"


class Connection(sqlite3.Connection):
    """A connection that remembers the journal mode it got ('wal' or 'delete')."""

    journal_mode = "unknown"
    read_only = False  # opened by workbench.store.readonly.connect_readonly


class Database:
    """A store over one SQLite connection ``con``: close() and ``with`` support."""

    con: Connection

    def close(self) -> None:
        """Close the database (every change is already committed)."""
        self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect(path: str | Path, *, synchronous: str = "FULL") -> Connection:
    """Open (creating) a database in WAL mode, or a rollback journal where WAL fails."""
    p = Path(path)
    try:
        con = sqlite3.connect(
            p,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
            factory=Connection,
        )  # timeout: SQLite's busy timeout for every statement
        con.execute("PRAGMA foreign_keys = ON")
        mode = "delete"
        if current().wal:  # WORKBENCH_NO_WAL=1: a rollback journal
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower()
        if mode != "wal":
            mode = con.execute("PRAGMA journal_mode = DELETE").fetchone()[0].lower()
        con.execute(f"PRAGMA synchronous = {synchronous}")
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(_explain(exc, p)) from None
    con.journal_mode = mode
    return con


@contextlib.contextmanager
def transaction(con: sqlite3.Connection, path: str | Path = "") -> Iterator[sqlite3.Connection]:
    """One atomic write: BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    Transactions nest: inside another one this is a SAVEPOINT, so an inner failure rolls
    back only the inner part (and the outer caller decides about the rest), while the
    outermost COMMIT makes everything durable at once (like sqlite-utils' ``atomic()``).
    """
    if con.in_transaction:
        yield from _savepoint(con, path)
        return
    _doomed.discard(id(con))  # a new transaction starts whole
    for attempt in range(50):
        try:
            con.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise StoreError(_explain(exc, Path(path))) from None
            time.sleep(min(0.05 * (attempt + 1), 0.5))
    else:
        raise StoreError(_explain(sqlite3.OperationalError("database is locked"), Path(path)))
    try:
        yield con
        if id(con) in _doomed:
            raise StoreError(f"{path}: {ROLLED_BACK}")
        con.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise StoreError(_explain(exc, Path(path))) from None
        raise


_savepoints = iter(range(1, 1 << 62))
ROLLED_BACK = "a failure rolled back the whole transaction; none of it was written"
#: Connections whose transaction an error inside a savepoint ended (SQLite rolled it back
#: whole): what the caller writes after it is rolled back too, and the outermost level
#: raises instead of committing.
_doomed: set[int] = set()


def _savepoint(con: sqlite3.Connection, path: str | Path) -> Iterator[sqlite3.Connection]:
    """The inner part of a nested transaction: a savepoint released or rolled back."""
    name = f"wb_{next(_savepoints)}"
    con.execute(f"SAVEPOINT {name}")
    try:
        yield con
        con.execute(f"RELEASE {name}")
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):
            if not con.in_transaction:  # a RAISE(ROLLBACK), some I/O errors: all of it went
                _doomed.add(id(con))
                con.execute("BEGIN IMMEDIATE")  # so nothing after it commits on its own
            con.execute(f"ROLLBACK TO {name}")
            con.execute(f"RELEASE {name}")
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise StoreError(_explain(exc, Path(path))) from None
        raise


def migrate(con: sqlite3.Connection, migrations: Sequence[str], path: str | Path = "") -> int:
    """Apply numbered migrations (index + 1 = version) past ``PRAGMA user_version``.

    The version is read inside each write transaction (BEGIN IMMEDIATE holds the write
    lock): two processes opening a new database at once (Ray workers sharing the MT cache)
    apply each migration once, where reading it before made the second one create a table
    that already existed.
    """

    def newer(version: int) -> StoreError:
        return StoreError(
            f"{path}: made by a newer workbench (schema {version}); upgrade workbench"
        )

    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > len(migrations):
        raise newer(version)
    while version < len(migrations):  # up to date: no write, no lock (read-only opens)
        with transaction(con, path):
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version > len(migrations):
                raise newer(version)
            if version == len(migrations):
                break  # another process migrated it meanwhile
            for statement in _statements(migrations[version]):
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {version + 1}")
            version += 1
    return len(migrations)


def _statements(sql: str) -> list[str]:
    """Split a migration script into complete statements.

    Split where SQLite says a statement is complete (``sqlite3.complete_statement``), so a
    semicolon inside a string literal, a comment or a trigger body does not cut it.
    """
    out: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                out.append(pending.strip())
            pending = ""
    if pending:  # what is left is never blank: a blank piece is complete
        closed = pending + "\n;"  # a last line comment (``-- ...``) ends with the script
        if not sqlite3.complete_statement(closed):
            raise ValueError(f"incomplete SQL statement in a migration: {pending.strip()[:60]!r}")
        out.append(closed.strip())
    return out


def integrity_ok(con: sqlite3.Connection) -> bool:
    """True when ``PRAGMA integrity_check`` reports ok."""
    return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
