package dev.vouch.store;

import static dev.vouch.store.Tables.ServerVersions.ALL;
import static dev.vouch.store.Tables.ServerVersions.DESCRIPTION;
import static dev.vouch.store.Tables.ServerVersions.ID;
import static dev.vouch.store.Tables.ServerVersions.IS_LATEST;
import static dev.vouch.store.Tables.ServerVersions.MANIFEST;
import static dev.vouch.store.Tables.ServerVersions.MANIFEST_SHA256;
import static dev.vouch.store.Tables.ServerVersions.PUBLISHED_AT;
import static dev.vouch.store.Tables.ServerVersions.PUBLISHED_BY;
import static dev.vouch.store.Tables.ServerVersions.REPORT;
import static dev.vouch.store.Tables.ServerVersions.REVIEW_REASON;
import static dev.vouch.store.Tables.ServerVersions.REVIEW_STATE;
import static dev.vouch.store.Tables.ServerVersions.SERVER_NAME;
import static dev.vouch.store.Tables.ServerVersions.STATUS;
import static dev.vouch.store.Tables.ServerVersions.STATUS_CHANGED_AT;
import static dev.vouch.store.Tables.ServerVersions.STATUS_MESSAGE;
import static dev.vouch.store.Tables.ServerVersions.TABLE;
import static dev.vouch.store.Tables.ServerVersions.TIER;
import static dev.vouch.store.Tables.ServerVersions.TITLE;
import static dev.vouch.store.Tables.ServerVersions.TOOLS;
import static dev.vouch.store.Tables.ServerVersions.TOOLS_DIGEST;
import static dev.vouch.store.Tables.ServerVersions.TRUST;
import static dev.vouch.store.Tables.ServerVersions.UPDATED_AT;
import static dev.vouch.store.Tables.ServerVersions.VERSION;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;

/** The server-version aggregate: every published version of every server. */
public final class ServerVersionRepository {

    private final DSLContext dsl;

    ServerVersionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<StoredVersion> find(String serverName, String version) {
        return dsl.select(ALL).from(TABLE)
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .fetchOptional(ServerVersionRepository::toStored);
    }

    public Optional<StoredVersion> findLatest(String serverName) {
        return dsl.select(ALL).from(TABLE)
                .where(SERVER_NAME.eq(serverName).and(IS_LATEST.isTrue()))
                .fetchOptional(ServerVersionRepository::toStored);
    }

    /** Every published version of one server, newest publication first. */
    public List<StoredVersion> listVersions(String serverName, boolean includeDeleted) {
        return dsl.select(ALL).from(TABLE)
                .where(SERVER_NAME.eq(serverName).and(deletedFilter(includeDeleted)).and(publishedOnly()))
                .orderBy(ID.desc())
                .fetch(ServerVersionRepository::toStored);
    }

    /** Every version in a review state, oldest first: the curator's queue. */
    public List<StoredVersion> listByReviewState(ReviewState state, int limit) {
        return dsl.select(ALL).from(TABLE)
                .where(REVIEW_STATE.eq(state.wireName()))
                .orderBy(ID.asc())
                .limit(limit)
                .fetch(ServerVersionRepository::toStored);
    }

    /** Every version of every server in any state, in publication order, after {@code afterId}: for rescans. */
    public List<StoredVersion> listAll(long afterId, int limit) {
        return dsl.select(ALL).from(TABLE).where(ID.gt(afterId)).orderBy(ID.asc()).limit(limit)
                .fetch(ServerVersionRepository::toStored);
    }

    /** Replaces a version's trust summary and report after a rescan; the change reaches the feed. */
    public void updateAssessment(String serverName, String version, byte[] trust, byte[] report, Instant at) {
        dsl.update(TABLE)
                .set(TRUST, trust)
                .set(REPORT, report)
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
    }

    /** Replaces a version's report alone: a rescan that changed no trust data keeps it out of the feed. */
    public void replaceReport(String serverName, String version, byte[] report) {
        dsl.update(TABLE)
                .set(REPORT, report)
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
    }

    /** Records a curator's decision on a version; the change reaches the {@code updated_since} feed. */
    public void updateReview(String serverName, String version, ReviewState state, Optional<String> reason,
                             Instant at) {
        dsl.update(TABLE)
                .set(REVIEW_STATE, state.wireName())
                .set(REVIEW_REASON, reason.orElse(null))
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
    }

    /** Marks one version latest (after {@link #clearLatest}). */
    public void markLatest(String serverName, String version, Instant at) {
        dsl.update(TABLE)
                .set(IS_LATEST, true)
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
    }

    public int countVersions(String serverName) {
        return dsl.fetchCount(TABLE, SERVER_NAME.eq(serverName));
    }

    /** How many versions, of any server, status or review state, someone other than {@code publisher} published. */
    public int countPublishedByOthers(String publisher) {
        return dsl.fetchCount(TABLE, PUBLISHED_BY.ne(publisher));
    }

    /** One page of the catalog, ordered by server name and then publication order. */
    public Page<StoredVersion> list(VersionQuery query) {
        Condition where = deletedFilter(query.includeDeleted()).and(publishedOnly());
        where = where.and(query.search()
                .map(term -> SERVER_NAME.containsIgnoreCase(term).or(DESCRIPTION.containsIgnoreCase(term)))
                .orElse(noCondition()));
        where = where.and(query.updatedSince().map(since -> UPDATED_AT.gt(Micros.of(since))).orElse(noCondition()));
        where = where.and(query.version().map(ServerVersionRepository::selectorCondition).orElse(noCondition()));
        where = where.and(query.tier().map(TIER::eq).orElse(noCondition()));
        where = where.and(query.after()
                .map(key -> row(SERVER_NAME, ID).gt(key.serverName(), key.id()))
                .orElse(noCondition()));

        List<StoredVersion> rows = dsl.select(ALL).from(TABLE)
                .where(where)
                .orderBy(SERVER_NAME.asc(), ID.asc())
                .limit(query.limit() + 1)
                .fetch(ServerVersionRepository::toStored);
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredVersion> page = rows.subList(0, query.limit());
        StoredVersion last = page.get(page.size() - 1);
        return new Page<>(List.copyOf(page), Optional.of(new PageKey(last.serverName(), last.id())));
    }

    /**
     * Stores a new version.
     *
     * @throws DuplicateVersionException when that name and version are already stored
     */
    public StoredVersion insert(NewVersion version) {
        long at = Micros.of(version.publishedAt());
        try {
            dsl.insertInto(TABLE)
                    .set(SERVER_NAME, version.serverName())
                    .set(VERSION, version.version())
                    .set(MANIFEST, version.manifest())
                    .set(MANIFEST_SHA256, version.manifestSha256())
                    .set(DESCRIPTION, version.description())
                    .set(TITLE, version.title().orElse(null))
                    .set(TOOLS, version.tools().orElse(null))
                    .set(STATUS, VersionStatus.ACTIVE.wireName())
                    .set(STATUS_CHANGED_AT, at)
                    .set(PUBLISHED_AT, at)
                    .set(UPDATED_AT, at)
                    .set(IS_LATEST, version.latest())
                    .set(PUBLISHED_BY, version.publishedBy())
                    .set(REVIEW_STATE, version.reviewState().wireName())
                    .set(TIER, version.tier())
                    .set(TRUST, version.trust().orElse(null))
                    .set(REPORT, version.report().orElse(null))
                    .set(TOOLS_DIGEST, version.toolsDigest().orElse(null))
                    .execute();
            return find(version.serverName(), version.version())
                    .orElseThrow(() -> new IllegalStateException("inserted version not readable"));
        } catch (IntegrityConstraintViolationException e) {
            throw new DuplicateVersionException(version.serverName(), version.version());
        }
    }

    /** Takes the latest mark off every version of a server, before another version receives it. */
    public void clearLatest(String serverName, Instant at) {
        dsl.update(TABLE)
                .set(IS_LATEST, false)
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(IS_LATEST.isTrue()))
                .execute();
    }

    /**
     * Sets the status of one version, or of every version when {@code version} is empty.
     *
     * @return the number of versions changed
     */
    public int updateStatus(String serverName, Optional<String> version, VersionStatus status,
                            Optional<String> message, Instant at) {
        long micros = Micros.of(at);
        Condition target = SERVER_NAME.eq(serverName).and(version.map(VERSION::eq).orElse(noCondition()));
        return dsl.update(TABLE)
                .set(STATUS, status.wireName())
                .set(STATUS_MESSAGE, message.orElse(null))
                .set(STATUS_CHANGED_AT, micros)
                .set(UPDATED_AT, micros)
                .where(target)
                .execute();
    }

    private static Condition publishedOnly() {
        return REVIEW_STATE.eq(ReviewState.PUBLISHED.wireName());
    }

    private static Condition deletedFilter(boolean includeDeleted) {
        return includeDeleted ? noCondition() : STATUS.ne(VersionStatus.DELETED.wireName());
    }

    private static Condition selectorCondition(VersionQuery.VersionSelector selector) {
        if (selector instanceof VersionQuery.VersionSelector.Exact exact) {
            return VERSION.eq(exact.version());
        }
        return IS_LATEST.isTrue();
    }

    private static StoredVersion toStored(Record r) {
        return new StoredVersion(
                r.get(ID),
                r.get(SERVER_NAME),
                r.get(VERSION),
                r.get(MANIFEST),
                r.get(MANIFEST_SHA256),
                Optional.ofNullable(r.get(TOOLS)),
                VersionStatus.fromWire(r.get(STATUS))
                        .orElseThrow(() -> new IllegalStateException("unknown status " + r.get(STATUS))),
                Optional.ofNullable(r.get(STATUS_MESSAGE)),
                Micros.toInstant(r.get(STATUS_CHANGED_AT)),
                Micros.toInstant(r.get(PUBLISHED_AT)),
                Micros.toInstant(r.get(UPDATED_AT)),
                r.get(IS_LATEST),
                r.get(PUBLISHED_BY),
                ReviewState.fromWire(r.get(REVIEW_STATE))
                        .orElseThrow(() -> new IllegalStateException("unknown review state " + r.get(REVIEW_STATE))),
                Optional.ofNullable(r.get(REVIEW_REASON)),
                r.get(TIER),
                Optional.ofNullable(r.get(TRUST)),
                Optional.ofNullable(r.get(REPORT)),
                Optional.ofNullable(r.get(TOOLS_DIGEST)));
    }
}
