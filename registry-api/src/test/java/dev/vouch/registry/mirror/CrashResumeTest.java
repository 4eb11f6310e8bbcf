package dev.vouch.registry.mirror;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.registry.Registry;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.policy.PolicySource;
import dev.vouch.store.AuditChain;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -9} in the middle of a mirror run: {@code vouch mirror} runs in a child JVM, is killed
 * with {@link Process#destroyForcibly()} (SIGKILL: no shutdown hook, no clean close) while it is part-way
 * through the feed, and a second run finishes the job from the durable checkpoint without duplicates.
 */
class CrashResumeTest {

    private static final int VERSIONS = 400;

    @TempDir
    Path dir;

    static long count(Path data, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vouch.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // not created or not migrated yet
        }
    }

    @Test
    void aRunKilledMidwayIsFinishedByTheNextWithoutDuplicates() throws Exception {
        Path local = dir.resolve("local");
        try (Registry upstream = Registry.openSqlite(
                        dir.resolve("upstream"), PolicySource.safeDefault(), EvidenceSources.defaults());
                ApiServer server =
                        upstream.httpServer(VouchUpstreamTest.quiet()).start("127.0.0.1", 0)) {
            for (int i = 0; i < VERSIONS; i++) {
                upstream.publisher()
                        .publish(
                                VouchUpstreamTest.PUBLISHER,
                                VouchUpstreamTest.manifest(String.format("io.github.crash/tides-%03d", i), "1.0.0"));
            }
            // Pages after the first come slowly, so the kill lands while the run is under way.
            WireMockServer slow =
                    new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            slow.start();
            try {
                slow.stubFor(any(anyUrl())
                        .atPriority(10)
                        .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + server.port())));
                slow.stubFor(get(urlPathEqualTo("/v0.1/servers"))
                        .withQueryParam("cursor", matching(".+"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .proxiedFrom("http://127.0.0.1:" + server.port())
                                .withFixedDelay(700)));
                URI upstreamUri = URI.create(slow.baseUrl());

                Process child = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.vouch.registry.cli.VouchCommand",
                                "mirror",
                                "--upstream",
                                upstreamUri.toString(),
                                "--data",
                                local.toString(),
                                "--once")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (count(local, "SELECT COUNT(*) FROM server_versions") < 150
                        && child.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(child.isAlive())
                        .as("the child is still mirroring when it is killed")
                        .isTrue();
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                long mirroredBeforeKill = count(local, "SELECT COUNT(*) FROM server_versions");
                assertThat(mirroredBeforeKill).isBetween(150L, (long) VERSIONS - 1);

                try (Registry registry = Registry.openSqlite(local);
                        Store store = Store.openSqlite(local)) {
                    MirrorReport resumed = new MirrorService(
                                    store,
                                    registry.publisher(),
                                    registry.catalog(),
                                    MirrorSettings.of(upstreamUri),
                                    Clock.systemUTC())
                            .run(MirrorProgress.none());

                    assertThat(resumed.resumed()).isTrue();
                    assertThat(resumed.complete()).isTrue();
                    assertThat(resumed.read())
                            .as("resumed after the first page, not from the start")
                            .isLessThanOrEqualTo(VERSIONS - 100);
                    assertThat(count(local, "SELECT COUNT(*) FROM server_versions"))
                            .isEqualTo(VERSIONS);
                    assertThat(count(local, "SELECT COUNT(DISTINCT server_name) FROM server_versions"))
                            .isEqualTo(VERSIONS);
                    assertThat(count(local, "SELECT COUNT(*) FROM mirror_entries WHERE outcome = 'published'"))
                            .isEqualTo(VERSIONS);
                    List<AuditRecord> audit = store.read(repos -> repos.audit().read(0, 10 * VERSIONS));
                    Map<String, Long> publishes = audit.stream()
                            .filter(r -> r.action().equals("version.publish"))
                            .collect(Collectors.groupingBy(AuditRecord::subject, Collectors.counting()));
                    assertThat(publishes).hasSize(VERSIONS);
                    assertThat(publishes.values()).allMatch(n -> n == 1);
                    assertThat(AuditChain.verify(store).firstBreak()).isEmpty();
                    assertThat(store.read(repos -> repos.mirror().checkpoint(upstreamUri.toString()))
                                    .orElseThrow()
                                    .runInProgress())
                            .isFalse();
                }
            } finally {
                slow.stop();
            }
        }
    }
}
