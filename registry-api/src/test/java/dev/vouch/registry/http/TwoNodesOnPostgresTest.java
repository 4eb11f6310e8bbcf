package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.Eventually;
import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.store.AuditChain;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.PostgresCluster;
import dev.vouch.store.PostgresSettings;
import dev.vouch.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two registry nodes, each with its own store, HTTP server and caches, sharing one PostgreSQL database,
 * publishing the same versions at once through both.
 */
class TwoNodesOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVERS = 4;
    private static final int VERSIONS = 6;

    @TempDir
    Path dir;

    private static PostgresCluster cluster;
    private PostgresSettings database;
    private RunningRegistry a;
    private RunningRegistry b;

    /** Skips the whole class, with its SKIPPED line, where PostgreSQL cannot run. */
    @BeforeAll
    static void cluster() {
        cluster = PostgresCluster.requireFor(TwoNodesOnPostgresTest.class.getSimpleName());
    }

    @BeforeEach
    void startTwoNodes() {
        database = cluster.newDatabase();
        HttpOptions options = HttpOptions.defaults()
                .withAccessLog(AccessLog.none())
                .withRateLimits(new RateLimitSettings(10_000, 10_000, 10_000, 10_000));
        a = RunningRegistry.startOn(Store.openPostgres(database), dir.resolve("a"), options);
        b = RunningRegistry.startOn(Store.openPostgres(database), dir.resolve("b"), options);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void concurrentPublishesOnTwoNodesStoreEachVersionOnceKeepOneLatestAndOneAuditChain() throws Exception {
        String token = a.token("io.github.acme/*");
        // Warm both nodes' caches of the pages the assertions read, so a stale cache would show.
        for (RunningRegistry node : List.of(a, b)) {
            assertThat(node.get("/v0.1/servers?version=latest").json().path("servers"))
                    .isEmpty();
        }
        Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();
        List<String> unseenOnTheOtherNode = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (int server = 0; server < SERVERS; server++) {
                for (int minor = 0; minor < VERSIONS; minor++) {
                    String name = "io.github.acme/server-" + server;
                    String version = "1." + minor + ".0";
                    for (RunningRegistry node : List.of(a, b)) {
                        RunningRegistry other = node == a ? b : a;
                        sent.add(clients.submit(() -> {
                            go.await();
                            int status = node.send("POST", "/v0.1/publish", Optional.of(token), manifest(name, version))
                                    .status();
                            statuses.computeIfAbsent(
                                            name + "@" + version,
                                            k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(status);
                            if (status == 200
                                    && other.get(versionPath(name, version)).status() != 200) {
                                unseenOnTheOtherNode.add(name + "@" + version);
                            }
                            return null;
                        }));
                    }
                }
            }
            go.countDown();
            for (Future<?> result : sent) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses).hasSize(SERVERS * VERSIONS);
        assertThat(statuses.values()).allSatisfy(s -> assertThat(s).containsExactlyInAnyOrder(200, 409));
        assertThat(unseenOnTheOtherNode).isEmpty();
        String highest = "1." + (VERSIONS - 1) + ".0";
        for (RunningRegistry node : List.of(a, b)) {
            JsonNode latest =
                    node.get("/v0.1/servers?version=latest&limit=100").json().path("servers");
            assertThat(latest).hasSize(SERVERS);
            latest.forEach(entry ->
                    assertThat(entry.path("server").path("version").asText()).isEqualTo(highest));
            JsonNode all = node.get("/v0.1/servers?limit=100").json().path("servers");
            assertThat(all).hasSize(SERVERS * VERSIONS);
            long marked = 0;
            for (JsonNode entry : all) {
                if (entry.path("_meta")
                        .path("io.modelcontextprotocol.registry/official")
                        .path("isLatest")
                        .asBoolean()) {
                    marked++;
                }
            }
            assertThat(marked).isEqualTo(SERVERS);
        }
        try (Store reader = Store.openPostgres(database)) {
            AuditChain.Result chain = AuditChain.verify(reader);
            assertThat(chain.firstBreak()).isEmpty();
            List<AuditRecord> records = reader.read(r -> r.audit().read(0, 10_000));
            assertThat(records)
                    .filteredOn(r -> r.action().equals("version.publish"))
                    .hasSize(SERVERS * VERSIONS);
        }
    }

    @Test
    void aPublishOnOneNodeIsReadableOnTheOtherWithinItsPollIntervalEvenFromItsCache() {
        String token = b.token("io.github.acme/*");
        String path = versionPath("io.github.acme/weather", "latest");
        assertThat(a.get("/v0.1/servers?search=weather").json().path("servers")).isEmpty();
        assertThat(a.get(path).status()).isEqualTo(404);

        for (int minor = 0; minor < 5; minor++) {
            String version = "1." + minor + ".0";
            assertThat(b.send("POST", "/v0.1/publish", Optional.of(token), manifest("io.github.acme/weather", version))
                            .status())
                    .isEqualTo(200);

            Eventually.until(
                    () -> a.get(path).json().path("server").path("version").asText(),
                    seen -> assertThat(seen).isEqualTo(version));
            // Apart: the page above may have been computed afresh before node A's generation moved.
            int published = minor + 1;
            Eventually.until(
                    () -> a.get("/v0.1/servers?search=weather").json().path("servers"),
                    seen -> assertThat(seen).hasSize(published));
        }
    }

    private static String versionPath(String name, String version) {
        return "/v0.1/servers/" + name.replace("/", "%2F") + "/versions/" + version;
    }

    /** A remote-only server: nothing to fetch from a package registry, so the load stays on the two nodes. */
    private static byte[] manifest(String name, String version) {
        ObjectNode server = JSON.createObjectNode()
                .put("$schema", "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json")
                .put("name", name)
                .put("description", "Weather forecasts for agents")
                .put("version", version);
        server.putArray("remotes")
                .addObject()
                .put("type", "streamable-http")
                .put("url", "https://mcp.acme.example/mcp");
        return server.toString().getBytes(StandardCharsets.UTF_8);
    }
}
