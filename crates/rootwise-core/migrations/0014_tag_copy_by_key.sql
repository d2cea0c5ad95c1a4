-- A new tag row takes its problem's list columns (0004). The trigger did
-- it through a join whose order SQLite chose from the statistics: taken
-- while the workspace was small, they made it scan every problem for each
-- tag added, so 50,000 tagged problems (one help-desk import) took
-- minutes. The same copy, as a lookup by key whatever the statistics say.
DROP TRIGGER problem_tags_copy_problem;

CREATE TRIGGER problem_tags_copy_problem AFTER INSERT ON problem_tags
WHEN EXISTS (SELECT 1 FROM problems WHERE id = NEW.problem_id)
BEGIN
    UPDATE problem_tags
    SET (deleted_at, reported_on, status_rank, severity_rank, channel, owner) =
        (SELECT deleted_at, reported_on, status_rank, severity_rank, channel, owner
         FROM problems WHERE id = NEW.problem_id)
    WHERE problem_id = NEW.problem_id AND tag = NEW.tag;
END;
