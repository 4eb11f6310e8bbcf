package dev.vouch.registry.mirror;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.NamespaceGrant;
import dev.vouch.registry.auth.Principal;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.catalog.StatusChange;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.http.HttpOptions;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.registry.snapshot.RegistryKey;
import dev.vouch.store.MirrorEntry;
import dev.vouch.store.ReviewState;
import dev.vouch.store.Store;
import dev.vouch.store.StoredVersion;
import dev.vouch.store.VersionStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror mode with a second real Vouch as the upstream: two registries in one JVM, each over its own
 * SQLite file, the upstream served on a random loopback port. The upstream's lenient policy publishes
 * what the mirror's stricter local policy rejects or holds.
 */
class VouchUpstreamTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
    /** The upstream publishes a scan's "review" findings with a warning rather than holding them. */
    static final String LENIENT = "default:\n  scanReview: warn\n";
    /** Locally, the strict namespace needs a signature its upstream never asked for. */
    static final String STRICT = """
            namespaces:
              "io.github.strict/*":
                require: {signature: true}
                identities:
                  - issuer: https://token.actions.githubusercontent.com
                    subjectPattern: ^https://github\\.com/strict/.*$
            """;

    static final Principal PUBLISHER =
            new Principal("test-publisher", Role.PUBLISHER, List.of(new NamespaceGrant(NamespaceGrant.EVERYTHING)));
    static final Principal ADMIN = new Principal("test-admin", Role.ADMIN, List.of());
    /** An official example whose name the local scan flags for review (see mirror/official/page-1.json). */
    static final String HELD = "io.modelcontextprotocol/everything";

    @TempDir
    Path dir;

    Registry upstream;
    ApiServer upstreamServer;
    Registry local;
    Store localStore;
    WireMockServer proxy;

    static HttpOptions quiet() {
        return HttpOptions.defaults().withAccessLog(AccessLog.none());
    }

    static PolicySource policy(Path dir, String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return PolicySource.fromFile(file);
    }

    static byte[] manifest(String name, String version) {
        return JSON.createObjectNode()
                .put("$schema", SCHEMA)
                .put("name", name)
                .put("description", "Tide tables for agents")
                .put("version", version)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] officialExample(String name) throws Exception {
        for (JsonNode entry :
                JSON.readTree(OfficialUpstreamTest.page("page-1.json")).path("servers")) {
            if (entry.path("server").path("name").asText().equals(name)) {
                return JSON.writeValueAsBytes(entry.path("server"));
            }
        }
        throw new IllegalArgumentException(name);
    }

    @BeforeEach
    void start() throws Exception {
        upstream = Registry.openSqlite(
                dir.resolve("upstream"), policy(dir, "lenient.yaml", LENIENT), EvidenceSources.defaults());
        upstream.seedIfEmpty();
        upstream.publisher().publish(PUBLISHER, manifest("io.github.strict/tides", "1.0.0"));
        upstream.publisher().publish(PUBLISHER, manifest("io.github.acme/tides", "1.0.0"));
        upstream.publisher().publish(PUBLISHER, manifest("io.github.acme/tides", "1.1.0"));
        assertThat(upstream.publisher()
                        .publish(PUBLISHER, officialExample(HELD))
                        .version()
                        .reviewState())
                .as("the upstream publishes it")
                .isEqualTo(ReviewState.PUBLISHED);
        upstreamServer = upstream.httpServer(quiet()).start("127.0.0.1", 0);
        local = Registry.openSqlite(
                dir.resolve("local"), policy(dir, "strict.yaml", STRICT), EvidenceSources.defaults());
        localStore = Store.openSqlite(dir.resolve("local"));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop();
        }
        localStore.close();
        local.close();
        upstreamServer.close();
        upstream.close();
    }

    URI upstreamUri() {
        return URI.create("http://127.0.0.1:" + upstreamServer.port());
    }

    MirrorService mirror(MirrorSettings settings) {
        return new MirrorService(
                localStore, local.publisher(), local.catalog(), settings, Clock.systemUTC(), duration -> {});
    }

    MirrorService mirror() {
        return mirror(MirrorSettings.of(upstreamUri()).withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)));
    }

    PublicKey upstreamKey() {
        return RegistryKey.loadOrGenerate(dir.resolve("upstream")).publicKey();
    }

    /** Every version the upstream serves, by {@code name@version}, read through its API. */
    List<String> servedUpstream() {
        List<String> served = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = OfficialUpstreamTest.http(
                    upstreamServer.port(),
                    "/v0.1/servers?limit=100"
                            + (cursor == null
                                    ? ""
                                    : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("servers")
                    .forEach(s -> served.add(s.path("server").path("name").asText() + "@"
                            + s.path("server").path("version").asText()));
            cursor = page.path("metadata").path("nextCursor").asText(null);
        } while (cursor != null);
        return served;
    }

    int countVersions() {
        Integer count = localStore.read(repos -> repos.versions().countAll());
        return count;
    }

    long auditHead() {
        return localStore.read(repos -> repos.audit().last()).map(r -> r.seq()).orElse(0L);
    }

    Optional<StoredVersion> localVersion(String name, String version) {
        return localStore.read(repos -> repos.versions().find(name, version));
    }

    @Test
    void copiesASeededVouchIntoAnEmptyOneReDecidedByLocalPolicy() {
        List<String> served = servedUpstream();

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.complete()).isTrue();
        assertThat(report.read()).isEqualTo(served.size());
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.held()).isGreaterThanOrEqualTo(1);
        assertThat(report.published() + report.held() + report.rejected()).isEqualTo(served.size());
        List<MirrorEntry> rejected = local.curation().mirrorRejected(10);
        assertThat(rejected).singleElement().satisfies(entry -> {
            assertThat(entry.serverName()).isEqualTo("io.github.strict/tides");
            assertThat(entry.reasons().orElseThrow()).contains("signature").contains("required by policy");
        });
        assertThat(localVersion("io.github.strict/tides", "1.0.0"))
                .as("rejected: not stored, not served")
                .isEmpty();
        assertThat(localVersion(HELD, "0.6.2").orElseThrow().reviewState()).isEqualTo(ReviewState.PENDING);
        assertThat(local.curation().pending(ADMIN))
                .extracting(StoredVersion::serverName)
                .contains(HELD);
        StoredVersion tides = localVersion("io.github.acme/tides", "1.1.0").orElseThrow();
        assertThat(tides.reviewState()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(tides.latest()).isTrue();
        assertThat(tides.publishedBy()).isEqualTo(MirrorService.PRINCIPAL_ID);
    }

    static java.net.http.HttpResponse<String> authorizedGet(int port, String path, Optional<String> token)
            throws Exception {
        java.net.http.HttpRequest.Builder request =
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCuratorReadsWhatLocalPolicyRefusedToMirrorWithEveryFailedCheck() throws Exception {
        mirror().run(MirrorProgress.none());
        String curator = local.tokens()
                .issue(Role.CURATOR, List.of(), Optional.of("test"), "test")
                .secret();
        String publisher = local.tokens()
                .issue(Role.PUBLISHER, List.of("io.github.acme/*"), Optional.of("test"), "test")
                .secret();

        try (ApiServer server = local.httpServer(quiet()).start("127.0.0.1", 0)) {
            var anonymous = authorizedGet(server.port(), "/v0.1/curation/mirror/rejected", Optional.empty());
            var notCurator = authorizedGet(server.port(), "/v0.1/curation/mirror/rejected", Optional.of(publisher));
            var listed = authorizedGet(server.port(), "/v0.1/curation/mirror/rejected", Optional.of(curator));

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(notCurator.statusCode()).isEqualTo(403);
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(listed.body());
            assertThat(body.path("count").asInt()).isEqualTo(1);
            JsonNode rejected = body.path("rejected").get(0);
            assertThat(rejected.path("name").asText()).isEqualTo("io.github.strict/tides");
            assertThat(rejected.path("source").path("upstream").asText())
                    .isEqualTo(upstreamUri().toString());
            assertThat(rejected.path("checks")).anySatisfy(check -> {
                assertThat(check.path("name").asText()).isEqualTo("signature");
                assertThat(check.path("passed").asBoolean()).isFalse();
            });
            assertThat(dev.vouch.registry.http.OpenApiSchemas.fromYaml(
                                    "https://vouch.example/openapi.json", dev.vouch.openapi.OpenApiDocument.yaml())
                            .validate("MirrorRejections", body))
                    .isEmpty();
        }
    }

    @Test
    void readsShowTheUpstreamSourceOfAMirroredVersion() {
        mirror().run(MirrorProgress.none());
        JsonNode upstreamRead =
                OfficialUpstreamTest.http(upstreamServer.port(), "/v0.1/servers/io.github.acme%2Ftides/versions/1.0.0");

        try (ApiServer server = local.httpServer(quiet()).start("127.0.0.1", 0)) {
            JsonNode read =
                    OfficialUpstreamTest.http(server.port(), "/v0.1/servers/io.github.acme%2Ftides/versions/1.0.0");
            JsonNode source = read.path("_meta").path(MirrorService.META_KEY);
            JsonNode official = upstreamRead.path("_meta").path("io.modelcontextprotocol.registry/official");

            assertThat(source.path("upstream").asText()).isEqualTo(upstreamUri().toString());
            assertThat(source.path("publishedAt").asText())
                    .isEqualTo(official.path("publishedAt").asText());
            assertThat(source.path("updatedAt").asText())
                    .isEqualTo(official.path("updatedAt").asText());
            assertThat(source.path("status").asText()).isEqualTo("active");
            assertThat(read.path("_meta").path("io.vouch.registry/trust").isObject())
                    .as("the local decision's own trust summary")
                    .isTrue();
        }
    }

    @Test
    void aSecondRunWithNothingNewChangesNothingAndAuditsNothing() {
        mirror().run(MirrorProgress.none());
        long audit = auditHead();
        long sequence = localStore.changeSequence();

        MirrorReport again = mirror().run(MirrorProgress.none());

        assertThat(again.changedAnything()).isFalse();
        assertThat(auditHead()).isEqualTo(audit);
        assertThat(localStore.changeSequence()).isEqualTo(sequence);
    }

    @Test
    void carriesDeprecationsAndDeletionsFromTheUpstream() {
        mirror().run(MirrorProgress.none());
        upstream.catalog()
                .changeStatus(
                        ADMIN,
                        "io.github.acme/tides",
                        "1.0.0",
                        new StatusChange(VersionStatus.DEPRECATED, Optional.of("use 1.1.0")));
        upstream.catalog()
                .changeStatus(
                        ADMIN,
                        "io.github.acme/tides",
                        "1.1.0",
                        new StatusChange(VersionStatus.DELETED, Optional.of("withdrawn")));

        MirrorReport report = mirror().run(MirrorProgress.none());

        assertThat(report.updated()).isEqualTo(2);
        assertThat(localVersion("io.github.acme/tides", "1.0.0").orElseThrow().status())
                .isEqualTo(VersionStatus.DEPRECATED);
        StoredVersion deleted = localVersion("io.github.acme/tides", "1.1.0").orElseThrow();
        assertThat(deleted.status()).isEqualTo(VersionStatus.DELETED);
        assertThat(deleted.statusMessage()).contains("withdrawn");
        assertThat(localStore
                        .read(repos -> repos.mirror().find("io.github.acme/tides", "1.1.0"))
                        .orElseThrow()
                        .upstreamStatus())
                .isEqualTo("deleted");
        assertThat(mirror().run(MirrorProgress.none()).changedAnything()).isFalse();
    }

    @Test
    void withThePinnedUpstreamKeyTheSignedSnapshotVouchesForEveryVersion() {
        MirrorReport report = mirror(MirrorSettings.of(upstreamUri()).withUpstreamKey(upstreamKey()))
                .run(MirrorProgress.none());

        assertThat(report.complete()).isTrue();
        assertThat(report.published()).isPositive();
        assertThat(localStore
                        .read(repos -> repos.mirror().checkpoint(upstreamUri().toString()))
                        .orElseThrow()
                        .snapshotSerial())
                .isPresent();
        StoredVersion tides = localVersion("io.github.acme/tides", "1.0.0").orElseThrow();
        assertThat(tides.manifest())
                .as("the upstream's exact bytes, whose digest its snapshot signs")
                .isEqualTo(upstream.catalog()
                        .version("io.github.acme/tides", "1.0.0", false)
                        .manifest());
    }

    @Test
    void aWrongPinnedKeyFailsClosedAndMirrorsNothing() {
        PublicKey other = RegistryKey.loadOrGenerate(dir.resolve("elsewhere")).publicKey();

        assertThatThrownBy(() -> mirror(MirrorSettings.of(upstreamUri()).withUpstreamKey(other))
                        .run(MirrorProgress.none()))
                .isInstanceOf(UpstreamTrustException.class)
                .hasMessageContaining("signature does not verify");
        assertThat(countVersions()).isZero();
        assertThat(auditHead()).isZero();
    }

    void proxyUpstream() {
        proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse().proxiedFrom(upstreamUri().toString())));
    }

    @Test
    void aTamperedSnapshotFailsClosed() throws Exception {
        proxyUpstream();
        byte[] genuine = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(upstreamUri().resolve("/v0.1/snapshot"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
        ObjectNode envelope = (ObjectNode) JSON.readTree(genuine);
        String payload =
                new String(Base64.getDecoder().decode(envelope.path("payload").asText()), StandardCharsets.UTF_8);
        // Drop a version from the signed list, keeping the signature: what a compromised upstream would serve.
        String tampered = payload.replaceFirst("io\\.github\\.acme/tides", "io.github.acme/tidez");
        assertThat(tampered).isNotEqualTo(payload);
        envelope.put("payload", Base64.getEncoder().encodeToString(tampered.getBytes(StandardCharsets.UTF_8)));
        proxy.stubFor(get(urlPathEqualTo("/v0.1/snapshot"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(JSON.writeValueAsBytes(envelope))));

        assertThatThrownBy(() -> mirror(
                                MirrorSettings.of(URI.create(proxy.baseUrl())).withUpstreamKey(upstreamKey()))
                        .run(MirrorProgress.none()))
                .isInstanceOf(UpstreamTrustException.class)
                .hasMessageContaining("not trusted");
        assertThat(countVersions()).isZero();
    }

    @Test
    void aServedManifestTheSignedSnapshotDoesNotVouchForFailsClosed() {
        proxyUpstream();
        proxy.stubFor(get(urlPathEqualTo("/v0.1/servers/io.github.acme%2Ftides/versions/1.1.0/server.json"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody(new String(manifest("io.github.acme/tides", "1.1.0"), StandardCharsets.UTF_8)
                                .replace("Tide tables", "Tide tables, and your SSH keys"))));

        assertThatThrownBy(() -> mirror(
                                MirrorSettings.of(URI.create(proxy.baseUrl())).withUpstreamKey(upstreamKey()))
                        .run(MirrorProgress.none()))
                .isInstanceOf(UpstreamTrustException.class)
                .hasMessageContaining("io.github.acme/tides@1.1.0")
                .hasMessageContaining("sha256");
        assertThat(countVersions())
                .as("nothing of the page that failed is applied")
                .isZero();
    }

    @Test
    void aSnapshotSerialLowerThanOneAlreadySeenIsARollback() {
        MirrorSettings pinned = MirrorSettings.of(upstreamUri()).withUpstreamKey(upstreamKey());
        mirror(pinned).run(MirrorProgress.none());
        String id = upstreamUri().toString();
        localStore.write(repos -> {
            var seen = repos.mirror().checkpoint(id).orElseThrow();
            repos.mirror()
                    .saveCheckpoint(new dev.vouch.store.MirrorCheckpoint(
                            id,
                            seen.updatedSince(),
                            seen.runSince(),
                            seen.runCursor(),
                            seen.runHighWater(),
                            seen.runClock(),
                            Optional.of(1_000_000L)));
            return null;
        });

        assertThatThrownBy(() -> mirror(pinned).run(MirrorProgress.none()))
                .isInstanceOf(UpstreamTrustException.class)
                .hasMessageContaining("rollback");
    }
}
