-- What the publish pipeline decided for each version: its review state (only published versions are
-- listed publicly), its trust tier, the trust summary every read carries, the full report of checks and
-- findings, and the canonical digest of its tool set (the baseline for rug-pull drift).
ALTER TABLE server_versions ADD COLUMN review_state VARCHAR(16) NOT NULL DEFAULT 'published';
ALTER TABLE server_versions ADD COLUMN review_reason VARCHAR(500);
ALTER TABLE server_versions ADD COLUMN tier VARCHAR(16) NOT NULL DEFAULT 'community';
ALTER TABLE server_versions ADD COLUMN trust ${binary};
ALTER TABLE server_versions ADD COLUMN report ${binary};
ALTER TABLE server_versions ADD COLUMN tools_digest VARCHAR(80);

CREATE INDEX ix_server_versions_review ON server_versions (review_state);
