package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.RunningRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery over the seed catalog: ranked search, opaque cursors, ETags, gzip and the response cache. */
class DiscoveryApiTest {

    @TempDir
    static Path dataDir;

    static RunningRegistry registry;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(dataDir, true);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static List<String> names(String query) {
        JsonNode servers = registry.get("/v0.1/servers?" + query).json().path("servers");
        List<String> names = new ArrayList<>();
        servers.forEach(entry -> names.add(entry.path("server").path("name").asText()));
        return names;
    }

    private static String search(String term) {
        return "search=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + "&version=latest";
    }

    @Test
    void githubPutsTheOfficialGitHubServerFirst() {
        assertThat(names(search("github"))).first().isEqualTo("io.github.github/github-mcp-server");
    }

    @Test
    void searchFindsSplitWordsTitlesAndToolNames() {
        assertThat(names(search("file system"))).contains("io.github.modelcontextprotocol/filesystem");
        assertThat(names(search("Desktop Commander"))).first().isEqualTo("io.github.wonderwhy-er/DesktopCommanderMCP");
        assertThat(names(search("create_customer")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).containsIgnoringCase("stripe"));
    }

    @Test
    void searchToleratesATypoAndPrefixes() {
        assertThat(names(search("githb"))).contains("io.github.github/github-mcp-server");
        assertThat(names(search("desk"))).first().isEqualTo("io.github.wonderwhy-er/DesktopCommanderMCP");
    }

    @Test
    void withoutSearchTheCatalogIsInNameOrder() {
        List<String> names = names("limit=100&version=latest");

        assertThat(names).isSortedAccordingTo(String::compareTo).hasSizeGreaterThan(30);
    }

    @Test
    void searchCursorWalksEveryMatchOnceAndIsRefusedByAnotherQuery() {
        List<String> all = names("search=server&limit=100");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = registry.get(
                            "/v0.1/servers?search=server&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("servers")
                    .forEach(
                            entry -> paged.add(entry.path("server").path("name").asText()));
            cursor = page.path("metadata").path("nextCursor").isTextual()
                    ? page.path("metadata").path("nextCursor").asText()
                    : null;
            if (cursor != null) {
                assertThat(registry.get("/v0.1/servers?limit=3&cursor=" + cursor)
                                .status())
                        .isEqualTo(400);
            }
        } while (cursor != null);

        assertThat(paged).isEqualTo(all).isNotEmpty();
    }

    @Test
    void readsCarryAStrongEtagAndAnswer304WhenItMatches() throws Exception {
        HttpResponse<byte[]> first = get("/v0.1/servers?limit=5", Optional.empty(), Optional.empty());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get("/v0.1/servers?limit=5", Optional.empty(), Optional.of(etag));

        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/v0.1/servers?limit=6", Optional.empty(), Optional.of(etag))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void listsAreFreshBrieflyAndExactVersionsLonger() throws Exception {
        String list = get("/v0.1/servers?limit=5", Optional.empty(), Optional.empty())
                .headers()
                .firstValue("Cache-Control")
                .orElseThrow();
        String name = URLEncoder.encode("io.github.github/github-mcp-server", StandardCharsets.UTF_8);
        String version = registry.get("/v0.1/servers/" + name + "/versions/latest")
                .json()
                .path("server")
                .path("version")
                .asText();
        String exact = get("/v0.1/servers/" + name + "/versions/" + version, Optional.empty(), Optional.empty())
                .headers()
                .firstValue("Cache-Control")
                .orElseThrow();

        assertThat(maxAge(list)).isPositive().isLessThan(maxAge(exact));
        assertThat(get("/v0.1/servers/" + name + "/versions/latest", Optional.empty(), Optional.empty())
                        .headers()
                        .firstValue("Cache-Control"))
                .hasValue(list);
    }

    @Test
    void gzipIsSentToClientsThatAcceptItAndVariesOnAcceptEncoding() throws Exception {
        HttpResponse<byte[]> plain = get("/v0.1/servers?limit=20", Optional.empty(), Optional.empty());
        HttpResponse<byte[]> gzipped = get("/v0.1/servers?limit=20", Optional.of("gzip, deflate"), Optional.empty());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(gzipped.headers().firstValue("ETag"))
                .isNotEqualTo(plain.headers().firstValue("ETag"));
        assertThat(get(
                                "/v0.1/servers?limit=20",
                                Optional.of("gzip"),
                                Optional.of(plain.headers().firstValue("ETag").orElseThrow()))
                        .statusCode())
                .isEqualTo(304);
    }

    private static long maxAge(String cacheControl) {
        for (String directive : cacheControl.split(",")) {
            if (directive.trim().startsWith("max-age=")) {
                return Long.parseLong(directive.trim().substring("max-age=".length()));
            }
        }
        return -1;
    }

    static HttpResponse<byte[]> get(String path, Optional<String> acceptEncoding, Optional<String> ifNoneMatch)
            throws IOException, InterruptedException {
        return get(registry, path, acceptEncoding, ifNoneMatch);
    }

    static HttpResponse<byte[]> get(
            RunningRegistry node, String path, Optional<String> acceptEncoding, Optional<String> ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).GET();
        acceptEncoding.ifPresent(value -> request.header("Accept-Encoding", value));
        ifNoneMatch.ifPresent(value -> request.header("If-None-Match", value));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
