package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.RunningRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code versions/latest} is always the highest active or deprecated published version, or none: no
 * status change or curator decision can leave the mark on a deleted or held version.
 */
class LatestVersionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "io.github.acme/weather";
    private static final String PATH = "/v0.1/servers/io.github.acme%2Fweather/versions/";

    @TempDir
    Path dataDir;

    RunningRegistry registry;
    String publisher;
    String curator;

    @BeforeEach
    void start() {
        registry = RunningRegistry.start(dataDir, false);
        publisher = registry.token("io.github.acme/*");
        curator = registry.curatorToken();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    static byte[] envelope(String version, String toolDescription) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("server")
                .put("$schema", "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json")
                .put("name", NAME)
                .put("description", "Weather")
                .put("version", version);
        envelope.putArray("tools")
                .addObject()
                .put("name", "get_forecast")
                .put("description", toolDescription)
                .putObject("inputSchema")
                .put("type", "object");
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    int publish(String version, String toolDescription) {
        return registry.send("POST", "/v0.1/publish", Optional.of(publisher), envelope(version, toolDescription))
                .status();
    }

    int status(String version, String status) {
        return registry.send(
                        "PATCH",
                        PATH + version + "/status",
                        Optional.of(publisher),
                        ("{\"status\": \"" + status + "\"}").getBytes(StandardCharsets.UTF_8))
                .status();
    }

    Optional<String> latest() {
        RunningRegistry.Response response = registry.get(PATH + "latest");
        return response.status() == 404
                ? Optional.empty()
                : Optional.of(response.json().path("server").path("version").asText());
    }

    @Test
    void approvingAHeldVersionThatWasDeletedLeavesLatestOnTheActiveOne() {
        assertThat(publish("1.0.0", "Forecast for a city.")).isEqualTo(200);
        assertThat(publish("2.0.0", "Forecast for a city, in Celsius.")).isEqualTo(202);
        assertThat(status("2.0.0", "deleted")).isEqualTo(200);

        assertThat(registry.send(
                                "POST",
                                "/v0.1/curation/servers/io.github.acme%2Fweather/versions/2.0.0/approve",
                                Optional.of(curator),
                                new byte[0])
                        .status())
                .isEqualTo(200);

        assertThat(latest()).contains("1.0.0");
    }

    @Test
    void deletingTheLatestMovesTheMarkToTheHighestRemainingAndRestoringItMovesItBack() {
        publish("1.0.0", "Forecast for a city.");
        publish("2.0.0", "Forecast for a city.");
        publish("1.5.0", "Forecast for a city.");
        assertThat(latest()).contains("2.0.0");

        status("2.0.0", "deleted");
        assertThat(latest()).contains("1.5.0");

        status("2.0.0", "active");
        assertThat(latest()).contains("2.0.0");

        status("2.0.0", "deprecated");
        assertThat(latest()).as("a deprecated version is still a candidate").contains("2.0.0");
    }

    @Test
    void deletingEveryVersionLeavesNoLatest() {
        publish("1.0.0", "Forecast for a city.");
        assertThat(registry.send(
                                "PATCH",
                                "/v0.1/servers/io.github.acme%2Fweather/status",
                                Optional.of(publisher),
                                "{\"status\": \"deleted\"}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);

        assertThat(latest()).isEmpty();

        status("1.0.0", "active");
        assertThat(latest()).contains("1.0.0");
    }

    @Test
    void theListOfLatestVersionsNeverNamesADeletedOne() {
        publish("1.0.0", "Forecast for a city.");
        publish("2.0.0", "Forecast for a city.");
        status("2.0.0", "deleted");

        assertThat(registry.get("/v0.1/servers?version=latest").json().path("servers"))
                .extracting(s -> s.path("server").path("version").asText())
                .containsExactly("1.0.0");
    }
}
