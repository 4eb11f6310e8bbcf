package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import dev.vouch.store.Store;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile client sends, all at one registry: truncated, huge, deep, badly encoded and overlong
 * bodies, duplicate keys, traversal and homoglyph names, the registry's own {@code _meta}, hostile query
 * parameters and slow bodies. The answer is always a problem document, never a 5xx, and nothing is stored.
 */
class HostileInputTest {

    private static final HttpLimits LIMITS =
            new HttpLimits(HttpLimits.DEFAULT_MAX_BODY_BYTES, 16, Duration.ofSeconds(2), Duration.ofSeconds(1));

    @TempDir
    static Path dataDir;

    static RunningRegistry registry;
    static String token;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(dataDir, false, LIMITS);
        token = registry.token("io.github.acme/*");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    static String manifest(String name, String version) {
        return "{\"$schema\": \"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\", "
                + "\"name\": \"" + name + "\", \"description\": \"Weather\", \"version\": \"" + version + "\"}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] spliced(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(middle);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    static Map<String, byte[]> hostileBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String valid = manifest("io.github.acme/weather", "1.0.0");
        for (int cut : new int[] {0, 1, 10, valid.length() / 2, valid.length() - 1}) {
            bodies.put("truncated at " + cut, utf8(valid.substring(0, cut)));
        }
        bodies.put("huge description", utf8(valid.replace("\"Weather\"", "\"" + "w".repeat(900 * 1024) + "\"")));
        bodies.put("huge number", utf8(valid.replace("\"Weather\"", "1" + "0".repeat(100_000))));
        bodies.put("deep arrays", utf8("{\"a\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}"));
        bodies.put("deep objects", utf8("{\"a\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_001)));
        bodies.put("invalid byte", spliced("{\"name\": \"io.github.acme/", new byte[] {(byte) 0xFF}, "weather\"}"));
        bodies.put(
                "overlong slash",
                spliced(
                        manifest("io.github.acme", "1.0.0").replace("\"io.github.acme\"", "\"io.github.acme"),
                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                        "weather\"}"));
        bodies.put(
                "lone surrogate",
                spliced("{\"description\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"));
        bodies.put("truncated sequence", spliced("{\"description\": \"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}"));
        bodies.put("utf-16", valid.getBytes(StandardCharsets.UTF_16));
        bodies.put("utf-16le envelope", ("{\"server\": " + valid + "}").getBytes(StandardCharsets.UTF_16LE));
        bodies.put("utf-32", valid.getBytes(java.nio.charset.Charset.forName("UTF-32")));
        bodies.put(
                "duplicate name",
                utf8(valid.replace(
                        "\"name\": \"io.github.acme/weather\"",
                        "\"name\": \"io.github.acme/weather\", \"name\": \"io.github.other/weather\"")));
        bodies.put("duplicate server", utf8("{\"server\": " + valid + ", \"server\": " + valid + "}"));
        bodies.put(
                "duplicate in tools",
                utf8("{\"server\": " + valid + ", \"tools\": [{\"name\": \"a\", \"name\": \"b\"}]}"));
        for (String name : List.of(
                "io.github.acme/..",
                "io.github.acme/.",
                "../weather",
                "io.github.acme/../etc",
                "io.github.acme/%2e%2e",
                "io.github.acme/weather\\u0000",
                "io.github.acme/wea/ther")) {
            bodies.put("traversal name " + name, utf8(manifest(name, "1.0.0")));
        }
        for (String version :
                List.of("../1", "1.0.0/../2", "..", "1.0.00", "v1.0.0", "1.0.0\\u0000", "latest", "^1.0.0")) {
            bodies.put("bad version " + version, utf8(manifest("io.github.acme/weather", version)));
        }
        for (String name : List.of(
                "io.github.\u0430cme/weather",
                "io.github.acme/w\u0435ather",
                "io.github.acme/weather\u200b",
                "io.github.acme/ｗeather")) {
            bodies.put("homoglyph name " + name, utf8(manifest(name, "1.0.0")));
        }
        bodies.put(
                "reserved trust meta",
                utf8(valid.replace(
                        "{\"$schema\"",
                        "{\"_meta\": {\"io.vouch.registry/trust\": {\"tier\": \"verified\"}}, \"$schema\"")));
        bodies.put(
                "reserved official meta",
                utf8(
                        valid.replace(
                                "{\"$schema\"",
                                "{\"_meta\": {\"io.modelcontextprotocol.registry/official\": {\"isLatest\": true}}, \"$schema\"")));
        bodies.put(
                "reserved meta nested",
                utf8(valid.replace(
                        "{\"$schema\"",
                        "{\"_meta\": {\"io.modelcontextprotocol.registry/publisher-provided\": {\"io.vouch.registry/publish\": 1}}, "
                                + "\"$schema\"")));
        bodies.put("not an object", utf8("[1, 2, 3]"));
        bodies.put("null", utf8("null"));
        bodies.put("server not an object", utf8("{\"server\": \"x\"}"));
        bodies.put("tools not an array", utf8("{\"server\": " + valid + ", \"tools\": {}}"));
        bodies.put("attestations garbage", utf8("{\"server\": " + valid + ", \"attestations\": [{\"package\": 1}]}"));
        bodies.put(
                "signature not base64",
                utf8("{\"server\": " + valid + ", \"signatures\": [{\"package\": \"p\", "
                        + "\"signature\": \"***\", \"key\": \"k\"}]}"));
        bodies.put("nul bytes", new byte[] {0, 0, 0, 0});
        // Not I-JSON (RFC 7493): no canonical form for the tool digest, or text stored as sent but served otherwise.
        String tool = "{\"server\": " + valid + ", \"tools\": [{\"name\": \"t\", \"description\": \"d\", "
                + "\"inputSchema\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\", "
                + "\"maximum\": NUMBER}}}}]}";
        bodies.put("integer beyond a double", utf8(tool.replace("NUMBER", "9".repeat(309))));
        bodies.put("exponent beyond a double", utf8(tool.replace("NUMBER", "1e309")));
        bodies.put("lone surrogate escape", utf8(valid.replace("\"Weather\"", "\"\\ud800\"")));
        bodies.put(
                "lone surrogate escape in a member name",
                utf8(tool.replace("\"a\": {", "\"\\udc00x\": {").replace("NUMBER", "1")));
        return bodies;
    }

    @Test
    void hostileBodiesAreProblemsNeverServerErrorsAndStoreNothing() {
        List<String> failures = new ArrayList<>();
        hostileBodies().forEach((label, body) -> {
            for (String path : List.of("/v0.1/publish", "/v0/publish")) {
                check(label + " → " + path, send("POST", path, body), failures);
            }
            check(
                    label + " → status",
                    send("PATCH", "/v0.1/servers/io.github.acme%2Fweather/versions/1.0.0/status", body),
                    failures);
        });

        assertThat(failures).isEmpty();
        assertNothingStored();
    }

    /**
     * An oversized body is refused from its declared length, before it is read, and the connection is
     * closed: sent over a raw socket, so the answer is read rather than lost to a client still writing.
     */
    @Test
    void anOversizedBodyIsRefusedFromItsDeclaredLengthAsAProblem() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", registry.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /v0.1/publish HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                                    + (HttpLimits.DEFAULT_MAX_BODY_BYTES + 1)
                                    + "\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            boolean problem = false;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                problem |= line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type: " + Problem.CONTENT_TYPE);
            }
            assertThat(problem).isTrue();
        }
        assertNothingStored();
    }

    @Test
    void hostileQueriesAndPathsAreProblemsNeverServerErrors() {
        List<String> failures = new ArrayList<>();
        List<String> queries = List.of(
                "updated_since=2300-01-01T00:00:00Z",
                "updated_since=-999999999-01-01T00:00:00Z",
                "updated_since=" + "9".repeat(5000),
                "limit=-1",
                "limit=99999999999999999999",
                "limit=1e3",
                "cursor=" + "A".repeat(600),
                "cursor=%00%00",
                "cursor=AAAAAAAAAAAAAAAAAAAA",
                "cursor=////",
                "search=" + "s".repeat(5000),
                "search=%00",
                "version=%00",
                "version=..%2F..",
                "include_deleted=maybe",
                "tier=gold",
                "verified=yes",
                "updated_since=2026-01-01T00:00:00Z&include_deleted=false");
        for (String query : queries) {
            check(
                    "?" + query.substring(0, Math.min(60, query.length())),
                    registry.get("/v0.1/servers?" + query),
                    failures,
                    true);
        }
        for (String name : List.of(
                "..", "%2e%2e", "io.github.acme%2F..", "a".repeat(5000), "%00", "io.github.acme%2Fweather%00")) {
            check(
                    "name " + name.substring(0, Math.min(40, name.length())),
                    registry.get("/v0.1/servers/" + name + "/versions"),
                    failures);
            check(
                    "version of " + name.substring(0, Math.min(40, name.length())),
                    registry.get(
                            "/v0.1/servers/" + name + "/versions/" + URLEncoder.encode("../1", StandardCharsets.UTF_8)),
                    failures);
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void slowBodiesAreCutOffWithAProblemAndStoreNothing() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("127.0.0.1", registry.port());
                socket.setSoTimeout(20_000);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v0.1/publish HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Length: 50000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            for (int tick = 0; tick < 4; tick++) {
                Thread.sleep(500);
                for (Socket socket : sockets) {
                    try {
                        socket.getOutputStream().write(' ');
                    } catch (IOException e) {
                        // already answered and closed
                    }
                }
            }
            for (Socket socket : sockets) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = in.readLine();
                assertThat(status).startsWith("HTTP/1.1 408");
                String line;
                boolean problem = false;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    problem |=
                            line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type: " + Problem.CONTENT_TYPE);
                }
                assertThat(problem).isTrue();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertNothingStored();
    }

    private static RunningRegistry.Response send(String method, String path, byte[] body) {
        return registry.send(method, path, Optional.of(token), body);
    }

    private static void check(String label, RunningRegistry.Response response, List<String> failures) {
        check(label, response, failures, false);
    }

    /** A read may well answer 200 (an empty search is an answer); a write of hostile input never may. */
    private static void check(String label, RunningRegistry.Response response, List<String> failures, boolean read) {
        if (response.status() >= 500) {
            failures.add(label + ": " + response.status() + " " + response.text());
        } else if (response.status() >= 400 && !response.contentType().startsWith(Problem.CONTENT_TYPE)) {
            failures.add(label + ": " + response.status() + " is " + response.contentType());
        } else if (response.status() < 400 && !read) {
            failures.add(label + ": accepted with " + response.status());
        }
    }

    private static void assertNothingStored() {
        try (Store store = Store.openSqlite(dataDir)) {
            List<dev.vouch.store.StoredVersion> stored =
                    store.read(repos -> repos.versions().listAll(0, 10));
            assertThat(stored).isEmpty();
        }
    }
}
