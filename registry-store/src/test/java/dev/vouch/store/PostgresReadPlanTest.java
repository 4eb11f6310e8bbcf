package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadPlanTest}'s promise on PostgreSQL: every listing reads one of the partial indexes of
 * {@code V10__read_shape.sql} in its own order, never a sequential scan of {@code server_versions} and
 * never a sort, and search reads the GIN index.
 */
class PostgresReadPlanTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int SERVERS = 1000;

    private static Store store;

    @BeforeAll
    static void catalog() {
        PostgresCluster cluster = PostgresCluster.requireFor(PostgresReadPlanTest.class.getSimpleName());
        store = Store.openPostgres(cluster.newDatabase());
        store.write(r -> {
            for (int s = 0; s < SERVERS; s++) {
                String name = "io.github.owner" + s + "/server-" + s;
                for (int v = 0; v < 3; v++) {
                    String manifest = "{\"name\":\"" + name + "\",\"version\":\"1.0." + v + "\"}";
                    String tools = "[{\"name\":\"tool_" + s + "\",\"description\":\"Reads record number " + s + "\"}]";
                    r.versions()
                            .insert(new NewVersion(
                                    name,
                                    "1.0." + v,
                                    manifest.getBytes(StandardCharsets.UTF_8),
                                    "0".repeat(64),
                                    "Server " + s + (s % 50 == 1 ? " for data" : " for notes"),
                                    Optional.of("Server " + s),
                                    Optional.of(tools.getBytes(StandardCharsets.UTF_8)),
                                    T0.plusSeconds(s * 3L + v),
                                    v == 2 && s % 10 != 0,
                                    "t",
                                    s % 10 == 0 ? ReviewState.PENDING : ReviewState.PUBLISHED,
                                    "community",
                                    Optional.of("{}".getBytes(StandardCharsets.UTF_8)),
                                    Optional.empty(),
                                    Optional.empty()));
                }
            }
            return null;
        });
        store.read(r -> r.versions().dsl().execute("ANALYZE"));
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void everyListingReadsAPartialIndexInItsOwnOrderWithoutSortingOrScanning() {
        PageKey deep = new PageKey.ByName("io.github.owner750/server-750", 1);
        PageKey deepChange = new PageKey.ByChange(Micros.of(T0.plusSeconds(2000)), 1);
        List<VersionQuery> queries = List.of(
                query(Optional.empty(), false, Optional.empty()),
                query(Optional.empty(), false, Optional.of(deep)),
                query(Optional.empty(), true, Optional.of(deep)),
                latest(Optional.empty()),
                latest(Optional.of(deep)),
                query(Optional.of(T0.plusSeconds(1500)), true, Optional.empty()),
                query(Optional.of(T0.plusSeconds(1500)), true, Optional.of(deepChange)));
        for (VersionQuery query : queries) {
            for (List<String> plan : List.of(
                    plan(store.read(r -> r.versions().listQuery(query))),
                    plan(store.read(r -> r.versions().listStampsQuery(query))))) {
                assertThat(plan)
                        .as("%s: %s", query, plan)
                        .anyMatch(line -> line.contains("Index Scan using ix_server_versions_served"))
                        .noneMatch(line -> line.contains("Seq Scan on server_versions"))
                        .noneMatch(line -> line.contains("Sort"));
            }
            assertThat(store.read(r -> r.versions().list(query)).items())
                    .as("%s", query)
                    .isNotEmpty();
        }
    }

    /**
     * At this size a sequential scan of the search documents is cheaper than the index and the planner
     * rightly takes it; with sequential scans priced out, the plan shows the GIN index answers the prefix
     * query, which is what it does once the catalog is large.
     */
    @Test
    void searchCanBeAnsweredFromTheTextIndexAndReadsOnlyTheMatchedServersVersions() {
        List<String> text = store.write(r -> {
            r.versions().dsl().execute("SET LOCAL enable_seqscan = off");
            return plan(r.versions()
                    .dsl()
                    .resultQuery(
                            "SELECT document_id FROM catalog_search WHERE document @@ to_tsquery('simple', ?)",
                            "data:*"));
        });
        assertThat(text)
                .as("%s", text)
                .anyMatch(line -> line.contains("Bitmap Index Scan on ix_catalog_search_document"));

        VersionQuery query = new VersionQuery(
                Optional.of("data"),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.empty(),
                100);
        List<String> versions = plan(store.read(r -> r.versions()
                .searchVersionsQuery(List.of("io.github.owner1/server-1", "io.github.owner2/server-2"), query)));
        assertThat(versions).as("%s", versions).noneMatch(line -> line.contains("Seq Scan on server_versions"));
        assertThat(store.read(r -> r.versions().list(query)).items()).isNotEmpty();
    }

    private static List<String> plan(ResultQuery<Record> query) {
        return query.configuration()
                .dsl()
                .fetch("EXPLAIN " + query.getSQL(), query.getBindValues().toArray())
                .getValues(0, String.class);
    }

    private static VersionQuery query(Optional<Instant> since, boolean includeDeleted, Optional<PageKey> after) {
        return new VersionQuery(
                Optional.empty(), since, Optional.empty(), includeDeleted, Optional.empty(), after, 100);
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
