package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.registry.Registry;
import dev.vouch.registry.auth.Role;
import dev.vouch.registry.policy.PolicySource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that cannot run is said so, and decides nothing in the publisher's favour: an unreadable drift
 * baseline holds the version for a curator; an unreadable policy file refuses publishing.
 */
class FailClosedTest {

    @TempDir
    Path dir;

    Path policy;
    Registry registry;
    ApiServer server;
    String token;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        policy = Files.writeString(dir.resolve("policy.yaml"), "default:\n  toolDrift: allow\n");
        registry = Registry.openSqlite(dir.resolve("data"), PolicySource.fromFile(policy));
        server = registry.httpServer(ApiServer.DEFAULT_MAX_BODY_BYTES).start("127.0.0.1", 0);
        token = registry.tokens()
                .issue(Role.PUBLISHER, List.of("io.github.acme/*"), Optional.empty(), "test")
                .secret();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    HttpResponse<String> publish(String version) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v0.1/publish"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                LatestVersionTest.envelope(version, "Forecast for a city.")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnreadableDriftBaselineHoldsTheNextVersionAndSaysWhy() throws Exception {
        assertThat(publish("1.0.0").statusCode()).isEqualTo(200);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/vouch.db"));
                PreparedStatement corrupt =
                        connection.prepareStatement("UPDATE server_version_details SET tools = ?")) {
            corrupt.setBytes(1, "{ not json".getBytes(StandardCharsets.UTF_8));
            corrupt.executeUpdate();
        }

        HttpResponse<String> next = publish("1.1.0");

        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        JsonNode checks = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(next.body())
                .path("_meta")
                .path("io.vouch.registry/publish")
                .path("checks");
        assertThat(checks.findValuesAsText("detail"))
                .anySatisfy(
                        detail -> assertThat(detail).contains("drift baseline").contains("cannot be read"));
    }

    @Test
    void anUnreadablePolicyFileRefusesPublishingInsteadOfKeepingAStalePolicy() throws Exception {
        Files.delete(policy);

        HttpResponse<String> response = publish("1.0.0");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
        assertThat(response.body()).contains("policy cannot be read");
        assertThat(registry.catalog()
                        .list(dev.vouch.registry.catalog.ListRequest.from(p -> null))
                        .versions())
                .isEmpty();
    }
}
