package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.RunningRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error the server sends, its own or Jetty's, is an RFC 9457 problem document with a stable type,
 * and no detail leaks the parser's class or method names.
 */
class ProblemResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static RunningRegistry registry;
    static String token;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(dataDir, false);
        token = registry.token("io.github.acme/*");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** A raw HTTP/1.1 exchange, so the test can send what a well-behaved client library refuses to. */
    record Raw(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static Raw raw(String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", registry.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = response.substring(headEnd + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    static void assertProblem(Raw response, int status) throws IOException {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith(Problem.CONTENT_TYPE);
        // Every answer carries the security headers, Jetty's own error answers included.
        assertThat(response.headers().get("x-content-type-options")).isEqualTo("nosniff");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).startsWith("urn:vouch:problem:");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }

    @Test
    void aTooLongUriIsAProblem414() throws IOException {
        assertProblem(
                raw("GET /v0.1/servers?search=" + "a".repeat(64 * 1024)
                        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                414);
    }

    @Test
    void tooLargeHeadersAreAProblem431() throws IOException {
        assertProblem(
                raw("GET /v0.1/servers HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(64 * 1024)
                        + "\r\nConnection: close\r\n\r\n"),
                431);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v0.1/servers/%zz", "/v0.1/%2e%2e/%2e%2e/etc", "/v0.1/servers/a%00b/versions"})
    void aBadPathIsAProblem400(String path) throws IOException {
        Raw response = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isIn(400, 404);
        assertProblem(response, response.status());
    }

    @Test
    void aMalformedRequestLineIsAProblem400() throws IOException {
        assertProblem(
                raw("GET /v0.1/servers HTTP/1.1\r\nHost: x\r\nBad Header Line\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anUnknownHttpVersionIsAClientProblem505NotAnInternalError() throws IOException {
        Raw response = raw("GET /v0.1/health HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertProblem(response, 505);
        assertThat(response.json().path("type").asText()).isEqualTo("urn:vouch:problem:http-version-not-supported");
    }

    @Test
    void aWrongMethodIs405WithAllow() throws IOException {
        Raw response = raw("DELETE /v0.1/servers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertProblem(response, 405);
        assertThat(response.headers().get("allow")).contains("GET");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:vouch:problem:method-not-allowed");
    }

    @Test
    void optionsNamesTheAllowedMethodsInsteadOf404() throws IOException {
        Raw response = raw("OPTIONS /v0.1/publish HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers().get("allow")).contains("POST").contains("OPTIONS");
    }

    @Test
    void optionsOnAnUnknownPathIsAProblem404() throws IOException {
        assertProblem(raw("OPTIONS /v0.1/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
    }

    /**
     * Under a non-blocking handler, Jetty let a refused head's bytes into other connections' request
     * buffers: a small request was parsed with a second {@code Host} header or refused as too large. The
     * mix-up is a race, so this runs many pairs at once; it never fails on a server that keeps
     * connections apart.
     */
    @Test
    void refusedOversizedHeadsNeverLeakIntoOtherConnections() throws Exception {
        String oversized = "GET /v0.1/servers HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n";
        String small = "OPTIONS /v0.1/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                answers.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int pair = 0; pair < 400; pair++) {
                        try {
                            raw(oversized);
                        } catch (IOException refusedMidWrite) {
                            // The server may close before the whole head is written: its answer is not the point.
                        }
                        statuses.add(raw(small).status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get()).containsOnly(404);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anUnknownRouteIsAProblem404() throws IOException {
        Raw response = raw("GET /v0.1/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertProblem(response, 404);
        assertThat(response.json().path("detail").asText()).contains("/v0.1/nothing-here");
    }

    @Test
    void anUnknownServerOrVersionKeepsItsOwnDetail() {
        RunningRegistry.Response server = registry.get("/v0.1/servers/io.github.acme%2Fnope/versions");
        RunningRegistry.Response version = registry.get("/v0.1/servers/io.github.acme%2Fnope/versions/1.0.0");

        assertThat(server.status()).isEqualTo(404);
        assertThat(server.json().path("detail").asText()).isEqualTo("server io.github.acme/nope not found");
        assertThat(version.json().path("detail").asText()).isEqualTo("version 1.0.0 of io.github.acme/nope not found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": ",
                "{} {}",
                "{\"a\": 1} trailing",
                "[",
                "{\"a\": tru}",
                "{\"a\": \"\\q\"}",
                "{\"a\": \"\u0001\"}",
                "{'a': 1}",
                "{\"a\": 01}",
                "{\"a\": NaN}",
                "{\"a\": +1}",
                "/* c */ {}"
            })
    void malformedJsonDetailsNameNoParserInternals(String body) {
        assertCleanBadRequest(body);
    }

    @Test
    void deepNestingDetailNamesTheLimitNotTheParser() {
        String detail = assertCleanBadRequest("{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}");
        assertThat(detail).contains("64");
    }

    @Test
    void aHugeNumberDetailNamesTheLimitNotTheParser() {
        assertCleanBadRequest("{\"a\": " + "9".repeat(5000) + "}");
    }

    @Test
    void aHugeDescriptionGetsAClearMessage() {
        String detail = assertCleanBadRequest("{\"$schema\": \"x\", \"name\": \"io.github.acme/weather\", \"version\": "
                + "\"1.0.0\", \"description\": \"" + "d".repeat(900 * 1024) + "\"}");
        assertThat(detail).contains("/description").contains("262144");
    }

    private static String assertCleanBadRequest(String body) {
        RunningRegistry.Response response =
                registry.send("POST", "/v0.1/publish", Optional.of(token), body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(Problem.CONTENT_TYPE);
        String detail = response.json().path("detail").asText();
        for (String leak : List.of(
                "`",
                "com.fasterxml",
                "jackson",
                "Source:",
                "REDACTED",
                "StreamReadConstraints",
                "DeserializationFeature",
                "JsonNode",
                "(code ",
                "ALLOW_",
                "Feature",
                "enable ",
                "Trailing token")) {
            assertThat(detail)
                    .as("detail of %s", body.length() > 80 ? body.substring(0, 80) : body)
                    .doesNotContainIgnoringCase(leak);
        }
        return detail;
    }
}
