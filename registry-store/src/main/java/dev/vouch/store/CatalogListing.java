package dev.vouch.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * The pages of the catalog, in either shape of {@link ListedRows}: by relevance when the query searches,
 * in change order when it asks for changes since an instant, and otherwise by server name and then
 * publication order.
 *
 * <p>Listing conditions on the review state, the latest mark and the deleted status are written as
 * literals: the partial indexes of {@code V10__read_shape.sql} carry the same literal conditions, and
 * SQLite uses a partial index only when the query's own terms prove its condition.
 *
 * <p>The queries are written as SQL text ({@link Sql}) and run on the connection directly: they are the
 * registry's most frequent, and rendering them through jOOQ cost more than SQLite answering them.
 */
final class CatalogListing {

    /** The key before every real one, so the first page runs the same range query as every later page. */
    private static final PageKey.ByName FIRST_BY_NAME = new PageKey.ByName("", 0);

    /*
     * The served versions, as the partial indexes spell them: literals, which SQLite needs to see to use
     * one, and which the dialects write alike.
     */
    private static final String PUBLISHED = "review_state = '" + ReviewState.PUBLISHED.wireName() + "'";
    private static final String NOT_DELETED = "status <> '" + VersionStatus.DELETED.wireName() + "'";

    private final DSLContext dsl;
    private final CatalogSearch search;
    /** The latest mark as a literal in this dialect, as its index condition writes it. */
    private final String latest;

    CatalogListing(DSLContext dsl, CatalogSearch search) {
        this.dsl = dsl;
        this.search = search;
        this.latest = "is_latest = " + latestLiteral(dsl);
    }

    /** The latest mark's "true" as this dialect writes it in the listing's partial index: 1 on SQLite. */
    static String latestLiteral(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.SQLITE ? "1" : "true";
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
        List<T> rows = query(query, shape.fields()).fetch(dsl, shape);
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = List.copyOf(rows.subList(0, query.limit()));
        VersionStamp last = shape.stamp(page.get(page.size() - 1));
        PageKey next = query.updatedSince().isPresent()
                ? new PageKey.ByChange(last.updatedAtMicros(), last.id())
                : new PageKey.ByName(last.serverName(), last.id());
        return new Page<>(page, Optional.of(next));
    }

    /** Every published version of one server, newest publication first. */
    <T> List<T> versions(String serverName, boolean includeDeleted, ListedRows<T> shape) {
        if (unstorable(serverName)) {
            return List.of();
        }
        Sql sql = Sql.selectVersions(shape.fields())
                .where(PUBLISHED)
                .where(includeDeleted ? null : NOT_DELETED)
                .where("server_name = ?", serverName)
                .append(" order by server_name desc, id desc");
        return sql.fetch(dsl, shape);
    }

    /** The query of one page of a listing without search, in {@code fields}. */
    Sql query(VersionQuery query, List<Field<?>> fields) {
        Sql sql = filters(Sql.selectVersions(fields), query);
        if (query.updatedSince().isPresent()) {
            // Strictly after the instant is the same as after the key (instant, every id).
            PageKey.ByChange since =
                    new PageKey.ByChange(Micros.of(query.updatedSince().get()), Long.MAX_VALUE);
            PageKey.ByChange after = query.after()
                    .map(key -> cast(key, PageKey.ByChange.class))
                    .filter(key -> key.updatedAtMicros() >= since.updatedAtMicros())
                    .orElse(since);
            return sql.where("(updated_at, id) > (?, ?)", after.updatedAtMicros(), after.id())
                    .append(" order by updated_at asc, id asc limit ?", query.limit() + 1);
        }
        PageKey.ByName after = query.after()
                .map(key -> cast(key, PageKey.ByName.class))
                .map(CatalogListing::storable)
                .orElse(FIRST_BY_NAME);
        return sql.where("(server_name, id) > (?, ?)", after.serverName(), after.id())
                .append(" order by server_name asc, id asc limit ?", query.limit() + 1);
    }

    /** The versions of the named servers that pass the filters. */
    Sql searchVersionsQuery(List<String> serverNames, VersionQuery query, List<Field<?>> fields) {
        String marks = String.join(", ", Collections.nCopies(serverNames.size(), "?"));
        return filters(Sql.selectVersions(fields), query)
                .where("server_name in (" + marks + ")", serverNames.toArray());
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
        searchVersionsQuery(List.copyOf(documents.keySet()), query, shape.fields())
                .fetch(dsl, shape)
                .forEach(v -> versions.computeIfAbsent(
                                documents.get(shape.stamp(v).serverName()), d -> new ArrayList<>())
                        .add(v));
        versions.values()
                .forEach(list -> list.sort((a, b) ->
                        Long.compare(shape.stamp(a).id(), shape.stamp(b).id())));
        return versions;
    }

    private Sql filters(Sql sql, VersionQuery query) {
        sql.where(PUBLISHED).where(query.includeDeleted() ? null : NOT_DELETED);
        query.updatedSince().ifPresent(since -> sql.where("updated_at > ?", Micros.of(since)));
        query.version().ifPresent(selector -> {
            if (selector instanceof VersionQuery.VersionSelector.Exact exact) {
                sql.where("version = ?", exact.version());
            } else {
                sql.where(latest);
            }
        });
        query.tier().ifPresent(tier -> sql.where("tier = ?", tier));
        return sql;
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
