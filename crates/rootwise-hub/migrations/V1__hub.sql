-- The Rootwise hub's schema, version 1. A shipped migration is never
-- edited: add a new file (V2__...) instead.

-- People who may reach the hub.
CREATE TABLE users (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Their tokens: only a SHA-256 of each is kept (a token is 256 random
-- bits, so a plain hash is enough; the token itself is shown once).
CREATE TABLE tokens (
    id          bigserial PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    hash        bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- Team workspaces, by the Rootwise workspace id all their copies share.
CREATE TABLE workspaces (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Who belongs to which workspace.
CREATE TABLE members (
    workspace_id text NOT NULL REFERENCES workspaces (id),
    user_id      bigint NOT NULL REFERENCES users (id),
    added_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);

-- The team's changes: an append-only log. `seq` is the cursor clients
-- pull after; pushes to one workspace are serialised (a row lock on the
-- workspace), so within a workspace `seq` order is commit order and no
-- change can appear behind a cursor already handed out. A change is
-- stored once: its stamp is unique in its workspace.
CREATE TABLE changes (
    seq            bigserial PRIMARY KEY,
    workspace_id   text NOT NULL REFERENCES workspaces (id),
    hlc            text NOT NULL,
    replica_id     text NOT NULL,
    author         text NOT NULL,
    changeset      bytea NOT NULL,
    knew           jsonb NOT NULL DEFAULT '{}',
    history        jsonb NOT NULL DEFAULT '[]',
    in_trash       jsonb NOT NULL DEFAULT '{}',
    schema_version integer NOT NULL,
    pushed_by      bigint NOT NULL REFERENCES users (id),
    received_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, hlc)
);
CREATE INDEX changes_by_workspace ON changes (workspace_id, seq);

-- For each workspace and copy, the latest stamp of that copy's changes the
-- hub holds (what a client need not push again).
CREATE TABLE holds (
    workspace_id text NOT NULL REFERENCES workspaces (id),
    replica_id   text NOT NULL,
    hlc          text NOT NULL,
    PRIMARY KEY (workspace_id, replica_id)
);

-- The hub's epoch: a new one after a backup is restored (`rootwise-hub
-- restored`), so every client pulls from the beginning again instead of
-- trusting a cursor the restored log may reuse.
CREATE TABLE hub (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch     text NOT NULL
);
INSERT INTO hub (epoch) VALUES (gen_random_uuid()::text);
