"""Every machine translation, cached in SQLite by model, languages, options and source.

Translating an article a second time, or resuming a killed run, costs a lookup per
segment. The cache lives under the workbench home (``mt-cache.sqlite``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from workbench.store.db import Database, connect, migrate, transaction
from workbench.store.project import now

_MIGRATIONS = [
    """
    CREATE TABLE translations (
        key TEXT PRIMARY KEY,
        model TEXT NOT NULL, checksum TEXT NOT NULL, src TEXT NOT NULL, tgt TEXT NOT NULL,
        options TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, created_at TEXT NOT NULL
    ) WITHOUT ROWID
    """,
]


def cache_key(checksum: str, src: str, tgt: str, options: str, text: str) -> str:
    """The cache key of one translation."""
    return hashlib.sha256("\x1f".join((checksum, src, tgt, options, text)).encode()).hexdigest()


class MTCache(Database):
    """An open translation cache."""

    def __init__(self, path: str | Path) -> None:
        """Open (creating) the cache database."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = connect(self.path, synchronous="NORMAL")
        migrate(self.con, _MIGRATIONS, self.path)

    def get_many(self, keys: list[str]) -> dict[str, str]:
        """Cached targets of the keys that are present."""
        out: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.con.execute(
                    f"SELECT key, target FROM translations WHERE key IN ({marks})", chunk
                )
            )
        return out

    def put_many(self, rows: list[tuple[str, str, str, str, str, str, str, str]]) -> None:
        """Store (key, model, checksum, src, tgt, options, source, target) rows."""
        stamp = now()
        with transaction(self.con, self.path):
            self.con.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*r, stamp) for r in rows],
            )
