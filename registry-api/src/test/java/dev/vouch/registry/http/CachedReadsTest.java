package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read answered from a kept answer before it reaches Javalin is the same answer, headers and all,
 * as Javalin's: body, ETag, 304, gzip, Cache-Control, Vary, security and CORS headers, the request id;
 * it is logged and counted like any other; and a write anywhere stops it at once.
 */
class CachedReadsTest {

    private static final String LATEST = "/v0.1/servers/io.github.acme%2Fweather/versions/latest";

    @TempDir
    Path dataDir;

    final List<String> accessLog = new CopyOnWriteArrayList<>();
    RunningRegistry registry;
    String token;

    @BeforeEach
    void start() {
        registry = RunningRegistry.startLogging(dataDir, accessLog);
        token = registry.token("io.github.acme/*");
        publish("1.0.0");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aKeptAnswerServedEarlyIsJavalinsAnswerHeadersAndAll() {
        for (String path : List.of(LATEST, "/v0.1/servers?limit=5", "/v0/servers/io.github.acme%2Fweather/versions")) {
            for (Optional<String> encoding : List.of(Optional.<String>empty(), Optional.of("gzip"))) {
                RunningRegistry.Response computed = get(path, encoding, Optional.empty());
                RunningRegistry.Response kept = get(path, encoding, Optional.empty());
                long early = registry.server().earlyAnswers();

                RunningRegistry.Response served = get(path, encoding, Optional.empty());

                assertThat(registry.server().earlyAnswers()).as(path).isEqualTo(early + 1);
                assertThat(served.status()).isEqualTo(200);
                assertThat(served.body()).isEqualTo(computed.body()).isEqualTo(kept.body());
                assertThat(served.comparableHeaders()).as(path).isEqualTo(computed.comparableHeaders());
            }
        }
    }

    @Test
    void aKeptAnswerServedEarlyAnswers304AndEchoesTheRequestId() {
        get(LATEST, Optional.empty(), Optional.empty());
        RunningRegistry.Response kept = get(LATEST, Optional.empty(), Optional.empty());
        String etag = kept.header("ETag").orElseThrow();
        RunningRegistry.Response notModifiedByJavalin = get(LATEST, Optional.empty(), Optional.of("W/" + etag));
        long early = registry.server().earlyAnswers();

        RunningRegistry.Response notModified = registry.send(HttpRequest.newBuilder(registry.uri(LATEST))
                .header("If-None-Match", etag)
                .header("X-Request-Id", "caller-id-1")
                .GET()
                .build());

        assertThat(registry.server().earlyAnswers()).isEqualTo(early + 1);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("X-Request-Id")).contains("caller-id-1");
        assertThat(notModified.comparableHeaders()).isEqualTo(notModifiedByJavalin.comparableHeaders());
        assertThat(accessLog.get(accessLog.size() - 1))
                .contains("\"requestId\":\"caller-id-1\"")
                .contains("\"method\":\"GET\"")
                .contains("\"route\":\"/v0.1/servers/{serverName}/versions/{version}\"")
                .contains("\"status\":304")
                .contains("\"client\":\"127.0.0.1\"");
        assertThat(registry.get("/metrics").text())
                .contains("route=\"/v0.1/servers/{serverName}/versions/{version}\"")
                .contains("status=\"304\"");
    }

    @Test
    void aWriteStopsTheKeptAnswerAtOnce() {
        get(LATEST, Optional.empty(), Optional.empty());
        get(LATEST, Optional.empty(), Optional.empty());
        assertThat(get(LATEST, Optional.empty(), Optional.empty())
                        .json()
                        .path("server")
                        .path("version")
                        .asText())
                .isEqualTo("1.0.0");

        publish("1.0.1");
        long early = registry.server().earlyAnswers();

        assertThat(get(LATEST, Optional.empty(), Optional.empty())
                        .json()
                        .path("server")
                        .path("version")
                        .asText())
                .isEqualTo("1.0.1");
        assertThat(registry.server().earlyAnswers()).isEqualTo(early);
    }

    @Test
    void requestsNotAnsweredBeforePassToJavalin() {
        get(LATEST, Optional.empty(), Optional.empty());
        get(LATEST, Optional.empty(), Optional.empty());
        long early = registry.server().earlyAnswers();

        assertThat(registry.send(HttpRequest.newBuilder(registry.uri(LATEST))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(get(LATEST + "?other=1", Optional.empty(), Optional.empty()).status())
                .isEqualTo(200);
        assertThat(get("/v0.1/servers/io.github.acme%2Fnothing/versions/latest", Optional.empty(), Optional.empty())
                        .status())
                .isEqualTo(404);
        assertThat(registry.server().earlyAnswers()).isEqualTo(early);
    }

    private void publish(String version) {
        assertThat(registry.publish(token, RegistryApiTest.manifest("io.github.acme/weather", version))
                        .status())
                .isEqualTo(200);
    }

    private RunningRegistry.Response get(String path, Optional<String> encoding, Optional<String> ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.uri(path)).GET();
        encoding.ifPresent(value -> request.header("Accept-Encoding", value));
        ifNoneMatch.ifPresent(value -> request.header("If-None-Match", value));
        return registry.send(request.build());
    }
}
