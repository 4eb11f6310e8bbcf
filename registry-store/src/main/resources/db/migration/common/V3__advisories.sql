-- Advisories imported from OSV, one row per (advisory, affected package), so a component lookup is one
-- indexed query. The affected entry is kept as OSV JSON; the domain evaluates its ranges.
CREATE TABLE advisory_affected (
    advisory_id  VARCHAR(128) NOT NULL,
    ecosystem    VARCHAR(32) NOT NULL,
    package_name VARCHAR(400) NOT NULL,
    severity     VARCHAR(16) NOT NULL,
    summary      VARCHAR(1000),
    affected     ${binary} NOT NULL,
    modified     BIGINT NOT NULL,
    CONSTRAINT uq_advisory_affected UNIQUE (advisory_id, ecosystem, package_name)
);

CREATE INDEX ix_advisory_affected_package ON advisory_affected (ecosystem, package_name);
