-- Rootwise workspace schema, version 3: 5-Whys analyses.
-- A shipped migration is never edited: add a new file instead.

-- A root-cause session about one problem (a problem may have several).
CREATE TABLE analyses (
    id           TEXT PRIMARY KEY NOT NULL,
    problem_id   TEXT NOT NULL REFERENCES problems (id),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    facilitator  TEXT NOT NULL DEFAULT '',
    -- A JSON array of names, in the order given.
    participants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(participants)),
    held_on      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'concluded')),
    summary      TEXT NOT NULL DEFAULT '',
    sample       INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    deleted_by   TEXT
) STRICT;
CREATE INDEX analyses_by_problem ON analyses (problem_id, held_on DESC, id DESC);
CREATE INDEX analyses_live_updated ON analyses (updated_at DESC, id DESC, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX analyses_trash ON analyses (deleted_at) WHERE deleted_at IS NOT NULL;

-- One cause in a why-tree. A NULL parent hangs the node under the problem
-- statement. Siblings are ordered by position.
CREATE TABLE why_nodes (
    id            TEXT PRIMARY KEY NOT NULL,
    analysis_id   TEXT NOT NULL REFERENCES analyses (id),
    parent_id     TEXT REFERENCES why_nodes (id),
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'hypothesis' CHECK (status IN ('hypothesis', 'confirmed', 'ruled_out')),
    category      TEXT CHECK (category IN ('people', 'process', 'product', 'policy', 'environment', 'partner', 'other')),
    root_cause    INTEGER NOT NULL DEFAULT 0 CHECK (root_cause IN (0, 1)),
    -- Needed together with its siblings that carry the same mark (AND).
    joint         INTEGER NOT NULL DEFAULT 0 CHECK (joint IN (0, 1)),
    -- The corrective action the team means to create for this root cause.
    action_intent TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    deleted_by    TEXT,
    -- The node whose deletion took this one along (its subtree's root), so
    -- restoring that node brings back exactly what went with it.
    deleted_with  TEXT,
    -- Deleted by undoing its creation: not shown in the trash.
    undone        INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
CREATE INDEX why_nodes_by_analysis ON why_nodes (analysis_id, parent_id, position);
CREATE INDEX why_nodes_by_parent ON why_nodes (parent_id, position) WHERE parent_id IS NOT NULL;
CREATE INDEX why_nodes_deleted_with ON why_nodes (deleted_with) WHERE deleted_with IS NOT NULL;
CREATE INDEX why_nodes_trash ON why_nodes (deleted_at) WHERE deleted_at IS NOT NULL;

-- Evidence for a cause: a note, a reference (a ticket, a link, a log), or both.
CREATE TABLE why_evidence (
    id         TEXT PRIMARY KEY NOT NULL,
    why_id     TEXT NOT NULL REFERENCES why_nodes (id),
    position   INTEGER NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    reference  TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX why_evidence_by_node ON why_evidence (why_id, position);

-- Full-text search over why-node text and evidence, keyed by why_nodes.rowid.
CREATE VIRTUAL TABLE why_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
