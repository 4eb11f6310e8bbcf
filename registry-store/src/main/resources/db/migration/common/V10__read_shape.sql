-- Reads outnumber writes by orders of magnitude, so the catalog is laid out for them.
--
-- The cold blobs (the tool definitions and the full report) move to a side table: a listing never shows
-- them, and kept inline they made every row span pages.
CREATE TABLE server_version_details (
    version_id BIGINT PRIMARY KEY,
    tools      ${binary},
    report     ${binary}
);

INSERT INTO server_version_details (version_id, tools, report)
SELECT id, tools, report FROM server_versions;

ALTER TABLE server_versions DROP COLUMN tools;
ALTER TABLE server_versions DROP COLUMN report;

-- An index on review_state matches every published row, so the planner picked it and then sorted the
-- whole table for every page. The served versions get partial indexes in each query's own order
-- instead; the queries name the same literal conditions, which is what lets the planner use them.
DROP INDEX ix_server_versions_review;
DROP INDEX ix_server_versions_updated_at;

-- The catalog order (server name, publication order) and the same for latest versions only.
CREATE INDEX ix_server_versions_served ON server_versions (server_name, id)
    WHERE review_state = 'published';
CREATE INDEX ix_server_versions_served_latest ON server_versions (server_name, id)
    WHERE review_state = 'published' AND is_latest = ${true};
-- The mirror feed (updated_since): change order.
CREATE INDEX ix_server_versions_served_feed ON server_versions (updated_at, id)
    WHERE review_state = 'published';
-- The curator queue: only the few versions that are not published.
CREATE INDEX ix_server_versions_unpublished ON server_versions (review_state, id)
    WHERE review_state <> 'published';

-- The catalog change sequence: every write transaction bumps it, so a response cached under one value
-- is known stale on every node that reads another.
CREATE TABLE catalog_changes (
    id  INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO catalog_changes (id, seq) VALUES (1, 1);
