-- Rootwise workspace schema, version 9: what a change edited in the trash.
-- A shipped migration is never edited: add a new file instead.

-- The rows a change edited while they were in the trash for its author
-- (JSON: table -> ids), such as the trashed actions a merge of duplicate
-- problems moves along. A merge elsewhere cannot tell this from the rest
-- of the log, and such an edit must neither bring the row back nor count
-- against a later move to the trash. NULL when there are none (and for
-- changes made before this version, which are taken as edits of live rows,
-- as they were).
ALTER TABLE change_log ADD COLUMN in_trash TEXT;
