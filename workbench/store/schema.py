"""Numbered schema migrations of the project and translation-memory databases.

Never edit a released migration: append a new one. ``PRAGMA user_version`` holds the number
of migrations applied.
"""

from __future__ import annotations

PROJECT_MIGRATIONS: list[str] = [
    # 1: documents, segments, translations with status and provenance, edit history
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        lang TEXT NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}',
        added_at TEXT NOT NULL
    );
    CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        para INTEGER NOT NULL,
        sent INTEGER NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        UNIQUE (doc_id, key)
    );
    CREATE TABLE translations (
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new'
            CHECK (status IN ('new', 'draft', 'translated', 'reviewed', 'final')),
        origin TEXT NOT NULL DEFAULT 'none'
            CHECK (origin IN ('none', 'machine', 'memory', 'human')),
        engine TEXT, model TEXT, checksum TEXT,
        match REAL, tm_origin TEXT,
        machine_draft TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, lang)
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        at TEXT NOT NULL,
        before TEXT NOT NULL, after TEXT NOT NULL,
        status_before TEXT NOT NULL, status_after TEXT NOT NULL,
        origin TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX history_segment ON history (segment_id, lang, id)
    """,
    # 2: reference translations for scoring: each source segment points to the head of its
    #    group (the source segments one reference passage translates); the head holds the text
    """
    CREATE TABLE reference_docs (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        path TEXT NOT NULL,
        PRIMARY KEY (doc_id, lang)
    );
    CREATE TABLE refs (
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        head INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (segment_id, lang)
    )
    """,
    # 3: the whole state on both sides of an edit, as JSON (origin, engine, model, checksum,
    #    match, tm_origin, machine_draft, note), so undo and redo restore provenance and the
    #    machine draft with the text; rows from before hold NULL and restore text and status
    """
    ALTER TABLE history ADD COLUMN state_before TEXT;
    ALTER TABLE history ADD COLUMN state_after TEXT
    """,
    # 4: a draft propagated from a confirmed repetition has origin 'propagated' (its
    #    tm_origin names the segment it came from), so the CHECK is widened: the table is
    #    rebuilt. Who confirmed each target, and when (for the TM's origin and the article's
    #    front matter)
    """
    CREATE TABLE translations_v4 (
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new'
            CHECK (status IN ('new', 'draft', 'translated', 'reviewed', 'final')),
        origin TEXT NOT NULL DEFAULT 'none'
            CHECK (origin IN ('none', 'machine', 'memory', 'human', 'propagated')),
        engine TEXT, model TEXT, checksum TEXT,
        match REAL, tm_origin TEXT,
        machine_draft TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, lang)
    );
    INSERT INTO translations_v4 SELECT segment_id, lang, target, status, origin, engine,
        model, checksum, match, tm_origin, machine_draft, note, updated_at FROM translations;
    DROP TABLE translations;
    ALTER TABLE translations_v4 RENAME TO translations;
    CREATE TABLE confirmations (
        segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        translator TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (segment_id, lang)
    )
    """,
]

TM_MIGRATIONS: list[str] = [
    # 1: units with context, a word index over name-normalised sources with document
    #    frequencies (for picking a query's rarest words), name codes
    """
    CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        src_lang TEXT NOT NULL, tgt_lang TEXT NOT NULL,
        source TEXT NOT NULL, target TEXT NOT NULL,
        prev TEXT NOT NULL DEFAULT '', next TEXT NOT NULL DEFAULT '',
        norm TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (src_lang, tgt_lang, source, target, prev, next)
    );
    CREATE INDEX units_exact ON units (src_lang, tgt_lang, source);
    CREATE VIRTUAL TABLE units_fts USING fts5(
        words, content='', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE names (code INTEGER PRIMARY KEY, entry_id TEXT NOT NULL UNIQUE);
    CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID
    """,
    # 2: settings, such as the fingerprint of the glossary the names were indexed with
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID
    """,
    # 3: a unit's notes (one per line) and its other TMX props ([[type, value], ...] as JSON),
    #    kept from an import and written on export
    """
    ALTER TABLE units ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE units ADD COLUMN props TEXT NOT NULL DEFAULT ''
    """,
    # 4: a unit the TM learned from a confirmed project segment names it (project folder,
    #    segment key, language), so re-confirming replaces it and undoing takes it out
    """
    ALTER TABLE units ADD COLUMN learned_from TEXT;
    CREATE INDEX units_learned ON units (learned_from) WHERE learned_from IS NOT NULL
    """,
]
