package dev.vouch.registry.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.evidence.EvidenceSources;
import dev.vouch.registry.http.ApiServer;
import dev.vouch.registry.policy.PolicySource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --mirror}: the mirror runs inside the serving registry, on a schedule, and reports each run. */
class MirrorSchedulerTest {

    @TempDir
    Path dir;

    static void awaitLine(List<String> lines, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aScheduledRunMirrorsIntoTheServingRegistryAndAFailedRunDoesNotStopTheSchedule() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Registry upstream = Registry.openSqlite(
                        dir.resolve("upstream"), PolicySource.safeDefault(), EvidenceSources.defaults());
                ApiServer upstreamServer =
                        upstream.httpServer(VouchUpstreamTest.quiet()).start("127.0.0.1", 0);
                Registry local = Registry.openSqlite(dir.resolve("local"));
                ApiServer localServer =
                        local.httpServer(VouchUpstreamTest.quiet()).start("127.0.0.1", 0)) {
            upstream.publisher()
                    .publish(VouchUpstreamTest.PUBLISHER, VouchUpstreamTest.manifest("io.github.acme/tides", "1.0.0"));
            URI uri = URI.create("http://127.0.0.1:" + upstreamServer.port());

            try (MirrorScheduler scheduler = new MirrorScheduler(
                            local.mirror(MirrorSettings.of(uri)), Duration.ofHours(1), lines::add)
                    .start()) {
                awaitLine(lines, 1);
            }
            try (MirrorScheduler unreachable = new MirrorScheduler(
                            local.mirror(MirrorSettings.of(URI.create("http://127.0.0.1:9"))
                                    .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1))),
                            Duration.ofHours(1),
                            lines::add)
                    .start()) {
                awaitLine(lines, 2);
            }

            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("mirror " + uri + ": 1 read").contains("1 published");
            assertThat(lines.get(1)).contains("failed").contains("the next run resumes from the checkpoint");
            assertThat(OfficialUpstreamTest.http(
                                    localServer.port(), "/v0.1/servers/io.github.acme%2Ftides/versions/1.0.0")
                            .path("_meta")
                            .path(MirrorService.META_KEY)
                            .path("upstream")
                            .asText())
                    .isEqualTo(uri.toString());
        }
    }
}
