package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code updated_since} outside what the store can represent is a bad request, never an overflow. */
class UpdatedSinceBoundsTest {

    @TempDir
    static Path dataDir;

    static RunningRegistry registry;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(dataDir, false);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2300-01-01T00:00:00Z",
                "1600-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "0001-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z"
            })
    void aDateTheStoreCannotRepresentIsABadRequestNamingTheRange(String since) {
        RunningRegistry.Response response = registry.get("/v0.1/servers?updated_since="
                + java.net.URLEncoder.encode(since, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(Problem.CONTENT_TYPE);
        assertThat(response.json().path("errors").get(0).path("pointer").asText())
                .isEqualTo("updated_since");
        assertThat(response.json().path("detail").asText()).contains("1970-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2261-12-31T23:59:59Z", "2026-01-01T00:00:00+02:00"})
    void aDateInsideTheRangeIsServed(String since) {
        RunningRegistry.Response response = registry.get("/v0.1/servers?updated_since="
                + java.net.URLEncoder.encode(since, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
    }
}
