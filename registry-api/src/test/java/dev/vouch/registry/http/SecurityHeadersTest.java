package dev.vouch.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.registry.RunningRegistry;
import dev.vouch.registry.auth.exchange.ExchangeSettings;
import dev.vouch.registry.http.observability.AccessLog;
import dev.vouch.registry.http.security.SecurityHeaders;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers on every response, no caching of writes and errors, and CORS: reads open, writes explicit. */
class SecurityHeadersTest {

    private static final String CONSOLE = "https://console.example.com";

    @TempDir
    static Path dataDir;

    static RunningRegistry registry;
    static String token;

    @BeforeAll
    static void start() {
        registry = RunningRegistry.start(
                dataDir,
                false,
                ExchangeSettings.defaults(),
                HttpOptions.defaults().withAccessLog(AccessLog.none()).withCorsWriteOrigins(List.of(CONSOLE)));
        token = registry.token("io.github.acme/*");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    RunningRegistry.Response send(String method, String path, String origin, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.uri(path))
                .method(
                        method,
                        method.equals("POST") || method.equals("PATCH")
                                ? HttpRequest.BodyPublishers.ofByteArray(RegistryApiTest.manifest(
                                        "io.github.acme/cors-" + method + System.nanoTime(), "1.0.0"))
                                : HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return registry.send(request.build());
    }

    @Test
    void everyResponseSuccessOrErrorCarriesNosniffAndARestrictiveCsp() {
        for (RunningRegistry.Response response : List.of(
                registry.get("/v0.1/servers"),
                registry.get("/nope"),
                registry.get("/metrics"),
                registry.get("/openapi.yaml"),
                registry.send("POST", "/v0.1/publish", Optional.empty(), new byte[0]))) {
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("Content-Security-Policy")).contains(SecurityHeaders.CSP);
            assertThat(response.header("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void writesAndErrorsAreNeverStoredByACacheButSuccessfulReadsAreLeftToTheReadSide() {
        assertThat(send("POST", "/v0.1/publish", null, "Authorization", "Bearer " + token)
                        .header("Cache-Control"))
                .contains("no-store");
        assertThat(registry.send("POST", "/v0.1/publish", Optional.empty(), new byte[0])
                        .header("Cache-Control"))
                .contains("no-store");
        assertThat(registry.get("/v0.1/servers/nope%2Fnope/versions").header("Cache-Control"))
                .contains("no-store");
        assertThat(registry.get("/v0.1/servers?limit=0").header("Cache-Control"))
                .contains("no-store");
        assertThat(registry.get("/v0.1/servers").header("Cache-Control")).isNotEqualTo(Optional.of("no-store"));
    }

    @Test
    void anyOriginMayReadButOnlyConfiguredOriginsMayWrite() {
        assertThat(send("GET", "/v0.1/servers", "https://evil.example").header("Access-Control-Allow-Origin"))
                .contains("*");

        RunningRegistry.Response evilWrite =
                send("POST", "/v0.1/publish", "https://evil.example", "Authorization", "Bearer " + token);
        assertThat(evilWrite.header("Access-Control-Allow-Origin")).isEmpty();

        RunningRegistry.Response consoleWrite =
                send("POST", "/v0.1/publish", CONSOLE, "Authorization", "Bearer " + token);
        assertThat(consoleWrite.status()).isEqualTo(200);
        assertThat(consoleWrite.header("Access-Control-Allow-Origin")).contains(CONSOLE);
        assertThat(consoleWrite.header("Vary")).contains("Origin");
    }

    @Test
    void aPreflightGrantsWritesOnlyToConfiguredOriginsAndReadsToAll() {
        RunningRegistry.Response console = send(
                "OPTIONS",
                "/v0.1/publish",
                CONSOLE,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
        assertThat(console.status()).isEqualTo(204);
        assertThat(console.header("Access-Control-Allow-Origin")).contains(CONSOLE);
        assertThat(console.header("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(console.header("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("Authorization"));

        RunningRegistry.Response evil =
                send("OPTIONS", "/v0.1/publish", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(evil.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(evil.header("Access-Control-Allow-Methods")).isEmpty();

        RunningRegistry.Response read =
                send("OPTIONS", "/v0.1/servers", "https://anyone.example", "Access-Control-Request-Method", "GET");
        assertThat(read.status()).isEqualTo(204);
        assertThat(read.header("Access-Control-Allow-Origin")).contains("*");
    }
}
