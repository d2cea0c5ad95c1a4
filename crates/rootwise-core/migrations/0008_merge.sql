-- Rootwise workspace schema, version 8: merging copies of a workspace.
-- A shipped migration is never edited: add a new file instead.

-- History travels between copies, so each entry gets an identity of its own
-- (a random UUID) instead of the local sequence number as its key. The old
-- sequence stays the entry's rowid, so the order on this copy is kept; an
-- entry merged in from another copy gets the next rowid here.
CREATE TABLE history_next (
    id        TEXT PRIMARY KEY NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
    field     TEXT,
    old_value TEXT,
    new_value TEXT,
    author    TEXT NOT NULL,
    at        TEXT NOT NULL
) STRICT;

INSERT INTO history_next (rowid, id, entity, entity_id, op, field, old_value, new_value, author, at)
SELECT seq,
       substr(u, 1, 8) || '-' || substr(u, 9, 4) || '-4' || substr(u, 14, 3) || '-' ||
           substr('89ab', 1 + (abs(random()) % 4), 1) || substr(u, 18, 3) || '-' || substr(u, 21, 12),
       entity, entity_id, op, field, old_value, new_value, author, at
FROM (SELECT *, lower(hex(randomblob(16))) AS u FROM history)
ORDER BY seq;

DROP TABLE history;
ALTER TABLE history_next RENAME TO history;
CREATE INDEX history_by_entity ON history (entity, entity_id, at);

-- For a change merged in from another copy: what the copy that made it had
-- received from each copy when it made it (JSON: the latest stamp per
-- copy), so a later merge can tell a conflicting value from one written
-- after seeing it. NULL for this copy's own changes, whose context is the
-- order the log received changes in.
ALTER TABLE change_log ADD COLUMN knew TEXT;

-- The history entries a change recorded (JSON), which travel with it:
-- cheaper than capturing the history table with the change itself.
ALTER TABLE change_log ADD COLUMN history TEXT;

-- A name for this copy ("Workshop laptop, Riyadh"), shown to the copies it
-- exchanges changes with.
ALTER TABLE replica ADD COLUMN name TEXT NOT NULL DEFAULT '';

-- The other copies this one has exchanged changes with, and what each is
-- known to hold: for every copy, the latest stamp of that copy's changes
-- (a JSON object), so "export changes" sends only what it has not seen.
CREATE TABLE peers (
    replica_id TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    holds      TEXT NOT NULL DEFAULT '{}',
    heard_at   TEXT NOT NULL
) STRICT;

-- What merges overwrote, for the "Merged changes" review: one row per row
-- and losing change. `columns` holds the losing values of every column that
-- lost (JSON), so bringing them back restores them together; `fields` the
-- fields people see, with the value lost and the value kept (JSON).
-- `kind`: 'overwritten' (the other value won), 'restored' (an edit made
-- after a delete brought the row back), 'parent_deleted' (added under
-- something the other copy deleted).
CREATE TABLE merge_review (
    id          INTEGER PRIMARY KEY,
    merged_at   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('overwritten', 'restored', 'parent_deleted')),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    tbl         TEXT NOT NULL,
    fields      TEXT NOT NULL DEFAULT '[]',
    columns     TEXT NOT NULL DEFAULT '{}',
    lost_author TEXT NOT NULL DEFAULT '',
    lost_at     TEXT NOT NULL DEFAULT '',
    kept_author TEXT NOT NULL DEFAULT '',
    kept_at     TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'brought_back', 'dismissed'))
) STRICT;
CREATE INDEX merge_review_open ON merge_review (state, merged_at DESC);
