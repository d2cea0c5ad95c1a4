-- Rootwise workspace schema: a faster problem list (filters, sorts, tags).
-- A shipped migration is never edited: add a new file instead.

-- Severity and status sorts put the largest rank first by default, then
-- the most recently reported. The version-2 indexes hold
-- (rank ASC, reported_on DESC), which no scan direction turns into
-- (rank DESC, reported_on DESC): without these the page was a sort of
-- every matching row.
CREATE INDEX problems_live_severity_desc ON problems
    (severity_rank DESC, reported_on DESC, status_rank, channel, owner, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX problems_live_status_desc ON problems
    (status_rank DESC, reported_on DESC, severity_rank, channel, owner, deleted_at) WHERE deleted_at IS NULL;

-- Version 1's trash index, again for workspaces made by pre-release builds
-- that lack it: a search counts its matches that sit in the trash from it.
CREATE INDEX IF NOT EXISTS problems_trash ON problems (deleted_at) WHERE deleted_at IS NOT NULL;

-- The title sort's index also carries the filter columns, like every other
-- sort index, so a filtered title page reads the index, not the rows.
DROP INDEX problems_live_title;
CREATE INDEX problems_live_title ON problems
    (title COLLATE NOCASE, id, status_rank, severity_rank, channel, owner, reported_on, deleted_at)
    WHERE deleted_at IS NULL;

-- The tag filter: each tag row carries a copy of its problem's filter
-- columns, so how many live problems have a tag (within the other filters)
-- is counted from one index range instead of a lookup per problem. The
-- triggers below keep the copies in step with the problem, whichever code
-- writes it.
ALTER TABLE problem_tags ADD COLUMN deleted_at TEXT;
ALTER TABLE problem_tags ADD COLUMN reported_on TEXT NOT NULL DEFAULT '';
ALTER TABLE problem_tags ADD COLUMN status_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problem_tags ADD COLUMN severity_rank INTEGER NOT NULL DEFAULT 1;
ALTER TABLE problem_tags ADD COLUMN channel TEXT;
ALTER TABLE problem_tags ADD COLUMN owner TEXT NOT NULL DEFAULT '';

UPDATE problem_tags SET deleted_at = p.deleted_at, reported_on = p.reported_on,
    status_rank = p.status_rank, severity_rank = p.severity_rank, channel = p.channel, owner = p.owner
FROM problems p WHERE p.id = problem_tags.problem_id;

CREATE INDEX problem_tags_live ON problem_tags
    (tag, reported_on DESC, status_rank, severity_rank, channel, owner, deleted_at) WHERE deleted_at IS NULL;

CREATE TRIGGER problem_tags_copy_problem AFTER INSERT ON problem_tags
BEGIN
    UPDATE problem_tags SET deleted_at = p.deleted_at, reported_on = p.reported_on,
        status_rank = p.status_rank, severity_rank = p.severity_rank, channel = p.channel, owner = p.owner
    FROM problems p
    WHERE p.id = NEW.problem_id AND problem_tags.problem_id = NEW.problem_id AND problem_tags.tag = NEW.tag;
END;

CREATE TRIGGER problems_copy_to_tags
AFTER UPDATE OF deleted_at, reported_on, status_rank, severity_rank, channel, owner ON problems
BEGIN
    UPDATE problem_tags SET deleted_at = NEW.deleted_at, reported_on = NEW.reported_on,
        status_rank = NEW.status_rank, severity_rank = NEW.severity_rank,
        channel = NEW.channel, owner = NEW.owner
    WHERE problem_id = NEW.id;
END;
