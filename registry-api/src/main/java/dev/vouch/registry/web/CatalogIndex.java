package dev.vouch.registry.web;

import dev.vouch.registry.catalog.CatalogService;
import dev.vouch.registry.catalog.ListRequest;
import dev.vouch.store.StoredVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest version of every server as catalog cards, kept in memory and brought up to date from the
 * registry's own mirror feed ({@code updated_since}) before each read, so the catalog page filters and
 * sorts ten thousand servers without parsing their documents again.
 *
 * <p>Only what changed since the last read is fetched. For a short while after a change the feed is
 * re-read from a little before it, because a write's timestamp is taken before its transaction
 * commits: a slower write may commit with an earlier time than one already seen. Once the clock is
 * past that window, only newer changes are read. Re-reading an entry is harmless.
 */
final class CatalogIndex {

    private static final Duration OVERLAP = Duration.ofSeconds(2);
    private static final String FEED_PAGE = "100";
    /** How many of the API's ranked search results the page filters; enough for any human search. */
    static final int SEARCH_LIMIT = 1000;

    private final CatalogService catalog;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of());
    private Instant seen = Instant.EPOCH;

    CatalogIndex(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every server's latest version, including deleted ones, as of now. */
    Snapshot current() {
        refresh();
        return snapshot;
    }

    /** The servers the query selects, in its order. */
    List<ServerSummary> select(CatalogQuery query) {
        Snapshot now = current();
        List<ServerSummary> candidates =
                query.term().map(term -> searched(term, now)).orElse(now.byName());
        List<ServerSummary> selected = new ArrayList<>();
        for (ServerSummary server : candidates) {
            if (query.matches(server)) {
                selected.add(server);
            }
        }
        if ("name".equals(query.sort())) {
            selected.sort(Comparator.comparing(ServerSummary::name));
        } else if ("updated".equals(query.sort())) {
            selected.sort(
                    Comparator.comparing(ServerSummary::updatedAt).reversed().thenComparing(ServerSummary::name));
        }
        return selected;
    }

    /** The API's own search (same matching and ranking as {@code GET /v0.1/servers?search=}), in its order. */
    private List<ServerSummary> searched(String term, Snapshot now) {
        List<ServerSummary> found = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            CatalogService.CatalogPage page = catalog.list(new ListRequest(
                    cursor,
                    Optional.of(FEED_PAGE),
                    Optional.of(term),
                    Optional.empty(),
                    Optional.of("latest"),
                    Optional.of("true"),
                    Optional.empty(),
                    Optional.empty()));
            for (StoredVersion version : page.versions()) {
                ServerSummary known = now.servers().get(version.serverName());
                found.add(
                        known != null && known.version().equals(version.version()) ? known : ServerSummary.of(version));
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && found.size() < SEARCH_LIMIT);
        return found;
    }

    private synchronized void refresh() {
        Instant settled = clock.instant().minus(OVERLAP);
        Instant from = seen.isBefore(settled) ? seen : settled;
        Map<String, ServerSummary> changed = new LinkedHashMap<>();
        Instant newest = seen;
        Optional<String> cursor = Optional.empty();
        do {
            CatalogService.CatalogPage page = catalog.list(new ListRequest(
                    cursor,
                    Optional.of(FEED_PAGE),
                    Optional.empty(),
                    Optional.of(from.toString()),
                    Optional.of("latest"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
            for (StoredVersion version : page.versions()) {
                ServerSummary known = snapshot.servers().get(version.serverName());
                if (known == null
                        || !known.version().equals(version.version())
                        || !known.updatedAt().equals(version.updatedAt())) {
                    changed.put(version.serverName(), ServerSummary.of(version));
                }
                if (version.updatedAt().isAfter(newest)) {
                    newest = version.updatedAt();
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        if (!changed.isEmpty()) {
            Map<String, ServerSummary> servers = new TreeMap<>(snapshot.servers());
            servers.putAll(changed);
            snapshot = new Snapshot(servers);
        }
        seen = newest;
    }

    /** An immutable view of the index: by name, and the counts the facts page shows. */
    record Snapshot(Map<String, ServerSummary> servers) {

        Snapshot {
            servers = java.util.Collections.unmodifiableMap(new TreeMap<>(servers));
        }

        List<ServerSummary> byName() {
            return List.copyOf(servers.values());
        }

        /** How many listed (not deleted) servers each value of {@code key} has. */
        Map<String, Integer> count(java.util.function.Function<ServerSummary, String> key) {
            Map<String, Integer> counts = new TreeMap<>();
            servers.values().stream()
                    .filter(s -> !"deleted".equals(s.status()))
                    .forEach(s -> counts.merge(key.apply(s), 1, Integer::sum));
            return counts;
        }
    }
}
