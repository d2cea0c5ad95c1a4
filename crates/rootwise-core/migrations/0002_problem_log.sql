-- Rootwise workspace schema, version 2: the full problem log.
-- A shipped migration is never edited: add a new file instead.

ALTER TABLE problems ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN customer TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN segment TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN channel TEXT
    CHECK (channel IN ('phone', 'email', 'chat', 'social', 'in_person', 'self_service', 'other'));
ALTER TABLE problems ADD COLUMN journey_stage TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN severity TEXT NOT NULL DEFAULT 'medium'
    CHECK (severity IN ('low', 'medium', 'high', 'critical'));
ALTER TABLE problems ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'investigating', 'root_cause_found', 'actions_in_progress', 'monitoring', 'closed'));
ALTER TABLE problems ADD COLUMN owner TEXT NOT NULL DEFAULT '';
-- The day the problem was first reported (YYYY-MM-DD).
ALTER TABLE problems ADD COLUMN reported_on TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN csat INTEGER CHECK (csat BETWEEN 1 AND 5);
ALTER TABLE problems ADD COLUMN nps INTEGER CHECK (nps BETWEEN 0 AND 10);
ALTER TABLE problems ADD COLUMN ces INTEGER CHECK (ces BETWEEN 1 AND 7);
ALTER TABLE problems ADD COLUMN customers_affected INTEGER CHECK (customers_affected >= 0);
-- Set when the problem was merged into another (it then sits in the trash).
ALTER TABLE problems ADD COLUMN merged_into TEXT REFERENCES problems (id);
-- Part of the removable sample workspace.
ALTER TABLE problems ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1));
-- Kept in step with the occurrences table by the core, for fast lists:
-- reports in all (the first one included), first and last day seen.
ALTER TABLE problems ADD COLUMN occurrence_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE problems ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
-- Workflow and severity order as numbers, written by the core with the
-- status and severity (the CHECKs keep them in step). Plain columns, not
-- generated ones, so the list indexes below can cover them.
ALTER TABLE problems ADD COLUMN severity_rank INTEGER NOT NULL DEFAULT 1 CHECK (severity_rank =
    CASE severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 WHEN 'critical' THEN 3 END);
ALTER TABLE problems ADD COLUMN status_rank INTEGER NOT NULL DEFAULT 0 CHECK (status_rank =
    CASE status WHEN 'new' THEN 0 WHEN 'investigating' THEN 1 WHEN 'root_cause_found' THEN 2
        WHEN 'actions_in_progress' THEN 3 WHEN 'monitoring' THEN 4 WHEN 'closed' THEN 5 END);

UPDATE problems SET
    reported_on = substr(created_at, 1, 10),
    first_seen = substr(created_at, 1, 10),
    last_seen = substr(created_at, 1, 10);

-- The list filters by status, severity, channel, owner and dates and sorts
-- by one key. Each sort key has an index that also carries the filter
-- columns, and deleted_at (always NULL in these partial indexes) so the
-- planner sees the index cover the WHERE clause: filtering, counting and
-- paging then read indexes, not the wide rows.
DROP INDEX problems_live_by_created;
CREATE INDEX problems_live_reported ON problems
    (reported_on DESC, id DESC, status_rank, severity_rank, channel, owner, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_updated ON problems
    (updated_at DESC, id DESC, status_rank, severity_rank, channel, owner, reported_on, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_last_seen ON problems
    (last_seen DESC, id DESC, status_rank, severity_rank, channel, owner, reported_on, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_status ON problems
    (status_rank, reported_on DESC, severity_rank, channel, owner, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_severity ON problems
    (severity_rank, reported_on DESC, status_rank, channel, owner, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_channel ON problems
    (channel, reported_on DESC, status_rank, severity_rank, owner, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_owner ON problems
    (owner, reported_on DESC, status_rank, severity_rank, channel, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_occurrences ON problems
    (occurrence_count DESC, last_seen DESC, id DESC, status_rank, severity_rank, channel, owner, reported_on, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_title ON problems (title COLLATE NOCASE, id, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_sample ON problems (sample) WHERE sample = 1;
CREATE INDEX problems_merged_into ON problems (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE problem_tags (
    problem_id TEXT NOT NULL REFERENCES problems (id),
    tag        TEXT NOT NULL,
    PRIMARY KEY (problem_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX problem_tags_by_tag ON problem_tags (tag, problem_id);

-- Source references (help-desk ticket ids or links), in the order given.
CREATE TABLE problem_refs (
    problem_id TEXT NOT NULL REFERENCES problems (id),
    position   INTEGER NOT NULL,
    reference  TEXT NOT NULL,
    PRIMARY KEY (problem_id, position)
) STRICT, WITHOUT ROWID;

-- Each further customer report of the same problem.
CREATE TABLE occurrences (
    id          TEXT PRIMARY KEY NOT NULL,
    problem_id  TEXT NOT NULL REFERENCES problems (id),
    occurred_on TEXT NOT NULL,
    channel     TEXT CHECK (channel IN ('phone', 'email', 'chat', 'social', 'in_person', 'self_service', 'other')),
    ticket_ref  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX occurrences_by_problem ON occurrences (problem_id, occurred_on);
-- Full-text search moves to one FTS5 table per area whose rowids are the
-- area table's rowids, so matches join back directly. The problem texts
-- indexed by version 1 (already normalised) move over.
CREATE VIRTUAL TABLE problem_search USING fts5 (
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO problem_search (rowid, body)
    SELECT p.rowid, i.body FROM search_docs d
    JOIN search_index i ON i.rowid = d.rowid
    JOIN problems p ON p.id = d.entity_id
    WHERE d.entity = 'problem';
DROP TABLE search_index;
DROP TABLE search_docs;
