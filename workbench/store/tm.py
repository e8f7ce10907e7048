"""The translation memory: units in SQLite, a word index, exact/context/fuzzy/variant matches.

Each unit keeps the notes and props it came with (from TMX), and gives them back on export.

Lookup: candidates come from an FTS5 word index over the name-normalised sources (the
units sharing the most of the new segment's rarest words, :mod:`.tm_candidates`), then
every candidate is rescored with the character-level formula of
:mod:`workbench.core.tm_match`. With a glossary, names are compared through it, and the
leveraged translation carries the glossary's target form of each name (the one in the new
segment where the names differ); an exact or context match whose translation was changed
so scores 99 ("leveraged"), never 100 or 101. ``version()`` tells a caller that caches
lookups when the TM changed.

The user's TM is ``$WORKBENCH_TM``, else ``tm.sqlite`` in the workbench home
(:mod:`workbench.core.settings`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.glossary import Glossary
from workbench.core.languages import get_language
from workbench.core.names.name_finder import NameFinder, NameHit
from workbench.core.names.name_index import NameIndex
from workbench.core.settings import current
from workbench.core.tm_match import (
    NamedText,
    index_words,
    name_norm,
    plain_norm,
    query_words,
    similarity,
)
from workbench.core.units import Unit
from workbench.store.db import Connection, Database, StoreError, connect, migrate, transaction
from workbench.store.project import now
from workbench.store.schema import TM_MIGRATIONS
from workbench.store.tm_candidates import CANDIDATES, candidate_rows


def default_tm_path() -> Path:
    """The user's TM file: ``$WORKBENCH_TM``, else ``tm.sqlite`` in the workbench home."""
    return current().user_tm


#: The score of an exact or context match whose translation had names substituted: only
#: the stored translation, word for word, is a 100 (or 101).
LEVERAGED = 99.0


@dataclass
class Match:
    """A TM match: the unit, the leveraged target, and its scores."""

    source: str
    target: str  # leveraged: names in the glossary's target form
    score: float  # 101 context, 100 exact, 99 leveraged, else the (variant-aware) fuzzy score
    plain: float  # plain fuzzy score, names compared as letters
    kind: str  # context | exact | leveraged (same source, names substituted) | fuzzy
    origin: str
    unit_id: int
    stored_target: str
    substitutions: list[tuple[str, str]] = field(default_factory=list)  # (before, after)

    def as_json(self) -> dict[str, object]:
        """The JSON object of ``tm lookup --json``."""
        return {
            "source": self.source,
            "target": self.target,
            "score": round(self.score, 1),
            "origin": self.origin,
            "plain": round(self.plain, 1),
            "kind": self.kind,
            "stored_target": self.stored_target,
            "substitutions": [list(s) for s in self.substitutions],
        }


class TranslationMemory(Database):
    """An open TM database; optionally name-aware through a glossary."""

    def __init__(
        self, path: str | Path, glossary: Glossary | None = None, readonly: bool = False
    ) -> None:
        """Open (creating) the TM at ``path``; the folder is created if needed.

        ``readonly``: an existing TM is opened to read only (a read-only mount, a chmod-444
        file), writing nothing; a missing one is created as usual.
        """
        self.path = Path(path)
        con: Connection | None = None
        if readonly and self.path.is_file():
            from workbench.store.readonly import connect_readonly, schema_current

            con = connect_readonly(self.path)
            if not schema_current(con, TM_MIGRATIONS, self.path):
                con.close()  # an older schema, writable: opened as usual (migrated)
                con = None
        if con is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path.parent}: cannot create ({exc.strerror})") from None
            con = connect(self.path, synchronous="NORMAL")
            migrate(con, TM_MIGRATIONS, self.path)
        self.con: Connection = con
        self.glossary = glossary
        self.finder = NameFinder(NameIndex(glossary)) if glossary is not None else None
        self._codes = dict(self.con.execute("SELECT entry_id, code FROM names"))
        self.stale = self._check_glossary()

    def names_reindexed(self) -> None:
        """Take the name codes another connection wrote: the TM is no longer stale.

        For a background re-index of the units naming a changed entry, once it finished.
        """
        self._codes = dict(self.con.execute("SELECT entry_id, code FROM names"))
        self.stale = False

    def _check_glossary(self) -> bool:
        """Whether the names were indexed with another glossary (then: ``reindex``).

        An empty TM takes the current glossary's fingerprint at once.
        """
        if self.glossary is None:
            return False
        row = self.con.execute("SELECT value FROM meta WHERE key = 'glossary'").fetchone()
        if row and row[0] == self.glossary.fingerprint():
            return False
        if self.count_estimate() == 0:
            if not self.con.read_only:
                with transaction(self.con, self.path):
                    self._set_fingerprint()
            return False
        return True

    def _set_fingerprint(self) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('glossary', ?)",
            (self.glossary.fingerprint(),),
        )

    # --- names -------------------------------------------------------------------------

    def _code(self, entry_id: str) -> int:
        """The TM's number for a glossary entry (assigned on first use, inside a write)."""
        code = self._codes.get(entry_id)
        if code is None:
            code = self.con.execute(
                "INSERT INTO names (entry_id) VALUES (?)", (entry_id,)
            ).lastrowid
            self._codes[entry_id] = code
        return code

    def _query_code(self, entry_id: str) -> int:
        """Like _code, but never writes: an entry unknown to this TM gets a fresh number."""
        return self._codes.get(entry_id, 10_000 + hash(entry_id) % 5000)

    # --- writing -----------------------------------------------------------------------

    def add(
        self,
        units: Iterable[Unit],
        batch: int = 2000,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[int, int]:
        """Store units; return (added, already present). Identical units are kept once.

        Each batch is one transaction. When one fails (a full disk), the error says how
        many units the batches before it committed, and how many were not written.
        """
        added = skipped = done = 0
        total = len(units) if isinstance(units, Sized) else None
        buf: list[Unit] = []
        try:
            for u in units:
                buf.append(u)
                if len(buf) >= batch:
                    a, s = self._add_batch(buf)
                    added, skipped, done, n, buf = (
                        added + a,
                        skipped + s,
                        done + len(buf),
                        len(buf),
                        [],
                    )
                    if progress:
                        progress(n)
            if buf:
                a, s = self._add_batch(buf)
                added, skipped, done = added + a, skipped + s, done + len(buf)
                if progress:
                    progress(len(buf))
        except StoreError as exc:
            if not done:
                raise  # nothing was committed: the error says so
            raise StoreError(_partial(exc, self.path, added, skipped, done, total)) from None
        return added, skipped

    def _add_batch(self, units: list[Unit]) -> tuple[int, int]:
        added = skipped = 0
        stamp = now()
        df: Counter[str] = Counter()
        with transaction(self.con, self.path):
            for u in units:
                src = get_language(u.src_lang).tag
                tgt = get_language(u.tgt_lang).tag
                if not u.source.strip() or not u.target.strip():
                    skipped += 1
                    continue
                norm = name_norm(u.source, src, self.finder, self._code).norm
                props = json.dumps([list(p) for p in u.props], ensure_ascii=False)
                props = props if u.props else ""
                key = (src, tgt, u.source, u.target, u.prev, u.next)
                cur = self.con.execute(
                    "INSERT OR IGNORE INTO units (src_lang, tgt_lang, source, target, prev, "
                    "next, norm, origin, created_at, note, props) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*key[:6], norm, u.origin, stamp, u.note, props),
                )
                if cur.rowcount == 0:
                    skipped += 1
                    if u.note or props:  # the unit again, now with notes or props: keep them
                        self.con.execute(
                            "UPDATE units SET note = CASE note WHEN '' THEN ? ELSE note END, "
                            "props = CASE props WHEN '' THEN ? ELSE props END "
                            "WHERE src_lang = ? AND tgt_lang = ? AND source = ? AND target = ? "
                            "AND prev = ? AND next = ?",
                            (u.note, props, *key),
                        )
                    continue
                self.con.execute(
                    "INSERT INTO units_fts (rowid, words) VALUES (?, ?)",
                    (cur.lastrowid, index_words(norm)),
                )
                df.update(query_words(norm))
                added += 1
            self.con.executemany(
                "INSERT INTO terms (term, df) VALUES (?, ?) "
                "ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                df.items(),
            )
        return added, skipped

    def learn(self, unit: Unit, key: str) -> int | None:
        """Store ``unit`` as what the TM learned from ``key`` (a confirmed segment).

        Whatever was learned from ``key`` before is replaced, in one transaction; an
        identical unit already there (imported, or learned from another segment) is kept
        and not added twice. Returns the new unit's id, or None when it was there already.
        """
        src = get_language(unit.src_lang).tag
        tgt = get_language(unit.tgt_lang).tag
        if not unit.source.strip() or not unit.target.strip():
            self.forget(key)
            return None
        with transaction(self.con, self.path):
            self._forget(key)
            norm = name_norm(unit.source, src, self.finder, self._code).norm
            props = json.dumps([list(p) for p in unit.props], ensure_ascii=False)
            cur = self.con.execute(
                "INSERT OR IGNORE INTO units (src_lang, tgt_lang, source, target, prev, next, "
                "norm, origin, created_at, note, props, learned_from) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    src,
                    tgt,
                    unit.source,
                    unit.target,
                    unit.prev,
                    unit.next,
                    norm,
                    unit.origin,
                    now(),
                    unit.note,
                    props if unit.props else "",
                    key,
                ),
            )
            if cur.rowcount == 0:
                return None
            self._index_unit(cur.lastrowid, norm)
            return cur.lastrowid

    def forget(self, key: str) -> int:
        """Take out what the TM learned from ``key``; the number of units removed."""
        with transaction(self.con, self.path):
            return self._forget(key)

    def _forget(self, key: str) -> int:
        rows = self.con.execute(
            "SELECT id, norm FROM units WHERE learned_from = ?", (key,)
        ).fetchall()
        for uid, norm in rows:
            self._unindex_unit(uid, norm)
            self.con.execute("DELETE FROM units WHERE id = ?", (uid,))
        return len(rows)

    def _index_unit(self, uid: int, norm: str) -> None:
        """Put unit ``uid`` (normalised source ``norm``) in the word index and its counts."""
        self.con.execute(
            "INSERT INTO units_fts (rowid, words) VALUES (?, ?)", (uid, index_words(norm))
        )
        self.con.executemany(
            "INSERT INTO terms (term, df) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET df = df + 1",
            [(w,) for w in set(query_words(norm))],
        )

    def _unindex_unit(self, uid: int, norm: str) -> None:
        """Take unit ``uid`` (indexed as ``norm``) out of the word index and its counts."""
        self.con.execute(
            "INSERT INTO units_fts (units_fts, rowid, words) VALUES ('delete', ?, ?)",
            (uid, index_words(norm)),
        )
        self.con.executemany(
            "UPDATE terms SET df = max(df - 1, 0) WHERE term = ?",
            [(w,) for w in set(query_words(norm))],
        )

    def renormalise(self, uid: int, src: str, source: str, old: str) -> bool:
        """Index unit ``uid`` again through the glossary as it is now; whether it changed.

        ``src`` and ``source`` are the unit's, ``old`` its stored normalised source. Call it
        inside a transaction; the fingerprint is the caller's to take (:meth:`adopt_glossary`).
        """
        norm = name_norm(source, src, self.finder, self._code).norm
        if norm == old:
            return False
        self._unindex_unit(uid, old)
        self.con.execute("UPDATE units SET norm = ? WHERE id = ?", (norm, uid))
        self._index_unit(uid, norm)
        return True

    def adopt_glossary(self) -> None:
        """Take the glossary's fingerprint (every unit is indexed through it): not stale."""
        with transaction(self.con, self.path):
            self._set_fingerprint()
        self.stale = False

    def learned(self, key: str) -> list[Unit]:
        """The units learned from ``key`` (none, or one)."""
        rows = self.con.execute(
            "SELECT source, target, src_lang, tgt_lang, prev, next, origin, note, props "
            "FROM units WHERE learned_from = ?",
            (key,),
        ).fetchall()
        return [
            Unit(*r[:8], props=tuple((str(k), str(v)) for k, v in json.loads(r[8])) if r[8] else ())
            for r in rows
        ]

    def reindex(self, progress: Callable[[int], None] | None = None, step: int = 5000) -> int:
        """Compare names through the current glossary again; return the number of units.

        Every unit's name codes, the word index and its frequencies are rebuilt in one
        transaction, so a crash leaves the old index whole.
        """
        if self.glossary is None:
            raise InputError("reindexing needs a glossary")
        df: Counter[str] = Counter()
        n = 0
        with transaction(self.con, self.path):
            self.con.execute("INSERT INTO units_fts (units_fts) VALUES ('delete-all')")
            self.con.execute("DELETE FROM terms")
            last = 0
            while True:
                rows = self.con.execute(
                    "SELECT id, src_lang, source FROM units WHERE id > ? ORDER BY id LIMIT ?",
                    (last, step),
                ).fetchall()
                if not rows:
                    break
                for uid, src, source in rows:
                    norm = name_norm(source, src, self.finder, self._code).norm
                    self.con.execute("UPDATE units SET norm = ? WHERE id = ?", (norm, uid))
                    self.con.execute(
                        "INSERT INTO units_fts (rowid, words) VALUES (?, ?)",
                        (uid, index_words(norm)),
                    )
                    df.update(query_words(norm))
                n += len(rows)
                last = rows[-1][0]
                if progress:
                    progress(len(rows))
            self.con.executemany("INSERT INTO terms (term, df) VALUES (?, ?)", df.items())
            self._set_fingerprint()
        self.stale = False
        return n

    # --- reading -----------------------------------------------------------------------

    def version(self) -> tuple[int, int]:
        """A value that changes whenever the TM does: lookups made before are then stale.

        ``PRAGMA data_version`` moves when another connection (``tm add-texts`` in another
        process, the MT worker's own connection) commits; this connection's own writes are
        counted by ``total_changes``.
        """
        return self.con.execute("PRAGMA data_version").fetchone()[0], self.con.total_changes

    def count(self) -> int:
        """Number of units."""
        return self.con.execute("SELECT count(*) FROM units").fetchone()[0]

    def count_estimate(self) -> int:
        """The largest unit id: a cheap upper bound of the number of units."""
        return self.con.execute("SELECT COALESCE(MAX(id), 0) FROM units").fetchone()[0]

    def units(self, src: str | None = None, tgt: str | None = None) -> Iterator[Unit]:
        """Every unit (of one language pair), in insertion order."""
        sql = (
            "SELECT source, target, src_lang, tgt_lang, prev, next, origin, note, props FROM units"
        )
        args: list[str] = []
        if src and tgt:
            sql += " WHERE src_lang = ? AND tgt_lang = ?"
            args = [src, tgt]
        for row in self.con.execute(sql + " ORDER BY id", args):
            props = tuple((str(k), str(v)) for k, v in json.loads(row[8])) if row[8] else ()
            yield Unit(*row[:8], props=props)

    def lookup(
        self,
        text: str,
        src: str,
        tgt: str,
        *,
        prev: str = "",
        following: str = "",
        limit: int = 5,
        threshold: float = 70.0,
        candidates: int = CANDIDATES,
    ) -> list[Match]:
        """The best matches for a source segment, best first (score >= threshold).

        ``prev`` and ``following`` are the sentences around it: an exact match whose
        unit has the same neighbours scores 101 (a context match).
        """
        src = get_language(src).tag
        tgt = get_language(tgt).tag
        if not text.strip():
            raise InputError("nothing to look up: the text is empty")
        query = name_norm(text, src, self.finder, self._query_code)
        plain_q = plain_norm(text)
        rows = self._candidates(text, query, src, tgt, candidates)
        matches = []
        for uid, source, target, uprev, unext, norm, origin in rows:
            plain = similarity(plain_q, plain_norm(source))
            variant = similarity(query.norm, norm) if self.finder else plain
            score = min(max(plain, variant), 99.0)  # 100 only for the same text
            kind = "fuzzy"
            if " ".join(source.split()) == " ".join(text.split()):
                score, kind = 100.0, "exact"
                if (prev or following) and uprev == prev and unext == following:
                    score, kind = 101.0, "context"
            if score < threshold:
                continue
            matches.append(Match(source, target, score, plain, kind, origin, uid, target))
        matches.sort(key=lambda m: (-m.score, -m.plain, m.unit_id))
        matches = matches[:limit]
        for m in matches:  # only the matches shown are leveraged
            m.target, m.substitutions = self._leverage(query, m.source, m.stored_target, src, tgt)
            if m.substitutions and m.score > LEVERAGED:
                # the same source, but not the stored translation: not a 100 (or 101)
                m.score, m.kind = LEVERAGED, "leveraged"
        matches = [m for m in matches if m.score >= threshold]
        matches.sort(key=lambda m: (-m.score, -m.plain, m.unit_id))
        return matches

    def _candidates(self, text: str, query: NamedText, src: str, tgt: str, n: int) -> list:
        """The units sharing the query's rarest words (:mod:`.tm_candidates`), plus exact ones."""
        cols = "u.id, u.source, u.target, u.prev, u.next, u.norm, u.origin"
        return candidate_rows(
            self.con, cols, text, query.norm, src, [tgt], self.count_estimate(), n
        )

    def _leverage(
        self, query: NamedText, source: str, target: str, src: str, tgt: str
    ) -> tuple[str, list[tuple[str, str]]]:
        """The unit's target with each name in the glossary's target form.

        Names are paired in order: the n-th name of the unit's source with the n-th name
        of the new segment; the unit's target names are found by entry. A target name is
        rewritten only where it must be: the new segment has another name there (its
        preferred form goes in), or the target spells the same name in a deprecated form
        (house style: the preferred form replaces it). A preferred or admitted form of the
        same entry, or a spelling the glossary does not list (unless it was found as a
        deprecated one), is the translator's choice and stays as it is.
        """
        if self.finder is None or not query.hits:
            return target, []
        unit_hits = self.finder.find(source, src, nested=False)
        target_hits = self.finder.find(target, tgt, nested=False)
        wanted: dict[str, str] = {}  # unit entry id -> entry id the new segment has there
        for uh, qh in zip(unit_hits, query.hits, strict=False):
            wanted.setdefault(uh.entry.id, qh.entry.id)
        by_id = {h.entry.id: h.entry for h in query.hits}
        subs: list[tuple[str, str]] = []
        out, pos = [], 0
        for th in target_hits:
            new_id = wanted.get(th.entry.id)
            if new_id is None or (new_id == th.entry.id and not _deprecated(th, tgt)):
                continue
            form = by_id[new_id].preferred(tgt)
            replacement = _replace_core(th, form)
            if not form or replacement is None or replacement == th.surface:
                continue
            out.append(target[pos : th.start])
            out.append(replacement)
            subs.append((th.surface, replacement))
            pos = th.end
        out.append(target[pos:])
        return "".join(out), subs


def _partial(
    exc: StoreError, path: Path, added: int, skipped: int, done: int, total: int | None
) -> str:
    """The one line for a write that failed after some batches were committed."""
    kept = f"{added:,} units were added and committed" + (
        f" ({skipped:,} more were already there or empty)" if skipped else ""
    )
    rest = (
        f"the other {total - done:,} were not written"
        if total is not None
        else ("the rest were not written")
    )
    again = "run the same import again: units already in the TM are skipped"
    if exc.disk_full:
        return (
            f"{path}: the disk filled up: {kept} before it did; {rest}; free some space and {again}"
        )
    return f"{exc}; before that, {kept}; {rest}; {again}"


def _deprecated(hit: NameHit, lang: str) -> bool:
    """Whether a target name is spelled in a form the house says is wrong.

    The spelling itself decides where it is listed; an unlisted spelling counts as
    deprecated only when the listed form it was found by is.
    """
    entry = hit.entry
    if entry.status(lang, hit.spelling):
        return entry.is_deprecated(lang, hit.spelling)
    return entry.is_deprecated(lang, hit.form)


def _replace_core(hit: NameHit, form: str) -> str | None:
    """The hit's surface with its name (not its clitics) replaced by ``form``."""
    core = hit.spelling
    if core == hit.surface:
        return form
    if core in hit.surface:
        return hit.surface.replace(core, form, 1)
    return None
