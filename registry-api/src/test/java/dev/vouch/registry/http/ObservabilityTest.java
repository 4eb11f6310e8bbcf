package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.Registry;
import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.registry.policy.PolicySource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics, the access log, request ids, readiness and a stop that lets requests in flight finish. */
class ObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    final List<String> accessLog = new CopyOnWriteArrayList<>();

    RunningRegistry start() {
        return RunningRegistry.startLogging(dataDir, accessLog);
    }

    @Test
    void metricsScrapeInThePrometheusFormatWithRequestsPublishesVerdictsAndThePool() {
        try (RunningRegistry registry = start()) {
            String token = registry.token("io.github.acme/*");
            registry.get("/v0.1/servers");
            registry.send(
                    "POST",
                    "/v0.1/publish",
                    Optional.of(token),
                    RegistryApiTest.manifest("io.github.acme/weather", "1.0.0"));
            registry.send(
                    "POST",
                    "/v0.1/publish",
                    Optional.of(token),
                    RegistryApiTest.manifest("io.github.acme/weather", "1.0.0"));

            RunningRegistry.Response scrape = registry.get("/metrics");

            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.contentType()).startsWith("text/plain");
            assertThat(scrape.text())
                    .contains(
                            "http_server_requests_seconds_bucket{method=\"GET\",route=\"/v0.1/servers\",status=\"200\",le=")
                    .contains(
                            "http_server_requests_seconds_count{method=\"POST\",route=\"/v0.1/publish\",status=\"409\"} 1")
                    .contains("vouch_publish_outcomes_total{outcome=\"published\"} 1.0")
                    .contains("vouch_publish_outcomes_total{outcome=\"conflict\"} 1.0")
                    .contains("vouch_scanner_verdicts_total{verdict=\"pass\"}")
                    .contains("hikaricp_connections_active{pool=\"vouch-sqlite\"}")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void unmatchedPathsShareOneRouteLabelSoClientsCannotGrowTheSeries() {
        try (RunningRegistry registry = start()) {
            registry.get("/random-1");
            registry.get("/random-2");

            assertThat(registry.get("/metrics").text())
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 2")
                    .doesNotContain("random-1");
        }
    }

    @Test
    void eachRequestWritesOneJsonAccessLineWithItsIdAndPrincipalButNeverTheToken() throws Exception {
        try (RunningRegistry registry = start()) {
            String token = registry.token("io.github.acme/*");
            HttpRequest publish = HttpRequest.newBuilder(registry.uri("/v0.1/publish"))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Request-Id", "ci-run-42.7")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            RegistryApiTest.manifest("io.github.acme/weather", "1.0.0")))
                    .build();

            RunningRegistry.Response response = registry.send(publish);

            assertThat(response.header("X-Request-Id")).contains("ci-run-42.7");
            JsonNode line = JSON.readTree(accessLog.stream()
                    .filter(l -> l.contains("ci-run-42.7"))
                    .findFirst()
                    .orElseThrow());
            assertThat(line.path("route").asText()).isEqualTo("/v0.1/publish");
            assertThat(line.path("method").asText()).isEqualTo("POST");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("durationMs").isNumber()).isTrue();
            assertThat(line.path("principal").asText()).startsWith("tok_");
            assertThat(line.path("client").asText()).isEqualTo("127.0.0.1");
            assertThat(accessLog).noneMatch(l -> l.contains(token));
        }
    }

    @Test
    void aRequestIdThatIsNotASaneTokenIsReplacedByAFreshOne() {
        try (RunningRegistry registry = start()) {
            RunningRegistry.Response response = registry.send(HttpRequest.newBuilder(registry.uri("/v0.1/health"))
                    .header("X-Request-Id", "evil\"id with {json}")
                    .GET()
                    .build());

            assertThat(response.header("X-Request-Id"))
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
            assertThat(accessLog).noneMatch(l -> l.contains("evil"));
        }
    }

    @Test
    void theRegistryIsReadyOnlyAfterSeedingAndRefusesWritesBefore() {
        Registry registry = Registry.openSqlite(
                dataDir, PolicySource.safeDefault(), EvidenceSources.defaults(), ExchangeSettings.defaults());
        registry.readiness().awaitSeeding();
        try (ApiServer server = registry.httpServer(HttpOptions.defaults().withAccessLog(AccessLog.none()))
                .start("127.0.0.1", 0)) {
            String token = registry.tokens()
                    .issue(
                            dev.vouch.registry.auth.Role.PUBLISHER,
                            List.of("io.github.acme/*"),
                            Optional.empty(),
                            "test")
                    .secret();

            assertThat(status(server, "GET", "/v0.1/ready", null)).isEqualTo(503);
            assertThat(status(server, "GET", "/v0.1/health", null))
                    .as("alive while seeding")
                    .isEqualTo(200);
            assertThat(status(server, "POST", "/v0.1/publish", token)).isEqualTo(503);

            assertThat(registry.seedIfEmpty()).isGreaterThan(0);

            assertThat(status(server, "GET", "/v0.1/ready", null)).isEqualTo(200);
            assertThat(status(server, "GET", "/v0/ready", null)).isEqualTo(200);
        } finally {
            registry.close();
        }
    }

    static int status(ApiServer server, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(
                                        RegistryApiTest.manifest("io.github.acme/weather", "1.0.0")));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStopLetsARequestInFlightFinishWhileRefusingNewConnections() throws Exception {
        RunningRegistry registry = start();
        String token = registry.token("io.github.acme/*");
        byte[] body = RegistryApiTest.manifest("io.github.acme/weather", "1.0.0");
        int port = registry.uri("/").getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v0.1/publish HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            // A moment for the server to dispatch the request to its handler, which then blocks reading
            // the rest of the body; the stop begins while it waits.
            Thread.sleep(200);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(registry::close);
            awaitRefused(port);

            out.write(body, 10, body.length - 10);
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 200 OK");
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                return;
            }
        }
        throw new AssertionError("the server kept accepting connections while stopping");
    }
}
