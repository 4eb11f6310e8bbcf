package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.Eventually;
import dev.vouch.registry.RunningRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two registry nodes over one database: a write on one reaches the other's response cache within its
 * change poll interval (250 ms by default), however often the other is asked meanwhile.
 */
class TwoNodeCacheTest {

    private static final String OFFICIAL_STATUS = "/_meta/io.modelcontextprotocol.registry~1official/status";

    @TempDir
    Path dataDir;

    @Test
    void aPublishOnOneNodeReachesTheOtherNodesCachedList() {
        try (RunningRegistry a = RunningRegistry.start(dataDir, false);
                RunningRegistry b = RunningRegistry.start(dataDir, false)) {
            String token = b.token("io.github.acme/*");
            JsonNode before = a.get("/v0.1/servers?search=weather").json();
            assertThat(a.get("/v0.1/servers?search=weather").json()).isEqualTo(before);

            assertThat(b.publish(token, RegistryApiTest.manifest("io.github.acme/weather", "1.0.0"))
                            .status())
                    .isEqualTo(200);

            assertThat(before.path("servers")).isEmpty();
            Eventually.until(
                    () -> a.get("/v0.1/servers?search=weather").json().path("servers"),
                    servers -> assertThat(servers).hasSize(1));
            assertThat(a.get("/v0.1/servers/io.github.acme%2Fweather/versions/latest")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aStatusChangeOnOneNodeReachesTheOtherNodesKeptListAndItsCachedEntries() {
        try (RunningRegistry a = RunningRegistry.start(dataDir, false);
                RunningRegistry b = RunningRegistry.start(dataDir, false)) {
            String token = b.token("io.github.acme/*");
            for (String version : List.of("1.0.0", "1.1.0")) {
                assertThat(b.publish(token, RegistryApiTest.manifest("io.github.acme/weather", version))
                                .status())
                        .isEqualTo(200);
            }
            // Asked three times: computed, kept, then answered from the kept answer before Javalin.
            for (int i = 0; i < 3; i++) {
                assertThat(a.get("/v0.1/servers?limit=5")
                                .json()
                                .path("servers")
                                .get(0)
                                .at(OFFICIAL_STATUS)
                                .asText())
                        .isEqualTo("active");
            }

            assertThat(b.send(
                                    "PATCH",
                                    "/v0.1/servers/io.github.acme%2Fweather/versions/1.0.0/status",
                                    Optional.of(token),
                                    "{\"status\": \"deprecated\"}".getBytes(StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200);

            JsonNode servers = Eventually.until(
                    () -> a.get("/v0.1/servers?limit=5").json().path("servers"),
                    seen -> assertThat(seen.get(0).at(OFFICIAL_STATUS).asText()).isEqualTo("deprecated"));
            assertThat(servers.get(1).at(OFFICIAL_STATUS).asText()).isEqualTo("active");
            assertThat(a.get("/v0.1/servers/io.github.acme%2Fweather/versions")
                            .json()
                            .path("servers")
                            .get(1)
                            .at(OFFICIAL_STATUS)
                            .asText())
                    .isEqualTo("deprecated");
        }
    }
}
