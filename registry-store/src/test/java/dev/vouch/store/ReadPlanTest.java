package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing queries read only the rows they serve, in index order: no scan of {@code server_versions}
 * and no temporary B-tree to sort, whether the planner has statistics or not.
 */
class ReadPlanTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dataDir;

    Store store;

    @BeforeEach
    void open() {
        store = Store.openSqlite(dataDir);
        store.write(r -> {
            for (int s = 0; s < 200; s++) {
                String name = "io.github.owner" + s + "/server-" + s;
                for (int v = 0; v < 3; v++) {
                    String manifest = "{\"name\":\"" + name + "\",\"version\":\"1.0." + v + "\"}";
                    String tools = "[{\"name\":\"tool_" + s + "\",\"description\":\"Reads data number " + s + "\"}]";
                    r.versions()
                            .insert(new NewVersion(
                                    name,
                                    "1.0." + v,
                                    manifest.getBytes(StandardCharsets.UTF_8),
                                    "0".repeat(64),
                                    "Server " + s + " for data",
                                    Optional.of("Server " + s),
                                    Optional.of(tools.getBytes(StandardCharsets.UTF_8)),
                                    T0.plusSeconds(s * 3L + v),
                                    false,
                                    "t",
                                    s % 10 == 0 ? ReviewState.PENDING : ReviewState.PUBLISHED,
                                    "community",
                                    Optional.of("{}".getBytes(StandardCharsets.UTF_8)),
                                    Optional.empty(),
                                    Optional.empty()));
                    if (v == 2 && s % 10 != 0) {
                        r.versions().markLatest(name, "1.0." + v, T0.plusSeconds(s * 3L + v));
                    }
                }
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listingPlansNeitherScanNorSortWithoutStatistics() {
        assertEveryListingPlanIsIndexed();
    }

    @Test
    void listingPlansNeitherScanNorSortAfterAnalyze() {
        store.analyze();

        assertEveryListingPlanIsIndexed();
    }

    @Test
    void searchReadsTheFullTextIndexAndOnlyTheMatchedServersVersions() {
        store.analyze();
        List<String> fts = plan(store.read(r -> r.versions()
                .dsl()
                .resultQuery(
                        "SELECT rowid, " + Fts5CatalogSearch.BM25 + " FROM catalog_search WHERE catalog_search MATCH ?",
                        "\"data\"*")));
        assertThat(fts).anySatisfy(line -> assertThat(line).contains("VIRTUAL TABLE INDEX"));

        VersionQuery query = query(Optional.of("data"), Optional.empty(), false, Optional.empty());
        List<String> versions = plan(store.read(r -> r.versions()
                .searchVersionsQuery(List.of("io.github.owner1/server-1", "io.github.owner2/server-2"), query)));
        assertIndexed(versions);
        assertThat(store.read(r -> r.versions().list(query)).items()).isNotEmpty();
    }

    private void assertEveryListingPlanIsIndexed() {
        PageKey deep = new PageKey.ByName("io.github.owner150/server-150", 1);
        PageKey deepChange = new PageKey.ByChange(Micros.of(T0.plusSeconds(400)), 1);
        List<VersionQuery> queries = List.of(
                query(Optional.empty(), Optional.empty(), false, Optional.empty()),
                query(Optional.empty(), Optional.empty(), false, Optional.of(deep)),
                query(Optional.empty(), Optional.empty(), true, Optional.of(deep)),
                latest(Optional.empty()),
                latest(Optional.of(deep)),
                query(Optional.empty(), Optional.of(T0.plusSeconds(300)), true, Optional.empty()),
                query(Optional.empty(), Optional.of(T0.plusSeconds(300)), true, Optional.of(deepChange)));
        for (VersionQuery query : queries) {
            assertIndexed(plan(store.read(r -> r.versions().listQuery(query))));
            assertIndexed(plan(store.read(r -> r.versions().listStampsQuery(query))));
            assertThat(store.read(r -> r.versions().list(query)).items())
                    .as("%s", query)
                    .isNotEmpty();
        }
    }

    private static void assertIndexed(List<String> plan) {
        assertThat(plan)
                .as("plan %s", plan)
                .noneMatch(line -> line.startsWith("SCAN server_versions"))
                .noneMatch(line -> line.contains("TEMP B-TREE"))
                .anyMatch(line -> line.startsWith("SEARCH server_versions USING"));
    }

    private static List<String> plan(ResultQuery<Record> query) {
        return query.configuration()
                .dsl()
                .fetch(
                        "EXPLAIN QUERY PLAN " + query.getSQL(),
                        query.getBindValues().toArray())
                .getValues("detail", String.class);
    }

    private static VersionQuery query(
            Optional<String> search, Optional<Instant> since, boolean includeDeleted, Optional<PageKey> after) {
        return new VersionQuery(search, since, Optional.empty(), includeDeleted, Optional.empty(), after, 100);
    }

    private static VersionQuery latest(Optional<PageKey> after) {
        return new VersionQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of(new VersionQuery.VersionSelector.Latest()),
                false,
                Optional.empty(),
                after,
                100);
    }
}
