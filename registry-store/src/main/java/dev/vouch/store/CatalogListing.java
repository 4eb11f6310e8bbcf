package dev.vouch.store;

import static dev.vouch.store.Tables.ServerVersions.ID;
import static dev.vouch.store.Tables.ServerVersions.IS_LATEST;
import static dev.vouch.store.Tables.ServerVersions.REVIEW_STATE;
import static dev.vouch.store.Tables.ServerVersions.SERVER_NAME;
import static dev.vouch.store.Tables.ServerVersions.STATUS;
import static dev.vouch.store.Tables.ServerVersions.TABLE;
import static dev.vouch.store.Tables.ServerVersions.TIER;
import static dev.vouch.store.Tables.ServerVersions.UPDATED_AT;
import static dev.vouch.store.Tables.ServerVersions.VERSION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

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

/**
 * The pages of the catalog, in either shape of {@link ListedRows}: by relevance when the query searches,
 * in change order when it asks for changes since an instant, and otherwise by server name and then
 * publication order.
 *
 * <p>Listing conditions on the review state, the latest mark and the deleted status are written as
 * literals: the partial indexes of {@code V10__read_shape.sql} carry the same literal conditions, and
 * SQLite uses a partial index only when the query's own terms prove its condition.
 */
final class CatalogListing {

    /** The key before every real one, so the first page runs the same range query as every later page. */
    private static final PageKey.ByName FIRST_BY_NAME = new PageKey.ByName("", 0);

    private final DSLContext dsl;
    private final CatalogSearch search;

    CatalogListing(DSLContext dsl, CatalogSearch search) {
        this.dsl = dsl;
        this.search = search;
    }

    <T> Page<T> page(VersionQuery query, ListedRows<T> shape) {
        boolean unstorableVersion = query.version()
                .filter(selector ->
                        selector instanceof VersionQuery.VersionSelector.Exact exact && unstorable(exact.version()))
                .isPresent();
        if (unstorableVersion || query.tier().filter(CatalogListing::unstorable).isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        if (query.search().isPresent()) {
            return searchPage(query, shape);
        }
        List<T> rows = ListedRows.fetch(query(query, shape.fields()), shape);
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = List.copyOf(rows.subList(0, query.limit()));
        VersionStamp last = shape.stamp(page.get(page.size() - 1));
        PageKey next = query.updatedSince().isPresent()
                ? new PageKey.ByChange(Micros.of(last.updatedAt()), last.id())
                : new PageKey.ByName(last.serverName(), last.id());
        return new Page<>(page, Optional.of(next));
    }

    /** Every published version of one server, newest publication first. */
    <T> List<T> versions(String serverName, boolean includeDeleted, ListedRows<T> shape) {
        if (unstorable(serverName)) {
            return List.of();
        }
        return ListedRows.fetch(
                dsl.select(shape.fields())
                        .from(TABLE)
                        .where(publishedOnly().and(SERVER_NAME.eq(serverName)).and(deletedFilter(includeDeleted)))
                        .orderBy(SERVER_NAME.desc(), ID.desc()),
                shape);
    }

    /** The query of one page of a listing without search. */
    ResultQuery<Record> query(VersionQuery query, List<Field<?>> fields) {
        Condition where = filters(query);
        if (query.updatedSince().isPresent()) {
            // Strictly after the instant is the same as after the key (instant, every id).
            PageKey.ByChange since =
                    new PageKey.ByChange(Micros.of(query.updatedSince().get()), Long.MAX_VALUE);
            PageKey.ByChange after = query.after()
                    .map(key -> cast(key, PageKey.ByChange.class))
                    .filter(key -> key.updatedAtMicros() >= since.updatedAtMicros())
                    .orElse(since);
            return dsl.select(fields)
                    .from(TABLE)
                    .where(where.and(row(UPDATED_AT, ID).gt(after.updatedAtMicros(), after.id())))
                    .orderBy(UPDATED_AT.asc(), ID.asc())
                    .limit(query.limit() + 1);
        }
        PageKey.ByName after = query.after()
                .map(key -> cast(key, PageKey.ByName.class))
                .map(CatalogListing::storable)
                .orElse(FIRST_BY_NAME);
        return dsl.select(fields)
                .from(TABLE)
                .where(where.and(row(SERVER_NAME, ID).gt(after.serverName(), after.id())))
                .orderBy(SERVER_NAME.asc(), ID.asc())
                .limit(query.limit() + 1);
    }

    /** The versions of the named servers that pass the filters. */
    ResultQuery<Record> searchVersionsQuery(List<String> serverNames, VersionQuery query, List<Field<?>> fields) {
        return dsl.select(fields).from(TABLE).where(filters(query).and(SERVER_NAME.in(serverNames)));
    }

    /**
     * A page of search results. The matched servers come ranked from the full-text index; their served
     * versions are then read by name, a batch of servers at a time, until the page is full.
     */
    private <T> Page<T> searchPage(VersionQuery query, ListedRows<T> shape) {
        List<CatalogSearch.Match> matches = search.matches(query.search().get());
        Optional<PageKey.ByRelevance> after = query.after().map(key -> cast(key, PageKey.ByRelevance.class));
        int from = 0;
        if (after.isPresent()) {
            CatalogSearch.Match key = new CatalogSearch.Match(
                    after.get().documentId(), after.get().score());
            int found = Collections.binarySearch(matches, key, CatalogSearch.Match.ORDER);
            // Not found: the index changed since; continue after where the key would sort.
            from = found >= 0 ? found : -found - 1;
        }
        List<T> page = new ArrayList<>();
        List<PageKey.ByRelevance> keys = new ArrayList<>();
        // A server lists one version when the query selects one (latest or exact), often several
        // otherwise: read a batch of servers about the size the rest of the page needs.
        int perServer = query.version().isPresent() ? 1 : 8;
        for (int i = from, batch; i < matches.size() && page.size() <= query.limit(); i += batch) {
            batch = Math.max(1, (query.limit() + 1 - page.size() + perServer - 1) / perServer);
            List<CatalogSearch.Match> slice = matches.subList(i, Math.min(matches.size(), i + batch));
            Map<Long, List<T>> versions = servedVersions(slice, query, shape);
            for (CatalogSearch.Match match : slice) {
                for (T version : versions.getOrDefault(match.documentId(), List.of())) {
                    long id = shape.stamp(version).id();
                    boolean alreadyServed = after.isPresent()
                            && match.documentId() == after.get().documentId()
                            && match.score() == after.get().score()
                            && id <= after.get().versionId();
                    if (!alreadyServed && page.size() <= query.limit()) {
                        page.add(version);
                        keys.add(new PageKey.ByRelevance(match.score(), match.documentId(), id));
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
    private <T> Map<Long, List<T>> servedVersions(
            List<CatalogSearch.Match> matches, VersionQuery query, ListedRows<T> shape) {
        Map<Long, String> names = search.serverNames(
                matches.stream().map(CatalogSearch.Match::documentId).toList());
        Map<String, Long> documents = new LinkedHashMap<>();
        names.forEach((document, name) -> documents.put(name, document));
        Map<Long, List<T>> versions = new LinkedHashMap<>();
        ListedRows.fetch(searchVersionsQuery(List.copyOf(documents.keySet()), query, shape.fields()), shape)
                .forEach(v -> versions.computeIfAbsent(
                                documents.get(shape.stamp(v).serverName()), d -> new ArrayList<>())
                        .add(v));
        versions.values()
                .forEach(list -> list.sort((a, b) ->
                        Long.compare(shape.stamp(a).id(), shape.stamp(b).id())));
        return versions;
    }

    private static Condition filters(VersionQuery query) {
        Condition where = publishedOnly().and(deletedFilter(query.includeDeleted()));
        where = where.and(query.updatedSince()
                .map(since -> UPDATED_AT.gt(Micros.of(since)))
                .orElse(noCondition()));
        where = where.and(query.version().map(CatalogListing::selectorCondition).orElse(noCondition()));
        return where.and(query.tier().map(TIER::eq).orElse(noCondition()));
    }

    static Condition publishedOnly() {
        return REVIEW_STATE.eq(inline(ReviewState.PUBLISHED.wireName()));
    }

    static Condition deletedFilter(boolean includeDeleted) {
        return includeDeleted ? noCondition() : STATUS.ne(inline(VersionStatus.DELETED.wireName()));
    }

    private static Condition selectorCondition(VersionQuery.VersionSelector selector) {
        if (selector instanceof VersionQuery.VersionSelector.Exact exact) {
            return VERSION.eq(exact.version());
        }
        return IS_LATEST.eq(inline(true));
    }

    /**
     * Whether a key holds U+0000, which no stored name, version or tier does (publishing refuses control
     * characters, and PostgreSQL cannot store it at all): such a key matches nothing on every database,
     * rather than failing on PostgreSQL.
     */
    static boolean unstorable(String text) {
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

    private static <K extends PageKey> K cast(PageKey key, Class<K> kind) {
        if (!kind.isInstance(key)) {
            throw new IllegalArgumentException("a " + key.getClass().getSimpleName()
                    + " cannot continue a listing ordered by " + kind.getSimpleName());
        }
        return kind.cast(key);
    }
}
