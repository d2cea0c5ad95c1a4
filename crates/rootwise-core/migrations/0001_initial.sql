-- Rootwise workspace schema, version 1.
-- A shipped migration is never edited: add a new file instead.

-- Marks the file as a Rootwise workspace ("RWKS").
PRAGMA application_id = 1381452627;

-- Workspace-level facts (e.g. when the workspace was created).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Customer problems. Soft-deleted rows carry deleted_at/deleted_by.
CREATE TABLE problems (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
CREATE INDEX problems_live_by_created ON problems (created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX problems_trash ON problems (deleted_at) WHERE deleted_at IS NOT NULL;

-- Every change to every entity: who changed which field from what to what.
CREATE TABLE history (
    seq       INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
    field     TEXT,
    old_value TEXT,
    new_value TEXT,
    author    TEXT NOT NULL,
    at        TEXT NOT NULL
) STRICT;
CREATE INDEX history_by_entity ON history (entity, entity_id, seq);

-- Full-text search: one document per searchable entity. The text is
-- normalised in Rust (case, Arabic diacritics and letter variants) before it
-- is indexed, and queries are normalised the same way.
CREATE TABLE search_docs (
    rowid     INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    UNIQUE (entity, entity_id)
) STRICT;
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
