-- One schema for every dialect: dialect-specific column types come in as Flyway placeholders
-- (see Database#placeholders), so SQLite and PostgreSQL share this file.

CREATE TABLE server_versions (
    id                ${identity_pk},
    server_name       VARCHAR(200) NOT NULL,
    version           VARCHAR(255) NOT NULL,
    manifest          ${binary} NOT NULL,
    manifest_sha256   CHAR(64) NOT NULL,
    description       VARCHAR(100) NOT NULL,
    title             VARCHAR(100),
    tools             ${binary},
    status            VARCHAR(16) NOT NULL,
    status_message    VARCHAR(500),
    status_changed_at BIGINT NOT NULL,
    published_at      BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    is_latest         BOOLEAN NOT NULL,
    published_by      VARCHAR(64) NOT NULL,
    CONSTRAINT uq_server_versions_name_version UNIQUE (server_name, version)
);

CREATE INDEX ix_server_versions_updated_at ON server_versions (updated_at);
CREATE INDEX ix_server_versions_latest ON server_versions (server_name, is_latest);

CREATE TABLE api_tokens (
    id          VARCHAR(64) PRIMARY KEY,
    token_hash  CHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    grants      VARCHAR(4000) NOT NULL,
    description VARCHAR(200),
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT,
    CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash)
);

CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    at        BIGINT NOT NULL,
    actor     VARCHAR(200) NOT NULL,
    action    VARCHAR(64) NOT NULL,
    subject   VARCHAR(500) NOT NULL,
    detail    VARCHAR(8000) NOT NULL,
    prev_hash CHAR(64) NOT NULL,
    hash      CHAR(64) NOT NULL
);
