package dev.vouch.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Typed names of the schema in {@code db/migration}; the only place column names are spelled.
 *
 * <p>Queries select {@code ALL} rather than {@code selectFrom}, so values come back converted to the
 * declared Java types whatever the driver hands over.
 */
final class Tables {
    private Tables() {}

    static final class ServerVersions {
        static final Table<Record> TABLE = table(name("server_versions"));
        static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
        static final Field<String> SERVER_NAME = field(name("server_name"), SQLDataType.VARCHAR);
        static final Field<String> VERSION = field(name("version"), SQLDataType.VARCHAR);
        static final Field<byte[]> MANIFEST = field(name("manifest"), SQLDataType.BLOB);
        static final Field<String> MANIFEST_SHA256 = field(name("manifest_sha256"), SQLDataType.CHAR);
        static final Field<String> DESCRIPTION = field(name("description"), SQLDataType.VARCHAR);
        static final Field<String> TITLE = field(name("title"), SQLDataType.VARCHAR);
        static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
        static final Field<String> STATUS_MESSAGE = field(name("status_message"), SQLDataType.VARCHAR);
        static final Field<Long> STATUS_CHANGED_AT = field(name("status_changed_at"), SQLDataType.BIGINT);
        static final Field<Long> PUBLISHED_AT = field(name("published_at"), SQLDataType.BIGINT);
        static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);
        static final Field<Boolean> IS_LATEST = field(name("is_latest"), SQLDataType.BOOLEAN);
        static final Field<String> PUBLISHED_BY = field(name("published_by"), SQLDataType.VARCHAR);
        static final Field<String> REVIEW_STATE = field(name("review_state"), SQLDataType.VARCHAR);
        static final Field<String> REVIEW_REASON = field(name("review_reason"), SQLDataType.VARCHAR);
        static final Field<String> TIER = field(name("tier"), SQLDataType.VARCHAR);
        static final Field<byte[]> TRUST = field(name("trust"), SQLDataType.BLOB);
        static final Field<String> TOOLS_DIGEST = field(name("tools_digest"), SQLDataType.VARCHAR);
        /** What a listing shows; the cold blobs live in {@link ServerVersionDetails}. */
        static final List<Field<?>> HOT = List.of(
                ID,
                SERVER_NAME,
                VERSION,
                MANIFEST,
                MANIFEST_SHA256,
                DESCRIPTION,
                TITLE,
                STATUS,
                STATUS_MESSAGE,
                STATUS_CHANGED_AT,
                PUBLISHED_AT,
                UPDATED_AT,
                IS_LATEST,
                PUBLISHED_BY,
                REVIEW_STATE,
                REVIEW_REASON,
                TIER,
                TRUST,
                TOOLS_DIGEST);

        private ServerVersions() {}
    }

    /** The cold part of a version, read only by detail reads: tool definitions and the full report. */
    static final class ServerVersionDetails {
        static final Table<Record> TABLE = table(name("server_version_details"));
        static final Field<Long> VERSION_ID = field(name("server_version_details", "version_id"), SQLDataType.BIGINT);
        static final Field<byte[]> TOOLS = field(name("server_version_details", "tools"), SQLDataType.BLOB);
        static final Field<byte[]> REPORT = field(name("server_version_details", "report"), SQLDataType.BLOB);

        private ServerVersionDetails() {}
    }

    static final class CatalogChanges {
        static final Table<Record> TABLE = table(name("catalog_changes"));
        static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
        static final Field<Long> SEQ = field(name("seq"), SQLDataType.BIGINT);

        private CatalogChanges() {}
    }

    static final class ApiTokens {
        static final Table<Record> TABLE = table(name("api_tokens"));
        static final Field<String> ID = field(name("id"), SQLDataType.VARCHAR);
        static final Field<String> TOKEN_HASH = field(name("token_hash"), SQLDataType.CHAR);
        static final Field<String> ROLE = field(name("role"), SQLDataType.VARCHAR);
        static final Field<String> GRANTS = field(name("grants"), SQLDataType.VARCHAR);
        static final Field<String> DESCRIPTION = field(name("description"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        static final Field<Long> REVOKED_AT = field(name("revoked_at"), SQLDataType.BIGINT);
        static final Field<Long> EXPIRES_AT = field(name("expires_at"), SQLDataType.BIGINT);
        static final List<Field<?>> ALL =
                List.of(ID, TOKEN_HASH, ROLE, GRANTS, DESCRIPTION, CREATED_AT, REVOKED_AT, EXPIRES_AT);

        private ApiTokens() {}
    }

    static final class AuditLog {
        static final Table<Record> TABLE = table(name("audit_log"));
        static final Field<Long> SEQ = field(name("seq"), SQLDataType.BIGINT);
        static final Field<Long> AT = field(name("at"), SQLDataType.BIGINT);
        static final Field<String> ACTOR = field(name("actor"), SQLDataType.VARCHAR);
        static final Field<String> ACTION = field(name("action"), SQLDataType.VARCHAR);
        static final Field<String> SUBJECT = field(name("subject"), SQLDataType.VARCHAR);
        static final Field<String> DETAIL = field(name("detail"), SQLDataType.VARCHAR);
        static final Field<String> PREV_HASH = field(name("prev_hash"), SQLDataType.CHAR);
        static final Field<String> HASH = field(name("hash"), SQLDataType.CHAR);
        static final List<Field<?>> ALL = List.of(SEQ, AT, ACTOR, ACTION, SUBJECT, DETAIL, PREV_HASH, HASH);

        private AuditLog() {}
    }

    /** Mirror mode ({@code V12__mirror.sql}): each mirrored version's source and local outcome. */
    static final class MirrorEntries {
        static final Table<Record> TABLE = table(name("mirror_entries"));
        static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
        static final Field<String> UPSTREAM = field(name("upstream"), SQLDataType.VARCHAR);
        static final Field<String> SERVER_NAME = field(name("server_name"), SQLDataType.VARCHAR);
        static final Field<String> VERSION = field(name("version"), SQLDataType.VARCHAR);
        static final Field<Long> VERSION_ID = field(name("version_id"), SQLDataType.BIGINT);
        static final Field<String> MANIFEST_SHA256 = field(name("manifest_sha256"), SQLDataType.CHAR);
        static final Field<Long> UPSTREAM_PUBLISHED_AT = field(name("upstream_published_at"), SQLDataType.BIGINT);
        static final Field<Long> UPSTREAM_UPDATED_AT = field(name("upstream_updated_at"), SQLDataType.BIGINT);
        static final Field<String> UPSTREAM_STATUS = field(name("upstream_status"), SQLDataType.VARCHAR);
        static final Field<String> UPSTREAM_STATUS_MESSAGE =
                field(name("upstream_status_message"), SQLDataType.VARCHAR);
        static final Field<String> OUTCOME = field(name("outcome"), SQLDataType.VARCHAR);
        static final Field<String> REASONS = field(name("reasons"), SQLDataType.CLOB);
        static final Field<Long> RECORDED_AT = field(name("recorded_at"), SQLDataType.BIGINT);
        static final List<Field<?>> ALL = List.of(
                ID,
                UPSTREAM,
                SERVER_NAME,
                VERSION,
                VERSION_ID,
                MANIFEST_SHA256,
                UPSTREAM_PUBLISHED_AT,
                UPSTREAM_UPDATED_AT,
                UPSTREAM_STATUS,
                UPSTREAM_STATUS_MESSAGE,
                OUTCOME,
                REASONS,
                RECORDED_AT);

        private MirrorEntries() {}
    }

    /** Mirror mode: how far each upstream has been read. */
    static final class MirrorCheckpoints {
        static final Table<Record> TABLE = table(name("mirror_checkpoints"));
        static final Field<String> UPSTREAM = field(name("upstream"), SQLDataType.VARCHAR);
        static final Field<Long> UPDATED_SINCE = field(name("updated_since"), SQLDataType.BIGINT);
        static final Field<Long> RUN_SINCE = field(name("run_since"), SQLDataType.BIGINT);
        static final Field<String> RUN_CURSOR = field(name("run_cursor"), SQLDataType.VARCHAR);
        static final Field<Long> RUN_HIGH_WATER = field(name("run_high_water"), SQLDataType.BIGINT);
        static final Field<Long> RUN_CLOCK = field(name("run_clock"), SQLDataType.BIGINT);
        static final Field<Long> SNAPSHOT_SERIAL = field(name("snapshot_serial"), SQLDataType.BIGINT);
        static final List<Field<?>> ALL =
                List.of(UPSTREAM, UPDATED_SINCE, RUN_SINCE, RUN_CURSOR, RUN_HIGH_WATER, RUN_CLOCK, SNAPSHOT_SERIAL);

        private MirrorCheckpoints() {}
    }
}
