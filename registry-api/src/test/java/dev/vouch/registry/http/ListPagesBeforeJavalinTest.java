package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code /servers} page nobody asked before (a list, a search, the feed, a deep page) is computed in
 * front of Javalin, and it is Javalin's answer byte for byte and header for header; it is logged and
 * counted like any other; and a page that fails goes on to Javalin, which answers the failure as a
 * problem. A GET carrying a Content-Type is left to Javalin (it decodes the query in that charset), which
 * is how these tests get Javalin's own answer to compare.
 */
class ListPagesBeforeJavalinTest {

    @TempDir
    Path dataDir;

    final List<String> accessLog = new CopyOnWriteArrayList<>();
    final AtomicInteger unique = new AtomicInteger();
    RunningRegistry registry;

    @BeforeEach
    void start() {
        registry = RunningRegistry.startLogging(dataDir, accessLog);
        String token = registry.token("io.github.acme/*");
        for (String name : List.of("weather", "tides", "winds")) {
            for (String version : List.of("1.0.0", "1.1.0")) {
                assertThat(registry.publish(token, RegistryApiTest.manifest("io.github.acme/" + name, version))
                                .status())
                        .isEqualTo(200);
            }
        }
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aPageComputedBeforeJavalinIsJavalinsAnswerHeadersAndAll() {
        String cursor = registry.get("/v0.1/servers?limit=2")
                .json()
                .path("metadata")
                .path("nextCursor")
                .asText();
        List<String> queries = List.of(
                "/v0.1/servers?limit=5",
                "/v0/servers?limit=3&search=tides",
                "/v0.1/servers?limit=2&cursor=" + cursor,
                "/v0.1/servers?version=latest",
                "/v0.1/servers?updated_since=2000-01-01T00:00:00Z&limit=4",
                "/v0.1/servers?search=acme+weather&limit=2&limit=9");
        for (String query : queries) {
            for (Optional<String> encoding : List.of(Optional.<String>empty(), Optional.of("gzip"))) {
                String path = query + "&n=" + unique.incrementAndGet();
                RunningRegistry.Response javalins = registry.get(path, encoding, true);
                long early = registry.server().earlyListings();

                RunningRegistry.Response computed = registry.get(path, encoding, false);

                assertThat(registry.server().earlyListings()).as(path).isEqualTo(early + 1);
                assertThat(computed.status()).as(path).isEqualTo(200);
                assertThat(computed.body()).as(path).isEqualTo(javalins.body());
                assertThat(computed.comparableHeaders()).as(path).isEqualTo(javalins.comparableHeaders());
            }
        }
    }

    @Test
    void aPageComputedBeforeJavalinAnswers304AndIsLoggedAndCounted() {
        String etag = registry.get("/v0.1/servers?limit=5&n=1", Optional.empty(), false)
                .header("ETag")
                .orElseThrow();
        long early = registry.server().earlyListings();

        RunningRegistry.Response notModified =
                registry.send(HttpRequest.newBuilder(registry.uri("/v0.1/servers?limit=5&n=2"))
                        .header("If-None-Match", etag)
                        .header("X-Request-Id", "caller-id-7")
                        .GET()
                        .build());

        assertThat(registry.server().earlyListings()).isEqualTo(early + 1);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("X-Request-Id")).contains("caller-id-7");
        assertThat(accessLog.get(accessLog.size() - 1))
                .contains("\"requestId\":\"caller-id-7\"")
                .contains("\"route\":\"/v0.1/servers\"")
                .contains("\"status\":304");
        assertThat(registry.get("/metrics").text())
                .contains("route=\"/v0.1/servers\"")
                .contains("status=\"304\"");
    }

    @Test
    void aFailingPageGoesOnToJavalinWhichAnswersAProblem() {
        for (String path : List.of(
                "/v0.1/servers?limit=0",
                "/v0.1/servers?cursor=not-a-cursor",
                "/v0.1/servers?updated_since=yesterday")) {
            RunningRegistry.Response javalins = registry.get(path, Optional.empty(), true);
            long early = registry.server().earlyListings();

            RunningRegistry.Response answered = registry.send(HttpRequest.newBuilder(registry.uri(path))
                    .header("X-Request-Id", "caller-id-9")
                    .GET()
                    .build());

            assertThat(registry.server().earlyListings()).as(path).isEqualTo(early);
            assertThat(answered.status()).as(path).isEqualTo(javalins.status());
            assertThat(answered.body()).as(path).isEqualTo(javalins.body());
            assertThat(answered.header("X-Request-Id")).as(path).contains("caller-id-9");
            if (answered.status() >= 400) {
                assertThat(answered.header("Content-Type"))
                        .as(path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
                assertThat(answered.header("Cache-Control")).as(path).contains("no-store");
            }
        }
        assertThat(registry.get("/v0.1/servers?limit=0", Optional.empty(), false)
                        .status())
                .isEqualTo(400);
        assertThat(accessLog.get(accessLog.size() - 1))
                .contains("\"route\":\"/v0.1/servers\"")
                .contains("\"status\":400");
    }
}
