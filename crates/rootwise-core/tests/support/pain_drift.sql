-- The journey pain counts the triggers keep (migration 0015) against the
-- same counts made from the rows now: one row per difference, none when
-- they agree. Shared by the journey, store and convergence tests.
WITH fresh_days AS (
    SELECT l.touchpoint_id, d.day, count(*) AS reports
    FROM journey_touchpoint_problems l
    JOIN problems p ON p.id = l.problem_id AND p.deleted_at IS NULL
    JOIN (SELECT id AS problem_id, reported_on AS day FROM problems
          UNION ALL SELECT problem_id, occurred_on FROM occurrences) d ON d.problem_id = p.id
    GROUP BY 1, 2),
fresh_problems AS (
    SELECT l.touchpoint_id, p.severity_rank, count(*) AS problems,
        sum(NOT EXISTS (SELECT 1 FROM actions a
                        WHERE a.problem_id = p.id AND a.status = 'verified_effective'
                          AND a.kind <> 'containment' AND a.deleted_at IS NULL)) AS unfixed
    FROM journey_touchpoint_problems l
    JOIN problems p ON p.id = l.problem_id AND p.deleted_at IS NULL
    GROUP BY 1, 2)
SELECT 'kept day', * FROM (SELECT touchpoint_id, day, reports, NULL FROM journey_pain_days
                           EXCEPT SELECT *, NULL FROM fresh_days)
UNION ALL
SELECT 'fresh day', * FROM (SELECT *, NULL FROM fresh_days
                            EXCEPT SELECT touchpoint_id, day, reports, NULL FROM journey_pain_days)
UNION ALL
SELECT 'kept severity', * FROM (SELECT touchpoint_id, severity_rank, problems, unfixed
                                FROM journey_pain_problems EXCEPT SELECT * FROM fresh_problems)
UNION ALL
SELECT 'fresh severity', * FROM (SELECT * FROM fresh_problems
                                 EXCEPT SELECT touchpoint_id, severity_rank, problems, unfixed
                                 FROM journey_pain_problems)
