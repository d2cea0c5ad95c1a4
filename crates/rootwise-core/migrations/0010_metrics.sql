-- Rootwise workspace schema, version 10: CX metrics (survey answers,
-- resolution times, period figures for retention, churn and lifetime value).
-- A shipped migration is never edited: add a new file instead.

-- One customer's answer to a survey question: NPS (0-10), CSAT (1-5) or
-- CES on a 5- or 7-point scale whose easy end is low or high. Kind, scale
-- and easy end are fixed when the answer is added (a wrong kind is deleted
-- and added again), so the cross-column CHECK holds whatever a merge of
-- two copies' edits picks per column. `import_id` ties the rows of one CSV
-- import together (NULL for answers typed one at a time).
CREATE TABLE survey_responses (
    id           TEXT PRIMARY KEY NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    ces_scale    INTEGER CHECK (ces_scale IN (5, 7)),
    ces_easy     TEXT CHECK (ces_easy IN ('low', 'high')),
    responded_on TEXT NOT NULL,
    channel      TEXT CHECK (channel IN ('phone', 'email', 'chat', 'social', 'in_person', 'self_service', 'other')),
    comment      TEXT NOT NULL DEFAULT '',
    ticket_ref   TEXT NOT NULL DEFAULT '',
    customer     TEXT NOT NULL DEFAULT '',
    problem_id   TEXT REFERENCES problems (id),
    import_id    TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    deleted_by   TEXT,
    CHECK ((kind = 'nps' AND ces_scale IS NULL AND ces_easy IS NULL)
        OR (kind = 'csat' AND score >= 1 AND score <= 5 AND ces_scale IS NULL AND ces_easy IS NULL)
        OR (kind = 'ces' AND ces_scale IS NOT NULL AND ces_easy IS NOT NULL AND score >= 1 AND score <= ces_scale))
) STRICT;
-- A problem's answers (its dashboard, its before/after view), and the
-- answers linked to a problem in a range of days, by channel or not (the
-- problems that hurt a measure). Each index carries every column its
-- queries name (`deleted_at` included), so they read no row.
CREATE INDEX survey_responses_by_problem ON survey_responses
    (problem_id, responded_on, kind, ces_scale, ces_easy, score, channel, deleted_at)
    WHERE deleted_at IS NULL AND problem_id IS NOT NULL;
CREATE INDEX survey_responses_linked_by_channel ON survey_responses
    (channel, responded_on, problem_id, kind, ces_scale, ces_easy, score, deleted_at)
    WHERE deleted_at IS NULL AND problem_id IS NOT NULL;
CREATE INDEX survey_responses_linked_by_day ON survey_responses
    (responded_on, problem_id, kind, ces_scale, ces_easy, score, channel, deleted_at)
    WHERE deleted_at IS NULL AND problem_id IS NOT NULL;
CREATE INDEX survey_responses_trash ON survey_responses (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX survey_responses_by_import ON survey_responses (import_id) WHERE import_id IS NOT NULL;

-- Live answers counted per channel, day, question and score: what the
-- dashboard's figures and trend read (a year of a channel is a few
-- thousand rows here, against a hundred thousand answers). Derived data,
-- kept by the triggers below on every write (a merge's included), never
-- replicated. No channel is '', no CES scale 0, no easy end ''.
CREATE TABLE survey_daily (
    channel   TEXT NOT NULL,
    day       TEXT NOT NULL,
    kind      TEXT NOT NULL,
    ces_scale INTEGER NOT NULL,
    ces_easy  TEXT NOT NULL,
    score     INTEGER NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (channel, day, kind, ces_scale, ces_easy, score)
) STRICT, WITHOUT ROWID;
CREATE INDEX survey_daily_by_day ON survey_daily (day, kind, ces_scale, ces_easy, score, n);

CREATE TRIGGER survey_daily_insert AFTER INSERT ON survey_responses
WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO survey_daily (channel, day, kind, ces_scale, ces_easy, score, n)
    VALUES (coalesce(NEW.channel, ''), NEW.responded_on, NEW.kind, coalesce(NEW.ces_scale, 0),
            coalesce(NEW.ces_easy, ''), NEW.score, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER survey_daily_update_old AFTER UPDATE OF channel, responded_on, kind, ces_scale,
    ces_easy, score, deleted_at ON survey_responses
WHEN OLD.deleted_at IS NULL BEGIN
    UPDATE survey_daily SET n = n - 1
    WHERE channel = coalesce(OLD.channel, '') AND day = OLD.responded_on AND kind = OLD.kind
      AND ces_scale = coalesce(OLD.ces_scale, 0) AND ces_easy = coalesce(OLD.ces_easy, '')
      AND score = OLD.score;
END;

CREATE TRIGGER survey_daily_update_new AFTER UPDATE OF channel, responded_on, kind, ces_scale,
    ces_easy, score, deleted_at ON survey_responses
WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO survey_daily (channel, day, kind, ces_scale, ces_easy, score, n)
    VALUES (coalesce(NEW.channel, ''), NEW.responded_on, NEW.kind, coalesce(NEW.ces_scale, 0),
            coalesce(NEW.ces_easy, ''), NEW.score, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER survey_daily_delete AFTER DELETE ON survey_responses
WHEN OLD.deleted_at IS NULL BEGIN
    UPDATE survey_daily SET n = n - 1
    WHERE channel = coalesce(OLD.channel, '') AND day = OLD.responded_on AND kind = OLD.kind
      AND ces_scale = coalesce(OLD.ces_scale, 0) AND ces_easy = coalesce(OLD.ces_easy, '')
      AND score = OLD.score;
END;

-- When the customer's contact was opened and when it was resolved (UTC,
-- RFC 3339): time to resolution is computed from them, never typed. The
-- core refuses a resolution before the opening; no CHECK, so that a merge
-- of two copies' edits can never be refused whole over it (the
-- computation leaves such a pair out).
ALTER TABLE occurrences ADD COLUMN opened_at TEXT;
ALTER TABLE occurrences ADD COLUMN resolved_at TEXT;
CREATE INDEX occurrences_resolved ON occurrences (opened_at, resolved_at, channel, problem_id)
    WHERE opened_at IS NOT NULL AND resolved_at IS NOT NULL;
CREATE INDEX occurrences_resolved_by_problem ON occurrences
    (problem_id, opened_at, resolved_at, channel)
    WHERE opened_at IS NOT NULL AND resolved_at IS NOT NULL;

-- Customers over a period, for retention (CRR), churn and lifetime value
-- (CLV). End customers never exceed start plus new: checked by the core
-- (per column, as above, a CHECK could refuse a merge).
CREATE TABLE period_figures (
    id                   TEXT PRIMARY KEY NOT NULL,
    period_start         TEXT NOT NULL,
    period_end           TEXT NOT NULL,
    customers_start      INTEGER NOT NULL CHECK (customers_start >= 0),
    customers_end        INTEGER NOT NULL CHECK (customers_end >= 0),
    customers_new        INTEGER NOT NULL CHECK (customers_new >= 0),
    revenue_per_customer REAL CHECK (revenue_per_customer >= 0),
    margin               REAL CHECK (margin BETWEEN 0 AND 1),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT,
    deleted_by           TEXT
) STRICT;
CREATE INDEX period_figures_live ON period_figures (period_start, period_end) WHERE deleted_at IS NULL;
CREATE INDEX period_figures_trash ON period_figures (deleted_at) WHERE deleted_at IS NOT NULL;
