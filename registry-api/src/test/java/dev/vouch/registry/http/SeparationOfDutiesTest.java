package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.Role;
import dev.vouch.store.AuditRecord;
import dev.vouch.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nobody approves or rejects a version they published: a curator token that can also publish must not
 * wave its own held version through. An admin may, and the override is audited as such.
 */
class SeparationOfDutiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURATION = "/v0.1/curation/servers/io.github.acme%2Fweather/versions/2.0.0/";

    @TempDir
    Path dataDir;

    RunningRegistry registry;

    @BeforeEach
    void start() {
        registry = RunningRegistry.start(dataDir, false);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    String token(Role role, String... grants) {
        return registry.registry()
                .tokens()
                .issue(role, List.of(grants), Optional.of(role.wireName()), "test")
                .secret();
    }

    /** Publishes 1.0.0, then a 2.0.0 whose changed tool holds it for a curator. */
    void holdVersionPublishedBy(String token) {
        assertThat(registry.send(
                                "POST",
                                "/v0.1/publish",
                                Optional.of(token),
                                LatestVersionTest.envelope("1.0.0", "Forecast for a city."))
                        .status())
                .isEqualTo(200);
        assertThat(registry.send(
                                "POST",
                                "/v0.1/publish",
                                Optional.of(token),
                                LatestVersionTest.envelope("2.0.0", "Forecast for a city, in Celsius."))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aCuratorCannotApproveAVersionItPublished() {
        String curatorPublisher = token(Role.CURATOR, "io.github.acme/*");
        holdVersionPublishedBy(curatorPublisher);

        RunningRegistry.Response response =
                registry.send("POST", CURATION + "approve", Optional.of(curatorPublisher), new byte[0]);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith(Problem.CONTENT_TYPE);
        assertThat(response.json().path("detail").asText()).contains("another curator must review it");
        assertThat(registry.get("/v0.1/servers/io.github.acme%2Fweather/versions/2.0.0")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCuratorCannotRejectAVersionItPublished() {
        String curatorPublisher = token(Role.CURATOR, "io.github.acme/*");
        holdVersionPublishedBy(curatorPublisher);

        RunningRegistry.Response response = registry.send(
                "POST",
                CURATION + "reject",
                Optional.of(curatorPublisher),
                "{\"reason\": \"mine\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void anotherCuratorApproves() {
        holdVersionPublishedBy(token(Role.CURATOR, "io.github.acme/*"));

        assertThat(registry.send("POST", CURATION + "approve", Optional.of(token(Role.CURATOR)), new byte[0])
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdminMayApproveItsOwnVersionAndTheOverrideIsAudited() throws Exception {
        String admin = token(Role.ADMIN);
        holdVersionPublishedBy(admin);

        assertThat(registry.send("POST", CURATION + "approve", Optional.of(admin), new byte[0])
                        .status())
                .isEqualTo(200);

        List<AuditRecord> records;
        try (Store store = Store.openSqlite(dataDir)) {
            records = store.read(repos -> repos.audit().read(0, 1000));
        }
        AuditRecord approval = records.get(records.size() - 1);
        assertThat(approval.action()).isEqualTo("version.approve");
        JsonNode detail = JSON.readTree(approval.detail());
        assertThat(detail.path("selfReviewOverride").asBoolean()).isTrue();
    }
}
