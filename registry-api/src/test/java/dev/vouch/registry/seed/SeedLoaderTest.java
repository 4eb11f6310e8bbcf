package dev.vouch.registry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.Registry;
import dev.vouch.registry.RunningRegistry;
import dev.vouch.seed.SeedCatalog;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartLoadsEverySeedEntryThroughValidation() {
        try (Registry registry = Registry.openSqlite(dataDir)) {
            assertThat(registry.seedIfEmpty()).isEqualTo(SeedCatalog.entries().size());
        }
        assertThat(SeedCatalog.entries()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void restartingDoesNotLoadAgain() {
        try (Registry registry = Registry.openSqlite(dataDir)) {
            registry.seedIfEmpty();
        }
        try (Registry registry = Registry.openSqlite(dataDir)) {
            assertThat(registry.seedIfEmpty()).isZero();
        }
    }

    @Test
    void aRegistryInUseIsNeverSeeded() {
        try (RunningRegistry running = RunningRegistry.start(dataDir, false)) {
            String token = running.token("io.github.acme/*");
            byte[] body =
                    ("{\"$schema\":\"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json\","
                                    + "\"name\":\"io.github.acme/xx\",\"description\":\"x\",\"version\":\"1.0.0\"}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(running.send("POST", "/v0.1/publish", Optional.of(token), body)
                            .status())
                    .isEqualTo(200);

            assertThat(running.registry().seedIfEmpty()).isZero();
        }
    }

    @Test
    void seedsCarryTheirToolDefinitions() {
        try (Registry registry = Registry.openSqlite(dataDir)) {
            registry.seedIfEmpty();
            assertThat(registry.catalog()
                            .version("com.stripe/stripe", "latest", false)
                            .tools())
                    .isPresent();
        }
    }
}
