package dev.vouch.registry.mirror;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.vouch.openapi.OpenApiDocument;
import dev.vouch.registry.Registry;
import dev.vouch.registry.http.OpenApiSchemas;
import dev.vouch.store.MirrorCheckpoint;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror mode against WireMock playing the official registry, with recorded-shape pages (see
 * {@code src/test/resources/mirror/official/README.md}), and misbehaving in every way a mirror must
 * survive: timeouts, 5xx, 429 with Retry-After, malformed entries and pages, cursors that do not advance.
 */
class OfficialUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/v0.1/servers";

    @TempDir
    Path dir;

    WireMockServer official;
    Registry registry;
    /** The same database, read (and written by the mirror's bookkeeping) beside the registry. */
    Store store;

    final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() {
        official = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        official.start();
        registry = Registry.openSqlite(dir.resolve("data"));
        store = Store.openSqlite(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        store.close();
        registry.close();
        official.stop();
    }

    static String page(String name) {
        try (InputStream in = OfficialUpstreamTest.class.getResourceAsStream("/mirror/official/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MirrorSettings settings() {
        return MirrorSettings.of(URI.create(official.baseUrl()))
                .withTimeout(Duration.ofMillis(800))
                .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    MirrorService mirror() {
        return new MirrorService(
                store, registry.publisher(), registry.catalog(), settings(), Clock.systemUTC(), waits::add);
    }

    /** The probe every run starts with ({@code limit=1}) and the first page of a run from nothing. */
    void probe() {
        official.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(okJson(page("page-1.json"))));
    }

    MappingBuilder firstPage() {
        return get(urlPathEqualTo(LIST)).withQueryParam("limit", equalTo("100")).withQueryParam("cursor", absent());
    }

    MappingBuilder secondPage() {
        return get(urlPathEqualTo(LIST))
                .withQueryParam("cursor", equalTo("io.modelcontextprotocol.anonymous/mcp-fs:2.0.0"));
    }

    void twoPages() {
        probe();
        official.stubFor(firstPage().willReturn(okJson(page("page-1.json"))));
        official.stubFor(secondPage().willReturn(okJson(page("page-2.json"))));
    }

    Optional<StoredVersion> local(String name, String version) {
        return store.read(repos -> repos.versions().find(name, version));
    }

    @Test
    void pagesTheOfficialFeedWithCursorsAndRecordsWhereEachVersionCameFrom() {
        twoPages();

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.complete()).isTrue();
        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.read()).isEqualTo(5);
        assertThat(report.published() + report.held())
                .as("published, or held by the local scan policy")
                .isEqualTo(4);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(local("io.modelcontextprotocol.anonymous/brave-search", "1.0.2"))
                .isPresent();
        StoredVersion deprecated =
                local("io.github.example/weather-mcp", "0.5.0").orElseThrow();
        assertThat(deprecated.status()).isEqualTo(VersionStatus.DEPRECATED);
        assertThat(deprecated.statusMessage()).contains("Use weather-mcp 1.0");
        assertThat(local("io.modelcontextprotocol.anonymous/hybrid-mcp", "1.5.0"))
                .as("deleted upstream before it was mirrored: never published here")
                .isEmpty();
        var entry = store.read(repos -> repos.mirror().find("io.github.example/weather-mcp", "0.5.0"))
                .orElseThrow();
        assertThat(entry.upstream()).isEqualTo(official.baseUrl());
        assertThat(entry.upstreamPublishedAt()).contains(Instant.parse("2025-12-04T10:00:00Z"));
        assertThat(entry.upstreamUpdatedAt()).contains(Instant.parse("2025-12-05T09:30:00Z"));
        assertThat(entry.upstreamStatus()).isEqualTo("deprecated");
        MirrorCheckpoint checkpoint = store.read(repos -> repos.mirror().checkpoint(official.baseUrl()))
                .orElseThrow();
        assertThat(checkpoint.runInProgress()).isFalse();
        assertThat(checkpoint.updatedSince()).isPresent();
    }

    @Test
    void theNextRunAsksOnlyForWhatChangedAndCarriesAStatusChange() {
        twoPages();
        mirror().run(MirrorProgress.none());
        official.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("updated_since", equalTo("2025-12-06T08:00:00Z"))
                .willReturn(okJson(page("updated-since.json"))));

        MirrorReport second = mirror().run(MirrorProgress.none());

        assertThat(second.read()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        StoredVersion brave =
                local("io.modelcontextprotocol.anonymous/brave-search", "1.0.2").orElseThrow();
        assertThat(brave.status()).isEqualTo(VersionStatus.DEPRECATED);
        assertThat(brave.statusMessage()).contains("Superseded");
        official.verify(
                getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("updated_since", equalTo("2025-12-06T08:00:00Z")));
    }

    @Test
    void aSecondRunWithNothingNewWritesNothing() {
        twoPages();
        mirror().run(MirrorProgress.none());
        long sequence = store.changeSequence();
        long audit = store.read(repos -> repos.audit().last()).orElseThrow().seq();
        official.stubFor(get(urlPathEqualTo(LIST))
                .withQueryParam("updated_since", equalTo("2025-12-06T08:00:00Z"))
                .willReturn(okJson(page("page-2.json"))));

        MirrorReport again = mirror().run(MirrorProgress.none());

        assertThat(again.changedAnything()).isFalse();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(store.read(repos -> repos.audit().last()).orElseThrow().seq())
                .isEqualTo(audit);
        assertThat(store.changeSequence()).isEqualTo(sequence);
    }

    @Test
    void fallsBackToV0WhereTheUpstreamHasNoV01() {
        official.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(404)));
        official.stubFor(get(urlPathEqualTo("/v0/servers")).willReturn(okJson(page("page-2.json"))));

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.read()).isEqualTo(2);
        official.verify(getRequestedFor(urlPathEqualTo("/v0/servers")).withQueryParam("limit", equalTo("100")));
    }

    @Test
    void retriesATimeoutAndServerErrorsWithBackoffThenCompletes() {
        probe();
        official.stubFor(firstPage()
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("slow"));
        official.stubFor(firstPage()
                .inScenario("flaky")
                .whenScenarioStateIs("slow")
                .willReturn(okJson(page("page-1.json")).withFixedDelay(3_000))
                .willSetStateTo("recovered"));
        official.stubFor(firstPage()
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(page("page-1.json"))));
        official.stubFor(secondPage().willReturn(okJson(page("page-2.json"))));

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.complete()).isTrue();
        assertThat(report.read()).isEqualTo(5);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void waitsWhatA429sRetryAfterAsks() {
        probe();
        official.stubFor(firstPage()
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
                .willSetStateTo("open"));
        official.stubFor(
                firstPage().inScenario("limited").whenScenarioStateIs("open").willReturn(okJson(page("page-1.json"))));
        official.stubFor(secondPage().willReturn(okJson(page("page-2.json"))));

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.read()).isEqualTo(5);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheMirrorWaitsFailsTheRunInsteadOfStallingIt() {
        probe();
        official.stubFor(firstPage().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));

        assertThatThrownBy(() -> mirror().run(MirrorProgress.none()))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("retry after 86400 s");
    }

    @Test
    void anAnswerLargerThanTheMirrorReadsFailsTheRunWithoutReadingItAll() {
        probe();
        official.stubFor(
                firstPage().willReturn(okJson("{\"servers\":[],\"padding\":\"" + "x".repeat(64 * 1024) + "\"}")));
        MirrorService mirror = new MirrorService(
                store,
                registry.publisher(),
                registry.catalog(),
                settings().withMaxAnswerBytes(16 * 1024),
                Clock.systemUTC(),
                waits::add);

        assertThatThrownBy(() -> mirror.run(MirrorProgress.none()))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("more than 16384 bytes");
        assertThat(waits).isEmpty();
    }

    @Test
    void anUpstreamThatKeepsFailingFailsTheRunNamingTheLastAnswer() {
        probe();
        official.stubFor(firstPage().willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> mirror().run(MirrorProgress.none()))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("failed 4 times")
                .hasMessageContaining("HTTP 502");
        assertThat(waits).hasSize(3);
    }

    @Test
    void malformedEntriesAreSkippedAndReportedWhileTheRestIsMirrored() {
        probe();
        official.stubFor(firstPage().willReturn(okJson(page("malformed-entries.json"))));

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.complete()).isTrue();
        assertThat(report.malformed()).hasSize(4);
        assertThat(report.malformed())
                .anySatisfy(m -> assertThat(m).contains("entry 0").contains("no server object"));
        assertThat(report.malformed()).anySatisfy(m -> assertThat(m).contains("unknown status retired"));
        assertThat(report.malformed()).anySatisfy(m -> assertThat(m).contains("not RFC 3339"));
        assertThat(report.published()).isEqualTo(1);
        assertThat(local("io.modelcontextprotocol.anonymous/mcp-fs", "2.0.1")).isPresent();
    }

    @Test
    void aPageThatNeverParsesIsReportedAndTheNextRunResumesThere() {
        probe();
        official.stubFor(firstPage().willReturn(okJson(page("page-1.json"))));
        official.stubFor(secondPage().willReturn(aResponse().withStatus(200).withBody("{\"servers\": [ trunc")));

        MirrorReport broken = mirror().run(MirrorProgress.none());

        assertThat(broken.complete()).isFalse();
        assertThat(broken.published() + broken.held()).isEqualTo(3);
        assertThat(broken.malformed())
                .singleElement()
                .asString()
                .contains("page 2")
                .contains("io.modelcontextprotocol.anonymous/mcp-fs:2.0.0");
        official.resetRequests();
        official.stubFor(secondPage().willReturn(okJson(page("page-2.json"))));

        MirrorReport resumed = mirror().run(MirrorProgress.none());

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.read()).isEqualTo(2);
        official.verify(
                0,
                getRequestedFor(urlPathEqualTo(LIST))
                        .withQueryParam("limit", equalTo("100"))
                        .withQueryParam("cursor", absent()));
    }

    @Test
    void anInterruptedRunWhoseCursorIsNoLongerAcceptedStartsThatRunOver() {
        probe();
        official.stubFor(firstPage().willReturn(okJson(page("page-1.json"))));
        official.stubFor(secondPage().willReturn(aResponse().withStatus(200).withBody("not json")));
        assertThat(mirror().run(MirrorProgress.none()).complete()).isFalse();
        official.stubFor(secondPage().willReturn(aResponse().withStatus(400)));
        official.stubFor(firstPage().willReturn(okJson(page("page-2.json"))));

        MirrorReport restarted = mirror().run(MirrorProgress.none());

        assertThat(restarted.complete()).isTrue();
        assertThat(restarted.read()).isEqualTo(2);
        assertThat(restarted.malformed()).singleElement().asString().contains("was refused (HTTP 400)");
    }

    @Test
    void aCursorThatComesBackIsAnErrorNotAnEndlessLoop() {
        probe();
        official.stubFor(firstPage().willReturn(okJson(page("page-1.json"))));
        official.stubFor(secondPage().willReturn(okJson(page("page-1.json"))));

        assertThatThrownBy(() -> mirror().run(MirrorProgress.none()))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("cursor did not advance");
    }

    @Test
    void emptyPagesThatEachPointFurtherEndTheRunAsNotAdvancing() {
        probe();
        official.stubFor(firstPage().willReturn(okJson("{\"servers\": [], \"metadata\": {\"nextCursor\": \"c0\"}}")));
        for (int i = 0; i < 20; i++) {
            official.stubFor(get(urlPathEqualTo(LIST))
                    .withQueryParam("cursor", equalTo("c" + i))
                    .willReturn(okJson("{\"servers\": [], \"metadata\": {\"nextCursor\": \"c" + (i + 1) + "\"}}")));
        }

        assertThatThrownBy(() -> mirror().run(MirrorProgress.none()))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("empty pages in a row");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(UpstreamClient.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(UpstreamClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(UpstreamClient.retryAfter("soon")).isEmpty();
    }

    @Test
    void readsShowTheSourceUnderTheRegistrysOwnMetaKey() {
        twoPages();
        mirror().run(MirrorProgress.none());
        try (var server = registry.httpServer(dev.vouch.registry.http.HttpOptions.defaults()
                        .withAccessLog(dev.vouch.registry.http.observability.AccessLog.none()))
                .start("127.0.0.1", 0)) {
            JsonNode read = http(server.port(), "/v0.1/servers/io.github.example%2Fweather-mcp/versions/0.5.0");
            JsonNode source = read.path("_meta").path(MirrorService.META_KEY);

            assertThat(source.path("upstream").asText()).isEqualTo(official.baseUrl());
            assertThat(source.path("publishedAt").asText()).isEqualTo("2025-12-04T10:00:00Z");
            assertThat(source.path("updatedAt").asText()).isEqualTo("2025-12-05T09:30:00Z");
            assertThat(source.path("status").asText()).isEqualTo("deprecated");
            assertThat(read.path("_meta")
                            .path("io.modelcontextprotocol.registry/official")
                            .path("status")
                            .asText())
                    .isEqualTo("deprecated");
            assertThat(OpenApiSchemas.fromYaml("https://vouch.example/openapi.json", OpenApiDocument.yaml())
                            .validate("MirrorSource", source))
                    .as("the documented MirrorSource schema")
                    .isEmpty();

            // A list page, whose entries' sources are read together, shows the same source on every entry.
            JsonNode page = http(server.port(), "/v0.1/servers?limit=100");
            assertThat(page.path("servers"))
                    .isNotEmpty()
                    .allSatisfy(entry -> assertThat(entry.path("_meta")
                                    .path(MirrorService.META_KEY)
                                    .path("upstream")
                                    .asText())
                            .isEqualTo(official.baseUrl()));
        }
    }

    static JsonNode http(int port, String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
