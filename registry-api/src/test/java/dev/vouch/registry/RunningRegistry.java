package dev.vouch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpLimits;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real registry on a random port over a real SQLite file (or, with {@code -Dvouch.test.database=postgresql},
 * a database of the throwaway PostgreSQL cluster; see {@link TestStores}), with a small HTTP client for tests.
 */
public final class RunningRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Registry registry;
    private final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private RunningRegistry(Registry registry, ApiServer server) {
        this.registry = registry;
        this.server = server;
    }

    public static RunningRegistry start(Path dataDir, boolean seed) {
        return start(dataDir, seed, ApiServer.DEFAULT_MAX_BODY_BYTES);
    }

    public static RunningRegistry start(Path dataDir, boolean seed, long maxBodyBytes) {
        return start(dataDir, seed, HttpLimits.defaults().withMaxBodyBytes(maxBodyBytes));
    }

    /** A registry with these connection limits (and no access log on the test's output). */
    public static RunningRegistry start(Path dataDir, boolean seed, HttpLimits limits) {
        return start(
                dataDir,
                seed,
                ExchangeSettings.defaults(),
                HttpOptions.defaults().withLimits(limits).withAccessLog(AccessLog.none()));
    }

    /** A registry with the given publisher authentication and HTTP options. */
    public static RunningRegistry start(Path dataDir, boolean seed, ExchangeSettings auth, HttpOptions options) {
        Registry registry = Registry.open(
                TestStores.open(dataDir), dataDir, PolicySource.safeDefault(), EvidenceSources.defaults(), auth);
        if (seed) {
            registry.seedIfEmpty();
        }
        return new RunningRegistry(registry, registry.httpServer(options).start("127.0.0.1", 0));
    }

    /** An unseeded registry with the default settings under the publish policy {@code policy}. */
    public static RunningRegistry start(Path dataDir, PolicySource policy) {
        Registry registry = Registry.open(
                TestStores.open(dataDir), dataDir, policy, EvidenceSources.defaults(), ExchangeSettings.defaults());
        return new RunningRegistry(
                registry,
                registry.httpServer(HttpOptions.defaults().withAccessLog(AccessLog.none()))
                        .start("127.0.0.1", 0));
    }

    /** An unseeded registry with the default settings whose access-log lines go into {@code accessLog}. */
    public static RunningRegistry startLogging(Path dataDir, java.util.List<String> accessLog) {
        return start(
                dataDir,
                false,
                ExchangeSettings.defaults(),
                HttpOptions.defaults().withAccessLog(accessLog::add));
    }

    /** A registry node over an opened store (which it then owns), e.g. one of several sharing PostgreSQL. */
    public static RunningRegistry startOn(Store store, Path dataDir, HttpOptions options) {
        Registry registry = Registry.open(
                store, dataDir, PolicySource.safeDefault(), EvidenceSources.defaults(), ExchangeSettings.defaults());
        return new RunningRegistry(registry, registry.httpServer(options).start("127.0.0.1", 0));
    }

    /** The HTTP server, for tests that look inside it. */
    public ApiServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public Registry registry() {
        return registry;
    }

    /** Creates a publisher token for {@code grants} and returns its secret. */
    public String token(String... grants) {
        return registry.tokens()
                .issue(Role.PUBLISHER, List.of(grants), Optional.of("test"), "test")
                .secret();
    }

    /** A curator's token: curators hold no grants, they decide on what publishers sent. */
    public String curatorToken() {
        return registry.tokens()
                .issue(Role.CURATOR, List.of(), Optional.of("curator"), "test")
                .secret();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /**
     * A GET with {@code Accept-Encoding} when given. {@code viaJavalin} adds a Content-Type, which the
     * registry's own page writer leaves to Javalin (Javalin decodes a query in the charset a Content-Type
     * names), so that a test can compare the page the writer computes with Javalin's.
     */
    public Response get(String path, Optional<String> acceptEncoding, boolean viaJavalin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        acceptEncoding.ifPresent(value -> request.header("Accept-Encoding", value));
        if (viaJavalin) {
            request.header("Content-Type", "text/plain; charset=UTF-8");
        }
        return send(request.build());
    }

    /** Publishes {@code manifest} with {@code token}: the answer, for the test to check. */
    public Response publish(String token, byte[] manifest) {
        return send("POST", "/v0.1/publish", Optional.of(token), manifest);
    }

    public Response send(String method, String path, Optional<String> token, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Access-Control-Allow-Origin"),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }

    /** What came back: status, content type, CORS header, body and every header. */
    public record Response(
            int status, String contentType, Optional<String> allowOrigin, byte[] body, HttpHeaders headers) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("response is not JSON: " + text(), e);
            }
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Every header but those that differ between any two answers (the date, a new request id). */
        public java.util.Map<String, java.util.List<String>> comparableHeaders() {
            java.util.Map<String, java.util.List<String>> all = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            all.putAll(headers.map());
            all.remove("date");
            all.remove("x-request-id");
            return all;
        }
    }
}
