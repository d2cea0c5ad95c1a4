-- Rootwise workspace schema, version 5: corrective actions.
-- A shipped migration is never edited: add a new file instead.

-- Something the team does about a problem: contain it, remove its root
-- cause, or prevent it elsewhere. Finished only when a check shows it
-- worked. Dates without a time (due, check due) are calendar days;
-- timestamps are UTC text like everywhere else.
CREATE TABLE actions (
    id             TEXT PRIMARY KEY NOT NULL,
    problem_id     TEXT NOT NULL REFERENCES problems (id),
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description    TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL CHECK (kind IN ('containment', 'corrective', 'preventive')),
    owner          TEXT NOT NULL DEFAULT '',
    due_on         TEXT,
    due_key        TEXT GENERATED ALWAYS AS (coalesce(due_on, '9999-12-31')) VIRTUAL,
    priority       TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    -- 0 (low) to 3 (urgent), so the priority sort is an index walk.
    priority_rank  INTEGER NOT NULL DEFAULT 1,
    status         TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_progress', 'done', 'verified_effective', 'not_effective', 'cancelled')),
    -- 1 while the action still needs work or its check (open, in progress,
    -- done, not effective); 0 once verified effective or cancelled.
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    cancel_reason  TEXT NOT NULL DEFAULT '',
    -- The effectiveness check: how it will be judged, when, and the result.
    check_method   TEXT NOT NULL DEFAULT '',
    check_due_on   TEXT,
    check_result   TEXT CHECK (check_result IN ('effective', 'not_effective')),
    check_notes    TEXT NOT NULL DEFAULT '',
    checked_on     TEXT,
    -- The day it was last marked done.
    done_on        TEXT,
    -- The day of the first occurrence logged after it was marked done.
    recurred_on    TEXT,
    sample         INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    -- 1 while its problem is in the trash (kept by a trigger on problems).
    problem_trashed INTEGER NOT NULL DEFAULT 0 CHECK (problem_trashed IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    deleted_by     TEXT
) STRICT;

-- An action is shown while it and its problem are live. `problem_trashed`
-- follows the problem (trigger below), so the partial indexes hold only
-- the actions the table can show and no query looks at problems to know.
--
-- The table's sorts: each index carries the filter columns (but no ids:
-- the rowid ends every entry), so a filtered page walks one narrow index
-- and reads only the rows it shows. Ties sort on by the index's further
-- columns, then the rowid: a stable order. `due_key` puts actions without
-- a due day after every dated one.
CREATE INDEX actions_live_due ON actions
    (due_key, priority_rank DESC, status, kind, owner)
    WHERE deleted_at IS NULL AND problem_trashed = 0;
CREATE INDEX actions_live_priority ON actions
    (priority_rank DESC, due_key, status, kind, owner)
    WHERE deleted_at IS NULL AND problem_trashed = 0;
CREATE INDEX actions_live_updated ON actions
    (updated_at DESC, status, kind, owner, due_key)
    WHERE deleted_at IS NULL AND problem_trashed = 0;
CREATE INDEX actions_live_owner ON actions
    (owner, due_key, priority_rank DESC, status, kind)
    WHERE deleted_at IS NULL AND problem_trashed = 0;
-- Counting a status filter reads only the statuses asked for.
CREATE INDEX actions_live_status ON actions
    (status, due_key, kind, owner)
    WHERE deleted_at IS NULL AND problem_trashed = 0;
CREATE INDEX actions_by_problem ON actions (problem_id, status, kind, owner, due_key);
CREATE INDEX actions_checks_due ON actions (check_due_on)
    WHERE deleted_at IS NULL AND problem_trashed = 0 AND status = 'done';
CREATE INDEX actions_done_on ON actions (done_on)
    WHERE deleted_at IS NULL AND problem_trashed = 0 AND done_on IS NOT NULL;
CREATE INDEX actions_trash ON actions (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TRIGGER actions_follow_problem AFTER UPDATE OF deleted_at ON problems
WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    UPDATE actions SET problem_trashed = (NEW.deleted_at IS NOT NULL) WHERE problem_id = NEW.id;
END;

-- The root causes (why nodes) an action addresses.
CREATE TABLE action_causes (
    action_id TEXT NOT NULL REFERENCES actions (id),
    why_id    TEXT NOT NULL REFERENCES why_nodes (id),
    PRIMARY KEY (action_id, why_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX action_causes_by_why ON action_causes (why_id, action_id);

-- Comments on an action, oldest first.
CREATE TABLE action_comments (
    id         TEXT PRIMARY KEY NOT NULL,
    action_id  TEXT NOT NULL REFERENCES actions (id),
    body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX action_comments_by_action ON action_comments (action_id, created_at);
