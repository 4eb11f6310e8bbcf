package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.RunningRegistry;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official-compatible API over a real server and a real SQLite file, starting from an empty store. */
class RegistryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    @TempDir
    Path dataDir;

    RunningRegistry registry;
    String acmeToken;

    @BeforeEach
    void start() {
        registry = RunningRegistry.start(dataDir, false);
        acmeToken = registry.token("io.github.acme/*");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    static byte[] manifest(String name, String version) {
        ObjectNode server = JSON.createObjectNode()
                .put("$schema", SCHEMA)
                .put("name", name)
                .put("description", "Weather forecasts for agents")
                .put("version", version);
        ObjectNode pkg = server.putArray("packages")
                .addObject()
                .put("registryType", "npm")
                .put("identifier", "@acme/weather")
                .put("version", version);
        pkg.putObject("transport").put("type", "stdio");
        return server.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    RunningRegistry.Response publish(byte[] body, String token) {
        return registry.send("POST", "/v0.1/publish", Optional.ofNullable(token), body);
    }

    static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    @Test
    void publishIntoGrantedNamespaceStoresTheExactBytes() {
        byte[] body = manifest("io.github.acme/weather", "1.0.0");

        RunningRegistry.Response published = publish(body, acmeToken);

        assertThat(published.status()).isEqualTo(200);
        JsonNode meta = published.json().path("_meta").path("io.modelcontextprotocol.registry/official");
        assertThat(meta.path("status").asText()).isEqualTo("active");
        assertThat(meta.path("isLatest").asBoolean()).isTrue();
        byte[] stored = registry.registry()
                .catalog()
                .version("io.github.acme/weather", "1.0.0", false)
                .manifest();
        assertThat(stored).isEqualTo(body);
        RunningRegistry.Response read =
                registry.get("/v0.1/servers/" + encoded("io.github.acme/weather") + "/versions/1.0.0");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("server").path("name").asText()).isEqualTo("io.github.acme/weather");
    }

    @Test
    void publishOutsideTheGrantedNamespaceIsForbiddenAndStoresNothing() {
        RunningRegistry.Response response = publish(manifest("io.github.other/weather", "1.0.0"), acmeToken);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo("urn:vouch:problem:forbidden");
        assertThat(registry.get("/v0.1/servers/" + encoded("io.github.other/weather") + "/versions")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void publishWithoutAValidTokenIsUnauthorized() {
        assertThat(publish(manifest("io.github.acme/weather", "1.0.0"), null).status())
                .isEqualTo(401);
        assertThat(publish(manifest("io.github.acme/weather", "1.0.0"), "vouch_not-a-real-token")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void duplicateVersionIsAConflictAndLeavesTheStoredBytesUntouched() {
        byte[] original = manifest("io.github.acme/weather", "1.0.0");
        publish(original, acmeToken);
        byte[] changed = new String(original, StandardCharsets.UTF_8)
                .replace("Weather forecasts", "Totally different")
                .getBytes(StandardCharsets.UTF_8);

        RunningRegistry.Response again = publish(changed, acmeToken);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:vouch:problem:version-exists");
        assertThat(registry.registry()
                        .catalog()
                        .version("io.github.acme/weather", "1.0.0", false)
                        .manifest())
                .isEqualTo(original);
    }

    @Test
    void malformedJsonIsABadRequestAndStoresNothing() {
        RunningRegistry.Response response = publish("{\"name\": ".getBytes(StandardCharsets.UTF_8), acmeToken);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(registry.get("/v0.1/servers").json().path("servers")).isEmpty();
    }

    @Test
    void duplicateKeysAreRejectedSoEveryReaderSeesOneManifest() {
        String twoNames = new String(manifest("io.github.acme/weather", "1.0.0"), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"name\": \"io.github.acme/evil\",");

        assertThat(publish(twoNames.getBytes(StandardCharsets.UTF_8), acmeToken).status())
                .isEqualTo(400);
    }

    @Test
    void oversizedBodyIsPayloadTooLargeAndStoresNothing() {
        try (RunningRegistry small = RunningRegistry.start(dataDir.resolve("small"), false, 512)) {
            String token = small.token("io.github.acme/*");
            ObjectNode big = (ObjectNode) small.get("/v0.1/health").json().deepCopy();
            big.put("padding", "x".repeat(2048));
            RunningRegistry.Response response = small.send(
                    "POST", "/v0.1/publish", Optional.of(token), big.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(small.get("/v0.1/servers").json().path("servers")).isEmpty();
        }
    }

    @Test
    void chunkedOversizedBodyIsStoppedAtTheLimit() {
        try (RunningRegistry small = RunningRegistry.start(dataDir.resolve("small"), false, 512)) {
            String token = small.token("io.github.acme/*");
            byte[] body = ("{\"padding\": \"" + "x".repeat(4096) + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(small.uri("/v0.1/publish"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build();

            assertThat(small.send(request).status()).isEqualTo(413);
        }
    }

    @Test
    void aPublisherCannotSpoofTheRegistrysTrustMetadata() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(manifest("io.github.acme/weather", "1.0.0"));
        manifest.putObject("_meta").putObject("io.vouch.registry/trust").put("tier", "verified");

        RunningRegistry.Response response = publish(JSON.writeValueAsBytes(manifest), acmeToken);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(Problem.CONTENT_TYPE);
        assertThat(response.json().path("errors").get(0).path("pointer").asText())
                .isEqualTo("/_meta/io.vouch.registry~1trust");
        assertThat(registry.get("/v0.1/servers").json().path("servers")).isEmpty();
    }

    @Test
    void invalidManifestListsEveryViolationWithItsPointer() {
        ObjectNode server = JSON.createObjectNode()
                .put("name", "io.github.acme/weather")
                .put("description", "d".repeat(101))
                .put("version", "^1.0.0");
        server.putArray("remotes").addObject().put("type", "streamable-http").put("url", "http://127.0.0.1/mcp");

        RunningRegistry.Response response = publish(server.toString().getBytes(StandardCharsets.UTF_8), acmeToken);

        assertThat(response.status()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        response.json()
                .path("errors")
                .forEach(e -> pointers.add(e.path("pointer").asText()));
        assertThat(pointers).contains("/$schema", "/description", "/version", "/remotes/0/url");
    }

    @Test
    void latestFollowsSemverAndANonSemverVersionBecomesLatest() {
        publish(manifest("io.github.acme/weather", "1.2.0"), acmeToken);
        publish(manifest("io.github.acme/weather", "1.10.0"), acmeToken);
        publish(manifest("io.github.acme/weather", "1.3.0"), acmeToken);
        assertThat(latestVersion()).isEqualTo("1.10.0");

        publish(manifest("io.github.acme/weather", "2024-nightly"), acmeToken);
        assertThat(latestVersion()).isEqualTo("2024-nightly");
    }

    private String latestVersion() {
        return registry.get("/v0.1/servers/" + encoded("io.github.acme/weather") + "/versions/latest")
                .json()
                .path("server")
                .path("version")
                .asText();
    }

    @Test
    void listPagesWithAnOpaqueCursorAndNoCursorOnTheLastPage() {
        for (String name : List.of("aa", "bb", "cc")) {
            publish(manifest("io.github.acme/" + name, "1.0.0"), acmeToken);
        }
        JsonNode first = registry.get("/v0.1/servers?limit=2").json();
        assertThat(first.path("metadata").path("count").asInt()).isEqualTo(2);
        String cursor = first.path("metadata").path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();

        JsonNode second = registry.get("/v0.1/servers?limit=2&cursor=" + cursor).json();
        assertThat(second.path("servers").get(0).path("server").path("name").asText())
                .isEqualTo("io.github.acme/cc");
        assertThat(second.path("metadata").has("nextCursor")).isFalse();
        assertThat(registry.get("/v0.1/servers?cursor=not-ours").status()).isEqualTo(400);
    }

    @Test
    void bothApiVersionsServeTheSameCatalogWithOpenCors() {
        publish(manifest("io.github.acme/weather", "1.0.0"), acmeToken);

        RunningRegistry.Response v0 = registry.get("/v0/servers?search=weather");
        RunningRegistry.Response v01 = registry.get("/v0.1/servers?search=WEATHER");

        assertThat(v0.json()).isEqualTo(v01.json());
        assertThat(v0.json().path("servers")).hasSize(1);
        assertThat(v01.allowOrigin()).contains("*");
    }

    @Test
    void statusChangesAreAuditedAndDeletedVersionsLeaveDefaultListsButReachTheFeed() {
        publish(manifest("io.github.acme/weather", "1.0.0"), acmeToken);
        String before = registry.get("/v0.1/servers")
                .json()
                .path("servers")
                .get(0)
                .path("_meta")
                .path("io.modelcontextprotocol.registry/official")
                .path("updatedAt")
                .asText();
        byte[] deleted =
                "{\"status\":\"deleted\",\"statusMessage\":\"yanked: leaked key\"}".getBytes(StandardCharsets.UTF_8);

        RunningRegistry.Response change = registry.send(
                "PATCH",
                "/v0.1/servers/" + encoded("io.github.acme/weather") + "/versions/1.0.0/status",
                Optional.of(acmeToken),
                deleted);

        assertThat(change.status()).isEqualTo(200);
        JsonNode meta = change.json().path("_meta").path("io.modelcontextprotocol.registry/official");
        assertThat(meta.path("status").asText()).isEqualTo("deleted");
        assertThat(meta.path("statusMessage").asText()).isEqualTo("yanked: leaked key");
        assertThat(registry.get("/v0.1/servers").json().path("servers")).isEmpty();
        assertThat(registry.get("/v0.1/servers?include_deleted=true").json().path("servers"))
                .hasSize(1);
        assertThat(registry.get("/v0.1/servers?updated_since=" + before).json().path("servers"))
                .hasSize(1);
        assertThat(registry.get("/v0.1/servers?updated_since=" + before + "&include_deleted=false")
                        .status())
                .isEqualTo(400);
        assertThat(registry.get("/v0.1/servers/" + encoded("io.github.acme/weather") + "/versions/1.0.0")
                        .status())
                .isEqualTo(404);
        assertThat(registry.registry()
                        .catalog()
                        .version("io.github.acme/weather", "1.0.0", true)
                        .status()
                        .wireName())
                .isEqualTo("deleted");
    }

    @Test
    void serverStatusChangesEveryVersionAndNeedsAGrant() {
        publish(manifest("io.github.acme/weather", "1.0.0"), acmeToken);
        publish(manifest("io.github.acme/weather", "1.1.0"), acmeToken);
        byte[] deprecate =
                "{\"status\":\"deprecated\",\"statusMessage\":\"use acme/forecast\"}".getBytes(StandardCharsets.UTF_8);
        String path = "/v0.1/servers/" + encoded("io.github.acme/weather") + "/status";

        RunningRegistry.Response denied =
                registry.send("PATCH", path, Optional.of(registry.token("io.github.other/*")), deprecate);
        RunningRegistry.Response changed = registry.send("PATCH", path, Optional.of(acmeToken), deprecate);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("updatedCount").asInt()).isEqualTo(2);
        changed.json()
                .path("servers")
                .forEach(s -> assertThat(s.path("_meta")
                                .path("io.modelcontextprotocol.registry/official")
                                .path("status")
                                .asText())
                        .isEqualTo("deprecated"));
    }

    @Test
    void invalidStatusUpdatesAreBadRequests() {
        publish(manifest("io.github.acme/weather", "1.0.0"), acmeToken);
        String path = "/v0.1/servers/" + encoded("io.github.acme/weather") + "/versions/1.0.0/status";

        assertThat(registry.send(
                                "PATCH",
                                path,
                                Optional.of(acmeToken),
                                "{\"status\":\"gone\"}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        assertThat(registry.send(
                                "PATCH",
                                path,
                                Optional.of(acmeToken),
                                ("{\"status\":\"deprecated\",\"statusMessage\":\"" + "m".repeat(501) + "\"}")
                                        .getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        assertThat(registry.send(
                                "PATCH",
                                path,
                                Optional.of(acmeToken),
                                "{\"status\":\"active\"}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void badQueryParametersAreProblemsNeverServerErrors() {
        for (String query : List.of(
                "limit=0",
                "limit=101",
                "limit=abc",
                "limit=%2B5",
                "limit=%EF%BC%99",
                "updated_since=yesterday",
                "include_deleted=maybe",
                "cursor=%25%25%25",
                "search=" + "s".repeat(201))) {
            RunningRegistry.Response response = registry.get("/v0.1/servers?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void healthVersionAndOpenApiAnswer() {
        assertThat(registry.get("/v0/health").json().path("status").asText()).isEqualTo("ok");
        assertThat(registry.get("/v0.1/version").json().path("serverSchema").asText())
                .isEqualTo(SCHEMA);
        RunningRegistry.Response openapi = registry.get("/openapi.yaml");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.text()).startsWith("openapi: 3.1.0");
    }
}
