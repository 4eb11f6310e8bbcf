-- Mirror mode: where each mirrored version came from, and how far each upstream has been read.
-- Portable SQL for every dialect; dialect-specific types come in as Flyway placeholders.

-- One row per (server, version) the mirror has seen upstream, whatever local policy decided: the source
-- (upstream URL, its publishedAt/updatedAt/status) and the local outcome. A rejected version is kept
-- here with its reasons, never in server_versions, so it is queryable by an admin but not served.
CREATE TABLE mirror_entries (
    id                    ${identity_pk},
    upstream              VARCHAR(500) NOT NULL,
    server_name           VARCHAR(200) NOT NULL,
    version               VARCHAR(255) NOT NULL,
    version_id            BIGINT,
    manifest_sha256       CHAR(64) NOT NULL,
    upstream_published_at BIGINT,
    upstream_updated_at   BIGINT,
    upstream_status       VARCHAR(16) NOT NULL,
    upstream_status_message VARCHAR(500),
    outcome               VARCHAR(16) NOT NULL,
    reasons               TEXT,
    recorded_at           BIGINT NOT NULL,
    CONSTRAINT uq_mirror_entries_name_version UNIQUE (server_name, version)
);

-- Reads look a mirrored version's source up by its id; admins list rejections in order.
CREATE INDEX ix_mirror_entries_version ON mirror_entries (version_id);
CREATE INDEX ix_mirror_entries_outcome ON mirror_entries (outcome, id);

-- The durable checkpoint of each upstream: the updated_since of the next run, and while a run is under
-- way the cursor of its next page, so a run killed mid-way resumes where it stopped.
CREATE TABLE mirror_checkpoints (
    upstream        VARCHAR(500) PRIMARY KEY,
    updated_since   BIGINT,
    run_since       BIGINT,
    run_cursor      VARCHAR(2000),
    run_high_water  BIGINT,
    run_clock       BIGINT,
    snapshot_serial BIGINT
);
