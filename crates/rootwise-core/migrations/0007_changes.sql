-- Rootwise workspace schema, version 7: every change captured, for merging
-- copies of a workspace (a workshop laptop, the team's copy).
-- A shipped migration is never edited: add a new file instead.

-- Who this copy is. `workspace_id` is the same in every copy of a
-- workspace; `replica_id` is this copy's own; `origin_replica` is the copy
-- it was made from (none for the first).
CREATE TABLE replica (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    workspace_id   TEXT NOT NULL,
    replica_id     TEXT NOT NULL,
    origin_replica TEXT
);

-- Random version-4 UUIDs, written as text.
INSERT INTO replica (singleton, workspace_id, replica_id)
SELECT 1,
       substr(w, 1, 8) || '-' || substr(w, 9, 4) || '-4' || substr(w, 14, 3) || '-' ||
           substr('89ab', 1 + (abs(random()) % 4), 1) || substr(w, 18, 3) || '-' || substr(w, 21, 12),
       substr(r, 1, 8) || '-' || substr(r, 9, 4) || '-4' || substr(r, 14, 3) || '-' ||
           substr('89ab', 1 + (abs(random()) % 4), 1) || substr(r, 18, 3) || '-' || substr(r, 21, 12)
FROM (SELECT lower(hex(randomblob(16))) AS w, lower(hex(randomblob(16))) AS r);

-- Each committed write that changed replicated data: its changeset (SQLite's
-- session extension), stamped with the clock and the copy that made it.
-- `hlc` sorts in the order changes happened across copies. Changes merged in
-- from another copy are kept here too, under their own stamp and copy, so
-- the latest stamp here is the hybrid logical clock's last reading.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY,
    hlc        TEXT NOT NULL UNIQUE,
    replica_id TEXT NOT NULL,
    author     TEXT NOT NULL,
    changeset  BLOB NOT NULL
);

CREATE INDEX change_log_by_replica ON change_log (replica_id, hlc);
