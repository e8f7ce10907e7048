"""A translation project: documents, their segments, and per-language translations.

A project is a **folder** holding ``workbench.sqlite`` (with its WAL files beside it).
Every accepted edit is its own transaction, committed before the call returns; the
previous text goes to the history table, which supports undo and post-editing effort
(HTER: sacrebleu's TER between the machine draft and the text as it stands).

Statuses and their XLIFF 2 states: new -> initial (no target), draft -> initial (a
target, not yet confirmed), translated -> translated, reviewed -> reviewed, final -> final.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workbench.core.document import Document
from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.segment import segment_document
from workbench.store.db import Connection, Database, StoreError, connect, migrate, transaction
from workbench.store.history import (
    Outcome,
    State,
    read_state,
    record,
    replay,
    step_target,
    write_state,
)
from workbench.store.schema import PROJECT_MIGRATIONS

DB_NAME = "workbench.sqlite"
STATUSES = ("new", "draft", "translated", "reviewed", "final")
XLIFF2_STATE = {
    "new": "initial",
    "draft": "initial",
    "translated": "translated",
    "reviewed": "reviewed",
    "final": "final",
}


def now() -> str:
    """The current UTC time, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_status(status: str) -> None:
    """Refuse a status that is not one of :data:`STATUSES` (a one-line InputError)."""
    if status not in STATUSES:
        raise InputError(f"unknown status {status!r} (use one of: {', '.join(STATUSES)})")


@dataclass(frozen=True)
class Provenance:
    """Where a translation came from: a machine, the memory, or a person."""

    origin: str = "human"  # machine | memory | human | propagated (from a repetition)
    engine: str | None = None
    model: str | None = None
    checksum: str | None = None
    match: float | None = None
    tm_origin: str | None = None


@dataclass(frozen=True)
class StoredSegment:
    """One stored segment with its translation in one language.

    The app’s row (all languages at once) is ``workbench.tui.segment_view.Row``.
    """

    segment_id: int
    doc: str
    key: str
    para: int
    sent: int
    kind: str
    source: str
    target: str
    status: str
    origin: str
    engine: str | None
    model: str | None
    match: float | None
    machine_draft: str | None
    note: str


_ROW_SQL = (
    "SELECT s.id, d.name, s.key, s.para, s.sent, s.kind, s.source, "
    "COALESCE(t.target, ''), COALESCE(t.status, 'new'), COALESCE(t.origin, 'none'), "
    "t.engine, t.model, t.match, t.machine_draft, COALESCE(t.note, '') "
    "FROM segments s JOIN documents d ON d.id = s.doc_id "
    "LEFT JOIN translations t ON t.segment_id = s.id AND t.lang = ? "
)


class ChangedUnderYou(StoreError):
    """A save found the segment changed since the translator began (nothing was written)."""

    def __init__(self, segment_id: int, lang: str, now: State) -> None:
        """The segment, its language and what it holds now."""
        super().__init__(f"segment {segment_id} [{lang}] changed since you began editing it")
        self.segment_id, self.lang, self.now = segment_id, lang, now


class Project(Database):
    """An open project folder."""

    def __init__(self, folder: Path, con: Connection) -> None:
        """Use :meth:`open` or :meth:`init`."""
        self.folder = folder
        self.path = folder / DB_NAME
        self.con = con

    # --- opening ---------------------------------------------------------------------

    @classmethod
    def init(cls, folder: str | Path) -> Project:
        """Create a project folder (or open the one already there)."""
        f = Path(folder)
        if f.exists() and not f.is_dir():
            raise InputError(f"{f}: exists and is not a folder; a project is a folder")
        try:
            f.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{f}: cannot create the project folder ({exc.strerror})") from None
        return cls._open(f)

    @classmethod
    def open(cls, folder: str | Path, readonly: bool = False) -> Project:
        """Open an existing project folder (``readonly``: to read only, writing nothing)."""
        f = Path(folder)
        if f.is_file() and f.name == DB_NAME:
            f = f.parent
        if not (f / DB_NAME).is_file():
            raise InputError(f"{f}: not a workbench project (run: workbench project init {f})")
        if (f / DB_NAME).stat().st_size == 0:  # sqlite would take it as a new, empty project
            raise InputError(
                f"{f / DB_NAME}: empty file (0 bytes), not a project database; restore it from "
                "a backup, or remove it and run: workbench project init"
            )
        if readonly:
            from workbench.store.readonly import connect_readonly, schema_current

            con = connect_readonly(f / DB_NAME)
            if schema_current(con, PROJECT_MIGRATIONS, f / DB_NAME):
                return cls(f, con)
            con.close()  # an older schema, writable: opened as usual, which migrates it
        return cls._open(f)

    @classmethod
    def _open(cls, f: Path) -> Project:
        con = connect(f / DB_NAME)
        migrate(con, PROJECT_MIGRATIONS, f / DB_NAME)
        return cls(f, con)

    @property
    def journal_mode(self) -> str:
        """'wal', or 'delete' where the filesystem cannot do WAL."""
        return self.con.journal_mode

    # --- documents -------------------------------------------------------------------

    def add_document(self, doc: Document) -> tuple[int, int]:
        """Add (or refresh) a document and its segments; return (document id, new segments).

        Re-adding a document keeps the translations of segments whose id and source text
        did not change.
        """
        with transaction(self.con, self.path):
            row = self.con.execute(
                "SELECT id, lang FROM documents WHERE name = ?", (doc.id,)
            ).fetchone()
            if row and row[1] != doc.lang:  # a translation never replaces its source
                raise InputError(
                    f"{doc.path}: {doc.id!r} is in {self.folder} in {row[1]}; a {doc.lang} "
                    "document of the same story is a reference, not a replacement"
                )
            if row:
                doc_id = row[0]
                self.con.execute(
                    "UPDATE documents SET path = ?, lang = ?, meta = ? WHERE id = ?",
                    (doc.path, doc.lang, json.dumps(doc.meta, ensure_ascii=False), doc_id),
                )
            else:
                doc_id = self.con.execute(
                    "INSERT INTO documents (name, path, lang, meta, added_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (doc.id, doc.path, doc.lang, json.dumps(doc.meta, ensure_ascii=False), now()),
                ).lastrowid
            old = {
                k: (i, s)
                for i, k, s in self.con.execute(
                    "SELECT id, key, source FROM segments WHERE doc_id = ?", (doc_id,)
                )
            }
            added = 0
            keep = set()
            for seg in segment_document(doc):
                prev = old.get(seg.id)
                if prev and prev[1] == seg.text:
                    keep.add(seg.id)
                    continue
                if prev:
                    self.con.execute("DELETE FROM segments WHERE id = ?", (prev[0],))
                self.con.execute(
                    "INSERT INTO segments (doc_id, key, para, sent, kind, source) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (doc_id, seg.id, seg.para, seg.sent, seg.kind, seg.text),
                )
                keep.add(seg.id)
                added += 1
            for key, (sid, _) in old.items():
                if key not in keep:
                    self.con.execute("DELETE FROM segments WHERE id = ?", (sid,))
        return doc_id, added

    def documents(self) -> list[tuple[int, str, str, str]]:
        """(id, name, source language, path) of every document."""
        return list(self.con.execute("SELECT id, name, lang, path FROM documents ORDER BY id"))

    def document_id(self, name: str) -> int:
        """The id of a document by name; InputError if absent."""
        row = self.con.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        if not row:
            raise InputError(f"{self.folder}: no document named {name!r}")
        return row[0]

    # --- translations ----------------------------------------------------------------

    def rows(self, lang: str, doc: str | None = None) -> list[StoredSegment]:
        """Every segment (of one document, or all) with its translation into ``lang``."""
        get_language(lang)
        sql = _ROW_SQL
        args: list[object] = [lang]
        if doc is not None:
            sql += "WHERE d.name = ? "
            args.append(doc)
        sql += "ORDER BY d.id, s.para, s.sent"
        return [StoredSegment(*r) for r in self.con.execute(sql, args)]

    def grid(self, langs: list[str]) -> list[tuple]:
        """Every segment with its translation into each of ``langs``, as plain tuples.

        (segment id, key, para, source, then per language: target, status, origin, engine,
        model, match), in document order. One query and no objects per row: the app opens
        a 100,000-segment project with it.
        """
        cols, joins, args = [], [], []
        for n, lang in enumerate(langs):
            args.append(get_language(lang).tag)
            cols.append(
                f"COALESCE(t{n}.target, ''), COALESCE(t{n}.status, 'new'), "
                f"COALESCE(t{n}.origin, 'none'), t{n}.engine, t{n}.model, t{n}.match"
            )
            joins.append(f"LEFT JOIN translations t{n} ON t{n}.segment_id = s.id AND t{n}.lang = ?")
        sql = (
            "SELECT s.id, s.key, s.para, s.source"
            + "".join(", " + c for c in cols)
            + " FROM segments s JOIN documents d ON d.id = s.doc_id "
            + " ".join(joins)
            + " ORDER BY d.id, s.para, s.sent"
        )
        return self.con.execute(sql, args).fetchall()

    def row(self, segment_id: int, lang: str) -> StoredSegment:
        """One segment with its translation into ``lang``."""
        got = self.con.execute(_ROW_SQL + "WHERE s.id = ?", (lang, segment_id)).fetchone()
        if got is None:
            raise InputError(f"no segment {segment_id} in {self.folder}")
        return StoredSegment(*got)

    def set_translation(
        self,
        segment_id: int,
        lang: str,
        text: str,
        status: str = "translated",
        provenance: Provenance = Provenance(),
        note: str | None = None,
        expect: tuple[str, str] | None = None,
    ) -> int | None:
        """Store a translation and its history entry in one committed transaction.

        ``expect`` (target, status) makes it a compare-and-set: the write happens only if the
        segment still holds what it held when the caller read it, checked inside the same
        transaction; otherwise nothing is written and None comes back (someone, a
        translator or an import, changed it meanwhile). Machine drafts are written so.
        Returns the history row's id.

        The machine draft (for HTER) is the text of a machine write; a person's edit keeps
        the draft it came from; a memory match replaces it (the text no longer comes from
        the machine).
        """
        check_status(status)
        get_language(lang)
        with transaction(self.con, self.path):
            before = read_state(self.con, segment_id, lang)
            if expect is not None and (before.target, before.status) != tuple(expect):
                return None
            copied = {"machine": text, "memory": None, "propagated": None}
            draft = copied.get(provenance.origin, before.machine_draft)
            after = State(
                text,
                status,
                provenance.origin,
                provenance.engine,
                provenance.model,
                provenance.checksum,
                provenance.match,
                provenance.tm_origin,
                draft,
                before.note if note is None else note,
            )
            write_state(self.con, segment_id, lang, after)
            return record(self.con, segment_id, lang, before, after)

    def save_edit(
        self,
        segment_id: int,
        lang: str,
        text: str,
        status: str,
        expect: tuple[str, str] | None = None,
    ) -> int | None:
        """A translator's save or confirm of ``text``; the history row's id, None if no change.

        ``expect`` (target, status as the translator began from): when the segment holds
        something else now (another translator, an import), nothing is written and
        :class:`ChangedUnderYou` says what it holds.

        Text unchanged from the stored target: only the status changes, and the origin
        stays (a memory match keeps its score, a machine draft its engine and model).
        Text changed: the translation becomes the translator's (origin human), keeping the
        machine draft it came from for HTER. Decided against the stored target, inside one
        transaction.
        """
        check_status(status)
        get_language(lang)
        with transaction(self.con, self.path):
            before = read_state(self.con, segment_id, lang)
            if expect is not None and (before.target, before.status) != tuple(expect):
                if (before.target, before.status) != (text, status):
                    raise ChangedUnderYou(segment_id, lang, before)
            if text == before.target:
                if status == before.status:
                    return None
                after = before.but(status=status)
            else:
                after = before.but(
                    target=text,
                    status=status,
                    origin="human",
                    engine=None,
                    model=None,
                    checksum=None,
                    match=None,
                    tm_origin=None,
                )
            write_state(self.con, segment_id, lang, after)
            return record(self.con, segment_id, lang, before, after)

    def set_status(self, segment_id: int, lang: str, status: str) -> int:
        """Change only the status of a translation (a review); text and provenance stay.

        The history records it, so undo takes it back. Returns the history row's id.
        """
        check_status(status)
        with transaction(self.con, self.path):
            before = read_state(self.con, segment_id, lang)
            if not before.target:
                raise InputError("there is no translation to change the status of")
            after = before.but(status=status)
            write_state(self.con, segment_id, lang, after)
            return record(self.con, segment_id, lang, before, after)

    def undo(self, segment_id: int, lang: str) -> bool:
        """Revert the last edit of a segment's translation; False when there is none.

        Text, status, provenance, machine draft and note all go back to what they were.
        """
        return self._segment_step(segment_id, lang, undo=True)

    def redo(self, segment_id: int, lang: str) -> bool:
        """Apply again the edit undone last (unless a new edit came since); False if none."""
        return self._segment_step(segment_id, lang, undo=False)

    def _segment_step(self, segment_id: int, lang: str, undo: bool) -> bool:
        with transaction(self.con, self.path):
            hid = step_target(self.con, segment_id, lang, undo)
            return hid is not None and replay(self.con, hid, undo)[0] == "done"

    def undo_entries(self, ids: list[int]) -> list[tuple[Outcome, int, str]]:
        """Undo history rows ``ids`` (one action: newest first) in one transaction.

        Each applies only while its segment still holds what that edit left there (see
        :mod:`workbench.store.history`); (outcome, segment id, language) for each, in the
        order given.
        """
        return self._entries(ids, undo=True)

    def redo_entries(self, ids: list[int]) -> list[tuple[Outcome, int, str]]:
        """Redo history rows ``ids`` (one undone action: oldest first) in one transaction."""
        return self._entries(ids, undo=False)

    def _entries(self, ids: list[int], undo: bool) -> list[tuple[Outcome, int, str]]:
        order = sorted(ids, reverse=undo)
        with transaction(self.con, self.path):
            done = {hid: replay(self.con, hid, undo) for hid in order}
        return [done[hid] for hid in ids]

    def history(self, segment_id: int, lang: str) -> list[tuple[str, str, str, str, bool]]:
        """(at, before, after, origin, undone) of a segment's edits, oldest first."""
        return [
            (a, b, c, o, bool(u))
            for a, b, c, o, u in self.con.execute(
                "SELECT at, before, after, origin, undone FROM history "
                "WHERE segment_id = ? AND lang = ? ORDER BY id",
                (segment_id, lang),
            )
        ]

    def hter(self, segment_id: int, lang: str) -> float | None:
        """Post-editing effort: TER (0-100+) of the machine draft against the current text."""
        row = self.con.execute(
            "SELECT machine_draft, target FROM translations WHERE segment_id = ? AND lang = ?",
            (segment_id, lang),
        ).fetchone()
        if not row or row[0] is None or not row[1]:
            return None
        from workbench.core.scoring import hter

        return hter(row[0], row[1])

    def status_counts(self, lang: str) -> dict[str, int]:
        """How many segments are in each status for a language."""
        get_language(lang)
        counts = dict.fromkeys(STATUSES, 0)
        counts["new"] = self.con.execute("SELECT count(*) FROM segments").fetchone()[0]
        for status, n in self.con.execute(
            "SELECT status, count(*) FROM translations WHERE lang = ? GROUP BY status", (lang,)
        ):
            counts[status] += n
            counts["new"] -= n  # a translation row in status new is counted once, as new
        return counts

    def segment_count(self, doc: str) -> int:
        """How many segments a document has."""
        return self.con.execute(
            "SELECT count(*) FROM segments WHERE doc_id = ?", (self.document_id(doc),)
        ).fetchone()[0]

    # --- reference translations and post-editing effort --------------------------------

    def set_reference(
        self, doc: str, lang: str, path: str, groups: list[tuple[list[int], str]]
    ) -> None:
        """Replace document ``doc``'s reference in ``lang`` (from ``path``).

        ``groups`` pairs source segment ids with the reference text that translates them
        (one segment each when the reference is segmented like the source; several where
        the alignment joined sentences).
        """
        doc_id = self.document_id(doc)
        with transaction(self.con, self.path):
            self.con.execute(
                "DELETE FROM refs WHERE lang = ? AND segment_id IN "
                "(SELECT id FROM segments WHERE doc_id = ?)",
                (lang, doc_id),
            )
            self.con.execute(
                "INSERT OR REPLACE INTO reference_docs (doc_id, lang, path) VALUES (?, ?, ?)",
                (doc_id, lang, path),
            )
            for ids, text in groups:
                for n, sid in enumerate(ids):
                    self.con.execute(
                        "INSERT INTO refs (segment_id, lang, head, text) VALUES (?, ?, ?, ?)",
                        (sid, lang, ids[0], text if n == 0 else ""),
                    )

    def references(self, lang: str) -> dict[int, tuple[int, str]]:
        """Map segment id -> (its group's first segment id, the reference text that one holds)."""
        return {
            sid: (head, text)
            for sid, head, text in self.con.execute(
                "SELECT segment_id, head, text FROM refs WHERE lang = ?", (lang,)
            )
        }

    def reference_docs(self) -> list[tuple[str, str, str]]:
        """(document, language, reference path) of every reference translation."""
        return list(
            self.con.execute(
                "SELECT d.name, r.lang, r.path FROM reference_docs r "
                "JOIN documents d ON d.id = r.doc_id ORDER BY d.id, r.lang"
            )
        )

    def post_edits(self, lang: str) -> list[tuple[int, str, str]]:
        """(segment id, machine draft, text) of confirmed segments that began as MT."""
        return list(
            self.con.execute(
                "SELECT segment_id, machine_draft, target FROM translations WHERE lang = ? "
                "AND machine_draft IS NOT NULL AND target != '' "
                "AND status IN ('translated', 'reviewed', 'final')",
                (lang,),
            )
        )

    def languages(self) -> list[str]:
        """Target languages that have at least one translation."""
        return [
            r[0] for r in self.con.execute("SELECT DISTINCT lang FROM translations ORDER BY lang")
        ]
