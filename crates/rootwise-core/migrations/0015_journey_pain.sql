-- Rootwise workspace schema, version 15: the journey pain overlay reads
-- per-touchpoint counts kept by triggers, not every linked problem.
-- A shipped migration is never edited: add a new file instead.
--
-- Before this version the overlay walked each problem linked to a map, its
-- reports and its fixes: fine for a few thousand links, 250 ms when a map
-- holds every one of 100,000 problems. Now two small tables hold, for each
-- touchpoint, what its live linked problems add up to, and the overlay
-- reads a touchpoint's rows (a few hundred at most for a year's period).
--
-- Derived data, like `survey_daily`: never captured or merged, rebuilt by
-- the same triggers on every copy from the rows that are. A row that falls
-- to zero is removed, so two copies holding the same work hold the same
-- rows.

-- The covering index the old overlay read each linked problem through
-- (0011) has no reader left, and every write of a problem kept it.
DROP INDEX problems_pain;

-- Reports by day: a linked live problem's first report (on `reported_on`)
-- and each later one (`occurrences`), per touchpoint.
CREATE TABLE journey_pain_days (
    touchpoint_id TEXT NOT NULL,
    day           TEXT NOT NULL,
    reports       INTEGER NOT NULL,
    PRIMARY KEY (touchpoint_id, day)
) STRICT, WITHOUT ROWID;

-- Linked live problems by severity, and how many of them have no verified
-- fix (a live corrective or preventive action whose check found it
-- effective; a containment only holds the problem back).
CREATE TABLE journey_pain_problems (
    touchpoint_id TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    problems      INTEGER NOT NULL,
    unfixed       INTEGER NOT NULL,
    PRIMARY KEY (touchpoint_id, severity_rank)
) STRICT, WITHOUT ROWID;

-- Each trigger adds (or takes away) what changed, read from the rows as
-- they are at that moment, so the order in which a merge applies a
-- problem, its reports, its actions and its links never matters: a link
-- whose problem is not there yet adds nothing, and the problem adds itself
-- to every link when it arrives.

-- A link made: its problem's reports and its severity, if it is live.
CREATE TRIGGER journey_pain_link_insert AFTER INSERT ON journey_touchpoint_problems
BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT NEW.touchpoint_id, day, count(*) FROM (
        SELECT p.reported_on AS day FROM problems p
        WHERE p.id = NEW.problem_id AND p.deleted_at IS NULL
        UNION ALL
        SELECT o.occurred_on FROM occurrences o
        WHERE o.problem_id = NEW.problem_id
          AND EXISTS (SELECT 1 FROM problems p WHERE p.id = NEW.problem_id AND p.deleted_at IS NULL))
    WHERE true GROUP BY day
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
    SELECT NEW.touchpoint_id, p.severity_rank, 1,
        NOT EXISTS (SELECT 1 FROM actions a
                    WHERE a.problem_id = p.id AND a.status = 'verified_effective'
                      AND a.kind <> 'containment' AND a.deleted_at IS NULL)
    FROM problems p WHERE p.id = NEW.problem_id AND p.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET problems = problems + excluded.problems,
                              unfixed = unfixed + excluded.unfixed;
END;

-- A link removed: the same, taken away.
CREATE TRIGGER journey_pain_link_delete AFTER DELETE ON journey_touchpoint_problems
BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT OLD.touchpoint_id, day, -count(*) FROM (
        SELECT p.reported_on AS day FROM problems p
        WHERE p.id = OLD.problem_id AND p.deleted_at IS NULL
        UNION ALL
        SELECT o.occurred_on FROM occurrences o
        WHERE o.problem_id = OLD.problem_id
          AND EXISTS (SELECT 1 FROM problems p WHERE p.id = OLD.problem_id AND p.deleted_at IS NULL))
    WHERE true GROUP BY day
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
    SELECT OLD.touchpoint_id, p.severity_rank, -1,
        (EXISTS (SELECT 1 FROM actions a
                     WHERE a.problem_id = p.id AND a.status = 'verified_effective'
                       AND a.kind <> 'containment' AND a.deleted_at IS NULL) - 1)
    FROM problems p WHERE p.id = OLD.problem_id AND p.deleted_at IS NULL
    ON CONFLICT DO UPDATE SET problems = problems + excluded.problems,
                              unfixed = unfixed + excluded.unfixed;
    DELETE FROM journey_pain_days WHERE touchpoint_id = OLD.touchpoint_id AND reports = 0;
    DELETE FROM journey_pain_problems WHERE touchpoint_id = OLD.touchpoint_id AND problems = 0;
END;

-- A problem that arrives (a merge may bring its links first) adds itself
-- to its links; one purged takes itself away.
CREATE TRIGGER journey_pain_problem_insert AFTER INSERT ON problems
WHEN NEW.deleted_at IS NULL BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT l.touchpoint_id, d.day, count(*)
    FROM journey_touchpoint_problems l,
         (SELECT NEW.reported_on AS day
          UNION ALL SELECT occurred_on FROM occurrences WHERE problem_id = NEW.id) d
    WHERE l.problem_id = NEW.id GROUP BY l.touchpoint_id, d.day
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
    SELECT l.touchpoint_id, NEW.severity_rank, 1,
        NOT EXISTS (SELECT 1 FROM actions a
                    WHERE a.problem_id = NEW.id AND a.status = 'verified_effective'
                      AND a.kind <> 'containment' AND a.deleted_at IS NULL)
    FROM journey_touchpoint_problems l WHERE l.problem_id = NEW.id
    ON CONFLICT DO UPDATE SET problems = problems + excluded.problems,
                              unfixed = unfixed + excluded.unfixed;
END;

CREATE TRIGGER journey_pain_problem_delete AFTER DELETE ON problems
WHEN OLD.deleted_at IS NULL BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT l.touchpoint_id, d.day, -count(*)
    FROM journey_touchpoint_problems l,
         (SELECT OLD.reported_on AS day
          UNION ALL SELECT occurred_on FROM occurrences WHERE problem_id = OLD.id) d
    WHERE l.problem_id = OLD.id GROUP BY l.touchpoint_id, d.day
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
    SELECT l.touchpoint_id, OLD.severity_rank, -1,
        (EXISTS (SELECT 1 FROM actions a
                     WHERE a.problem_id = OLD.id AND a.status = 'verified_effective'
                       AND a.kind <> 'containment' AND a.deleted_at IS NULL) - 1)
    FROM journey_touchpoint_problems l WHERE l.problem_id = OLD.id
    ON CONFLICT DO UPDATE SET problems = problems + excluded.problems,
                              unfixed = unfixed + excluded.unfixed;
    DELETE FROM journey_pain_days WHERE reports = 0 AND touchpoint_id IN
        (SELECT touchpoint_id FROM journey_touchpoint_problems WHERE problem_id = OLD.id);
    DELETE FROM journey_pain_problems WHERE problems = 0 AND touchpoint_id IN
        (SELECT touchpoint_id FROM journey_touchpoint_problems WHERE problem_id = OLD.id);
END;

-- A problem trashed, restored, given another severity or another first
-- day: what it added before is taken away (while it was live), what it
-- adds now is added (while it is live). Its reports and fixes are the same
-- rows before and after this statement.
CREATE TRIGGER journey_pain_problem_update_old AFTER UPDATE OF deleted_at, severity_rank, reported_on
ON problems
WHEN OLD.deleted_at IS NULL AND (NEW.deleted_at IS NOT NULL
    OR OLD.severity_rank <> NEW.severity_rank OR OLD.reported_on <> NEW.reported_on)
BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT l.touchpoint_id, d.day, -count(*)
    FROM journey_touchpoint_problems l,
         (SELECT OLD.reported_on AS day
          UNION ALL SELECT occurred_on FROM occurrences WHERE problem_id = OLD.id) d
    WHERE l.problem_id = OLD.id GROUP BY l.touchpoint_id, d.day
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
    SELECT l.touchpoint_id, OLD.severity_rank, -1,
        (EXISTS (SELECT 1 FROM actions a
                     WHERE a.problem_id = OLD.id AND a.status = 'verified_effective'
                       AND a.kind <> 'containment' AND a.deleted_at IS NULL) - 1)
    FROM journey_touchpoint_problems l WHERE l.problem_id = OLD.id
    ON CONFLICT DO UPDATE SET problems = problems + excluded.problems,
                              unfixed = unfixed + excluded.unfixed;
    DELETE FROM journey_pain_days WHERE reports = 0 AND touchpoint_id IN
        (SELECT touchpoint_id FROM journey_touchpoint_problems WHERE problem_id = OLD.id);
    DELETE FROM journey_pain_problems WHERE problems = 0 AND touchpoint_id IN
        (SELECT touchpoint_id FROM journey_touchpoint_problems WHERE problem_id = OLD.id);
END;

CREATE TRIGGER journey_pain_problem_update_new AFTER UPDATE OF deleted_at, severity_rank, reported_on
ON problems
WHEN NEW.deleted_at IS NULL AND (OLD.deleted_at IS NOT NULL
    OR OLD.severity_rank <> NEW.severity_rank OR OLD.reported_on <> NEW.reported_on)
BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT l.touchpoint_id, d.day, count(*)
    FROM journey_touchpoint_problems l,
         (SELECT NEW.reported_on AS day
          UNION ALL SELECT occurred_on FROM occurrences WHERE problem_id = NEW.id) d
    WHERE l.problem_id = NEW.id GROUP BY l.touchpoint_id, d.day
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
    SELECT l.touchpoint_id, NEW.severity_rank, 1,
        NOT EXISTS (SELECT 1 FROM actions a
                    WHERE a.problem_id = NEW.id AND a.status = 'verified_effective'
                      AND a.kind <> 'containment' AND a.deleted_at IS NULL)
    FROM journey_touchpoint_problems l WHERE l.problem_id = NEW.id
    ON CONFLICT DO UPDATE SET problems = problems + excluded.problems,
                              unfixed = unfixed + excluded.unfixed;
END;

-- A later report logged, removed, or moved to another day or problem.
CREATE TRIGGER journey_pain_report_insert AFTER INSERT ON occurrences
BEGIN
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT l.touchpoint_id, NEW.occurred_on, 1 FROM journey_touchpoint_problems l
    WHERE l.problem_id = NEW.problem_id
      AND EXISTS (SELECT 1 FROM problems p WHERE p.id = NEW.problem_id AND p.deleted_at IS NULL)
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
END;

CREATE TRIGGER journey_pain_report_delete AFTER DELETE ON occurrences
BEGIN
    UPDATE journey_pain_days SET reports = reports - 1
    WHERE day = OLD.occurred_on AND touchpoint_id IN
        (SELECT l.touchpoint_id FROM journey_touchpoint_problems l WHERE l.problem_id = OLD.problem_id)
      AND EXISTS (SELECT 1 FROM problems p WHERE p.id = OLD.problem_id AND p.deleted_at IS NULL);
    DELETE FROM journey_pain_days WHERE day = OLD.occurred_on AND reports = 0 AND touchpoint_id IN
        (SELECT l.touchpoint_id FROM journey_touchpoint_problems l WHERE l.problem_id = OLD.problem_id);
END;

CREATE TRIGGER journey_pain_report_update AFTER UPDATE OF occurred_on, problem_id ON occurrences
WHEN OLD.occurred_on <> NEW.occurred_on OR OLD.problem_id <> NEW.problem_id
BEGIN
    UPDATE journey_pain_days SET reports = reports - 1
    WHERE day = OLD.occurred_on AND touchpoint_id IN
        (SELECT l.touchpoint_id FROM journey_touchpoint_problems l WHERE l.problem_id = OLD.problem_id)
      AND EXISTS (SELECT 1 FROM problems p WHERE p.id = OLD.problem_id AND p.deleted_at IS NULL);
    DELETE FROM journey_pain_days WHERE day = OLD.occurred_on AND reports = 0 AND touchpoint_id IN
        (SELECT l.touchpoint_id FROM journey_touchpoint_problems l WHERE l.problem_id = OLD.problem_id);
    INSERT INTO journey_pain_days (touchpoint_id, day, reports)
    SELECT l.touchpoint_id, NEW.occurred_on, 1 FROM journey_touchpoint_problems l
    WHERE l.problem_id = NEW.problem_id
      AND EXISTS (SELECT 1 FROM problems p WHERE p.id = NEW.problem_id AND p.deleted_at IS NULL)
    ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
END;

-- A problem's verified fix comes or goes when the one action that counts
-- starts or stops counting (another that counts keeps it fixed). An
-- action changed is the old one gone and the new one come; for the same
-- problem, the two halves cancel when it counts before and after.
CREATE TRIGGER journey_pain_fix_insert AFTER INSERT ON actions
WHEN NEW.status = 'verified_effective' AND NEW.kind <> 'containment' AND NEW.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM actions a
                  WHERE a.problem_id = NEW.problem_id AND a.id <> NEW.id AND a.status = 'verified_effective'
                    AND a.kind <> 'containment' AND a.deleted_at IS NULL)
BEGIN
    UPDATE journey_pain_problems SET unfixed = unfixed - 1
    WHERE (touchpoint_id, severity_rank) IN
        (SELECT l.touchpoint_id, p.severity_rank
         FROM journey_touchpoint_problems l JOIN problems p ON p.id = l.problem_id
         WHERE l.problem_id = NEW.problem_id AND p.deleted_at IS NULL);
END;

CREATE TRIGGER journey_pain_fix_delete AFTER DELETE ON actions
WHEN OLD.status = 'verified_effective' AND OLD.kind <> 'containment' AND OLD.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM actions a
                  WHERE a.problem_id = OLD.problem_id AND a.status = 'verified_effective'
                    AND a.kind <> 'containment' AND a.deleted_at IS NULL)
BEGIN
    UPDATE journey_pain_problems SET unfixed = unfixed + 1
    WHERE (touchpoint_id, severity_rank) IN
        (SELECT l.touchpoint_id, p.severity_rank
         FROM journey_touchpoint_problems l JOIN problems p ON p.id = l.problem_id
         WHERE l.problem_id = OLD.problem_id AND p.deleted_at IS NULL);
END;

CREATE TRIGGER journey_pain_fix_update_old AFTER UPDATE OF status, kind, deleted_at, problem_id ON actions
WHEN OLD.status = 'verified_effective' AND OLD.kind <> 'containment' AND OLD.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM actions a
                  WHERE a.problem_id = OLD.problem_id AND a.id <> OLD.id AND a.status = 'verified_effective'
                    AND a.kind <> 'containment' AND a.deleted_at IS NULL)
BEGIN
    UPDATE journey_pain_problems SET unfixed = unfixed + 1
    WHERE (touchpoint_id, severity_rank) IN
        (SELECT l.touchpoint_id, p.severity_rank
         FROM journey_touchpoint_problems l JOIN problems p ON p.id = l.problem_id
         WHERE l.problem_id = OLD.problem_id AND p.deleted_at IS NULL);
END;

CREATE TRIGGER journey_pain_fix_update_new AFTER UPDATE OF status, kind, deleted_at, problem_id ON actions
WHEN NEW.status = 'verified_effective' AND NEW.kind <> 'containment' AND NEW.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM actions a
                  WHERE a.problem_id = NEW.problem_id AND a.id <> NEW.id AND a.status = 'verified_effective'
                    AND a.kind <> 'containment' AND a.deleted_at IS NULL)
BEGIN
    UPDATE journey_pain_problems SET unfixed = unfixed - 1
    WHERE (touchpoint_id, severity_rank) IN
        (SELECT l.touchpoint_id, p.severity_rank
         FROM journey_touchpoint_problems l JOIN problems p ON p.id = l.problem_id
         WHERE l.problem_id = NEW.problem_id AND p.deleted_at IS NULL);
END;

-- What the workspace holds now.
INSERT INTO journey_pain_days (touchpoint_id, day, reports)
SELECT l.touchpoint_id, d.day, count(*)
FROM journey_touchpoint_problems l
JOIN problems p ON p.id = l.problem_id AND p.deleted_at IS NULL
JOIN (SELECT id AS problem_id, reported_on AS day FROM problems
      UNION ALL SELECT problem_id, occurred_on FROM occurrences) d ON d.problem_id = p.id
GROUP BY l.touchpoint_id, d.day;

INSERT INTO journey_pain_problems (touchpoint_id, severity_rank, problems, unfixed)
SELECT l.touchpoint_id, p.severity_rank, count(*),
    sum(NOT EXISTS (SELECT 1 FROM actions a
                    WHERE a.problem_id = p.id AND a.status = 'verified_effective'
                      AND a.kind <> 'containment' AND a.deleted_at IS NULL))
FROM journey_touchpoint_problems l
JOIN problems p ON p.id = l.problem_id AND p.deleted_at IS NULL
GROUP BY l.touchpoint_id, p.severity_rank;
