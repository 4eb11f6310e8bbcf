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
import static org.jooq.impl.DSL.row;

import dev.vouch.store.Tables.ServerVersionDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * versions carry neither.
 *
 * <p>Listing conditions on the review state, the latest mark and the deleted status are written as
 * literals: the partial indexes of {@code V10__read_shape.sql} carry the same literal conditions, and
 * SQLite uses a partial index only when the query's own terms prove its condition.
 */
public final class ServerVersionRepository {

    /** The key before every real one, so the first page runs the same range query as every later page. */
    private static final PageKey.ByName FIRST_BY_NAME = new PageKey.ByName("", 0);

    private final DSLContext dsl;
    private final CatalogSearch search;

    ServerVersionRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.search = CatalogSearch.on(dsl);
    }

    /** The context this repository reads through; for tests that read query plans. */
    DSLContext dsl() {
        return dsl;
    }

    public Optional<StoredVersion> find(String serverName, String version) {
        if (unstorable(serverName) || unstorable(version)) {
            return Optional.empty();
        }
        return detailed()
                .where(SERVER_NAME.eq(serverName).and(VERSION.eq(version)))
                .fetchOptional(ServerVersionRepository::toDetailed);
    }

    public Optional<StoredVersion> findLatest(String serverName) {
        if (unstorable(serverName)) {
            return Optional.empty();
        }
        return detailed()
                .where(SERVER_NAME.eq(serverName).and(IS_LATEST.isTrue()))
                .fetchOptional(ServerVersionRepository::toDetailed);
    }

    /** Every published version of one server, newest publication first, without tools and report. */
    public List<StoredVersion> listVersions(String serverName, boolean includeDeleted) {
        if (unstorable(serverName)) {
            return List.of();
        }
        return fetchListed(dsl.select(HOT)
                .from(TABLE)
                .where(publishedOnly().and(SERVER_NAME.eq(serverName)).and(deletedFilter(includeDeleted)))
                .orderBy(SERVER_NAME.desc(), ID.desc()));
    }

    /**
     * The same versions with their cold tools and report loaded, in one query: for exports, which need
     * the details of every listed version.
     */
    public List<StoredVersion> withDetails(List<StoredVersion> versions) {
        Map<Long, Record> details = new java.util.HashMap<>();
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
        boolean unstorableVersion = query.version()
                .filter(selector ->
                        selector instanceof VersionQuery.VersionSelector.Exact exact && unstorable(exact.version()))
                .isPresent();
        if (unstorableVersion
                || query.tier().filter(ServerVersionRepository::unstorable).isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        if (query.search().isPresent()) {
            return searchPage(query);
        }
        List<StoredVersion> rows = fetchListed(listQuery(query));
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredVersion> page = List.copyOf(rows.subList(0, query.limit()));
        StoredVersion last = page.get(page.size() - 1);
        PageKey next = query.updatedSince().isPresent()
                ? new PageKey.ByChange(Micros.of(last.updatedAt()), last.id())
                : new PageKey.ByName(last.serverName(), last.id());
        return new Page<>(page, Optional.of(next));
    }

    /** The query of one page of a listing without search; package-private so tests can read its plan. */
    ResultQuery<Record> listQuery(VersionQuery query) {
        Condition where = filters(query);
        if (query.updatedSince().isPresent()) {
            // Strictly after the instant is the same as after the key (instant, every id).
            PageKey.ByChange since =
                    new PageKey.ByChange(Micros.of(query.updatedSince().get()), Long.MAX_VALUE);
            PageKey.ByChange after = query.after()
                    .map(ServerVersionRepository::byChange)
                    .filter(key -> key.updatedAtMicros() >= since.updatedAtMicros())
                    .orElse(since);
            return dsl.select(HOT)
                    .from(TABLE)
                    .where(where.and(row(UPDATED_AT, ID).gt(after.updatedAtMicros(), after.id())))
                    .orderBy(UPDATED_AT.asc(), ID.asc())
                    .limit(query.limit() + 1);
        }
        PageKey.ByName after = query.after()
                .map(ServerVersionRepository::byName)
                .map(ServerVersionRepository::storable)
                .orElse(FIRST_BY_NAME);
        return dsl.select(HOT)
                .from(TABLE)
                .where(where.and(row(SERVER_NAME, ID).gt(after.serverName(), after.id())))
                .orderBy(SERVER_NAME.asc(), ID.asc())
                .limit(query.limit() + 1);
    }

    /**
     * A page of search results. The matched servers come ranked from the full-text index; their served
     * versions are then read by name, a batch of servers at a time, until the page is full.
     */
    private Page<StoredVersion> searchPage(VersionQuery query) {
        List<CatalogSearch.Match> matches = search.matches(query.search().get());
        Optional<PageKey.ByRelevance> after = query.after().map(ServerVersionRepository::byRelevance);
        int from = 0;
        if (after.isPresent()) {
            CatalogSearch.Match key = new CatalogSearch.Match(
                    after.get().documentId(), after.get().score());
            int found = Collections.binarySearch(matches, key, CatalogSearch.Match.ORDER);
            // Not found: the index changed since; continue after where the key would sort.
            from = found >= 0 ? found : -found - 1;
        }
        List<StoredVersion> page = new ArrayList<>();
        List<PageKey.ByRelevance> keys = new ArrayList<>();
        // A server lists one version when the query selects one (latest or exact), often several
        // otherwise: read a batch of servers about the size the rest of the page needs.
        int perServer = query.version().isPresent() ? 1 : 8;
        for (int i = from, batch; i < matches.size() && page.size() <= query.limit(); i += batch) {
            batch = Math.max(1, (query.limit() + 1 - page.size() + perServer - 1) / perServer);
            List<CatalogSearch.Match> slice = matches.subList(i, Math.min(matches.size(), i + batch));
            Map<Long, List<StoredVersion>> versions = servedVersions(slice, query);
            for (CatalogSearch.Match match : slice) {
                for (StoredVersion version : versions.getOrDefault(match.documentId(), List.of())) {
                    boolean alreadyServed = after.isPresent()
                            && match.documentId() == after.get().documentId()
                            && match.score() == after.get().score()
                            && version.id() <= after.get().versionId();
                    if (!alreadyServed && page.size() <= query.limit()) {
                        page.add(version);
                        keys.add(new PageKey.ByRelevance(match.score(), match.documentId(), version.id()));
                    }
                }
            }
        }
        if (page.size() <= query.limit()) {
            return new Page<>(List.copyOf(page), Optional.empty());
        }
        return new Page<>(List.copyOf(page.subList(0, query.limit())), Optional.of(keys.get(query.limit() - 1)));
    }

    /** The served versions of the matched servers that pass the query's filters, by document, in id order. */
    private Map<Long, List<StoredVersion>> servedVersions(List<CatalogSearch.Match> matches, VersionQuery query) {
        Map<Long, String> names = search.serverNames(
                matches.stream().map(CatalogSearch.Match::documentId).toList());
        Map<String, Long> documents = new LinkedHashMap<>();
        names.forEach((document, name) -> documents.put(name, document));
        Map<Long, List<StoredVersion>> versions = new LinkedHashMap<>();
        fetchListed(searchVersionsQuery(documents.keySet().stream().toList(), query))
                .forEach(v -> versions.computeIfAbsent(documents.get(v.serverName()), d -> new ArrayList<>())
                        .add(v));
        versions.values().forEach(list -> list.sort((a, b) -> Long.compare(a.id(), b.id())));
        return versions;
    }

    /** The versions of the named servers that pass the filters; package-private so tests can read its plan. */
    ResultQuery<Record> searchVersionsQuery(List<String> serverNames, VersionQuery query) {
        return dsl.select(HOT).from(TABLE).where(filters(query).and(SERVER_NAME.in(serverNames)));
    }

    private static Condition filters(VersionQuery query) {
        Condition where = publishedOnly().and(deletedFilter(query.includeDeleted()));
        where = where.and(query.updatedSince()
                .map(since -> UPDATED_AT.gt(Micros.of(since)))
                .orElse(noCondition()));
        where = where.and(
                query.version().map(ServerVersionRepository::selectorCondition).orElse(noCondition()));
        return where.and(query.tier().map(TIER::eq).orElse(noCondition()));
    }

    /**
     * Whether a key holds U+0000, which no stored name, version or tier does (publishing refuses control
     * characters, and PostgreSQL cannot store it at all): such a key matches nothing on every database,
     * rather than failing on PostgreSQL.
     */
    private static boolean unstorable(String text) {
        return text.indexOf('\0') >= 0;
    }

    /**
     * The same position without U+0000: every stored name after {@code "abc\0…"} is after {@code "abc"}
     * with any id, since none holds U+0000 and {@code "abc"} itself sorts before it.
     */
    private static PageKey.ByName storable(PageKey.ByName key) {
        int nul = key.serverName().indexOf('\0');
        return nul < 0 ? key : new PageKey.ByName(key.serverName().substring(0, nul), Long.MAX_VALUE);
    }

    private static PageKey.ByName byName(PageKey key) {
        return cast(key, PageKey.ByName.class);
    }

    private static PageKey.ByChange byChange(PageKey key) {
        return cast(key, PageKey.ByChange.class);
    }

    private static PageKey.ByRelevance byRelevance(PageKey key) {
        return cast(key, PageKey.ByRelevance.class);
    }

    private static <K extends PageKey> K cast(PageKey key, Class<K> kind) {
        if (!kind.isInstance(key)) {
            throw new IllegalArgumentException("a " + key.getClass().getSimpleName()
                    + " cannot continue a listing ordered by " + kind.getSimpleName());
        }
        return kind.cast(key);
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

    private static Condition publishedOnly() {
        return REVIEW_STATE.eq(inline(ReviewState.PUBLISHED.wireName()));
    }

    private static Condition deletedFilter(boolean includeDeleted) {
        return includeDeleted ? noCondition() : STATUS.ne(inline(VersionStatus.DELETED.wireName()));
    }

    private static Condition selectorCondition(VersionQuery.VersionSelector selector) {
        if (selector instanceof VersionQuery.VersionSelector.Exact exact) {
            return VERSION.eq(exact.version());
        }
        return IS_LATEST.eq(inline(true));
    }

    private SelectJoinStep<Record> detailed() {
        List<Field<?>> fields = new ArrayList<>(HOT);
        fields.add(ServerVersionDetails.TOOLS);
        fields.add(ServerVersionDetails.REPORT);
        return dsl.select(fields)
                .from(TABLE.leftJoin(ServerVersionDetails.TABLE).on(ServerVersionDetails.VERSION_ID.eq(ID)));
    }

    /**
     * The rows of a listing query, read straight from the JDBC result set: listings read hundreds of rows
     * per request, and building a jOOQ record for each cost about as much as SQLite reading it.
     */
    private static List<StoredVersion> fetchListed(ResultQuery<Record> query) {
        List<StoredVersion> rows = new ArrayList<>();
        try (java.sql.ResultSet rs = query.fetchResultSet()) {
            while (rs.next()) {
                rows.add(listed(rs));
            }
        } catch (java.sql.SQLException e) {
            throw new StoreException("reading a listing failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /** One row in {@link Tables.ServerVersions#HOT} order. */
    private static StoredVersion listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        String status = rs.getString(8);
        String review = rs.getString(15);
        return new StoredVersion(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBytes(4),
                rs.getString(5),
                Optional.empty(),
                VersionStatus.fromWire(status).orElseThrow(() -> new IllegalStateException("unknown status " + status)),
                Optional.ofNullable(rs.getString(9)),
                Micros.toInstant(rs.getLong(10)),
                Micros.toInstant(rs.getLong(11)),
                Micros.toInstant(rs.getLong(12)),
                rs.getBoolean(13),
                rs.getString(14),
                ReviewState.fromWire(review)
                        .orElseThrow(() -> new IllegalStateException("unknown review state " + review)),
                Optional.ofNullable(rs.getString(16)),
                rs.getString(17),
                Optional.ofNullable(rs.getBytes(18)),
                Optional.empty(),
                Optional.ofNullable(rs.getString(19)));
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
