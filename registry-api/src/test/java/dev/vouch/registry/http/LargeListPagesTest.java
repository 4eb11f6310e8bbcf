package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.http.limits.RateLimitSettings;
import dev.vouch.registry.http.observability.AccessLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list page larger than the buffer its parts are written through (several writes of one answer) is
 * Javalin's answer byte for byte and header for header but its framing (a stated length, where Javalin
 * streams so large an answer in chunks), whether computed for the request, computed and kept, or served
 * from the kept answer; plain and gzipped.
 */
class LargeListPagesTest {

    @TempDir
    Path dataDir;

    RunningRegistry registry;

    @BeforeEach
    void start() {
        // The seed catalog and sixty versions more: a first page of a hundred takes more than one write.
        registry = RunningRegistry.start(
                dataDir,
                true,
                ExchangeSettings.defaults(),
                HttpOptions.defaults()
                        .withAccessLog(AccessLog.none())
                        .withRateLimits(new RateLimitSettings(1_000, 1_000, 1_000, 1_000)));
        String token = registry.token("io.github.acme/*");
        for (int server = 0; server < 20; server++) {
            for (int version = 0; version < 3; version++) {
                byte[] manifest = RegistryApiTest.manifest("io.github.acme/server-" + server, "1.0." + version);
                assertThat(registry.publish(token, manifest).status()).isEqualTo(200);
            }
        }
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aPageOfSeveralWritesIsJavalinsAnswerComputedKeptAndServedFromTheCache() {
        for (Optional<String> encoding : List.of(Optional.<String>empty(), Optional.of("gzip"))) {
            String path = "/v0.1/servers?limit=100&n=" + encoding.orElse("plain");
            // Under a query of its own: the cache keys on the raw query, and Javalin's must not be a first ask.
            RunningRegistry.Response javalins = registry.get(path + "&javalin", encoding, true);
            assertThat(plain(javalins).length).isGreaterThan(PartsWriter.BUFFER_BYTES);
            long computedBefore = registry.server().earlyListings();
            long answeredBefore = registry.server().earlyAnswers();

            List<RunningRegistry.Response> answers = List.of(
                    registry.get(path, encoding, false),
                    registry.get(path, encoding, false),
                    registry.get(path, encoding, false));

            assertThat(registry.server().earlyListings()).isEqualTo(computedBefore + 2);
            assertThat(registry.server().earlyAnswers()).isEqualTo(answeredBefore + 1);
            for (RunningRegistry.Response answer : answers) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo(javalins.body());
                assertThat(answer.header("Content-Length")).contains(Integer.toString(answer.body().length));
                assertThat(withoutFraming(answer)).isEqualTo(withoutFraming(javalins));
            }
        }
    }

    /**
     * The headers but the body's framing: Javalin streams an answer larger than its output buffer in
     * chunks, while one sent from its bytes states its length.
     */
    private static Map<String, List<String>> withoutFraming(RunningRegistry.Response response) {
        Map<String, List<String>> headers = response.comparableHeaders();
        headers.remove("content-length");
        headers.remove("transfer-encoding");
        return headers;
    }

    private static byte[] plain(RunningRegistry.Response response) {
        if (response.header("Content-Encoding").filter("gzip"::equals).isEmpty()) {
            return response.body();
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
