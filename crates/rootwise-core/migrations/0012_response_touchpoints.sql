-- A survey answer may be about a journey touchpoint (when known), and the
-- dashboard filters by touchpoint and by the customer segment of the
-- answers' problems.

ALTER TABLE survey_responses ADD COLUMN touchpoint_id TEXT;

-- A touchpoint's answers over a range.
CREATE INDEX survey_responses_touchpoint
    ON survey_responses (touchpoint_id, responded_on)
    WHERE touchpoint_id IS NOT NULL AND deleted_at IS NULL;
