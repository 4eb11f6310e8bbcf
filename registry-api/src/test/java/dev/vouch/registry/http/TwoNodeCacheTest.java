package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.RunningRegistry;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two registry nodes over one database: a write on one is seen at once by the other's response cache. */
class TwoNodeCacheTest {

    @TempDir
    Path dataDir;

    @Test
    void aPublishOnOneNodeReachesTheOtherNodesCachedList() {
        try (RunningRegistry a = RunningRegistry.start(dataDir, false);
                RunningRegistry b = RunningRegistry.start(dataDir, false)) {
            String token = b.token("io.github.acme/*");
            JsonNode before = a.get("/v0.1/servers?search=weather").json();
            assertThat(a.get("/v0.1/servers?search=weather").json()).isEqualTo(before);

            assertThat(b.send(
                                    "POST",
                                    "/v0.1/publish",
                                    Optional.of(token),
                                    RegistryApiTest.manifest("io.github.acme/weather", "1.0.0"))
                            .status())
                    .isEqualTo(200);

            assertThat(before.path("servers")).isEmpty();
            assertThat(a.get("/v0.1/servers?search=weather").json().path("servers"))
                    .hasSize(1);
            assertThat(a.get("/v0.1/servers/io.github.acme%2Fweather/versions/latest")
                            .status())
                    .isEqualTo(200);
        }
    }
}
