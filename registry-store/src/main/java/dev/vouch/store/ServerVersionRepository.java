package dev.vouch.store;

import static dev.vouch.store.Tables.ServerVersions.DESCRIPTION;
import static dev.vouch.store.Tables.ServerVersions.HOT;
import static dev.vouch.store.Tables.ServerVersions.ID;
import static dev.vouch.store.Tables.ServerVersions.IS_LATEST;
import static dev.vouch.store.Tables.ServerVersions.MANIFEST;
import static dev.vouch.store.Tables.ServerVersions.MANIFEST_SHA256;
import static dev.vouch.store.Tables.ServerVersions.PUBLISHED_AT;
import static dev.vouch.store.Tables.ServerVersions.PUBLISHED_BY;
import static dev.vouch.store.Tables.ServerVersions.REVIEW_REASON;
import static dev.vouch.store.Tables.ServerVersions.REVIEW_STATE;
import static dev.vouch.store.Tables.ServerVersions.SERVER_NAME;
import static dev.vouch.store.Tables.ServerVersions.STATUS;
import static dev.vouch.store.Tables.ServerVersions.STATUS_CHANGED_AT;
import static dev.vouch.store.Tables.ServerVersions.STATUS_MESSAGE;
import static dev.vouch.store.Tables.ServerVersions.TABLE;
import static dev.vouch.store.Tables.ServerVersions.TIER;
import static dev.vouch.store.Tables.ServerVersions.TITLE;
import static dev.vouch.store.Tables.ServerVersions.TOOLS_DIGEST;
import static dev.vouch.store.Tables.ServerVersions.TRUST;
import static dev.vouch.store.Tables.ServerVersions.UPDATED_AT;
import static dev.vouch.store.Tables.ServerVersions.VERSION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;

import dev.vouch.store.Tables.ServerVersionDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectJoinStep;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * The server-version aggregate: every published version of every server.
 *
 * <p>Detail reads ({@link #find}, {@link #findLatest}, the curator queue, rescans) load the cold tools
 * and report; listings ({@link #list}, {@link #listVersions}) read only the hot columns, so their
 * versions carry neither, and their stamp forms ({@link #listStamps}, {@link #listVersionStamps}) read
 * fewer still. How pages are queried is {@link CatalogListing}'s.
 */
public final class ServerVersionRepository {

    private static final int KEYS_PER_QUERY = 500;

    private final DSLContext dsl;
    private final CatalogSearch search;
    private final CatalogListing listing;

    ServerVersionRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.search = CatalogSearch.on(dsl);
        this.listing = new CatalogListing(dsl, search);
    }

    /** The context this repository reads through; for tests that read query plans. */
    DSLContext dsl() {
        return dsl;
    }

    public Optional<StoredVersion> find(String serverName, String version) {
        if (CatalogListing.unstorable(serverName) || CatalogListing.unstorable(version)) {
            return Optional.empty();
        }
        return detailed()
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .fetchOptional(ServerVersionRepository::toDetailed);
    }

    public Optional<StoredVersion> findLatest(String serverName) {
        if (CatalogListing.unstorable(serverName)) {
            return Optional.empty();
        }
        return detailed()
                .where(SERVER_NAME.eq(serverName).and(IS_LATEST.isTrue()))
                .fetchOptional(ServerVersionRepository::toDetailed);
    }

    /** Every published version of one server, newest publication first, without tools and report. */
    public List<StoredVersion> listVersions(String serverName, boolean includeDeleted) {
        return listing.versions(serverName, includeDeleted, ListedRows.VERSIONS);
    }

    /** {@link #listVersions} as stamps, for readers that hold most versions' answers already. */
    public List<VersionStamp> listVersionStamps(String serverName, boolean includeDeleted) {
        return listing.versions(serverName, includeDeleted, ListedRows.STAMPS);
    }

    /**
     * The same versions with their cold tools and report loaded, in one query: for exports, which need
     * the details of every listed version.
     */
    public List<StoredVersion> withDetails(List<StoredVersion> versions) {
        Map<Long, Record> details = new HashMap<>();
        dsl.select(ServerVersionDetails.VERSION_ID, ServerVersionDetails.TOOLS, ServerVersionDetails.REPORT)
                .from(ServerVersionDetails.TABLE)
                .where(ServerVersionDetails.VERSION_ID.in(
                        versions.stream().map(StoredVersion::id).toList()))
                .forEach(r -> details.put(r.get(ServerVersionDetails.VERSION_ID), r));
        return versions.stream()
                .map(v -> {
                    Record detail = details.get(v.id());
                    return detail == null
                            ? v
                            : new StoredVersion(
                                    v.id(),
                                    v.serverName(),
                                    v.version(),
                                    v.manifest(),
                                    v.manifestSha256(),
                                    Optional.ofNullable(detail.get(ServerVersionDetails.TOOLS)),
                                    v.status(),
                                    v.statusMessage(),
                                    v.statusChangedAt(),
                                    v.publishedAt(),
                                    v.updatedAt(),
                                    v.latest(),
                                    v.publishedBy(),
                                    v.reviewState(),
                                    v.reviewReason(),
                                    v.tier(),
                                    v.trust(),
                                    Optional.ofNullable(detail.get(ServerVersionDetails.REPORT)),
                                    v.toolsDigest());
                })
                .toList();
    }

    /** Every version in a review state other than published, oldest first: the curator's queue. */
    public List<StoredVersion> listByReviewState(ReviewState state, int limit) {
        Condition unpublished = state == ReviewState.PUBLISHED
                ? noCondition()
                : REVIEW_STATE.ne(inline(ReviewState.PUBLISHED.wireName()));
        return detailed()
                .where(unpublished.and(REVIEW_STATE.eq(inline(state.wireName()))))
                .orderBy(REVIEW_STATE.asc(), ID.asc())
                .limit(limit)
                .fetch(ServerVersionRepository::toDetailed);
    }

    /** Every version of every server in any state, in publication order, after {@code afterId}: for rescans. */
    public List<StoredVersion> listAll(long afterId, int limit) {
        return detailed()
                .where(ID.gt(afterId))
                .orderBy(ID.asc())
                .limit(limit)
                .fetch(ServerVersionRepository::toDetailed);
    }

    /** Replaces a version's trust summary and report after a rescan; the change reaches the feed. */
    public void updateAssessment(String serverName, String version, byte[] trust, byte[] report, Instant at) {
        dsl.update(TABLE)
                .set(TRUST, trust)
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
        dsl.update(ServerVersionDetails.TABLE)
                .set(ServerVersionDetails.REPORT, report)
                .where(ServerVersionDetails.VERSION_ID.eq(dsl.select(ID)
                        .from(TABLE)
                        .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))))
                .execute();
    }

    /** Replaces a version's report alone: a rescan that changed no trust data keeps it out of the feed. */
    public void replaceReport(String serverName, String version, byte[] report) {
        dsl.update(ServerVersionDetails.TABLE)
                .set(ServerVersionDetails.REPORT, report)
                .where(ServerVersionDetails.VERSION_ID.eq(dsl.select(ID)
                        .from(TABLE)
                        .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))))
                .execute();
    }

    /** Records a curator's decision on a version; the change reaches the {@code updated_since} feed. */
    public void updateReview(
            String serverName, String version, ReviewState state, Optional<String> reason, Instant at) {
        dsl.update(TABLE)
                .set(REVIEW_STATE, state.wireName())
                .set(REVIEW_REASON, reason.orElse(null))
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
    }

    /** Marks one version latest (after {@link #clearLatest}); the server's search document follows it. */
    public void markLatest(String serverName, String version, Instant at) {
        dsl.update(TABLE)
                .set(IS_LATEST, true)
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .execute();
        search.refresh(serverName);
    }

    public int countVersions(String serverName) {
        return dsl.fetchCount(TABLE, SERVER_NAME.eq(serverName));
    }

    /** Whether anyone other than {@code publisher} published a version (of any server, status or review state). */
    public boolean anyPublishedByOthers(String publisher) {
        // Asked at every start; counting a large catalog would cost seconds, and callers only ask "any?".
        return dsl.fetchExists(TABLE, PUBLISHED_BY.ne(publisher));
    }

    /** Every stored version row, whatever its status or review state. */
    public int countAll() {
        return dsl.fetchCount(TABLE);
    }

    /**
     * One page of the catalog: by relevance when the query searches, in change order when it asks for
     * changes since an instant, and otherwise by server name and then publication order.
     */
    public Page<StoredVersion> list(VersionQuery query) {
        return listing.page(query, ListedRows.VERSIONS);
    }

    /**
     * The same page as {@link #list}, as stamps only: a reader that holds most versions' answers already
     * loads only the others, with {@link #listed}.
     */
    public Page<VersionStamp> listStamps(VersionQuery query) {
        return listing.page(query, ListedRows.STAMPS);
    }

    /**
     * The listed versions (without tools and report) with these ids, in one query, whatever their state
     * now: a reader asks for the versions of a page it just listed.
     */
    public Map<Long, StoredVersion> listed(Collection<Long> ids) {
        Map<Long, StoredVersion> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Sql.selectVersions(HOT)
                    .where("id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids.toArray())
                    .fetch(dsl, ListedRows.VERSIONS)
                    .forEach(version -> found.put(version.id(), version));
        }
        return found;
    }

    /** The query of one page of a listing without search; package-private so tests can read its plan. */
    ResultQuery<Record> listQuery(VersionQuery query) {
        return listing.query(query, HOT).in(dsl);
    }

    /** {@link #listQuery} as {@link #listStamps} reads it. */
    ResultQuery<Record> listStampsQuery(VersionQuery query) {
        return listing.query(query, ListedRows.STAMPS.fields()).in(dsl);
    }

    /** The versions of the named servers that pass the filters; package-private so tests can read its plan. */
    ResultQuery<Record> searchVersionsQuery(List<String> serverNames, VersionQuery query) {
        return listing.searchVersionsQuery(serverNames, query, HOT).in(dsl);
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
                    .set(STATUS, VersionStatus.ACTIVE.wireName())
                    .set(STATUS_CHANGED_AT, at)
                    .set(PUBLISHED_AT, at)
                    .set(UPDATED_AT, at)
                    .set(IS_LATEST, version.latest())
                    .set(PUBLISHED_BY, version.publishedBy())
                    .set(REVIEW_STATE, version.reviewState().wireName())
                    .set(TIER, version.tier())
                    .set(TRUST, version.trust().orElse(null))
                    .set(TOOLS_DIGEST, version.toolsDigest().orElse(null))
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            throw new DuplicateVersionException(version.serverName(), version.version());
        }
        long id = dsl.select(ID)
                .from(TABLE)
                .where(SERVER_NAME.eq(version.serverName()).and(VERSION.eq(version.version())))
                .fetchSingle(ID);
        dsl.insertInto(ServerVersionDetails.TABLE)
                .set(ServerVersionDetails.VERSION_ID, id)
                .set(ServerVersionDetails.TOOLS, version.tools().orElse(null))
                .set(ServerVersionDetails.REPORT, version.report().orElse(null))
                .execute();
        if (version.latest()) {
            search.refresh(version.serverName());
        }
        return find(version.serverName(), version.version())
                .orElseThrow(() -> new IllegalStateException("inserted version not readable"));
    }

    /** Takes the latest mark off every version of a server, before another version receives it (or none does). */
    public void clearLatest(String serverName, Instant at) {
        dsl.update(TABLE)
                .set(IS_LATEST, false)
                .set(UPDATED_AT, Micros.of(at))
                .where(SERVER_NAME.eq(serverName).and(IS_LATEST.isTrue()))
                .execute();
        search.refresh(serverName);
    }

    /**
     * The servers other than {@code serverName} whose latest version has a tool named {@code key} in ASCII lower case,
     * and how each spells it, by server name: whether a name a scanned text uses is a tool an agent may have connected
     * from another server.
     */
    public Map<String, String> serversWithTool(String key, String serverName) {
        Map<String, String> spellings = new LinkedHashMap<>();
        for (Record row : dsl.resultQuery(
                "SELECT server_name, tool_name FROM catalog_tool_names WHERE tool_key = ? AND server_name <> ?"
                        + " ORDER BY server_name, tool_name",
                key,
                serverName)) {
            spellings.putIfAbsent(row.get(0, String.class), row.get(1, String.class));
        }
        return spellings;
    }

    /**
     * The tools of the latest versions of the servers outside {@code namespace} whose names are among {@code keys}
     * (ASCII lower case), by key and then server name, at most {@code limit}: which of a new version's tools an agent
     * could mistake for another publisher's.
     */
    public List<CatalogTool> toolsNamed(Collection<String> keys, String namespace, int limit) {
        String prefix = namespace + "/";
        List<String> distinct = keys.stream().distinct().sorted().toList();
        List<CatalogTool> tools = new ArrayList<>();
        // A few hundred keys a query keeps each statement's bound values within every driver's limit.
        for (int from = 0; from < distinct.size() && tools.size() < limit; from += KEYS_PER_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_QUERY));
            List<Object> bindings = new ArrayList<>(chunk);
            bindings.add(prefix.length());
            bindings.add(prefix);
            bindings.add(limit - tools.size());
            for (Record row : dsl.resultQuery(
                    "SELECT c.tool_key, c.server_name, c.tool_name, v.tier FROM catalog_tool_names c"
                            + " JOIN server_versions v ON v.server_name = c.server_name AND v.is_latest = "
                            + CatalogListing.latestLiteral(dsl)
                            + " WHERE c.tool_key IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ") AND substr(c.server_name, 1, ?) <> ? ORDER BY c.tool_key, c.server_name, c.tool_name LIMIT ?",
                    bindings.toArray())) {
                tools.add(new CatalogTool(
                        row.get(0, String.class),
                        row.get(1, String.class),
                        row.get(2, String.class),
                        row.get(3, String.class)));
            }
        }
        return tools;
    }

    /**
     * Every tool name of the latest versions of the servers other than {@code serverName}, by key, as the first
     * server by name spells it: for a scan that names more tools than it may look up one by one.
     */
    public Map<String, String> toolsOutside(String serverName) {
        Map<String, String> spellings = new HashMap<>();
        for (Record row : dsl.resultQuery(
                "SELECT tool_key, tool_name FROM catalog_tool_names WHERE server_name <> ?"
                        + " ORDER BY server_name, tool_name",
                serverName)) {
            spellings.putIfAbsent(row.get(0, String.class), row.get(1, String.class));
        }
        return spellings;
    }

    /**
     * Sets the status of one version, or of every version when {@code version} is empty.
     *
     * @return the number of versions changed
     */
    public int updateStatus(
            String serverName, Optional<String> version, VersionStatus status, Optional<String> message, Instant at) {
        long micros = Micros.of(at);
        Condition target =
                SERVER_NAME.eq(serverName).and(version.map(VERSION::eq).orElse(noCondition()));
        return dsl.update(TABLE)
                .set(STATUS, status.wireName())
                .set(STATUS_MESSAGE, message.orElse(null))
                .set(STATUS_CHANGED_AT, micros)
                .set(UPDATED_AT, micros)
                .where(target)
                .execute();
    }

    private SelectJoinStep<Record> detailed() {
        List<Field<?>> fields = new ArrayList<>(HOT);
        fields.add(ServerVersionDetails.TOOLS);
        fields.add(ServerVersionDetails.REPORT);
        return dsl.select(fields)
                .from(TABLE.leftJoin(ServerVersionDetails.TABLE).on(ServerVersionDetails.VERSION_ID.eq(ID)));
    }

    private static StoredVersion toDetailed(Record r) {
        return toStored(
                r,
                Optional.ofNullable(r.get(ServerVersionDetails.TOOLS)),
                Optional.ofNullable(r.get(ServerVersionDetails.REPORT)));
    }

    private static StoredVersion toStored(Record r, Optional<byte[]> tools, Optional<byte[]> report) {
        return new StoredVersion(
                r.get(ID),
                r.get(SERVER_NAME),
                r.get(VERSION),
                r.get(MANIFEST),
                r.get(MANIFEST_SHA256),
                tools,
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
                report,
                Optional.ofNullable(r.get(TOOLS_DIGEST)));
    }
}
