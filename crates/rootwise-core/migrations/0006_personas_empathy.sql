-- Rootwise workspace schema, version 6: personas and empathy maps.
-- A shipped migration is never edited: add a new file instead.

-- A persona: a kind of customer, built from what real customers said.
-- Lists of short items (channels) are JSON arrays of text.
CREATE TABLE personas (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role         TEXT NOT NULL DEFAULT '',
    segment      TEXT NOT NULL DEFAULT '',
    goals        TEXT NOT NULL DEFAULT '',
    pain_points  TEXT NOT NULL DEFAULT '',
    triggers     TEXT NOT NULL DEFAULT '',
    fears        TEXT NOT NULL DEFAULT '',
    channels     TEXT NOT NULL DEFAULT '[]',
    story        TEXT NOT NULL DEFAULT '',
    demographics TEXT NOT NULL DEFAULT '',
    sample       INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    deleted_by   TEXT
) STRICT;
CREATE INDEX personas_live ON personas (name) WHERE deleted_at IS NULL;
CREATE INDEX personas_trash ON personas (deleted_at) WHERE deleted_at IS NOT NULL;

-- A persona's optional picture, kept in the workspace (not a path on
-- disk), checked to be a PNG or JPEG of bounded size.
CREATE TABLE persona_pictures (
    persona_id TEXT PRIMARY KEY NOT NULL REFERENCES personas (id),
    mime       TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    width      INTEGER NOT NULL CHECK (width > 0),
    height     INTEGER NOT NULL CHECK (height > 0),
    bytes      BLOB NOT NULL
) STRICT;

-- What a customer said, in their own words, with where it was heard.
CREATE TABLE persona_quotes (
    id          TEXT PRIMARY KEY NOT NULL,
    persona_id  TEXT NOT NULL REFERENCES personas (id),
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    source      TEXT NOT NULL CHECK (source IN ('interview', 'call_recording', 'session_recording',
                                                'survey', 'written_review', 'support_ticket')),
    -- A ticket number, a recording's name, a survey: required for a ticket.
    reference   TEXT NOT NULL DEFAULT '',
    said_on     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    deleted_by  TEXT
) STRICT;
CREATE INDEX persona_quotes_by_persona ON persona_quotes (persona_id, said_on);
CREATE INDEX persona_quotes_trash ON persona_quotes (deleted_at) WHERE deleted_at IS NOT NULL;

-- The problems that hurt a persona.
CREATE TABLE persona_problems (
    persona_id TEXT NOT NULL REFERENCES personas (id),
    problem_id TEXT NOT NULL REFERENCES problems (id),
    PRIMARY KEY (persona_id, problem_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX persona_problems_by_problem ON persona_problems (problem_id, persona_id);

-- An empathy map: a workshop's board for one persona, maybe about one
-- problem. `phase` is 'private' while participants write notes that stay
-- hidden until revealed.
CREATE TABLE empathy_maps (
    id               TEXT PRIMARY KEY NOT NULL,
    persona_id       TEXT NOT NULL REFERENCES personas (id),
    problem_id       TEXT REFERENCES problems (id),
    title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    held_on          TEXT NOT NULL,
    participants     TEXT NOT NULL DEFAULT '[]',
    votes_per_person INTEGER NOT NULL DEFAULT 3 CHECK (votes_per_person BETWEEN 1 AND 20),
    phase            TEXT NOT NULL DEFAULT 'open' CHECK (phase IN ('open', 'private')),
    sample           INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    deleted_by       TEXT
) STRICT;
CREATE INDEX empathy_maps_by_persona ON empathy_maps (persona_id, held_on) WHERE deleted_at IS NULL;
CREATE INDEX empathy_maps_by_problem ON empathy_maps (problem_id) WHERE problem_id IS NOT NULL;
CREATE INDEX empathy_maps_trash ON empathy_maps (deleted_at) WHERE deleted_at IS NOT NULL;

-- A named cluster of notes in one area of a map.
CREATE TABLE empathy_groups (
    id         TEXT PRIMARY KEY NOT NULL,
    map_id     TEXT NOT NULL REFERENCES empathy_maps (id),
    area       TEXT NOT NULL CHECK (area IN ('says', 'thinks', 'does', 'feels', 'pains', 'gains')),
    label      TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX empathy_groups_by_map ON empathy_groups (map_id) WHERE deleted_at IS NULL;

-- A sticky note. `position` orders the notes of an area (fractions let a
-- note slip between two without renumbering). `hidden` is 1 for a note
-- written in a private-writing round, until the round is revealed.
CREATE TABLE empathy_notes (
    id         TEXT PRIMARY KEY NOT NULL,
    map_id     TEXT NOT NULL REFERENCES empathy_maps (id),
    area       TEXT NOT NULL CHECK (area IN ('says', 'thinks', 'does', 'feels', 'pains', 'gains')),
    position   REAL NOT NULL,
    text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    colour     TEXT NOT NULL DEFAULT 'yellow'
        CHECK (colour IN ('yellow', 'pink', 'blue', 'green', 'orange', 'purple')),
    author     TEXT NOT NULL DEFAULT '',
    group_id   TEXT REFERENCES empathy_groups (id),
    problem_id TEXT REFERENCES problems (id),
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
CREATE INDEX empathy_notes_by_map ON empathy_notes (map_id, area, position) WHERE deleted_at IS NULL;
CREATE INDEX empathy_notes_by_problem ON empathy_notes (problem_id) WHERE problem_id IS NOT NULL;
CREATE INDEX empathy_notes_trash ON empathy_notes (deleted_at) WHERE deleted_at IS NOT NULL;

-- The why nodes a note supports, as evidence.
CREATE TABLE empathy_note_causes (
    note_id TEXT NOT NULL REFERENCES empathy_notes (id),
    why_id  TEXT NOT NULL REFERENCES why_nodes (id),
    PRIMARY KEY (note_id, why_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX empathy_note_causes_by_why ON empathy_note_causes (why_id, note_id);

-- Dot votes: one row a dot; a participant may put several on one note.
CREATE TABLE empathy_votes (
    id         TEXT PRIMARY KEY NOT NULL,
    map_id     TEXT NOT NULL REFERENCES empathy_maps (id),
    note_id    TEXT NOT NULL REFERENCES empathy_notes (id),
    voter      TEXT NOT NULL CHECK (length(voter) BETWEEN 1 AND 200),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX empathy_votes_by_map ON empathy_votes (map_id, voter);
CREATE INDEX empathy_votes_by_note ON empathy_votes (note_id);
