-- Rootwise workspace schema: help-desk imports (Zendesk, Freshdesk, any
-- CSV), after 0012 (answers naming a touchpoint).
-- A shipped migration is never edited: add a new file instead.

-- A column mapping saved by name for a CSV layout, reused by later
-- imports: which header holds which ticket field, and the channel,
-- priority and status tables (JSON, as `helpdesk::SavedMapping` writes
-- them). Names are not unique in SQL (two copies may each save one; a
-- merge keeps both and the newest wins by name), only in the core.
CREATE TABLE import_mappings (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    format     TEXT NOT NULL CHECK (format IN ('zendesk_csv', 'zendesk_json', 'freshdesk_csv', 'csv')),
    mapping    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
CREATE INDEX import_mappings_live ON import_mappings (name, updated_at) WHERE deleted_at IS NULL;
CREATE INDEX import_mappings_trash ON import_mappings (deleted_at) WHERE deleted_at IS NOT NULL;

-- An import looks up every ticket id it reads among the references and
-- reported tickets already logged (re-importing adds nothing).
CREATE INDEX problem_refs_by_reference ON problem_refs (reference, problem_id);
CREATE INDEX occurrences_by_ticket_ref ON occurrences (ticket_ref, problem_id) WHERE ticket_ref <> '';
