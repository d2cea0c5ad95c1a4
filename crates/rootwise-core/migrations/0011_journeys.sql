-- Rootwise workspace schema, version 11: customer journey maps.
-- A shipped migration is never edited: add a new file instead.

-- A journey map: a current ("as is") or future ("to be") picture of every
-- touchpoint where a customer meets the brand. A future map may be made
-- from a current one (`made_from`). The review period is the map's own
-- (months, 4 unless the team sets another), so it travels with the map to
-- every copy; a map is due for review once `reviewed_at` (or, never
-- reviewed, `created_at`) is that many months old.
CREATE TABLE journey_maps (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    state         TEXT NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'future')),
    made_from     TEXT REFERENCES journey_maps (id),
    review_months INTEGER NOT NULL DEFAULT 4 CHECK (review_months BETWEEN 1 AND 24),
    reviewed_at   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    deleted_by    TEXT
) STRICT;
CREATE INDEX journey_maps_live ON journey_maps (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX journey_maps_made_from ON journey_maps (made_from) WHERE made_from IS NOT NULL;
CREATE INDEX journey_maps_trash ON journey_maps (deleted_at) WHERE deleted_at IS NOT NULL;

-- The personas a map is about (none, one or several).
CREATE TABLE journey_map_personas (
    map_id     TEXT NOT NULL REFERENCES journey_maps (id),
    persona_id TEXT NOT NULL REFERENCES personas (id),
    PRIMARY KEY (map_id, persona_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX journey_map_personas_by_persona ON journey_map_personas (persona_id, map_id);

-- Ordering: `position` is a fraction, as on empathy notes, so an item
-- slips between two others by taking the middle value and one move is one
-- changed column (two copies moving different items never rewrite each
-- other's rows). Ties, which only concurrent moves on two copies can
-- make, sort by id, the same on every copy.

-- A stage of the journey (awareness, purchase, ...), in order across.
-- Trashed on its own, it takes its live touchpoints along: they carry
-- `deleted_with` (the stage's id), so restoring the stage brings back
-- exactly those. A map in the trash hides its stages without stamping them.
CREATE TABLE journey_stages (
    id           TEXT PRIMARY KEY NOT NULL,
    map_id       TEXT NOT NULL REFERENCES journey_maps (id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position     REAL NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    deleted_by   TEXT
) STRICT;
CREATE INDEX journey_stages_by_map ON journey_stages (map_id, position) WHERE deleted_at IS NULL;
CREATE INDEX journey_stages_trash ON journey_stages (deleted_at) WHERE deleted_at IS NOT NULL;

-- A touchpoint under a stage, in order: where the customer meets the
-- brand, on which channel (the problems' channels), directly or not, and
-- which team owns it. The emotion curve's two points: how the customer
-- feels there now and how they should (-2..+2, either may be unset).
-- `map_id` is fixed at creation (a touchpoint moves between stages of its
-- map only), so a map's touchpoints are one index range.
CREATE TABLE journey_touchpoints (
    id              TEXT PRIMARY KEY NOT NULL,
    map_id          TEXT NOT NULL REFERENCES journey_maps (id),
    stage_id        TEXT NOT NULL REFERENCES journey_stages (id),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position        REAL NOT NULL,
    channel         TEXT CHECK (channel IN ('phone', 'email', 'chat', 'social', 'in_person', 'self_service', 'other')),
    direct          INTEGER NOT NULL DEFAULT 1 CHECK (direct IN (0, 1)),
    owner_team      TEXT NOT NULL DEFAULT '',
    emotion_current INTEGER CHECK (emotion_current BETWEEN -2 AND 2),
    emotion_target  INTEGER CHECK (emotion_target BETWEEN -2 AND 2),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT,
    deleted_with    TEXT
) STRICT;
CREATE INDEX journey_touchpoints_by_map ON journey_touchpoints (map_id, stage_id, position) WHERE deleted_at IS NULL;
CREATE INDEX journey_touchpoints_by_stage ON journey_touchpoints (stage_id, deleted_with);
CREATE INDEX journey_touchpoints_trash ON journey_touchpoints (deleted_at) WHERE deleted_at IS NOT NULL;

-- A text card in one cell of the grid: a stage crossed with a lane
-- (customer actions, expectations, thoughts, emotions, motivations,
-- obstacles, opportunities), several per cell, in order. A card of a
-- trashed stage is hidden with it, unstamped.
CREATE TABLE journey_cards (
    id         TEXT PRIMARY KEY NOT NULL,
    map_id     TEXT NOT NULL REFERENCES journey_maps (id),
    stage_id   TEXT NOT NULL REFERENCES journey_stages (id),
    lane       TEXT NOT NULL CHECK (lane IN ('actions', 'expectations', 'thoughts', 'emotions',
                                             'motivations', 'obstacles', 'opportunities')),
    position   REAL NOT NULL,
    text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
CREATE INDEX journey_cards_by_map ON journey_cards (map_id, stage_id, lane, position) WHERE deleted_at IS NULL;
CREATE INDEX journey_cards_trash ON journey_cards (deleted_at) WHERE deleted_at IS NOT NULL;

-- The problems that happen at a touchpoint: the real link a problem's
-- free-text journey stage becomes. A problem may sit on touchpoints of
-- several maps (a current map per persona, say). The problem's own
-- `journey_stage` text is left as it was: maps are new in this version, so
-- no existing text can match a touchpoint yet; the core links problems
-- whose text names a touchpoint (or a stage) of a map when asked
-- (`journey::link_matching_problems`) and leaves every other text alone.
CREATE TABLE journey_touchpoint_problems (
    touchpoint_id TEXT NOT NULL REFERENCES journey_touchpoints (id),
    problem_id    TEXT NOT NULL REFERENCES problems (id),
    PRIMARY KEY (touchpoint_id, problem_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX journey_touchpoint_problems_by_problem ON journey_touchpoint_problems (problem_id, touchpoint_id);
-- The pain overlay reads, for each problem linked to a map, whether it is
-- live, its severity, the day it was reported, its last report and its
-- number of reports: one lookup in this index, not two (the key, then the
-- wide row), for each of tens of thousands of linked problems.
CREATE INDEX problems_pain ON problems
    (id, severity_rank, reported_on, last_seen, occurrence_count, deleted_at) WHERE deleted_at IS NULL;

-- Empathy notes and persona quotes pinned to a touchpoint.
CREATE TABLE journey_touchpoint_notes (
    touchpoint_id TEXT NOT NULL REFERENCES journey_touchpoints (id),
    note_id       TEXT NOT NULL REFERENCES empathy_notes (id),
    PRIMARY KEY (touchpoint_id, note_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX journey_touchpoint_notes_by_note ON journey_touchpoint_notes (note_id, touchpoint_id);

CREATE TABLE journey_touchpoint_quotes (
    touchpoint_id TEXT NOT NULL REFERENCES journey_touchpoints (id),
    quote_id      TEXT NOT NULL REFERENCES persona_quotes (id),
    PRIMARY KEY (touchpoint_id, quote_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX journey_touchpoint_quotes_by_quote ON journey_touchpoint_quotes (quote_id, touchpoint_id);

-- The corrective actions an opportunity card became.
CREATE TABLE journey_card_actions (
    card_id   TEXT NOT NULL REFERENCES journey_cards (id),
    action_id TEXT NOT NULL REFERENCES actions (id),
    PRIMARY KEY (card_id, action_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX journey_card_actions_by_action ON journey_card_actions (action_id, card_id);
