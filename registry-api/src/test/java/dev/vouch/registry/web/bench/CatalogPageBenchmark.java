package dev.vouch.registry.web.bench;

import dev.vouch.registry.Registry;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.store.NewVersion;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * How long the catalog page takes over a registry of 10,000 servers: request round trips on loopback
 * (an upper bound of the server's time), median and 95th percentile after a warm-up. A benchmark, not
 * a test: run it by hand, see the README.
 */
public final class CatalogPageBenchmark {

    private static final int SERVERS = 10_000;
    private static final int ROUNDS = 200;

    private CatalogPageBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("vouch-web-bench");
        try (Store store = Store.openSqlite(dir)) {
            store.write(repos -> {
                Instant now = Instant.now();
                for (int i = 0; i < SERVERS; i++) {
                    String name = "io.github.bench" + (i % 100) + "/server-" + i;
                    String manifest = "{\"name\":\"" + name + "\",\"version\":\"1.0." + i + "\",\"description\":"
                            + "\"Benchmark server number " + i + " for weather, files and search\","
                            + "\"packages\":[{\"registryType\":\"" + (i % 2 == 0 ? "npm" : "oci")
                            + "\",\"identifier\":\"pkg-" + i + "\",\"transport\":{\"type\":\"stdio\"}}]}";
                    String trust = "{\"tier\":\"" + (i % 10 == 0 ? "verified" : "community") + "\",\"flagged\":false,"
                            + "\"signature\":{\"verified\":" + (i % 10 == 0) + "},\"sbom\":{\"present\":false},"
                            + "\"provenance\":null,\"scan\":{\"verdict\":\"" + (i % 7 == 0 ? "review" : "pass")
                            + "\",\"rulesVersion\":\"bench\",\"findings\":" + (i % 7 == 0 ? 1 : 0) + "},"
                            + "\"vulnerabilities\":{\"maxSeverity\":null,\"count\":0}}";
                    repos.versions()
                            .insert(new NewVersion(
                                    name,
                                    "1.0." + i,
                                    manifest.getBytes(StandardCharsets.UTF_8),
                                    "0".repeat(64),
                                    "Benchmark server number " + i,
                                    Optional.empty(),
                                    Optional.empty(),
                                    now.plusMillis(i),
                                    true,
                                    "bench",
                                    ReviewState.PUBLISHED,
                                    i % 10 == 0 ? "verified" : "community",
                                    Optional.of(trust.getBytes(StandardCharsets.UTF_8)),
                                    Optional.empty(),
                                    Optional.empty()));
                }
                return null;
            });
        }
        try (Registry registry = Registry.openSqlite(dir);
                ApiServer server =
                        registry.httpServer(ApiServer.DEFAULT_MAX_BODY_BYTES).start("127.0.0.1", 0)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {
                "/", "/?verdict=review&sort=updated&page=3", "/?q=server-42", "/?type=oci&tier=verified&sort=name"
            }) {
                URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
                long first = time(client, uri);
                for (int i = 0; i < 50; i++) {
                    time(client, uri);
                }
                long[] nanos = new long[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    nanos[i] = time(client, uri);
                }
                Arrays.sort(nanos);
                System.out.printf(
                        "%-40s first %6.1f ms, median %5.1f ms, p95 %5.1f ms%n",
                        path, first / 1e6, nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 95 / 100] / 1e6);
            }
        }
    }

    private static long time(HttpClient client, URI uri) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return System.nanoTime() - start;
    }
}
